import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";
import { verificationSchema, verifyBodySchema } from "../../domain/declarations/api.js";
import { bytesHash, isSha256 } from "../../domain/declarations/hash.js";
import { invalid } from "../http/problem.js";
import { validatorCompiler } from "../plugins/errors.js";
import { readPdfUpload } from "./documents.js";
import { verifyHash } from "./verify.js";

const tags = ["verification"];

/** A JSON body is validated as usual; a multipart upload is streamed and read by readPdfUpload. */
const jsonOrUpload = (route: { schema: unknown; httpPart?: string }) =>
  route.httpPart === "body" ? (value: unknown) => ({ value }) : validatorCompiler(route as { schema: ZodType });

/**
 * The verification of a declaration's PDF or hash, open to anyone holding one: no session is
 * needed (the CSRF token of a signed-out visitor still is, as for signing in). Rate-limited,
 * and the answer names only the declaration, its organisation and its signers.
 */
export const verificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/verify",
    {
      schema: {
        tags,
        summary:
          "Check a declaration: JSON {hash} (the SHA-256 of the PDF or of the content) or a multipart PDF in field `file`",
        body: verifyBodySchema.or(z.object({ file: z.string().meta({ format: "binary" }) })),
        response: { 200: verificationSchema },
      },
      validatorCompiler: jsonOrUpload,
      config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (request) => {
      if (request.isMultipart()) {
        const { bytes } = await readPdfUpload(request, "file");
        return verifyHash(app.db, bytesHash(bytes));
      }
      const parsed = verifyBodySchema.safeParse(request.body ?? {});
      const hash = parsed.success ? parsed.data.hash : "";
      if (!isSha256(hash)) throw invalid({ hash: "field.hashInvalid" });
      return verifyHash(app.db, hash);
    },
  );
};
