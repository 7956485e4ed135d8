import type { Tx } from "../../db/connection.js";
import { trajectories } from "../../db/schema.js";
import { diff } from "../../domain/audit.js";
import type { Actor } from "../../domain/roles.js";
import type { UpdatePlanInput } from "../../domain/trajectories/api.js";
import { meetingType } from "../../domain/trajectories/evaluate.js";
import { planFieldProblems } from "../../domain/trajectories/plan.js";
import { auditFor, canConsent, canEditPlan } from "../../domain/trajectories/policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid } from "../http/problem.js";
import { updateVersioned } from "../tenancy.js";
import { assertOpen, loadTrajectory } from "./load-trajectory.js";

/** The guide records the intake and writes the plan: the regime's fields, rhythm and evaluation moments. */
export async function updatePlan(tx: Tx, actor: Actor, trajectoryId: string, input: UpdatePlanInput) {
  const loaded = await loadTrajectory(tx, actor, trajectoryId);
  if (!canEditPlan(loaded.viewer, loaded.row.regime)) throw forbidden();
  assertOpen(loaded);
  const { regime } = loaded.row;
  const problems = planFieldProblems(regime, input.plan);
  if (problems.length)
    throw invalid(
      Object.fromEntries(
        problems.map((p) => [
          `plan.${p.field}`,
          p.code === "unknownField" ? "field.unknownField" : "field.notAnOption",
        ]),
      ),
    );
  if (input.intensity && !meetingType(regime, input.intensity.meetingType))
    throw invalid({ "intensity.meetingType": "field.unknownMeetingType" });
  const plan = Object.fromEntries(Object.entries(input.plan).filter(([, value]) => value.trim() !== ""));
  await updateVersioned(
    tx,
    trajectories,
    { id: trajectoryId, organisationId: actor.organisationId, expectedVersion: input.version },
    { plan, intensity: input.intensity, evaluationMoments: input.evaluationMoments },
  );
  const changes = diff(
    { ...loaded.row.plan, intensity: loaded.row.intensity, evaluationMoments: loaded.row.evaluationMoments },
    { ...plan, intensity: input.intensity, evaluationMoments: input.evaluationMoments },
  );
  await recordAudit(tx, actor, {
    type: "trajectory.planUpdated",
    subjectType: "trajectory",
    subjectId: trajectoryId,
    ...auditFor(regime, "plan", changes),
  });
}

/**
 * The trainee consents item by item; each consent keeps the moment it was given. Consent is
 * only ever given here, never by someone else for them.
 */
export async function giveConsent(tx: Tx, actor: Actor, trajectoryId: string, keys: string[]) {
  const loaded = await loadTrajectory(tx, actor, trajectoryId, { forUpdate: true });
  if (!canConsent(loaded.viewer)) throw forbidden();
  assertOpen(loaded);
  const known = new Set(loaded.row.regime.consents.map((c) => c.key));
  const unknown = keys.find((key) => !known.has(key));
  if (unknown) throw invalid({ consents: "field.unknownConsent" });
  const at = new Date().toISOString();
  const consents = { ...loaded.row.consents };
  const added = keys.filter((key) => !consents[key]?.given);
  for (const key of added) consents[key] = { given: true, at };
  if (!added.length) return;
  await updateVersioned(
    tx,
    trajectories,
    { id: trajectoryId, organisationId: actor.organisationId, expectedVersion: loaded.row.version },
    { consents },
  );
  await recordAudit(tx, actor, {
    type: "trajectory.consentGiven",
    subjectType: "trajectory",
    subjectId: trajectoryId,
    after: { consents: added },
  });
}
