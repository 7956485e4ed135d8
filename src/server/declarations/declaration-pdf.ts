import type { Tx } from "../../db/connection.js";
import { declarationFiles } from "../../db/schema.js";
import type { DeclarationView } from "../../domain/declarations/api.js";
import { canViewDeclarations } from "../../domain/declarations/policy.js";
import { LOCALES, type Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { canViewTrajectory } from "../../domain/trajectories/policy.js";
import { archiveDocuments } from "../documents/archive.js";
import { documentReaders } from "../documents/readers.js";
import type { PdfRenderer } from "../documents/render-pool.js";
import type { PdfTask } from "../documents/render-task.js";
import { organisationOf } from "../organisations/service.js";
import { logRead } from "../privacy/access-log.js";
import type { DocumentOrganisation } from "../trajectories/documents/pdf.js";
import { traineeIds, viewerOf } from "../trajectories/load-trajectory.js";
import { type DeclarationContext, type DeclarationRow, loadDeclaration } from "./load-declarations.js";
import { presentDeclaration } from "./present-declaration.js";
import type { DeclarationPdfInput } from "./render-declaration.js";

/**
 * What the declaration's PDF shows this reader: made from the declaration as the API shows them
 * (`presentDeclaration`), so the content leaves out the parts of the trajectory they may not see
 * and a signature's address is there only where the API shows it (the admin, the signer).
 */
export function declarationDocument(
  organisation: DocumentOrganisation,
  locale: Locale,
  view: DeclarationView,
  verifyUrl: string,
): DeclarationPdfInput {
  return {
    organisation,
    locale,
    content: view.content,
    number: view.number,
    status: view.status,
    contentSha256: view.contentSha256,
    frozenAt: view.frozenAt,
    signatures: view.slots
      .flatMap((slot) => (slot.signature ? [{ slot, signature: slot.signature }] : []))
      .sort((a, b) => a.signature.signedAt.localeCompare(b.signature.signedAt))
      .map(({ slot, signature }) => ({
        name: signature.name,
        slotLabel: view.content.signers.find((s) => s.key === slot.key)?.label ?? slot.label,
        signedAt: signature.signedAt,
        ip: signature.ip,
      })),
    verifyUrl,
  };
}

/** What the declaration's PDF shows, for everyone who may see the trajectory's declarations. */
export async function declarationPdfInput(
  tx: Tx,
  actor: Actor,
  declarationId: string,
  locale: Locale,
  verifyUrl: string,
): Promise<DeclarationPdfInput> {
  const { context, row } = await loadDeclaration(tx, actor, declarationId);
  await logRead(tx, actor, "document", traineeIds(context.loaded), declarationId);
  const organisation = await organisationOf(tx, actor);
  return declarationDocument(organisation, locale, presentDeclaration(context, row, locale), verifyUrl);
}

/**
 * The PDF as it is stored once signed: the same for every reader of this view, without the
 * addresses signatures were made from (personal data the stored copy would hand to every reader;
 * they stay in the audit log).
 */
export const archivedDeclarationInput = (input: DeclarationPdfInput): DeclarationPdfInput => ({
  ...input,
  signatures: input.signatures.map((s) => ({ ...s, ip: "—" })),
});

/**
 * Makes the signed declaration's PDF once, when the last signature made it signed: for every
 * reader's view and language, stored and recorded for verification. Served unchanged after.
 * Made from the context the signature was made in, as each reader would load it.
 */
export async function archiveSignedDeclaration(
  tx: Tx,
  actor: Actor,
  pdf: PdfRenderer,
  signed: { context: DeclarationContext; row: DeclarationRow },
  verifyUrl: string,
) {
  const { context, row } = signed;
  const organisation = await organisationOf(tx, actor);
  const tasks: PdfTask[] = [];
  for (const reader of documentReaders(actor, context.loaded.participants)) {
    const viewer = viewerOf(reader, context.loaded.participants);
    // Whoever would get a 404 for the declaration gets no copy.
    if (!canViewTrajectory(viewer) || !canViewDeclarations(viewer)) continue;
    const view = presentDeclaration({ ...context, loaded: { ...context.loaded, viewer } }, row, "nl");
    const input = declarationDocument(organisation, "nl", view, verifyUrl);
    for (const locale of LOCALES)
      tasks.push({ kind: "declaration", input: archivedDeclarationInput({ ...input, locale }) });
  }
  const subject = { kind: "declaration", id: row.id } as const;
  const files = await archiveDocuments(tx, actor, pdf, subject, tasks);
  for (const sha256 of files) await recordDeclarationFile(tx, actor, row.id, sha256);
}

/** Remembers a PDF handed out by the SHA-256 of its bytes, so an uploaded copy is recognised. */
export async function recordDeclarationFile(tx: Tx, actor: Actor, declarationId: string, sha256: string) {
  await tx
    .insert(declarationFiles)
    .values({ sha256, organisationId: actor.organisationId, declarationId })
    .onConflictDoNothing();
}
