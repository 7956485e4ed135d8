import { z } from "zod";
import { dateSchema, dateTimeSchema } from "../date-schemas.js";
import { guideEligibilityRecordSchema, guideEligibilitySchema } from "../eligibility/model.js";
import { intensitySchema, participantRoleSchema, regimeSchema } from "../regimes/schema.js";
import { versionSchema } from "../version.js";
import {
  evaluationMomentSchema,
  evaluationMomentViewSchema,
  feedbackContentSchema,
  feedbackContentViewSchema,
  GOAL_RATIONALES,
  MEETING_MODES,
  MEETING_STATUSES,
  observationSchema,
  selfAssessmentContentSchema,
} from "./model.js";

/**
 * Requests and answers of the trajectories API: one schema validates the request, types the
 * handler and the web form, and documents the API.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const version = versionSchema;

// ---- requests ----

export const createTrajectorySchema = z.object({
  regimeKey: z.string().min(1).max(48),
  title: text(200),
  traineeId: z.uuid(),
  guideIds: z.array(z.uuid()).min(1).max(10),
  /** Defaults to the person starting the trajectory when they are an opdrachtgever. */
  commissionerId: z.uuid().nullable().optional(),
  /** The school's BPV-docent, where the regime has that part. */
  schoolContactId: z.uuid().nullable().optional(),
  startsOn: dateSchema,
  endsOn: dateSchema,
});
export type CreateTrajectoryInput = z.infer<typeof createTrajectorySchema>;

export const updatePlanSchema = z.object({
  version,
  plan: z.record(z.string().max(48), z.string().trim().max(20_000)),
  intensity: intensitySchema.nullable(),
  evaluationMoments: z.array(evaluationMomentSchema).max(50),
});
export type UpdatePlanInput = z.infer<typeof updatePlanSchema>;

export const consentSchema = z.object({ consents: z.array(z.string().min(1).max(48)).min(1).max(50) });

export const goalInputSchema = z.object({
  title: text(500),
  rationale: z.enum(GOAL_RATIONALES).nullable().optional(),
  successCriteria: optionalText(5000),
});
export type GoalInput = z.infer<typeof goalInputSchema>;
export const updateGoalSchema = goalInputSchema.extend({ version });

export const planMeetingSchema = z.object({
  type: z.string().min(1).max(48),
  startsAt: dateTimeSchema,
  durationMinutes: z.number().int().min(1).max(1440).optional(),
  unannounced: z.boolean().default(false),
  location: optionalText(300),
  /** How it takes place (in person, video, phone); asked where the regime's meetings count as evidence. */
  mode: z.enum(MEETING_MODES).nullable().optional(),
});
export type PlanMeetingInput = z.infer<typeof planMeetingSchema>;

export const scheduleMeetingsSchema = z.object({
  type: z.string().min(1).max(48),
  dates: z.array(dateSchema).min(1).max(60),
  /** Local time of day, HH:MM, in the organisation's time zone (Europe/Amsterdam). */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});

export const updateMeetingSchema = z.object({
  version,
  startsAt: dateTimeSchema,
  durationMinutes: z.number().int().min(1).max(1440),
  preparationMinutes: z.number().int().min(0).max(1440),
  travelMinutes: z.number().int().min(0).max(1440),
  unannounced: z.boolean(),
  status: z.enum(MEETING_STATUSES),
  location: optionalText(300),
  notes: optionalText(20_000),
  confidential: z.boolean(),
  observation: observationSchema.nullable(),
  /** How it took place; absent leaves it as it is, null is "not recorded". */
  mode: z.enum(MEETING_MODES).nullable().optional(),
});
export type UpdateMeetingInput = z.infer<typeof updateMeetingSchema>;

export const saveFeedbackSchema = z.object({
  /** The draft's version, or null to start a draft (a correction, when the latest is shared). */
  version: version.nullable(),
  content: feedbackContentSchema,
  correctionReason: optionalText(2000),
});
export type SaveFeedbackInput = z.infer<typeof saveFeedbackSchema>;

/** A part added to or removed from a running trajectory: a person (membership) and the role. */
export const participantChangeSchema = z.object({ personId: z.uuid(), role: participantRoleSchema });

