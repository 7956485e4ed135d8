import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { memberships, trainerCertificates, trainerProfiles, trainerRequests } from "../../db/schema.js";
import { diff } from "../../domain/audit.js";
import { dutchToday } from "../../domain/dutch-time.js";
import type { Actor } from "../../domain/roles.js";
import type {
  AnswerRequestInput,
  CertifyInput,
  TrainerOverview,
  TrainerProfileInput,
  TrainerRequestInput,
} from "../../domain/trainers/api.js";
import {
  canAnswerTrainerRequests,
  canCertifyTrainers,
  canEditTrainerProfile,
  canRequestTrainers,
  canViewTrainers,
  trainerAbilities,
} from "../../domain/trainers/policy.js";
import { certificateState, MIN_TRAINERS, trainerCounts, validUntilFor } from "../../domain/trainers/pool.js";
import { recordAudit } from "../audit/record-audit.js";
import { conflict, forbidden, invalid, notFound } from "../http/problem.js";
import { mailTrainerRequest, type RequestNews, type TrainerMail } from "./mail.js";
import { memberOrganisations, type PoolTrainer, trainerPool } from "./pool.js";
import { supervisedFor, supervisorsIn } from "./supervision.js";

/** How many requests the overview lists, newest first. */
const REQUESTS_SHOWN = 100;

/**
 * The trainers page: the pool (own and network members' trainers), the count per member with the
 * warning below two certified, and the requests between the actor's organisation and others. A
 * trainer who only trains sees the pool and the requests that name them.
 */
export async function getTrainers(tx: Tx, actor: Actor): Promise<TrainerOverview> {
  if (!canViewTrainers(actor)) throw forbidden();
  const { networkId, members, certificateValidityMonths } = await memberOrganisations(tx, actor);
  const pool = await trainerPool(tx);
  const ownVersions = await tx
    .select({ userId: trainerProfiles.userId, version: trainerProfiles.version })
    .from(trainerProfiles)
    .where(eq(trainerProfiles.organisationId, actor.organisationId));
  const versionOf = new Map(ownVersions.map((v) => [v.userId, v.version]));
  const orgName = new Map(members.map((m) => [m.id, m.name]));
  const today = dutchToday();
  const supervised = await supervisedFor(tx, actor, pool);
  const trainers = pool
    .map((t) => {
      const own = t.organisationId === actor.organisationId;
      const state = certificateState(t.certificate, today);
      return {
        personId: t.personId,
        name: t.name,
        organisationName: orgName.get(t.organisationId) ?? "",
        own,
        topics: t.topics,
        weekdays: t.weekdays,
        availability: t.availability,
        certificate: t.certificate && state !== "none" ? { ...t.certificate, state } : null,
        trainingsGiven: t.trainingsGiven,
        trainingsAttended: t.trainingsAttended,
        modulesCompleted: t.modulesCompleted,
        supervisedSignedOff: t.supervisedSignedOff,
        supervised: own ? (supervised.get(t.userId) ?? []) : [],
        version: own ? (versionOf.get(t.userId) ?? null) : null,
        mayEdit: own && canEditTrainerProfile(actor, t.userId),
      };
    })
    .sort(
      (a, b) =>
        Number(b.own) - Number(a.own) ||
        a.organisationName.localeCompare(b.organisationName, "nl") ||
        a.name.localeCompare(b.name, "nl"),
    );
  const abilities = trainerAbilities(actor);
  const counts = trainerCounts(
    members.map((m) => m.id),
    pool,
    today,
  );
  return {
    inNetwork: networkId !== null,
    minimum: MIN_TRAINERS,
    certificateValidityMonths,
    trainers,
    members: counts.map(({ organisationId, ...c }) => ({
      name: orgName.get(organisationId) ?? "",
      own: organisationId === actor.organisationId,
      ...c,
    })),
    requests: await requestsFor(tx, actor, pool, orgName),
    abilities: { ...abilities, request: abilities.request && networkId !== null },
    supervisors: supervisorsIn(pool, actor.organisationId, today),
  };
}

