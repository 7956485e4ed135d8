import { type Actor, hasRole, isTeamLeaderOf } from "../roles.js";

/**
 * Who may do what with modules (decision 0026). Trainers and praktijkopleiders author them, for
 * their organisation or for the network (the network's coordinator too); every member follows
 * them; a learner's on-the-job assignment is signed off by the organisation's praktijkopleider
 * or the learner's own team leader.
 */
type Roles = Pick<Actor, "roles">;

export const canAuthorModules = (actor: Roles) => hasRole(actor, "trainer", "training_officer");
export const canAuthorNetworkModules = (actor: Roles) =>
  canAuthorModules(actor) || hasRole(actor, "network_coordinator");

/** Following a module: anyone who works in the organisation, not a school's contact or an outside client. */
export const canFollowModules = (actor: Roles) =>
  hasRole(actor, "guide", "trainee", "trainer", "training_officer", "admin", "network_coordinator", "client");

/** Whether `actor` signs off the assignments of the learner whose membership is `learner`. */
export function canReviewAssignments(
  actor: Pick<Actor, "userId" | "membershipId" | "roles">,
  learner: { userId: string; managerId: string | null },
) {
  if (learner.userId === actor.userId) return false;
  if (hasRole(actor, "training_officer")) return true;
  return isTeamLeaderOf(actor, learner);
}

/** Who sees the list of assignments to sign off at all; which ones, `canReviewAssignments` decides. */
export const canSeeAssignmentQueue = (actor: Roles) => hasRole(actor, "training_officer", "client");
