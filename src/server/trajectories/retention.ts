import { sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { organisations } from "../../db/schema.js";
import { dutchToday } from "../../domain/dutch-time.js";
import { canViewNetwork } from "../../domain/networks/policy.js";
import type { Locale, Outcomes } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import type { NetworkRetentionView, RetentionView } from "../../domain/trajectories/api.js";
import { reasonOptions } from "../../domain/trajectories/evaluate.js";
import { canSeeRetention } from "../../domain/trajectories/policy.js";
import { type OutcomeFacts, outcomeOf, retention } from "../../domain/trajectories/retention.js";
import { forbidden } from "../http/problem.js";
import { findRegime } from "../regimes/service.js";

/** Facts whose status is already the outcome. */
const AS_OUTCOME = { completed: ["completed"], stopped: ["stopped"] };

interface FactRow {
  organisation_id: string;
  regime_key: string;
  starts_on: string;
  status: string;
  status_on: string | null;
  reason_code: string | null;
  level: string | null;
  outcomes: Pick<Outcomes, "completed" | "stopped">;
}

/**
 * The retention facts of the organisation and, in a network, of every member: through
 * app_retention_facts (migration 0032), each judged by its own regime version, as outcomes.
 * One definition for the organisation's figures and the network's.
 */
async function retentionFacts(tx: Tx) {
  const { rows } = (await tx.execute(sql`SELECT * FROM app_retention_facts()`)) as unknown as { rows: FactRow[] };
  return rows.map((row) => ({
    organisationId: row.organisation_id,
    regimeKey: row.regime_key,
    fact: {
      startsOn: String(row.starts_on).slice(0, 10),
      status: outcomeOf(row.outcomes, row.status),
      statusOn: row.status_on === null ? null : String(row.status_on).slice(0, 10),
      reasonCode: row.reason_code,
      level: row.level,
    } satisfies OutcomeFacts,
  }));
}

/**
 * The organisation's retention figures for every regime that counts outcomes (BPV): per cohort,
 * and per level. Numbers only, no names: for the admin and the praktijkopleider.
 */
export async function getRetention(tx: Tx, actor: Actor, locale: Locale, today = dutchToday()): Promise<RetentionView> {
  if (!canSeeRetention(actor)) throw forbidden();
  const byKey = new Map<string, OutcomeFacts[]>();
  for (const row of await retentionFacts(tx)) {
    if (row.organisationId !== actor.organisationId) continue;
    byKey.set(row.regimeKey, [...(byKey.get(row.regimeKey) ?? []), row.fact]);
  }
  const regimes: RetentionView["regimes"] = [];
  for (const [key, facts] of [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const regime = await findRegime(tx, actor, key);
    if (!regime) continue;
    const levelField = regime.planFields.find((f) => f.key === regime.outcomes?.levelField);
    const levels = (levelField?.options ?? []).map((o) => ({ value: o.value, label: o.label[locale] }));
    regimes.push({
      key,
      name: regime.name[locale],
      levels,
      reasons: stopReasons(regime.transitions, regime.outcomes?.stopped ?? [], locale),
      cohorts: retention(AS_OUTCOME, facts, today),
      byLevel: Object.fromEntries(levels.map((l) => [l.value, retention(AS_OUTCOME, facts, today, l.value)])),
    });
  }
  return { regimes };
}

type Transitions = NonNullable<Awaited<ReturnType<typeof findRegime>>>["transitions"];

/** The reasons to choose from when a trajectory stops, each once. */
function stopReasons(transitions: Transitions, stopped: readonly string[], locale: Locale) {
  return transitions
    .filter((t) => stopped.includes(t.to))
    .flatMap(reasonOptions)
    .filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i)
    .map((o) => ({ value: o.value, label: o.label[locale] }));
}

/**
 * Every member's retention figures, all regimes that count outcomes together: per organisation
 * and cohort, counts only. For those who see the network page; the own organisation alone
 * outside a network.
 */
export async function getNetworkRetention(
  tx: Tx,
  actor: Actor,
  locale: Locale,
  today = dutchToday(),
): Promise<NetworkRetentionView> {
  if (!canViewNetwork(actor)) throw forbidden();
  const byOrganisation = new Map<string, OutcomeFacts[]>();
  for (const row of await retentionFacts(tx))
    byOrganisation.set(row.organisationId, [...(byOrganisation.get(row.organisationId) ?? []), row.fact]);
  const ids = [...byOrganisation.keys()];
  const names = ids.length
    ? await tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(oneOf(organisations.id, ids))
    : [];
  // The reasons in words: the built-in BPV list, read through the organisation's own regime.
  const bpv = await findRegime(tx, actor, "bpv");
  return {
    reasons: bpv ? stopReasons(bpv.transitions, bpv.outcomes?.stopped ?? [], locale) : [],
    members: names
      .map((o) => ({
        name: o.name,
        own: o.id === actor.organisationId,
        cohorts: retention(AS_OUTCOME, byOrganisation.get(o.id) ?? [], today),
      }))
      .sort((a, b) => Number(b.own) - Number(a.own) || a.name.localeCompare(b.name, "nl")),
  };
}
