import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { memberships, organisations, users } from "../../db/schema.js";
import { addDays, dutchToday } from "../../domain/dutch-time.js";
import type { Actor } from "../../domain/roles.js";
import { inTenant } from "../tenancy.js";
import { changeStatus } from "../trajectories/change-status.js";
import { createTrajectory } from "../trajectories/create-trajectory.js";
import { saveFeedback, saveSelfAssessment, shareFeedback } from "../trajectories/feedback.js";
import { loadTrajectory } from "../trajectories/load-trajectory.js";
import { addGoal, approveGoals } from "../trajectories/manage-goals.js";
import { amsterdamInstant, loadMeeting, planMeeting, updateMeeting } from "../trajectories/meetings.js";
import { giveConsent, updatePlan } from "../trajectories/update-plan.js";

/** The Dutch date `offset` days from `now`'s Dutch day. */
export const day = (now: Date, offset: number) => addDays(dutchToday(now), offset);
export const at = (now: Date, offset: number, time = "10:00") => amsterdamInstant(day(now, offset), time).toISOString();

export async function actorFor(db: Db, slug: string, email: string): Promise<Actor> {
  const [row] = await db
    .select({
      userId: users.id,
      organisationId: memberships.organisationId,
      membershipId: memberships.id,
      roles: memberships.roles,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(users.email, email), eq(organisations.slug, slug)));
  if (!row) throw new Error(`demo person ${email} missing in ${slug}`);
  return row;
}

const GOALS = [
  {
    title: "De leerkracht start elke les met een duidelijke leswissel",
    rationale: "necessity" as const,
    successCriteria:
      "Bij drie opeenvolgende bezoeken is de overgang binnen twee minuten rond en weten alle leerlingen wat er komt.",
  },
  {
    title: "De leerkracht geeft verlengde instructie aan de instructietafel",
    rationale: "necessity" as const,
    successCriteria: "De zwakke lezers krijgen elke les verlengde instructie; zichtbaar in de weekplanning.",
  },
  {
    title: "De leerkracht laat leerlingen hardop denken bij het toepassen van strategieën",
    rationale: "wish" as const,
    successCriteria: "In elke rekenles benoemen minstens twee leerlingen de strategie die ze kiezen.",
  },
];

/**
 * A teacher trajectory at Onderwijsstichting Rivierenland, halfway: intake and consent done,
 * goals approved, a diagnosis visit and two classroom visits with feedback behind it, and the
 * next visits planned — so every role has something to see and to do. Made through the same
 * use cases the API calls, so the demo obeys the regime's rules.
 */
