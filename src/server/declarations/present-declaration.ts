import type { DeclarationList, DeclarationView, MotivationView } from "../../domain/declarations/api.js";
import type { DeclarationContent } from "../../domain/declarations/content.js";
import {
  canEditDeviation,
  canReadMotivation,
  canSeeSignatureAddress,
  canStartNewVersion,
  canUploadMotivation,
  visibleContent,
} from "../../domain/declarations/policy.js";
import { latestVersion, signableSlots } from "../../domain/declarations/state.js";
import type { Locale } from "../../domain/regimes/schema.js";
import { canSee } from "../../domain/trajectories/policy.js";
import { judge, motivationRequired, signerOf } from "./judge-declaration.js";
import type { DeclarationContext, DeclarationRow } from "./load-declarations.js";

/** The content without the parts of the trajectory this viewer may not see. */
const shownTo = (context: DeclarationContext, content: DeclarationContent) =>
  visibleContent(content, (part) => canSee(context.loaded.viewer, context.loaded.row.regime, part));

/** One version as the context's viewer may see it, with what they may do with it. */
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

/** The motivated request for the guide: whether it is needed, the uploads this viewer may read. */
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

/** The latest version of each of the regime's declarations, in the regime's order, and the motivation. */
export function presentDeclarations(context: DeclarationContext, locale: Locale): DeclarationList {
  const items = context.specs.flatMap((spec) => {
    const latest = latestVersion(context.rows.filter((r) => r.kind === spec.key));
    return latest ? [presentDeclaration(context, latest, locale)] : [];
  });
  return { items, motivation: presentMotivation(context) };
}
