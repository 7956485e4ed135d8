import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { withTenant } from "../tenancy.js";
import { feedStatus, renewFeed } from "./service.js";

const tags = ["calendar"];

/** The signed-in person's calendar feed: whether it exists, and a new secret address. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/calendar",
    { schema: { tags, response: { 200: z.object({ exists: z.boolean(), createdAt: z.string().nullable() }) } } },
    (request) => withTenant(request, (tx, actor) => feedStatus(tx, actor)),
  );

  app.post(
    "/calendar/renew",
    { schema: { tags, body: z.object({}).optional(), response: { 200: z.object({ url: z.string() }) } } },
    async (request) => {
      const token = await withTenant(request, (tx, actor) => renewFeed(tx, actor));
      return { url: `${request.server.publicUrl}/calendar/${token}.ics` };
    },
  );
};
