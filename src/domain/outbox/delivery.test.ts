import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyFailure,
  DEFAULT_RETRY_POLICY,
  deliveryStatus,
  giveUpBefore,
  nextAttemptAt,
  retryDelaySeconds,
} from "./delivery.js";

const policy = { retryMinSeconds: 60, retryMaxSeconds: 3600, giveUpHours: 72 };

describe("retryDelaySeconds", () => {
  it("doubles from the minimum after each failed attempt, up to the maximum", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelaySeconds(n, policy))).toEqual([
      60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
  });

  it("never waits less than the minimum nor more than the maximum, and never less after more failures", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 600 }), (attempts, min) => {
        const p = { retryMinSeconds: min, retryMaxSeconds: min * 60, giveUpHours: 1 };
        const delay = retryDelaySeconds(attempts, p);
        expect(delay).toBeGreaterThanOrEqual(min);
        expect(delay).toBeLessThanOrEqual(min * 60);
        expect(retryDelaySeconds(attempts + 1, p)).toBeGreaterThanOrEqual(delay);
      }),
    );
  });

  it("gives the moment of the next attempt", () => {
    const now = new Date("2030-01-01T10:00:00Z");
    expect(nextAttemptAt(now, 3, policy).toISOString()).toBe("2030-01-01T10:04:00.000Z");
  });
});

describe("classifyFailure", () => {
  it.each([
    [{ code: "ECONNECTION" }, { reason: "unreachable", code: null, serverWide: true }],
    [{ code: "ESOCKET" }, { reason: "unreachable", code: null, serverWide: true }],
    [{ code: "ETIMEDOUT" }, { reason: "unreachable", code: null, serverWide: true }],
    [
      { code: "EAUTH", responseCode: 535 },
      { reason: "auth", code: 535, serverWide: true },
    ],
    [{ code: "ETLS" }, { reason: "tls", code: null, serverWide: true }],
    [
      { code: "EENVELOPE", responseCode: 550 },
      { reason: "rejected", code: 550, serverWide: false },
    ],
    [
      { code: "EMESSAGE", responseCode: 451 },
      { reason: "deferred", code: 451, serverWide: false },
    ],
    [
      { code: "EPROTOCOL", responseCode: 421 },
      { reason: "deferred", code: 421, serverWide: true },
    ],
    [new Error("who knows"), { reason: "other", code: null, serverWide: false }],
    [undefined, { reason: "other", code: null, serverWide: false }],
  ])("%o", (error, expected) => {
    expect(classifyFailure(error)).toEqual(expected);
  });

  it("keeps nothing of the server's text, which may quote the address", () => {
    const error = Object.assign(new Error("550 <iemand@example.org>: no such user"), {
      code: "EENVELOPE",
      responseCode: 550,
      response: "550 <iemand@example.org>: no such user",
    });
    expect(JSON.stringify(classifyFailure(error))).not.toContain("iemand");
  });
});

describe("deliveryStatus", () => {
  const now = new Date("2030-01-10T12:00:00Z");
  const context = { now, delivers: true, policy };
  const recent = new Date("2030-01-10T11:00:00Z");

  it("is sent once the server accepted it, with or without a mail server now", () => {
    const mail = { createdAt: recent, sentAt: recent, lastError: "unreachable" };
    expect(deliveryStatus(mail, context)).toBe("sent");
    expect(deliveryStatus(mail, { ...context, delivers: false })).toBe("sent");
  });

  it("is waiting before the first attempt, failing after a failed one", () => {
    expect(deliveryStatus({ createdAt: recent, sentAt: null, lastError: null }, context)).toBe("waiting");
    expect(deliveryStatus({ createdAt: recent, sentAt: null, lastError: "rejected" }, context)).toBe("failing");
  });

  it("is held without a mail server", () => {
    expect(deliveryStatus({ createdAt: recent, sentAt: null, lastError: null }, { ...context, delivers: false })).toBe(
      "held",
    );
  });

  it("is abandoned once it is older than the give-up time", () => {
    const old = giveUpBefore(now, policy);
    expect(deliveryStatus({ createdAt: old, sentAt: null, lastError: "unreachable" }, context)).toBe("abandoned");
    expect(
      deliveryStatus({ createdAt: new Date(old.getTime() + 1), sentAt: null, lastError: "unreachable" }, context),
    ).toBe("failing");
  });

  it("has defaults that retry for three days, at most an hour apart", () => {
    expect(DEFAULT_RETRY_POLICY).toEqual(policy);
  });
});
