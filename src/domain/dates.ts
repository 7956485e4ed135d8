// No Zod here: the web app's first page imports this file, and the schemas live in date-schemas.ts.

/**
 * The dates and moments Koers accepts: calendar years 1900 to 2199, for every date and date-time
 * a request carries (body, query, lists of dates).
 *
 * Why a range at all: ISO 8601 allows year 0000, which PostgreSQL has no year for (1 BC follows
 * AD 1), and a date-time like 9999-12-31T23:00:00-05:00 is a moment in the year 10000, which
 * JavaScript writes as "+010000-…": both used to reach the database and fail there as a 500.
 * Why these years: Koers records guidance within working lives (registrations, trajectories,
 * meetings, deadlines). 1900 is also the earliest year the people import reads; 2199 leaves room
 * for any validity date someone types as "far away". Both ends are well inside what PostgreSQL's
 * date and timestamptz hold, so a date accepted here is always accepted by the database.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;
export const FIRST_DATE = `${FIRST_YEAR}-01-01`;
export const LAST_DATE = `${LAST_YEAR}-12-31`;
/** The first and last moment accepted, in UTC. */
export const FIRST_MOMENT = `${FIRST_DATE}T00:00:00Z`;
export const LAST_MOMENT = `${LAST_DATE}T23:59:59.999Z`;

/** The message key of a date or moment outside the range (translated where it is shown). */
export const DATE_OUT_OF_RANGE = "field.dateOutOfRange";

/** Whether a YYYY-MM-DD date lies within the accepted years. Compares as text: four-digit years sort. */
export function isDateInRange(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= FIRST_DATE && date <= LAST_DATE;
}

/** Whether a date-time, written with its offset, is a moment within the accepted years (in UTC). */
export function isMomentInRange(moment: string): boolean {
  const year = Number(moment.slice(0, 4));
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) return false;
  const time = Date.parse(moment);
  return Number.isFinite(time) && time >= Date.parse(FIRST_MOMENT) && time <= Date.parse(LAST_MOMENT);
}
