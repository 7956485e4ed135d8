import type { Tx } from "../../db/connection.js";
import { auditEvents } from "../../db/schema.js";
import type { AuditEvent } from "../../domain/audit.js";
import type { Actor } from "../../domain/roles.js";

/** Writes an audit entry in the caller's transaction, so it lands with the change or not at all. */
export async function recordAudit(
  tx: Tx,
  actor: Pick<Actor, "organisationId"> & { userId: string | null },
  event: AuditEvent,
) {
  await tx.insert(auditEvents).values({
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    type: event.type,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
