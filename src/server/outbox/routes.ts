import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { withTenant } from "../tenancy.js";
import { listOutboxQuery, messageIdParams, outboxListResponse, outboxMessageResponse } from "./schemas.js";
import { listOutbox, readOutboxMessage } from "./service.js";

const tags = ["outbox"];

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/outbox",
    { schema: { tags, querystring: listOutboxQuery, response: { 200: outboxListResponse } } },
    (request) => withTenant(request, (tx, actor) => listOutbox(tx, actor, request.query.page, app.mailer.delivery)),
  );

  app.get(
    "/outbox/:messageId",
    { schema: { tags, params: messageIdParams, response: { 200: outboxMessageResponse } } },
    (request) =>
      withTenant(request, (tx, actor) => readOutboxMessage(tx, actor, request.params.messageId, app.mailer.delivery)),
  );
};
