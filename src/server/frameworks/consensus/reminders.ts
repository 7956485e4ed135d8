import { and, eq, lt } from "drizzle-orm";
import type { Tx } from "../../../db/connection.js";
import { frameworkVersions, frameworkVotes, memberships } from "../../../db/schema.js";
import { CONSENSUS_WAIT_DAYS, type DueReminder } from "../../../domain/reminders/rules.js";
import { ownNetworkId } from "../../networks/service.js";
import { consensusLink } from "./service.js";

/**
 * The organisation's representatives are reminded, once per round, of a version of their
 * network's framework that has waited CONSENSUS_WAIT_DAYS for their organisation's vote. A round
 * begins when voting opens or the text changes (the version's updatedAt). Runs in the
 * organisation's transaction: row-level security shows only its own network and people.
 */
export async function consensusReminders(tx: Tx, organisationId: string, now: Date): Promise<DueReminder[]> {
  const networkId = await ownNetworkId(tx, { organisationId });
  if (!networkId) return [];
  const since = new Date(now.getTime() - CONSENSUS_WAIT_DAYS * 24 * 60 * 60 * 1000);
  const open = await tx
    .select()
    .from(frameworkVersions)
    .where(
      and(
        eq(frameworkVersions.ownerNetworkId, networkId),
        eq(frameworkVersions.status, "voting"),
        lt(frameworkVersions.updatedAt, since),
      ),
    );
  if (open.length === 0) return [];
  const votes = await tx
    .select({ versionId: frameworkVotes.versionId, round: frameworkVotes.round, kind: frameworkVotes.kind })
    .from(frameworkVotes)
    .where(eq(frameworkVotes.organisationId, organisationId));
  const waiting = open.filter(
    (v) => !votes.some((vote) => vote.versionId === v.id && vote.round === v.round && vote.kind !== "comment"),
  );
  if (waiting.length === 0) return [];
  const representatives = (
    await tx
      .select({ userId: memberships.userId, roles: memberships.roles })
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.status, "active")))
  ).filter((m) => m.roles.includes("admin") || m.roles.includes("training_officer"));
  return waiting.flatMap((version) =>
    representatives.map((r) => ({
      key: `consensus:${version.id}:${version.round}:${r.userId}`,
      userId: r.userId,
      kind: "reminder.consensusVote" as const,
      params: { number: version.number, round: version.round },
      link: consensusLink(version),
    })),
  );
}
