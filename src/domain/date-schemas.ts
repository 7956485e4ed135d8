import { z } from "zod";
import {
  DATE_OUT_OF_RANGE,
  FIRST_DATE,
  FIRST_MOMENT,
  isDateInRange,
  isMomentInRange,
  LAST_DATE,
  LAST_MOMENT,
} from "./dates.js";

const rangeMeta = (first: string, last: string) => ({
  // The range in the API document: JSON Schema's keywords for the bounds of a formatted value.
  formatMinimum: first,
  formatMaximum: last,
});

/** A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
export const dateSchema = z.iso
  .date()
  .refine(isDateInRange, { error: DATE_OUT_OF_RANGE })
  .meta({ description: `A date, YYYY-MM-DD, from ${FIRST_DATE} to ${LAST_DATE}`, ...rangeMeta(FIRST_DATE, LAST_DATE) });

/**
 * A moment with its offset (2026-03-01T09:30:00+01:00 or …Z) whose UTC time lies from
 * 1900-01-01 to 2199-12-31: an offset cannot roll it out of the range.
 */
export const dateTimeSchema = z.iso
  .datetime({ offset: true })
  .refine(isMomentInRange, { error: DATE_OUT_OF_RANGE })
  .meta({
    description: `A date-time with offset, from ${FIRST_MOMENT} to ${LAST_MOMENT} in UTC`,
    ...rangeMeta(FIRST_MOMENT, LAST_MOMENT),
  });
