import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { eventSessions, events } from "../../db/schema.js";
import { diff } from "../../domain/audit.js";
import type { UpdateEventInput } from "../../domain/events/api.js";
import { registrationOpen } from "../../domain/events/places.js";
import { canOrganiseEvents } from "../../domain/events/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { conflict, forbidden, invalid } from "../http/problem.js";
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
 * An organiser changes an event: what, when, where, and the title and capacity of its sessions.
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
    "event.unknownSession" | { key: "event.capacityBelowTaken"; values: { taken: number } }
  > = {};
  for (const [index, change] of input.sessions.entries()) {
    if (!sessions.some((s) => s.id === change.id)) errors[`sessions.${index}.id`] = "event.unknownSession";
    const taken = lines.filter((l) => l.sessionId === change.id && l.status === "registered").length;
    if (change.capacity < taken)
      errors[`sessions.${index}.capacity`] = { key: "event.capacityBelowTaken", values: { taken } };
  }
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
    await tx
      .update(eventSessions)
      .set({ title: change.title, capacity: change.capacity })
      .where(and(eq(eventSessions.id, change.id), eq(eventSessions.organisationId, actor.organisationId)));
  const changes = diff(shown(loaded.event), shown(values));
  const sessionChanges = input.sessions.filter((c) => {
    const before = sessions.find((s) => s.id === c.id);
    return before && (before.title !== c.title || before.capacity !== c.capacity);
  });
  if (Object.keys(changes.after).length || sessionChanges.length)
    await recordAudit(tx, actor, {
      type: "event.updated",
      subjectType: "event",
      subjectId: eventId,
      before: changes.before,
      after: {
        ...changes.after,
        ...(sessionChanges.length
          ? { session: sessionChanges.map((c) => `${c.title} (${c.capacity})`).join(", ") }
          : {}),
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
      { id: change.id, title: change.title, capacity: change.capacity },
      await openLines(tx, actor.organisationId, eventId),
      mail,
    );
  }
  return eventId;
}
