import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/connection.js";
import { oneOf } from "../../../db/one-of.js";
import { frameworkVersions, frameworkVotes, networks, organisations, users } from "../../../db/schema.js";
import { type ConsensusRule, consensusState, type Vote, voteRefusal } from "../../../domain/competences/consensus.js";
import type { CastVoteInput, ConsensusView } from "../../../domain/competences/consensus-api.js";
import type { Framework } from "../../../domain/competences/framework.js";
import { canViewFrameworks, canVoteForOrganisation } from "../../../domain/competences/policy.js";
import type { Actor } from "../../../domain/roles.js";
import { recordAudit } from "../../audit/record-audit.js";
import { publishVersion, readableVersion } from "../../competences/versions.js";
import { forbidden, HttpProblem, invalid, notFound } from "../../http/problem.js";
import { mayEditFramework, mayReadVersion } from "../present.js";

/**
 * The consensus round on a network framework's version: the coordinator opens voting on a
 * draft, each member organisation's representative approves, rejects with a reason or comments
 * per item, and the coordinator publishes once the network's rule is met. Other members are
 * shown by name and colour only; the voter's own name only to their own organisation.
 */

/** A version of a network framework the actor may read, with its network's members and rule. */
async function networkVersion(tx: Tx, actor: Actor, frameworkId: string, versionId: string) {
  if (!canViewFrameworks(actor)) throw forbidden();
  const version = await readableVersion(tx, actor, versionId);
  if (version?.frameworkId !== frameworkId || !version.ownerNetworkId) throw notFound();
  const mayEdit = mayEditFramework(actor, version);
  if (!mayReadVersion(mayEdit, version)) throw notFound();
  const [network] = await tx
    .select({ rule: networks.consensusRule })
    .from(networks)
    .where(eq(networks.id, version.ownerNetworkId));
  if (!network) throw notFound();
  const members = await tx
    .select({ id: organisations.id, name: organisations.name, primaryColor: organisations.primaryColor })
    .from(organisations)
    .where(eq(organisations.networkId, version.ownerNetworkId))
    .orderBy(asc(organisations.name), asc(organisations.id));
  return { version, mayEdit, rule: network.rule as ConsensusRule, members };
}

type VoteRow = typeof frameworkVotes.$inferSelect;

const asVotes = (rows: readonly VoteRow[]): Vote[] =>
  rows.flatMap((v): Vote[] =>
    v.kind === "approve"
      ? [{ organisationId: v.organisationId, choice: "approve" }]
      : v.kind === "reject"
        ? [{ organisationId: v.organisationId, choice: "reject", reason: v.body ?? "" }]
        : [],
  );

async function votesOf(tx: Tx, versionId: string) {
  return tx
    .select()
    .from(frameworkVotes)
    .where(eq(frameworkVotes.versionId, versionId))
    .orderBy(asc(frameworkVotes.createdAt), asc(frameworkVotes.id));
}

/** Every key of a competence, skill or behaviour in the document. */
export function itemKeys(document: Framework): Set<string> {
  const keys = new Set<string>();
  for (const c of document.competences) {
    keys.add(c.key);
    for (const s of c.skills) {
      keys.add(s.key);
      for (const b of s.behaviours) keys.add(b.key);
    }
  }
  return keys;
}

