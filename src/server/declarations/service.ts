import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import {
  declarationFiles,
  declarationSignatures,
  declarations,
  memberships,
  organisations,
  registrations,
  trajectoryDocuments,
  users,
} from "../../db/schema.js";
import type { DeclarationList, DeclarationView, MotivationView } from "../../domain/declarations/api.js";
import { type DeclarationContent, declarationContent } from "../../domain/declarations/content.js";
import { contentHash } from "../../domain/declarations/hash.js";
import {
  canEditDeviation,
  canReadMotivation,
  canSeeSignatureAddress,
  canSignDeclaration,
  canStartNewVersion,
  canUploadMotivation,
  canViewDeclarations,
  visibleContent,
} from "../../domain/declarations/policy.js";
import { reregistrationDate } from "../../domain/declarations/reregistration.js";
import {
  type DeclarationState,
  declarationState,
  latestVersion,
  signableSlots,
  signRefusal,
  statusAfterSigning,
} from "../../domain/declarations/state.js";
import { dutchToday } from "../../domain/dutch-time.js";
import { type DeclarationSpec, LOCALES, type Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { canSee } from "../../domain/trajectories/policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { archiveDocuments } from "../documents/archive.js";
import { documentReaders } from "../documents/readers.js";
import type { PdfRenderer } from "../documents/render-pool.js";
import type { PdfTask } from "../documents/render-task.js";
import { forbidden, HttpProblem, invalid, notFound } from "../http/problem.js";
import { memberName, membershipIn } from "../people/member-name.js";
import { updateVersioned } from "../tenancy.js";
import type { DocumentOrganisation } from "../trajectories/documents/pdf.js";
import { type LoadedTrajectory, loadTrajectory } from "../trajectories/load-trajectory.js";
import type { DeclarationPdfInput } from "./render-declaration.js";

/**
 * A trajectory's declarations: one row per version, its content generated from the trajectory
 * until the first signature freezes it with its SHA-256. Routes call these inside `withTenant`.
 */

export type DeclarationRow = typeof declarations.$inferSelect;
type SignatureRow = typeof declarationSignatures.$inferSelect & { name: string };
type DocumentRow = Omit<typeof trajectoryDocuments.$inferSelect, "content"> & { uploadedByName: string };

export interface DeclarationContext {
  loaded: LoadedTrajectory;
  specs: DeclarationSpec[];
  rows: DeclarationRow[];
  signatures: SignatureRow[];
  documents: DocumentRow[];
  reregistrationDate: string | null;
}

export { dutchToday };

/** Everything about a trajectory's declarations, in a fixed number of queries. */
export async function loadDeclarations(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  options: { forUpdate?: boolean } = {},
): Promise<DeclarationContext> {
  const loaded = await loadTrajectory(tx, actor, trajectoryId, options);
  if (!canViewDeclarations(loaded.viewer)) throw notFound();
  const org = actor.organisationId;
  const traineeMemberships = loaded.participants
    .filter((p) => p.role === "trainee" && p.personId)
    .map((p) => p.personId as string);
  const registrationRows = traineeMemberships.length
    ? await tx
        .select({ reregistrationDate: registrations.reregistrationDate })
        .from(registrations)
        .where(and(eq(registrations.organisationId, org), inArray(registrations.membershipId, traineeMemberships)))
    : [];
  const documents = await tx
    .select({
      id: trajectoryDocuments.id,
      organisationId: trajectoryDocuments.organisationId,
      trajectoryId: trajectoryDocuments.trajectoryId,
      kind: trajectoryDocuments.kind,
      fileName: trajectoryDocuments.fileName,
      mime: trajectoryDocuments.mime,
      sha256: trajectoryDocuments.sha256,
      uploadedBy: trajectoryDocuments.uploadedBy,
      createdAt: trajectoryDocuments.createdAt,
      uploadedByName: memberName,
    })
    .from(trajectoryDocuments)
    .innerJoin(users, eq(users.id, trajectoryDocuments.uploadedBy))
    .leftJoin(memberships, membershipIn(users.id, org))
    .where(and(eq(trajectoryDocuments.organisationId, org), eq(trajectoryDocuments.trajectoryId, trajectoryId)))
    .orderBy(desc(trajectoryDocuments.createdAt), desc(trajectoryDocuments.id));
  const rowQuery = tx
    .select()
    .from(declarations)
    .where(and(eq(declarations.organisationId, org), eq(declarations.trajectoryId, trajectoryId)))
    .orderBy(asc(declarations.kind), asc(declarations.number));
  const rows = options.forUpdate ? await rowQuery.for("update") : await rowQuery;
  const signatures = rows.length
    ? await tx
        .select({ signature: declarationSignatures, name: declarationSignatures.signerName })
        .from(declarationSignatures)
        .where(
          and(
            eq(declarationSignatures.organisationId, org),
            inArray(
              declarationSignatures.declarationId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(declarationSignatures.signedAt))
    : [];
  return {
    loaded,
    specs: loaded.row.regime.declarations ?? [],
    rows,
    signatures: signatures.map((s) => ({ ...s.signature, name: s.name })),
    documents,
    reregistrationDate: reregistrationDate(registrationRows, loaded.row.startsOn),
  };
}

const specOf = (context: DeclarationContext, row: DeclarationRow) => {
  const spec = context.specs.find((s) => s.key === row.kind);
  if (!spec) throw notFound();
  return spec;
};

/** The motivated request needed before the guide's start declaration can be signed. */
const motivationRequired = (context: DeclarationContext) =>
  context.loaded.row.guideEligibility?.verdict === "eligibleWithMotivation";

/** The content of this version as the trajectory's data says now (always Dutch, as the register's forms). */
export function liveContent(context: DeclarationContext, spec: DeclarationSpec, row: DeclarationRow) {
  const { loaded } = context;
  return declarationContent(spec, {
    regime: loaded.row.regime,
    trajectory: { title: loaded.row.title, startsOn: loaded.row.startsOn, endsOn: loaded.row.endsOn },
    participants: loaded.participants,
    plan: loaded.row.plan,
    evaluationMoments: loaded.row.evaluationMoments,
    intensity: loaded.row.intensity,
    guideEligibility: loaded.row.guideEligibility,
    motivationSha256: context.documents[0]?.sha256 ?? null,
    meetings: loaded.meetings,
    deviation: row.deviation,
    reregistrationDate: context.reregistrationDate,
  });
}

interface Judged {
  spec: DeclarationSpec;
  row: DeclarationRow;
  versions: DeclarationRow[];
  live: DeclarationContent;
  liveHash: string;
  state: DeclarationState;
  isLatest: boolean;
  motivationMissing: boolean;
}

/** Where one version stands, as of today. */
export function judge(context: DeclarationContext, row: DeclarationRow, now = new Date()): Judged {
  const spec = specOf(context, row);
  const versions = context.rows.filter((r) => r.kind === row.kind);
  const live = liveContent(context, spec, row);
  const liveHash = contentHash(live);
  const state = declarationState({
    spec,
    versions: [row],
    signatures: context.signatures.map((s) => ({
      declarationId: s.declarationId,
      signerKey: s.signerKey,
      userId: s.userId,
      signedAt: s.signedAt.toISOString(),
    })),
    liveContentHash: liveHash,
    today: dutchToday(now),
    reregistrationDate: context.reregistrationDate,
    endsOn: context.loaded.row.endsOn,
    startsOn: context.loaded.row.startsOn,
  });
  const isLatest = latestVersion(versions)?.id === row.id;
  return {
    spec,
    row,
    versions,
    live,
    liveHash,
    state: isLatest ? state : { ...state, overdue: false },
    isLatest,
    motivationMissing: spec.moment === "start" && motivationRequired(context) && context.documents.length === 0,
  };
}

/** The content without the parts of the trajectory this viewer may not see. */
const shownTo = (context: DeclarationContext, content: DeclarationContent) =>
  visibleContent(content, (part) => canSee(context.loaded.viewer, context.loaded.row.regime, part));

const signerOf = (context: DeclarationContext) => ({
  userId: context.loaded.viewer.userId,
  roles: context.loaded.viewer.participantRoles,
});

export function presentDeclaration(
  context: DeclarationContext,
  row: DeclarationRow,
  locale: Locale,
  now = new Date(),
): DeclarationView {
  const judged = judge(context, row, now);
  const { spec, state, versions } = judged;
  const viewer = context.loaded.viewer;
  const signatures = context.signatures.filter((s) => s.declarationId === row.id);
  return {
    id: row.id,
    trajectoryId: context.loaded.row.id,
    trajectoryTitle: context.loaded.row.title,
    key: spec.key,
    form: spec.form,
    title: spec.title[locale],
    number: row.number,
    status: row.status,
    latest: judged.isLatest,
    frozenAt: row.frozenAt?.toISOString() ?? null,
    content: shownTo(context, (row.content as DeclarationContent | null) ?? judged.live),
    contentSha256: row.contentSha256,
    liveContentSha256: judged.liveHash,
    deviation: row.deviation,
    includesDeviation: spec.includes.includes("deviation"),
    version: row.version,
    slots: spec.signers.map((slot) => {
      const signature = signatures.find((s) => s.signerKey === slot.key);
      return {
        key: slot.key,
        label: slot.label[locale],
        roles: slot.roles,
        signature: signature
          ? {
              userId: signature.userId,
              name: signature.name,
              signedAt: signature.signedAt.toISOString(),
              contentSha256: signature.contentSha256,
              ip: canSeeSignatureAddress(viewer, signature.userId) ? signature.ip : null,
            }
          : null,
      };
    }),
    fullySigned: state.fullySigned,
    changedSinceSigning: state.changedSinceSigning,
    needsNewVersion: state.needsNewVersion && judged.isLatest,
    overdue: state.overdue,
    dueDate: state.dueDate,
    dueReason: state.dueReason,
    motivationMissing: judged.motivationMissing,
    signableSlots: judged.isLatest ? signableSlots(state, signerOf(context)) : [],
    abilities: {
      editDeviation:
        judged.isLatest &&
        row.contentSha256 === null &&
        spec.includes.includes("deviation") &&
        canEditDeviation(viewer, spec),
      newVersion: judged.isLatest && state.needsNewVersion && canStartNewVersion(viewer, spec),
    },
    history: [...versions]
      .sort((a, b) => b.number - a.number)
      .map((v) => ({
        id: v.id,
        number: v.number,
        status: v.status,
        contentSha256: v.contentSha256,
        frozenAt: v.frozenAt?.toISOString() ?? null,
      })),
  };
}

export function presentMotivation(context: DeclarationContext): MotivationView {
  const viewer = context.loaded.viewer;
  return {
    required: motivationRequired(context),
    documents: canReadMotivation(viewer)
      ? context.documents.map((d) => ({
          id: d.id,
          fileName: d.fileName,
          sha256: d.sha256,
          uploadedBy: d.uploadedByName,
          uploadedAt: d.createdAt.toISOString(),
        }))
      : [],
    canUpload: canUploadMotivation(viewer),
  };
}

/** The latest version of each of the regime's declarations, in the regime's order (made when the trajectory started). */
export async function listDeclarations(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  locale: Locale,
): Promise<DeclarationList> {
  const context = await loadDeclarations(tx, actor, trajectoryId);
  const items = context.specs.flatMap((spec) => {
    const latest = latestVersion(context.rows.filter((r) => r.kind === spec.key));
    return latest ? [presentDeclaration(context, latest, locale)] : [];
  });
  return { items, motivation: presentMotivation(context) };
}

/** The declaration row of the actor's organisation, or 404. */
async function declarationRow(tx: Tx, actor: Actor, declarationId: string) {
  const [row] = await tx
    .select({ trajectoryId: declarations.trajectoryId })
    .from(declarations)
    .where(and(eq(declarations.id, declarationId), eq(declarations.organisationId, actor.organisationId)));
  if (!row) throw notFound();
  return row;
}

/** One version with its trajectory's context; 404 for whoever may not see the trajectory. */
export async function loadDeclaration(
  tx: Tx,
  actor: Actor,
  declarationId: string,
  options: { forUpdate?: boolean } = {},
) {
  const { trajectoryId } = await declarationRow(tx, actor, declarationId);
  const context = await loadDeclarations(tx, actor, trajectoryId, options);
  const row = context.rows.find((r) => r.id === declarationId);
  if (!row) throw notFound();
  specOf(context, row);
  return { context, row };
}

export async function getDeclaration(tx: Tx, actor: Actor, declarationId: string, locale: Locale) {
  const { context, row } = await loadDeclaration(tx, actor, declarationId);
  return presentDeclaration(context, row, locale);
}

/** The deviation explanation of an end declaration, written before the first signature. */
export async function updateDeviation(
  tx: Tx,
  actor: Actor,
  declarationId: string,
  body: { version: number; deviation: string | null },
) {
  const { context, row } = await loadDeclaration(tx, actor, declarationId, { forUpdate: true });
  const judged = judge(context, row);
  if (!canEditDeviation(context.loaded.viewer, judged.spec)) throw forbidden();
  if (!judged.spec.includes.includes("deviation")) throw invalid({ deviation: "field.unknownField" });
  if (!judged.isLatest || row.status !== "open") throw new HttpProblem(409, "declaration.notOpen");
  if (row.contentSha256 !== null) throw new HttpProblem(409, "declaration.frozen");
  const deviation = body.deviation?.trim() || null;
  await updateVersioned(
    tx,
    declarations,
    { id: row.id, organisationId: actor.organisationId, expectedVersion: body.version },
    { deviation },
  );
  await recordAudit(tx, actor, {
    type: "declaration.deviationUpdated",
    subjectType: "declaration",
    subjectId: row.id,
    before: { deviation: row.deviation },
    after: { deviation },
  });
}

const REFUSALS = {
  notOpen: () => new HttpProblem(409, "declaration.notOpen"),
  changed: () => new HttpProblem(409, "declaration.changed", {}, { newVersionNeeded: true }),
  alreadySigned: () => new HttpProblem(409, "declaration.alreadySigned"),
  signedOtherSlot: () => new HttpProblem(409, "declaration.signedOtherSlot"),
  notSigner: () => forbidden(),
  unknownSlot: () => invalid({ slot: "field.unknownReference" }),
} as const;

/**
 * Signs one slot of the latest version as the requester, whose password the route has checked.
 * The first signature freezes the content with its SHA-256; every signature records that hash,
 * the time, the address and the browser. Content changed since the first signature is refused:
 * a new version must be made and signed.
 */
export async function signDeclaration(
  tx: Tx,
  actor: Actor,
  declarationId: string,
  input: { slot?: string | undefined; ip: string; userAgent: string | null },
) {
  const { context, row } = await loadDeclaration(tx, actor, declarationId, { forUpdate: true });
  const judged = judge(context, row);
  const viewer = context.loaded.viewer;
  if (!canSignDeclaration(viewer, judged.spec)) throw forbidden();
  if (!judged.isLatest) throw REFUSALS.notOpen();
  const signer = signerOf(context);
  const slot =
    input.slot ??
    signableSlots(judged.state, signer)[0] ??
    judged.spec.signers.find((s) => s.roles.some((r) => signer.roles.includes(r)))?.key ??
    "";
  const refusal = signRefusal(judged.state, signer, slot);
  if (refusal) throw REFUSALS[refusal]();
  if (judged.motivationMissing) throw new HttpProblem(422, "declaration.motivationMissing");

  let contentSha256 = row.contentSha256;
  if (contentSha256 === null) {
    contentSha256 = judged.liveHash;
    await tx
      .update(declarations)
      .set({ content: judged.live as unknown as Record<string, unknown>, contentSha256, frozenAt: new Date() })
      .where(and(eq(declarations.id, row.id), eq(declarations.organisationId, actor.organisationId)));
  }
  // The name is frozen with the signature: a later rename does not rewrite what was signed.
  const [account] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  const inserted = await tx
    .insert(declarationSignatures)
    .values({
      organisationId: actor.organisationId,
      declarationId: row.id,
      signerKey: slot,
      userId: actor.userId,
      signerName: account?.name ?? "",
      contentSha256,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: declarationSignatures.id });
  if (!inserted.length) throw REFUSALS.alreadySigned();
  const status = statusAfterSigning(judged.state.slots, slot);
  if (status !== row.status)
    await tx
      .update(declarations)
      .set({ status })
      .where(and(eq(declarations.id, row.id), eq(declarations.organisationId, actor.organisationId)));
  await recordAudit(tx, actor, {
    type: "declaration.signed",
    subjectType: "declaration",
    subjectId: row.id,
    after: { kind: row.kind, number: row.number, slot, contentSha256, status },
  });
  return status;
}

/**
 * A new version after the trajectory's data changed since the latest was signed. An unsigned
 * or partly signed version is superseded; a fully signed one stays signed. The deviation text is
 * carried over. Returns the new version's id.
 */
export async function startNewVersion(tx: Tx, actor: Actor, declarationId: string): Promise<string> {
  const { context, row } = await loadDeclaration(tx, actor, declarationId, { forUpdate: true });
  const judged = judge(context, row);
  if (!canStartNewVersion(context.loaded.viewer, judged.spec)) throw forbidden();
  const latest = latestVersion(judged.versions) as DeclarationRow;
  const latestJudged = latest.id === row.id ? judged : judge(context, latest);
  if (!latestJudged.state.needsNewVersion) throw new HttpProblem(409, "declaration.noNewVersionNeeded");
  if (latest.status === "open")
    await tx
      .update(declarations)
      .set({ status: "superseded" })
      .where(and(eq(declarations.id, latest.id), eq(declarations.organisationId, actor.organisationId)));
  const [made] = await tx
    .insert(declarations)
    .values({
      organisationId: actor.organisationId,
      trajectoryId: context.loaded.row.id,
      kind: latest.kind,
      number: latest.number + 1,
      deviation: latest.deviation,
    })
    .returning({ id: declarations.id });
  if (!made) throw notFound();
  await recordAudit(tx, actor, {
    type: "declaration.versionStarted",
    subjectType: "declaration",
    subjectId: made.id,
    before: { number: latest.number, status: latest.status },
    after: { kind: latest.kind, number: latest.number + 1 },
  });
  return made.id;
}

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
  const [organisation] = await tx
    .select({
      name: organisations.name,
      primaryColor: organisations.primaryColor,
      logo: organisations.logo,
      logoMime: organisations.logoMime,
    })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  if (!organisation) throw notFound();
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
 */
export async function archiveSignedDeclaration(
  tx: Tx,
  actor: Actor,
  pdf: PdfRenderer,
  declarationId: string,
  verifyUrl: string,
) {
  const { context } = await loadDeclaration(tx, actor, declarationId);
  const tasks: PdfTask[] = [];
  for (const reader of documentReaders(actor, context.loaded.participants)) {
    const input = await declarationPdfInput(tx, reader, declarationId, "nl", verifyUrl).catch((error) => {
      if (error instanceof HttpProblem && error.status === 404) return null;
      throw error;
    });
    if (!input) continue;
    for (const locale of LOCALES)
      tasks.push({ kind: "declaration", input: archivedDeclarationInput({ ...input, locale }) });
  }
  const files = await archiveDocuments(tx, actor, pdf, { kind: "declaration", id: declarationId }, tasks);
  for (const sha256 of files) await recordDeclarationFile(tx, actor, declarationId, sha256);
}

/** Remembers a PDF handed out by the SHA-256 of its bytes, so an uploaded copy is recognised. */
export async function recordDeclarationFile(tx: Tx, actor: Actor, declarationId: string, sha256: string) {
  await tx
    .insert(declarationFiles)
    .values({ sha256, organisationId: actor.organisationId, declarationId })
    .onConflictDoNothing();
}
