import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { notifications } from "../../db/schema.js";
import type { Actor } from "../../domain/roles.js";

const mine = (actor: Actor) =>
  and(eq(notifications.organisationId, actor.organisationId), eq(notifications.userId, actor.userId));

/** The person's own notifications in this organisation, newest first, with how many are unread. */
export async function listNotifications(tx: Tx, actor: Actor, page: number, pageSize: number) {
  const rows = await tx
    .select({
      id: notifications.id,
      kind: notifications.kind,
      params: notifications.params,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(mine(actor))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totals] = await tx
    .select({
      total: count(),
      unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number),
    })
    .from(notifications)
    .where(mine(actor));
  return {
    items: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    page,
    pageSize,
    total: totals?.total ?? 0,
    unread: totals?.unread ?? 0,
  };
}

/** Marks one of the person's notifications read; reading it again changes nothing. */
export async function markRead(tx: Tx, actor: Actor, notificationId: string) {
  await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.id, notificationId), mine(actor), isNull(notifications.readAt)));
}

/** Marks the person's notifications that point to `link` read: they have seen what they are about. */
export async function markLinkRead(tx: Tx, actor: Actor, link: string) {
  await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine(actor), eq(notifications.link, link), isNull(notifications.readAt)));
}

export async function markAllRead(tx: Tx, actor: Actor) {
  await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine(actor), isNull(notifications.readAt)));
}
