import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { regimeVersions, trajectories } from "../../db/schema.js";
import { dutchToday } from "../../domain/dutch-time.js";
import type { Locale, Regime } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import type { RetentionView } from "../../domain/trajectories/api.js";
import { reasonOptions } from "../../domain/trajectories/evaluate.js";
import { canSeeRetention } from "../../domain/trajectories/policy.js";
import { type OutcomeFacts, outcomeOf, retention } from "../../domain/trajectories/retention.js";
import { forbidden } from "../http/problem.js";
import { findRegime, regimeVersionsByHash } from "../regimes/service.js";

/** Facts whose status is already the outcome. */
const AS_OUTCOME = { completed: ["completed"], stopped: ["stopped"] };

/**
 * The retention figures of every regime that counts outcomes (BPV): per cohort, and per level.
 * Numbers only, no names: for the admin and the praktijkopleider, who answer for them. Each
 * trajectory is judged by the regime version it runs on.
 */
export async function getRetention(tx: Tx, actor: Actor, locale: Locale, today = dutchToday()): Promise<RetentionView> {
  if (!canSeeRetention(actor)) throw forbidden();
  const rows = await tx
    .select({
      regimeKey: trajectories.regimeKey,
      regimeHash: trajectories.regimeHash,
      startsOn: trajectories.startsOn,
      status: trajectories.status,
      statusOn: trajectories.statusOn,
      reasonCode: trajectories.statusReasonCode,
      plan: trajectories.plan,
    })
    .from(trajectories)
    .innerJoin(
      regimeVersions,
      and(
        eq(regimeVersions.organisationId, trajectories.organisationId),
        eq(regimeVersions.hash, trajectories.regimeHash),
      ),
    )
    .where(
      and(
        eq(trajectories.organisationId, actor.organisationId),
        isNotNull(sql`nullif(${regimeVersions.document} -> 'outcomes', 'null'::jsonb)`),
      ),
    );
  const versions = await regimeVersionsByHash(
    tx,
    actor,
    rows.map((r) => r.regimeHash),
  );
  const byKey = new Map<string, { regime: Regime; facts: OutcomeFacts[] }>();
  for (const row of rows) {
    const version = versions.get(row.regimeHash);
    if (!version?.outcomes) continue;
    let group = byKey.get(row.regimeKey);
    if (!group) {
      group = { regime: (await findRegime(tx, actor, row.regimeKey)) ?? version, facts: [] };
      byKey.set(row.regimeKey, group);
    }
    // Judged by the trajectory's own version, then counted in the outcome's own words.
    const levelField = version.outcomes.levelField;
    group.facts.push({
      startsOn: row.startsOn,
      status: outcomeOf(version.outcomes, row.status),
      statusOn: row.statusOn,
      reasonCode: row.reasonCode,
      level: levelField ? (row.plan[levelField] ?? null) : null,
    });
  }
  return {
    regimes: [...byKey.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, { regime, facts }]) => {
        const outcomes = regime.outcomes ?? { completed: [], stopped: [], levelField: null };
        const levelField = regime.planFields.find((f) => f.key === outcomes.levelField);
        const levels = (levelField?.options ?? []).map((o) => ({ value: o.value, label: o.label[locale] }));
        const reasons = regime.transitions
          .filter((t) => outcomes.stopped.includes(t.to))
          .flatMap(reasonOptions)
          .filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i)
          .map((o) => ({ value: o.value, label: o.label[locale] }));
        return {
          key,
          name: regime.name[locale],
          levels,
          reasons,
          cohorts: retention(AS_OUTCOME, facts, today),
          byLevel: Object.fromEntries(levels.map((l) => [l.value, retention(AS_OUTCOME, facts, today, l.value)])),
        };
      }),
  };
}
