import type { DeclarationStatus } from "./state.js";

/**
 * What a verification says about the document checked: where it stands, in words a reader of the
 * answer cannot mistake. A file Koers handed out is judged as it was when handed out (a copy
 * downloaded before the last signature is a partly signed copy, whatever happened since); a
 * content hash is judged by the declaration as it is now.
 */

export const VERIFIED_STATUSES = ["draft", "partially_signed", "signed", "superseded"] as const;
export type VerifiedStatus = (typeof VERIFIED_STATUSES)[number];

export interface VerificationFacts {
  status: DeclarationStatus;
  /** When the signatures of this version were made (ISO). */
  signedAt: readonly string[];
  /** When the checked file was handed out (ISO); null when a content hash was checked. */
  issuedAt: string | null;
  /** No newer version of this declaration exists. */
  latest: boolean;
}

export interface VerifiedState {
  status: VerifiedStatus;
  /** The newest version of this declaration (no newer version replaces it). */
  current: boolean;
  /** Fully signed and current: the only answer that means "this is the declaration in force". */
  signedAndCurrent: boolean;
  /** The signatures the checked document carries. */
  signatureCount: number;
}

export function verifiedState(facts: VerificationFacts): VerifiedState {
  const issuedAt = facts.issuedAt;
  const carried = issuedAt === null ? facts.signedAt.length : facts.signedAt.filter((s) => s <= issuedAt).length;
  const current = facts.latest && facts.status !== "superseded";
  const status: VerifiedStatus =
    facts.status === "superseded"
      ? "superseded"
      : facts.status === "signed" && carried === facts.signedAt.length
        ? "signed"
        : carried > 0
          ? "partially_signed"
          : "draft";
  return { status, current, signedAndCurrent: status === "signed" && current, signatureCount: carried };
}
