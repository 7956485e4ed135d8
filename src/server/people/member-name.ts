import { sql } from "drizzle-orm";
import { memberships, users } from "../../db/schema.js";

/**
 * The name a member goes by inside their organisation: the organisation's own display name if it
 * set one (while invited, the name its admin typed), otherwise the person's own name. Every
 * organisation-scoped query that shows or searches a member's name uses this, never the account's
 * name alone: an invited member's account name is not the organisation's to know.
 */
export const memberName = sql<string>`coalesce(${memberships.displayName}, ${users.name})`;