export async function getConsensus(
  tx: Tx,
  actor: Actor,
  frameworkId: string,
  versionId: string,
): Promise<ConsensusView> {
  const { version, mayEdit, rule, members } = await networkVersion(tx, actor, frameworkId, versionId);
  const rows = await votesOf(tx, version.id);
  const memberIds = members.map((m) => m.id);
  const current = rows.filter((v) => v.round === version.round);
  const state = consensusState(rule, memberIds, asVotes(current));
  const names = new Map(members.map((m) => [m.id, m.name]));
  const lastOf = new Map<string, VoteRow>();
  for (const v of current) if (v.kind !== "comment") lastOf.set(v.organisationId, v);
  const authorIds = [...new Set(rows.filter((v) => v.organisationId === actor.organisationId).map((v) => v.userId))];
  const authors = await authorNames(tx, authorIds);
  const history = [];
  for (let round = 1; round < version.round; round++) {
    const last = new Map<string, VoteRow>();
    for (const v of rows) if (v.round === round && v.kind !== "comment") last.set(v.organisationId, v);
    history.push({
      round,
      votes: [...last.values()]
        .filter((v) => names.has(v.organisationId))
        .map((v) => ({
          organisationName: names.get(v.organisationId) ?? "",
          kind: v.kind as "approve" | "reject",
          reason: v.kind === "reject" ? v.body : null,
        })),
    });
  }
  const isMember = memberIds.includes(actor.organisationId);
  return {
    versionId: version.id,
    number: version.number,
    status: version.status,
    round: version.round,
    rule,
    state: state.kind,
    members: members.map((m) => {
      const last = lastOf.get(m.id);
      return {
        name: m.name,
        primaryColor: m.primaryColor,
        own: m.id === actor.organisationId,
        status: last?.kind === "approve" ? "approved" : last?.kind === "reject" ? "rejected" : "waiting",
        reason: last?.kind === "reject" ? last.body : null,
        at: last ? last.createdAt.toISOString() : null,
      };
    }),
    comments: rows
      .filter((v) => v.kind === "comment" && names.has(v.organisationId))
      .map((v) => ({
        itemKey: v.itemKey,
        organisationName: names.get(v.organisationId) ?? "",
        authorName: v.organisationId === actor.organisationId ? (authors.get(v.userId) ?? null) : null,
        body: v.body ?? "",
        round: v.round,
        at: v.createdAt.toISOString(),
      })),
    history,
    policies: {
      vote: isMember && canVoteForOrganisation(actor) && version.status === "voting",
      open: mayEdit && version.status === "draft",
      publish: mayEdit && version.status === "voting" && state.kind === "agreed",
      withdraw: mayEdit && (version.status === "draft" || version.status === "voting"),
    },
  };
}

