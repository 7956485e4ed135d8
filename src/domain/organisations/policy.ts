import { type Actor, hasRole } from "../roles.js";

/** Name, colour and logo of an organisation are its administrator's to change. */
export const canViewBranding = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");
export const canManageBranding = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");
