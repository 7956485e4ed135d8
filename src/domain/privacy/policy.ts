import { type Actor, hasRole } from "../roles.js";

/** The processing register, on its page and as a PDF, is the admin's to read and hand on. */
export const canReadProcessingRegister = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");
