import { z } from "zod";
import { DELIVERY_STATUSES, FAILURE_REASONS } from "./delivery.js";

/** The outbox API's answers: validated on the way out, and typed for the web app by the same schema. */
const summary = {
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  /** Where delivery stands (see `deliveryStatus`). */
  status: z.enum(DELIVERY_STATUSES),
  /** Attempts to hand it to the mail server so far. */
  attempts: z.number().int(),
  lastAttemptAt: z.iso.datetime().nullable(),
  /** Why the last attempt failed (null when it did not), and the mail server's reply code if it answered. */
  lastError: z.enum(FAILURE_REASONS).nullable(),
  lastErrorCode: z.number().int().nullable(),
  /** When a failing mail is tried again. */
  nextAttemptAt: z.iso.datetime().nullable(),
};

export const outboxSummarySchema = z.object(summary);
export type OutboxSummary = z.infer<typeof outboxSummarySchema>;

export const outboxListSchema = z.object({
  items: z.array(outboxSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  /** Whether Koers has a mail server; without one, mail stays here unsent. */
  delivers: z.boolean(),
  /** The organisation's mails whose delivery keeps failing (on any page). */
  failing: z.number().int(),
});
export type OutboxList = z.infer<typeof outboxListSchema>;

export const outboxMessageSchema = z.object({
  ...summary,
  text: z.string(),
  /** The text held a link that hands over an account; its secret is masked. */
  withheld: z.boolean(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
