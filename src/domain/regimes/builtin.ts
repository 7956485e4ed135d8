import { type Regime, type RegimeDocument, regimeSchema } from "./schema.js";

/**
 * The regimes Koers ships with. Each is only data; an organisation admin copies one and
 * changes its numbers. Sources: seed 004 (teacher trajectory and coaching), seed 000 (SKJ and
 * postmaster werkbegeleiding) and seed 001 (supervisie).
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

const TEACHER_PARTICIPANTS: RegimeDocument["participants"] = [
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

const TEACHER_MEETINGS: RegimeDocument["meetingTypes"] = [
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

const TEACHER_CONSENTS: RegimeDocument["consents"] = [
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

const TEACHER_PLAN_FIELDS: RegimeDocument["planFields"] = [
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

const REPORT_TAIL: RegimeDocument["report"]["sections"] = [
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

/**
 * The organisation admin manages a teacher trajectory: reads what the opdrachtgever reads, keeps
 * the plan and the planning in order. The teacher's self-assessments, the adviser's feedback and
 * notes marked confidential are not the admin's; approving goals, escalating and aborting are the
 * opdrachtgever's.
 */
const TEACHER_ADMIN: RegimeDocument["admin"] = {
  sees: ["plan", "goals", "meetings", "notes", "hours", "report", "billing"],
  does: ["editPlan", "planMeetings"],
};

const teacher: RegimeDocument = {
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
      by: ["guide", "commissioner"],
      guards: [{ kind: "goalsPresent", min: 1 }, { kind: "goalsApproved" }],
      effect: "none",
    },
    {
      key: "report",
      label: t("Naar eindrapportage", "Move to final report"),
      from: ["running"],
      to: "reporting",
      by: ["guide", "admin"],
      // The report lists the goals: only as the opdrachtgever last approved them.
      guards: [{ kind: "requiredMeetingsHeld", overridable: true }, { kind: "goalsApproved" }],
      effect: "none",
    },
    {
      key: "complete",
      label: t("Traject afronden", "Complete trajectory"),
      from: ["reporting"],
      to: "completed",
      by: ["guide", "admin"],
      guards: [{ kind: "reportFinal" }, { kind: "goalsApproved" }],
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
      // The opdrachtgever decides; the admin manages.
      by: ["commissioner"],
      guards: [{ kind: "reasonGiven" }],
      effect: "escalate",
    },
    {
      key: "abort",
      label: t("Traject afbreken", "Abort trajectory"),
      from: ["draft", "agreed", "running", "reporting"],
      to: "aborted",
      by: ["commissioner", "guide"],
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
  admin: TEACHER_ADMIN,
};

/** The formal trajectory a teacher trajectory can be continued as; more visits, same form. */
const assessment: RegimeDocument = {
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
  admin: TEACHER_ADMIN,
};

const coaching: RegimeDocument = {
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
  // The employer pays and reads the plan; the admin plans too, and sees the hours it bills.
  admin: { sees: ["plan", "meetings", "hours", "billing"], does: ["editPlan", "planMeetings"] },
};

/** The registrations seed 000 lists for a werkbegeleider; matched as types of the register's list (`registrations/types.ts`). */
export const SKJ_QUALIFYING_REGISTRATIONS = [
  { register: "NVO", type: "Orthopedagoog-Generalist" },
  { register: "SKJ", type: "Postmaster-orthopedagoog" },
  { register: "NIP", type: "Kinder- en Jeugdpsycholoog" },
  { register: "SKJ", type: "Kinder- en jeugdpsycholoog" },
  { register: "BIG", type: "Gezondheidszorgpsycholoog" },
];

/** Everything of the trajectory, for the professional and the guide; billing only for the guide. */
const ALL_BUT_BILLING: RegimeDocument["participants"][number]["sees"] = [
  "plan",
  "goals",
  "meetings",
  "notes",
  "confidentialNotes",
  "feedback",
  "selfAssessments",
  "hours",
  "report",
];

