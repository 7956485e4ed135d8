import { describe, expect, it } from "vitest";
import { EVALUATION_LEAD_DAYS, REMINDER_KINDS, REREGISTRATION_THRESHOLDS_DAYS } from "../../domain/reminders/rules.js";
import { reminderMail } from "./mail-text.js";

const values = { name: "Daan Bakker", link: "https://koers.example/trajecten/1" };

describe("reminder e-mails", () => {
  it("say truly how often they come: the re-registration reminder at each threshold, not once", () => {
    for (const locale of ["nl", "en"]) {
      const { text } = reminderMail(locale, "reminder.reregistration", values);
      for (const days of REREGISTRATION_THRESHOLDS_DAYS) expect(text).toMatch(new RegExp(`\\b${days}\\b`));
      expect(text).not.toMatch(/één keer|\bonce\b/);
    }
    expect(reminderMail("nl", "reminder.reregistration", values).text).toContain(
      "krijg je deze herinnering 90, 30 en 7 dagen vóór de herregistratiedatum",
    );
    expect(reminderMail("en", "reminder.reregistration", values).text).toContain(
      "you get this reminder 90, 30 and 7 days before the re-registration date",
    );
  });

  it("say that an evaluation moment and a signature are reminded once, each in the person's language", () => {
    const evaluation = reminderMail("nl", "reminder.evaluation", values).text;
    expect(evaluation).toContain(`één keer per evaluatiemoment, ${EVALUATION_LEAD_DAYS} dagen van tevoren`);
    expect(reminderMail("en", "reminder.signature", values).text).toContain("once per version of the declaration");
    for (const kind of REMINDER_KINDS)
      for (const locale of ["nl", "en"]) {
        const mail = reminderMail(locale, kind, values);
        expect(mail.text).toContain(values.link);
        expect(mail.text).toContain(locale === "nl" ? "Hallo Daan Bakker," : "Hello Daan Bakker,");
      }
  });
});
