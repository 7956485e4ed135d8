import { z } from "zod";
import { dateSchema } from "../date-schemas.js";
import type { ParticipantRole, Regime } from "../regimes/schema.js";

/**
 * The plain shapes of a trajectory that the pure evaluators read, and of the documents stored
 * inside it. No I/O here: the server loads these, the web receives them.
 */

export const GOAL_RATIONALES = ["necessity", "wish"] as const;
export type GoalRationale = (typeof GOAL_RATIONALES)[number];

export const MEETING_STATUSES = ["planned", "held", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** How a meeting took place; a requirement profile says which modes count (supervisie: face to face). */
export const MEETING_MODES = ["in_person", "video", "phone"] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export interface ConsentRecord {
  given: boolean;
  at: string;
}

export const evaluationMomentSchema = z.object({
  date: dateSchema,
  label: z.string().trim().min(1).max(200),
});
/** As answered: what was stored, read back without the request's range check. */
export const evaluationMomentViewSchema = evaluationMomentSchema.extend({ date: z.iso.date() });
export type EvaluationMoment = z.infer<typeof evaluationMomentSchema>;

export interface GoalSnapshot {
  id: string;
  position: number;
  title: string;
  rationale: GoalRationale | null;
  successCriteria: string | null;
  /** The goal this one continues, in a trajectory escalated from another. */
  originGoalId?: string | null;
}

/** Scores per observation item: a number on the form's scale and an optional note. */
export const observationSchema = z.record(
  z.string().max(48),
  z.object({ score: z.number().int().min(0).max(10).nullable(), note: z.string().max(5000).nullable() }),
);
export type Observation = z.infer<typeof observationSchema>;

const longText = z.string().trim().max(10_000);

export const feedbackContentSchema = z.object({
  summary: longText.nullable(),
  goals: z
    .array(
      z.object({
        goalId: z.uuid(),
        rating: z.number().int().min(0).max(10).nullable(),
        reflection: longText.nullable(),
        instructions: longText.nullable(),
      }),
    )
    .max(100),
  agreements: z.array(z.object({ text: z.string().trim().min(1).max(2000), dueOn: dateSchema.nullable() })).max(50),
});
export type FeedbackContent = z.infer<typeof feedbackContentSchema>;
/** As answered: what was stored, read back without the request's range check. */
export const feedbackContentViewSchema = feedbackContentSchema.extend({
  agreements: z.array(z.object({ text: z.string(), dueOn: z.iso.date().nullable() })),
});

export const selfAssessmentContentSchema = z.object({
  goals: z
    .array(
      z.object({
        goalId: z.uuid(),
        rating: z.number().int().min(0).max(10).nullable(),
        note: longText.nullable(),
      }),
    )
    .max(100),
});
export type SelfAssessmentContent = z.infer<typeof selfAssessmentContentSchema>;

/** The trainee's re-registration date and the declarations whose latest version is fully signed. */
export interface DeclarationDueFacts {
  reregistrationDate: string | null;
  signedKinds: string[];
  /** The trajectory's dates, for declarations due after the start or by the end. */
  startsOn?: string | null;
  endsOn?: string | null;
}

/** Everything the evaluators need to know about one trajectory, as of now. */
export interface TrajectoryState {
  regime: Regime;
  status: string;
  plan: Record<string, string>;
  consents: Record<string, ConsentRecord>;
  goals: GoalSnapshot[];
  /** The goal lists as approved, oldest first. */
  approvedGoalLists: { number: number; goals: GoalSnapshot[]; approvedAt: string }[];
  meetings: MeetingFacts[];
  reportFinal: boolean;
  evaluationMoments: EvaluationMoment[];
  /** The facts for the regime's dated declarations, when it has any. */
  declarations?: DeclarationDueFacts;
}

export interface MeetingFacts {
  id: string;
  type: string;
  startsAt: string;
  status: MeetingStatus;
  unannounced: boolean;
  durationMinutes: number;
  preparationMinutes: number;
  travelMinutes: number;
  /** The trainee has submitted a self-assessment for this meeting. */
  selfAssessed: boolean;
  /** Feedback records of this meeting: shared ones and whether the trainee marked them seen. */
  feedback: { id: string; shared: boolean; seenByTrainee: boolean }[];
  /** Agreements of the latest shared feedback record. */
  agreements: { text: string; dueOn: string | null }[];
}

/** Who is looking: their parts in this trajectory, and whether they administer the organisation. */
export interface Viewer {
  userId: string;
  participantRoles: ParticipantRole[];
  admin: boolean;
}