/** Start (form A) and end (form B) declarations, signed by the professional and the employer or guide. */
const werkbegeleidingDeclarations = (conditions: { nl: string; en: string }): RegimeDocument["declarations"] => {
  const signers = [
    { key: "professional", label: t("Professional", "Professional"), roles: ["trainee" as const] },
    {
      key: "employer_or_guide",
      label: t("Werkgever of werkbegeleider", "Employer or work guide"),
      roles: ["commissioner" as const, "guide" as const],
    },
  ];
  return [
    {
      key: "start",
      form: "A",
      title: t("Verklaring plan werkbegeleiding", "Declaration of the work guidance plan"),
      moment: "start",
      statement: t(
        `Ondergetekenden verklaren dat er een werkbegeleider en een plan van werkbegeleiding is die voldoen aan de voorwaarden van ${conditions.nl}: het plan beschrijft vorm, inhoud, intensiteit/frequentie/getraptheid en evaluatiemomenten van de werkbegeleiding.`,
        `The undersigned declare that there is a work guide and a work guidance plan that meet the conditions of ${conditions.en}: the plan describes the form, content, intensity/frequency/tapering and evaluation moments of the work guidance.`,
      ),
      includes: ["participants", "guideEligibility", "plan"],
      signers,
      // Signed before the werkbegeleiding begins (Handreiking: "voor aanvang"), and needed for
      // the re-registration like form B.
      dueBy: "reregistration",
      dueDaysAfterStart: 0,
    },
    {
      key: "end",
      form: "B",
      title: t("Verklaring werkbegeleiding", "Declaration of work guidance"),
      moment: "end",
      statement: t(
        `Ondergetekenden verklaren dat de werkbegeleiding is gevolgd volgens de voorwaarden van ${conditions.nl}, en zo niet, waarom van het plan is afgeweken.`,
        `The undersigned declare that the work guidance followed the conditions of ${conditions.en} and, where it did not, why it deviated from the plan.`,
      ),
      includes: ["participants", "guideEligibility", "plan", "meetings", "hours", "deviation"],
      signers,
      dueBy: "reregistration",
      dueDaysAfterStart: null,
    },
  ];
};

const SKJ_PLAN_FIELDS: RegimeDocument["planFields"] = [
  {
    key: "vorm",
    label: t("Vorm van de werkbegeleiding", "Form of the work guidance"),
    help: t(
      "Individueel of in een groep, en hoe de werkbegeleider zicht houdt op het dagelijkse werk.",
      "Individually or in a group, and how the work guide keeps sight of the daily work.",
    ),
    kind: "longtext",
    stage: "intake",
    required: true,
  },
  {
    key: "inhoud",
    label: t("Inhoud van de werkbegeleiding", "Content of the work guidance"),
    kind: "longtext",
    stage: "intake",
    required: true,
  },
  {
    key: "intensiteit",
    label: t("Intensiteit, frequentie en getraptheid", "Intensity, frequency and tapering"),
    help: t(
      "Meer begeleiding in het begin, afnemend naarmate de praktijkervaring groeit; het ritme hieronder stelt de data voor.",
      "More guidance at the start, decreasing as practical experience grows; the rhythm below proposes the dates.",
    ),
    kind: "longtext",
    stage: "intake",
    required: true,
  },
  {
    key: "organisatievorm",
    label: t("Organisatievorm", "Form of organisation"),
    help: t(
      "De vorm van de werkbegeleiding past bij het soort organisatie.",
      "The form of the work guidance suits the kind of organisation.",
    ),
    kind: "choice",
    options: [
      { value: "traditioneel", label: t("Traditionele organisatievorm", "Traditional organisation") },
      { value: "netwerkorganisatie", label: t("Netwerkorganisatie", "Network organisation") },
    ],
    stage: "intake",
    required: true,
  },
];

