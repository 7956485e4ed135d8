import type { ReminderKind } from "../../domain/reminders/rules.js";

type Locale = "nl" | "en";

/**
 * Reminder e-mails say only what kind of reminder waits and where: no trajectory titles, names,
 * labels or other content of the trajectory, which stays behind the sign-in.
 */
const texts: Record<Locale, Record<ReminderKind, string> & { greeting: string; body: string }> = {
  nl: {
    "reminder.reregistration": "Herinnering: verklaringen nog niet ondertekend vóór de herregistratie",
    "reminder.evaluation": "Herinnering: er komt een evaluatiemoment aan",
    "reminder.signature": "Herinnering: een verklaring wacht op je handtekening",
    greeting: "Hallo {name},",
    body: "Er staat een herinnering voor je klaar in Koers. Bekijk hem na het inloggen via deze link:\n\n{link}\n\nJe krijgt deze herinnering één keer.",
  },
  en: {
    "reminder.reregistration": "Reminder: declarations not yet signed before the re-registration",
    "reminder.evaluation": "Reminder: an evaluation moment is coming up",
    "reminder.signature": "Reminder: a declaration is waiting for your signature",
    greeting: "Hello {name},",
    body: "A reminder is waiting for you in Koers. Read it after signing in through this link:\n\n{link}\n\nYou get this reminder once.",
  },
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");

export function reminderMail(locale: string, kind: ReminderKind, values: { name: string; link: string }) {
  const catalogue = texts[locale === "en" ? "en" : "nl"];
  return {
    subject: catalogue[kind],
    text: `${fill(catalogue.greeting, values)}\n\n${fill(catalogue.body, values)}`,
  };
}
