import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { accessLogQuery, accessLogSchema } from "../../domain/privacy/access.js";
import {
  erasureApplySchema,
  erasureAskSchema,
  erasureDoneSchema,
  erasureReviewSchema,
  ownErasureSchema,
} from "../../domain/privacy/erasure.js";
import {
  type ExportFileFormat,
  exportQuerySchema,
  exportRequestSchema,
  type PersonalExport,
} from "../../domain/privacy/export.js";
import { canReadProcessingRegister } from "../../domain/privacy/policy.js";
import {
  retentionOverviewSchema,
  retentionPeriodsSchema,
  retentionPeriodsViewSchema,
  retentionSwitchSchema,
} from "../../domain/privacy/retention-api.js";
import { pdfRouteConfig } from "../documents/rate-limit.js";
import { attachment, downloadName } from "../http/files.js";
import { forbidden } from "../http/problem.js";
import { organisationOf } from "../organisations/service.js";
import { requireAuth } from "../plugins/auth.js";
import { requestLocale } from "../plugins/errors.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import { ownAccessLog, searchAccessLog } from "./access-log.js";
import { applyErasure, askErasure, ownErasure, reviewErasure } from "./erasure.js";
import { exportForPerson, ownExport } from "./export.js";
import { chosenPeriods, getRetentionOverview, setPeriods, setRetention } from "./retention.js";

const tags = ["privacy"];

/**
 * Privacy: the processing register as a PDF, for the admin to hand to the privacy officer; the
 * access log, for the person (their own) and the admin (searched); the person's export, by the
 * person or by the admin on their request; and retention, its dry run, switch and periods.
 */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  /** An export as the file asked for: the JSON as it is, or the same read as a PDF. */
  async function sendExport(
    request: FastifyRequest,
    reply: FastifyReply,
    format: ExportFileFormat,
    made: { data: PersonalExport; organisation: Awaited<ReturnType<typeof organisationOf>> },
  ) {
    const name = downloadName(made.data.person.name, `gegevens.${format}`);
    reply.header("content-disposition", attachment(name)).header("cache-control", "no-store");
    if (format === "json") return reply.type("application/json").send(JSON.stringify(made.data, null, 2));
    const pdf = await app.pdf.render({
      kind: "personalExport",
      input: { organisation: made.organisation, locale: requestLocale(request), data: made.data },
    });
    return reply.type("application/pdf").send(pdf);
  }

  app.get(
    "/me/export",
    {
      schema: {
        tags,
        description:
          "All of the requester's data in this organisation, as Koers shows it to them: JSON (format=json, schema koers-export/1, one section per entry of the processing register) or a readable PDF (format=pdf).",
        querystring: exportQuerySchema,
      },
      config: pdfRouteConfig(app),
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const made = await withTenant(request, async (tx, actor) => ({
        data: await ownExport(tx, actor, locale),
        organisation: await organisationOf(tx, actor),
      }));
      return sendExport(request, reply, request.query.format, made);
    },
  );

  app.post(
    "/people/:personId/export",
    {
      schema: {
        tags,
        description:
          "An admin produces a person's export on the person's request, to hand it to them: what the person would see, as JSON or PDF. The request and its fulfilment are written to the audit log and the person's access log.",
        params: z.object({ personId: z.uuid() }),
        body: exportRequestSchema,
      },
      config: pdfRouteConfig(app),
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const made = await withTenant(request, async (tx, actor) => ({
        data: await exportForPerson(tx, actor, request.params.personId, request.body, locale),
        organisation: await organisationOf(tx, actor),
      }));
      return sendExport(request, reply, request.body.format, made);
    },
  );

  app.get(
    "/me/erasure",
    {
      schema: {
        tags,
        description: "The requester's open request to be erased from this organisation, if any.",
        response: { 200: ownErasureSchema },
      },
    },
    (request) => withTenant(request, ownErasure),
  );

  app.post(
    "/me/erasure",
    {
      schema: {
        tags,
        description:
          "The requester asks to be erased from this organisation, with a note for the admin; asking again while a request is open changes nothing. Written to the audit log.",
        body: erasureAskSchema,
        response: { 200: ownErasureSchema },
      },
    },
    (request) => changeThenShow(request, (tx, actor) => askErasure(tx, actor, request.body), ownErasure),
  );

  app.get(
    "/people/:personId/erasure",
    {
      schema: {
        tags,
        description:
          "The admin's review of erasing a person from this organisation (the dry run): the open request, per kind of data what will be deleted, anonymised or kept, and until when evidence is kept for a register's audit.",
        params: z.object({ personId: z.uuid() }),
        response: { 200: erasureReviewSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => reviewErasure(tx, actor, request.params.personId)),
  );

  app.post(
    "/people/:personId/erasure",
    {
      schema: {
        tags,
        description:
          "The admin erases a person from this organisation as the review showed: they can no longer sign in to it, their name is replaced by a pseudonym everywhere in it, counts and hours stay. The account goes with its last membership. Written to the audit log.",
        params: z.object({ personId: z.uuid() }),
        body: erasureApplySchema,
        response: { 200: erasureDoneSchema },
      },
    },
    (request) => applyErasure(request.server.db, requireAuth(request).actor, request.params.personId, request.body),
  );

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
    "/retention",
    {
      schema: {
        tags,
        description:
          "The retention job for this organisation: every kind of data with what the next run would remove (the dry run), whether the job is on, and its last runs; admins only.",
        response: { 200: retentionOverviewSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => getRetentionOverview(tx, actor)),
  );

  app.put(
    "/retention",
    {
      schema: {
        tags,
        description:
          "Turns the nightly retention job on or off for this organisation; admins only. Written to the audit log.",
        body: retentionSwitchSchema,
        response: { 200: retentionOverviewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => setRetention(tx, actor, request.body.enabled),
        (tx, actor) => getRetentionOverview(tx, actor),
      ),
  );

  app.get(
    "/retention/periods",
    {
      schema: {
        tags,
        description:
          "The organisation's own retention periods, in months per kind of data (by table), where it chose them; the processing register shows them. Admins only.",
        response: { 200: retentionPeriodsViewSchema },
      },
    },
    (request) =>
      withTenant(request, async (tx, actor) => {
        if (!canReadProcessingRegister(actor)) throw forbidden();
        return { periods: await chosenPeriods(tx, actor.organisationId) };
      }),
  );

  app.put(
    "/retention/periods",
    {
      schema: {
        tags,
        description:
          "The organisation's own retention periods, in months per kind of data (by table), each within the range the processing register gives; admins only. Written to the audit log.",
        body: retentionPeriodsSchema,
        response: { 200: retentionOverviewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => setPeriods(tx, actor, request.body.periods),
        (tx, actor) => getRetentionOverview(tx, actor),
      ),
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
      const { organisation, periods } = await withTenant(request, async (tx, actor) => {
        if (!canReadProcessingRegister(actor)) throw forbidden();
        return {
          organisation: await organisationOf(tx, actor),
          periods: await chosenPeriods(tx, actor.organisationId),
        };
      });
      return reply
        .type("application/pdf")
        .header("content-disposition", 'attachment; filename="verwerkingsregister.pdf"')
        .send(
          await app.pdf.render({
            kind: "processingRegister",
            input: { organisation, locale, madeAt: new Date().toISOString(), periods },
          }),
        );
    },
  );
};
