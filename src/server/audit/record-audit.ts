import type { Tx } from "../../db/connection.js";
import { auditEvents } from "../../db/schema.js";
import type { AuditEvent } from "../../domain/audit.js";
import type { Actor } from "../../domain/roles.js";

type AuditActor = Pick<Actor, "organisationId"> & { userId: string | null };

/** Writes audit entries in the caller's transaction, so they land with the change or not at all. */
export async function recordAuditEvents(tx: Tx, actor: AuditActor, events: readonly AuditEvent[]) {
  if (!events.length) return;
  await tx.insert(auditEvents).values(
    events.map((event) => ({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      type: event.type,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      before: event.before ?? null,
      after: event.after ?? null,
    })),
  );
}

export const recordAudit = (tx: Tx, actor: AuditActor, event: AuditEvent) => recordAuditEvents(tx, actor, [event]);
