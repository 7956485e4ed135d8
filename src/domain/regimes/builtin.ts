import { type Regime, regimeSchema } from "./schema.js";

/**
 * The regimes Koers ships with. Each is only data; an organisation admin copies one and
 * changes its numbers. Sources: seed 004 (teacher trajectory and coaching).
 */

const t = (nl: string, en: string) => ({ nl, en });

const FOUR_POINT = {
  min: 1,
  max: 4,
  labels: [
    t("Overwegend zwak", "Predominantly weak"),
    t("Meer zwak dan sterk", "More weak than strong"),
    t("Meer sterk dan zwak", "More strong than weak"),
    t("Overwegend sterk", "Predominantly strong"),
  ],
};

const LESSON_OBSERVATION = {
  key: "lesson_observation",
  name: t("Lesobservatie", "Lesson observation"),
  scale: FOUR_POINT,
  items: [
    { key: "lesson_change", label: t("Leswissel", "Lesson change") },
    { key: "differentiated_instruction", label: t("Gedifferentieerde instructie", "Differentiated instruction") },
    { key: "differentiated_processing", label: t("Gedifferentieerde verwerking", "Differentiated processing") },
    { key: "working_with_strategies", label: t("Werken met strategieën", "Working with strategies") },
  ],
};

const STATUSES = {
  draft: { key: "draft", label: t("Concept", "Draft"), terminal: false },
  agreed: { key: "agreed", label: t("Afgesproken", "Agreed"), terminal: false },
  running: { key: "running", label: t("Lopend", "Running"), terminal: false },
  reporting: { key: "reporting", label: t("Verslaglegging", "Reporting"), terminal: false },
  completed: { key: "completed", label: t("Afgerond", "Completed"), terminal: true },
  aborted: { key: "aborted", label: t("Afgebroken", "Aborted"), terminal: true },
  escalated: { key: "escalated", label: t("Doorgezet", "Escalated"), terminal: true },
};

const TEACHER_PARTICIPANTS: Regime["participants"] = [
  {
    role: "trainee",
    label: t("Leerkracht", "Teacher"),
    min: 1,
    max: 1,
    sees: ["plan", "goals", "meetings", "notes", "confidentialNotes", "feedback", "selfAssessments", "hours", "report"],
  },
  {
    role: "guide",
    label: t("Adviseur", "Adviser"),
    min: 1,
    max: 2,
    sees: [
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
    ],
  },
  {
    role: "commissioner",
    label: t("Opdrachtgever", "Commissioner"),
    min: 1,
    max: 1,
    sees: ["plan", "goals", "meetings", "notes", "hours", "report", "billing"],
  },
];

const TEACHER_MEETINGS: Regime["meetingTypes"] = [
  {
    key: "intake",
    label: t("Intakegesprek", "Intake meeting"),
    min: 1,
    max: 1,
    defaultMinutes: 60,
    observationForm: null,
    feedback: false,
    selfAssessmentBefore: false,
    mayBeUnannounced: false,
  },
  {
    key: "diagnosis_visit",
    label: t("Diagnosebezoek", "Diagnosis visit"),
    min: 1,
    max: 1,
    defaultMinutes: 60,
    observationForm: "lesson_observation",
    feedback: false,
    selfAssessmentBefore: false,
    mayBeUnannounced: false,
  },
  {
    key: "classroom_visit",
    label: t("Klassenbezoek", "Classroom visit"),
    min: 3,
    max: 5,
    defaultMinutes: 50,
    observationForm: "lesson_observation",
    feedback: false,
    selfAssessmentBefore: false,
    mayBeUnannounced: true,
  },
  {
    key: "feedback_conversation",
    label: t("Feedbackgesprek", "Feedback conversation"),
    min: 3,
    max: 5,
    defaultMinutes: 45,
    observationForm: null,
    feedback: true,
    selfAssessmentBefore: true,
    mayBeUnannounced: false,
  },
  {
    key: "evaluation",
    label: t("Evaluatie", "Evaluation"),
    min: 0,
    max: null,
    defaultMinutes: 60,
    observationForm: null,
    feedback: false,
    selfAssessmentBefore: false,
    mayBeUnannounced: false,
  },
];

const TEACHER_CONSENTS: Regime["consents"] = [
  { key: "visits", label: t("(On)aangekondigde klassenbezoeken", "Announced and unannounced classroom visits") },
  {
    key: "timetable_changes",
    label: t(
      "De adviseur op de hoogte houden van roosterwijzigingen",
      "Keeping the adviser informed of timetable changes",
    ),
  },
  { key: "follow_up_calls", label: t("(Telefonische) nagesprekken", "Follow-up conversations, also by phone") },
  { key: "active_reflection", label: t("Actief reflecteren op eigen handelen", "Actively reflecting on own practice") },
  {
    key: "alternatives",
    label: t("Actief zoeken naar handelingsalternatieven", "Actively looking for alternative approaches"),
  },
  {
    key: "try_advice",
    label: t(
      "Experimenteren en toepassen van suggesties en adviezen",
      "Trying out and applying suggestions and advice",
    ),
  },
  {
    key: "self_assessment",
    label: t(
      "Zelfbeoordeling met behulp van de doelen voorafgaand aan elk nagesprek",
      "Self-assessment against the goals before each follow-up conversation",
    ),
  },
];

