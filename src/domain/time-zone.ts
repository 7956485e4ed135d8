/**
 * Koers works for Dutch organisations: a day, a meeting's time of day and a date on a document
 * are Dutch ones, whatever zone the server or the reader's browser is in.
 */
export const TIME_ZONE = "Europe/Amsterdam";
