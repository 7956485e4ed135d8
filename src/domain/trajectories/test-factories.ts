import fc from "fast-check";
import { builtinRegime } from "../regimes/builtin.js";
import { type MeetingType, PARTICIPANT_ROLES, type ParticipantRole, type Regime } from "../regimes/schema.js";
import type {
  FeedbackContent,
  GoalSnapshot,
  MeetingFacts,
  MeetingStatus,
  SelfAssessmentContent,
  TrajectoryState,
  Viewer,
} from "./model.js";

/**
 * Small factories for the trajectory rules' tests: each test names only what matters to it,
 * e.g. `trajectoryState({ goals: 15, held: { classroom_visit: 2 } })`.
 */

const regime = (key: string) => {
  const found = builtinRegime(key);
  if (!found) throw new Error(`no built-in regime ${key}`);
  return found;
};

export const teacherRegime = () => regime("werkbegeleiding_leerkracht");
export const coachingRegime = () => regime("coaching");
export const assessmentRegime = () => regime("begeleiding_beoordeling");

/** A deep copy of a regime, changed by `change`; the built-ins stay untouched. */
export function copyRegime(base: Regime, change: (copy: Regime) => void): Regime {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

/** A copy of a regime with one meeting type's numbers changed. */
export const withMeetingType = (base: Regime, key: string, changes: Partial<MeetingType>) =>
  copyRegime(base, (copy) => {
    copy.meetingTypes = copy.meetingTypes.map((type) => (type.key === key ? { ...type, ...changes } : type));
  });

/** A stable uuid per number, so goal ids pass the feedback schema. */
export const goalId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export const goal = (n: number, changes: Partial<GoalSnapshot> = {}): GoalSnapshot => ({
  id: goalId(n),
  position: n,
  title: `Doel ${n}`,
  rationale: "necessity",
  successCriteria: `Criterium ${n}`,
  ...changes,
});

export const goalList = (count: number) => Array.from({ length: count }, (_, i) => goal(i + 1));

export const meeting = (changes: Partial<MeetingFacts> = {}): MeetingFacts => ({
  id: "meeting-1",
  type: "classroom_visit",
  startsAt: "2026-03-02T09:00:00.000Z",
  status: "held",
  unannounced: false,
  durationMinutes: 50,
  preparationMinutes: 0,
  travelMinutes: 0,
  selfAssessed: false,
  feedback: [],
  agreements: [],
  ...changes,
});

const WEEK = 7 * 24 * 60 * 60 * 1000;

/**
 * `count` meetings of a type with one status, a week apart. Held ones fall in February 2026,
 * planned and cancelled ones from June 2026, so "now" in March sits between them.
 */
export function meetingsOf(type: string, count: number, status: MeetingStatus = "held"): MeetingFacts[] {
  const first = Date.parse(status === "held" ? "2026-02-02T09:00:00.000Z" : "2026-06-01T09:00:00.000Z");
  return Array.from({ length: count }, (_, i) =>
    meeting({ id: `${type}-${status}-${i + 1}`, type, status, startsAt: new Date(first + i * WEEK).toISOString() }),
  );
}

export const completeIntake = (r: Regime): Record<string, string> =>
  Object.fromEntries(r.planFields.filter((f) => f.stage === "intake").map((f) => [f.key, `${f.key} ingevuld`]));

export const allConsents = (r: Regime): TrajectoryState["consents"] =>
  Object.fromEntries(r.consents.map((c) => [c.key, { given: true, at: "2026-01-10T10:00:00.000Z" }]));

export interface StateOptions {
  regime?: Regime;
  status?: string;
  intakeComplete?: boolean;
  consentsGiven?: boolean;
  plan?: Record<string, string>;
  consents?: TrajectoryState["consents"];
  /** A number of goals, or the goals themselves. */
  goals?: number | GoalSnapshot[];
  /** Approve the current goal list (as list number 1). */
  approved?: boolean;
  held?: Record<string, number>;
  planned?: Record<string, number>;
  meetings?: MeetingFacts[];
  reportFinal?: boolean;
  evaluationMoments?: TrajectoryState["evaluationMoments"];
}

/** A teacher trajectory in its first status with nothing done, unless told otherwise. */
export function trajectoryState(options: StateOptions = {}): TrajectoryState {
  const r = options.regime ?? teacherRegime();
  const goals = typeof options.goals === "number" ? goalList(options.goals) : (options.goals ?? []);
  const generated = (counts: Record<string, number> | undefined, status: MeetingStatus) =>
    Object.entries(counts ?? {}).flatMap(([type, count]) => meetingsOf(type, count, status));
  return {
    regime: r,
    status: options.status ?? r.initialStatus,
    plan: options.plan ?? (options.intakeComplete ? completeIntake(r) : {}),
    consents: options.consents ?? (options.consentsGiven ? allConsents(r) : {}),
    goals,
    approvedGoalLists: options.approved
      ? [{ number: 1, goals: structuredClone(goals), approvedAt: "2026-01-20T10:00:00.000Z" }]
      : [],
    meetings: [
      ...generated(options.held, "held"),
      ...generated(options.planned, "planned"),
      ...(options.meetings ?? []),
    ],
    reportFinal: options.reportFinal ?? false,
    evaluationMoments: options.evaluationMoments ?? [],
  };
}

export const viewer = (...participantRoles: ParticipantRole[]): Viewer => ({
  userId: `user-${participantRoles.join("-") || "none"}`,
  participantRoles,
  admin: false,
});

export const adminViewer = (): Viewer => ({ userId: "user-admin", participantRoles: [], admin: true });

/** Someone in the organisation with no part in this trajectory. */
export const outsider = (): Viewer => viewer();

// Arbitraries for property tests.

export const arbViewer = (): fc.Arbitrary<Viewer> =>
  fc.record({
    userId: fc.constant("user-any"),
    participantRoles: fc.subarray([...PARTICIPANT_ROLES]),
    admin: fc.boolean(),
  });

const arbGoal = (n: number) =>
  fc
    .record({
      title: fc.string({ minLength: 1, maxLength: 20 }),
      rationale: fc.constantFrom("necessity" as const, "wish" as const, null),
      successCriteria: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
    })
    .map((fields) => goal(n, fields));

export const arbGoals = (maxLength = 8): fc.Arbitrary<GoalSnapshot[]> =>
  fc
    .integer({ min: 0, max: maxLength })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => arbGoal(i + 1))));

