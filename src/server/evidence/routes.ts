import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  copyProfileSchema,
  evidenceQuerySchema,
  evidenceViewSchema,
  profileListSchema,
  profileViewSchema,
  updateProfileSchema,
} from "../../domain/evidence/api.js";
import { pdfRouteConfig } from "../documents/rate-limit.js";
import { attachment, downloadName } from "../http/files.js";
import { requestLocale } from "../plugins/errors.js";
import { withTenant } from "../tenancy.js";
import { type EvidenceDocumentInput, renderEvidenceCsv } from "./documents.js";
import { evidenceDocument, evidenceOf } from "./ledger.js";
import { copyProfile, getProfile, listProfiles, updateProfile } from "./profiles.js";

const tags = ["evidence"];
const profileParams = z.object({ profileId: z.uuid() });
const personParams = z.object({ personId: z.uuid() });

async function sendCsv(reply: FastifyReply, input: EvidenceDocumentInput) {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", attachment(downloadName(input.evidence.person.name, "bewijs.csv")))
    .send(renderEvidenceCsv(input));
}

async function sendPdf(reply: FastifyReply, input: EvidenceDocumentInput) {
  const pdf = await reply.server.pdf.render({ kind: "evidence", input });
  return reply
    .type("application/pdf")
    .header("content-disposition", attachment(downloadName(input.evidence.person.name, "bewijs.pdf")))
    .send(pdf);
}

/** Requirement profiles (built-in and the organisation's copies) and each person's evidence ledger. */
export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/requirement-profiles", { schema: { tags, response: { 200: profileListSchema } } }, (request) =>
    withTenant(request, (tx, actor) => listProfiles(tx, actor)),
  );

  app.post(
    "/requirement-profiles",
    { schema: { tags, body: copyProfileSchema, response: { 201: profileViewSchema } } },
    async (request, reply) => {
      const profile = await withTenant(request, (tx, actor) => copyProfile(tx, actor, request.body));
      return reply.status(201).send(profile);
    },
  );

  app.get(
    "/requirement-profiles/:profileId",
    { schema: { tags, params: profileParams, response: { 200: profileViewSchema } } },
    (request) => withTenant(request, (tx, actor) => getProfile(tx, actor, request.params.profileId)),
  );

  app.put(
    "/requirement-profiles/:profileId",
    { schema: { tags, params: profileParams, body: updateProfileSchema, response: { 200: profileViewSchema } } },
    (request) => withTenant(request, (tx, actor) => updateProfile(tx, actor, request.params.profileId, request.body)),
  );

  // ---- the ledger: one's own, and (admin, training officer) someone else's ----

  app.get(
    "/evidence",
    { schema: { tags, querystring: evidenceQuerySchema, response: { 200: evidenceViewSchema } } },
    (request) =>
      withTenant(request, (tx, actor) =>
        evidenceOf(tx, actor, actor.membershipId, request.query.registration, requestLocale(request)),
      ),
  );
  app.get("/evidence.csv", { schema: { tags, querystring: evidenceQuerySchema } }, async (request, reply) =>
    sendCsv(
      reply,
      await withTenant(request, (tx, actor) =>
        evidenceDocument(tx, actor, actor.membershipId, request.query.registration, requestLocale(request)),
      ),
    ),
  );
  app.get(
    "/evidence.pdf",
    { schema: { tags, querystring: evidenceQuerySchema }, config: pdfRouteConfig(app) },
    async (request, reply) =>
      sendPdf(
        reply,
        await withTenant(request, (tx, actor) =>
          evidenceDocument(tx, actor, actor.membershipId, request.query.registration, requestLocale(request)),
        ),
      ),
  );

  app.get(
    "/people/:personId/evidence",
    {
      schema: { tags, params: personParams, querystring: evidenceQuerySchema, response: { 200: evidenceViewSchema } },
    },
    (request) =>
      withTenant(request, (tx, actor) =>
        evidenceOf(tx, actor, request.params.personId, request.query.registration, requestLocale(request)),
      ),
  );
  app.get(
    "/people/:personId/evidence.csv",
    { schema: { tags, params: personParams, querystring: evidenceQuerySchema } },
    async (request, reply) =>
      sendCsv(
        reply,
        await withTenant(request, (tx, actor) =>
          evidenceDocument(tx, actor, request.params.personId, request.query.registration, requestLocale(request)),
        ),
      ),
  );
  app.get(
    "/people/:personId/evidence.pdf",
    { schema: { tags, params: personParams, querystring: evidenceQuerySchema }, config: pdfRouteConfig(app) },
    async (request, reply) =>
      sendPdf(
        reply,
        await withTenant(request, (tx, actor) =>
          evidenceDocument(tx, actor, request.params.personId, request.query.registration, requestLocale(request)),
        ),
      ),
  );
};
