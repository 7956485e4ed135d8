import { sql } from "drizzle-orm";
import { TIME_ZONE } from "../domain/time-zone.js";

/**
 * Days are Dutch days: a filter "from 3 March" starts at midnight in Amsterdam, and "up to and
 * including 3 March" ends at the next Dutch midnight (a calendar day, 23 or 25 hours when the
 * clocks change). Compare a timestamp with `>=` the first and `<` the second.
 */
export const startOfDay = (day: string) => sql`(${day}::date::timestamp at time zone ${TIME_ZONE})`;
export const startOfNextDay = (day: string) => sql`((${day}::date + 1)::timestamp at time zone ${TIME_ZONE})`;
