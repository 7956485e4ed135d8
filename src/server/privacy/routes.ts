import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { accessLogQuery, accessLogSchema } from "../../domain/privacy/access.js";
import { canReadProcessingRegister } from "../../domain/privacy/policy.js";
import { pdfRouteConfig } from "../documents/rate-limit.js";
import { forbidden } from "../http/problem.js";
import { organisationOf } from "../organisations/service.js";
import { requestLocale } from "../plugins/errors.js";
import { withTenant } from "../tenancy.js";
import { ownAccessLog, searchAccessLog } from "./access-log.js";

const tags = ["privacy"];

/**
 * Privacy: the processing register as a PDF, for the admin to hand to the privacy officer, and
 * the access log, for the person (their own) and the admin (searched).
 */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/access-log/mine",
    {
      schema: {
        tags,
        description: "Who read the requester's data in this organisation, newest first.",
        response: { 200: accessLogSchema },
      },
    },
    (request) => withTenant(request, ownAccessLog),
  );

  app.get(
    "/access-log",
    {
      schema: {
        tags,
        description:
          "The organisation's access log, by person (personId), reader (viewerId) and days; admins only. The search is logged as a read of everyone it shows.",
        querystring: accessLogQuery,
        response: { 200: accessLogSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => searchAccessLog(tx, actor, request.query)),
  );

  app.get(
    "/processing-register.pdf",
    {
      schema: {
        tags,
        description: "The organisation's processing register (verwerkingsregister) as a PDF; admins only.",
      },
      config: pdfRouteConfig(app),
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const organisation = await withTenant(request, async (tx, actor) => {
        if (!canReadProcessingRegister(actor)) throw forbidden();
        return organisationOf(tx, actor);
      });
      return reply
        .type("application/pdf")
        .header("content-disposition", 'attachment; filename="verwerkingsregister.pdf"')
        .send(
          await app.pdf.render({
            kind: "processingRegister",
            input: { organisation, locale, madeAt: new Date().toISOString() },
          }),
        );
    },
  );
};
