import { describe, expect, it } from "vitest";
import { canResend, canRevoke, INVITATION_DAYS, invitationExpiry, invitationStatus } from "./status.js";

const now = new Date("2026-03-10T12:00:00Z");
const later = new Date("2026-03-12T12:00:00Z");
const earlier = new Date("2026-03-08T12:00:00Z");

describe("invitationStatus", () => {
  it("is pending before it expires", () => {
    expect(invitationStatus({ expiresAt: later, acceptedAt: null, revokedAt: null }, now)).toBe("pending");
  });
  it("is expired at and after the expiry moment", () => {
    expect(invitationStatus({ expiresAt: earlier, acceptedAt: null, revokedAt: null }, now)).toBe("expired");
    expect(invitationStatus({ expiresAt: now, acceptedAt: null, revokedAt: null }, now)).toBe("expired");
  });
  it("stays accepted or revoked after the expiry", () => {
    expect(invitationStatus({ expiresAt: earlier, acceptedAt: earlier, revokedAt: null }, now)).toBe("accepted");
    expect(invitationStatus({ expiresAt: earlier, acceptedAt: null, revokedAt: earlier }, now)).toBe("revoked");
  });
});

describe("revoke and resend", () => {
  it("revokes a pending or expired invitation, not an accepted or revoked one", () => {
    expect(canRevoke({ expiresAt: later, acceptedAt: null, revokedAt: null })).toBe(true);
    expect(canRevoke({ expiresAt: earlier, acceptedAt: null, revokedAt: null })).toBe(true);
    expect(canRevoke({ expiresAt: later, acceptedAt: now, revokedAt: null })).toBe(false);
    expect(canRevoke({ expiresAt: later, acceptedAt: null, revokedAt: now })).toBe(false);
  });
  it("resends a pending or expired invitation, not an accepted or revoked one", () => {
    expect(canResend({ expiresAt: later, acceptedAt: null, revokedAt: null })).toBe(true);
    expect(canResend({ expiresAt: earlier, acceptedAt: null, revokedAt: null })).toBe(true);
    expect(canResend({ expiresAt: later, acceptedAt: now, revokedAt: null })).toBe(false);
    expect(canResend({ expiresAt: later, acceptedAt: null, revokedAt: now })).toBe(false);
  });
  it("gives a link seven days", () => {
    expect(invitationExpiry(now).getTime() - now.getTime()).toBe(INVITATION_DAYS * 86_400_000);
    expect(INVITATION_DAYS).toBe(7);
  });
});
