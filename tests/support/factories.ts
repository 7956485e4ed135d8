import { eq } from "drizzle-orm";
import { trajectories, users } from "../../src/db/schema.js";
import { addDays, dutchToday } from "../../src/domain/dutch-time.js";
import type { GuideEligibilityRecord } from "../../src/domain/eligibility/model.js";
import type { MeetingDetail, TrajectoryDetail, UpdateMeetingInput } from "../../src/domain/trajectories/api.js";
import { DEMO_PASSWORD } from "../../src/server/demo/seed.js";
import type { TestApp, TestClient } from "./app.js";
import { invitationTokenFor } from "./mailbox.js";

/**
 * Test data made through the API, as people make it: a test states only what matters to it
 * (`createTrajectory(t, { regime: "supervisie", meetings: [{ held: { minutes: 90 } }] })`) and
 * gets the ids back.
 */

/** Days from today (the Dutch day) as an ISO date, so a trajectory's period always holds "now". */
export const day = (offset: number) => addDays(dutchToday(), offset);
export const at = (offset: number, time = "10:00") => new Date(`${day(offset)}T${time}:00+01:00`).toISOString();

interface Response {
  statusCode: number;
  body: string;
  headers?: Record<string, unknown>;
  json(): unknown;
}

/**
 * The answer's body when its status is `status`; otherwise a failure that shows the problem
 * (application/problem+json) the API gave, so a broken setup says why.
 */
// biome-ignore lint/suspicious/noExplicitAny: an answer's shape is the caller's to name
export function expectStatus<T = any>(response: Response, status = 200): T {
  if (response.statusCode !== status) {
    let problem = response.body;
    try {
      problem = JSON.stringify(JSON.parse(response.body), null, 2);
    } catch {
      // not JSON: shown as it came
    }
    throw new Error(`expected ${status}, got ${response.statusCode}: ${problem}`);
  }
  return (response.statusCode === 204 ? undefined : response.json()) as T;
}

/** The demo organisations trajectories are made in. */
export type Organisation = "linde" | "rivier";

/** Who starts, follows and guides a trajectory in each demo organisation, unless a test says otherwise. */
const CAST: Record<Organisation, { client: string; trainee: string; guide: string }> = {
  linde: { client: "fatima.yilmaz@delinde.example", trainee: "Daan Bakker", guide: "Sanne Visser" },
  rivier: { client: "mohamed.bouali@rivierenland.example", trainee: "Lisa Dekker", guide: "Sanne Visser" },
};

const GUIDE_EMAILS: Record<string, string> = {
  "Sanne Visser": "sanne.visser@netwerk.example",
  "Eva Mulder": "eva.mulder@delinde.example",
};

/** Signs in and, for someone who works for several organisations, works in `organisation`. */
export async function signIn(
  t: TestApp,
  email: string,
  organisation: keyof TestApp["orgs"] = "linde",
): Promise<TestClient> {
  const client = await t.login(email);
  if ((await client.refreshSession()).organisation?.id !== t.orgs[organisation]) {
    expectStatus(await client.post("/api/v1/auth/organisation", { organisationId: t.orgs[organisation] }), 204);
    await client.refreshSession();
  }
  return client;
}

export interface Candidates {
  me: string;
  trainees: { id: string; name: string }[];
  guides: { id: string; name: string }[];
}

/** The people a trajectory can be started for and with, as the starter sees them. */
export const candidates = async (by: TestClient) =>
  expectStatus<Candidates>(await by.get("/api/v1/trajectories/candidates"));

/** A person's id among `people` by name; a failure names who was missing. */
function named(people: { id: string; name: string }[], name: string) {
  const found = people.find((p) => p.name === name);
  if (!found) throw new Error(`no candidate named ${name} among ${people.map((p) => p.name).join(", ")}`);
  return found.id;
}

export interface PersonOptions {
  name: string;
  roles: string[];
  /** Unique by default. */
  email?: string;
  /** The organisation's admin who adds them; De Linde's admin by default. */
  admin?: TestClient;
  /** More fields of the request (experience, manager, ...). */
  fields?: Record<string, unknown>;
}

/** A person added by the admin who accepted the invitation with the demo password: an active member. */
export async function createPerson(t: TestApp, options: PersonOptions) {
  const admin = options.admin ?? (await t.login("beheer@delinde.example"));
  const email = options.email ?? `${options.name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@factory.example`;
  const made = expectStatus<{ id: string }>(
    await admin.post("/api/v1/people", { name: options.name, email, roles: options.roles, ...options.fields }),
    201,
  );
  const token = await invitationTokenFor(t, email);
  expectStatus(await (await t.anonymous()).post("/api/v1/invitations/accept", { token, password: DEMO_PASSWORD }), 204);
  return { id: made.id, email };
}

