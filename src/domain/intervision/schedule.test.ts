import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proposedDates } from "./schedule.js";

describe("proposed meeting dates", () => {
  it("continues every N weeks after the last meeting", () => {
    expect(proposedDates("2026-01-05", "2026-01-06", 6)).toEqual(["2026-02-16", "2026-03-30", "2026-05-11"]);
  });

  it("skips dates already past and starts from today without meetings", () => {
    expect(proposedDates("2025-01-06", "2026-01-06", 4, 1)).toEqual(["2026-02-02"]);
    expect(proposedDates(null, "2026-01-06", 2, 2)).toEqual(["2026-01-20", "2026-02-03"]);
  });

  it("proposes dates on or after today, the rhythm apart", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 52 }),
        (last, today, weeks) => {
          const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
          const dates = proposedDates(day(last), day(today), weeks);
          expect(dates).toHaveLength(3);
          expect((dates[0] as string) >= day(today)).toBe(true);
          for (let i = 1; i < dates.length; i++)
            expect((Date.parse(dates[i] as string) - Date.parse(dates[i - 1] as string)) / 86_400_000).toBe(weeks * 7);
        },
      ),
    );
  });
});
