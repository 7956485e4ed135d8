/**
 * Places in a session of an event: who gets a place, who waits, and who moves up when a place
 * comes free. Pure rules: the service runs them while it holds the event's lock, so two people
 * registering at the same moment are decided one after the other.
 */

export type PlaceStatus = "registered" | "waiting" | "cancelled";

export interface Line {
  id: string;
  status: PlaceStatus;
  /** When the line was made: the waiting list's order. */
  registeredAt: Date;
}

/** A new line in a session with `capacity` places of which `taken` are registered. */
export const placeFor = (capacity: number, taken: number): Exclude<PlaceStatus, "cancelled"> =>
  taken < capacity ? "registered" : "waiting";

/** Whether people may still register or cancel with promotion: until the deadline, inclusive. */
export const registrationOpen = (deadline: Date, now: Date) => now.getTime() <= deadline.getTime();

/** The waiting lines in their order: first come, first served. */
export const waitingList = <L extends Line>(lines: readonly L[]): L[] =>
  lines
    .filter((l) => l.status === "waiting")
    .sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime() || a.id.localeCompare(b.id));

/**
 * The waiting lines that get a place now, in order: as many as the session has free places.
 * Never more than the capacity, never someone who was not waiting, never out of turn.
 */
export function promotions<L extends Line>(capacity: number, lines: readonly L[]): L[] {
  const taken = lines.filter((l) => l.status === "registered").length;
  return waitingList(lines).slice(0, Math.max(0, capacity - taken));
}

/** A person's place on the waiting list, 1 for the first; null when not waiting. */
export function waitingPosition(lines: readonly Line[], id: string): number | null {
  const index = waitingList(lines).findIndex((l) => l.id === id);
  return index < 0 ? null : index + 1;
}

/** The share of registered people who came, 0..1; null when nobody was registered. */
export const attendanceRate = (registered: number, attended: number) =>
  registered === 0 ? null : Math.min(1, attended / registered);