const skj: RegimeDocument = {
  key: "skj_werkbegeleiding",
  version: 1,
  name: t("SKJ werkbegeleiding (herregistratie master)", "SKJ work guidance (master re-registration)"),
  description: t(
    "Werkbegeleiding van een master-orthopedagoog of -psycholoog volgens de Handreiking werkbegeleiding: een plan met vorm, inhoud, intensiteit en evaluatiemomenten, een geschikte werkbegeleider, en verklaringen bij begin en einde.",
    "Work guidance of a master's-level educationalist or psychologist under the SKJ guideline: a plan with form, content, intensity and evaluation moments, an eligible work guide, and declarations at the start and the end.",
  ),
  participants: [
    { role: "trainee", label: t("Professional", "Professional"), min: 1, max: 1, sees: ALL_BUT_BILLING },
    { role: "guide", label: t("Werkbegeleider", "Work guide"), min: 1, max: 1, sees: [...ALL_BUT_BILLING, "billing"] },
    // The employer may sign instead of the guide, but need not take part: in a network organisation or
    // for a self-employed professional the guide signs.
    {
      role: "commissioner",
      label: t("Werkgever", "Employer"),
      min: 0,
      max: 1,
      sees: ["plan", "goals", "meetings", "hours", "report"],
    },
  ],
  planFields: SKJ_PLAN_FIELDS,
  consents: [],
  goals: {
    setBy: ["trainee", "guide"],
    max: null,
    requireRationale: false,
    requireSuccessCriteria: false,
    approvalByCommissioner: false,
    ratingScale: FOUR_POINT,
  },
  observationForms: [],
  meetingTypes: [
    {
      key: "werkbegeleidingsgesprek",
      label: t("Werkbegeleidingsgesprek", "Work guidance session"),
      min: 1,
      max: null,
      defaultMinutes: 60,
      observationForm: null,
      feedback: true,
      selfAssessmentBefore: false,
      mayBeUnannounced: false,
    },
    {
      key: "observatie",
      label: t("Observatie op de werkvloer", "Observation at work"),
      min: 0,
      max: null,
      defaultMinutes: 60,
      observationForm: null,
      feedback: false,
      selfAssessmentBefore: false,
      mayBeUnannounced: false,
    },
    {
      key: "evaluatie",
      label: t("Evaluatie", "Evaluation"),
      min: 1,
      max: null,
      defaultMinutes: 60,
      observationForm: null,
      feedback: true,
      selfAssessmentBefore: false,
      mayBeUnannounced: false,
    },
  ],
  defaultIntensity: {
    meetingType: "werkbegeleidingsgesprek",
    phases: [
      { everyWeeks: 2, times: 6 },
      { everyWeeks: 4, times: 6 },
      { everyWeeks: 6, times: 4 },
    ],
  },
  statuses: [
    STATUSES.draft,
    STATUSES.agreed,
    STATUSES.running,
    STATUSES.reporting,
    STATUSES.completed,
    STATUSES.aborted,
  ],
  initialStatus: "draft",
  transitions: [
    {
      key: "agree",
      label: t("Plan vaststellen", "Agree the plan"),
      from: ["draft"],
      to: "agreed",
      by: ["guide", "admin"],
      guards: [{ kind: "intakeComplete" }],
      effect: "none",
    },
    {
      key: "start",
      label: t("Werkbegeleiding starten", "Start work guidance"),
      from: ["agreed"],
      to: "running",
      by: ["guide", "trainee", "admin"],
      guards: [],
      effect: "none",
    },
    {
      key: "report",
      label: t("Naar eindverslag", "Move to final report"),
      from: ["running"],
      to: "reporting",
      by: ["guide", "admin"],
      guards: [{ kind: "requiredMeetingsHeld", overridable: true }],
      effect: "none",
    },
    {
      key: "complete",
      label: t("Werkbegeleiding afronden", "Complete work guidance"),
      from: ["reporting"],
      to: "completed",
      by: ["guide", "admin"],
      guards: [{ kind: "reportFinal" }],
      effect: "none",
    },
    {
      key: "abort",
      label: t("Werkbegeleiding afbreken", "Abort work guidance"),
      from: ["draft", "agreed", "running", "reporting"],
      to: "aborted",
      by: ["guide", "trainee", "commissioner"],
      guards: [{ kind: "reasonGiven" }],
      effect: "none",
    },
  ],
  report: {
    sections: [
      { key: "results", label: t("Resultaten per leerdoel", "Results per goal"), source: "goalResults" },
      { key: "process", label: t("Verloop van de werkbegeleiding", "Course of the work guidance"), source: "process" },
      {
        key: "plan_followed",
        label: t("Gevolgd volgens plan, of waarom afgeweken", "Followed as planned, or why it deviated"),
        source: "text",
        draft: t(
          "De werkbegeleiding is gevolgd volgens het plan van werkbegeleiding.",
          "The work guidance followed the work guidance plan.",
        ),
      },
      { key: "next_steps", label: t("Vervolg", "Next steps"), source: "text" },
    ],
  },
  escalation: null,
  evidence: { category: "werkbegeleiding", groupSizeField: null },
  guideRule: {
    kind: "registeredOrExperienced",
    registrations: SKJ_QUALIFYING_REGISTRATIONS,
    minAcademicYears: 5,
    dreyfusLevels: [4, 5],
  },
  declarations: werkbegeleidingDeclarations(
    t("de Handreiking werkbegeleiding (SKJ)", "the SKJ guideline on work guidance"),
  ),
  // The admin reads what the employer reads, and the bill; writing and signing are the participants'.
  admin: { sees: ["plan", "goals", "meetings", "hours", "report", "billing"], does: ["editPlan", "planMeetings"] },
};

