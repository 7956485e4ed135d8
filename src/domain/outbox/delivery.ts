/**
 * The rules of mail delivery (docs/decisions/0012-mail-delivery.md): when a failed mail is tried
 * again, what a failure was, and what the admin reads as its status. Pure: the moment is a parameter.
 */

export interface RetryPolicy {
  /** The wait after the first failed attempt; it doubles after each next one. */
  retryMinSeconds: number;
  /** The longest wait between two attempts. */
  retryMaxSeconds: number;
  /** Mail not delivered this long after it was made is given up. */
  giveUpHours: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retryMinSeconds: 60, retryMaxSeconds: 3600, giveUpHours: 72 };

/** The wait before the next attempt, after `attempts` attempts that failed: 1, 2, 4, 8 … times the minimum. */
export function retryDelaySeconds(attempts: number, policy: RetryPolicy): number {
  const doublings = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(policy.retryMinSeconds * 2 ** doublings, policy.retryMaxSeconds);
}

export function nextAttemptAt(now: Date, attempts: number, policy: RetryPolicy): Date {
  return new Date(now.getTime() + retryDelaySeconds(attempts, policy) * 1000);
}

/** The moment before which unsent mail is no longer tried. */
export function giveUpBefore(now: Date, policy: RetryPolicy): Date {
  return new Date(now.getTime() - policy.giveUpHours * 3_600_000);
}

/**
 * What went wrong, as a kind the admin can act on. `unreachable`, `tls` and `auth` are the mail
 * server's (every mail would fail the same way); `rejected` (5xx) and `deferred` (4xx) are this mail's.
 */
export const FAILURE_REASONS = ["unreachable", "tls", "auth", "rejected", "deferred", "other"] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export interface Failure {
  reason: FailureReason;
  /** The SMTP reply code, when the server answered. */
  code: number | null;
  /** The server itself failed: the other mail would fail the same way now, so the round stops. */
  serverWide: boolean;
}

const UNREACHABLE = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPROXY",
]);

/** Reads only the error's code and SMTP reply code: its message may quote the address. */
export function classifyFailure(error: unknown): Failure {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const reply = typeof responseCode === "number" && responseCode >= 200 && responseCode < 600 ? responseCode : null;
  const kind = typeof code === "string" ? code : "";
  if (kind === "EAUTH" || kind === "ENOAUTH" || kind === "EOAUTH2")
    return { reason: "auth", code: reply, serverWide: true };
  if (kind === "ETLS" || kind === "EREQUIRETLS") return { reason: "tls", code: reply, serverWide: true };
  if (reply !== null && reply >= 500) return { reason: "rejected", code: reply, serverWide: false };
  if (reply !== null && reply >= 400) {
    // 421: the service is not available, for any mail.
    return { reason: "deferred", code: reply, serverWide: reply === 421 };
  }
  if (UNREACHABLE.has(kind)) return { reason: "unreachable", code: reply, serverWide: true };
  return { reason: "other", code: reply, serverWide: false };
}

export const DELIVERY_STATUSES = ["sent", "waiting", "failing", "abandoned", "held"] as const;
/**
 * `held`: Koers has no mail server, the mail stays here; `waiting`: not tried yet, or being sent;
 * `failing`: the last attempt failed, it will be tried again; `abandoned`: given up.
 */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryState {
  createdAt: Date;
  sentAt: Date | null;
  lastError: string | null;
}

export function deliveryStatus(
  mail: DeliveryState,
  context: { now: Date; delivers: boolean; policy: RetryPolicy },
): DeliveryStatus {
  if (mail.sentAt) return "sent";
  if (!context.delivers) return "held";
  if (mail.createdAt <= giveUpBefore(context.now, context.policy)) return "abandoned";
  return mail.lastError ? "failing" : "waiting";
}
