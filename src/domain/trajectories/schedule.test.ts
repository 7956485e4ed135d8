import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Intensity } from "../regimes/schema.js";
import { proposeSchedule } from "./schedule.js";
import { teacherRegime } from "./test-factories.js";

const intensity = (...phases: [everyWeeks: number, times: number][]): Intensity => ({
  meetingType: "classroom_visit",
  phases: phases.map(([everyWeeks, times]) => ({ everyWeeks, times })),
});

const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

describe("proposeSchedule", () => {
  it("tapers from weekly six times to fortnightly three times: nine dates", () => {
    expect(proposeSchedule("2026-03-02", intensity([1, 6], [2, 3]))).toEqual([
      "2026-03-02",
      "2026-03-09",
      "2026-03-16",
      "2026-03-23",
      "2026-03-30", // the clocks change in between; the dates do not shift
      "2026-04-06",
      "2026-04-20",
      "2026-05-04",
      "2026-05-18",
    ]);
  });

  it("proposes the teacher regime's default rhythm", () => {
    const { defaultIntensity } = teacherRegime();
    expect(proposeSchedule("2026-01-05", defaultIntensity!)).toEqual([
      "2026-01-05",
      "2026-01-12",
      "2026-01-19",
      "2026-02-02",
      "2026-02-16",
    ]);
  });

  it("leaves out dates after the agreed end, and keeps one on the end date", () => {
    expect(proposeSchedule("2026-03-02", intensity([1, 6], [2, 3]), "2026-04-20")).toEqual([
      "2026-03-02",
      "2026-03-09",
      "2026-03-16",
      "2026-03-23",
      "2026-03-30",
      "2026-04-06",
      "2026-04-20",
    ]);
    expect(proposeSchedule("2026-03-02", intensity([1, 3]), "2026-03-01")).toEqual([]);
  });

  it("crosses a month and a leap day", () => {
    expect(proposeSchedule("2028-02-22", intensity([1, 2]))).toEqual(["2028-02-22", "2028-02-29"]);
    expect(proposeSchedule("2026-12-28", intensity([4, 2]))).toEqual(["2026-12-28", "2027-01-25"]);
  });

  const arbIntensity = fc
    .array(fc.record({ everyWeeks: fc.integer({ min: 1, max: 52 }), times: fc.integer({ min: 1, max: 52 }) }), {
      minLength: 1,
      maxLength: 10,
    })
    .map((phases): Intensity => ({ meetingType: "classroom_visit", phases }));
  const arbDate = fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) })
    .map((time) => new Date(time).toISOString().slice(0, 10));

  /** The interval, in days, before the n-th date (n >= 1): the one of the phase that date belongs to. */
  const gapBefore = (plan: Intensity, n: number) => {
    let seen = 0;
    for (const phase of plan.phases) {
      seen += phase.times;
      if (n < seen) return phase.everyWeeks * 7;
    }
    throw new Error("beyond the plan");
  };

  it("without an end: as many dates as the phases' times, rising by each phase's interval from the start", () => {
    fc.assert(
      fc.property(arbDate, arbIntensity, (start, plan) => {
        const dates = proposeSchedule(start, plan);
        expect(dates).toHaveLength(plan.phases.reduce((sum, p) => sum + p.times, 0));
        expect(dates[0]).toBe(start);
        for (let n = 1; n < dates.length; n++) {
          expect(dates[n]! > dates[n - 1]!).toBe(true);
          expect(days(dates[n - 1]!, dates[n]!)).toBe(gapBefore(plan, n));
        }
      }),
    );
  });

  it("with an end: the same dates cut off at the end, none after it", () => {
    fc.assert(
      fc.property(arbDate, arbIntensity, arbDate, (start, plan, end) => {
        const all = proposeSchedule(start, plan);
        const cut = proposeSchedule(start, plan, end);
        expect(cut).toEqual(all.filter((date) => date <= end));
        for (const date of cut) expect(date <= end).toBe(true);
      }),
    );
  });
});
