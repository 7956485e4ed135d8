import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { highlights } from "./highlights.js";
import type { CompetenceLevel } from "./path.js";

const level = (competence: string, value: number | null, target: number): CompetenceLevel => ({
  competence,
  self: value,
  others: null,
  level: value,
  target,
  gap: Math.max(0, target - (value ?? 0)),
});

describe("strongest points and largest gaps", () => {
  it("names the largest gaps first and the strengths by how far above target", () => {
    const levels = [level("a", 2, 4), level("b", 4, 3), level("c", 1, 4), level("d", 3, 3), level("e", null, 2)];
    expect(highlights(levels)).toEqual({ gaps: ["c", "a", "e"], strengths: ["b", "d"] });
    expect(highlights(levels, 1)).toEqual({ gaps: ["c"], strengths: ["b"] });
  });

  it("keeps the framework's order for equal gaps and never counts an unrated competence as a strength", () => {
    expect(highlights([level("x", 2, 3), level("y", 2, 3), level("z", null, 0)])).toEqual({
      gaps: ["x", "y"],
      strengths: [],
    });
  });

  it("never names a competence as both, and respects the count", () => {
    const arb = fc.array(
      fc.record({
        value: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
        target: fc.integer({ min: 0, max: 4 }),
      }),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 5 }), (rows, count) => {
        const levels = rows.map((r, i) => level(`c${i}`, r.value, r.target));
        const { gaps, strengths } = highlights(levels, count);
        expect(gaps.length).toBeLessThanOrEqual(count);
        expect(strengths.length).toBeLessThanOrEqual(count);
        expect(gaps.filter((g) => strengths.includes(g))).toEqual([]);
        const gapOf = new Map(levels.map((l) => [l.competence, l.gap]));
        for (let i = 1; i < gaps.length; i++)
          expect(gapOf.get(gaps[i - 1] as string)).toBeGreaterThanOrEqual(gapOf.get(gaps[i] as string) as number);
        for (const g of gaps) expect(gapOf.get(g)).toBeGreaterThan(0);
      }),
    );
  });
});
