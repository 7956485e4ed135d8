import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";
import { canManageBranding } from "../../domain/organisations/policy.js";
import { updateBrandingSchema } from "../../domain/organisations/schemas.js";
import { authorize, requireAuth } from "../plugins/auth.js";
import { validatorCompiler } from "../plugins/errors.js";
import { withTenant } from "../tenancy.js";
import { brandingResponse, organisationParams, versionQuery } from "./schemas.js";
import { getBranding, readMemberLogo, setLogo, updateBranding } from "./service.js";
import { readLogoUpload } from "./upload.js";

const tags = ["organisation"];

/** The upload's form, for the API document; the part itself is read and checked by readLogoUpload. */
const logoForm = z.object({
  logo: z.string().meta({ format: "binary", description: "PNG, JPEG or WebP, at most 512 kB" }),
});
/** Validates query and params as usual; the multipart body is streamed, not parsed, so it is not validated here. */
const streamedBody = (route: { schema: unknown; httpPart?: string }) =>
  route.httpPart === "body" ? () => ({ value: undefined }) : validatorCompiler(route as { schema: ZodType });
const security = [{ session: [] }];

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/organisation/branding",
    {
      schema: {
        tags,
        security,
        summary: "Name, colour and logo of the current organisation",
        response: { 200: brandingResponse },
      },
    },
    (request) => withTenant(request, (tx, actor) => getBranding(tx, actor)),
  );

  app.put(
    "/organisation/branding",
    {
      schema: {
        tags,
        security,
        summary: "Change name and colour (versioned: a stale version is 409)",
        body: updateBrandingSchema,
        response: { 200: brandingResponse },
      },
    },
    (request) => withTenant(request, (tx, actor) => updateBranding(tx, actor, request.body)),
  );

  app.post(
    "/organisation/logo",
    {
      schema: {
        tags,
        security,
        summary: "Upload a logo (multipart field `logo`: PNG, JPEG or WebP by content, at most 512 kB)",
        consumes: ["multipart/form-data"],
        body: logoForm,
        querystring: versionQuery,
        response: { 200: brandingResponse },
      },
      validatorCompiler: streamedBody,
    },
    async (request) => {
      // The upload is read before the transaction, so refusing someone must not wait for it.
      authorize(request, canManageBranding);
      const logo = await readLogoUpload(request);
      return withTenant(request, (tx, actor) => setLogo(tx, actor, request.query.version, logo));
    },
  );

  app.delete(
    "/organisation/logo",
    {
      schema: {
        tags,
        security,
        summary: "Remove the logo (versioned)",
        querystring: versionQuery,
        response: { 200: brandingResponse },
      },
    },
    (request) => withTenant(request, (tx, actor) => setLogo(tx, actor, request.query.version, null)),
  );

  app.get(
    "/me/organisations/:organisationId/logo",
    {
      schema: {
        tags,
        security,
        summary: "The logo of an organisation the signed-in person is an active member of; 404 otherwise",
        params: organisationParams,
        response: { 200: z.any().describe("The image: image/png, image/jpeg or image/webp") },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const logo = await readMemberLogo(app.db, user.id, request.params.organisationId);
      return reply
        .type(logo.mime)
        .header("cache-control", "private, max-age=31536000, immutable")
        .header("x-content-type-options", "nosniff")
        .send(logo.bytes);
    },
  );
};
