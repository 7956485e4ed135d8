import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accessLogQuery, subjectsToLog } from "./access.js";

describe("whose reads are written down", () => {
  it("is everyone shown but the reader, each once", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.array(fc.uuid(), { maxLength: 6 }), fc.boolean(), (viewer, others, withSelf) => {
        const shown = withSelf ? [...others, viewer, ...others] : [...others, ...others];
        const logged = subjectsToLog(viewer, shown);
        expect(logged).not.toContain(viewer);
        expect(new Set(logged).size).toBe(logged.length);
        expect(new Set(logged)).toEqual(new Set(others.filter((o) => o !== viewer)));
      }),
    );
  });

  it("is nobody when a person reads their own data", () => {
    expect(subjectsToLog("a", ["a", "a"])).toEqual([]);
  });
});

describe("the admin's search", () => {
  it("takes days in order, and says at the last day when they are not", () => {
    expect(accessLogQuery.safeParse({ from: "2026-05-01", to: "2026-05-01" }).success).toBe(true);
    const wrong = accessLogQuery.safeParse({ from: "2026-05-02", to: "2026-05-01" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["to", "field.periodOrder"]]);
  });
});