/** The postmaster training: the same plan, but only a registered postmaster may guide. */
const postmaster: RegimeDocument = {
  ...skj,
  key: "postmaster_werkbegeleiding",
  name: t("Postmaster-opleiding werkbegeleiding", "Postmaster training work guidance"),
  description: t(
    "Werkbegeleiding tijdens de opleiding tot postmaster: als SKJ-werkbegeleiding, maar de werkbegeleider heeft altijd een postmasterregistratie (NIP, NVO, SKJ of BIG).",
    "Work guidance during the postmaster training: as SKJ work guidance, but the work guide always holds a postmaster registration (NIP, NVO, SKJ or BIG).",
  ),
  guideRule: { kind: "registeredOnly", registrations: SKJ_QUALIFYING_REGISTRATIONS },
  declarations: werkbegeleidingDeclarations(
    t(
      "de Handreiking werkbegeleiding (SKJ) voor het opleidingstraject tot postmaster",
      "the SKJ guideline on work guidance for the postmaster training",
    ),
  ),
};

/** The number of supervisees the supervisie plan's `group_size` choice ("1", "2" or "3") stands for; null if none. */
export const groupSizeOf = (value: string | null | undefined): 1 | 2 | 3 | null =>
  value === "1" || value === "2" || value === "3" ? (Number(value) as 1 | 2 | 3) : null;

const SUPERVISIE_STATEMENT = t(
  "Tussen supervisor en supervisant bestaat geen familierechtelijke betrekking, een daarmee gelijkstaande relatie, dan wel een economisch samenwerkingsverband. De supervisor is geen werkgever of leidinggevende van de supervisant.",
  "There is no family relationship, or a relationship equal to it, nor an economic partnership between supervisor and supervisee. The supervisor is not the supervisee's employer or manager.",
);

