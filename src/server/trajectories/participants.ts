import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { memberships, trajectoryParticipants } from "../../db/schema.js";
import type { ParticipantRole } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import {
  canManageParticipants,
  mayTakePart,
  optionalRoles,
  PARTICIPANT_ORG_ROLES,
} from "../../domain/trajectories/policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid } from "../http/problem.js";
import { assertOpen, loadTrajectory } from "./load-trajectory.js";

interface ParticipantChange {
  personId: string;
  role: ParticipantRole;
}

/** The trajectory, if this actor may change who takes part, and the role may change while it runs. */
async function loadForChange(tx: Tx, actor: Actor, trajectoryId: string, role: ParticipantRole) {
  const loaded = await loadTrajectory(tx, actor, trajectoryId, { forUpdate: true });
  if (!canManageParticipants(loaded.viewer, loaded.row.regime)) throw forbidden();
  assertOpen(loaded);
  if (!optionalRoles(loaded.row.regime).includes(role)) throw invalid({ role: "field.roleNotOptional" });
  return loaded;
}

/**
 * Adds a person in a part the trajectory can do without, while it runs: a co-guide of the care
 * team, the school's BPV-docent once known, an opdrachtgever. The person needs the organisation
 * role of that part; the regime's maximum holds.
 */
export async function addParticipant(tx: Tx, actor: Actor, trajectoryId: string, change: ParticipantChange) {
  const loaded = await loadForChange(tx, actor, trajectoryId, change.role);
  const [person] = await tx
    .select({ userId: memberships.userId, roles: memberships.roles, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.id, change.personId)))
    .limit(1);
  if (!mayTakePart(person, change.role))
    throw invalid({
      personId: { key: "field.personRole", values: { role: PARTICIPANT_ORG_ROLES[change.role].join(", ") } },
    });
  const inRole = loaded.participants.filter((p) => p.role === change.role);
  if (inRole.some((p) => p.userId === person.userId)) throw invalid({ personId: "field.alreadyParticipant" });
  const max = loaded.row.regime.participants.find((p) => p.role === change.role)?.max ?? 0;
  if (inRole.length >= max) throw invalid({ role: { key: "field.participantCount", values: { min: 0, max } } });
  await tx.insert(trajectoryParticipants).values({
    organisationId: actor.organisationId,
    trajectoryId,
    userId: person.userId,
    role: change.role,
  });
  await recordAudit(tx, actor, {
    type: "trajectory.participantAdded",
    subjectType: "trajectory",
    subjectId: trajectoryId,
    after: { role: change.role, personId: change.personId },
  });
}

/** Removes a person from a part the trajectory can do without; what they wrote stays. */
export async function removeParticipant(tx: Tx, actor: Actor, trajectoryId: string, change: ParticipantChange) {
  const loaded = await loadForChange(tx, actor, trajectoryId, change.role);
  const found = loaded.participants.find((p) => p.personId === change.personId && p.role === change.role);
  if (!found) throw invalid({ personId: "field.notParticipant" });
  await tx
    .delete(trajectoryParticipants)
    .where(
      and(
        eq(trajectoryParticipants.organisationId, actor.organisationId),
        eq(trajectoryParticipants.trajectoryId, trajectoryId),
        eq(trajectoryParticipants.userId, found.userId),
        eq(trajectoryParticipants.role, change.role),
      ),
    );
  await recordAudit(tx, actor, {
    type: "trajectory.participantRemoved",
    subjectType: "trajectory",
    subjectId: trajectoryId,
    before: { role: change.role, personId: change.personId },
  });
}
