import { and, desc, eq, or, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Tx } from "../../db/connection.js";
import { memberships, moduleAssignments, moduleProgress, moduleVersions, users } from "../../db/schema.js";
import type { AssignmentQueue, ReviewInput } from "../../domain/modules/api.js";
import { canReviewAssignments, canSeeAssignmentQueue } from "../../domain/modules/policy.js";
import { sniffLogoType } from "../../domain/organisations/logo.js";
import { type Actor, hasRole } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { isPdf } from "../declarations/documents.js";
import type { PdfChecker } from "../documents/pdf-check.js";
import { forbidden, HttpProblem, invalid, notFound } from "../http/problem.js";
import { notify } from "../notifications/notify.js";
import { logRead } from "../privacy/access-log.js";
import {
  assignmentStatuses,
  lockedProgress,
  presentSubmission,
  progressForChange,
  storeProgress,
  submissionsOf,
} from "./learning.js";

/**
 * On-the-job assignments (werkplekopdrachten, decision 0026): the learner describes what they
 * did with the student, with a photo or a PDF as evidence if they like; the praktijkopleider or their team leader
 * signs it off or sends it back with a reason. Each submission is a row; the newest counts.
 */

/**
 * Evidence: a photo from a phone or a PDF, at most this many bytes as uploaded; a photo is stored
 * at most EVIDENCE_PIXELS on its longest side.
 */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_PIXELS = 2000;
const DESCRIPTION_MAX = 10_000;

export interface SubmissionInput {
  block: string;
  description: string;
  file: Buffer | null;
}

export interface Evidence {
  bytes: Buffer;
  mime: "image/jpeg" | "application/pdf";
}

const tooLarge = () =>
  invalid({ evidence: { key: "field.evidenceSize", values: { max: EVIDENCE_MAX_BYTES / 1024 / 1024 } } });

/**
 * Reads a submission sent as a multipart form: the `description` field and, optionally, one
 * `evidence` file, with the `block` it is for, in any order. What the file is, acceptEvidence decides.
 */
export async function readSubmission(request: FastifyRequest): Promise<SubmissionInput> {
  if (!request.isMultipart()) throw invalid({ description: "field.required" });
  let description = "";
  let block = "";
  let file: Buffer | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 3 } })) {
      if (part.type === "file") {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw tooLarge();
        if (part.fieldname === "evidence" && bytes.length > 0) file = bytes;
      } else if (part.fieldname === "description") description = String(part.value ?? "");
      else if (part.fieldname === "block") block = String(part.value ?? "").slice(0, 40);
    }
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    if (!(error instanceof HttpProblem) && !(error as { statusCode?: number }).statusCode)
      throw new HttpProblem(400, "problem.badRequest");
    throw error;
  }
  description = description.trim();
  if (!description) throw invalid({ description: "field.required" });
  if (description.length > DESCRIPTION_MAX)
    throw invalid({ description: { key: "field.tooLong", values: { max: DESCRIPTION_MAX } } });
  if (!block) throw invalid({ block: "field.required" });
  return { block, description, file };
}

/**
 * Evidence is accepted by its bytes, whatever its name or declared type, once read whole: a PDF
 * by the PDF checker (decision 0030), a photo by reencodePhoto. Anything else is refused at the field.
 */
export async function acceptEvidence(pdfCheck: PdfChecker, bytes: Buffer): Promise<Evidence> {
  if (isPdf(bytes)) {
    await pdfCheck.assertReadable(bytes, "evidence");
    return { bytes, mime: "application/pdf" };
  }
  return { bytes: await reencodePhoto(bytes), mime: "image/jpeg" };
}

/**
 * Decodes the whole photo and stores a JPEG Koers made of it: turned as the camera said, at most
 * EVIDENCE_PIXELS on its longest side, without metadata (no location, no camera). Anything that
 * does not decode is refused at the field.
 */
