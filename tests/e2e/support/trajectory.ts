import type { APIRequestContext, BrowserContext } from "playwright-core";
import type { MeetingDetail, TrajectoryDetail } from "../../../src/domain/trajectories/api.js";
import { DEMO_PASSWORD } from "./koers.js";

/**
 * Sets up what a journey starts from through the API, as someone signed in in the given browser
 * context: the story under test then runs in the pages. Every call must succeed.
 */
export interface Api {
  get<T>(path: string): Promise<T>;
  send<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T>;
}

async function answer<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (response.status() === 204 ? null : await response.json()) as T;
}

interface Session {
  csrfToken: string;
  organisation: { slug: string } | null;
  organisations: { id: string; slug: string }[];
}

/**
 * Signs the context in through the API (its cookies then belong to that person), working in
 * the organisation with this slug, and returns its API.
 */
export async function apiAs(context: BrowserContext, email: string, organisation = "de-linde"): Promise<Api> {
  const request = context.request;
  const session = async () => answer<Session>(await request.get("/api/v1/auth/session"), "session");
  await answer(
    await request.post("/api/v1/auth/login", {
      data: { email, password: DEMO_PASSWORD },
      headers: { "x-csrf-token": (await session()).csrfToken },
    }),
    `sign-in of ${email}`,
  );
  const signedIn = await session();
  const csrf = signedIn.csrfToken;
  if (signedIn.organisation?.slug !== organisation) {
    const target = signedIn.organisations.find((o) => o.slug === organisation);
    if (!target) throw new Error(`${email} does not work for ${organisation}`);
    await answer(
      await request.post("/api/v1/auth/organisation", {
        data: { organisationId: target.id },
        headers: { "x-csrf-token": csrf },
      }),
      `switch of ${email} to ${organisation}`,
    );
  }
  return {
    get: async (path) => answer(await request.get(`/api/v1${path}`), `GET ${path}`),
    send: async (method, path, body) =>
      answer(
        await request.fetch(`/api/v1${path}`, {
          method,
          data: body ?? {},
          headers: { "x-csrf-token": csrf },
        }),
        `${method} ${path}`,
      ),
  };
}

/** An ISO day so many days from today, in the browser's calendar. */
export function dayFromToday(days: number) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** That day at that time, Dutch time in winter or summer, as the API wants it. */
export function momentOn(day: string, time: string) {
  const probe = new Date(`${day}T12:00:00Z`);
  const amsterdamNoon = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Amsterdam",
    hour: "2-digit",
    hourCycle: "h23",
  }).format(probe);
  const offset = Number(amsterdamNoon) - 12;
  return `${day}T${time}:00+0${offset}:00`;
}

export interface TeacherTrajectory {
  trajectory: TrajectoryDetail;
  goals: { id: string; title: string }[];
  classroomVisit: MeetingDetail;
  feedbackConversation: MeetingDetail;
}

export const GOALS = ["Start elke les met de lesdoelen op het bord", "Geeft verlengde instructie aan een groepje"];

/**
 * A teacher trajectory of De Linde: Fatima Yılmaz commissions it for Daan Bakker with Sanne
 * Visser as adviser, who writes two goals and plans a classroom visit yesterday and a feedback
 * conversation tomorrow.
 */
export async function teacherTrajectory(
  commissioner: Api,
  guide: Api,
  title = "Werkbegeleiding Daan Bakker",
): Promise<TeacherTrajectory> {
  const candidates = await commissioner.get<{
    trainees: { id: string; name: string }[];
    guides: { id: string; name: string }[];
  }>("/trajectories/candidates");
  const trainee = candidates.trainees.find((p) => p.name === "Daan Bakker");
  const adviser = candidates.guides.find((p) => p.name === "Sanne Visser");
  if (!trainee || !adviser) throw new Error("demo people missing from the candidates");
  const created = await commissioner.send<TrajectoryDetail>("POST", "/trajectories", {
    regimeKey: "werkbegeleiding_leerkracht",
    title,
    traineeId: trainee.id,
    guideIds: [adviser.id],
    startsOn: dayFromToday(-14),
    endsOn: dayFromToday(120),
  });
  let trajectory = created;
  for (const goal of GOALS)
    trajectory = await guide.send<TrajectoryDetail>("POST", `/trajectories/${created.id}/goals`, {
      title: goal,
      rationale: "necessity",
      successCriteria: `Zichtbaar bij elk klassenbezoek: ${goal.toLowerCase()}.`,
    });
  // The opdrachtgever approves them: a report is made final only on goals the opdrachtgever approved.
  trajectory = await commissioner.send<TrajectoryDetail>("POST", `/trajectories/${created.id}/goals/approve`, {});
  const classroomVisit = await guide.send<MeetingDetail>("POST", `/trajectories/${created.id}/meetings`, {
    type: "classroom_visit",
    startsAt: momentOn(dayFromToday(-1), "09:00"),
    location: "Groep 5, lokaal 12",
  });
  // Yesterday afternoon, after the visit: recorded as held in the journeys, so it has taken place.
  const feedbackConversation = await guide.send<MeetingDetail>("POST", `/trajectories/${created.id}/meetings`, {
    type: "feedback_conversation",
    startsAt: momentOn(dayFromToday(-1), "15:30"),
  });
  return {
    trajectory,
    goals: (trajectory.goals ?? []).map((g) => ({ id: g.id, title: g.title })),
    classroomVisit,
    feedbackConversation,
  };
}
