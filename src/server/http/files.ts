import type { FastifyRequest } from "fastify";
import { HttpProblem } from "./problem.js";

/**
 * Text as a file name, safe to store and to send back in a header: ASCII letters, digits, dot,
 * dash and underscore, at most `max` characters; `fallback` when nothing of it is left.
 */
export function safeFileName(text: string, fallback: string, max = 100): string {
  const name = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, max)
    .replace(/[-.]+$/, "");
  return name || fallback;
}

/** The name a download gets: its subject (a trajectory's title, a person's name) and what it is. */
export const downloadName = (subject: string, suffix: string) =>
  `${safeFileName(subject, "traject", 60).toLowerCase()}-${suffix}`;

/** The Content-Disposition of a file sent as a download. */
export const attachment = (name: string) => `attachment; filename="${safeFileName(name, "download")}"`;

export interface UploadRules {
  /** The multipart field the file must come in. */
  field: string;
  maxBytes: number;
  /** The problem when the file is absent or empty, and when it is larger than `maxBytes`. */
  missing: () => HttpProblem;
  tooLarge: () => HttpProblem;
}

/**
 * Reads the one file of a multipart request, whole, from `rules.field`. No file, an empty one or
 * one over the size limit is a 422 on that field; a form the parser cannot read is a 400.
 * What the bytes are is for the caller to decide, by their content.
 */
export async function readUpload(
  request: FastifyRequest,
  rules: UploadRules,
): Promise<{ bytes: Buffer; name: string }> {
  if (!request.isMultipart()) throw rules.missing();
  let bytes: Buffer;
  let name: string;
  try {
    const file = await request.file({ limits: { fileSize: rules.maxBytes, files: 1 } });
    if (file?.fieldname !== rules.field) throw rules.missing();
    bytes = await file.toBuffer();
    if (file.file.truncated) throw rules.tooLarge();
    name = file.filename;
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw rules.tooLarge();
    // The multipart parser throws plain errors for a form it cannot read (no boundary, a part
    // never closed): the request is at fault, not the server.
    if (!(error instanceof HttpProblem) && !(error as { statusCode?: number }).statusCode)
      throw new HttpProblem(400, "problem.badRequest");
    throw error;
  }
  if (bytes.length === 0) throw rules.missing();
  return { bytes, name };
}
