import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { certificates, memberships, moduleProgress, moduleVersions, users } from "../../db/schema.js";
import type { CertificateList, CertificateView } from "../../domain/certificates/api.js";
import {
  both,
  type CertificateContent,
  type CertificateKind,
  learningLineCompetences,
  learningLineComplete,
  sameAchievement,
} from "../../domain/certificates/certificate.js";
import { activeCompetences } from "../../domain/competences/framework.js";
import { canScanSelf } from "../../domain/competences/policy.js";
import { dutchDay, dutchToday } from "../../domain/dutch-time.js";
import { canFollowModules } from "../../domain/modules/policy.js";
import { LOCALES } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { frameworksOf } from "../competences/versions.js";
import { contentHash } from "../content-hash.js";
import { archiveDocuments, archivedDocument } from "../documents/archive.js";
import type { PdfRenderer } from "../documents/render-pool.js";
import type { PdfTask } from "../documents/render-task.js";
import { forbidden, HttpProblem, notFound } from "../http/problem.js";
import { ownPath } from "../learning-paths/load.js";
import { ownProgress } from "../modules/learning.js";
import { organisationOf } from "../organisations/service.js";
import { memberName, membershipIn } from "../people/member-name.js";

/**
 * Completion certificates (decision 0027): issued to their holder when they ask for one, once
 * per achievement, with what they say frozen and hashed, and their PDFs (Dutch and English) made
 * at issue and archived, so the bytes a holder downloads are the bytes the verification page
 * knows. A certificate is its holder's alone: every read here is of the actor's own rows.
 */

type CertificateRow = typeof certificates.$inferSelect;

/** Where the PDFs made at issue say they can be checked. */
export interface IssueContext {
  pdf: PdfRenderer;
  verifyUrl: string;
}

const present = (row: CertificateRow): CertificateView => ({
  id: row.id,
  moduleId: row.kind === "module" ? row.subjectId : null,
  frameworkId: row.kind === "learning_line" ? row.subjectId : null,
  content: row.content,
  contentSha256: row.contentSha256,
  issuedAt: row.issuedAt.toISOString(),
});

async function holderName(tx: Tx, actor: Actor) {
  const [row] = await tx
    .select({ name: memberName })
    .from(users)
    .innerJoin(memberships, membershipIn(users.id, actor.organisationId))
    .where(eq(users.id, actor.userId));
  if (!row) throw notFound();
  return row.name;
}

async function latestIssued(tx: Tx, actor: Actor, kind: CertificateKind, subjectId: string) {
  const [row] = await tx
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.organisationId, actor.organisationId),
        eq(certificates.userId, actor.userId),
        eq(certificates.kind, kind),
        eq(certificates.subjectId, subjectId),
      ),
    )
    .orderBy(desc(certificates.issuedAt))
    .limit(1);
  return row ?? null;
}

/** The PDF task of a certificate in one language: the same for every reader, as only its holder reads it. */
export const certificateTask = (
  organisation: Awaited<ReturnType<typeof organisationOf>>,
  row: Pick<CertificateRow, "content" | "contentSha256">,
  locale: (typeof LOCALES)[number],
  verifyUrl: string,
): PdfTask => ({
  kind: "certificate",
  input: { organisation, locale, content: row.content, contentSha256: row.contentSha256, verifyUrl },
});

/**
 * Issues the certificate unless one that says the same was issued before (then that one is
 * handed out again): stored, audited, and its PDFs made and archived in the same transaction.
 */
async function issue(
  tx: Tx,
  actor: Actor,
  context: IssueContext,
  subjectId: string,
  content: Omit<CertificateContent, "holder" | "organisation">,
): Promise<{ certificate: CertificateView; issued: boolean }> {
  const organisation = await organisationOf(tx, actor);
  const full: CertificateContent = { ...content, holder: await holderName(tx, actor), organisation: organisation.name };
  const before = await latestIssued(tx, actor, content.kind, subjectId);
  if (before && sameAchievement(before.content, full)) return { certificate: present(before), issued: false };
  const contentSha256 = contentHash(full);
  const [row] = await tx
    .insert(certificates)
    .values({
      organisationId: actor.organisationId,
      userId: actor.userId,
      kind: content.kind,
      subjectId,
      content: full,
      contentSha256,
    })
    .returning();
  if (!row) throw notFound();
  await archiveDocuments(
    tx,
    actor,
    context.pdf,
    { kind: "certificate", id: row.id },
    LOCALES.map((locale) => certificateTask(organisation, row, locale, context.verifyUrl)),
  );
  await recordAudit(tx, actor, {
    type: "certificate.issued",
    subjectType: "certificate",
    subjectId: row.id,
    after: { kind: row.kind, subjectId, contentSha256 },
  });
  return { certificate: present(row), issued: true };
}

