import { describe, expect, it } from "vitest";
import { describeRetention, ERASURE_TEXT } from "./describe.js";
import { PERSONAL_DATA } from "./registry.js";

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
});
