import { type Actor, hasRole, isTeamLeaderOf } from "../roles.js";

/**
 * Who may do what in the learning network. Frameworks are the network's content; scans and
 * paths are a werkbegeleider's own, seen by the praktijkopleider and their team leader only as
 * results (never one friend's answers).
 */

type Roles = Pick<Actor, "roles">;

/** Reading the framework pages: the people who shape learning, and the werkbegeleiders who scan on it. */
export const canViewFrameworks = (actor: Roles) =>
  hasRole(actor, "admin", "training_officer", "network_coordinator", "guide", "trainer");

/** Drafting and changing the network's frameworks; an organisation's own ones also its admin and praktijkopleider. */
export const canDraftNetworkFramework = (actor: Roles) => hasRole(actor, "network_coordinator");
export const canManageOwnFrameworks = (actor: Roles) => hasRole(actor, "admin", "training_officer");

/** Speaking for a member organisation in a consensus round. */
export const canVoteForOrganisation = (actor: Roles) => hasRole(actor, "admin", "training_officer");

/** A self-scan and a learning path are a werkbegeleider's own. */
export const canScanSelf = (actor: Roles) => hasRole(actor, "guide");

/** The praktijkopleider sees, per werkbegeleider, whether a scan was done and its result. */
export const canOverseeScans = (actor: Roles) => hasRole(actor, "training_officer");

/** The overview of scans: the praktijkopleider of everyone, a team leader (a client) of their own team. */
export const canSeeScanOverview = (actor: Roles) => hasRole(actor, "training_officer", "client");

/** Who may open a scan's result at all; which scans, `scanReader` decides. */
export const canReadScanResults = (actor: Roles) => canScanSelf(actor) || canSeeScanOverview(actor);

/** Who reads a scan, and so how much of it: its owner all of it; the others its result only. */
export type ScanReader = "owner" | "praktijkopleider" | "team_leader";

/**
 * How `actor` may read the scan of the person whose membership is `owner`: as its owner, as
 * the organisation's praktijkopleider, or as that person's team leader (the manager named on
 * their membership, with the role of client). Null: not at all.
 */
export function scanReader(
  actor: Pick<Actor, "userId" | "membershipId" | "roles">,
  owner: { userId: string; managerId: string | null },
): ScanReader | null {
  if (owner.userId === actor.userId) return "owner";
  if (canOverseeScans(actor)) return "praktijkopleider";
  if (isTeamLeaderOf(actor, owner)) return "team_leader";
  return null;
}
