import { describe, expect, it } from "vitest";
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
});
