import { and, eq, max } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { goalListVersions, goals } from "../../db/schema.js";
import { diff } from "../../domain/audit.js";
import type { Regime } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import type { GoalInput } from "../../domain/trajectories/api.js";
import { goalListState, mayAddGoal, missingGoalFields } from "../../domain/trajectories/evaluate.js";
import { auditFor, canApproveGoals, canEditGoals } from "../../domain/trajectories/policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, HttpProblem, invalid, notFound } from "../http/problem.js";
import { updateVersioned } from "../tenancy.js";
import { assertOpen, goalSnapshot, loadTrajectory } from "./load-trajectory.js";

function checkRequired(regime: Regime, input: GoalInput) {
  const missing = missingGoalFields(regime, input);
  if (missing.length) throw invalid(Object.fromEntries(missing.map((field) => [field, "field.required"])));
}

async function loadForGoals(tx: Tx, actor: Actor, trajectoryId: string) {
  // Locked, so two people adding the 15th goal at once cannot make it 16.
  const loaded = await loadTrajectory(tx, actor, trajectoryId, { forUpdate: true });
  if (!canEditGoals(loaded.viewer, loaded.row.regime)) throw forbidden();
  assertOpen(loaded);
  return loaded;
}

export async function addGoal(tx: Tx, actor: Actor, trajectoryId: string, input: GoalInput) {
  const loaded = await loadForGoals(tx, actor, trajectoryId);
  const { regime } = loaded.row;
  if (!mayAddGoal(regime, loaded.goals.length))
    throw invalid({ title: { key: "field.tooManyGoals", values: { max: regime.goals.max ?? 0 } } });
  checkRequired(regime, input);
  const position = (loaded.goals.at(-1)?.position ?? 0) + 1;
  const [goal] = await tx
    .insert(goals)
    .values({
      organisationId: actor.organisationId,
      trajectoryId,
      position,
      title: input.title,
      rationale: input.rationale ?? null,
      successCriteria: input.successCriteria?.trim() || null,
    })
    .returning();
  if (!goal) throw new Error("insert returned nothing");
  await recordAudit(tx, actor, {
    type: "goal.created",
    subjectType: "goal",
    subjectId: goal.id,
    ...auditFor(regime, "goals", {
      after: { trajectoryId, title: goal.title, rationale: goal.rationale, successCriteria: goal.successCriteria },
    }),
  });
}

async function goalOf(tx: Tx, actor: Actor, goalId: string) {
  const [goal] = await tx
    .select()
    .from(goals)
    .where(and(eq(goals.id, goalId), eq(goals.organisationId, actor.organisationId)))
    .limit(1);
  if (!goal) throw notFound();
  return goal;
}

export async function updateGoal(tx: Tx, actor: Actor, goalId: string, input: GoalInput & { version: number }) {
  const goal = await goalOf(tx, actor, goalId);
  const loaded = await loadForGoals(tx, actor, goal.trajectoryId);
  checkRequired(loaded.row.regime, input);
  const values = {
    title: input.title,
    rationale: input.rationale ?? null,
    successCriteria: input.successCriteria?.trim() || null,
  };
  await updateVersioned(
    tx,
    goals,
    { id: goalId, organisationId: actor.organisationId, expectedVersion: input.version },
    values,
  );
  const { title, rationale, successCriteria } = goal;
  await recordAudit(tx, actor, {
    type: "goal.updated",
    subjectType: "goal",
    subjectId: goalId,
    ...auditFor(loaded.row.regime, "goals", diff({ title, rationale, successCriteria }, values)),
  });
  return goal.trajectoryId;
}

export async function removeGoal(tx: Tx, actor: Actor, goalId: string) {
  const goal = await goalOf(tx, actor, goalId);
  const loaded = await loadForGoals(tx, actor, goal.trajectoryId);
  // Ratings and approved lists keep their copy; the working list loses the goal.
  await tx.delete(goals).where(and(eq(goals.id, goalId), eq(goals.organisationId, actor.organisationId)));
  await recordAudit(tx, actor, {
    type: "goal.deleted",
    subjectType: "goal",
    subjectId: goalId,
    ...auditFor(loaded.row.regime, "goals", { before: { trajectoryId: goal.trajectoryId, title: goal.title } }),
  });
  return goal.trajectoryId;
}

/** The opdrachtgever approves the list as it stands; the approved list is kept as a numbered version. */
export async function approveGoals(tx: Tx, actor: Actor, trajectoryId: string) {
  const loaded = await loadTrajectory(tx, actor, trajectoryId, { forUpdate: true });
  const { regime } = loaded.row;
  if (!regime.goals.approvalByCommissioner) throw invalid({ _: "field.noApprovalNeeded" });
  if (!canApproveGoals(loaded.viewer, regime)) throw forbidden();
  assertOpen(loaded);
  const state = goalListState({
    goals: loaded.goals.map(goalSnapshot),
    approvedGoalLists: loaded.goalLists.map((l) => ({ ...l, approvedAt: l.approvedAt.toISOString() })),
  });
  if (state === "empty" || state === "approved") throw new HttpProblem(409, "field.nothingToApprove");
  const [last] = await tx
    .select({ number: max(goalListVersions.number) })
    .from(goalListVersions)
    .where(
      and(eq(goalListVersions.organisationId, actor.organisationId), eq(goalListVersions.trajectoryId, trajectoryId)),
    );
  const number = (last?.number ?? 0) + 1;
  const snapshot = loaded.goals.map(goalSnapshot);
  await tx.insert(goalListVersions).values({
    organisationId: actor.organisationId,
    trajectoryId,
    number,
    goals: snapshot,
    approvedBy: actor.userId,
  });
  await recordAudit(tx, actor, {
    type: "goals.approved",
    subjectType: "trajectory",
    subjectId: trajectoryId,
    ...auditFor(regime, "goals", { after: { number, goals: snapshot.map((g) => g.title) } }),
  });
}
