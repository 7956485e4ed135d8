import { z } from "zod";

export const messageIdParams = z.object({ messageId: z.uuid() });
export const listOutboxQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

const summary = {
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
};

export const outboxListResponse = z.object({
  items: z.array(z.object(summary)),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const outboxMessageResponse = z.object({ ...summary, text: z.string(), withheld: z.boolean() });
