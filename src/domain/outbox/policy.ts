import { type Actor, hasRole } from "../roles.js";

/** The organisation's outgoing mail holds sign-in links: only its admins may read it. */
export const canReadOutbox = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");