async function requestsFor(tx: Tx, actor: Actor, pool: PoolTrainer[], orgName: Map<string, string>) {
  const organiser = canAnswerTrainerRequests(actor) || canRequestTrainers(actor);
  const scope = or(
    eq(trainerRequests.organisationId, actor.organisationId),
    eq(trainerRequests.fromOrganisationId, actor.organisationId),
  );
  const rows = await tx
    .select()
    .from(trainerRequests)
    .where(
      organiser
        ? scope
        : and(eq(trainerRequests.organisationId, actor.organisationId), eq(trainerRequests.trainerId, actor.userId)),
    )
    .orderBy(desc(trainerRequests.createdAt), desc(trainerRequests.id))
    .limit(REQUESTS_SHOWN);
  const nameOf = new Map(pool.map((t) => [`${t.organisationId}/${t.userId}`, t.name]));
  return rows.map((r) => ({
    id: r.id,
    direction: r.organisationId === actor.organisationId ? ("incoming" as const) : ("outgoing" as const),
    trainerName: nameOf.get(`${r.organisationId}/${r.trainerId}`) ?? "",
    trainerOrganisationName: orgName.get(r.organisationId) ?? "",
    fromOrganisationName: orgName.get(r.fromOrganisationId) ?? "",
    topic: r.topic,
    wantedOn: r.wantedOn,
    message: r.message,
    status: r.status,
    answer: r.answer,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  }));
}

