import { type Actor, hasRole } from "../roles.js";

/** The person a rule is about: enough to decide, nothing more. */
export interface PersonTarget {
  userId: string;
  status: "invited" | "active" | "deactivated";
  /** Erased from the organisation (decision 0039): the membership is a pseudonym's and stays as it is. */
  erased?: boolean;
}

export interface PersonAbilities {
  edit: boolean;
  deactivate: boolean;
  reactivate: boolean;
}

type Who = Pick<Actor, "roles" | "userId">;

/** People management belongs to the organisation's admins. */
export const canManagePeople = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");

export const canEditPerson = (actor: Who, target: PersonTarget) => canManagePeople(actor) && !target.erased;

/** Never yourself: an organisation must not lose its last way in by accident. */
export const isSelf = (actor: Who, target: PersonTarget) => actor.userId === target.userId;

export const canDeactivate = (actor: Who, target: PersonTarget) =>
  canManagePeople(actor) && !isSelf(actor, target) && target.status !== "deactivated";

export const canReactivate = (actor: Who, target: PersonTarget) =>
  canManagePeople(actor) && target.status === "deactivated" && !target.erased;

/**
 * An admin who takes away their own admin role locks themself out of this page on the next
 * request; the same reasoning as not deactivating yourself.
 */
export const canDropOwnAdminRole = (actor: Who, target: PersonTarget, newRoles: readonly string[]) =>
  !isSelf(actor, target) || newRoles.includes("admin") || !hasRole(actor, "admin");

/** What the UI may offer, decided by the same rules the server enforces. */
export function personAbilities(actor: Who, target: PersonTarget): PersonAbilities {
  return {
    edit: canEditPerson(actor, target),
    deactivate: canDeactivate(actor, target),
    reactivate: canReactivate(actor, target),
  };
}
