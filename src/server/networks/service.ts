import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { networks, organisations } from "../../db/schema.js";
import { diff } from "../../domain/audit.js";
import { canManageNetwork, canViewNetwork } from "../../domain/networks/policy.js";
import type { NetworkView, RenameNetworkInput } from "../../domain/networks/schemas.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { conflict, forbidden, invalid, notFound } from "../http/problem.js";

/** The network the actor's organisation belongs to; row-level security shows no other. */
export async function ownNetworkId(tx: Tx, actor: Pick<Actor, "organisationId">) {
  const [own] = await tx
    .select({ networkId: organisations.networkId })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  return own?.networkId ?? null;
}

/**
 * The actor's network: its name, its members as each brands itself, and its coordinators by
 * name and organisation only (app_network_coordinators gives nothing else).
 */
export async function getNetwork(tx: Tx, actor: Actor): Promise<NetworkView> {
  if (!canViewNetwork(actor)) throw forbidden();
  const policies = { rename: canManageNetwork(actor) };
  const networkId = await ownNetworkId(tx, actor);
  if (!networkId) return { network: null, policies: { rename: false } };
  const [network] = await tx
    .select({
      id: networks.id,
      name: networks.name,
      version: networks.version,
      consensusRule: networks.consensusRule,
      certificateValidityMonths: networks.certificateValidityMonths,
    })
    .from(networks)
    .where(eq(networks.id, networkId));
  if (!network) return { network: null, policies: { rename: false } };
  const members = await tx
    .select({ id: organisations.id, name: organisations.name, primaryColor: organisations.primaryColor })
    .from(organisations)
    .where(eq(organisations.networkId, networkId))
    .orderBy(asc(organisations.name), asc(organisations.id));
  const names = new Map(members.map((m) => [m.id, m.name]));
  const coordinators = (await tx.execute(
    sql`SELECT name, organisation_id FROM app_network_coordinators(${networkId})`,
  )) as unknown as { rows: Array<{ name: string; organisation_id: string }> };
  return {
    network: {
      ...network,
      members: members.map(({ id, ...m }) => ({ ...m, own: id === actor.organisationId })),
      coordinators: coordinators.rows.map((c) => ({
        name: c.name,
        organisationName: names.get(c.organisation_id) ?? "",
      })),
    },
    policies,
  };
}

/** A coordinator renames the network, sets its consensus rule and how long a trainer certificate holds (versioned: a stale version is 409 with the current network). */
export async function renameNetwork(tx: Tx, actor: Actor, input: RenameNetworkInput) {
  if (!canManageNetwork(actor)) throw forbidden();
  const networkId = await ownNetworkId(tx, actor);
  if (!networkId) throw notFound();
  const [before] = await tx
    .select({
      name: networks.name,
      version: networks.version,
      consensusRule: networks.consensusRule,
      certificateValidityMonths: networks.certificateValidityMonths,
    })
    .from(networks)
    .where(eq(networks.id, networkId))
    .for("update");
  if (!before) throw notFound();
  if (before.version !== input.version) throw conflict(await getNetwork(tx, actor));
  const rule = input.consensusRule ?? before.consensusRule;
  const validity =
    input.certificateValidityMonths === undefined ? before.certificateValidityMonths : input.certificateValidityMonths;
  if (rule.kind === "quorum") {
    const members = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.networkId, networkId));
    if (rule.min > members.length)
      throw invalid({ "consensusRule.min": { key: "consensus.quorumTooLarge", values: { max: members.length } } });
  }
  const [after] = await tx
    .update(networks)
    .set({
      name: input.name,
      consensusRule: rule,
      certificateValidityMonths: validity,
      version: sql`${networks.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(networks.id, networkId), eq(networks.version, input.version)))
    .returning({ name: networks.name, certificateValidityMonths: networks.certificateValidityMonths });
  if (!after) throw conflict();
  const changes = diff({ name: before.name }, { name: after.name });
  if (Object.keys(changes.after).length) {
    await recordAudit(tx, actor, { type: "network.renamed", subjectType: "network", subjectId: networkId, ...changes });
  }
  if (after.certificateValidityMonths !== before.certificateValidityMonths)
    await recordAudit(tx, actor, {
      type: "network.certificateValidityChanged",
      subjectType: "network",
      subjectId: networkId,
      before: { months: before.certificateValidityMonths },
      after: { months: after.certificateValidityMonths },
    });
  if (JSON.stringify(rule) !== JSON.stringify(before.consensusRule)) {
    const describe = (r: typeof rule) => (r.kind === "all" ? "all" : `quorum:${r.min}`);
    await recordAudit(tx, actor, {
      type: "network.consensusRuleChanged",
      subjectType: "network",
      subjectId: networkId,
      before: { rule: describe(before.consensusRule) },
      after: { rule: describe(rule) },
    });
  }
}
