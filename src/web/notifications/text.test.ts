import i18next from "i18next";
import { describe, expect, it } from "vitest";
import messages from "./i18n";
import { notificationText } from "./text";

const t = i18next.createInstance();
await t.init({
  lng: "nl",
  resources: { nl: { notifications: messages.nl }, en: { notifications: messages.en } },
  defaultNS: "notifications",
  interpolation: { escapeValue: false },
});
const day = (iso: string) => `dag ${iso}`;

describe("notificationText", () => {
  it("words each reminder from its kind and params", () => {
    const tr = t.getFixedT("nl", "notifications") as never;
    expect(
      notificationText(
        { kind: "reminder.reregistration", params: { trajectory: "SKJ", date: "2027-06-30", threshold: 30 } },
        tr,
        day,
      ),
    ).toBe("Herregistratie op dag 2027-06-30: de verklaringen van “SKJ” zijn nog niet allemaal ondertekend.");
    expect(
      notificationText({ kind: "reminder.signature", params: { trajectory: "SKJ", declaration: "end" } }, tr, day),
    ).toBe("De eindverklaring van “SKJ” wacht op je handtekening.");
    expect(
      notificationText(
        { kind: "reminder.evaluation", params: { trajectory: "SKJ", date: "2027-02-10", label: "Tussenevaluatie" } },
        t.getFixedT("en", "notifications") as never,
        day,
      ),
    ).toBe("Evaluation moment “Tussenevaluatie” on dag 2027-02-10 in “SKJ”.");
  });

  it("names the title of an assignment or a discussion, and counts new posts", () => {
    const tr = t.getFixedT("nl", "notifications") as never;
    expect(
      notificationText(
        { kind: "assignment.submitted", params: { name: "Sanne", title: "Vraag om feedback" } },
        tr,
        day,
      ),
    ).toBe("Sanne leverde de werkplekopdracht “Vraag om feedback” in om af te tekenen.");
    expect(notificationText({ kind: "discussion.newPosts", params: { title: "Casus", count: 1 } }, tr, day)).toBe(
      "1 nieuw bericht in de discussie over “Casus”.",
    );
    expect(notificationText({ kind: "discussion.newPosts", params: { title: "Casus", count: 3 } }, tr, day)).toBe(
      "3 nieuwe berichten in de discussie over “Casus”.",
    );
  });

  it("still says something for a kind it does not know, or a declaration it does not know", () => {
    const tr = t.getFixedT("nl", "notifications") as never;
    expect(notificationText({ kind: "somethingNew", params: {} }, tr, day)).toBe("Er is iets nieuws voor je in Koers.");
    expect(
      notificationText({ kind: "reminder.signature", params: { trajectory: "X", declaration: "other" } }, tr, day),
    ).toBe("Een verklaring van “X” wacht op je handtekening.");
  });
});