async function authorNames(tx: Tx, userIds: string[]) {
  // Always one statement, whether or not there is a name to find.
  const none = "00000000-0000-0000-0000-000000000000";
  const rows = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(oneOf(users.id, [...userIds, none]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

type NotifiedVersion = Pick<VersionRow, "id" | "frameworkId" | "number" | "round" | "ownerNetworkId">;
type VersionRow = typeof frameworkVersions.$inferSelect;

/** The consensus page of a version: where every notification of the round links to. */
export const consensusLink = (version: Pick<VersionRow, "id" | "frameworkId">) =>
  `/kaders/${version.frameworkId}/versies/${version.id}/consensus`;

/**
 * In-app notifications of the round to every member's representatives or to the network's
 * coordinators (a security-definer function writes them: they live in other organisations).
 */
async function notifyNetwork(
  tx: Tx,
  version: NotifiedVersion,
  audience: "representatives" | "coordinators",
  kind: string,
  params: Record<string, string | number> = {},
) {
  if (!version.ownerNetworkId) return;
  await tx.execute(
    sql`SELECT app_notify_network(${version.ownerNetworkId}::uuid, ${audience}, ${kind}, ${JSON.stringify({ number: version.number, round: version.round, ...params })}::jsonb, ${consensusLink(version)})`,
  );
}

/** A change to a version in voting started the next round: the members have a new text to vote on. */
export async function notifyNewRound(tx: Tx, _actor: Actor, version: NotifiedVersion) {
  await notifyNetwork(tx, version, "representatives", "consensus.newRound");
}

/** The coordinator puts a draft to the vote: round 1 begins. */
export async function openVoting(tx: Tx, actor: Actor, frameworkId: string, versionId: string) {
  const { version, mayEdit } = await networkVersion(tx, actor, frameworkId, versionId);
  if (!mayEdit) throw forbidden();
  if (version.status !== "draft") throw new HttpProblem(409, "consensus.notDraft");
  const round = version.round + 1;
  const [after] = await tx
    .update(frameworkVersions)
    .set({ status: "voting", round, version: version.version + 1, updatedAt: new Date() })
    .where(and(eq(frameworkVersions.id, version.id), eq(frameworkVersions.status, "draft")))
    .returning({ id: frameworkVersions.id });
  if (!after) throw new HttpProblem(409, "consensus.notDraft");
  await recordAudit(tx, actor, {
    type: "framework.votingOpened",
    subjectType: "framework",
    subjectId: version.frameworkId,
    after: { number: version.number, round },
  });
  await notifyNetwork(tx, { ...version, round }, "representatives", "consensus.votingOpened");
}

/** A member organisation's representative approves, rejects with a reason, or comments on an item. */
export async function castVote(tx: Tx, actor: Actor, frameworkId: string, versionId: string, input: CastVoteInput) {
  const { version, members } = await networkVersion(tx, actor, frameworkId, versionId);
  const memberIds = members.map((m) => m.id);
  if (!canVoteForOrganisation(actor) || !memberIds.includes(actor.organisationId)) throw forbidden();
  const refusal = voteRefusal(version.status, memberIds, actor.organisationId);
  if (refusal) throw new HttpProblem(409, refusal);
  const body = input.body?.trim() || null;
  const itemKey = input.itemKey ?? null;
  if (input.kind !== "approve" && !body) throw invalid({ body: "field.required" });
  if (itemKey !== null && (input.kind !== "comment" || !itemKeys(version.document).has(itemKey)))
    throw invalid({ itemKey: "field.unknownReference" });
  await tx.insert(frameworkVotes).values({
    versionId: version.id,
    networkId: version.ownerNetworkId as string,
    organisationId: actor.organisationId,
    userId: actor.userId,
    round: version.round,
    kind: input.kind,
    itemKey,
    body: input.kind === "approve" ? null : body,
  });
  await recordAudit(tx, actor, {
    type: "framework.voteCast",
    subjectType: "framework",
    subjectId: version.frameworkId,
    after: { number: version.number, round: version.round, kind: input.kind, itemKey },
  });
  const organisation = members.find((m) => m.id === actor.organisationId)?.name ?? "";
  await notifyNetwork(tx, version, "coordinators", `consensus.${input.kind}`, { organisation });
}

/** The coordinator publishes a version the network agreed on: frozen from then on. */
export async function publishAgreed(tx: Tx, actor: Actor, frameworkId: string, versionId: string) {
  const { version, mayEdit, rule, members } = await networkVersion(tx, actor, frameworkId, versionId);
  if (!mayEdit) throw forbidden();
  if (version.status === "published") throw new HttpProblem(409, "consensus.alreadyPublished");
  if (version.status !== "voting") throw new HttpProblem(409, "consensus.notOpen");
  const current = (await votesOf(tx, version.id)).filter((v) => v.round === version.round);
  const state = consensusState(
    rule,
    members.map((m) => m.id),
    asVotes(current),
  );
  if (state.kind !== "agreed") throw new HttpProblem(409, "consensus.notAgreed");
  const hash = await publishVersion(tx, version.id);
  await recordAudit(tx, actor, {
    type: "framework.published",
    subjectType: "framework",
    subjectId: version.frameworkId,
    after: { number: version.number, round: version.round, hash },
  });
  await notifyNetwork(tx, version, "representatives", "consensus.published");
}

/** The coordinator withdraws a version still drafted or voted on. */
export async function withdrawVersion(tx: Tx, actor: Actor, frameworkId: string, versionId: string) {
  const { version, mayEdit } = await networkVersion(tx, actor, frameworkId, versionId);
  if (!mayEdit) throw forbidden();
  if (version.status === "published") throw new HttpProblem(409, "consensus.alreadyPublished");
  if (version.status !== "draft" && version.status !== "voting") throw new HttpProblem(409, "consensus.notOpen");
  await tx
    .update(frameworkVersions)
    .set({ status: "withdrawn", version: version.version + 1, updatedAt: new Date() })
    .where(eq(frameworkVersions.id, version.id));
  await recordAudit(tx, actor, {
    type: "framework.withdrawn",
    subjectType: "framework",
    subjectId: version.frameworkId,
    before: { number: version.number, status: version.status },
    after: { number: version.number, status: "withdrawn" },
  });
}
