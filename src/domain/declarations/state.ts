import type { DeclarationSpec, ParticipantRole } from "../regimes/schema.js";
import { type DeadlineReason, declarationDeadline, isOverdue } from "./deadlines.js";

/**
 * Where a declaration stands: which signer slots are signed, whether the frozen content still
 * matches the trajectory, whether it is late, and who may sign now. Pure: the server loads the
 * rows, this decides.
 */

export type DeclarationStatus = "open" | "signed" | "superseded";

export interface DeclarationVersion {
  id: string;
  number: number;
  status: DeclarationStatus;
  contentSha256: string | null;
}

export interface SignatureFact {
  declarationId: string;
  signerKey: string;
  userId: string;
  signedAt: string;
}

export interface SlotState {
  key: string;
  roles: ParticipantRole[];
  signature: SignatureFact | null;
}

export interface DeclarationState {
  /** The latest version (the highest number), or null when none was made yet. */
  latest: DeclarationVersion | null;
  slots: SlotState[];
  fullySigned: boolean;
  /** The latest version's frozen content differs from what the trajectory says now. */
  changedSinceSigning: boolean;
  /** The date it is due by, when known. */
  dueDate: string | null;
  /** What sets that date: the start, the end or the re-registration. */
  dueReason: DeadlineReason | null;
  /** Past the due date and the latest version not fully signed. */
  overdue: boolean;
  /** A new version must be made before anyone signs again (changed since the first signature). */
  needsNewVersion: boolean;
}

export interface DeclarationStateInput {
  spec: Pick<DeclarationSpec, "key" | "signers" | "dueBy"> & { dueDaysAfterStart?: number | null };
  versions: readonly DeclarationVersion[];
  signatures: readonly SignatureFact[];
  /** The SHA-256 of the content generated now for the latest version. */
  liveContentHash: string;
  /** Today as an ISO date in Dutch time. */
  today: string;
  reregistrationDate: string | null;
  /** The trajectory's end date, for declarations due by the end. */
  endsOn?: string | null;
  /** The trajectory's start date, for declarations due some days after it. */
  startsOn?: string | null;
}

export function latestVersion<T extends { number: number }>(versions: readonly T[]): T | null {
  return versions.reduce<T | null>((latest, v) => (latest === null || v.number > latest.number ? v : latest), null);
}

export function declarationState(input: DeclarationStateInput): DeclarationState {
  const latest = latestVersion(input.versions);
  const own = latest ? input.signatures.filter((s) => s.declarationId === latest.id) : [];
  const slots = input.spec.signers.map((slot) => ({
    key: slot.key,
    roles: slot.roles,
    signature: own.find((s) => s.signerKey === slot.key) ?? null,
  }));
  const fullySigned = latest !== null && slots.every((s) => s.signature !== null);
  const changedSinceSigning =
    latest !== null && latest.contentSha256 !== null && latest.contentSha256 !== input.liveContentHash;
  const deadline = declarationDeadline(input.spec, {
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    reregistrationDate: input.reregistrationDate,
  });
  return {
    latest,
    slots,
    fullySigned,
    changedSinceSigning,
    dueDate: deadline?.date ?? null,
    dueReason: deadline?.reason ?? null,
    overdue: isOverdue(deadline, fullySigned, input.today),
    needsNewVersion: changedSinceSigning,
  };
}

export interface Signer {
  userId: string;
  roles: readonly ParticipantRole[];
}

/**
 * The slots this person may sign now: open slots of the latest version whose roles they hold in
 * the trajectory, as long as they have not signed another slot of the same version. Nobody
 * signs a version whose content changed since its first signature.
 */
export function signableSlots(state: DeclarationState, signer: Signer): string[] {
  if (state.latest?.status !== "open" || state.needsNewVersion) return [];
  if (state.slots.some((s) => s.signature?.userId === signer.userId)) return [];
  return state.slots
    .filter((s) => s.signature === null && s.roles.some((role) => signer.roles.includes(role)))
    .map((s) => s.key);
}

/** Why this person cannot sign this slot now, or null when they can. */
export function signRefusal(
  state: DeclarationState,
  signer: Signer,
  slotKey: string,
): "unknownSlot" | "notOpen" | "changed" | "alreadySigned" | "signedOtherSlot" | "notSigner" | null {
  const slot = state.slots.find((s) => s.key === slotKey);
  if (!slot) return "unknownSlot";
  if (state.latest?.status !== "open") return "notOpen";
  if (state.needsNewVersion) return "changed";
  if (slot.signature) return "alreadySigned";
  if (state.slots.some((s) => s.signature?.userId === signer.userId)) return "signedOtherSlot";
  if (!slot.roles.some((role) => signer.roles.includes(role))) return "notSigner";
  return null;
}

/** The status after a signature: signed once every slot is. */
export const statusAfterSigning = (slots: readonly SlotState[], signedKey: string): DeclarationStatus =>
  slots.every((s) => s.signature !== null || s.key === signedKey) ? "signed" : "open";
