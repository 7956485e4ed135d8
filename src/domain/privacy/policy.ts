import { type Actor, hasRole } from "../roles.js";

/** The processing register, on its page and as a PDF, is the admin's to read and hand on. */
export const canReadProcessingRegister = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");

/** The admin searches the organisation's access log, for any person; everyone reads their own. */
export const canSearchAccessLog = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");

/** The admin produces a person's export on their request; everyone downloads their own. */
export const canProduceExport = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");

/** The admin sees the retention job's dry run and turns it on or off for the organisation. */
export const canManageRetention = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");

/** The admin reviews and applies a person's erasure from the organisation; everyone may ask for their own. */
export const canErase = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");
