import { eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Tx } from "../../db/connection.js";
import { organisations } from "../../db/schema.js";
import { dutchToday } from "../../domain/dutch-time.js";
import {
  copyProfileSchema,
  evidenceQuerySchema,
  evidenceViewSchema,
  profileListSchema,
  profileViewSchema,
  updateProfileSchema,
} from "../../domain/evidence/api.js";
import { canManageProfiles, canReadEvidence, canReadProfiles } from "../../domain/evidence/policy.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { pdfRouteConfig } from "../documents/rate-limit.js";
import { attachment, downloadName } from "../http/files.js";
import { forbidden, notFound } from "../http/problem.js";
import { assertAllowed } from "../plugins/auth.js";
import { requestLocale } from "../plugins/errors.js";
import { withTenant } from "../tenancy.js";
import { type EvidenceDocumentInput, renderEvidenceCsv } from "./documents.js";
import { evidenceOf } from "./ledger.js";
import { copyProfile, getProfile, listProfiles, registrationTypeSuggestions, updateProfile } from "./profiles.js";

const tags = ["evidence"];
const profileParams = z.object({ profileId: z.uuid() });
const personParams = z.object({ personId: z.uuid() });

async function organisationOf(tx: Tx, actor: Actor) {
  const [org] = await tx
    .select({
      name: organisations.name,
      primaryColor: organisations.primaryColor,
      logo: organisations.logo,
      logoMime: organisations.logoMime,
    })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  if (!org) throw notFound();
  return org;
}

/** The ledger of a person the actor may read; someone else's only for the admin and training officer. */
async function readEvidence(tx: Tx, actor: Actor, personId: string, registration: string | undefined, locale: Locale) {
  if (!canReadEvidence(actor, personId)) throw forbidden();
  return evidenceOf(tx, actor, personId, registration, locale);
}

async function documentInput(
  request: FastifyRequest,
  personId: (actor: Actor) => string,
  registration: string | undefined,
): Promise<EvidenceDocumentInput> {
  const locale = requestLocale(request);
  return withTenant(request, async (tx, actor) => {
    const evidence = await readEvidence(tx, actor, personId(actor), registration, locale);
    const reg = evidence.registrations.find((r) => r.id === evidence.ledger?.registrationId);
    return {
      organisation: await organisationOf(tx, actor),
      locale,
      evidence,
      registration: reg ? `${reg.register} ${reg.registrationType} (${reg.number})` : "",
      generatedOn: dutchToday(),
    };
  });
}

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
    withTenant(request, async (tx, actor) => {
      assertAllowed(actor, canReadProfiles);
      return {
        items: await listProfiles(tx, actor),
        canManage: canManageProfiles(actor),
        registrationTypes: registrationTypeSuggestions(),
      };
    }),
  );

  app.post(
    "/requirement-profiles",
    { schema: { tags, body: copyProfileSchema, response: { 201: profileViewSchema } } },
    async (request, reply) => {
      const profile = await withTenant(request, (tx, actor) => {
        assertAllowed(actor, canManageProfiles);
        return copyProfile(tx, actor, request.body);
      });
      return reply.status(201).send(profile);
    },
  );

  app.get(
    "/requirement-profiles/:profileId",
    { schema: { tags, params: profileParams, response: { 200: profileViewSchema } } },
    (request) =>
      withTenant(request, (tx, actor) => {
        assertAllowed(actor, canReadProfiles);
        return getProfile(tx, actor, request.params.profileId);
      }),
  );

  app.put(
    "/requirement-profiles/:profileId",
    { schema: { tags, params: profileParams, body: updateProfileSchema, response: { 200: profileViewSchema } } },
    (request) =>
      withTenant(request, (tx, actor) => {
        assertAllowed(actor, canManageProfiles);
        return updateProfile(tx, actor, request.params.profileId, request.body);
      }),
  );

  // ---- the ledger: one's own, and (admin, training officer) someone else's ----

  app.get(
    "/evidence",
    { schema: { tags, querystring: evidenceQuerySchema, response: { 200: evidenceViewSchema } } },
    (request) =>
      withTenant(request, (tx, actor) =>
        readEvidence(tx, actor, actor.membershipId, request.query.registration, requestLocale(request)),
      ),
  );
  app.get("/evidence.csv", { schema: { tags, querystring: evidenceQuerySchema } }, async (request, reply) =>
    sendCsv(reply, await documentInput(request, (actor) => actor.membershipId, request.query.registration)),
  );
  app.get(
    "/evidence.pdf",
    { schema: { tags, querystring: evidenceQuerySchema }, config: pdfRouteConfig(app) },
    async (request, reply) =>
      sendPdf(reply, await documentInput(request, (actor) => actor.membershipId, request.query.registration)),
  );

  app.get(
    "/people/:personId/evidence",
    {
      schema: { tags, params: personParams, querystring: evidenceQuerySchema, response: { 200: evidenceViewSchema } },
    },
    (request) =>
      withTenant(request, (tx, actor) =>
        readEvidence(tx, actor, request.params.personId, request.query.registration, requestLocale(request)),
      ),
  );
  app.get(
    "/people/:personId/evidence.csv",
    { schema: { tags, params: personParams, querystring: evidenceQuerySchema } },
    async (request, reply) =>
      sendCsv(reply, await documentInput(request, () => request.params.personId, request.query.registration)),
  );
  app.get(
    "/people/:personId/evidence.pdf",
    { schema: { tags, params: personParams, querystring: evidenceQuerySchema }, config: pdfRouteConfig(app) },
    async (request, reply) =>
      sendPdf(reply, await documentInput(request, () => request.params.personId, request.query.registration)),
  );
};