const arbMeeting = (r: Regime) =>
  fc.record({
    type: fc.constantFrom(...r.meetingTypes.map((t) => t.key), "unknown_type"),
    status: fc.constantFrom<MeetingStatus>("planned", "held", "cancelled"),
    day: fc.integer({ min: 0, max: 200 }),
    unannounced: fc.boolean(),
    durationMinutes: fc.integer({ min: 0, max: 600 }),
    preparationMinutes: fc.integer({ min: 0, max: 600 }),
    travelMinutes: fc.integer({ min: 0, max: 600 }),
  });

export const arbMeetings = (r: Regime, maxLength = 25): fc.Arbitrary<MeetingFacts[]> =>
  fc
    .array(arbMeeting(r), { maxLength })
    .map((list) =>
      list.map(({ day, ...facts }, i) =>
        meeting({ ...facts, id: `m-${i}`, startsAt: new Date(Date.UTC(2026, 0, 5 + day, 9)).toISOString() }),
      ),
    );

/** Any state of a trajectory on `r`: any status (or one of `status`), intake and consents done or partly, goals approved or not. */
/** Often all of `items`, otherwise any part of them: guards are met as often as not. */
const allOrSome = <T>(items: T[]) => fc.oneof(fc.constant(items), fc.subarray(items));

export const arbState = (
  r: Regime,
  status: fc.Arbitrary<string> = fc.constantFrom(...r.statuses.map((s) => s.key)),
): fc.Arbitrary<TrajectoryState> =>
  fc
    .record({
      status,
      intake: allOrSome(r.planFields.map((f) => f.key)),
      consents: allOrSome(r.consents.map((c) => c.key)),
      goals: arbGoals(),
      approval: fc.constantFrom("none", "current", "older"),
      meetings: arbMeetings(r),
      reportFinal: fc.boolean(),
    })
    .map(({ status, intake, consents, goals, approval, meetings, reportFinal }) => {
      const state = trajectoryState({
        regime: r,
        status,
        plan: Object.fromEntries(intake.map((key) => [key, "ingevuld"])),
        consents: Object.fromEntries(consents.map((key) => [key, { given: true, at: "2026-01-10T10:00:00.000Z" }])),
        goals,
        approved: approval === "current",
        meetings,
        reportFinal,
      });
      if (approval === "older")
        state.approvedGoalLists = [{ number: 1, goals: goals.slice(1), approvedAt: "2026-01-20T10:00:00.000Z" }];
      return state;
    });

/** Shared feedback rating goals, e.g. `feedbackRatings({ [goalId(1)]: 3 })`. */
export const feedbackRatings = (ratings: Record<string, number | null>): FeedbackContent => ({
  summary: null,
  goals: Object.entries(ratings).map(([id, rating]) => ({ goalId: id, rating, reflection: null, instructions: null })),
  agreements: [],
});

/** A trainee's self-assessment rating goals, e.g. `selfRatings({ [goalId(1)]: 2 })`. */
export const selfRatings = (ratings: Record<string, number | null>): SelfAssessmentContent => ({
  goals: Object.entries(ratings).map(([id, rating]) => ({ goalId: id, rating, note: null })),
});