/** A period's hours worked on the placement; the minutes are whole, at most a year's. */
export const recordWorkHoursSchema = z.object({
  from: dateSchema,
  to: dateSchema,
  minutes: z
    .number()
    .int()
    .min(1)
    .max(366 * 24 * 60),
  note: optionalText(500),
});
export type RecordWorkHoursInput = z.infer<typeof recordWorkHoursSchema>;
export const removeWorkHoursSchema = z.object({ id: z.uuid() });

export const saveMeetingPartSchema = z.object({
  version: version.nullable(),
  text: z.string().trim().min(1).max(20_000),
});

export const saveSelfAssessmentSchema = z.object({
  version: version.nullable(),
  content: selfAssessmentContentSchema,
});

export const transitionSchema = z.object({
  transition: z.string().min(1).max(48),
  reason: optionalText(5000),
  reasonCode: z.string().max(48).nullable().optional(),
  on: dateSchema.nullable().optional(),
  override: z.boolean().optional(),
});

export const saveReportSchema = z.object({ version, sections: z.record(z.string().max(48), z.string().max(50_000)) });

export const copyRegimeSchema = z.object({ basedOn: z.string().min(1).max(48), name: text(200) });
export const updateRegimeSchema = z.object({ version, document: regimeSchema });

// ---- answers ----

const transitionView = z.object({
  key: z.string(),
  label: z.string(),
  to: z.string(),
  allowed: z.boolean(),
  overridable: z.boolean(),
  needsReason: z.boolean(),
  /** A list to choose the reason from (why a student stopped), empty where a reason is written or none asked. */
  reasons: z.array(z.object({ value: z.string(), label: z.string() })),
  /** The change asks the day it took effect. */
  needsDate: z.boolean(),
  blockers: z.array(z.object({ code: z.string(), text: z.string() })),
});

export const participantViewSchema = z.object({
  userId: z.uuid(),
  personId: z.uuid().nullable(),
  name: z.string(),
  role: participantRoleSchema,
});

const goalView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  rationale: z.enum(GOAL_RATIONALES).nullable(),
  successCriteria: z.string().nullable(),
  originGoalId: z.uuid().nullable(),
  version: z.number().int(),
});

const goalSnapshotView = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  rationale: z.enum(GOAL_RATIONALES).nullable(),
  successCriteria: z.string().nullable(),
});

