import { z } from "zod";

/**
 * A regime is the rulebook of a kind of trajectory, as data: which plan fields, goals,
 * meetings, observation forms, statuses and report sections apply. The evaluators in
 * `src/domain/trajectories/` read it; adding a regime needs no new code path.
 */

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in both languages of the product; Dutch first. */
export const localizedSchema = z.object({
  nl: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});
export type Localized = z.infer<typeof localizedSchema>;

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, { error: "field.key" })
  .describe("A stable code name: lower case letters, digits and underscores.");

const optionValue = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]{0,47}$/, { error: "field.key" })
  .describe("A stable code: lower case letters, digits and underscores.");

/**
 * The parts a trajectory joins: the person guided, the guide(s), the one who commissioned it, the
 * school's contact (the BPV-docent of a student in the workplace), who comes from outside, and
 * colleagues of the care team who guide along (co-guides).
 */
export const PARTICIPANT_ROLES = ["trainee", "guide", "commissioner", "school", "co_guide"] as const;
export const participantRoleSchema = z.enum(PARTICIPANT_ROLES);
export type ParticipantRole = z.infer<typeof participantRoleSchema>;

/** What a participant may see of a trajectory; the organisation admin sees what `admin.sees` allows. */
export const VISIBLE_PARTS = [
  "plan",
  "goals",
  "meetings",
  "notes",
  "confidentialNotes",
  "feedback",
  "selfAssessments",
  "hours",
  "report",
  "billing",
] as const;
export const visiblePartSchema = z.enum(VISIBLE_PARTS);
export type VisiblePart = z.infer<typeof visiblePartSchema>;

/**
 * What the organisation admin may do in a trajectory they take no part in. The admin manages
 * (plans, keeps the plan in order); writing goals, approving them and the report are the
 * participants' unless a regime says otherwise. Status changes are the transitions' `by`.
 */
export const ADMIN_ACTIONS = ["editPlan", "editGoals", "approveGoals", "planMeetings", "writeReport"] as const;
export const adminActionSchema = z.enum(ADMIN_ACTIONS);
export type AdminAction = z.infer<typeof adminActionSchema>;

/** The part an admin action works on: nobody changes what they may not read. */
export const ADMIN_ACTION_PART: Record<AdminAction, VisiblePart> = {
  editPlan: "plan",
  editGoals: "goals",
  approveGoals: "goals",
  planMeetings: "meetings",
  writeReport: "report",
};

/**
 * The admin's rights in a regime's trajectories, outside their own participation. Besides these
 * the admin sees that a trajectory exists: its title, people, period and status.
 */
export const adminRightsSchema = z.object({
  sees: z.array(visiblePartSchema).max(VISIBLE_PARTS.length),
  does: z.array(adminActionSchema).max(ADMIN_ACTIONS.length),
});
export type AdminRights = z.infer<typeof adminRightsSchema>;

const participantSchema = z.object({
  role: participantRoleSchema,
  label: localizedSchema,
  min: z.number().int().min(0).max(10),
  max: z.number().int().min(1).max(10),
  sees: z.array(visiblePartSchema),
});

export const PLAN_FIELD_KINDS = ["text", "longtext", "choice"] as const;

const planFieldSchema = z.object({
  key,
  label: localizedSchema,
  help: localizedSchema.optional(),
  kind: z.enum(PLAN_FIELD_KINDS),
  /** The options of a `choice` field; a value may be a number, such as a group size. */
  options: z
    .array(z.object({ value: optionValue, label: localizedSchema }))
    .max(20)
    .optional(),
  /** Intake fields are recorded at the intake; plan fields whenever the plan is written. */
  stage: z.enum(["intake", "plan"]),
  required: z.boolean(),
});

const consentSchema = z.object({ key, label: localizedSchema });

const scaleSchema = z
  .object({
    min: z.number().int().min(0).max(10),
    max: z.number().int().min(1).max(10),
    labels: z.array(localizedSchema).optional(),
  })
  .refine((s) => s.max > s.min, { error: "field.scaleRange" })
  .refine((s) => !s.labels || s.labels.length === s.max - s.min + 1, { error: "field.scaleLabels" });
export type Scale = z.infer<typeof scaleSchema>;

const observationItemSchema = z.object({ key, label: localizedSchema, group: localizedSchema.optional() });

const observationFormSchema = z.object({
  key,
  name: localizedSchema,
  scale: scaleSchema,
  items: z.array(observationItemSchema).min(1).max(60),
});
export type ObservationForm = z.infer<typeof observationFormSchema>;

