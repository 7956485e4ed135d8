// The kinds alone, without the rules of due.ts: the web app's home page names them, and the rules
// would bring the Dutch clock (dayjs) to the first page.

/** What can be due in a trajectory: the home page's to-do list names each kind. */
export const DUE_KINDS = [
  "consent",
  "intake",
  "writeGoals",
  "approveGoals",
  "selfAssessment",
  "recordMeeting",
  "shareFeedback",
  "feedbackUnseen",
  "agreement",
  "evaluation",
  "finalReport",
  "declarationOverdue",
] as const;
export type DueKind = (typeof DUE_KINDS)[number];
