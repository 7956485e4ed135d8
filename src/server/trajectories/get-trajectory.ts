import { and, eq, or } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { trajectories } from "../../db/schema.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import type { TrajectoryDetail } from "../../domain/trajectories/api.js";
import { logRead } from "../privacy/access-log.js";
import { type LoadedTrajectory, loadTrajectory, traineeIds, withOrigin } from "./load-trajectory.js";
import { type Links, presentTrajectory } from "./present-trajectory.js";
import { loadWorkHours } from "./work-hours.js";

/** The trajectory it was escalated from and the one it was escalated to, if any. */
async function linksOf(tx: Tx, actor: Actor, loaded: LoadedTrajectory): Promise<Links> {
  const { row } = loaded;
  const related = await tx
    .select({ id: trajectories.id, title: trajectories.title, escalatedFromId: trajectories.escalatedFromId })
    .from(trajectories)
    .where(
      and(
        eq(trajectories.organisationId, actor.organisationId),
        or(
          eq(trajectories.escalatedFromId, row.id),
          row.escalatedFromId ? eq(trajectories.id, row.escalatedFromId) : undefined,
        ),
      ),
    );
  const from = related.find((r) => r.id === row.escalatedFromId);
  const to = related.find((r) => r.escalatedFromId === row.id);
  return {
    escalatedFrom: from ? { id: from.id, title: from.title } : null,
    escalatedTo: to ? { id: to.id, title: to.title } : null,
  };
}

export async function getTrajectory(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  locale: Locale,
  now = new Date(),
): Promise<TrajectoryDetail> {
  const loaded = await withOrigin(tx, actor, await loadTrajectory(tx, actor, trajectoryId));
  await logRead(tx, actor, "trajectory", traineeIds(loaded), trajectoryId);
  return presentTrajectory(
    loaded,
    await linksOf(tx, actor, loaded),
    locale,
    now,
    await loadWorkHours(tx, actor, loaded),
  );
}
