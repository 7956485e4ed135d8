import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { withTenant } from "../tenancy.js";
import { feedAddress, feedStatus, renewFeed } from "./service.js";

const tags = ["calendar"];
const address = z.object({ url: z.string() });
/** Null: no feed, or one made before its address could be shown again (renewing makes one that can). */
const addressAgain = z.object({ url: z.string().nullable() });

/** The signed-in person's calendar feed: whether it exists, its secret address again, a new one. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const url = (token: string) => ({ url: `${app.publicUrl}/calendar/${token}.ics` });

  app.get(
    "/calendar",
    {
      schema: {
        tags,
        response: {
          200: z.object({ exists: z.boolean(), createdAt: z.string().nullable(), showable: z.boolean() }),
        },
      },
    },
    (request) => withTenant(request, (tx, actor) => feedStatus(tx, actor, app.feedSecret)),
  );

  // Only the owner, signed in, reads their own address; nobody else's can be asked for.
  app.get("/calendar/address", { schema: { tags, response: { 200: addressAgain } } }, async (request) => {
    const token = await withTenant(request, (tx, actor) => feedAddress(tx, actor, app.feedSecret));
    return token ? url(token) : { url: null };
  });

  app.post(
    "/calendar/renew",
    { schema: { tags, body: z.object({}).optional(), response: { 200: address } } },
    async (request) => url(await withTenant(request, (tx, actor) => renewFeed(tx, actor, app.feedSecret))),
  );
};