export const meetingSummarySchema = z.object({
  id: z.uuid(),
  type: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  preparationMinutes: z.number().int(),
  travelMinutes: z.number().int(),
  unannounced: z.boolean(),
  status: z.enum(MEETING_STATUSES),
  location: z.string().nullable(),
  mode: z.enum(MEETING_MODES).nullable(),
  /** The group size a held session counts for, as recorded when it was held (supervisie). */
  groupSize: z.number().int().nullable(),
  confidential: z.boolean(),
  version: z.number().int(),
  selfAssessed: z.boolean(),
  feedbackShared: z.boolean(),
  feedbackUnseen: z.boolean(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

const hoursLine = z.object({
  type: z.string(),
  meetings: z.number().int(),
  meetingMinutes: z.number().int(),
  preparationMinutes: z.number().int(),
  travelMinutes: z.number().int(),
  totalMinutes: z.number().int(),
});

export const dueItemSchema = z.object({
  // Text, not an enum: a page built before a new kind existed still shows the item.
  kind: z.string(),
  dueAt: z.string().nullable(),
  meetingId: z.string().optional(),
  text: z.string().optional(),
  trajectoryId: z.uuid(),
  trajectoryTitle: z.string(),
});
export type DueItemView = z.infer<typeof dueItemSchema>;

const linkView = z.object({ id: z.uuid(), title: z.string() }).nullable();

export const trajectoryDetailSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string(),
  statusReason: z.string().nullable(),
  /** The reason chosen from the regime's list for the current status (why a student stopped). */
  statusChoice: z.string().nullable(),
  /** The day the current status took effect, where the change asked it. */
  statusOn: z.string().nullable(),
  regimeKey: z.string(),
  regime: regimeSchema,
  startsOn: z.string(),
  endsOn: z.string(),
  version: z.number().int(),
  viewerRoles: z.array(participantRoleSchema),
  participants: z.array(participantViewSchema),
  plan: z.record(z.string(), z.string()).nullable(),
  intensity: intensitySchema.nullable(),
  evaluationMoments: z.array(evaluationMomentViewSchema),
  /** How the guide was judged by the regime's guide rule when the trajectory started or the guides changed. */
  guideEligibility: guideEligibilityRecordSchema.nullable(),
  consents: z.record(z.string(), z.object({ given: z.boolean(), at: z.string() })),
  goals: z.array(goalView).nullable(),
  goalList: z.object({
    state: z.enum(["empty", "unapproved", "approved", "changed"]),
    unapprovedGoalIds: z.array(z.string()),
    versions: z.array(
      z.object({
        number: z.number().int(),
        approvedAt: z.string(),
        approvedBy: z.string(),
        goals: z.array(goalSnapshotView),
      }),
    ),
  }),
  meetings: z.array(meetingSummarySchema).nullable(),
  progress: z.array(
    z.object({
      type: z.string(),
      min: z.number().int(),
      max: z.number().int().nullable(),
      held: z.number().int(),
      planned: z.number().int(),
      missing: z.number().int(),
      overMax: z.boolean(),
      atMax: z.boolean(),
    }),
  ),
  hours: z.object({ lines: z.array(hoursLine), total: hoursLine }).nullable(),
  /** Hours worked on the placement, where the regime counts them and the viewer sees hours. */
  workHours: z
    .object({
      lines: z.array(
        z.object({
          id: z.uuid(),
          from: z.string(),
          to: z.string(),
          minutes: z.number().int(),
          note: z.string().nullable(),
          recordedBy: z.string(),
        }),
      ),
      years: z.array(
        z.object({
          schoolYear: z.string(),
          minutes: z.number().int(),
          lines: z.number().int(),
          minimumMinutes: z.number().int().nullable(),
          missingMinutes: z.number().int().nullable(),
        }),
      ),
      totalMinutes: z.number().int(),
    })
    .nullable(),
  ratings: z
    .array(
      z.object({
        goalId: z.string(),
        points: z.array(
          z.object({
            meetingId: z.string(),
            date: z.string(),
            guide: z.number().nullable(),
            self: z.number().nullable(),
          }),
        ),
      }),
    )
    .nullable(),
  /** Whose ratings this viewer sees: the guide's (feedback) and the trainee's own (self-assessments). */
  ratingKinds: z.array(z.enum(["guide", "self"])),
  transitions: z.array(transitionView),
  due: z.array(dueItemSchema),
  report: z.object({ status: z.enum(["draft", "final"]), finalisedAt: z.string().nullable() }).nullable(),
  escalatedFrom: linkView,
  escalatedTo: linkView,
  abilities: z.object({
    editPlan: z.boolean(),
    consent: z.boolean(),
    editGoals: z.boolean(),
    approveGoals: z.boolean(),
    planMeetings: z.boolean(),
    recordMeetings: z.boolean(),
    selfAssess: z.boolean(),
    writeReport: z.boolean(),
    seeHours: z.boolean(),
    seeBilling: z.boolean(),
    seeReport: z.boolean(),
    manageParticipants: z.boolean(),
    recordWorkHours: z.boolean(),
  }),
});
export type TrajectoryDetail = z.infer<typeof trajectoryDetailSchema>;

export const trajectorySummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string(),
  statusLabel: z.object({ nl: z.string(), en: z.string() }),
  regimeName: z.object({ nl: z.string(), en: z.string() }),
  startsOn: z.string(),
  endsOn: z.string(),
  trainee: z.string().nullable(),
  guides: z.array(z.string()),
  viewerRoles: z.array(participantRoleSchema),
  nextMeetingAt: z.string().nullable(),
});
export type TrajectorySummary = z.infer<typeof trajectorySummarySchema>;

/** Trajectories per page of a list: enough to scan, few enough to answer quickly for a large organisation. */
export const TRAJECTORY_PAGE_SIZE = 50;

export const trajectoryListSchema = z.object({
  items: z.array(trajectorySummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const trajectoryListQuery = z.object({
  status: z.string().max(48).optional(),
  search: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/** A proposed guide judged by a regime's guide rule, before the trajectory starts. Ids are person ids. */
export const guideEligibilityQuery = z.object({
  regimeKey: z.string().min(1).max(48),
  traineeId: z.uuid(),
  /** One guide, or several (the parameter repeated). */
  guideId: z.union([z.uuid(), z.array(z.uuid()).min(1).max(10)]),
  /** Defaults to the requester when they are an opdrachtgever, as when starting. */
  commissionerId: z.uuid().optional(),
  startsOn: dateSchema,
});
export type GuideEligibilityQuery = z.infer<typeof guideEligibilityQuery>;

export const guideEligibilityAnswerSchema = z.object({
  /** The regime's guide rule, or null when it has none (then every guide with the role may guide). */
  rule: z.enum(["registeredOrExperienced", "registeredOnly", "independentSupervisor"]).nullable(),
  items: z.array(z.object({ guideId: z.uuid(), name: z.string(), judgement: guideEligibilitySchema })),
});
export type GuideEligibilityAnswer = z.infer<typeof guideEligibilityAnswerSchema>;

export const candidatesSchema = z.object({
  /** The requester's own person id, so a form can preselect them. */
  me: z.uuid(),
  trainees: z.array(z.object({ id: z.uuid(), name: z.string() })),
  guides: z.array(z.object({ id: z.uuid(), name: z.string() })),
  commissioners: z.array(z.object({ id: z.uuid(), name: z.string() })),
  schoolContacts: z.array(z.object({ id: z.uuid(), name: z.string() })),
  coGuides: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const feedbackRecordViewSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  content: feedbackContentViewSchema,
  correctionReason: z.string().nullable(),
  sharedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  seenAt: z.string().nullable(),
  version: z.number().int(),
});
export type FeedbackRecordView = z.infer<typeof feedbackRecordViewSchema>;

export const meetingDetailSchema = meetingSummarySchema.extend({
  trajectoryId: z.uuid(),
  trajectoryTitle: z.string(),
  regime: regimeSchema,
  viewerRoles: z.array(participantRoleSchema),
  notes: z.string().nullable(),
  notesHidden: z.boolean(),
  observation: observationSchema.nullable(),
  heldAt: z.string().nullable(),
  goals: z.array(goalView),
  feedback: z.array(feedbackRecordViewSchema).nullable(),
  selfAssessment: z
    .object({ content: selfAssessmentContentSchema, submittedAt: z.string(), version: z.number().int() })
    .nullable(),
  /** The parts other participants wrote (the BPV-docent's in a three-way conversation), for who reads the notes. */
  parts: z.array(
    z.object({
      role: participantRoleSchema,
      text: z.string(),
      writtenBy: z.string().nullable(),
      /** Written by the person asking. */
      own: z.boolean(),
      updatedAt: z.string(),
      version: z.number().int(),
    }),
  ),
  abilities: z.object({
    edit: z.boolean(),
    writeFeedback: z.boolean(),
    selfAssess: z.boolean(),
    markSeen: z.boolean(),
    /** The role in which this person writes their own part of this meeting, if any. */
    writePart: participantRoleSchema.nullable(),
  }),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const reportViewSchema = z.object({
  trajectoryId: z.uuid(),
  status: z.enum(["draft", "final"]),
  sections: z.record(z.string(), z.string()),
  finalisedAt: z.string().nullable(),
  contentSha256: z.string().nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type ReportView = z.infer<typeof reportViewSchema>;

export const regimeViewSchema = z.object({
  id: z.uuid().nullable(),
  key: z.string(),
  builtIn: z.boolean(),
  basedOn: z.string().nullable(),
  version: z.number().int(),
  document: regimeSchema,
});
export type RegimeView = z.infer<typeof regimeViewSchema>;
export const regimeListSchema = z.object({ items: z.array(regimeViewSchema), canManage: z.boolean() });

const stayedView = z.object({ counted: z.number().int(), stayed: z.number().int() });
const cohortRowView = z.object({
  cohort: z.string(),
  started: z.number().int(),
  ongoing: z.number().int(),
  completed: z.number().int(),
  stopped: z.number().int(),
  reasons: z.record(z.string(), z.number().int()),
  afterOneYear: stayedView,
  afterTwoYears: stayedView,
});
const optionView = z.object({ value: z.string(), label: z.string() });

/** The retention figures per regime that counts outcomes: all its students per cohort, and per level. */
export const retentionViewSchema = z.object({
  regimes: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      levels: z.array(optionView),
      reasons: z.array(optionView),
      cohorts: z.array(cohortRowView),
      byLevel: z.record(z.string(), z.array(cohortRowView)),
    }),
  ),
});
export type RetentionView = z.infer<typeof retentionViewSchema>;

/** The retention figures of the organisation and every member of its network, counts only. */
export const networkRetentionViewSchema = z.object({
  reasons: z.array(optionView),
  members: z.array(z.object({ name: z.string(), own: z.boolean(), cohorts: z.array(cohortRowView) })),
});
export type NetworkRetentionView = z.infer<typeof networkRetentionViewSchema>;
