import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notificationListSchema } from "../../domain/notifications/api.js";
import { withTenant } from "../tenancy.js";
import { listNotifications, markAllRead, markRead } from "./service.js";

const tags = ["notifications"];

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** Items per page; the header's counter asks for few. */
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
const notificationParams = z.object({ notificationId: z.uuid() });

/** Everyone's own notifications: each person sees, and marks read, only theirs. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/notifications",
    { schema: { tags, querystring: listQuery, response: { 200: notificationListSchema } } },
    async (request) =>
      withTenant(request, (tx, actor) => listNotifications(tx, actor, request.query.page, request.query.limit)),
  );

  app.post(
    "/notifications/:notificationId/read",
    { schema: { tags, params: notificationParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await withTenant(request, (tx, actor) => markRead(tx, actor, request.params.notificationId));
      return reply.status(204).send(null);
    },
  );

  app.post("/notifications/read-all", { schema: { tags, response: { 204: z.null() } } }, async (request, reply) => {
    await withTenant(request, (tx, actor) => markAllRead(tx, actor));
    return reply.status(204).send(null);
  });
};
