import type { FastifyRequest } from "fastify";
import { type LogoMime, sniffLogoType } from "../../domain/organisations/logo.js";
import { LOGO_MAX_BYTES } from "../app.js";
import { HttpProblem, invalid } from "../http/problem.js";

const tooLarge = () => invalid({ logo: { key: "field.logoSize", values: { max: Math.floor(LOGO_MAX_BYTES / 1024) } } });

/**
 * Reads the `logo` part of a multipart request. The type is what the bytes are (PNG, JPEG or
 * WebP); the file name and the declared content type are ignored. Too large, empty or anything
 * else is a 422 on the `logo` field.
 */
export async function readLogoUpload(request: FastifyRequest): Promise<{ bytes: Buffer; mime: LogoMime }> {
  if (!request.isMultipart()) throw invalid({ logo: "field.logoMissing" });
  let bytes: Buffer;
  try {
    const file = await request.file({ limits: { fileSize: LOGO_MAX_BYTES, files: 1 } });
    if (file?.fieldname !== "logo") throw invalid({ logo: "field.logoMissing" });
    bytes = await file.toBuffer();
    if (file.file.truncated) throw tooLarge();
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    // The multipart parser throws plain errors for a form it cannot read (no boundary, a part
    // never closed): the request is at fault, not the server.
    if (!(error instanceof HttpProblem) && !(error as { statusCode?: number }).statusCode)
      throw new HttpProblem(400, "problem.badRequest");
    throw error;
  }
  if (bytes.length === 0) throw invalid({ logo: "field.logoMissing" });
  const mime = sniffLogoType(bytes);
  if (!mime) throw invalid({ logo: "field.logoType" });
  return { bytes, mime };
}
