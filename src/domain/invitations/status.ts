/** Where an invitation stands; derived from its dates, never stored. */
export const INVITATION_STATUSES = ["pending", "accepted", "expired", "revoked"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_DAYS = 7;

export interface InvitationDates {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/** Accepted and revoked are final; otherwise it is pending until it expires. */
export function invitationStatus(invitation: InvitationDates, now: Date = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

/** Only an invitation nobody accepted or revoked may be resent; an expired one gets a new week. */
export const canResend = (invitation: InvitationDates) => !invitation.acceptedAt && !invitation.revokedAt;

/** Revoking ends a pending (or expired) invitation for good; accepted and revoked ones are final. */
export const canRevoke = (invitation: InvitationDates) => !invitation.acceptedAt && !invitation.revokedAt;

export const invitationExpiry = (from: Date = new Date()) => new Date(from.getTime() + INVITATION_DAYS * 86_400_000);
