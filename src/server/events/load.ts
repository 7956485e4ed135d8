import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { eventRegistrations, events, eventTrainers } from "../../db/schema.js";
import { canSeeEvent, type EventViewer } from "../../domain/events/policy.js";
import type { Actor } from "../../domain/roles.js";
import { notFound } from "../http/problem.js";

export type EventRow = typeof events.$inferSelect;

export interface LoadedEvent {
  event: EventRow;
  viewer: EventViewer & { userId: string };
}

/**
 * An event of the actor's organisation as the actor may see it, or 404. With `forUpdate` the
 * event's row is locked until the transaction ends: every change to its places takes this lock
 * first, so two registrations for one event are decided one after the other.
 */
export async function loadEvent(
  tx: Tx,
  actor: Actor,
  eventId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedEvent> {
  const query = tx
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), eq(events.organisationId, actor.organisationId)));
  const [event] = options.forUpdate ? await query.for("update") : await query;
  if (!event) throw notFound();
  const [trainer] = await tx
    .select({ userId: eventTrainers.userId })
    .from(eventTrainers)
    .where(
      and(
        eq(eventTrainers.organisationId, actor.organisationId),
        eq(eventTrainers.eventId, eventId),
        eq(eventTrainers.userId, actor.userId),
      ),
    );
  const [line] = await tx
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.organisationId, actor.organisationId),
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.userId, actor.userId),
        ne(eventRegistrations.status, "cancelled"),
      ),
    )
    .limit(1);
  const viewer = { roles: actor.roles, trainer: trainer !== undefined, participant: line !== undefined };
  if (!canSeeEvent(viewer, event.audience)) throw notFound();
  return { event, viewer: { ...viewer, userId: actor.userId } };
}
