import { type Actor, hasRole } from "../roles.js";

/** The admin shapes the organisation's requirement profiles. */
export const canManageProfiles = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");

/** Profiles are read by whoever keeps registrations or reads ledgers of others. */
export const canReadProfiles = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin", "training_officer");

/** Reading the ledgers of other people: the admin and the training officer. */
export const canReadOthersEvidence = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin", "training_officer");

/**
 * Who may see a person's ledger: the person themself, the admin and the training officer. A
 * guide is not included: the ledger gathers every trajectory and group of the person (supervisie
 * included, which the werkbegeleider has no part in); the guide sees the hours of their own
 * trajectory on its page.
 */
export const canReadEvidence = (actor: Pick<Actor, "roles" | "membershipId">, personMembershipId: string) =>
  actor.membershipId === personMembershipId || canReadOthersEvidence(actor);
