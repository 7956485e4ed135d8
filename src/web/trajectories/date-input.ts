import { dutchInstant, dutchToday } from "../../domain/dutch-time";

/**
 * Dates typed in the browser as API times, on the Dutch clock. Apart from `format.ts` because the
 * home page's to-do list reads that one, and the clock (dayjs) is not needed on the first page.
 */

/**
 * A date and a time typed in a form (`2026-03-02`, `09:30`): Dutch time, as the server plans,
 * whatever zone the browser is in. Null when it is not a real date or time.
 */
export const localDateTime = (date: string, time: string): string | null => dutchInstant(date, time);

/** The later of two ISO dates: a schedule planned today starts no earlier than today. */
export const laterDate = (a: string, b: string) => (a >= b ? a : b);

/** Today's Dutch date, as an ISO date. */
export const todayIso = (now = new Date()) => dutchToday(now);