const TEACHER_PLAN_FIELDS: Regime["planFields"] = [
  { key: "reason", label: t("Aanleiding", "Reason"), kind: "longtext", stage: "intake", required: true },
  {
    key: "concerns_and_wishes",
    label: t("Zorgen en wensen", "Concerns and wishes"),
    kind: "longtext",
    stage: "intake",
    required: true,
  },
  {
    key: "working_agreements",
    label: t("Werkafspraken", "Working agreements"),
    kind: "longtext",
    stage: "intake",
    required: true,
  },
  {
    key: "approach",
    label: t("Vorm en inhoud van de begeleiding", "Form and content of the guidance"),
    kind: "longtext",
    stage: "plan",
    required: false,
  },
];

const REPORT_TAIL: Regime["report"]["sections"] = [
  {
    key: "attention_points",
    label: t("Aandachtspunten voor de toekomst", "Points of attention for the future"),
    source: "text",
  },
  {
    key: "further_guidance",
    label: t("Noodzaak van verdere begeleiding", "Need for further guidance"),
    source: "text",
  },
  { key: "next_steps", label: t("Noodzaak van vervolgstappen", "Need for next steps"), source: "text" },
];

const teacher: Regime = {
  key: "werkbegeleiding_leerkracht",
  version: 1,
  name: t("Werkbegeleiding leerkracht", "Teacher work guidance"),
  description: t(
    "Een dwingend traject: de opdrachtgever geeft aan waar de leerkracht tekortschiet, de adviseur begeleidt met klassenbezoeken en feedbackgesprekken en rapporteert schriftelijk.",
    "A directive trajectory: the commissioner names where the teacher falls short; the adviser guides with classroom visits and feedback conversations and reports in writing.",
  ),
  participants: TEACHER_PARTICIPANTS,
  planFields: TEACHER_PLAN_FIELDS,
  consents: TEACHER_CONSENTS,
  goals: {
    setBy: ["guide"],
    max: 15,
    requireRationale: true,
    requireSuccessCriteria: true,
    approvalByCommissioner: true,
    ratingScale: FOUR_POINT,
  },
  observationForms: [LESSON_OBSERVATION],
  meetingTypes: TEACHER_MEETINGS,
  defaultIntensity: {
    meetingType: "classroom_visit",
    phases: [
      { everyWeeks: 1, times: 3 },
      { everyWeeks: 2, times: 2 },
    ],
  },
  statuses: Object.values(STATUSES),
  initialStatus: "draft",
  transitions: [
    {
      key: "agree",
      label: t("Intake afronden", "Complete intake"),
      from: ["draft"],
      to: "agreed",
      by: ["guide", "admin"],
      guards: [{ kind: "intakeComplete" }, { kind: "consentsGiven" }],
      effect: "none",
    },
    {
      key: "start",
      label: t("Begeleiding starten", "Start guidance"),
      from: ["agreed"],
      to: "running",
      by: ["guide", "commissioner", "admin"],
      guards: [{ kind: "goalsPresent", min: 1 }, { kind: "goalsApproved" }],
      effect: "none",
    },
    {
      key: "report",
      label: t("Naar eindrapportage", "Move to final report"),
      from: ["running"],
      to: "reporting",
      by: ["guide", "admin"],
      guards: [{ kind: "requiredMeetingsHeld", overridable: true }],
      effect: "none",
    },
    {
      key: "complete",
      label: t("Traject afronden", "Complete trajectory"),
      from: ["reporting"],
      to: "completed",
      by: ["guide", "admin"],
      guards: [{ kind: "reportFinal" }],
      effect: "none",
    },
    {
      key: "escalate",
      label: t(
        "Doorzetten naar begeleidings- en beoordelingstraject",
        "Continue as a guidance and assessment trajectory",
      ),
      from: ["running", "reporting"],
      to: "escalated",
      by: ["commissioner", "admin"],
      guards: [{ kind: "reasonGiven" }],
      effect: "escalate",
    },
    {
      key: "abort",
      label: t("Traject afbreken", "Abort trajectory"),
      from: ["draft", "agreed", "running", "reporting"],
      to: "aborted",
      by: ["commissioner", "guide", "admin"],
      guards: [{ kind: "reasonGiven" }],
      effect: "none",
    },
  ],
  report: {
    sections: [
      {
        key: "results",
        label: t("Resultaten: mate waarin doelen bereikt zijn", "Results per goal"),
        source: "goalResults",
      },
      { key: "process", label: t("Verloop van het proces", "Course of the process"), source: "process" },
      ...REPORT_TAIL,
    ],
  },
  escalation: { regimeKey: "begeleiding_beoordeling" },
  evidence: null,
  guideRule: null,
  declarations: [],
};

