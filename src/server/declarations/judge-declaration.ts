import { type DeclarationContent, declarationContent } from "../../domain/declarations/content.js";
import { contentHash } from "../../domain/declarations/hash.js";
import { type DeclarationState, declarationState, latestVersion } from "../../domain/declarations/state.js";
import { dutchToday } from "../../domain/dutch-time.js";
import type { DeclarationSpec } from "../../domain/regimes/schema.js";
import { type DeclarationContext, type DeclarationRow, specOf } from "./load-declarations.js";

/** The motivated request needed before the guide's start declaration can be signed. */
export const motivationRequired = (context: DeclarationContext) =>
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

export interface Judged {
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

/** The viewer as a signer: who they are and the roles they fill in the trajectory. */
export const signerOf = (context: DeclarationContext) => ({
  userId: context.loaded.viewer.userId,
  roles: context.loaded.viewer.participantRoles,
});
