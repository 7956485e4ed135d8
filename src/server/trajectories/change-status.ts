import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { goals, trajectories, trajectoryParticipants } from "../../db/schema.js";
import { dutchToday } from "../../domain/dutch-time.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import {
  type Blocker,
  checkTransition,
  describeBlocker,
  effectiveDateProblem,
  findTransition,
  isTerminal,
  needsDate,
  reasonOptions,
} from "../../domain/trajectories/evaluate.js";
import { recordAudit } from "../audit/record-audit.js";
import { HttpProblem, invalid } from "../http/problem.js";
import { findRegime, storeRegimeVersion } from "../regimes/service.js";
import { updateVersioned } from "../tenancy.js";
import { createFirstDeclarations } from "./first-declarations.js";
import { type LoadedTrajectory, loadTrajectory, stateOf } from "./load-trajectory.js";

interface StatusRequest {
  transition: string;
  reason?: string | null;
  reasonCode?: string | null;
  on?: string | null;
  override?: boolean;
}

/**
 * Moves the status only by the regime's rules. A refusal names every reason in words; an
 * override of an overridable rule needs a written reason, which the audit trail keeps.
 * Returns the id of the new trajectory when the change escalates.
 */
export async function changeStatus(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  request: StatusRequest,
  locale: Locale,
): Promise<string | null> {
  const loaded = await loadTrajectory(tx, actor, trajectoryId, { forUpdate: true });
  const { regime } = loaded.row;
  const transition = findTransition(regime, request.transition);
  if (!transition) throw invalid({ transition: "field.unknownField" });
  const on = needsDate(transition) ? (request.on ?? null) : null;
  const check = checkTransition(stateOf(loaded), transition, loaded.viewer, request);
  // Once only the dialog's answers stand in the way, every one of them is said at its field.
  const unanswered = check.allowed ? {} : fieldsOf(check.blockers);
  if (unanswered) {
    const dateProblem = on ? effectiveDateProblem(on, loaded.row.startsOn, dutchToday()) : null;
    const fields = { ...unanswered, ...(dateProblem ? { on: dateProblem } : {}) };
    if (Object.keys(fields).length) throw invalid(fields);
  }
  if (!check.allowed) {
    throw new HttpProblem(
      422,
      "trajectory.transitionBlocked",
      {},
      {
        detail: check.blockers.map((b) => describeBlocker(regime, b, locale)).join(" "),
        blockers: check.blockers.map((b) => ({ code: b.code, text: describeBlocker(regime, b, locale) })),
        overridable: check.overridable,
      },
    );
  }
  const reason = request.reason?.trim() || null;
  const reasonCode = reasonOptions(transition).some((o) => o.value === request.reasonCode)
    ? (request.reasonCode ?? null)
    : null;
  const overridden = request.override === true && reason !== null;
  await updateVersioned(
    tx,
    trajectories,
    { id: trajectoryId, organisationId: actor.organisationId, expectedVersion: loaded.row.version },
    {
      status: transition.to,
      statusReason: reason,
      statusReasonCode: reasonCode,
      statusOn: on,
      closed: isTerminal(regime, transition.to),
    },
  );
  const escalatedTo = transition.effect === "escalate" ? await escalate(tx, actor, loaded) : null;
  await recordAudit(tx, actor, {
    type: "trajectory.statusChanged",
    subjectType: "trajectory",
    subjectId: trajectoryId,
    before: { status: loaded.row.status },
    after: {
      status: transition.to,
      transition: transition.key,
      ...(reason ? { reason } : {}),
      ...(reasonCode ? { reasonCode } : {}),
      ...(on ? { on } : {}),
      ...(overridden ? { override: true } : {}),
      ...(escalatedTo ? { escalatedTo } : {}),
    },
  });
  return escalatedTo;
}

/** Where all that stands in the way is a question of the dialog left open, the fields to say it at. */
function fieldsOf(blockers: Blocker[]) {
  if (!blockers.length) return null;
  const fields: Record<
    string,
    "field.chooseReason" | "field.required" | "field.dateInFuture" | "field.dateBeforeStart"
  > = {};
  for (const blocker of blockers) {
    if (blocker.code === "reasonNotChosen") fields.reasonCode = "field.chooseReason";
    else if (blocker.code === "dateRequired") fields.on = "field.required";
    else return null;
  }
  return fields;
}

/**
 * The follow-up trajectory on the regime the escalation names: same people, the goals carried
 * over (each pointing at the goal it continues, so its ratings history goes along), and a link
 * back to this one for the course so far.
 */
async function escalate(tx: Tx, actor: Actor, loaded: LoadedTrajectory): Promise<string> {
  const key = loaded.row.regime.escalation?.regimeKey;
  const regime = key ? await findRegime(tx, actor, key) : null;
  if (!regime) throw invalid({ transition: "field.unknownRegime" });
  const today = dutchToday();
  const [row] = await tx
    .insert(trajectories)
    .values({
      organisationId: actor.organisationId,
      regimeHash: await storeRegimeVersion(tx, actor, regime),
      regimeKey: regime.key,
      title: loaded.row.title,
      status: regime.initialStatus,
      startsOn: today,
      endsOn: loaded.row.endsOn > today ? loaded.row.endsOn : today,
      plan: loaded.row.plan,
      consents: {},
      intensity: regime.defaultIntensity,
      escalatedFromId: loaded.row.id,
      createdBy: actor.userId,
    })
    .returning({ id: trajectories.id });
  if (!row) throw new Error("insert returned nothing");
  await createFirstDeclarations(tx, { organisationId: actor.organisationId, id: row.id, regime });
  const participants = await tx
    .select({ userId: trajectoryParticipants.userId, role: trajectoryParticipants.role })
    .from(trajectoryParticipants)
    .where(
      and(
        eq(trajectoryParticipants.organisationId, actor.organisationId),
        eq(trajectoryParticipants.trajectoryId, loaded.row.id),
      ),
    );
  if (participants.length)
    await tx
      .insert(trajectoryParticipants)
      .values(participants.map((p) => ({ ...p, organisationId: actor.organisationId, trajectoryId: row.id })));
  if (loaded.goals.length)
    await tx.insert(goals).values(
      loaded.goals.map((g) => ({
        organisationId: actor.organisationId,
        trajectoryId: row.id,
        position: g.position,
        title: g.title,
        rationale: g.rationale,
        successCriteria: g.successCriteria,
        originGoalId: g.id,
      })),
    );
  await recordAudit(tx, actor, {
    type: "trajectory.created",
    subjectType: "trajectory",
    subjectId: row.id,
    after: { title: loaded.row.title, regime: regime.key, escalatedFrom: loaded.row.id },
  });
  return row.id;
}
