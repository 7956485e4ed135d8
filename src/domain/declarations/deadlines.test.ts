import { describe, expect, it } from "vitest";
import { builtinRegime } from "../regimes/builtin.js";
import { declarationDeadline, isOverdue, overdueDeclarations, requiredBeforeReregistration } from "./deadlines.js";

const dates = { startsOn: "2026-01-05", endsOn: "2026-12-18", reregistrationDate: "2027-03-01" };

describe("declaration deadlines from the regime's data", () => {
  it("dates a declaration some days after the start, by the end or by the re-registration, the earliest first", () => {
    expect(declarationDeadline({ key: "a", dueBy: "reregistration", dueDaysAfterStart: 0 }, dates)).toEqual({
      date: "2026-01-05",
      reason: "start",
    });
    expect(declarationDeadline({ key: "a", dueBy: null, dueDaysAfterStart: 30 }, dates)).toEqual({
      date: "2026-02-04",
      reason: "start",
    });
    expect(declarationDeadline({ key: "b", dueBy: "reregistration" }, dates)).toEqual({
      date: "2027-03-01",
      reason: "reregistration",
    });
    expect(declarationDeadline({ key: "b", dueBy: "end" }, dates)).toEqual({ date: "2026-12-18", reason: "end" });
    // A re-registration before the end decides.
    expect(
      declarationDeadline({ key: "b", dueBy: "reregistration" }, { ...dates, reregistrationDate: "2026-06-01" }),
    ).toEqual({ date: "2026-06-01", reason: "reregistration" });
    expect(
      declarationDeadline({ key: "b", dueBy: "reregistration" }, { ...dates, reregistrationDate: null }),
    ).toBeNull();
    expect(declarationDeadline({ key: "c", dueBy: null, dueDaysAfterStart: null }, dates)).toBeNull();
  });

  it("is late the day after its date, until it is signed", () => {
    const deadline = { date: "2026-01-05", reason: "start" as const };
    expect(isOverdue(deadline, false, "2026-01-05")).toBe(false);
    expect(isOverdue(deadline, false, "2026-01-06")).toBe(true);
    expect(isOverdue(deadline, true, "2026-01-06")).toBe(false);
    expect(isOverdue(null, false, "2099-01-01")).toBe(false);
  });

  it("gives SKJ form A a date at the start; A and B are both needed before re-registration", () => {
    const skj = builtinRegime("skj_werkbegeleiding");
    const [formA, formB] = skj?.declarations ?? [];
    expect(formA && declarationDeadline(formA, dates)).toEqual({ date: "2026-01-05", reason: "start" });
    expect(formB && declarationDeadline(formB, dates)).toEqual({ date: "2027-03-01", reason: "reregistration" });
    expect(skj?.declarations.every(requiredBeforeReregistration)).toBe(true);
    const supervisie = builtinRegime("supervisie");
    expect(supervisie?.declarations.every(requiredBeforeReregistration)).toBe(true);
  });

  it("lists the late ones: form A unsigned after the start, form B unsigned after the re-registration", () => {
    const specs = builtinRegime("skj_werkbegeleiding")?.declarations ?? [];
    expect(overdueDeclarations(specs, dates, [], "2026-01-05")).toEqual([]);
    expect(overdueDeclarations(specs, dates, ["end"], "2026-02-01")).toEqual([
      { key: "start", date: "2026-01-05", reason: "start" },
    ]);
    expect(overdueDeclarations(specs, dates, ["start"], "2027-03-02")).toEqual([
      { key: "end", date: "2027-03-01", reason: "reregistration" },
    ]);
    expect(overdueDeclarations(specs, dates, ["start", "end"], "2030-01-01")).toEqual([]);
  });
});