const meetingTypeSchema = z.object({
  key,
  label: localizedSchema,
  /** How many must be held before reporting; the maximum only warns. */
  min: z.number().int().min(0).max(100),
  max: z.number().int().min(1).max(100).nullable(),
  defaultMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  observationForm: key.nullable(),
  /** Per goal: a rating, the trainee's reflection, action instructions and agreements. */
  feedback: z.boolean(),
  /** The trainee assesses themself against the goals before a meeting of this type. */
  selfAssessmentBefore: z.boolean(),
  mayBeUnannounced: z.boolean(),
  /**
   * Participants besides the guide who write their own part of this meeting's report, such as the
   * BPV-docent in a three-way conversation. Each part is its writer's alone.
   */
  partsBy: z.array(participantRoleSchema).max(PARTICIPANT_ROLES.length).default([]),
});
export type MeetingType = z.infer<typeof meetingTypeSchema>;

const goalRulesSchema = z.object({
  /** Who writes the goals: the guide in a directive trajectory, the trainee too in coaching. */
  setBy: z.array(participantRoleSchema).min(1),
  max: z.number().int().min(1).max(100).nullable(),
  requireRationale: z.boolean(),
  requireSuccessCriteria: z.boolean(),
  /** Whether the opdrachtgever must approve the goal list, and again after each change. */
  approvalByCommissioner: z.boolean(),
  ratingScale: scaleSchema,
});
export type GoalRules = z.infer<typeof goalRulesSchema>;

/**
 * The conditions a status change can depend on. The vocabulary is code; which conditions a
 * regime uses, and with which numbers, is data.
 */
export const guardSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("intakeComplete") }),
  z.object({ kind: z.literal("consentsGiven") }),
  z.object({ kind: z.literal("goalsPresent"), min: z.number().int().min(1).max(100) }),
  z.object({ kind: z.literal("goalsApproved") }),
  /** Every meeting type's minimum is met; may be overridden with a written reason. */
  z.object({ kind: z.literal("requiredMeetingsHeld"), overridable: z.boolean() }),
  z.object({ kind: z.literal("reportFinal") }),
  z.object({ kind: z.literal("reasonGiven") }),
  /** One reason from a list, such as why a student stopped: counted, so chosen rather than written. */
  z.object({
    kind: z.literal("reasonChosen"),
    options: z
      .array(z.object({ value: optionValue, label: localizedSchema }))
      .min(1)
      .max(20),
  }),
  /** The day the change took effect (not after today, not before the start), such as a diploma's date. */
  z.object({ kind: z.literal("dateGiven") }),
]);
export type Guard = z.infer<typeof guardSchema>;

export const ACTORS = [...PARTICIPANT_ROLES, "admin"] as const;

const statusSchema = z.object({
  key,
  label: localizedSchema,
  terminal: z.boolean(),
});

export const TRANSITION_EFFECTS = ["none", "escalate"] as const;

const transitionSchema = z.object({
  key,
  label: localizedSchema,
  from: z.array(key).min(1),
  to: key,
  by: z.array(z.enum(ACTORS)).min(1),
  guards: z.array(guardSchema),
  /** `escalate` starts a new, linked trajectory on `escalation.regimeKey` that carries the goals. */
  effect: z.enum(TRANSITION_EFFECTS),
});
export type Transition = z.infer<typeof transitionSchema>;

export const REPORT_SOURCES = ["goalResults", "process", "text"] as const;

const reportSectionSchema = z.object({
  key,
  label: localizedSchema,
  /** goalResults and process are drafted from the data; text starts from `draft`. */
  source: z.enum(REPORT_SOURCES),
  draft: localizedSchema.optional(),
});

const intensityPhaseSchema = z.object({
  everyWeeks: z.number().int().min(1).max(52),
  times: z.number().int().min(1).max(52),
});
export const intensitySchema = z.object({
  meetingType: key,
  phases: z.array(intensityPhaseSchema).min(1).max(10),
});
export type Intensity = z.infer<typeof intensitySchema>;

/** What a trajectory's held meetings count as in the evidence ledger of the person guided. */
export const EVIDENCE_CATEGORIES = ["werkbegeleiding", "supervisie", "intervisie"] as const;
export const evidenceCategorySchema = z.enum(EVIDENCE_CATEGORIES);
export type EvidenceCategory = z.infer<typeof evidenceCategorySchema>;

const evidenceSchema = z.object({
  category: evidenceCategorySchema,
  /** A choice plan field holding the number of people supervised together (1 to 3), for points. */
  groupSizeField: key.nullable(),
});

