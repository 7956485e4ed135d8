import type { Tx } from "../../db/connection.js";
import { declarations } from "../../db/schema.js";
import type { Regime } from "../../domain/regimes/schema.js";

/**
 * Version 1 of every declaration the trajectory's regime requires, made in the transaction that
 * starts the trajectory. Reading declarations never makes them (a GET never writes), so they must
 * exist from the start; migration 0013 made them for trajectories started before. It lives with
 * the trajectories, which start them, so the declarations depend on the trajectories and not back.
 */
export async function createFirstDeclarations(
  tx: Tx,
  trajectory: { organisationId: string; id: string; regime: Pick<Regime, "declarations"> },
) {
  const specs = trajectory.regime.declarations ?? [];
  if (!specs.length) return;
  await tx.insert(declarations).values(
    specs.map((spec) => ({
      organisationId: trajectory.organisationId,
      trajectoryId: trajectory.id,
      kind: spec.key,
      number: 1,
    })),
  );
}
