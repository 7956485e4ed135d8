import { type Actor, hasRole } from "../roles.js";

/**
 * Who may do what with cases from practice (issue 13, decision 0028). Werkbegeleiders, trainers
 * and praktijkopleiders write them; a trainer of the author's organisation reviews one before
 * anyone else reads it; everyone who follows modules reads the approved ones.
 */
type Roles = Pick<Actor, "roles">;

export const canWriteCases = (actor: Roles) => hasRole(actor, "guide", "trainer", "training_officer");

/** Reviewing: a trainer, never of their own case (the service checks the author). */
export const canReviewCases = (actor: Roles) => hasRole(actor, "trainer");

export const canReadCases = (actor: Roles) =>
  hasRole(actor, "guide", "trainee", "trainer", "training_officer", "admin", "network_coordinator", "client");
