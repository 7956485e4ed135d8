import { z } from "zod";

export {
  outboxListSchema as outboxListResponse,
  outboxMessageSchema as outboxMessageResponse,
} from "../../domain/outbox/api.js";

export const messageIdParams = z.object({ messageId: z.uuid() });
export const listOutboxQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });
