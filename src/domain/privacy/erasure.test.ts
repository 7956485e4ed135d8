import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths } from "../dutch-time.js";
import { erasureLines, keptUntil, pseudonym } from "./erasure.js";
import { PERSONAL_DATA } from "./registry.js";

const day = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("what erasure does per kind", () => {
  it("follows the registry for the person's own records and anonymises what they did for others", () => {
    const lines = erasureLines(PERSONAL_DATA, [
      { table: "notifications", asSubject: 3, asOther: 0 },
      { table: "trajectory_participants", asSubject: 2, asOther: 0 },
      { table: "meeting_parts", asSubject: 0, asOther: 5 },
      { table: "module_assignments", asSubject: 1, asOther: 4 },
      { table: "event_registrations", asSubject: 1, asOther: 2 },
      { table: "certificates", asSubject: 0, asOther: 0 },
    ]);
    expect(lines).toEqual([
      { table: "notifications", action: "delete", count: 3 },
      { table: "trajectory_participants", action: "keep", count: 2 },
      { table: "meeting_parts", action: "anonymise", count: 5 },
      { table: "module_assignments", action: "delete", count: 1 },
      { table: "module_assignments", action: "anonymise", count: 4 },
      { table: "event_registrations", action: "anonymise", count: 3 },
    ]);
  });

  it("never deletes a kind the registry keeps, nor what the person only made for someone else", () => {
    const found = fc.array(
      fc.record({
        table: fc.constantFrom(...PERSONAL_DATA.map((entry) => entry.table)),
        asSubject: fc.nat(50),
        asOther: fc.nat(50),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(found, (kinds) => {
        const unique = [...new Map(kinds.map((k) => [k.table, k])).values()];
        const lines = erasureLines(PERSONAL_DATA, unique);
        for (const line of lines) {
          const entry = PERSONAL_DATA.find((e) => e.table === line.table);
          if (entry?.erasure === "keep") expect(line.action).not.toBe("delete");
          if (line.action === "delete") expect(entry?.erasure).toBe("delete");
        }
        // Every record counted is in exactly one line: nothing is dropped from the review.
        const total = (rows: { count?: number; asSubject?: number; asOther?: number }[]) =>
          rows.reduce((sum, r) => sum + (r.count ?? (r.asSubject ?? 0) + (r.asOther ?? 0)), 0);
        expect(total(lines)).toBe(total(unique));
      }),
    );
  });
});

describe("until when evidence is kept", () => {
  it("is the last re-registration plus the audit period, and never before today plus that period", () => {
    expect(keptUntil(["2027-03-01", "2029-06-30"], "2026-12-04", 12)).toBe("2030-06-30");
    expect(keptUntil([], "2026-12-04", 12)).toBe("2027-12-04");
    expect(keptUntil(["2020-01-01"], "2026-12-04", 12)).toBe("2027-12-04");
    fc.assert(
      fc.property(fc.array(day, { maxLength: 5 }), day, fc.integer({ min: 0, max: 120 }), (valid, today, months) => {
        const until = keptUntil(valid, today, months);
        expect(until >= addMonths(today, months)).toBe(true);
        for (const v of valid) expect(until >= addMonths(v, months)).toBe(true);
      }),
    );
  });
});

describe("the pseudonym", () => {
  it("is the same for a membership every time, and tells two memberships apart", () => {
    const a = "3f2a9c1e-0000-4000-8000-000000000001";
    const b = "9b7d0e44-0000-4000-8000-000000000002";
    expect(pseudonym(a)).toBe("Verwijderde persoon 3F2A9C");
    expect(pseudonym(a)).toBe(pseudonym(a));
    expect(pseudonym(a)).not.toBe(pseudonym(b));
  });
});
