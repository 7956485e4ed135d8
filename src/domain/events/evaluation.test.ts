import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summarise } from "./evaluation.js";

describe("evaluation summary", () => {
  it("gives means to one decimal, counts per score and the open answers without blanks", () => {
    const summary = summarise([
      { overall: 5, usefulness: 4, takeAway: "Vaker STARR gebruiken", suggestion: "" },
      { overall: 4, usefulness: 4, takeAway: " ", suggestion: "Meer tijd voor de tweede ronde" },
      { overall: 4, usefulness: 3, takeAway: "Aandacht voor nieuwe collega's", suggestion: "" },
    ]);
    expect(summary).toEqual({
      responses: 3,
      overall: 4.3,
      usefulness: 3.7,
      overallCounts: [0, 0, 0, 2, 1],
      usefulnessCounts: [0, 0, 1, 2, 0],
      takeAways: ["Aandacht voor nieuwe collega's", "Vaker STARR gebruiken"],
      suggestions: ["Meer tijd voor de tweede ronde"],
    });
  });

  it("has no means without responses", () => {
    expect(summarise([])).toMatchObject({ responses: 0, overall: null, usefulness: null });
  });

  it("counts every response once and keeps the mean within the scores", () => {
    const row = fc.record({
      overall: fc.integer({ min: 1, max: 5 }),
      usefulness: fc.integer({ min: 1, max: 5 }),
      takeAway: fc.string(),
      suggestion: fc.string(),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 50 }), (rows) => {
        const s = summarise(rows);
        expect(s.overallCounts.reduce((a, b) => a + b, 0)).toBe(rows.length);
        expect(s.overall).toBeGreaterThanOrEqual(1);
        expect(s.overall).toBeLessThanOrEqual(5);
      }),
    );
  });
});
