import { describe, expect, it } from "vitest";
import { builtinRegime } from "../../domain/regimes/builtin";
import { localeOf, regimeTextIn } from "./regime-text";

const teacher = builtinRegime("werkbegeleiding_leerkracht");
if (!teacher) throw new Error("built-in regime missing");

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
    expect(regimeTextIn("en").text(text)).toBe("Classroom visit");
    expect(regimeTextIn(localeOf("nl")).text(text)).toBe("Klassenbezoek");
    expect(regimeTextIn(localeOf("de")).text(text)).toBe("Klassenbezoek");
    expect(regimeTextIn("nl").text(undefined, "classroom_visit")).toBe("classroom_visit");
    expect(regimeTextIn("en").text(null)).toBe("");
  });

  it("names a meeting type and a status as the regime does, and an unknown key as it is", () => {
    expect(regimeTextIn("nl").meetingTypeLabel(teacher, "classroom_visit")).toBe("Klassenbezoek");
    expect(regimeTextIn("en").meetingTypeLabel(teacher, "classroom_visit")).toBe("Classroom visit");
    expect(regimeTextIn("nl").meetingTypeLabel(teacher, "retired_type")).toBe("retired_type");
    const status = teacher.statuses[0];
    if (!status) throw new Error("regime without statuses");
    expect(regimeTextIn("en").statusLabel(teacher, status.key)).toBe(status.label.en);
    expect(regimeTextIn("nl").statusLabel(teacher, "retired_status")).toBe("retired_status");
  });
});
