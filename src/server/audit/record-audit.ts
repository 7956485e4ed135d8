import type { Tx } from "../../db/connection.js";
import { auditEvents } from "../../db/schema.js";
import { type AuditEvent, parseAuditEvent } from "../../domain/audit/events.js";
import type { Actor } from "../../domain/roles.js";

type AuditActor = Pick<Actor, "organisationId" | "request"> & { userId: string | null };

/**
 * Writes audit entries in the caller's transaction, so they land with the change or not at all.
 * Each event is checked against its kind's schema first; the request's address and browser
 * come with the actor.
 */
export async function recordAuditEvents(tx: Tx, actor: AuditActor, events: readonly AuditEvent[]) {
  if (!events.length) return;
  const checked = events.map(parseAuditEvent);
  await tx.insert(auditEvents).values(
    checked.map((event) => ({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      type: event.type,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      before: "before" in event ? (event.before ?? null) : null,
      after: "after" in event ? (event.after ?? null) : null,
      ip: actor.request?.ip ?? null,
      userAgent: actor.request?.userAgent ?? null,
    })),
  );
}

export const recordAudit = (tx: Tx, actor: AuditActor, event: AuditEvent) => recordAuditEvents(tx, actor, [event]);