const supervisie: RegimeDocument = {
  key: "supervisie",
  version: 1,
  name: t("Supervisie", "Supervision"),
  description: t(
    "De professional staat centraal: een persoonlijk leerproces van reflectie op het eigen handelen onder begeleiding van een onafhankelijke supervisor. De inhoud is vertrouwelijk; de werkgever ziet alleen uren en status.",
    "The professional is central: a personal learning process of reflecting on one's own practice, guided by an independent supervisor. The content is confidential; the employer sees only hours and status.",
  ),
  participants: [
    { role: "trainee", label: t("Supervisant", "Supervisee"), min: 1, max: 1, sees: ALL_BUT_BILLING },
    { role: "guide", label: t("Supervisor", "Supervisor"), min: 1, max: 1, sees: [...ALL_BUT_BILLING, "billing"] },
    // Optional: a professional may arrange supervisie without the employer; if the employer takes part,
    // it sees the hours, never the content.
    { role: "commissioner", label: t("Werkgever", "Employer"), min: 0, max: 1, sees: ["hours"] },
  ],
  planFields: [
    {
      key: "group_size",
      label: t("Aantal supervisanten", "Number of supervisees"),
      help: t(
        "Bepaalt de punten: 40 punten bij 40 uur alleen, 45 uur met twee en 50 uur met drie supervisanten.",
        "Decides the points: 40 points for 40 hours alone, 45 hours with two and 50 hours with three supervisees.",
      ),
      kind: "choice",
      options: [
        { value: "1", label: t("Individueel (1)", "Individual (1)") },
        { value: "2", label: t("Met z'n tweeën (2)", "Two supervisees (2)") },
        { value: "3", label: t("Met z'n drieën (3)", "Three supervisees (3)") },
      ],
      stage: "intake",
      required: true,
    },
    {
      key: "supervisievragen",
      label: t("Reflectieve leerdoelen", "Reflective learning goals"),
      help: t(
        "Aanbevolen om met de supervisor af te spreken; ze hoeven niet vooraf te worden ingediend.",
        "Recommended to agree with the supervisor; they need not be submitted in advance.",
      ),
      kind: "longtext",
      stage: "plan",
      required: false,
    },
  ],
  consents: [],
  goals: {
    setBy: ["trainee", "guide"],
    max: null,
    requireRationale: false,
    requireSuccessCriteria: false,
    approvalByCommissioner: false,
    ratingScale: FOUR_POINT,
  },
  observationForms: [],
  meetingTypes: [
    {
      key: "supervisiezitting",
      label: t("Supervisiezitting", "Supervision session"),
      min: 1,
      max: null,
      defaultMinutes: 60,
      observationForm: null,
      feedback: false,
      selfAssessmentBefore: false,
      mayBeUnannounced: false,
    },
    {
      key: "evaluatie",
      label: t("Evaluatie", "Evaluation"),
      min: 0,
      max: null,
      defaultMinutes: 60,
      observationForm: null,
      feedback: false,
      selfAssessmentBefore: false,
      mayBeUnannounced: false,
    },
  ],
  defaultIntensity: { meetingType: "supervisiezitting", phases: [{ everyWeeks: 3, times: 15 }] },
  statuses: [STATUSES.draft, STATUSES.running, STATUSES.completed, STATUSES.aborted],
  initialStatus: "draft",
  transitions: [
    {
      key: "start",
      label: t("Supervisie starten", "Start supervision"),
      from: ["draft"],
      to: "running",
      by: ["guide", "trainee", "admin"],
      guards: [{ kind: "intakeComplete" }],
      effect: "none",
    },
    {
      key: "complete",
      label: t("Supervisie afronden", "Complete supervision"),
      from: ["running"],
      to: "completed",
      by: ["guide", "admin"],
      guards: [{ kind: "requiredMeetingsHeld", overridable: true }],
      effect: "none",
    },
    {
      key: "abort",
      label: t("Supervisie stoppen", "Stop supervision"),
      from: ["draft", "running"],
      to: "aborted",
      by: ["guide", "trainee", "admin"],
      guards: [{ kind: "reasonGiven" }],
      effect: "none",
    },
  ],
  report: {
    sections: [
      { key: "process", label: t("Verloop van de supervisie", "Course of the supervision"), source: "process" },
      { key: "reflection", label: t("Reflectie", "Reflection"), source: "text" },
    ],
  },
  escalation: null,
  evidence: { category: "supervisie", groupSizeField: "group_size" },
  guideRule: { kind: "independentSupervisor", notWerkbegeleider: true },
  declarations: [
    {
      key: "independence",
      form: null,
      title: t("Verklaring onafhankelijkheid supervisor", "Declaration of the supervisor's independence"),
      moment: "independence",
      statement: SUPERVISIE_STATEMENT,
      includes: ["participants"],
      signers: [
        { key: "professional", label: t("Supervisant", "Supervisee"), roles: ["trainee"] },
        { key: "supervisor", label: t("Supervisor", "Supervisor"), roles: ["guide"] },
      ],
      // Declared when the supervisie starts; the register relies on it with the supervisieverklaring.
      dueBy: "reregistration",
      dueDaysAfterStart: 0,
    },
    {
      key: "end",
      form: null,
      title: t("Supervisieverklaring", "Supervision declaration"),
      moment: "end",
      statement: t(
        "Ondergetekenden verklaren dat de supervisie heeft plaatsgevonden zoals hieronder vermeld; alleen face-to-face contacturen zijn meegeteld, geen voorbereiding of verslaglegging. " +
          SUPERVISIE_STATEMENT.nl,
        "The undersigned declare that the supervision took place as stated below; only face-to-face contact hours are counted, not preparation or reporting. " +
          SUPERVISIE_STATEMENT.en,
      ),
      includes: ["participants", "plan", "meetings", "hours"],
      signers: [
        { key: "supervisor", label: t("Supervisor", "Supervisor"), roles: ["guide"] },
        { key: "professional", label: t("Supervisant", "Supervisee"), roles: ["trainee"] },
      ],
      dueBy: "reregistration",
      dueDaysAfterStart: null,
    },
  ],
  // The employer, and so the organisation admin, sees only the hours and the status.
  admin: { sees: ["hours"], does: [] },
};

