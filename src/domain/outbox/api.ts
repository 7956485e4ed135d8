import { z } from "zod";

/** The outbox API's answers: validated on the way out, and typed for the web app by the same schema. */
const summary = {
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
};

export const outboxSummarySchema = z.object(summary);
export type OutboxSummary = z.infer<typeof outboxSummarySchema>;

export const outboxListSchema = z.object({
  items: z.array(outboxSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type OutboxList = z.infer<typeof outboxListSchema>;

export const outboxMessageSchema = z.object({
  ...summary,
  text: z.string(),
  /** The text held a link that hands over an account; its secret is masked. */
  withheld: z.boolean(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
