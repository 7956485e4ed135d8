import type { Regime } from "../regimes/schema.js";
import type { MeetingStatus } from "../trajectories/model.js";

/**
 * What a held session counts for as evidence, recorded on the session when it is held: the
 * group size the plan says at that moment, and how it took place. Pure.
 */

/** Whether the regime's meetings count as evidence, so how each took place is asked. */
export const recordsMode = (regime: Pick<Regime, "evidence">) => regime.evidence !== null;

/** The group size the plan gives now (1 to 10), where the regime reads one from the plan; else null. */
export function groupSizeFromPlan(regime: Pick<Regime, "evidence">, plan: Record<string, string>): number | null {
  const field = regime.evidence?.groupSizeField;
  if (!field) return null;
  const value = plan[field]?.trim() ?? "";
  if (!/^\d{1,2}$/.test(value)) return null;
  const size = Number(value);
  return size >= 1 && size <= 10 ? size : null;
}

/**
 * The group size a session counts for after a change of its status: taken from the plan when it
 * becomes held, kept as recorded while it stays held (whatever the plan says now), none otherwise.
 */
export function heldGroupSize(
  regime: Pick<Regime, "evidence">,
  plan: Record<string, string>,
  before: { status: MeetingStatus; groupSize: number | null },
  status: MeetingStatus,
): number | null {
  if (status !== "held") return null;
  if (before.status === "held") return before.groupSize;
  return groupSizeFromPlan(regime, plan);
}