/**
 * What the praktijkopleider and the school read of a student's path: all but the guide's
 * confidential notes and the student's self-assessments, which stay between student and guide.
 */
const BPV_READERS: RegimeDocument["participants"][number]["sees"] = [
  "plan",
  "goals",
  "meetings",
  "notes",
  "feedback",
  "hours",
  "report",
];

/** Why a student stops: a fixed list, so that the reasons can be counted (issue of seed 003: drop-out). */
const BPV_STOP_REASONS = [
  { value: "wrong_choice", label: t("Verkeerde studiekeuze", "Wrong choice of course") },
  { value: "workload", label: t("Werkdruk", "Workload") },
  { value: "guidance", label: t("Begeleiding", "Guidance") },
  { value: "personal", label: t("Persoonlijke omstandigheden", "Personal circumstances") },
  { value: "other", label: t("Anders", "Other") },
];

/**
 * The BPV trajectory of a student learning in the workplace (a "collega-in-opleiding", seed 003):
 * the werkbegeleider guides, the praktijkopleider commissions, and the school's BPV-docent reads
 * along and writes their own part of each three-way conversation. Its outcomes are counted per
 * cohort, so a region can measure how many students stay.
 */
const bpv: RegimeDocument = {
  key: "bpv",
  version: 2,
  name: t("BPV-traject (collega-in-opleiding)", "Work placement (colleague in training)"),
  description: t(
    "De begeleiding van een student in de beroepspraktijkvorming (BBL op mbo-niveau 2, 3 of 4, of zij-instromer) door de werkbegeleider, met de praktijkopleider en de BPV-docent van de school: leerdoelen, voortgangsgesprekken, driegesprekken en de uitkomst (diploma of gestopt, met de reden).",
    "The guidance of a student on a work placement (work-based learning at MBO level 2, 3 or 4, or a side-entrant) by the work guide, with the placement officer and the school's placement tutor: learning goals, progress conversations, three-way conversations and the outcome (diploma or stopped, with the reason).",
  ),
  participants: [
    { role: "trainee", label: t("Student", "Student"), min: 1, max: 1, sees: ALL_BUT_BILLING },
    { role: "guide", label: t("Werkbegeleider", "Work guide"), min: 1, max: 3, sees: ALL_BUT_BILLING },
    { role: "commissioner", label: t("Praktijkopleider", "Placement officer"), min: 0, max: 1, sees: BPV_READERS },
    // The school sees the student's path as the praktijkopleider does: one picture of it.
    { role: "school", label: t("BPV-docent", "Placement tutor"), min: 0, max: 1, sees: BPV_READERS },
    // Colleagues of the care team who guide along: they read the path and add to the progress conversations.
    {
      role: "co_guide",
      label: t("Meekijker uit het zorgteam", "Care team co-guide"),
      min: 0,
      max: 10,
      sees: ["plan", "goals", "meetings", "notes"],
    },
  ],
  planFields: [
    {
      key: "level",
      label: t("Niveau", "Level"),
      kind: "choice",
      options: [
        { value: "mbo2", label: t("Mbo-niveau 2", "MBO level 2") },
        { value: "mbo3", label: t("Mbo-niveau 3", "MBO level 3") },
        { value: "mbo4", label: t("Mbo-niveau 4", "MBO level 4") },
        { value: "side_entrant", label: t("Zij-instromer", "Side-entrant") },
      ],
      stage: "intake",
      required: true,
    },
    {
      key: "qualification",
      label: t("Opleiding (kwalificatie)", "Course (qualification)"),
      help: t("Bijvoorbeeld Verzorgende IG of Maatschappelijke zorg.", "For example Verzorgende IG or social care."),
      kind: "text",
      stage: "intake",
      required: true,
    },
    { key: "school", label: t("School", "School"), kind: "text", stage: "intake", required: true },
    {
      key: "bpv_hours",
      label: t("Afgesproken BPV-uren per week", "Agreed placement hours per week"),
      kind: "text",
      stage: "intake",
      required: false,
    },
    {
      key: "periods",
      label: t("Periodes en hun leerdoelen", "Periods and their learning goals"),
      help: t(
        "Welke kerntaken en werkprocessen per periode aan bod komen.",
        "Which core tasks and work processes each period covers.",
      ),
      kind: "longtext",
      stage: "plan",
      required: false,
    },
    {
      key: "care_team",
      label: t("Wie in het zorgteam meekijkt", "Who in the care team takes part"),
      kind: "longtext",
      stage: "plan",
      required: false,
    },
  ],
  consents: [],
  goals: {
    setBy: ["trainee", "guide"],
    max: null,
    requireRationale: false,
    requireSuccessCriteria: true,
    approvalByCommissioner: false,
    ratingScale: FOUR_POINT,
  },
  observationForms: [],
  meetingTypes: [
    {
      key: "voortgangsgesprek",
      label: t("Voortgangsgesprek", "Progress conversation"),
      min: 0,
      max: null,
      defaultMinutes: 30,
      observationForm: null,
      feedback: true,
      selfAssessmentBefore: true,
      mayBeUnannounced: false,
      partsBy: ["co_guide"],
    },
    {
      key: "driegesprek",
      label: t("Driegesprek (student, werkbegeleider, BPV-docent)", "Three-way conversation (student, guide, tutor)"),
      min: 0,
      max: null,
      defaultMinutes: 45,
      observationForm: null,
      feedback: true,
      selfAssessmentBefore: false,
      mayBeUnannounced: false,
      partsBy: ["school"],
    },
  ],
  defaultIntensity: {
    meetingType: "voortgangsgesprek",
    phases: [
      { everyWeeks: 2, times: 10 },
      { everyWeeks: 4, times: 10 },
    ],
  },
  statuses: [
    { key: "intake", label: t("Intake", "Intake"), terminal: false },
    { key: "running", label: t("Lopend", "Ongoing"), terminal: false },
    { key: "diploma", label: t("Diploma behaald", "Diploma obtained"), terminal: true },
    { key: "stopped", label: t("Gestopt", "Stopped"), terminal: true },
  ],
  initialStatus: "intake",
  transitions: [
    {
      key: "start",
      label: t("BPV starten", "Start the placement"),
      from: ["intake"],
      to: "running",
      by: ["guide", "commissioner"],
      guards: [{ kind: "intakeComplete" }],
      effect: "none",
    },
    {
      key: "graduate",
      label: t("Diploma behaald", "Diploma obtained"),
      from: ["running"],
      to: "diploma",
      by: ["guide", "commissioner"],
      guards: [{ kind: "dateGiven" }],
      effect: "none",
    },
    {
      key: "stop",
      label: t("Student stopt", "Student stops"),
      from: ["intake", "running"],
      to: "stopped",
      by: ["guide", "commissioner"],
      guards: [{ kind: "reasonChosen", options: BPV_STOP_REASONS }, { kind: "dateGiven" }],
      effect: "none",
    },
  ],
  report: {
    sections: [
      { key: "results", label: t("Voortgang per leerdoel", "Progress per learning goal"), source: "goalResults" },
      { key: "process", label: t("Verloop van de BPV", "Course of the placement"), source: "process" },
      { key: "next_steps", label: t("Afspraken met de school", "Agreements with the school"), source: "text" },
    ],
  },
  escalation: null,
  evidence: null,
  guideRule: null,
  declarations: [],
  outcomes: { completed: ["diploma"], stopped: ["stopped"], levelField: "level" },
  // BBL: at least 610 hours of BPV each school year (domain.md section 4); the workplace records them.
  workHours: { yearlyMinimumHours: 610, recordedBy: ["guide", "commissioner"] },
  // The praktijkopleider's office keeps the path in order and counts the outcomes; the guidance is the guide's.
  admin: { sees: ["plan", "goals", "meetings", "hours", "report"], does: ["editPlan", "planMeetings"] },
};

export const BUILTIN_REGIMES: readonly Regime[] = [teacher, coaching, assessment, skj, postmaster, supervisie, bpv].map(
  (r) => regimeSchema.parse(r),
);

export const builtinRegime = (key: string) => BUILTIN_REGIMES.find((r) => r.key === key);
