import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { canReadOutbox } from "../../domain/outbox/policy.js";
import { authorize } from "../plugins/auth.js";
import { listOutboxQuery, messageIdParams, outboxListResponse, outboxMessageResponse } from "./schemas.js";
import { listOutbox, readOutboxMessage } from "./service.js";

const tags = ["outbox"];

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/outbox",
    { schema: { tags, querystring: listOutboxQuery, response: { 200: outboxListResponse } } },
    async (request) =>
      listOutbox(app.db, authorize(request, canReadOutbox).actor, request.query.page, app.mailer.delivery),
  );

  app.get(
    "/outbox/:messageId",
    { schema: { tags, params: messageIdParams, response: { 200: outboxMessageResponse } } },
    async (request) =>
      readOutboxMessage(app.db, authorize(request, canReadOutbox).actor, request.params.messageId, app.mailer.delivery),
  );
};