export async function reencodePhoto(bytes: Buffer): Promise<Buffer> {
  if (!sniffLogoType(bytes)) throw invalid({ evidence: "field.evidenceType" });
  // Loaded with the first photo, not at start-up.
  const { default: sharp } = await import("sharp");
  try {
    return await sharp(bytes, { failOn: "warning", limitInputPixels: 60_000_000 })
      .rotate()
      .resize({ width: EVIDENCE_PIXELS, height: EVIDENCE_PIXELS, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    throw invalid({ evidence: "field.evidenceUnreadable" });
  }
}

/** The learner hands in an assignment; answers the submission's id. */
export async function submitAssignment(
  tx: Tx,
  actor: Actor,
  moduleId: string,
  blockKey: string,
  input: { description: string; evidence: Evidence | null },
) {
  const change = await progressForChange(tx, actor, moduleId, blockKey);
  const { block, row } = change;
  if (block.kind !== "assignment") throw new HttpProblem(409, "module.wrongBlockKind");
  const status = assignmentStatuses(await submissionsOf(tx, actor.organisationId, [row.id]))[blockKey];
  if (status === "submitted") throw new HttpProblem(409, "assignment.pending");
  if (status === "signed_off") throw new HttpProblem(409, "assignment.done");
  const [made] = await tx
    .insert(moduleAssignments)
    .values({
      organisationId: actor.organisationId,
      progressId: row.id,
      userId: actor.userId,
      blockKey,
      description: input.description,
      evidence: input.evidence?.bytes ?? null,
      evidenceMime: input.evidence?.mime ?? null,
    })
    .returning({ id: moduleAssignments.id });
  if (!made) throw new Error("submission not made");
  await storeProgress(tx, actor, change, { ...row.state, last: blockKey });
  await recordAudit(tx, actor, {
    type: "assignment.submitted",
    subjectType: "module",
    subjectId: moduleId,
    after: { assignmentId: made.id, blockKey, evidence: input.evidence !== null },
  });
  // The reviewers hear of it: the praktijkopleiders and the learner's team leader.
  const [learner] = await tx
    .select({ managerId: memberships.managerId, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.userId, actor.userId)));
  const reviewers = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, actor.organisationId),
        eq(memberships.status, "active"),
        or(
          sql`'training_officer' = ANY (${memberships.roles})`,
          learner?.managerId
            ? and(eq(memberships.id, learner.managerId), sql`'client' = ANY (${memberships.roles})`)
            : sql`false`,
        ),
      ),
    );
  await notify(
    tx,
    actor,
    reviewers.map((r) => r.userId),
    "assignment.submitted",
    { name: learner?.name ?? "", title: block.title },
    "/werkplekopdrachten",
  );
  return made.id;
}

/** One submission with its learner, when the actor may review it; null otherwise. */
async function reviewable(tx: Tx, actor: Actor, assignmentId: string) {
  const [row] = await tx
    .select({
      assignment: moduleAssignments,
      moduleId: moduleProgress.moduleId,
      managerId: memberships.managerId,
    })
    .from(moduleAssignments)
    .innerJoin(moduleProgress, eq(moduleProgress.id, moduleAssignments.progressId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.organisationId, moduleAssignments.organisationId),
        eq(memberships.userId, moduleAssignments.userId),
      ),
    )
    .where(and(eq(moduleAssignments.id, assignmentId), eq(moduleAssignments.organisationId, actor.organisationId)));
  if (!row || !canReviewAssignments(actor, { userId: row.assignment.userId, managerId: row.managerId })) return null;
  return row;
}

/** Signs an assignment off, or sends it back with a reason; the learner is told. */
export async function reviewAssignment(tx: Tx, actor: Actor, assignmentId: string, input: ReviewInput) {
  const found = await reviewable(tx, actor, assignmentId);
  if (!found) throw notFound();
  const { assignment } = found;
  if (assignment.status !== "submitted") throw new HttpProblem(409, "assignment.notOpen");
  const signOff = input.decision === "sign_off";
  const [updated] = await tx
    .update(moduleAssignments)
    .set({
      status: signOff ? "signed_off" : "returned",
      reason: signOff ? null : (input.reason ?? null),
      reviewedBy: actor.userId,
      reviewedAt: sql`now()`,
      version: sql`${moduleAssignments.version} + 1`,
    })
    .where(
      and(
        eq(moduleAssignments.id, assignment.id),
        eq(moduleAssignments.version, input.version),
        eq(moduleAssignments.status, "submitted"),
      ),
    )
    .returning({ id: moduleAssignments.id });
  if (!updated) throw new HttpProblem(409, "assignment.notOpen");
  await recordAudit(tx, actor, {
    type: "assignment.reviewed",
    subjectType: "module",
    subjectId: found.moduleId,
    after: {
      assignmentId: assignment.id,
      blockKey: assignment.blockKey,
      learnerId: assignment.userId,
      decision: input.decision,
    },
  });
  await notify(
    tx,
    actor,
    [assignment.userId],
    signOff ? "assignment.signedOff" : "assignment.returned",
    {},
    `/modules/${found.moduleId}`,
  );
  // A sign-off may complete the module: the learner's progress is checked again.
  if (signOff) {
    const learner = { organisationId: actor.organisationId, userId: assignment.userId };
    const change = await lockedProgress(tx, learner, found.moduleId, assignment.blockKey);
    await storeProgress(tx, actor, change, change.row.state);
  }
}

/**
 * The assignments the actor reviews: waiting ones first, then those decided in the last weeks.
 * One statement; which learners, `canReviewAssignments` decides.
 */
