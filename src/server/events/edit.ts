import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { eventSessions, events, eventTrainers } from "../../db/schema.js";
import { diff } from "../../domain/audit.js";
import { MAX_SESSIONS, type UpdateEventInput } from "../../domain/events/api.js";
import { registrationOpen } from "../../domain/events/places.js";
import { canOrganiseEvents } from "../../domain/events/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { conflict, forbidden, invalid } from "../http/problem.js";
import { activeColleaguesAmong } from "../people/colleagues.js";
import { updateVersioned } from "../tenancy.js";
import { checkWhenAndWhere, eventSessionsOf, openLines } from "./events.js";
import { type EventRow, loadEvent } from "./load.js";
import type { EventMail } from "./mail.js";
import { fillFromWaitingList } from "./registrations.js";

const shown = (e: Pick<EventRow, "title" | "kind" | "audience" | "place" | "onlineUrl"> & Record<string, unknown>) => ({
  title: e.title,
  kind: e.kind,
  audience: e.audience,
  startsAt: (e.startsAt as Date).toISOString(),
  endsAt: (e.endsAt as Date).toISOString(),
  place: e.place,
  onlineUrl: e.onlineUrl,
  registrationDeadline: (e.registrationDeadline as Date).toISOString(),
});

/**
 * The trainers asked for, checked: each an active member of the organisation (the index of the
 * first who is not, else -1), whether they differ from the event's, and both lists by name.
 */
async function changedTrainers(tx: Tx, actor: Actor, eventId: string, asked: readonly string[]) {
  const ids = [...new Set(asked)];
  const current = await tx
    .select({ userId: eventTrainers.userId })
    .from(eventTrainers)
    .where(and(eq(eventTrainers.organisationId, actor.organisationId), eq(eventTrainers.eventId, eventId)));
  const known = await activeColleaguesAmong(tx, actor.organisationId, [...ids, ...current.map((c) => c.userId)]);
  const unknown = asked.findIndex((id) => !known.has(id));
  const before = current.map((c) => c.userId);
  const changed = before.length !== ids.length || ids.some((id) => !before.includes(id));
  const names = (list: readonly string[]) =>
    list
      .map((id) => known.get(id) ?? "")
      .sort((a, b) => a.localeCompare(b, "nl"))
      .join(", ");
  return { ids, unknown, changed, before: names(before), after: names(ids) };
}

async function replaceTrainers(tx: Tx, actor: Actor, eventId: string, ids: readonly string[]) {
  await tx
    .delete(eventTrainers)
    .where(and(eq(eventTrainers.organisationId, actor.organisationId), eq(eventTrainers.eventId, eventId)));
  if (ids.length)
    await tx
      .insert(eventTrainers)
      .values(ids.map((userId) => ({ organisationId: actor.organisationId, eventId, userId })));
}

/**
 * An organiser changes an event: what, when, where, who gives it, the title and capacity of its
 * sessions, and sessions added (in a round of their choosing).
 * A capacity is never set below the places taken; a raised one is filled from its waiting list
 * at once (before the deadline), and those who move up are told.
 */
export async function updateEvent(
  tx: Tx,
  actor: Actor,
  eventId: string,
  input: UpdateEventInput,
  mail: EventMail,
  now = new Date(),
) {
  const loaded = await loadEvent(tx, actor, eventId, { forUpdate: true });
  if (!canOrganiseEvents(actor)) throw forbidden();
  if (loaded.event.version !== input.version) throw conflict();
  if (loaded.event.status === "cancelled") throw invalid({}, "event.cancelled");
  const { startsAt, endsAt, deadline, place } = checkWhenAndWhere(input);
  const sessions = await eventSessionsOf(tx, actor.organisationId, eventId);
  const lines = await openLines(tx, actor.organisationId, eventId);
  const errors: Record<
    string,
    | "event.unknownSession"
    | "field.required"
    | "field.notColleague"
    | "event.tooManySessions"
    | { key: "event.capacityBelowTaken"; values: { taken: number } }
  > = {};
  for (const [index, change] of input.sessions.entries()) {
    if (change.id === undefined) {
      if (change.round === undefined) errors[`sessions.${index}.round`] = "field.required";
      continue;
    }
    if (!sessions.some((s) => s.id === change.id)) errors[`sessions.${index}.id`] = "event.unknownSession";
    const taken = lines.filter((l) => l.sessionId === change.id && l.status === "registered").length;
    if (change.capacity < taken)
      errors[`sessions.${index}.capacity`] = { key: "event.capacityBelowTaken", values: { taken } };
  }
  const added = input.sessions.filter((c) => c.id === undefined);
  if (sessions.length + added.length > MAX_SESSIONS) errors.sessions = "event.tooManySessions";
  const trainers = input.trainerIds && (await changedTrainers(tx, actor, eventId, input.trainerIds));
  if (trainers && trainers.unknown >= 0) errors[`trainerIds.${trainers.unknown}`] = "field.notColleague";
  if (Object.keys(errors).length) throw invalid(errors);

  const values = {
    title: input.title,
    kind: input.kind,
    audience: input.audience,
    description: input.description,
    startsAt,
    endsAt,
    place,
    onlineUrl: input.onlineUrl,
    registrationDeadline: deadline,
  };
  const updated = (await updateVersioned(
    tx,
    events,
    { id: eventId, organisationId: actor.organisationId, expectedVersion: input.version },
    values,
  )) as EventRow;
  for (const change of input.sessions)
    if (change.id)
      await tx
        .update(eventSessions)
        .set({ title: change.title, capacity: change.capacity })
        .where(and(eq(eventSessions.id, change.id), eq(eventSessions.organisationId, actor.organisationId)));
  const positions = new Map<number, number>();
  for (const s of sessions) positions.set(s.round, Math.max(positions.get(s.round) ?? 0, s.position));
  for (const change of added) {
    const round = change.round ?? 1;
    const position = (positions.get(round) ?? 0) + 1;
    positions.set(round, position);
    await tx.insert(eventSessions).values({
      organisationId: actor.organisationId,
      eventId,
      round,
      position,
      title: change.title,
      capacity: change.capacity,
    });
  }
  if (trainers?.changed) await replaceTrainers(tx, actor, eventId, trainers.ids);

  const changes = diff(shown(loaded.event), shown(values));
  const sessionChanges = input.sessions.filter((c) => {
    const before = sessions.find((s) => s.id === c.id);
    return !before || before.title !== c.title || before.capacity !== c.capacity;
  });
  if (Object.keys(changes.after).length || sessionChanges.length || trainers?.changed)
    await recordAudit(tx, actor, {
      type: "event.updated",
      subjectType: "event",
      subjectId: eventId,
      before: { ...changes.before, ...(trainers?.changed ? { member: trainers.before } : {}) },
      after: {
        ...changes.after,
        ...(sessionChanges.length
          ? { session: sessionChanges.map((c) => `${c.title} (${c.capacity})`).join(", ") }
          : {}),
        ...(trainers?.changed ? { member: trainers.after } : {}),
      },
    });
  if (!registrationOpen(updated.registrationDeadline, now)) return eventId;
  for (const change of input.sessions) {
    const before = sessions.find((s) => s.id === change.id);
    if (!before || change.capacity <= before.capacity) continue;
    await fillFromWaitingList(
      tx,
      actor,
      { ...loaded, event: updated },
      { id: before.id, title: change.title, capacity: change.capacity },
      await openLines(tx, actor.organisationId, eventId),
      mail,
    );
  }
  return eventId;
}