/** The certificate of a module the actor completed: the version they kept, the competences it serves. */
export async function issueModuleCertificate(tx: Tx, actor: Actor, context: IssueContext, moduleId: string) {
  if (!canFollowModules(actor)) throw forbidden();
  const progress = await ownProgress(tx, actor, moduleId);
  if (!progress) throw notFound();
  if (!progress.completedAt) throw new HttpProblem(409, "certificate.moduleNotCompleted");
  const [version] = await tx
    .select({ number: moduleVersions.number, document: moduleVersions.document })
    .from(moduleVersions)
    .where(eq(moduleVersions.id, progress.moduleVersionId));
  if (!version) throw notFound();
  const { document } = version;
  const framework = (await frameworksOf(tx, [document.tags.frameworkId])).get(document.tags.frameworkId);
  const names = new Map(framework ? activeCompetences(framework).map((c) => [c.key, c.name]) : []);
  return issue(tx, actor, context, moduleId, {
    kind: "module",
    title: both(document.title),
    version: version.number,
    completedOn: dutchDay(progress.completedAt),
    minutes: document.minutes,
    competences: document.tags.competences.map((c) => ({
      key: c.key,
      name: names.get(c.key) ?? both(c.key),
      level: c.level,
      module: null,
    })),
  });
}

/**
 * The certificate of a whole learning line: the actor's path on a framework once everything on
 * it is done (or closed by a later scan), listing each competence with the module it was
 * completed through.
 */
export async function issueLearningLineCertificate(tx: Tx, actor: Actor, context: IssueContext, frameworkId: string) {
  if (!canScanSelf(actor)) throw forbidden();
  const path = await ownPath(tx, actor, frameworkId, true);
  if (!path) throw notFound();
  if (!learningLineComplete(path.items)) throw new HttpProblem(409, "certificate.lineNotCompleted");
  const framework = (await frameworksOf(tx, [frameworkId])).get(frameworkId);
  if (!framework) throw notFound();
  const moduleIds = [...new Set(path.items.flatMap((item) => (item.module ? [item.module] : [])))];
  const followed = moduleIds.length
    ? await tx
        .select({ moduleId: moduleProgress.moduleId, document: moduleVersions.document })
        .from(moduleProgress)
        .innerJoin(moduleVersions, eq(moduleVersions.id, moduleProgress.moduleVersionId))
        .where(
          and(
            eq(moduleProgress.organisationId, actor.organisationId),
            eq(moduleProgress.userId, actor.userId),
            oneOf(moduleProgress.moduleId, moduleIds),
          ),
        )
    : [];
  const competences = learningLineCompetences(
    path.items,
    new Map(framework.competences.map((c) => [c.key, c.name])),
    new Map(followed.map((f) => [f.moduleId, f.document.title])),
  );
  // The estimated time of the modules the line was completed through, each counted once.
  const served = new Set(path.items.flatMap((item) => (item.status === "done" && item.module ? [item.module] : [])));
  const minutes = followed
    .filter((f) => served.has(f.moduleId))
    .reduce<number | null>((sum, f) => (sum ?? 0) + f.document.minutes, null);
  return issue(tx, actor, context, frameworkId, {
    kind: "learning_line",
    title: framework.name,
    version: null,
    completedOn: dutchToday(),
    minutes,
    competences,
  });
}

/** The actor's own certificates in this organisation, newest first. */
export async function ownCertificates(tx: Tx, actor: Actor): Promise<CertificateList> {
  const rows = await tx
    .select()
    .from(certificates)
    .where(and(eq(certificates.organisationId, actor.organisationId), eq(certificates.userId, actor.userId)))
    .orderBy(desc(certificates.issuedAt));
  return { certificates: rows.map(present) };
}

/** One of the actor's own certificates as the PDF stored at issue, in the language asked for. */
export async function certificatePdf(
  tx: Tx,
  actor: Actor,
  certificateId: string,
  locale: (typeof LOCALES)[number],
  verifyUrl: string,
) {
  const [row] = await tx
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.organisationId, actor.organisationId),
        eq(certificates.userId, actor.userId),
        eq(certificates.id, certificateId),
      ),
    );
  if (!row) throw notFound();
  const organisation = await organisationOf(tx, actor);
  const task = certificateTask(organisation, row, locale, verifyUrl);
  const stored = await archivedDocument(tx, actor, { kind: "certificate", id: row.id }, task);
  return { row: present(row), task, stored };
}
