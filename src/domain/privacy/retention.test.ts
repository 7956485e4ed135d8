import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths } from "../dutch-time.js";
import { PERSONAL_DATA, type Retention } from "./registry.js";
import { choosablePeriods, cutoff, isDue, periodProblems, type RetentionFacts, retentionOf } from "./retention.js";

const day = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const rule: fc.Arbitrary<Retention> = fc.oneof(
  fc.constant({ kind: "withMembership" } as const),
  fc.integer({ min: 1, max: 120 }).map((months) => ({ kind: "period", months }) as const),
  fc.integer({ min: 1, max: 120 }).map((months) => ({ kind: "afterGuidance", months }) as const),
  fc.constant({ kind: "registerAudit" } as const),
);

const facts: fc.Arbitrary<RetentionFacts> = fc.record({
  madeOn: day,
  guidanceEndedOn: fc.option(day, { nil: null }),
  auditUntil: fc.option(day, { nil: null }),
  legalHold: fc.boolean(),
});

describe("when a record's time is up", () => {
  it("never, for a record under a legal hold, whatever its period and however old", () => {
    fc.assert(
      fc.property(rule, facts, day, (r, f, today) => {
        expect(isDue(r, { ...f, legalHold: true }, today)).toBe(false);
      }),
    );
  });

  it("always, for a record past its period and under no hold: nothing past its period survives", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), day, fc.integer({ min: 1, max: 4000 }), (months, today, extra) => {
        const past = addMonths(today, -months);
        const madeOn = new Date(Date.parse(`${past}T00:00:00Z`) - extra * 86_400_000).toISOString().slice(0, 10);
        const f = { madeOn, guidanceEndedOn: madeOn, auditUntil: madeOn, legalHold: false };
        expect(isDue({ kind: "period", months }, f, today)).toBe(true);
        expect(isDue({ kind: "afterGuidance", months }, f, today)).toBe(true);
        expect(isDue({ kind: "registerAudit" }, f, today)).toBe(true);
      }),
    );
  });

  it("not yet, for a record within its period, nor while its guidance runs or its audit duty is unknown", () => {
    fc.assert(
      fc.property(rule, facts, day, (r, f, today) => {
        const due = isDue(r, f, today);
        if (r.kind === "period" && f.madeOn >= cutoff(r.months, today)) expect(due).toBe(false);
        if (r.kind === "afterGuidance" && f.guidanceEndedOn === null) expect(due).toBe(false);
        if (r.kind === "registerAudit" && (f.auditUntil === null || f.auditUntil >= today)) expect(due).toBe(false);
        if (r.kind === "withMembership") expect(due).toBe(false);
      }),
    );
  });

  it("counts whole calendar months, to the month's last day where the day does not exist", () => {
    expect(cutoff(12, "2026-12-06")).toBe("2025-12-06");
    expect(cutoff(1, "2026-03-31")).toBe("2026-02-28");
    expect(cutoff(24, "2028-02-29")).toBe("2026-02-28");
    const made = { guidanceEndedOn: null, auditUntil: null, legalHold: false };
    expect(isDue({ kind: "period", months: 12 }, { ...made, madeOn: "2025-12-05" }, "2026-12-06")).toBe(true);
    expect(isDue({ kind: "period", months: 12 }, { ...made, madeOn: "2025-12-06" }, "2026-12-06")).toBe(false);
  });
});

describe("an organisation's own periods", () => {
  const choosable = choosablePeriods(PERSONAL_DATA);

  it("may be chosen only for kinds with a range, and only within it", () => {
    expect(choosable.map((c) => c.table)).toContain("notifications");
    expect(choosable.map((c) => c.table)).not.toContain("sessions");
    fc.assert(
      fc.property(fc.constantFrom(...choosable), fc.integer({ min: -10, max: 200 }), (kind, months) => {
        const problems = periodProblems(PERSONAL_DATA, { [kind.table]: months });
        const allowed = months >= kind.range.min && months <= kind.range.max;
        expect(problems).toEqual(allowed ? [] : [{ table: kind.table, problem: "outOfRange", ...kind.range }]);
      }),
    );
    expect(periodProblems(PERSONAL_DATA, { sessions: 3, trajectories: 12 })).toEqual([
      { table: "sessions", problem: "notChoosable" },
      { table: "trajectories", problem: "notChoosable" },
    ]);
  });

  it("replace the registry's months where chosen, and nothing else", () => {
    for (const entry of PERSONAL_DATA) {
      const chosen = retentionOf(entry, { [entry.table]: 7 });
      const choosableHere = choosable.some((c) => c.table === entry.table);
      expect(chosen).toEqual(choosableHere ? { ...entry.retention, months: 7 } : entry.retention);
      expect(retentionOf(entry, {})).toEqual(entry.retention);
    }
  });
});
