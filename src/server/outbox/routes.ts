import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { canReadOutbox } from "../../domain/outbox/policy.js";
import { forbidden } from "../http/problem.js";
import { requireAuth } from "../plugins/auth.js";
import { listOutboxQuery, messageIdParams, outboxListResponse, outboxMessageResponse } from "./schemas.js";
import { listOutbox, readOutboxMessage } from "./service.js";

const tags = ["outbox"];

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const reader = (request: Parameters<typeof requireAuth>[0]) => {
    const { actor } = requireAuth(request);
    if (!canReadOutbox(actor)) throw forbidden();
    return actor;
  };

  app.get(
    "/outbox",
    { schema: { tags, querystring: listOutboxQuery, response: { 200: outboxListResponse } } },
    async (request) => listOutbox(app.db, reader(request), request.query.page),
  );

  app.get(
    "/outbox/:messageId",
    { schema: { tags, params: messageIdParams, response: { 200: outboxMessageResponse } } },
    async (request) => readOutboxMessage(app.db, reader(request), request.params.messageId, app.mailer.delivers),
  );
};
