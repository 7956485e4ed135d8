import { and, count, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/connection.js";
import { startOfDay, startOfNextDay } from "../../db/dutch-days.js";
import { oneOf } from "../../db/one-of.js";
import { auditEvents, invitations, memberships, organisations, registrations, users } from "../../db/schema.js";
import { canViewAuditLog } from "../../domain/audit/policy.js";
import { AUDIT_PAGE_SIZE, type AuditEntry, type AuditPage, type AuditQuery } from "../../domain/audit/schemas.js";
import type { Actor } from "../../domain/roles.js";
import { forbidden } from "../http/problem.js";
import { memberName, membershipIn } from "../people/member-name.js";

const asRecord = (value: unknown) =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * The subject of each entry in words, where it still exists in this organisation: a person by
 * membership or user id, an invitation by the invited name, a registration by its register and
 * number, the organisation by its name. Row-level security and the explicit filter keep it in the tenant.
 */
async function subjectNames(tx: Tx, actor: Actor, rows: Array<{ subjectType: string; subjectId: string }>) {
  const names = new Map<string, string>();
  const ids = (type: string) => [...new Set(rows.filter((r) => r.subjectType === type).map((r) => r.subjectId))];
  const uuids = (list: string[]) => list.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const org = actor.organisationId;

  const people = uuids(ids("person"));
  if (people.length) {
    const found = await tx
      .select({ membershipId: memberships.id, userId: users.id, name: memberName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(eq(memberships.organisationId, org), or(oneOf(memberships.id, people), oneOf(memberships.userId, people))),
      );
    for (const p of found) {
      names.set(`person:${p.membershipId}`, p.name);
      names.set(`person:${p.userId}`, p.name);
    }
  }
  const invited = uuids(ids("invitation"));
  if (invited.length) {
    const found = await tx
      .select({ id: invitations.id, name: invitations.name })
      .from(invitations)
      .where(and(eq(invitations.organisationId, org), oneOf(invitations.id, invited)));
    for (const i of found) names.set(`invitation:${i.id}`, i.name);
  }
  const registered = uuids(ids("registration"));
  if (registered.length) {
    const found = await tx
      .select({
        id: registrations.id,
        register: registrations.register,
        number: registrations.number,
        name: memberName,
      })
      .from(registrations)
      .innerJoin(memberships, eq(memberships.id, registrations.membershipId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(registrations.organisationId, org), oneOf(registrations.id, registered)));
    for (const r of found) names.set(`registration:${r.id}`, `${r.name} · ${r.register} ${r.number}`);
  }
  if (ids("organisation").includes(org)) {
    const [own] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, org));
    if (own) names.set(`organisation:${org}`, own.name);
  }
  return names;
}

/** One page of the organisation's audit log, newest first, with who did it and what it was about. */
export async function listAuditEvents(tx: Tx, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  if (!canViewAuditLog(actor)) throw forbidden();
  const filters: SQL[] = [eq(auditEvents.organisationId, actor.organisationId)];
  if (query.type) filters.push(eq(auditEvents.type, query.type));
  if (query.subjectType) filters.push(eq(auditEvents.subjectType, query.subjectType));
  if (query.actor) filters.push(eq(auditEvents.actorUserId, query.actor));
  if (query.from) filters.push(gte(auditEvents.createdAt, startOfDay(query.from)));
  if (query.to) filters.push(lt(auditEvents.createdAt, startOfNextDay(query.to)));
  const where = and(...filters);

  const actorUser = alias(users, "actor_user");
  const rows = await tx
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      type: auditEvents.type,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      before: auditEvents.before,
      after: auditEvents.after,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
      actorId: actorUser.id,
      actorName: actorUser.name,
    })
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorUserId))
    .where(where)
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((query.page - 1) * AUDIT_PAGE_SIZE);
  const totals = await tx.select({ total: count() }).from(auditEvents).where(where);
  const names = await subjectNames(tx, actor, rows);

  const items: AuditEntry[] = rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    type: row.type,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectName: names.get(`${row.subjectType}:${row.subjectId}`) ?? null,
    actor: row.actorId && row.actorName ? { id: row.actorId, name: row.actorName } : null,
    before: asRecord(row.before),
    after: asRecord(row.after),
    ip: row.ip,
    userAgent: row.userAgent,
  }));
  return { items, page: query.page, pageSize: AUDIT_PAGE_SIZE, total: totals[0]?.total ?? 0 };
}

/** Everyone who appears as actor in the organisation's log, for the "who" filter. */
export async function listAuditActors(tx: Tx, actor: Actor) {
  if (!canViewAuditLog(actor)) throw forbidden();
  const items = await tx
    .selectDistinct({ id: users.id, name: memberName })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(memberships, membershipIn(users.id, actor.organisationId))
    .where(eq(auditEvents.organisationId, actor.organisationId))
    .orderBy(memberName, users.id);
  return { items };
}
