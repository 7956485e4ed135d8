import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { outbox } from "../../db/schema.js";
import { maskSecrets } from "../../domain/outbox/mask.js";
import type { Actor } from "../../domain/roles.js";
import { notFound } from "../http/problem.js";
import { inTenant } from "../tenancy.js";

export const PAGE_SIZE = 25;

const summaryColumns = {
  id: outbox.id,
  to: outbox.toAddress,
  subject: outbox.subject,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

const dates = <T extends { createdAt: Date; sentAt: Date | null }>(row: T) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
});

/** The organisation's mail, newest first. */
export async function listOutbox(db: Db, actor: Actor, page: number) {
  return inTenant(db, actor, async (tx, actor) => {
    const scope = eq(outbox.organisationId, actor.organisationId);
    const rows = await tx
      .select(summaryColumns)
      .from(outbox)
      .where(scope)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE);
    const [total] = await tx.select({ n: count() }).from(outbox).where(scope);
    return { items: rows.map(dates), page, pageSize: PAGE_SIZE, total: total?.n ?? 0 };
  });
}

/**
 * One mail in full, with every link that hands over an account masked (invitations): only the
 * recipient ever sees such a link, whether or not a mail server delivers. Password resets are
 * not in any outbox at all (see the account mail queue).
 */
export async function readOutboxMessage(db: Db, actor: Actor, messageId: string) {
  return inTenant(db, actor, async (tx, actor) => {
    const [found] = await tx
      .select({ ...summaryColumns, text: outbox.bodyText })
      .from(outbox)
      .where(and(eq(outbox.id, messageId), eq(outbox.organisationId, actor.organisationId)));
    if (!found) throw notFound();
    const { text, masked } = maskSecrets(found.text);
    return dates({ ...found, text, withheld: masked });
  });
}
