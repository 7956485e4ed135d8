/**
 * A meeting is recorded as held once it has taken place, never ahead of it: an unannounced visit
 * recorded as held days early would show to the person visited and bill its minutes before it
 * happened. The same rule for every kind of meeting (trajectory meetings, intervisie).
 */

/** Clocks differ a little, and a meeting may start a few minutes early. */
export const HELD_SLACK_MINUTES = 15;

/** Whether a meeting that starts at `startsAt` may be recorded as held at `now`. */
export function mayRecordHeld(startsAt: string | Date, now: Date): boolean {
  const start = new Date(startsAt).getTime();
  return Number.isFinite(start) && start - now.getTime() <= HELD_SLACK_MINUTES * 60_000;
}

/** The first moment a meeting that starts at `startsAt` may be recorded as held. */
export const heldFrom = (startsAt: string | Date): Date =>
  new Date(new Date(startsAt).getTime() - HELD_SLACK_MINUTES * 60_000);
