import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { memberships, supervisedTrainings } from "../../db/schema.js";
import { dutchToday } from "../../domain/dutch-time.js";
import type { Actor } from "../../domain/roles.js";
import type { SupervisedTrainingInput, TrainerView } from "../../domain/trainers/api.js";
import { canEditTrainerProfile, canOrganiseTrainers } from "../../domain/trainers/policy.js";
import { certificateState, counts } from "../../domain/trainers/pool.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid, notFound } from "../http/problem.js";
import { type PoolTrainer, trainerPool } from "./pool.js";

/**
 * The train-the-trainer path: a trainer in training records the trainings they gave under the
 * supervision of a certified trainer of their organisation, who signs each off with feedback. The
 * network's coordinator sees how many were signed off (app_trainer_pool), never the feedback.
 */

/** The organisation's trainers whose certificate counts today: who may supervise. */
export const supervisorsIn = (pool: PoolTrainer[], organisationId: string, today = dutchToday()) =>
  pool
    .filter((t) => t.organisationId === organisationId && counts(certificateState(t.certificate, today)))
    .map((t) => ({ userId: t.userId, personId: t.personId, name: t.name }));

/**
 * The supervised trainings of the organisation's trainers that the actor may read: their own,
 * those they supervise, and all for the organisers. By trainer (account id).
 */
export async function supervisedFor(tx: Tx, actor: Actor, pool: PoolTrainer[]) {
  const rows = await tx
    .select()
    .from(supervisedTrainings)
    .where(eq(supervisedTrainings.organisationId, actor.organisationId))
    .orderBy(asc(supervisedTrainings.givenOn), asc(supervisedTrainings.createdAt));
  const nameOf = new Map(pool.filter((t) => t.organisationId === actor.organisationId).map((t) => [t.userId, t.name]));
  const organiser = canOrganiseTrainers(actor);
  const byTrainer = new Map<string, TrainerView["supervised"]>();
  for (const row of rows) {
    if (!organiser && row.userId !== actor.userId && row.supervisorId !== actor.userId) continue;
    const list = byTrainer.get(row.userId) ?? [];
    list.push({
      id: row.id,
      givenOn: row.givenOn,
      title: row.title,
      supervisorName: nameOf.get(row.supervisorId) ?? "",
      signedOff: row.signedOffAt !== null,
      feedback: row.feedback,
      maySignOff: row.signedOffAt === null && row.supervisorId === actor.userId,
    });
    byTrainer.set(row.userId, list);
  }
  return byTrainer;
}

/** The trainer (or an organiser for them) records a training given under supervision. */
export async function recordSupervisedTraining(tx: Tx, actor: Actor, personId: string, input: SupervisedTrainingInput) {
  const pool = await trainerPool(tx);
  const trainer = pool.find((t) => t.personId === personId && t.organisationId === actor.organisationId);
  if (!trainer) throw notFound();
  if (!canEditTrainerProfile(actor, trainer.userId)) throw forbidden();
  if (input.givenOn > dutchToday()) throw invalid({ givenOn: "trainer.givenInFuture" });
  const supervisor = supervisorsIn(pool, actor.organisationId).find((s) => s.userId === input.supervisorId);
  if (!supervisor || supervisor.userId === trainer.userId) {
    throw invalid({ supervisorId: "trainer.supervisorNotCertified" });
  }
  await tx.insert(supervisedTrainings).values({
    organisationId: actor.organisationId,
    userId: trainer.userId,
    givenOn: input.givenOn,
    title: input.title,
    supervisorId: supervisor.userId,
    createdBy: actor.userId,
  });
  await recordAudit(tx, actor, {
    type: "trainer.supervisedTrainingRecorded",
    subjectType: "person",
    subjectId: personId,
    after: { member: trainer.name, title: input.title, givenOn: input.givenOn, supervisor: supervisor.name },
  });
}

/** The supervisor signs a training off, with feedback for the trainer. */
export async function signOffSupervisedTraining(tx: Tx, actor: Actor, trainingId: string, feedback: string) {
  const [row] = await tx
    .select({ training: supervisedTrainings, personId: memberships.id })
    .from(supervisedTrainings)
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, supervisedTrainings.userId),
        eq(memberships.organisationId, supervisedTrainings.organisationId),
      ),
    )
    .where(and(eq(supervisedTrainings.id, trainingId), eq(supervisedTrainings.organisationId, actor.organisationId)))
    .for("update", { of: supervisedTrainings });
  if (!row) throw notFound();
  const { training, personId } = row;
  if (training.supervisorId !== actor.userId) throw forbidden();
  if (training.signedOffAt !== null) throw invalid({}, "trainer.alreadySignedOff");
  await tx
    .update(supervisedTrainings)
    .set({ signedOffAt: sql`now()`, feedback })
    .where(eq(supervisedTrainings.id, training.id));
  const trainer = (await trainerPool(tx)).find((t) => t.personId === personId);
  await recordAudit(tx, actor, {
    type: "trainer.supervisedTrainingSignedOff",
    subjectType: "person",
    subjectId: personId,
    after: { member: trainer?.name ?? "", title: training.title, givenOn: training.givenOn },
  });
}
