import { defineMessages } from "../i18n/define";

/**
 * Texts of what someone should do, the list on the home page and on a trajectory's page: a
 * namespace of their own (`due`), so the first page does not carry every trajectory page's words.
 */
export default defineMessages(
  {
    title: "Wat moet ik doen",
    empty: "Er staat nu niets voor je klaar.",
    label: "Te doen",
    now: "Nu",
    meta: "{{title}} · {{when}}",
    kinds: {
      consent: "Instemmen met de afspraken van het traject",
      intake: "Intake vastleggen",
      writeGoals: "Doelen opstellen",
      approveGoals: "Doelen goedkeuren",
      selfAssessment: "Zelfbeoordeling invullen voor de bijeenkomst",
      recordMeeting: "Bijeenkomst vastleggen: gehouden of afgezegd",
      shareFeedback: "Feedback schrijven en delen",
      feedbackUnseen: "Nieuwe feedback lezen",
      agreement: "Afspraak: {{text}}",
      evaluation: "Evaluatiemoment: {{text}}",
      finalReport: "Eindverslag afronden",
      declarationOverdue: "Verklaring niet op tijd ondertekend: de uiterste datum is voorbij",
    },
  },
  {
    title: "What should I do",
    empty: "Nothing is waiting for you right now.",
    label: "To do",
    now: "Now",
    meta: "{{title}} · {{when}}",
    kinds: {
      consent: "Consent to the trajectory's agreements",
      intake: "Record the intake",
      writeGoals: "Write the goals",
      approveGoals: "Approve the goals",
      selfAssessment: "Fill in the self-assessment before the meeting",
      recordMeeting: "Record the meeting: held or cancelled",
      shareFeedback: "Write and share feedback",
      feedbackUnseen: "Read new feedback",
      agreement: "Agreement: {{text}}",
      evaluation: "Evaluation moment: {{text}}",
      finalReport: "Finish the final report",
      declarationOverdue: "Declaration not signed in time: its due date has passed",
    },
  },
);
