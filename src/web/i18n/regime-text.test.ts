import { describe, expect, it } from "vitest";
import { localeOf, regimeTextIn } from "./regime-text";

describe("the regime language", () => {
  it("follows the UI language, Dutch unless it is English", () => {
    expect(localeOf("en")).toBe("en");
    expect(localeOf("en-GB")).toBe("en");
    expect(localeOf("nl")).toBe("nl");
    expect(localeOf("de")).toBe("nl");
    expect(localeOf(undefined)).toBe("nl");
  });

  it("takes a regime's text in that language, and the fallback where there is none", () => {
    const text = { nl: "Klassenbezoek", en: "Classroom visit" };
    expect(regimeTextIn("en")(text)).toBe("Classroom visit");
    expect(regimeTextIn(localeOf("nl"))(text)).toBe("Klassenbezoek");
    expect(regimeTextIn(localeOf("de"))(text)).toBe("Klassenbezoek");
    expect(regimeTextIn("nl")(undefined, "classroom_visit")).toBe("classroom_visit");
    expect(regimeTextIn("en")(null)).toBe("");
  });
});
