import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { memberships, users, workHours } from "../../db/schema.js";
import { dutchToday } from "../../domain/dutch-time.js";
import type { Actor } from "../../domain/roles.js";
import type { RecordWorkHoursInput, TrajectoryDetail } from "../../domain/trajectories/api.js";
import { canRecordWorkHours, canSee } from "../../domain/trajectories/policy.js";
import { workHoursProblems, workHoursSummary } from "../../domain/trajectories/work-hours.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid } from "../http/problem.js";
import { memberName, membershipIn } from "../people/member-name.js";
import { assertOpen, type LoadedTrajectory, loadTrajectory } from "./load-trajectory.js";

export interface WorkHoursRow {
  id: string;
  from: string;
  to: string;
  minutes: number;
  note: string | null;
  recorderName: string | null;
}

const lines = (tx: Tx, actor: Actor, trajectoryId: string) =>
  tx
    .select({
      id: workHours.id,
      from: workHours.workedFrom,
      to: workHours.workedTo,
      minutes: workHours.minutes,
      note: workHours.note,
      recorderName: memberName,
    })
    .from(workHours)
    .leftJoin(memberships, membershipIn(workHours.recordedBy, actor.organisationId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(workHours.organisationId, actor.organisationId), eq(workHours.trajectoryId, trajectoryId)))
    .orderBy(asc(workHours.workedFrom));

/**
 * The hours worked on the placement, for a viewer who sees the trajectory's hours and only where
 * its regime counts them: other trajectories cost no statement.
 */
export async function loadWorkHours(
  tx: Tx,
  actor: Actor,
  loaded: Pick<LoadedTrajectory, "row" | "viewer">,
): Promise<WorkHoursRow[] | null> {
  const { row, viewer } = loaded;
  if (!row.regime.workHours || !canSee(viewer, row.regime, "hours")) return null;
  return lines(tx, actor, row.id);
}

/** The lines and their sums per school year, as the page and the school's report show them. */
export function presentWorkHours(
  loaded: Pick<LoadedTrajectory, "row">,
  rows: readonly WorkHoursRow[] | null,
): TrajectoryDetail["workHours"] {
  const rule = loaded.row.regime.workHours;
  if (!rule || !rows) return null;
  return {
    lines: rows.map((r) => ({
      id: r.id,
      from: r.from,
      to: r.to,
      minutes: r.minutes,
      note: r.note,
      recordedBy: r.recorderName ?? "",
    })),
    ...workHoursSummary(rows, rule.yearlyMinimumHours),
  };
}

async function loadForRecording(tx: Tx, actor: Actor, trajectoryId: string) {
  const loaded = await loadTrajectory(tx, actor, trajectoryId, { forUpdate: true });
  if (!canRecordWorkHours(loaded.viewer, loaded.row.regime)) throw forbidden();
  assertOpen(loaded);
  return loaded;
}

/**
 * Records the hours worked in a past period. Taken under the trajectory's row lock, so two lines
 * recorded at once cannot both pass the overlap check.
 */
export async function recordWorkHours(tx: Tx, actor: Actor, trajectoryId: string, input: RecordWorkHoursInput) {
  const loaded = await loadForRecording(tx, actor, trajectoryId);
  const recorded = await lines(tx, actor, trajectoryId);
  const problems = workHoursProblems(input, recorded, { startsOn: loaded.row.startsOn, today: dutchToday() });
  if (Object.keys(problems).length > 0) throw invalid(problems);
  const [line] = await tx
    .insert(workHours)
    .values({
      organisationId: actor.organisationId,
      trajectoryId,
      workedFrom: input.from,
      workedTo: input.to,
      minutes: input.minutes,
      note: input.note || null,
      recordedBy: actor.userId,
    })
    .returning({ id: workHours.id });
  await recordAudit(tx, actor, {
    type: "trajectory.workHoursRecorded",
    subjectType: "trajectory",
    subjectId: trajectoryId,
    after: { id: line?.id ?? "", from: input.from, to: input.to, minutes: input.minutes },
  });
}

/** Removes a line recorded by mistake; the audit log keeps what it said. */
export async function removeWorkHours(tx: Tx, actor: Actor, trajectoryId: string, lineId: string) {
  await loadForRecording(tx, actor, trajectoryId);
  const [removed] = await tx
    .delete(workHours)
    .where(
      and(
        eq(workHours.organisationId, actor.organisationId),
        eq(workHours.trajectoryId, trajectoryId),
        eq(workHours.id, lineId),
      ),
    )
    .returning({ from: workHours.workedFrom, to: workHours.workedTo, minutes: workHours.minutes });
  if (!removed) throw invalid({ id: "field.unknownWorkHours" });
  await recordAudit(tx, actor, {
    type: "trajectory.workHoursRemoved",
    subjectType: "trajectory",
    subjectId: trajectoryId,
    before: { id: lineId, ...removed },
  });
}
