import { describe, expect, it } from "vitest";
import { FIRST_YEAR, LAST_YEAR } from "../domain/dates.js";
import { pickLocale, t } from "./messages.js";

describe("server messages", () => {
  it("speaks Dutch unless the person or the browser asks for English", () => {
    expect(pickLocale(undefined)).toBe("nl");
    expect(pickLocale("en-GB,en;q=0.9")).toBe("en");
    expect(pickLocale("en-GB", "nl")).toBe("nl");
  });

  it("fills in values", () => {
    expect(t("nl", "field.passwordTooShort", { min: 10 })).toBe("Kies een wachtwoord van minstens 10 tekens.");
  });

  it("names the accepted years of a date in both languages, as the shared date schema has them", () => {
    for (const locale of ["nl", "en"] as const) {
      expect(t(locale, "field.dateOutOfRange")).toContain(String(FIRST_YEAR));
      expect(t(locale, "field.dateOutOfRange")).toContain(String(LAST_YEAR));
    }
  });
});
