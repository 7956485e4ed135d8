import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat.js";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import { TIME_ZONE } from "./time-zone.js";

// Dates and times of day as the Netherlands has them, in the server and in the browser alike.
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);

/**
 * A Dutch date and time of day (`2026-03-02`, `09:30`) as an ISO instant, summer or winter
 * time alike; null when either is not a real date or time.
 */
export function dutchInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  if (!dayjs(`${date} ${time}`, "YYYY-MM-DD HH:mm", true).isValid()) return null;
  return dayjs.tz(`${date} ${time}`, TIME_ZONE).toISOString();
}

// One formatter for the process: building one is the costly part, and the dates of every page pass here.
const dutchClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant as the Dutch date and time of day a form shows. */
export function dutchParts(instant: string | Date): { date: string; time: string } {
  const at = dayjs(instant);
  if (!at.isValid()) return { date: "", time: "" };
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of dutchClock.formatToParts(at.toDate())) part[type] = value;
  return { date: `${part.year?.padStart(4, "0")}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}

// The last instant given as text and its day: a to-do list asks for one "now" once per trajectory.
let lastDay: { instant: string; day: string } | undefined;

/**
 * The Dutch calendar day of an instant, YYYY-MM-DD. Use it wherever a moment is compared to a
 * date (a period, a deadline, "today"): the UTC day (`toISOString().slice(0, 10)`) is the day
 * before between midnight and 01:00 (winter) or 02:00 (summer) Dutch time.
 */
export function dutchDay(instant: string | Date): string {
  if (typeof instant !== "string") return dutchParts(instant).date;
  if (lastDay?.instant !== instant) lastDay = { instant, day: dutchParts(instant).date };
  return lastDay.day;
}

/** Today's Dutch date. */
export const dutchToday = (now: Date = new Date()) => dutchDay(now);

/** A date (YYYY-MM-DD) moved by whole calendar days; dates have no clock, so no summer time either. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A date (YYYY-MM-DD) moved by whole calendar months, to the month's last day where the day does not exist (31 January + 1 is 28 or 29 February). */
export const addMonths = (date: string, months: number): string =>
  dayjs.utc(date, "YYYY-MM-DD", true).add(months, "month").format("YYYY-MM-DD");

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` lies before. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Whether an instant falls on one of the Dutch days from `first` to `last` (YYYY-MM-DD, both included). */
export function isWithinDutchDays(instant: string | Date, first: string, last: string): boolean {
  const day = dutchDay(instant);
  return day !== "" && day >= first && day <= last;
}
