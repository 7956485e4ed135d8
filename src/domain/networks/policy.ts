import { type Actor, hasRole } from "../roles.js";

/** The network page is for the people who shape an organisation's learning: admin, training officer, coordinator. */
export const canViewNetwork = (actor: Pick<Actor, "roles">) =>
  hasRole(actor, "admin", "training_officer", "network_coordinator");

/** What the network owns (its name, later its content) is its coordinators' to change. */
export const canManageNetwork = (actor: Pick<Actor, "roles">) => hasRole(actor, "network_coordinator");