function normalise(input: TrainerProfileInput) {
  const seen = new Set<string>();
  const topics = input.topics.filter((t) => {
    const key = t.toLocaleLowerCase("nl");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { topics, weekdays: [...new Set(input.weekdays)].sort((a, b) => a - b), availability: input.availability };
}

/** A trainer's topics and availability, kept by the trainer or the organisation's organisers. */
export async function updateTrainerProfile(tx: Tx, actor: Actor, personId: string, input: TrainerProfileInput) {
  const [person] = await tx
    .select({ userId: memberships.userId, roles: memberships.roles, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.id, personId), eq(memberships.organisationId, actor.organisationId)));
  if (person?.status !== "active" || !person.roles.includes("trainer")) throw notFound();
  if (!canEditTrainerProfile(actor, person.userId)) throw forbidden();
  const values = normalise(input);
  const key = and(eq(trainerProfiles.organisationId, actor.organisationId), eq(trainerProfiles.userId, person.userId));
  const [before] = await tx.select().from(trainerProfiles).where(key).for("update");
  if ((before?.version ?? undefined) !== input.version) throw conflict();
  if (before) {
    await tx
      .update(trainerProfiles)
      .set({ ...values, version: before.version + 1, updatedAt: sql`now()` })
      .where(key);
  } else {
    await tx.insert(trainerProfiles).values({ organisationId: actor.organisationId, userId: person.userId, ...values });
  }
  const old = before
    ? { topics: before.topics, weekdays: before.weekdays, availability: before.availability }
    : { topics: [], weekdays: [], availability: "" };
  await recordAudit(tx, actor, {
    type: "trainer.profileUpdated",
    subjectType: "person",
    subjectId: personId,
    ...diff(old, values),
  });
}

/** A trainer of the pool by membership, or a field error at `personId`. */
async function poolTrainer(tx: Tx, personId: string) {
  const trainer = (await trainerPool(tx)).find((t) => t.personId === personId);
  if (!trainer) throw invalid({ personId: "trainer.notInPool" });
  return trainer;
}

async function networkOf(tx: Tx, actor: Actor) {
  const { networkId, members, certificateValidityMonths } = await memberOrganisations(tx, actor);
  if (!networkId) throw invalid({}, "trainer.noNetwork");
  return { networkId, certificateValidityMonths, orgName: new Map(members.map((m) => [m.id, m.name])) };
}

/** A network coordinator certifies a trainer of any member organisation of the network. */
export async function certifyTrainer(tx: Tx, actor: Actor, input: CertifyInput) {
  if (!canCertifyTrainers(actor)) throw forbidden();
  const { networkId, certificateValidityMonths, orgName } = await networkOf(tx, actor);
  const trainer = await poolTrainer(tx, input.personId);
  if (input.certifiedOn > dutchToday()) throw invalid({ certifiedOn: "trainer.certifiedInFuture" });
  // Left out, the end date follows from the network's validity; given (or null), it is the coordinator's.
  const validUntil =
    input.validUntil === undefined ? validUntilFor(input.certifiedOn, certificateValidityMonths) : input.validUntil;
  if (validUntil !== null && validUntil <= input.certifiedOn) {
    throw invalid({ validUntil: "trainer.validBeforeCertified" });
  }
  await tx.insert(trainerCertificates).values({
    networkId,
    organisationId: trainer.organisationId,
    userId: trainer.userId,
    certifiedOn: input.certifiedOn,
    validUntil,
    certifiedBy: actor.userId,
  });
  await recordAudit(tx, actor, {
    type: "trainer.certified",
    subjectType: "person",
    subjectId: trainer.personId,
    after: {
      member: trainer.name,
      organisation: orgName.get(trainer.organisationId) ?? "",
      certifiedOn: input.certifiedOn,
      validUntil,
    },
  });
}

/** Tells the other organisation of a request made or answered, in its own organisation (migration 0030). */
const tell = (tx: Tx, requestId: string, news: RequestNews) =>
  tx.execute(sql`SELECT app_tell_trainer_request(${requestId}::uuid, ${news})`);

/** An organiser asks a trainer of another member to give a training; that organisation is told, in Koers and by e-mail. */
export async function requestTrainer(tx: Tx, actor: Actor, input: TrainerRequestInput, mail: TrainerMail | null) {
  if (!canRequestTrainers(actor)) throw forbidden();
  const { networkId, orgName } = await networkOf(tx, actor);
  const trainer = await poolTrainer(tx, input.personId);
  if (trainer.organisationId === actor.organisationId) throw invalid({ personId: "trainer.ownOrganisation" });
  if (input.wantedOn < dutchToday()) throw invalid({ wantedOn: "trainer.wantedInPast" });
  const [made] = await tx
    .insert(trainerRequests)
    .values({
      networkId,
      fromOrganisationId: actor.organisationId,
      organisationId: trainer.organisationId,
      trainerId: trainer.userId,
      topic: input.topic,
      wantedOn: input.wantedOn,
      message: input.message,
      requestedBy: actor.userId,
    })
    .returning({ id: trainerRequests.id });
  if (made) {
    await tell(tx, made.id, "trainerRequest.received");
    if (mail) {
      const own = orgName.get(actor.organisationId) ?? "";
      await mailTrainerRequest(tx, { id: made.id, ...input }, "trainerRequest.received", own, mail);
    }
  }
  await recordAudit(tx, actor, {
    type: "trainer.requested",
    subjectType: "trainerRequest",
    subjectId: made?.id ?? "",
    after: {
      member: trainer.name,
      organisation: orgName.get(trainer.organisationId) ?? "",
      topic: input.topic,
      wantedOn: input.wantedOn,
    },
  });
}

/** An open request of one side (`side` says which column names the actor's organisation), locked. */
async function openRequest(tx: Tx, actor: Actor, requestId: string, side: "to" | "from", version: number) {
  const column = side === "to" ? trainerRequests.organisationId : trainerRequests.fromOrganisationId;
  const [request] = await tx
    .select()
    .from(trainerRequests)
    .where(and(eq(trainerRequests.id, requestId), eq(column, actor.organisationId)))
    .for("update");
  if (!request) throw notFound();
  if (request.version !== version) throw conflict();
  if (request.status !== "open") throw invalid({}, "trainer.requestClosed");
  const trainer = (await trainerPool(tx)).find(
    (t) => t.organisationId === request.organisationId && t.userId === request.trainerId,
  );
  const { orgName } = await networkOf(tx, actor);
  return {
    request,
    facts: { member: trainer?.name ?? "", organisation: orgName.get(request.organisationId) ?? "" },
  };
}

/** The trainer's organisation accepts or declines; the asking organisation is told, in Koers and by e-mail. */
export async function answerTrainerRequest(
  tx: Tx,
  actor: Actor,
  requestId: string,
  input: AnswerRequestInput,
  mail: TrainerMail,
) {
  if (!canAnswerTrainerRequests(actor)) throw forbidden();
  const { request, facts } = await openRequest(tx, actor, requestId, "to", input.version);
  const status = input.accept ? "accepted" : "declined";
  await tx
    .update(trainerRequests)
    .set({
      status,
      answer: input.answer,
      answeredBy: actor.userId,
      answeredAt: sql`now()`,
      version: request.version + 1,
    })
    .where(eq(trainerRequests.id, request.id));
  const news = input.accept ? "trainerRequest.accepted" : "trainerRequest.declined";
  await tell(tx, request.id, news);
  // The answering organisation is the trainer's: the caller's own, named in the facts.
  await mailTrainerRequest(tx, request, news, facts.organisation, mail);
  await recordAudit(tx, actor, {
    type: "trainer.requestAnswered",
    subjectType: "trainerRequest",
    subjectId: request.id,
    after: { ...facts, status },
  });
}

/** The asking organisation withdraws a request not yet answered. */
export async function withdrawTrainerRequest(tx: Tx, actor: Actor, requestId: string, version: number) {
  if (!canRequestTrainers(actor)) throw forbidden();
  const { request, facts } = await openRequest(tx, actor, requestId, "from", version);
  await tx
    .update(trainerRequests)
    .set({ status: "withdrawn", version: request.version + 1 })
    .where(eq(trainerRequests.id, request.id));
  await recordAudit(tx, actor, {
    type: "trainer.requestWithdrawn",
    subjectType: "trainerRequest",
    subjectId: request.id,
    after: { ...facts, status: "withdrawn" },
  });
}
