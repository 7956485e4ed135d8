import {
  CONSENSUS_WAIT_DAYS,
  EVALUATION_LEAD_DAYS,
  EVENT_LEAD_DAYS,
  REREGISTRATION_THRESHOLDS_DAYS,
  type ReminderKind,
} from "../../domain/reminders/rules.js";

type Locale = "nl" | "en";

/**
 * Reminder e-mails say only what kind of reminder waits and where: no trajectory titles, names,
 * labels or other content of the trajectory, which stays behind the sign-in.
 */
const list = (values: readonly number[], and: string) =>
  values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} ${and} ${values.at(-1)}`;

/** How often each kind is sent, as the rules send it: said in the mail, so it is true. */
const cadence: Record<Locale, Record<ReminderKind, string>> = {
  nl: {
    "reminder.reregistration": `Zolang er verklaringen niet ondertekend zijn, krijg je deze herinnering ${list(REREGISTRATION_THRESHOLDS_DAYS, "en")} dagen vóór de herregistratiedatum.`,
    "reminder.evaluation": `Je krijgt deze herinnering één keer per evaluatiemoment, ${EVALUATION_LEAD_DAYS} dagen van tevoren.`,
    "reminder.signature": "Je krijgt deze herinnering één keer per versie van de verklaring.",
    "reminder.consensusVote": `Je krijgt deze herinnering één keer per stemronde, als je organisatie na ${CONSENSUS_WAIT_DAYS} dagen nog niet heeft gestemd.`,
    "reminder.event": `Je krijgt deze herinnering één keer per activiteit waar je een plek hebt, ${EVENT_LEAD_DAYS} dagen van tevoren.`,
  },
  en: {
    "reminder.reregistration": `While declarations are unsigned, you get this reminder ${list(REREGISTRATION_THRESHOLDS_DAYS, "and")} days before the re-registration date.`,
    "reminder.evaluation": `You get this reminder once per evaluation moment, ${EVALUATION_LEAD_DAYS} days ahead.`,
    "reminder.signature": "You get this reminder once per version of the declaration.",
    "reminder.consensusVote": `You get this reminder once per round, when your organisation has not voted after ${CONSENSUS_WAIT_DAYS} days.`,
    "reminder.event": `You get this reminder once per event you have a place at, ${EVENT_LEAD_DAYS} days ahead.`,
  },
};

const texts: Record<Locale, Record<ReminderKind, string> & { greeting: string; body: string }> = {
  nl: {
    "reminder.reregistration": "Herinnering: verklaringen nog niet ondertekend vóór de herregistratie",
    "reminder.evaluation": "Herinnering: er komt een evaluatiemoment aan",
    "reminder.signature": "Herinnering: een verklaring wacht op je handtekening",
    "reminder.consensusVote": "Herinnering: het competentiekader van je netwerk wacht op de stem van je organisatie",
    "reminder.event": "Herinnering: binnenkort een leerfestival of training waar je een plek hebt",
    greeting: "Hallo {name},",
    body: "Er staat een herinnering voor je klaar in Koers. Bekijk hem na het inloggen via deze link:\n\n{link}",
  },
  en: {
    "reminder.reregistration": "Reminder: declarations not yet signed before the re-registration",
    "reminder.evaluation": "Reminder: an evaluation moment is coming up",
    "reminder.signature": "Reminder: a declaration is waiting for your signature",
    "reminder.consensusVote": "Reminder: your network's competence framework awaits your organisation's vote",
    "reminder.event": "Reminder: a learning festival or training you have a place at is coming up",
    greeting: "Hello {name},",
    body: "A reminder is waiting for you in Koers. Read it after signing in through this link:\n\n{link}",
  },
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");

export function reminderMail(locale: string, kind: ReminderKind, values: { name: string; link: string }) {
  const language = locale === "en" ? "en" : "nl";
  const catalogue = texts[language];
  return {
    subject: catalogue[kind],
    text: `${fill(catalogue.greeting, values)}\n\n${fill(catalogue.body, values)}\n\n${cadence[language][kind]}`,
  };
}
