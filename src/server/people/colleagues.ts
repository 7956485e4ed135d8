import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { memberships, users } from "../../db/schema.js";
import { memberName } from "./member-name.js";

/** The organisation's active members, by the name they go by in it: whom a feature may pick. */
export function activeColleagues(tx: Tx, organisationId: string) {
  return tx
    .select({ userId: memberships.userId, name: memberName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.status, "active")))
    .orderBy(asc(memberName));
}

/** Of `userIds`, those who are active members of the organisation, with their names. */
export async function activeColleaguesAmong(tx: Tx, organisationId: string, userIds: readonly string[]) {
  if (!userIds.length) return new Map<string, string>();
  const rows = await tx
    .select({ userId: memberships.userId, name: memberName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.status, "active"),
        oneOf(memberships.userId, [...userIds]),
      ),
    );
  return new Map(rows.map((r) => [r.userId, r.name]));
}