export async function assignmentQueue(tx: Tx, actor: Actor): Promise<AssignmentQueue> {
  if (!canSeeAssignmentQueue(actor)) throw forbidden();
  const rows = await tx
    .select({
      id: moduleAssignments.id,
      userId: moduleAssignments.userId,
      blockKey: moduleAssignments.blockKey,
      status: moduleAssignments.status,
      description: moduleAssignments.description,
      evidenceMime: moduleAssignments.evidenceMime,
      reason: moduleAssignments.reason,
      submittedAt: moduleAssignments.submittedAt,
      reviewedAt: moduleAssignments.reviewedAt,
      version: moduleAssignments.version,
      moduleId: moduleProgress.moduleId,
      document: moduleVersions.document,
      learnerName: users.name,
      managerId: memberships.managerId,
    })
    .from(moduleAssignments)
    .innerJoin(moduleProgress, eq(moduleProgress.id, moduleAssignments.progressId))
    .innerJoin(moduleVersions, eq(moduleVersions.id, moduleProgress.moduleVersionId))
    .innerJoin(users, eq(users.id, moduleAssignments.userId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.organisationId, moduleAssignments.organisationId),
        eq(memberships.userId, moduleAssignments.userId),
      ),
    )
    .where(
      and(
        eq(moduleAssignments.organisationId, actor.organisationId),
        or(
          eq(moduleAssignments.status, "submitted"),
          sql`${moduleAssignments.reviewedAt} > now() - interval '30 days'`,
        ),
      ),
    )
    .orderBy(sql`${moduleAssignments.status} = 'submitted' DESC`, desc(moduleAssignments.submittedAt));
  return {
    reflections: await sharedReflections(tx, actor),
    assignments: rows
      .filter((r) => canReviewAssignments(actor, { userId: r.userId, managerId: r.managerId }))
      .map((r) => {
        const block = r.document.blocks.find((b) => b.key === r.blockKey);
        return {
          ...presentSubmission({ ...r, progressId: "", reviewer: null }),
          moduleId: r.moduleId,
          moduleTitle: r.document.title,
          blockTitle: block?.kind === "assignment" ? block.title : r.blockKey,
          instructions: block?.kind === "assignment" ? block.instructions : "",
          learner: { userId: r.userId, name: r.learnerName },
        };
      }),
  };
}

/**
 * The reflections learners of the organisation shared with their praktijkopleider, newest first:
 * for the praktijkopleider only, and only those the learner marked as shared. One statement.
 */
async function sharedReflections(tx: Tx, actor: Actor): Promise<AssignmentQueue["reflections"]> {
  if (!hasRole(actor, "training_officer")) return [];
  const rows = await tx
    .select({
      moduleId: moduleProgress.moduleId,
      userId: moduleProgress.userId,
      state: moduleProgress.state,
      updatedAt: moduleProgress.updatedAt,
      document: moduleVersions.document,
      name: users.name,
    })
    .from(moduleProgress)
    .innerJoin(moduleVersions, eq(moduleVersions.id, moduleProgress.moduleVersionId))
    .innerJoin(users, eq(users.id, moduleProgress.userId))
    .where(
      and(
        eq(moduleProgress.organisationId, actor.organisationId),
        sql`jsonb_path_exists(${moduleProgress.state}, '$.reflections.*.shared ? (@ == true)')`,
      ),
    )
    .orderBy(desc(moduleProgress.updatedAt));
  return rows
    .filter((r) => r.userId !== actor.userId)
    .flatMap((r) =>
      r.document.blocks.flatMap((block) => {
        const reflection = r.state.reflections[block.key];
        if (block.kind !== "reflection" || !reflection?.shared) return [];
        return [
          {
            moduleId: r.moduleId,
            moduleTitle: r.document.title,
            question: block.question,
            answer: reflection.answer,
            learner: { userId: r.userId, name: r.name },
            updatedAt: r.updatedAt.toISOString(),
          },
        ];
      }),
    );
}

/** A submission's evidence, for its learner and for those who review it. */
export async function assignmentEvidence(tx: Tx, actor: Actor, assignmentId: string) {
  const [row] = await tx
    .select({
      userId: moduleAssignments.userId,
      evidence: moduleAssignments.evidence,
      mime: moduleAssignments.evidenceMime,
    })
    .from(moduleAssignments)
    .where(and(eq(moduleAssignments.id, assignmentId), eq(moduleAssignments.organisationId, actor.organisationId)));
  if (!row?.evidence || !row.mime) throw notFound();
  if (row.userId !== actor.userId && !(await reviewable(tx, actor, assignmentId))) throw notFound();
  await logRead(tx, actor, "assignment", [row.userId], assignmentId);
  return { bytes: row.evidence, mime: row.mime };
}