/** A registration that makes a guide eligible, matched on register and type (case-insensitive). */
export const qualifyingRegistrationSchema = z.object({
  register: z.string().trim().min(1).max(50),
  type: z.string().trim().min(1).max(200),
});
export type QualifyingRegistration = z.infer<typeof qualifyingRegistrationSchema>;

/**
 * Who may guide. The kinds are code; the registrations that qualify, the years and the levels
 * are data, so a register's change of rules is an edit.
 */
export const guideRuleSchema = z.discriminatedUnion("kind", [
  /** A qualifying registration, or an experienced professional with a motivated request. */
  z.object({
    kind: z.literal("registeredOrExperienced"),
    registrations: z.array(qualifyingRegistrationSchema).min(1).max(50),
    minAcademicYears: z.number().int().min(0).max(50),
    dreyfusLevels: z.array(z.number().int().min(1).max(5)).min(1),
  }),
  /** A qualifying registration, without exception. */
  z.object({ kind: z.literal("registeredOnly"), registrations: z.array(qualifyingRegistrationSchema).min(1).max(50) }),
  /** Supervisie: not the employer or manager, no family or economic tie, and optionally not the werkbegeleider. */
  z.object({ kind: z.literal("independentSupervisor"), notWerkbegeleider: z.boolean() }),
]);
export type GuideRule = z.infer<typeof guideRuleSchema>;

export const DECLARATION_MOMENTS = ["start", "end", "independence"] as const;
/** Parts of the trajectory a declaration's generated content includes. */
export const DECLARATION_PARTS = [
  "participants",
  "guideEligibility",
  "plan",
  "meetings",
  "hours",
  "deviation",
] as const;

const declarationSpecSchema = z.object({
  key,
  /** The register's name for the form, e.g. "A"; printed on the document. */
  form: z.string().trim().max(20).nullable(),
  title: localizedSchema,
  moment: z.enum(DECLARATION_MOMENTS),
  /** What the signers declare, in words. */
  statement: localizedSchema,
  includes: z.array(z.enum(DECLARATION_PARTS)),
  /** Each slot is signed once, by a participant holding one of its roles. */
  signers: z.array(z.object({ key, label: localizedSchema, roles: z.array(participantRoleSchema).min(1) })).min(1),
  /**
   * `reregistration`: the register needs it before the trainee's re-registration date (reminded
   * and listed as late then, whatever the trajectory's status); `end`: before the trajectory ends.
   */
  dueBy: z.enum(["reregistration", "end"]).nullable(),
  /** Due this many days after the trajectory's start (0: on the start day), earlier than `dueBy`. */
  dueDaysAfterStart: z.number().int().min(0).max(3650).nullable().default(null),
});
export type DeclarationSpec = z.infer<typeof declarationSpecSchema>;

/**
 * How a regime's trajectories end, for the retention figures: the statuses that mean the person
 * completed (a diploma) and those that mean they stopped, and the plan field holding their level.
 */
const outcomesSchema = z.object({
  completed: z.array(key).min(1),
  stopped: z.array(key).min(1),
  levelField: key.nullable(),
});
export type Outcomes = z.infer<typeof outcomesSchema>;

/**
 * Hours worked on the placement, recorded per period by the workplace and counted per school year
 * against a yearly minimum (BBL: 610 hours of BPV a year, domain.md section 4).
 */
const workHoursSchema = z.object({
  yearlyMinimumHours: z.number().int().min(0).max(8784).nullable(),
  recordedBy: z.array(participantRoleSchema).min(1).max(PARTICIPANT_ROLES.length),
});
export type WorkHoursRule = z.infer<typeof workHoursSchema>;