export interface MeetingOptions {
  /** The regime's first meeting type by default. */
  type?: string;
  startsAt?: string;
  mode?: "in_person" | "video" | "phone" | null;
  /** Recorded as held, with these details. */
  held?: Partial<Omit<UpdateMeetingInput, "version" | "status">> & { minutes?: number };
  /** Feedback written by the guide, and shared unless `shared` is false. */
  feedback?: { summary: string; shared?: boolean };
}

/** Plans a meeting in a trajectory as its guide and takes it as far as asked (held, feedback). */
export async function createMeeting(guide: TestClient, trajectory: TrajectoryDetail, options: MeetingOptions = {}) {
  const planned = expectStatus<MeetingDetail>(
    await guide.post(`/api/v1/trajectories/${trajectory.id}/meetings`, {
      type: options.type ?? trajectory.regime.meetingTypes[0]?.key,
      startsAt: options.startsAt ?? new Date(Date.now() + 86_400_000).toISOString(),
      ...(options.mode === undefined ? {} : { mode: options.mode }),
    }),
    201,
  );
  let meeting = options.held ? await holdMeeting(guide, planned, options.held) : planned;
  if (options.feedback) {
    meeting = expectStatus<MeetingDetail>(
      await guide.put(`/api/v1/meetings/${meeting.id}/feedback`, {
        version: null,
        content: { summary: options.feedback.summary, goals: [], agreements: [] },
      }),
    );
    if (options.feedback.shared !== false)
      meeting = expectStatus<MeetingDetail>(
        await guide.post(`/api/v1/meetings/${meeting.id}/feedback/share`, { version: 1 }),
      );
  }
  return meeting;
}

/** Records a planned meeting as held, as its guide does. */
export async function holdMeeting(
  guide: TestClient,
  meeting: MeetingDetail,
  { minutes, ...details }: NonNullable<MeetingOptions["held"]> = {},
) {
  return expectStatus<MeetingDetail>(
    await guide.put(`/api/v1/meetings/${meeting.id}`, {
      version: meeting.version,
      startsAt: meeting.startsAt,
      durationMinutes: minutes ?? 60,
      preparationMinutes: 0,
      travelMinutes: 0,
      unannounced: false,
      status: "held",
      location: null,
      notes: null,
      confidential: false,
      observation: null,
      ...details,
    }),
  );
}

export interface TrajectoryOptions {
  /** De Linde (client Fatima, trainee Daan, guide Sanne) by default; Rivierenland (Mohamed, Lisa, Sanne). */
  organisation?: Organisation;
  /** The regime's key; the teacher trajectory by default. */
  regime?: string;
  title?: string;
  /** Who starts it; the organisation's opdrachtgever by default. */
  by?: TestClient;
  /** The trainee and guides by name among the candidates, or `traineeId`/`guideIds` by id. */
  trainee?: string;
  guides?: string[];
  traineeId?: string;
  guideIds?: string[];
  startsOn?: string;
  endsOn?: string;
  /** More fields of the request, e.g. `commissionerId`. */
  fields?: Record<string, unknown>;
  /** Who writes the plan, goals and meetings; the first guide signed in by default. */
  guide?: TestClient;
  /** The guide's eligibility as judged at the start, written to the trajectory as the start would. */
  eligibility?: GuideEligibilityRecord["verdict"] | Judgement;
  /** The plan's fields, written by the guide; with `evaluationMoments` if given. */
  plan?: Record<string, string>;
  evaluationMoments?: { date: string; label: string }[];
  /** Taken through the `start` transition by the guide. */
  started?: boolean;
  /** Goals added by the guide: a number of made-up goals, or their titles. */
  goals?: number | string[];
  /** Meetings planned by the guide: a number of plain ones, or each as asked. */
  meetings?: number | MeetingOptions[];
}

/** A guide's eligibility as judged at the start, with the rule and reasons a test wants to see. */
export type Judgement = Pick<GuideEligibilityRecord, "verdict"> &
  Partial<Pick<GuideEligibilityRecord, "rule" | "reasons">>;

export interface CreatedTrajectory {
  id: string;
  /** The trajectory as its guide last saw it. */
  detail: TrajectoryDetail;
  traineeId: string;
  guideIds: string[];
  goalIds: string[];
  meetings: MeetingDetail[];
  /** The trajectory's API address, `/api/v1/trajectories/:id`. */
  url: string;
}

