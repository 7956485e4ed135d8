import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";
import {
  declarationListSchema,
  declarationViewSchema,
  deviationBodySchema,
  motivationViewSchema,
  signBodySchema,
} from "../../domain/declarations/api.js";
import { bytesHash } from "../../domain/declarations/hash.js";
import { canUploadMotivation } from "../../domain/declarations/policy.js";
import { archivedDocument } from "../documents/archive.js";
import { pdfRouteConfig } from "../documents/rate-limit.js";
import { attachment, downloadName } from "../http/files.js";
import { forbidden } from "../http/problem.js";
import { requireAuth } from "../plugins/auth.js";
import { requestLocale, validatorCompiler } from "../plugins/errors.js";
import { inTenant, withTenant } from "../tenancy.js";
import { loadTrajectoryWithMeetings } from "../trajectories/load-trajectory.js";
import { confirmPassword } from "./confirm-password.js";
import { archivedDeclarationInput, declarationPdfInput, recordDeclarationFile } from "./declaration-pdf.js";
import { readDocument, readPdfUpload, uploadMotivation } from "./documents.js";
import { getDeclaration, listDeclarations } from "./get-declarations.js";
import { loadDeclarations } from "./load-declarations.js";
import { presentMotivation } from "./present-declaration.js";
import { signDeclaration } from "./sign-declaration.js";
import { startNewVersion } from "./start-new-version.js";
import { updateDeviation } from "./update-deviation.js";

const tags = ["declarations"];
const security = [{ session: [] }];
const trajectoryParams = z.object({ trajectoryId: z.uuid() });
const declarationParams = z.object({ declarationId: z.uuid() });
const documentParams = z.object({ trajectoryId: z.uuid(), documentId: z.uuid() });
const view = { 200: declarationViewSchema };
const emptyBody = z.object({}).optional();
/** The upload's form, for the API document; the part itself is read and checked by readPdfUpload. */
const motivationForm = z.object({
  file: z.string().meta({ format: "binary", description: "A PDF, at most 4 MB" }),
});
const streamedBody = (route: { schema: unknown; httpPart?: string }) =>
  route.httpPart === "body" ? () => ({ value: undefined }) : validatorCompiler(route as { schema: ZodType });

/**
 * Declarations signed in Koers: the list per trajectory, one version, the deviation text, signing
 * with the password, a new version after a change, the PDF with its audit page, and the
 * motivated request for the guide.
 */
