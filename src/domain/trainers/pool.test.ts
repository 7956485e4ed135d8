import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../dutch-time.js";
import { type Certificate, certificateState, counts, MIN_TRAINERS, trainerCounts, validUntilFor } from "./pool.js";

const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
const certificate: fc.Arbitrary<Certificate | null> = fc.option(
  fc
    .record({ certifiedOn: day, validUntil: fc.option(day, { nil: null }) })
    .filter((c) => c.validUntil === null || c.validUntil > c.certifiedOn),
  { nil: null },
);

describe("certificateState", () => {
  it("counts a certificate from its date until the day before its end, warning in the last 90 days", () => {
    const c = { certifiedOn: "2026-01-10", validUntil: "2027-01-10" };
    expect(certificateState(c, "2026-01-09")).toBe("pending");
    expect(certificateState(c, "2026-01-10")).toBe("valid");
    expect(certificateState(c, "2026-10-11")).toBe("valid");
    expect(certificateState(c, "2026-10-12")).toBe("expiring");
    expect(certificateState(c, "2027-01-09")).toBe("expiring");
    expect(certificateState(c, "2027-01-10")).toBe("expired");
    expect(certificateState({ certifiedOn: "2020-01-01", validUntil: null }, "2099-01-01")).toBe("valid");
    expect(certificateState(null, "2026-01-01")).toBe("none");
  });

  it("never counts a certificate on or after its end date, nor before its start", () => {
    fc.assert(
      fc.property(certificate, day, (c, today) => {
        if (!counts(certificateState(c, today))) return;
        if (c === null) throw new Error("no certificate counts");
        expect(c.certifiedOn <= today).toBe(true);
        if (c.validUntil) expect(c.validUntil > today).toBe(true);
      }),
    );
  });
});

describe("trainerCounts", () => {
  const orgs = ["a", "b", "c"];
  const trainer = fc.record({ organisationId: fc.constantFrom(...orgs), certificate });

  it("gives every organisation a line, warning exactly where fewer than two count", () => {
    fc.assert(
      fc.property(fc.array(trainer, { maxLength: 12 }), day, (trainers, today) => {
        const lines = trainerCounts(orgs, trainers, today);
        expect(lines.map((l) => l.organisationId)).toEqual(orgs);
        for (const line of lines) {
          const own = trainers.filter((t) => t.organisationId === line.organisationId);
          expect(line.trainers).toBe(own.length);
          expect(line.certified).toBeLessThanOrEqual(line.trainers);
          expect(line.expiring).toBeLessThanOrEqual(line.certified);
          expect(line.certified).toBe(own.filter((t) => counts(certificateState(t.certificate, today))).length);
          expect(line.belowMinimum).toBe(line.certified < MIN_TRAINERS);
        }
      }),
    );
  });

  it("warns an organisation with one certified trainer and one expired", () => {
    const [line] = trainerCounts(
      ["a"],
      [
        { organisationId: "a", certificate: { certifiedOn: "2025-01-01", validUntil: null } },
        { organisationId: "a", certificate: { certifiedOn: "2023-01-01", validUntil: "2026-01-01" } },
      ],
      "2026-12-01",
    );
    expect(line).toEqual({ organisationId: "a", trainers: 2, certified: 1, expiring: 0, belowMinimum: true });
  });
});

describe("validUntilFor", () => {
  it("ends a certificate the network's months after its day, on the last day of a shorter month", () => {
    expect(validUntilFor("2026-03-15", 24)).toBe("2028-03-15");
    expect(validUntilFor("2026-01-31", 1)).toBe("2026-02-28");
    expect(validUntilFor("2027-12-31", 2)).toBe("2028-02-29");
    expect(validUntilFor("2026-11-30", 3)).toBe("2027-02-28");
    expect(validUntilFor("2026-03-15", null)).toBeNull();
  });

  it("always ends after the day it was given, within the months plus a few days (property)", () => {
    const anyDay = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays("1990-01-01", n));
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 120 }), (certifiedOn, months) => {
        const until = validUntilFor(certifiedOn, months) ?? "";
        expect(until > certifiedOn).toBe(true);
        expect(until <= addDays(certifiedOn, Math.ceil(months * 31))).toBe(true);
        expect(until >= addDays(certifiedOn, Math.floor(months * 28))).toBe(true);
      }),
    );
  });
});
