import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { canReadProcessingRegister } from "../../domain/privacy/policy.js";
import { pdfRouteConfig } from "../documents/rate-limit.js";
import { forbidden } from "../http/problem.js";
import { organisationOf } from "../organisations/service.js";
import { requestLocale } from "../plugins/errors.js";
import { withTenant } from "../tenancy.js";

/** The processing register as a PDF, for the admin to hand to the privacy officer. */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/processing-register.pdf",
    {
      schema: {
        tags: ["privacy"],
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
