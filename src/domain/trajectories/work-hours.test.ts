import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../dutch-time.js";
import { type WorkHoursPeriod, workHoursProblems, workHoursSummary } from "./work-hours.js";

const CONTEXT = { startsOn: "2025-09-01", today: "2026-03-15" };
const line = (from: string, to: string, minutes = 24 * 60): WorkHoursPeriod => ({ from, to, minutes });

describe("workHoursProblems", () => {
  it("accepts a past week inside the trajectory", () => {
    expect(workHoursProblems(line("2026-03-02", "2026-03-08"), [], CONTEXT)).toEqual({});
  });

  it("names every wrong field at once", () => {
    expect(workHoursProblems(line("2025-08-25", "2026-04-01", 10), [], CONTEXT)).toEqual({
      from: "field.dateBeforeStart",
      to: "field.dateInFuture",
    });
    expect(workHoursProblems(line("2026-03-08", "2026-03-02"), [], CONTEXT)).toEqual({ to: "field.periodOrder" });
  });

  it("keeps a line inside one school year, which runs from 1 August", () => {
    const context = { startsOn: "2024-09-01", today: "2026-03-15" };
    expect(workHoursProblems(line("2025-07-28", "2025-08-03"), [], context)).toEqual({ to: "field.oneSchoolYear" });
    expect(workHoursProblems(line("2025-07-28", "2025-07-31"), [], context)).toEqual({});
  });

  it("refuses more hours than the days of the period hold", () => {
    expect(workHoursProblems(line("2026-03-02", "2026-03-02", 24 * 60 + 1), [], CONTEXT)).toEqual({
      minutes: "field.moreThanTheDays",
    });
    expect(workHoursProblems(line("2026-03-02", "2026-03-03", 48 * 60), [], CONTEXT)).toEqual({});
  });

  it("names the recorded period a new line overlaps, so no hour counts twice", () => {
    const recorded = [line("2026-03-02", "2026-03-08")];
    expect(workHoursProblems(line("2026-03-08", "2026-03-14"), recorded, CONTEXT)).toEqual({
      from: { key: "field.periodOverlaps", values: { from: "2026-03-02", to: "2026-03-08" } },
    });
    expect(workHoursProblems(line("2026-03-09", "2026-03-14"), recorded, CONTEXT)).toEqual({});
  });

  it("accepts a line exactly when it overlaps no recorded one (property)", () => {
    const day = fc.integer({ min: 0, max: 150 }).map((n) => addDays("2025-09-01", n));
    const period = fc.tuple(day, fc.integer({ min: 0, max: 13 })).map(([from, length]) => {
      const to = addDays(from, length);
      return line(from, to < "2026-03-15" ? to : "2026-03-15", 60);
    });
    fc.assert(
      fc.property(fc.array(period, { maxLength: 6 }), period, (recorded, candidate) => {
        const clash = recorded.some((r) => candidate.from <= r.to && r.from <= candidate.to);
        const { from } = workHoursProblems(candidate, recorded, { startsOn: "2025-09-01", today: "2026-03-15" });
        expect(from !== undefined).toBe(clash);
      }),
    );
  });
});

describe("workHoursSummary", () => {
  it("sums per school year, newest first, against the yearly minimum", () => {
    const summary = workHoursSummary(
      [line("2025-09-01", "2025-09-30", 100 * 60), line("2026-07-01", "2026-07-31", 510 * 60 + 30)],
      610,
    );
    expect(summary.totalMinutes).toBe(610 * 60 + 30);
    expect(summary.years).toEqual([
      { schoolYear: "2025-2026", minutes: 610 * 60 + 30, lines: 2, minimumMinutes: 610 * 60, missingMinutes: 0 },
    ]);
    const two = workHoursSummary([line("2025-07-01", "2025-07-31", 60), line("2025-08-01", "2025-08-31", 120)], 610);
    expect(two.years.map((y) => [y.schoolYear, y.minutes, y.missingMinutes])).toEqual([
      ["2025-2026", 120, 610 * 60 - 120],
      ["2024-2025", 60, 610 * 60 - 60],
    ]);
  });

  it("has no minimum where the regime sets none", () => {
    expect(workHoursSummary([line("2025-09-01", "2025-09-30", 60)], null).years[0]).toMatchObject({
      minimumMinutes: null,
      missingMinutes: null,
    });
  });

  it("loses no minute: the years add up to the total (property)", () => {
    const entry = fc
      .tuple(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 1, max: 10_000 }))
      .map(([n, minutes]) => line(addDays("2023-01-01", n), addDays("2023-01-01", n), minutes));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (lines) => {
        const summary = workHoursSummary(lines, 610);
        const sum = lines.reduce((total, l) => total + l.minutes, 0);
        expect(summary.totalMinutes).toBe(sum);
        expect(summary.years.reduce((total, y) => total + y.minutes, 0)).toBe(sum);
        for (const year of summary.years) expect(year.missingMinutes).toBe(Math.max(0, 610 * 60 - year.minutes));
      }),
    );
  });
});
