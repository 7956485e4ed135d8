import { describe, expect, it } from "vitest";
import { mergeReloaded } from "./merge";

describe("mergeReloaded", () => {
  const baseline = { version: 1, name: "Anna", jobTitle: "Trainer", roles: ["trainer"] };

  it("keeps the user's edits, takes the server's new values elsewhere and always the new version", () => {
    const current = { ...baseline, name: "Anna de Vries" };
    const fresh = { version: 2, name: "Anna", jobTitle: "Teamleider", roles: ["trainer", "guide"] };
    const { values, clashes } = mergeReloaded(current, baseline, fresh);
    expect(values).toEqual({ version: 2, name: "Anna de Vries", jobTitle: "Teamleider", roles: ["trainer", "guide"] });
    expect(clashes).toEqual([]);
  });

  it("reports a field both sides changed differently, keeping the user's value", () => {
    const current = { ...baseline, jobTitle: "Coach" };
    const fresh = { ...baseline, version: 3, jobTitle: "Teamleider" };
    const { values, clashes } = mergeReloaded(current, baseline, fresh);
    expect(values.jobTitle).toBe("Coach");
    expect(values.version).toBe(3);
    expect(clashes).toEqual(["jobTitle"]);
  });

  it("does not report a field both sides changed to the same value", () => {
    const current = { ...baseline, jobTitle: "Coach" };
    const fresh = { ...baseline, version: 2, jobTitle: "Coach" };
    expect(mergeReloaded(current, baseline, fresh).clashes).toEqual([]);
  });
});
