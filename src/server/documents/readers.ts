import type { Actor } from "../../domain/roles.js";

/** No account has this id: the admin's view of a document, as someone who is not also a participant. */
const NO_ONE = "00000000-0000-0000-0000-000000000000";

/**
 * Everyone who may read a trajectory's documents, as the actors whose view a stored copy is made
 * for: each participant, and the organisation's admin. Someone who is both reads a view of their
 * own, which is made for them when they download it.
 */
export function documentReaders(
  actor: Actor,
  participants: readonly { userId: string; personId?: string | null }[],
): Actor[] {
  const people = new Map(participants.map((p) => [p.userId, p.personId ?? ""]));
  return [
    ...[...people].map(([userId, membershipId]) => ({
      userId,
      organisationId: actor.organisationId,
      membershipId,
      roles: [],
    })),
    { userId: NO_ONE, organisationId: actor.organisationId, membershipId: "", roles: ["admin"] },
  ];
}
