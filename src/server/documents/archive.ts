import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { archivedDocuments } from "../../db/schema.js";
import { bytesHash } from "../../domain/declarations/hash.js";
import type { Actor } from "../../domain/roles.js";
import type { PdfRenderer } from "./render-pool.js";
import type { PdfTask } from "./render-task.js";

/**
 * Documents made once, when they became final, and served unchanged from then on: the bytes a
 * reader downloads today are the bytes stored then. A reader is served the stored copy made for
 * their view only: the view is the SHA-256 of everything the document is made from except what
 * may change without changing what it says (the organisation's name, colour and logo; the
 * trajectory's status of the day). A reader whose view was not stored gets a copy made for them,
 * so no one is ever handed what was made for someone who may see more.
 */

export type ArchivedKind = (typeof archivedDocuments.$inferSelect)["kind"];

function canonical(value: unknown): unknown {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return createHash("sha256").update(value).digest("hex");
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}

/** The view of a document: what its reader sees, without the parts that may change without changing that. */
export function viewHash(task: PdfTask): string {
  const { organisation: _organisation, ...rest } = task.input as PdfTask["input"] & Record<string, unknown>;
  const data: Record<string, unknown> = { kind: task.kind, ...rest };
  if (task.kind === "declaration" || task.kind === "certificate") delete data.verifyUrl;
  if (task.kind === "finalReport") {
    const { statusLabel: _status, ...trajectory } = task.input.trajectory;
    data.trajectory = trajectory;
  }
  return createHash("sha256")
    .update(JSON.stringify(canonical(data)))
    .digest("hex");
}

/**
 * Renders each distinct view once and stores it; returns the SHA-256 of each stored file. Runs
 * in the transaction that makes the document final, so the document is final with its files or
 * not at all.
 */
export async function archiveDocuments(
  tx: Tx,
  actor: Actor,
  pdf: PdfRenderer,
  subject: { kind: ArchivedKind; id: string },
  tasks: readonly PdfTask[],
): Promise<string[]> {
  const views = new Map(tasks.map((task) => [viewHash(task), task]));
  const stored: string[] = [];
  for (const [view, task] of views) {
    const content = await pdf.render(task);
    const sha256 = bytesHash(content);
    await tx
      .insert(archivedDocuments)
      .values({
        organisationId: actor.organisationId,
        kind: subject.kind,
        subjectId: subject.id,
        viewSha256: view,
        content,
        sha256,
      })
      .onConflictDoNothing();
    stored.push(sha256);
  }
  return stored;
}

/** The stored copy for this reader's view of the document, or null when none was stored for it. */
export async function archivedDocument(
  tx: Tx,
  actor: Actor,
  subject: { kind: ArchivedKind; id: string },
  task: PdfTask,
): Promise<{ content: Buffer; sha256: string } | null> {
  const [found] = await tx
    .select({ content: archivedDocuments.content, sha256: archivedDocuments.sha256 })
    .from(archivedDocuments)
    .where(
      and(
        eq(archivedDocuments.organisationId, actor.organisationId),
        eq(archivedDocuments.kind, subject.kind),
        eq(archivedDocuments.subjectId, subject.id),
        eq(archivedDocuments.viewSha256, viewHash(task)),
      ),
    );
  return found ?? null;
}
