import { describe, expect, it } from "vitest";
import { describeRetention, describeRetentionOf, ERASURE_TEXT } from "./describe.js";
import { PERSONAL_DATA, personalDataOf } from "./registry.js";

describe("the register's words", () => {
  it("say each retention in both languages, a month as one", () => {
    expect(describeRetention({ kind: "period", months: 1 })).toEqual({ nl: "1 maand", en: "1 month" });
    expect(describeRetention({ kind: "afterGuidance", months: 24 })).toEqual({
      nl: "24 maanden na het einde van de begeleiding",
      en: "24 months after the guidance ended",
    });
  });

  it("describe every entry of the registry, differently in Dutch and English", () => {
    for (const entry of PERSONAL_DATA) {
      const retention = describeRetention(entry.retention);
      expect(retention.nl, entry.table).not.toBe(retention.en);
      expect(ERASURE_TEXT[entry.erasure].nl.length, entry.table).toBeGreaterThan(0);
    }
  });

  it("say how long a part of a trajectory is kept: as long as its trajectory, with the months the organisation chose", () => {
    const meetings = personalDataOf("meetings");
    if (!meetings) throw new Error("meetings are in the registry");
    const words = describeRetentionOf(meetings, { trajectories: 36 });
    expect(words.nl).toContain("het gaat samen met het traject");
    expect(words.nl).toContain("36 maanden na het einde van de begeleiding");
    expect(words.en).toContain("36 months after the guidance ended");
  });
});
