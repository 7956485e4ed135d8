import { daysBetween } from "../dutch-time.js";
import { cohortOf } from "./retention.js";

/**
 * The hours a student worked on their placement (BPV), as the workplace records them: a line per
 * period (a week, a month) with the hours worked in it. Counted per school year (1 August to 31
 * July) against the regime's yearly minimum, such as the 610 hours of BPV a BBL student needs
 * each year. Pure: the server loads the lines, the page and the school's report show the sums.
 */

export interface WorkHoursPeriod {
  /** First and last Dutch day of the period, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** Whole minutes worked in it. */
  minutes: number;
}

export type WorkHoursField = "from" | "to" | "minutes";
export type WorkHoursProblem =
  | "field.periodOrder"
  | "field.dateInFuture"
  | "field.dateBeforeStart"
  | "field.oneSchoolYear"
  | "field.moreThanTheDays"
  | { key: "field.periodOverlaps"; values: { from: string; to: string } };

/** The school year a day belongs to: 2025-09-01 lies in 2025-2026. */
export const schoolYearOf = cohortOf;

/** A school year as it is written: 2025–2026, with an en dash. */
export const schoolYearLabel = (schoolYear: string) => schoolYear.replace("-", "–");

const overlaps = (a: WorkHoursPeriod, b: WorkHoursPeriod) => a.from <= b.to && b.from <= a.to;

/**
 * What is wrong with a new line, per field, all at once: the period runs forwards, is over (not
 * after today), starts no earlier than the trajectory, lies within one school year (so each
 * year's sum is exact) and overlaps no line already recorded (so no hour counts twice); the
 * hours fit in the days of the period.
 */
export function workHoursProblems(
  line: WorkHoursPeriod,
  recorded: readonly WorkHoursPeriod[],
  context: { startsOn: string; today: string },
): Partial<Record<WorkHoursField, WorkHoursProblem>> {
  const problems: Partial<Record<WorkHoursField, WorkHoursProblem>> = {};
  if (line.from < context.startsOn) problems.from = "field.dateBeforeStart";
  if (line.to > context.today) problems.to = "field.dateInFuture";
  else if (line.to < line.from) problems.to = "field.periodOrder";
  else if (schoolYearOf(line.from) !== schoolYearOf(line.to)) problems.to = "field.oneSchoolYear";
  if (line.to >= line.from && line.minutes > (daysBetween(line.from, line.to) + 1) * 24 * 60)
    problems.minutes = "field.moreThanTheDays";
  const clash = line.to >= line.from ? recorded.find((other) => overlaps(line, other)) : undefined;
  if (clash && !problems.from)
    problems.from = { key: "field.periodOverlaps", values: { from: clash.from, to: clash.to } };
  return problems;
}

export interface SchoolYearHours {
  schoolYear: string;
  minutes: number;
  lines: number;
  /** The yearly minimum in minutes, or null where the regime sets none. */
  minimumMinutes: number | null;
  /** What is still missing for the minimum, never below zero; null without a minimum. */
  missingMinutes: number | null;
}

/** Minutes worked per school year, newest first, and in all. */
export function workHoursSummary(
  lines: readonly WorkHoursPeriod[],
  yearlyMinimumHours: number | null,
): { years: SchoolYearHours[]; totalMinutes: number } {
  const minimumMinutes = yearlyMinimumHours === null ? null : yearlyMinimumHours * 60;
  const byYear = new Map<string, SchoolYearHours>();
  let totalMinutes = 0;
  for (const line of lines) {
    const schoolYear = schoolYearOf(line.from);
    const year = byYear.get(schoolYear) ?? {
      schoolYear,
      minutes: 0,
      lines: 0,
      minimumMinutes,
      missingMinutes: minimumMinutes,
    };
    year.minutes += line.minutes;
    year.lines += 1;
    year.missingMinutes = minimumMinutes === null ? null : Math.max(0, minimumMinutes - year.minutes);
    byYear.set(schoolYear, year);
    totalMinutes += line.minutes;
  }
  const years = [...byYear.values()].sort((a, b) => b.schoolYear.localeCompare(a.schoolYear));
  return { years, totalMinutes };
}
