import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/connection.js";
import { startOfDay, startOfNextDay } from "../../db/dutch-days.js";
import { accessLog, memberships, users } from "../../db/schema.js";
import {
  ACCESS_PAGE,
  type AccessKind,
  type AccessLog,
  type AccessLogQuery,
  subjectsToLog,
} from "../../domain/privacy/access.js";
import { canSearchAccessLog } from "../../domain/privacy/policy.js";
import type { Actor } from "../../domain/roles.js";
import { forbidden, notFound } from "../http/problem.js";

/**
 * Writes down that the actor read the data of `subjects` (account ids): one row per person other
 * than the actor, in the read's own transaction, so a read that fails leaves no trace and one
 * that answers always has one (decision 0036). Reading one's own data writes nothing. Where an
 * admin reads as the person to produce their export, the admin is named (decision 0037).
 */
export async function logRead(
  tx: Tx,
  actor: Actor,
  kind: AccessKind,
  subjects: Iterable<string>,
  recordId: string | null = null,
) {
  const who = subjectsToLog(actor.userId, subjects);
  if (who.length === 0) return;
  await tx.insert(accessLog).values(
    who.map((subjectUserId) => ({
      organisationId: actor.organisationId,
      subjectUserId,
      viewerUserId: actor.readBy ?? actor.userId,
      kind,
      recordId,
    })),
  );
}

const viewerMember = alias(memberships, "viewer_member");
const viewerUser = alias(users, "viewer_user");
const subjectMember = alias(memberships, "subject_member");
const subjectUser = alias(users, "subject_user");

/** The log's rows that match `where`, newest first, with the reader and the person named as the organisation names them. */
async function readLog(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  limit: number | null = ACCESS_PAGE,
): Promise<AccessLog & { subjects: string[] }> {
  const query = tx
    .select({
      id: accessLog.id,
      at: accessLog.at,
      kind: accessLog.kind,
      recordId: accessLog.recordId,
      subjectId: accessLog.subjectUserId,
      viewerMembershipId: viewerMember.id,
      viewerName: sql<string | null>`coalesce(${viewerMember.displayName}, ${viewerUser.name})`,
      personMembershipId: subjectMember.id,
      personName: sql<string | null>`coalesce(${subjectMember.displayName}, ${subjectUser.name})`,
    })
    .from(accessLog)
    .leftJoin(
      viewerMember,
      and(eq(viewerMember.userId, accessLog.viewerUserId), eq(viewerMember.organisationId, actor.organisationId)),
    )
    .leftJoin(viewerUser, eq(viewerUser.id, viewerMember.userId))
    .leftJoin(
      subjectMember,
      and(eq(subjectMember.userId, accessLog.subjectUserId), eq(subjectMember.organisationId, actor.organisationId)),
    )
    .leftJoin(subjectUser, eq(subjectUser.id, subjectMember.userId))
    .where(and(eq(accessLog.organisationId, actor.organisationId), where))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .$dynamic();
  const rows = await (limit === null ? query : query.limit(limit + 1));
  const page = limit === null ? rows : rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      kind: row.kind,
      viewer: { id: row.viewerMembershipId, name: row.viewerName },
      person: { id: row.personMembershipId, name: row.personName },
      recordId: row.recordId,
    })),
    more: page.length < rows.length,
    subjects: page.map((row) => row.subjectId),
  };
}

/** Who read the actor's own data in this organisation ("Wie heeft mijn gegevens bekeken"); a page, or all for the export. */
export async function ownAccessLog(tx: Tx, actor: Actor, { all = false } = {}): Promise<AccessLog> {
  const { items, more } = await readLog(tx, actor, eq(accessLog.subjectUserId, actor.userId), all ? null : ACCESS_PAGE);
  return { items, more };
}

/** The account id behind a member of the actor's organisation, or 404. */
async function accountOf(tx: Tx, actor: Actor, membershipId: string) {
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, actor.organisationId)));
  if (!member) throw notFound();
  return member.userId;
}

/**
 * The admin's search of the organisation's access log, by person, reader and days. Reading the
 * log is a read of the data of everyone it shows, and is logged as such.
 */
export async function searchAccessLog(tx: Tx, actor: Actor, query: AccessLogQuery): Promise<AccessLog> {
  if (!canSearchAccessLog(actor)) throw forbidden();
  const subject = query.personId ? await accountOf(tx, actor, query.personId) : undefined;
  const viewer = query.viewerId ? await accountOf(tx, actor, query.viewerId) : undefined;
  const { items, more, subjects } = await readLog(
    tx,
    actor,
    and(
      subject ? eq(accessLog.subjectUserId, subject) : undefined,
      viewer ? eq(accessLog.viewerUserId, viewer) : undefined,
      query.from ? gte(accessLog.at, startOfDay(query.from)) : undefined,
      query.to ? lt(accessLog.at, startOfNextDay(query.to)) : undefined,
    ),
  );
  await logRead(tx, actor, "accessLog", subjects);
  return { items, more };
}
