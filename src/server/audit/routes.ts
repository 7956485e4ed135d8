import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditActorsSchema, auditPageSchema, auditQuerySchema } from "../../domain/audit/schemas.js";
import { withTenant } from "../tenancy.js";
import { listAuditActors, listAuditEvents } from "./service.js";

const tags = ["audit"];
const security = [{ session: [] }];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit-events",
    {
      schema: {
        tags,
        security,
        summary: "The organisation's audit log, newest first, filtered and paged",
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => listAuditEvents(tx, actor, request.query)),
  );

  app.get(
    "/audit-events/actors",
    {
      schema: {
        tags,
        security,
        summary: "Everyone who appears in the audit log, for filtering",
        response: { 200: auditActorsSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => listAuditActors(tx, actor)),
  );
};
