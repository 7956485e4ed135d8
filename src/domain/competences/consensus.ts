import { z } from "zod";

/**
 * Consensus as the region reached it: a coordinator proposes a version of the framework, and
 * each member organisation's representative approves it or rejects it with a reason. The
 * network's rule, as data, says when it is agreed: every member, or a quorum of approvals with
 * no rejection left standing.
 */

export const consensusRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({ kind: z.literal("quorum"), min: z.number().int().min(1) }),
]);
export type ConsensusRule = z.infer<typeof consensusRuleSchema>;

export type Vote =
  | { organisationId: string; choice: "approve" }
  | { organisationId: string; choice: "reject"; reason: string };

export type ProposalStatus = "draft" | "voting" | "published" | "withdrawn";

export type ConsensusState =
  /** Votes still to come before the rule can be met. */
  | { kind: "open"; approved: string[]; rejected: string[]; waiting: string[] }
  /** A member said no: the proposal changes (a new round) before it can be agreed. */
  | { kind: "rejected"; approved: string[]; rejected: string[]; waiting: string[] }
  /** The rule is met: the coordinator may publish. */
  | { kind: "agreed"; approved: string[]; waiting: string[] };

/**
 * Where a proposal stands among `members` (organisation ids) with these votes. Only each
 * member's last vote counts; votes of organisations that are no longer members do not.
 */
export function consensusState(
  rule: ConsensusRule,
  members: readonly string[],
  votes: readonly Vote[],
): ConsensusState {
  const last = new Map<string, Vote>();
  for (const vote of votes) if (members.includes(vote.organisationId)) last.set(vote.organisationId, vote);
  const approved = members.filter((m) => last.get(m)?.choice === "approve");
  const rejected = members.filter((m) => last.get(m)?.choice === "reject");
  const waiting = members.filter((m) => !last.has(m));
  if (rejected.length) return { kind: "rejected", approved, rejected, waiting };
  const needed = rule.kind === "all" ? members.length : Math.min(rule.min, members.length);
  if (members.length > 0 && approved.length >= needed) return { kind: "agreed", approved, waiting };
  return { kind: "open", approved, rejected, waiting };
}

/** Why a member may not vote on a proposal now, or null when they may. */
export function voteRefusal(status: ProposalStatus, members: readonly string[], organisationId: string) {
  if (!members.includes(organisationId)) return "consensus.notMember" as const;
  if (status === "published") return "consensus.alreadyPublished" as const;
  if (status !== "voting") return "consensus.notOpen" as const;
  return null;
}
