/**
 * Who brings in a case next: whoever brought one in least recently. A member who never brought
 * one in comes first; ties go to who joined the group first, then by name. The fair rotation
 * follows: taking the proposal every time, everyone brings in a case before anyone does twice.
 */

export interface RotationMember {
  userId: string;
  name: string;
  /** ISO instant the member joined the group. */
  joinedAt: string;
}

export interface RotationMeeting {
  /** ISO instant the meeting starts. */
  startsAt: string;
  caseBringerId: string | null;
}

/**
 * The members in the order they are due to bring in a case, first is the proposal. `meetings`
 * are the held meetings (and, to plan ahead, the planned ones); cancelled ones do not count.
 */
export function rotationOrder(members: readonly RotationMember[], meetings: readonly RotationMeeting[]) {
  const last = new Map<string, string>();
  for (const meeting of meetings) {
    if (!meeting.caseBringerId) continue;
    const seen = last.get(meeting.caseBringerId);
    if (!seen || meeting.startsAt > seen) last.set(meeting.caseBringerId, meeting.startsAt);
  }
  return [...members].sort((a, b) => {
    const la = last.get(a.userId);
    const lb = last.get(b.userId);
    if (la !== lb) {
      if (la === undefined) return -1;
      if (lb === undefined) return 1;
      return la < lb ? -1 : 1;
    }
    if (a.joinedAt !== b.joinedAt) return a.joinedAt < b.joinedAt ? -1 : 1;
    return a.name.localeCompare(b.name, "nl") || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
  });
}

/** The proposed case bringer for the next meeting, or null for a group without members. */
export function nextCaseBringer(
  members: readonly RotationMember[],
  heldMeetings: readonly RotationMeeting[],
): RotationMember | null {
  return rotationOrder(members, heldMeetings)[0] ?? null;
}
