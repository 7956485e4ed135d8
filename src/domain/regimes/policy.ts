import { type Actor, hasRole } from "../roles.js";

/** The admin shapes the organisation's regimes; whoever starts trajectories reads them. */
export const canManageRegimes = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin");

export const canReadRegimes = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin", "client", "training_officer");
