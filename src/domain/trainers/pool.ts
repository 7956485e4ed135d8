import { addDays } from "../dutch-time.js";

/**
 * The trainer pool's rules (issue 14, seed 003): every organisation keeps at least two certified
 * trainers, so that trainings go on when one leaves and trainers can be exchanged. A certificate
 * counts from its date until the day before `validUntil` (open-ended when the network sets no
 * validity); in its last EXPIRY_NOTICE_DAYS it still counts, with a warning.
 */

/** Trainers per organisation the region agreed on (seed 003: "minimaal 2 per organisatie"). */
export const MIN_TRAINERS = 2;
/** How long before a certificate ends its organisation is warned. */
export const EXPIRY_NOTICE_DAYS = 90;

export interface Certificate {
  certifiedOn: string;
  validUntil: string | null;
}

export type CertificateState = "none" | "pending" | "valid" | "expiring" | "expired";

/** A certificate's state on the Dutch day `today` (YYYY-MM-DD; compared as text). */
export function certificateState(certificate: Certificate | null, today: string): CertificateState {
  if (!certificate) return "none";
  if (certificate.certifiedOn > today) return "pending";
  if (certificate.validUntil === null) return "valid";
  if (certificate.validUntil <= today) return "expired";
  return certificate.validUntil <= addDays(today, EXPIRY_NOTICE_DAYS) ? "expiring" : "valid";
}

/**
 * The end of a certificate under the network's validity: `months` calendar months after the day
 * it was given (31 January plus one month is the last day of February). Null without a validity.
 */
export function validUntilFor(certifiedOn: string, months: number | null): string | null {
  if (months === null) return null;
  const [y, m, d] = certifiedOn.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export const counts = (state: CertificateState) => state === "valid" || state === "expiring";

export interface MemberTrainerCount {
  organisationId: string;
  /** Active members with the role of trainer. */
  trainers: number;
  /** Of them, with a certificate that counts today. */
  certified: number;
  /** Of the certified, whose certificate ends within the notice period. */
  expiring: number;
  /** Fewer than MIN_TRAINERS certified. */
  belowMinimum: boolean;
}

/** The count per member organisation (every id in `organisationIds`, also those without trainers). */
export function trainerCounts(
  organisationIds: readonly string[],
  trainers: ReadonlyArray<{ organisationId: string; certificate: Certificate | null }>,
  today: string,
): MemberTrainerCount[] {
  return organisationIds.map((organisationId) => {
    const own = trainers.filter((t) => t.organisationId === organisationId);
    const states = own.map((t) => certificateState(t.certificate, today));
    const certified = states.filter(counts).length;
    return {
      organisationId,
      trainers: own.length,
      certified,
      expiring: states.filter((s) => s === "expiring").length,
      belowMinimum: certified < MIN_TRAINERS,
    };
  });
}