export const declarationRoutes: FastifyPluginAsyncZod = async (app) => {
  const verifyUrl = `${app.publicUrl}/verifieren`;
  app.get(
    "/trajectories/:trajectoryId/declarations",
    {
      schema: {
        tags,
        security,
        summary: "The trajectory's declarations (latest version of each) and its motivated request",
        params: trajectoryParams,
        response: { 200: declarationListSchema },
      },
    },
    (request) =>
      withTenant(request, (tx, actor) =>
        listDeclarations(tx, actor, request.params.trajectoryId, requestLocale(request)),
      ),
  );

  app.get(
    "/declarations/:declarationId",
    { schema: { tags, security, summary: "One version of a declaration", params: declarationParams, response: view } },
    (request) =>
      withTenant(request, (tx, actor) =>
        getDeclaration(tx, actor, request.params.declarationId, requestLocale(request)),
      ),
  );

  app.put(
    "/declarations/:declarationId/deviation",
    {
      schema: {
        tags,
        security,
        summary: "Where and why the guidance deviated, before the first signature (versioned: stale is 409)",
        params: declarationParams,
        body: deviationBodySchema,
        response: view,
      },
    },
    (request) =>
      withTenant(request, (tx, actor) =>
        updateDeviation(tx, actor, request.params.declarationId, request.body, requestLocale(request)),
      ),
  );

  app.post(
    "/declarations/:declarationId/sign",
    {
      schema: {
        tags,
        security,
        summary: "Sign the latest version by entering the password again; the first signature freezes the content",
        params: declarationParams,
        body: signBodySchema,
        response: view,
      },
      config: { rateLimit: { max: app.config.LOGIN_LIMIT_PER_ADDRESS, timeWindow: "1 minute" } },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const outcome = await withTenant(request, (tx, actor) =>
        signDeclaration(
          tx,
          actor,
          request.params.declarationId,
          {
            slot: request.body.slot,
            ip: request.ip,
            userAgent: request.headers["user-agent"] ?? null,
            confirm: (tx) => confirmPassword(tx, user, request.body.password, app.config.LOGIN_LIMIT_PER_ACCOUNT),
            archive: { pdf: app.pdf, verifyUrl },
          },
          requestLocale(request),
        ),
      );
      if ("refused" in outcome) throw outcome.refused;
      return outcome.view;
    },
  );

  app.post(
    "/declarations/:declarationId/new-version",
    {
      schema: {
        tags,
        security,
        summary: "Start a new version after the trajectory's data changed since signing; it must be signed again",
        params: declarationParams,
        body: emptyBody,
        response: { 201: declarationViewSchema },
      },
    },
    async (request, reply) => {
      const made = await withTenant(request, (tx, actor) =>
        startNewVersion(tx, actor, request.params.declarationId, requestLocale(request)),
      );
      return reply.status(201).send(made);
    },
  );

  app.get(
    "/declarations/:declarationId/pdf",
    {
      schema: {
        tags,
        security,
        summary: "The declaration as PDF with its audit page; a draft is watermarked",
        params: declarationParams,
      },
      config: pdfRouteConfig(app),
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const { declarationId } = request.params;
      // A signed declaration is served as it was stored at signing, byte for byte; a draft or a
      // partly signed version is made anew, as it still changes with every signature.
      const { input, stored } = await withTenant(request, async (tx, actor) => {
        const input = await declarationPdfInput(tx, actor, declarationId, locale, verifyUrl);
        const stored =
          input.status === "signed"
            ? await archivedDocument(
                tx,
                actor,
                { kind: "declaration", id: declarationId },
                { kind: "declaration", input: archivedDeclarationInput(input) },
              )
            : null;
        return { input, stored };
      });
      const name = downloadName(input.content.trajectory.title, `${input.content.key}-v${input.number}.pdf`);
      if (stored)
        return reply.type("application/pdf").header("content-disposition", attachment(name)).send(stored.content);
      const pdf = await app.pdf.render({
        kind: "declaration",
        input: input.status === "signed" ? archivedDeclarationInput(input) : input,
      });
      const { actor } = requireAuth(request);
      await inTenant(app.db, actor, (tx) => recordDeclarationFile(tx, actor, declarationId, bytesHash(pdf)));
      return reply.type("application/pdf").header("content-disposition", attachment(name)).send(pdf);
    },
  );

  app.post(
    "/trajectories/:trajectoryId/documents",
    {
      schema: {
        tags,
        security,
        summary: "Upload the motivated request for the guide (multipart field `file`: a PDF, at most 4 MB)",
        consumes: ["multipart/form-data"],
        params: trajectoryParams,
        body: motivationForm,
        response: { 201: motivationViewSchema },
      },
      validatorCompiler: streamedBody,
    },
    async (request, reply) => {
      const { trajectoryId } = request.params;
      await withTenant(request, async (tx, actor) => {
        const loaded = await loadTrajectoryWithMeetings(tx, actor, trajectoryId);
        if (!canUploadMotivation(loaded.viewer)) throw forbidden();
      });
      const file = await readPdfUpload(request, "file");
      await app.pdfCheck.assertReadable(file.bytes, "file");
      const motivation = await withTenant(request, async (tx, actor) => {
        await uploadMotivation(tx, actor, trajectoryId, file);
        return presentMotivation(await loadDeclarations(tx, actor, trajectoryId));
      });
      return reply.status(201).send(motivation);
    },
  );

  app.get(
    "/trajectories/:trajectoryId/documents/:documentId",
    {
      schema: {
        tags,
        security,
        summary: "Download an uploaded document of the trajectory",
        params: documentParams,
      },
    },
    async (request, reply) => {
      const document = await withTenant(request, (tx, actor) =>
        readDocument(tx, actor, request.params.trajectoryId, request.params.documentId),
      );
      return reply
        .type(document.mime)
        .header("content-disposition", attachment(document.fileName))
        .header("cache-control", "private, no-store")
        .send(document.content);
    },
  );
};