export async function seedDemoTrajectories(db: Db, now = new Date()) {
  const director = await actorFor(db, "rivierenland", "mohamed.bouali@rivierenland.example");
  const adviser = await actorFor(db, "rivierenland", "sanne.visser@netwerk.example");
  const teacher = await actorFor(db, "rivierenland", "lisa.dekker@rivierenland.example");
  const as = <T>(actor: Actor, work: (tx: Tx, actor: Actor) => Promise<T>) => inTenant(db, actor, work);

  const id = await as(director, (tx, actor) =>
    createTrajectory(tx, actor, {
      regimeKey: "werkbegeleiding_leerkracht",
      title: "Werkbegeleiding Lisa Dekker, groep 5",
      traineeId: teacher.membershipId,
      guideIds: [adviser.membershipId],
      startsOn: day(now, -42),
      endsOn: day(now, 70),
    }),
  );
  await as(adviser, async (tx, actor) => {
    const { row } = await loadTrajectory(tx, actor, id);
    await updatePlan(tx, actor, id, {
      version: row.version,
      plan: {
        reason:
          "Onrust in groep 5 en achterblijvende resultaten bij begrijpend lezen; interne begeleiding gaf te weinig resultaat.",
        concerns_and_wishes:
          "Directie: orde en structuur in de les. Leerkracht: handvatten voor differentiëren zonder de groep kwijt te raken.",
        working_agreements:
          "Klassenbezoeken op dinsdag of donderdag, soms onaangekondigd; nagesprek dezelfde dag na schooltijd. Roosterwijzigingen meldt Lisa per mail.",
        approach: "Drie tot vijf klassenbezoeken met feedbackgesprek, eerst wekelijks, daarna om de twee weken.",
      },
      intensity: row.intensity,
      evaluationMoments: [{ date: day(now, 21), label: "Tussenevaluatie met directeur" }],
    });
  });
  await as(teacher, (tx, actor) =>
    giveConsent(tx, actor, id, [
      "visits",
      "timetable_changes",
      "follow_up_calls",
      "active_reflection",
      "alternatives",
      "try_advice",
      "self_assessment",
    ]),
  );
  await as(adviser, async (tx, actor) => {
    const intake = await planMeeting(tx, actor, id, {
      type: "intake",
      startsAt: at(now, -40, "15:00"),
      unannounced: false,
    });
    await hold(tx, actor, intake, { notes: "Kennismaking met Lisa en de directeur; zorgen en wensen besproken." });
    await changeStatus(tx, actor, id, { transition: "agree" }, "nl");
    const diagnosis = await planMeeting(tx, actor, id, {
      type: "diagnosis_visit",
      startsAt: at(now, -35, "09:00"),
      unannounced: false,
    });
    await hold(tx, actor, diagnosis, {
      observation: {
        lesson_change: { score: 1, note: "Overgangen duren lang; leerlingen weten niet wat er komt." },
        differentiated_instruction: { score: 2, note: "Eén instructie voor de hele groep." },
        differentiated_processing: { score: 2, note: null },
        working_with_strategies: { score: 3, note: "Strategieën hangen op de muur en worden soms genoemd." },
      },
    });
    for (const goal of GOALS) await addGoal(tx, actor, id, goal);
  });
  await as(director, (tx, actor) => approveGoals(tx, actor, id));
  await as(adviser, (tx, actor) => changeStatus(tx, actor, id, { transition: "start" }, "nl"));

  for (const [index, offset] of [-28, -14].entries()) {
    const conversation = await as(adviser, async (tx, actor) => {
      const visit = await planMeeting(tx, actor, id, {
        type: "classroom_visit",
        startsAt: at(now, offset, "09:00"),
        unannounced: index === 1,
      });
      await hold(tx, actor, visit, {
        observation: {
          lesson_change: { score: 2 + index, note: null },
          differentiated_instruction: { score: 2 + index, note: null },
          differentiated_processing: { score: 2, note: null },
          working_with_strategies: { score: 3, note: null },
        },
      });
      return planMeeting(tx, actor, id, {
        type: "feedback_conversation",
        startsAt: at(now, offset, "15:30"),
        unannounced: false,
      });
    });
    const goals = await as(adviser, async (tx, actor) => (await loadTrajectory(tx, actor, id)).goals);
    await as(teacher, (tx, actor) =>
      saveSelfAssessment(tx, actor, conversation, {
        version: null,
        content: {
          goals: goals.map((g, i) => ({
            goalId: g.id,
            rating: Math.min(4, 2 + index + (i === 2 ? 1 : 0)),
            note: null,
          })),
        },
      }),
    );
    await as(adviser, async (tx, actor) => {
      await saveFeedback(tx, actor, conversation, {
        version: null,
        content: {
          summary:
            index === 0
              ? "Eerste bezoek: de leswissel is het belangrijkste werkpunt."
              : "Duidelijke vooruitgang bij de leswissel.",
          goals: goals.map((g, i) => ({
            goalId: g.id,
            rating: Math.min(4, 1 + index + (i === 2 ? 1 : 0)),
            reflection:
              index === 0
                ? "Ik merk dat ik zelf ook niet altijd weet wat er na de pauze komt."
                : "Het dagritme op het bord helpt.",
            instructions:
              i === 0
                ? "Zet de dagplanning op het bord en kondig elke overgang twee minuten van tevoren aan."
                : "Plan de instructietafel vast in na de klassikale uitleg.",
          })),
          agreements: [{ text: "Dagplanning elke ochtend op het bord", dueOn: day(now, offset + 7) }],
        },
      });
      const { loaded } = await loadMeeting(tx, actor, conversation);
      const draft = loaded.feedback.filter((f) => f.meetingId === conversation).at(-1);
      await shareFeedback(tx, actor, conversation, draft?.version ?? 1);
      await hold(tx, actor, conversation, {});
    });
  }

  await as(adviser, async (tx, actor) => {
    await planMeeting(tx, actor, id, { type: "classroom_visit", startsAt: at(now, 3, "09:00"), unannounced: false });
    await planMeeting(tx, actor, id, {
      type: "feedback_conversation",
      startsAt: at(now, 3, "15:30"),
      unannounced: false,
    });
    await planMeeting(tx, actor, id, { type: "classroom_visit", startsAt: at(now, 12, "10:30"), unannounced: true });
  });
}

export async function hold(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  changes: {
    notes?: string;
    location?: string;
    /** How it took place, where the regime's meetings count as evidence. */
    mode?: "in_person" | "video" | "phone";
    observation?: Record<string, { score: number | null; note: string | null }>;
  },
) {
  const { meeting } = await loadMeeting(tx, actor, meetingId);
  await updateMeeting(tx, actor, meetingId, {
    version: meeting.version,
    startsAt: meeting.startsAt.toISOString(),
    durationMinutes: meeting.durationMinutes,
    preparationMinutes: 15,
    travelMinutes: 25,
    unannounced: meeting.unannounced,
    status: "held",
    location: changes.location ?? "OBS De Rivier, lokaal groep 5",
    notes: changes.notes ?? null,
    confidential: false,
    observation: changes.observation ?? null,
    ...(changes.mode ? { mode: changes.mode } : {}),
  });
}