type StartOptions = Pick<
  TrajectoryOptions,
  | "organisation"
  | "regime"
  | "title"
  | "trainee"
  | "guides"
  | "traineeId"
  | "guideIds"
  | "startsOn"
  | "endsOn"
  | "fields"
>;

/** Starts a trajectory as `by` (a draft): the trainee and guides by name among their candidates, or by id. */
export async function startTrajectory(by: TestClient, options: StartOptions = {}) {
  const cast = CAST[options.organisation ?? "linde"];
  const people = options.traineeId && options.guideIds ? undefined : await candidates(by);
  const traineeId = options.traineeId ?? named(people?.trainees ?? [], options.trainee ?? cast.trainee);
  const guideIds =
    options.guideIds ?? (options.guides ?? [cast.guide]).map((name) => named(people?.guides ?? [], name));
  const detail = expectStatus<TrajectoryDetail>(
    await by.post("/api/v1/trajectories", {
      regimeKey: options.regime ?? "werkbegeleiding_leerkracht",
      title: options.title ?? "Traject",
      traineeId,
      guideIds,
      startsOn: options.startsOn ?? day(0),
      endsOn: options.endsOn ?? day(365),
      ...options.fields,
    }),
    201,
  );
  return { detail, traineeId, guideIds };
}

/** A trajectory started through the API and taken as far as the options ask. */
export async function createTrajectory(t: TestApp, options: TrajectoryOptions = {}): Promise<CreatedTrajectory> {
  const organisation = options.organisation ?? "linde";
  const cast = CAST[organisation];
  const by = options.by ?? (await t.login(cast.client));
  const started = await startTrajectory(by, options);
  const { traineeId, guideIds } = started;
  let detail = started.detail;
  const url = `/api/v1/trajectories/${detail.id}`;
  const created = { id: detail.id, traineeId, guideIds, goalIds: [] as string[], meetings: [] as MeetingDetail[], url };
  if (options.eligibility) {
    const judgement = typeof options.eligibility === "string" ? { verdict: options.eligibility } : options.eligibility;
    await recordGuideEligibility(t, detail.id, judgement.verdict, undefined, judgement);
  }
  const more = options.plan || options.started || options.goals || options.meetings;
  if (!more) return { ...created, detail };

  const firstGuide = options.guides?.[0] ?? cast.guide;
  const guide = options.guide ?? (await signIn(t, GUIDE_EMAILS[firstGuide] ?? "", organisation));
  if (options.plan)
    detail = expectStatus<TrajectoryDetail>(
      await guide.put(`${url}/plan`, {
        version: detail.version,
        plan: options.plan,
        intensity: detail.intensity,
        evaluationMoments: options.evaluationMoments ?? [],
      }),
    );
  if (options.started)
    detail = expectStatus<TrajectoryDetail>(await guide.post(`${url}/transitions`, { transition: "start" }));
  const goals =
    typeof options.goals === "number"
      ? Array.from({ length: options.goals }, (_, i) => `Doel ${i + 1}`)
      : (options.goals ?? []);
  for (const title of goals) {
    detail = expectStatus<TrajectoryDetail>(
      await guide.post(`${url}/goals`, { title, rationale: "necessity", successCriteria: "Zichtbaar" }),
      201,
    );
    created.goalIds.push(detail.goals?.at(-1)?.id ?? "");
  }
  const meetings =
    typeof options.meetings === "number"
      ? Array.from({ length: options.meetings }, (): MeetingOptions => ({}))
      : (options.meetings ?? []);
  for (const meeting of meetings) created.meetings.push(await createMeeting(guide, detail, meeting));
  if (meetings.length) detail = expectStatus<TrajectoryDetail>(await guide.get(url));
  return { ...created, detail };
}

/**
 * Writes the guide's eligibility as judged at the start to the trajectory, as the start does
 * when the guide is judged: for tests that start with a demo guide whose registrations are not
 * what the test is about.
 */
export async function recordGuideEligibility(
  t: TestApp,
  trajectoryId: string,
  verdict: GuideEligibilityRecord["verdict"],
  guideEmail = "sanne.visser@netwerk.example",
  judgement: Partial<Pick<GuideEligibilityRecord, "rule" | "reasons">> = {},
) {
  const [guide] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, guideEmail));
  await t.database.db
    .update(trajectories)
    .set({
      guideEligibility: {
        verdict,
        rule: judgement.rule ?? { nl: "Geregistreerd", en: "Registered" },
        reasons: judgement.reasons ?? [],
        guideUserId: guide?.id ?? "",
        judgedOn: day(-60),
      },
    })
    .where(eq(trajectories.id, trajectoryId));
}