export const regimeSchema = z
  .object({
    key,
    version: z.number().int().min(1),
    name: localizedSchema,
    description: localizedSchema,
    participants: z.array(participantSchema).min(1),
    planFields: z.array(planFieldSchema),
    consents: z.array(consentSchema),
    goals: goalRulesSchema,
    observationForms: z.array(observationFormSchema),
    meetingTypes: z.array(meetingTypeSchema).min(1),
    /** A proposed rhythm for a new plan; the guide can change it per trajectory. */
    defaultIntensity: intensitySchema.nullable(),
    statuses: z.array(statusSchema).min(2),
    initialStatus: key,
    transitions: z.array(transitionSchema).min(1),
    report: z.object({ sections: z.array(reportSectionSchema).min(1) }),
    escalation: z.object({ regimeKey: key }).nullable(),
    evidence: evidenceSchema.nullable().default(null),
    guideRule: guideRuleSchema.nullable().default(null),
    declarations: z.array(declarationSpecSchema).default([]),
    /** Where set, the regime's trajectories count in the retention figures (cohorts, outcomes). */
    outcomes: outcomesSchema.nullable().default(null),
    /** Where set, the workplace records the hours worked (BPV hours), shown beside the guidance hours. */
    workHours: workHoursSchema.nullable().default(null),
    /**
     * What the organisation admin sees and does in a trajectory outside their own participation.
     * A document without it gets nothing here; a stored one without it is read through
     * `upgradeRegime`, which derives it.
     */
    admin: adminRightsSchema.default({ sees: [], does: [] }),
  })
  .superRefine((regime, ctx) => {
    const statuses = new Set(regime.statuses.map((s) => s.key));
    const forms = new Set(regime.observationForms.map((f) => f.key));
    const types = new Set(regime.meetingTypes.map((t) => t.key));
    // Messages are keys the server translates (see src/server/messages.ts).
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: "custom", message, path });
    if (!statuses.has(regime.initialStatus)) issue("field.unknownReference", ["initialStatus"]);
    regime.transitions.forEach((t, i) => {
      for (const from of t.from) if (!statuses.has(from)) issue("field.unknownReference", ["transitions", i, "from"]);
      if (!statuses.has(t.to)) issue("field.unknownReference", ["transitions", i, "to"]);
      if (t.effect === "escalate" && !regime.escalation) issue("field.unknownReference", ["transitions", i, "effect"]);
    });
    regime.meetingTypes.forEach((t, i) => {
      if (t.observationForm && !forms.has(t.observationForm))
        issue("field.unknownReference", ["meetingTypes", i, "observationForm"]);
      if (t.max !== null && t.max < t.min) issue("field.maxBelowMin", ["meetingTypes", i, "max"]);
    });
    regime.planFields.forEach((f, i) => {
      if (f.kind === "choice" && !f.options?.length) issue("field.required", ["planFields", i, "options"]);
    });
    const groupSizeField = regime.evidence?.groupSizeField;
    if (groupSizeField && !regime.planFields.some((f) => f.key === groupSizeField && f.kind === "choice"))
      issue("field.unknownReference", ["evidence", "groupSizeField"]);
    if (regime.defaultIntensity && !types.has(regime.defaultIntensity.meetingType))
      issue("field.unknownReference", ["defaultIntensity", "meetingType"]);
    if (regime.outcomes) {
      for (const field of ["completed", "stopped"] as const)
        regime.outcomes[field].forEach((status, i) => {
          if (!statuses.has(status)) issue("field.unknownReference", ["outcomes", field, i]);
        });
      const level = regime.outcomes.levelField;
      if (level && !regime.planFields.some((f) => f.key === level))
        issue("field.unknownReference", ["outcomes", "levelField"]);
    }
    regime.meetingTypes.forEach((t, i) => {
      for (const role of t.partsBy)
        if (!regime.participants.some((p) => p.role === role))
          issue("field.unknownReference", ["meetingTypes", i, "partsBy"]);
    });
    regime.workHours?.recordedBy.forEach((role, i) => {
      if (!regime.participants.some((p) => p.role === role))
        issue("field.unknownReference", ["workHours", "recordedBy", i]);
    });
    regime.participants.forEach((p, i) => {
      if (p.max < p.min) issue("field.maxBelowMin", ["participants", i, "max"]);
    });
    regime.admin.does.forEach((action, i) => {
      if (!regime.admin.sees.includes(ADMIN_ACTION_PART[action]))
        issue("field.adminActionUnseen", ["admin", "does", i]);
    });
    const unique = (list: { key: string }[], path: string) => {
      const seen = new Set<string>();
      for (const item of list) {
        if (seen.has(item.key)) issue("field.duplicateKey", [path]);
        seen.add(item.key);
      }
    };
    // Each role once: what a role sees is read from its first entry only.
    unique(
      regime.participants.map((p) => ({ key: p.role })),
      "participants",
    );
    unique(regime.statuses, "statuses");
    unique(regime.meetingTypes, "meetingTypes");
    unique(regime.observationForms, "observationForms");
    unique(regime.planFields, "planFields");
    unique(regime.consents, "consents");
    unique(regime.transitions, "transitions");
    unique(regime.report.sections, "report");
    unique(regime.declarations, "declarations");
    for (const form of regime.observationForms) unique(form.items, "observationForms");
  });

export type Regime = z.infer<typeof regimeSchema>;
/** A regime as written, before the defaults fill what it leaves out. */
export type RegimeDocument = z.input<typeof regimeSchema>;

export const localized = (text: Localized, locale: Locale) => text[locale];
