import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { memberships, notifications } from "../../db/schema.js";
import type { Actor, Role } from "../../domain/roles.js";

/**
 * Telling people of the actor's organisation about something in it: the one way features write
 * notifications. A notification is its organisation's: nobody writes one in another's.
 */

/** The accounts of the organisation's active members who hold `role`. */
export async function membersWithRole(tx: Tx, organisationId: string, role: Role): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.status, "active"),
        sql`${role} = ANY (${memberships.roles})`,
      ),
    );
  return rows.map((r) => r.userId);
}

/** One notification for each of `userIds` in the actor's organisation; never for the actor, each person once. */
export async function notify(
  tx: Tx,
  actor: Pick<Actor, "userId" | "organisationId">,
  userIds: readonly string[],
  kind: string,
  params: Record<string, string | number | null>,
  link: string,
) {
  const others = [...new Set(userIds)].filter((id) => id !== actor.userId);
  if (others.length)
    await tx
      .insert(notifications)
      .values(others.map((userId) => ({ organisationId: actor.organisationId, userId, kind, params, link })));
}
