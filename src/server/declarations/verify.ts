import { and, desc, eq, gt } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import {
  archivedDocuments,
  certificates,
  declarationFiles,
  declarationSignatures,
  declarations,
  organisations,
  regimeVersions,
  trajectories,
} from "../../db/schema.js";
import type { Verification } from "../../domain/declarations/api.js";
import type { DeclarationContent } from "../../domain/declarations/content.js";
import { verifiedState } from "../../domain/declarations/verification.js";
import { upgradeRegime } from "../../domain/regimes/upgrade.js";

/**
 * Whether a hash is that of a PDF Koers handed out or of a declaration's frozen content, in any
 * organisation: whoever holds the document may check it, and a SHA-256 cannot be guessed. The
 * answer names the declaration, its organisation and its signers, and nothing else, and says
 * plainly whether the document is a signed declaration in force (`signedAndCurrent`): a match
 * alone means only that Koers made it.
 */
export async function verifyHash(db: Db, hash: string): Promise<Verification> {
  const sha = hash.trim().toLowerCase();
  const [file] = await db
    .select({ declarationId: declarationFiles.declarationId, issuedAt: declarationFiles.createdAt })
    .from(declarationFiles)
    .where(eq(declarationFiles.sha256, sha))
    .limit(1);
  const found = file
    ? await db.select().from(declarations).where(eq(declarations.id, file.declarationId)).limit(1)
    : await db
        .select()
        .from(declarations)
        .where(eq(declarations.contentSha256, sha))
        .orderBy(desc(declarations.number))
        .limit(1);
  const declaration = found[0];
  if (!declaration) return verifyCertificate(db, sha);
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, declaration.organisationId));
  const signatures = await db
    .select({
      name: declarationSignatures.signerName,
      slot: declarationSignatures.signerKey,
      signedAt: declarationSignatures.signedAt,
    })
    .from(declarationSignatures)
    .where(
      and(
        eq(declarationSignatures.organisationId, declaration.organisationId),
        oneOf(declarationSignatures.declarationId, [declaration.id]),
      ),
    )
    .orderBy(declarationSignatures.signedAt);
  const [newer] = await db
    .select({ id: declarations.id })
    .from(declarations)
    .where(
      and(
        eq(declarations.organisationId, declaration.organisationId),
        eq(declarations.trajectoryId, declaration.trajectoryId),
        eq(declarations.kind, declaration.kind),
        gt(declarations.number, declaration.number),
      ),
    )
    .limit(1);
  const state = verifiedState({
    status: declaration.status,
    signedAt: signatures.map((s) => s.signedAt.toISOString()),
    issuedAt: file ? file.issuedAt.toISOString() : null,
    latest: !newer,
  });
  const content = declaration.content as DeclarationContent | null;
  // A draft's PDF has no frozen content: its title and form are the regime's.
  const spec = content ? null : await draftSpec(db, declaration);
  const slotLabel = (key: string) => content?.signers.find((s) => s.key === key)?.label ?? key;
  return {
    match: true,
    matchedBy: file ? "file" : "content",
    signedAndCurrent: state.signedAndCurrent,
    declaration: {
      title: content?.title ?? spec?.title.nl ?? declaration.kind,
      form: content?.form ?? spec?.form ?? null,
      organisation: organisation?.name ?? "",
      number: declaration.number,
      status: state.status,
      current: state.current,
      contentSha256: declaration.contentSha256,
      signers: signatures
        .slice(0, state.signatureCount)
        .map((s) => ({ name: s.name, slot: slotLabel(s.slot), signedAt: s.signedAt.toISOString() })),
    },
  };
}

async function draftSpec(db: Db, declaration: typeof declarations.$inferSelect) {
  const [regime] = await db
    .select({ document: regimeVersions.document })
    .from(trajectories)
    .innerJoin(
      regimeVersions,
      and(
        eq(regimeVersions.organisationId, trajectories.organisationId),
        eq(regimeVersions.hash, trajectories.regimeHash),
      ),
    )
    .where(eq(trajectories.id, declaration.trajectoryId))
    .limit(1);
  return regime ? (upgradeRegime(regime.document).declarations.find((d) => d.key === declaration.kind) ?? null) : null;
}

/**
 * A certificate by the hash of its content or of a PDF made of it at issue. The answer is what
 * the certificate itself shows: the holder's name, the organisation, what was completed.
 */
async function verifyCertificate(db: Db, sha: string): Promise<Verification> {
  const [file] = await db
    .select({ certificateId: archivedDocuments.subjectId })
    .from(archivedDocuments)
    .where(and(eq(archivedDocuments.sha256, sha), eq(archivedDocuments.kind, "certificate")))
    .limit(1);
  const [certificate] = await db
    .select()
    .from(certificates)
    .where(file ? eq(certificates.id, file.certificateId) : eq(certificates.contentSha256, sha))
    .limit(1);
  if (!certificate) return { match: false, signedAndCurrent: false };
  return {
    match: true,
    matchedBy: file ? "file" : "content",
    signedAndCurrent: false,
    certificate: {
      ...certificate.content,
      contentSha256: certificate.contentSha256,
      issuedAt: certificate.issuedAt.toISOString(),
    },
  };
}
