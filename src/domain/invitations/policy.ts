import { type Actor, hasRole } from "../roles.js";

type WithRoles = Pick<Actor, "roles">;

/** Inviting people, and seeing, revoking and resending invitations: the organisation's admins. */
export const canManageInvitations = (actor: WithRoles) => hasRole(actor, "admin");
