import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  certificateListSchema,
  certificateViewSchema,
  learningLineCertificateSchema,
} from "../../domain/certificates/api.js";
import { pdfRouteConfig } from "../documents/rate-limit.js";
import { attachment, downloadName } from "../http/files.js";
import { requestLocale } from "../plugins/errors.js";
import { withTenant } from "../tenancy.js";
import {
  certificatePdf,
  type IssueContext,
  issueLearningLineCertificate,
  issueModuleCertificate,
  ownCertificates,
} from "./issue.js";

const tags = ["certificates"];
const security = [{ session: [] }];

/**
 * Completion certificates (decision 0027). Issuing is a POST (it stores the certificate and its
 * PDFs); the holder downloads the PDF stored at issue.
 */
export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const verifyUrl = `${app.publicUrl}/verifieren`;
  const context: IssueContext = { pdf: app.pdf, verifyUrl };

  app.get(
    "/certificates",
    {
      schema: {
        tags,
        security,
        summary: "The reader's own certificates, newest first",
        response: { 200: certificateListSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => ownCertificates(tx, actor)),
  );

  app.post(
    "/modules/:moduleId/certificate",
    {
      schema: {
        tags,
        security,
        summary:
          "The certificate of a module the reader completed: issued once (201), handed out again after that (200); 409 while not completed",
        params: z.object({ moduleId: z.uuid() }),
        response: { 200: certificateViewSchema, 201: certificateViewSchema },
      },
      config: pdfRouteConfig(app),
    },
    async (request, reply) => {
      const made = await withTenant(request, (tx, actor) =>
        issueModuleCertificate(tx, actor, context, request.params.moduleId),
      );
      return reply.status(made.issued ? 201 : 200).send(made.certificate);
    },
  );

  app.post(
    "/learning-path/certificate",
    {
      schema: {
        tags,
        security,
        summary:
          "The certificate of the reader's whole learning line on a framework, once everything on it is done: issued once per achievement; 409 while not",
        body: learningLineCertificateSchema,
        response: { 200: certificateViewSchema, 201: certificateViewSchema },
      },
      config: pdfRouteConfig(app),
    },
    async (request, reply) => {
      const made = await withTenant(request, (tx, actor) =>
        issueLearningLineCertificate(tx, actor, context, request.body.frameworkId),
      );
      return reply.status(made.issued ? 201 : 200).send(made.certificate);
    },
  );

  app.get(
    "/certificates/:certificateId/pdf",
    {
      schema: {
        tags,
        security,
        summary: "One of the reader's certificates as the PDF stored at issue, in the reader's language",
        params: z.object({ certificateId: z.uuid() }),
      },
      config: pdfRouteConfig(app),
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const { row, task, stored } = await withTenant(request, (tx, actor) =>
        certificatePdf(tx, actor, request.params.certificateId, locale, verifyUrl),
      );
      // Issued before a language was stored, or stored under another view: made anew, not stored (a GET never writes).
      const bytes = stored ? stored.content : await app.pdf.render(task);
      const name = downloadName(row.content.title[locale], "certificaat.pdf");
      return reply.type("application/pdf").header("content-disposition", attachment(name)).send(bytes);
    },
  );
};