/** The formal trajectory a teacher trajectory can be continued as; more visits, same form. */
const assessment: Regime = {
  ...teacher,
  key: "begeleiding_beoordeling",
  name: t("Begeleidings- en beoordelingstraject", "Guidance and assessment trajectory"),
  description: t(
    "Vervolg op werkbegeleiding wanneer de vorderingen onvoldoende zijn; de uitkomst kan rechtspositionele gevolgen hebben.",
    "Follows work guidance when progress falls short; its outcome may have employment consequences.",
  ),
  meetingTypes: TEACHER_MEETINGS.map((type) =>
    type.key === "classroom_visit" || type.key === "feedback_conversation" ? { ...type, min: 4, max: 8 } : type,
  ),
  transitions: teacher.transitions.filter((tr) => tr.key !== "escalate"),
  escalation: null,
  evidence: null,
  guideRule: null,
  declarations: [],
};

const coaching: Regime = {
  key: "coaching",
  version: 1,
  name: t("Coaching", "Coaching"),
  description: t(
    "De begeleide bepaalt zelf de doelen; niets is verplicht.",
    "The person coached sets their own goals; nothing is compulsory.",
  ),
  participants: [
    {
      role: "trainee",
      label: t("Coachee", "Coachee"),
      min: 1,
      max: 1,
      sees: [
        "plan",
        "goals",
        "meetings",
        "notes",
        "confidentialNotes",
        "feedback",
        "selfAssessments",
        "hours",
        "report",
      ],
    },
    {
      role: "guide",
      label: t("Coach", "Coach"),
      min: 1,
      max: 1,
      sees: [
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
      ],
    },
    { role: "commissioner", label: t("Opdrachtgever", "Commissioner"), min: 0, max: 1, sees: ["plan", "billing"] },
  ],
  planFields: [
    {
      key: "question",
      label: t("Coachvraag", "Coaching question"),
      kind: "longtext",
      stage: "intake",
      required: false,
    },
    { key: "approach", label: t("Werkwijze", "Approach"), kind: "longtext", stage: "plan", required: false },
  ],
  consents: [],
  goals: {
    setBy: ["trainee", "guide"],
    max: null,
    requireRationale: false,
    requireSuccessCriteria: false,
    approvalByCommissioner: false,
    ratingScale: { min: 1, max: 10 },
  },
  observationForms: [],
  meetingTypes: [
    {
      key: "coaching_session",
      label: t("Coachgesprek", "Coaching session"),
      min: 0,
      max: null,
      defaultMinutes: 60,
      observationForm: null,
      feedback: true,
      selfAssessmentBefore: false,
      mayBeUnannounced: false,
    },
    {
      key: "evaluation",
      label: t("Evaluatie", "Evaluation"),
      min: 0,
      max: null,
      defaultMinutes: 45,
      observationForm: null,
      feedback: false,
      selfAssessmentBefore: false,
      mayBeUnannounced: false,
    },
  ],
  defaultIntensity: {
    meetingType: "coaching_session",
    phases: [
      { everyWeeks: 2, times: 3 },
      { everyWeeks: 4, times: 2 },
    ],
  },
  statuses: [STATUSES.draft, STATUSES.running, STATUSES.completed, STATUSES.aborted],
  initialStatus: "draft",
  transitions: [
    {
      key: "start",
      label: t("Coaching starten", "Start coaching"),
      from: ["draft"],
      to: "running",
      by: ["guide", "trainee", "admin"],
      guards: [],
      effect: "none",
    },
    {
      key: "complete",
      label: t("Coaching afronden", "Complete coaching"),
      from: ["running"],
      to: "completed",
      by: ["guide", "admin"],
      guards: [],
      effect: "none",
    },
    {
      key: "abort",
      label: t("Coaching stoppen", "Stop coaching"),
      from: ["draft", "running"],
      to: "aborted",
      by: ["guide", "trainee", "admin"],
      guards: [{ kind: "reasonGiven" }],
      effect: "none",
    },
  ],
  report: {
    sections: [
      { key: "results", label: t("Resultaten per doel", "Results per goal"), source: "goalResults" },
      { key: "process", label: t("Verloop", "Course of the process"), source: "process" },
      { key: "next_steps", label: t("Vervolg", "Next steps"), source: "text" },
    ],
  },
  escalation: null,
  evidence: null,
  guideRule: null,
  declarations: [],
};

export const BUILTIN_REGIMES: readonly Regime[] = [teacher, coaching, assessment].map((r) => regimeSchema.parse(r));

export const builtinRegime = (key: string) => BUILTIN_REGIMES.find((r) => r.key === key);
