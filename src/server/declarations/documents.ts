import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Tx } from "../../db/connection.js";
import { trajectoryDocuments } from "../../db/schema.js";
import { bytesHash } from "../../domain/declarations/hash.js";
import { canReadMotivation, canUploadMotivation } from "../../domain/declarations/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { readUpload, safeFileName } from "../http/files.js";
import { forbidden, invalid, notFound } from "../http/problem.js";
import { logRead } from "../privacy/access-log.js";
import { assertOpen, loadTrajectoryWithMeetings, traineeIds } from "../trajectories/load-trajectory.js";

/** A motivated request or a declaration to verify: a PDF of at most this size. */
export const PDF_MAX_BYTES = 4 * 1024 * 1024;

const tooLarge = (field: string) =>
  invalid({ [field]: { key: "field.fileSize", values: { max: PDF_MAX_BYTES / 1024 / 1024 } } });

/** Whether the bytes are a PDF (by their content, whatever the name or declared type). */
export const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString("latin1") === "%PDF-";

/**
 * Reads the one file of a multipart request from `field`, a PDF by its bytes and within the size
 * limit; anything else is a 422 on that field.
 */
export async function readPdfUpload(request: FastifyRequest, field: string): Promise<{ bytes: Buffer; name: string }> {
  const file = await readUpload(request, {
    field,
    maxBytes: PDF_MAX_BYTES,
    missing: () => invalid({ [field]: "field.fileMissing" }),
    tooLarge: () => tooLarge(field),
  });
  if (!isPdf(file.bytes)) throw invalid({ [field]: "field.pdfOnly" });
  return file;
}

/** An uploaded PDF's name as stored: safe, and ending in .pdf. */
export function pdfFileName(name: string, fallback: string) {
  const base = safeFileName(name, "");
  return base.toLowerCase().endsWith(".pdf") ? base : `${base || fallback}.pdf`;
}

/** Stores the motivated request for the trajectory's guide; the latest upload counts. */
export async function uploadMotivation(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  file: { bytes: Buffer; name: string },
) {
  const loaded = await loadTrajectoryWithMeetings(tx, actor, trajectoryId);
  if (!canUploadMotivation(loaded.viewer)) throw forbidden();
  assertOpen(loaded);
  const sha256 = bytesHash(file.bytes);
  const fileName = pdfFileName(file.name, "motivatie");
  const [made] = await tx
    .insert(trajectoryDocuments)
    .values({
      organisationId: actor.organisationId,
      trajectoryId,
      kind: "motivation",
      fileName,
      mime: "application/pdf",
      content: file.bytes,
      sha256,
      uploadedBy: actor.userId,
    })
    .returning({ id: trajectoryDocuments.id });
  await recordAudit(tx, actor, {
    type: "motivation.uploaded",
    subjectType: "trajectory",
    subjectId: trajectoryId,
    after: { fileName, sha256, size: file.bytes.length },
  });
  return made?.id;
}

/** One uploaded document of a trajectory, for whoever may see the trajectory's declarations. */
export async function readDocument(tx: Tx, actor: Actor, trajectoryId: string, documentId: string) {
  const loaded = await loadTrajectoryWithMeetings(tx, actor, trajectoryId);
  if (!canReadMotivation(loaded.viewer)) throw notFound();
  const [found] = await tx
    .select({
      fileName: trajectoryDocuments.fileName,
      mime: trajectoryDocuments.mime,
      content: trajectoryDocuments.content,
    })
    .from(trajectoryDocuments)
    .where(
      and(
        eq(trajectoryDocuments.id, documentId),
        eq(trajectoryDocuments.trajectoryId, trajectoryId),
        eq(trajectoryDocuments.organisationId, actor.organisationId),
      ),
    );
  if (!found) throw notFound();
  await logRead(tx, actor, "document", traineeIds(loaded), documentId);
  return found;
}
