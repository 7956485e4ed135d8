import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { memberships, users } from "../../db/schema.js";

/**
 * The name a member goes by inside their organisation: the organisation's own display name if it
 * set one (while invited, the name its admin typed), otherwise the person's own name. Every
 * organisation-scoped query that shows or searches a member's name uses this, never the account's
 * name alone: an invited member's account name is not the organisation's to know.
 */
export const memberName = sql<string>`coalesce(${memberships.displayName}, ${users.name})`;

/**
 * Joins a person's membership of the organisation to a query that reaches them through another
 * table (an author, an approver, a case bringer), so `memberName` can name them: pass the column
 * that holds their account id and the organisation.
 */
export const membershipIn = (userId: PgColumn | SQL, organisationId: PgColumn | string) =>
  and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId));
