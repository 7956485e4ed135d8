import { and, count, desc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { outbox } from "../../db/schema.js";
import {
  type DeliveryStatus,
  deliveryStatus,
  FAILURE_REASONS,
  type FailureReason,
  giveUpBefore,
  type RetryPolicy,
} from "../../domain/outbox/delivery.js";
import { maskSecrets } from "../../domain/outbox/mask.js";
import { canReadOutbox } from "../../domain/outbox/policy.js";
import type { Actor } from "../../domain/roles.js";
import { forbidden, notFound } from "../http/problem.js";

export const PAGE_SIZE = 25;

/** What the outbox says of delivery: whether mail leaves Koers, and when it is given up. */
export interface DeliveryView {
  delivers: boolean;
  policy: RetryPolicy;
}

const summaryColumns = {
  id: outbox.id,
  to: outbox.toAddress,
  subject: outbox.subject,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
  attempts: outbox.attempts,
  lastAttemptAt: outbox.lastAttemptAt,
  lastError: outbox.lastError,
  lastErrorCode: outbox.lastErrorCode,
  nextAttemptAt: outbox.nextAttemptAt,
};

type SummaryRow = {
  createdAt: Date;
  sentAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
  nextAttemptAt: Date;
};

const reason = (value: string | null): FailureReason | null =>
  value === null ? null : (((FAILURE_REASONS as readonly string[]).includes(value) ? value : "other") as FailureReason);

/** A row as the API shows it: its delivery status, and dates as text. */
function present<T extends SummaryRow>(row: T, delivery: DeliveryView, now: Date) {
  const status: DeliveryStatus = deliveryStatus(row, { now, delivers: delivery.delivers, policy: delivery.policy });
  return {
    ...row,
    status,
    lastError: reason(row.lastError),
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: status === "failing" || status === "waiting" ? row.nextAttemptAt.toISOString() : null,
  };
}

/** The organisation's mail, newest first, with how many keep failing. */
export async function listOutbox(tx: Tx, actor: Actor, page: number, delivery: DeliveryView, now = new Date()) {
  if (!canReadOutbox(actor)) throw forbidden();
  const scope = eq(outbox.organisationId, actor.organisationId);
  const rows = await tx
    .select(summaryColumns)
    .from(outbox)
    .where(scope)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  const [total] = await tx.select({ n: count() }).from(outbox).where(scope);
  const [failing] = delivery.delivers
    ? await tx
        .select({ n: count() })
        .from(outbox)
        .where(
          and(
            scope,
            isNull(outbox.sentAt),
            isNotNull(outbox.lastError),
            gt(outbox.createdAt, giveUpBefore(now, delivery.policy)),
          ),
        )
    : [{ n: 0 }];
  return {
    items: rows.map((row) => present(row, delivery, now)),
    page,
    pageSize: PAGE_SIZE,
    total: total?.n ?? 0,
    delivers: delivery.delivers,
    failing: failing?.n ?? 0,
  };
}

/**
 * One mail in full, with every link that hands over an account masked (invitations): only the
 * recipient ever sees such a link, whether or not a mail server delivers. Password resets are
 * not in any outbox at all (see the account mail queue).
 */
export async function readOutboxMessage(tx: Tx, actor: Actor, messageId: string, delivery: DeliveryView) {
  if (!canReadOutbox(actor)) throw forbidden();
  const [found] = await tx
    .select({ ...summaryColumns, text: outbox.bodyText })
    .from(outbox)
    .where(and(eq(outbox.id, messageId), eq(outbox.organisationId, actor.organisationId)));
  if (!found) throw notFound();
  const { text, masked } = maskSecrets(found.text);
  return present({ ...found, text, withheld: masked }, delivery, new Date());
}
