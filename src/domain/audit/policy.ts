import { type Actor, hasRole } from "../roles.js";

/** The audit log shows who changed what about people: for the organisation's administrator only. */
export const canViewAuditLog = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");
