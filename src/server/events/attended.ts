import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { eventAttendance, eventRegistrations, eventSessions, events } from "../../db/schema.js";
import type { AttendedEvent } from "../../domain/events/api.js";
import type { Actor } from "../../domain/roles.js";

/**
 * The events the signed-in person was checked in at, newest first, each with the sessions they
 * had a place in (a cancelled event counts for nothing): their own record, so anyone reads it for
 * themself and nobody for another. At most two statements, whatever the number of events.
 */
export async function attendedEvents(tx: Tx, actor: Actor): Promise<{ items: AttendedEvent[] }> {
  const org = actor.organisationId;
  const attended = await tx
    .select({ id: events.id, title: events.title, kind: events.kind, startsAt: events.startsAt })
    .from(eventAttendance)
    .innerJoin(
      events,
      and(eq(events.id, eventAttendance.eventId), eq(events.organisationId, org), ne(events.status, "cancelled")),
    )
    .where(and(eq(eventAttendance.organisationId, org), eq(eventAttendance.userId, actor.userId)))
    .orderBy(desc(events.startsAt))
    .limit(500);
  if (!attended.length) return { items: [] };
  const places = await tx
    .select({ eventId: eventSessions.eventId, title: eventSessions.title })
    .from(eventRegistrations)
    .innerJoin(
      eventSessions,
      and(eq(eventSessions.id, eventRegistrations.sessionId), eq(eventSessions.organisationId, org)),
    )
    .where(
      and(
        eq(eventRegistrations.organisationId, org),
        eq(eventRegistrations.userId, actor.userId),
        eq(eventRegistrations.status, "registered"),
        oneOf(
          eventRegistrations.eventId,
          attended.map((e) => e.id),
        ),
      ),
    )
    .orderBy(asc(eventSessions.round), asc(eventSessions.position));
  return {
    items: attended.map((e) => ({
      id: e.id,
      title: e.title,
      kind: e.kind,
      startsAt: e.startsAt.toISOString(),
      sessions: places.filter((p) => p.eventId === e.id).map((p) => p.title),
    })),
  };
}
