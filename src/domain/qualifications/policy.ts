import { type Actor, hasRole } from "../roles.js";

/** The praktijkopleider and the admin keep the organisation's qualifications; every member reads them. */
export const canManageQualifications = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin", "training_officer");
