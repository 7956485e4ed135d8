import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { memberships, trajectories, trajectoryParticipants } from "../../db/schema.js";
import type { Locale, ParticipantRole, Regime } from "../../domain/regimes/schema.js";
import { type Actor, hasRole } from "../../domain/roles.js";
import type { CreateTrajectoryInput } from "../../domain/trajectories/api.js";
import { canStartTrajectory, mayTakePart, PARTICIPANT_ORG_ROLES } from "../../domain/trajectories/policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid } from "../http/problem.js";
import { findRegime, storeRegimeVersion } from "../regimes/service.js";
import { createFirstDeclarations } from "./first-declarations.js";
import { eligibilityToKeep, judgeGuides } from "./guide-eligibility.js";

/** Person ids (memberships) to user ids, refusing anyone without the role their part needs. */
async function resolveParticipants(
  tx: Tx,
  actor: Actor,
  regime: Regime,
  wanted: { role: ParticipantRole; field: string; personIds: string[] }[],
) {
  const ids = [...new Set(wanted.flatMap((w) => w.personIds))];
  const rows = ids.length
    ? await tx
        .select({
          id: memberships.id,
          userId: memberships.userId,
          roles: memberships.roles,
          status: memberships.status,
        })
        .from(memberships)
        .where(and(eq(memberships.organisationId, actor.organisationId), oneOf(memberships.id, ids)))
    : [];
  const participants: { userId: string; role: ParticipantRole }[] = [];
  for (const { role, field, personIds } of wanted) {
    const rule = regime.participants.find((p) => p.role === role);
    const max = rule?.max ?? 0;
    const minimum = rule?.min ?? 0;
    if (personIds.length < minimum || personIds.length > max)
      throw invalid({ [field]: { key: "field.participantCount", values: { min: minimum, max } } });
    for (const personId of personIds) {
      const person = rows.find((r) => r.id === personId);
      if (!mayTakePart(person, role))
        throw invalid({
          [field]: { key: "field.personRole", values: { role: PARTICIPANT_ORG_ROLES[role].join(", ") } },
        });
      participants.push({ userId: person.userId, role });
    }
  }
  return participants;
}

/**
 * The opdrachtgever starts a trajectory: the regime as it is today, the people, the period.
 * Where the regime has a guide rule, every guide is judged on the start date: a guide it does
 * not allow is refused at the field, the judgement of the others is kept with the trajectory.
 */
export async function createTrajectory(tx: Tx, actor: Actor, input: CreateTrajectoryInput, locale: Locale = "nl") {
  if (!canStartTrajectory(actor.roles)) throw forbidden();
  const regime = await findRegime(tx, actor, input.regimeKey);
  if (!regime) throw invalid({ regimeKey: "field.unknownRegime" });
  if (input.endsOn < input.startsOn) throw invalid({ endsOn: "field.dateRangeInvalid" });

  let commissionerIds = input.commissionerId ? [input.commissionerId] : [];
  if (!input.commissionerId && hasRole(actor, "client")) commissionerIds = [actor.membershipId];
  const participants = await resolveParticipants(tx, actor, regime, [
    { role: "trainee", field: "traineeId", personIds: [input.traineeId] },
    { role: "guide", field: "guideIds", personIds: input.guideIds },
    { role: "commissioner", field: "commissionerId", personIds: commissionerIds },
    { role: "school", field: "schoolContactId", personIds: input.schoolContactId ? [input.schoolContactId] : [] },
  ]);
  const guideEligibility = regime.guideRule
    ? eligibilityToKeep(
        await judgeGuides(
          tx,
          actor,
          regime.guideRule,
          { guideIds: input.guideIds, traineeId: input.traineeId, commissionerIds },
          input.startsOn,
        ),
        input.startsOn,
        locale,
      )
    : null;

  const [row] = await tx
    .insert(trajectories)
    .values({
      organisationId: actor.organisationId,
      regimeHash: await storeRegimeVersion(tx, actor, regime),
      regimeKey: regime.key,
      title: input.title,
      status: regime.initialStatus,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      intensity: regime.defaultIntensity,
      guideEligibility,
      createdBy: actor.userId,
    })
    .returning({ id: trajectories.id });
  if (!row) throw new Error("insert returned nothing");
  await tx
    .insert(trajectoryParticipants)
    .values(participants.map((p) => ({ organisationId: actor.organisationId, trajectoryId: row.id, ...p })));
  await createFirstDeclarations(tx, { organisationId: actor.organisationId, id: row.id, regime });
  await recordAudit(tx, actor, {
    type: "trajectory.created",
    subjectType: "trajectory",
    subjectId: row.id,
    after: {
      title: input.title,
      regime: regime.key,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      ...(guideEligibility ? { guideEligibility: guideEligibility.verdict } : {}),
    },
  });
  return row.id;
}
