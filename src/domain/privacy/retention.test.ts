import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths } from "../dutch-time.js";
import { PERSONAL_DATA, type Retention } from "./registry.js";
import {
  auditUntilOf,
  choosablePeriods,
  cutoff,
  dueGuidance,
  type GuidanceFacts,
  guidanceEndOf,
  isDue,
  periodProblems,
  type RetentionFacts,
  registerHolds,
  retentionOf,
} from "./retention.js";

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
    expect(periodProblems(PERSONAL_DATA, { sessions: 3, meetings: 12 })).toEqual([
      { table: "sessions", problem: "notChoosable" },
      { table: "meetings", problem: "notChoosable" },
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

describe("when a register may still audit guidance", () => {
  const duty = { reregistrationOn: "2028-06-01", periodYears: 5 };

  it("until the re-registration the guidance served, plus the audit months", () => {
    // Ended within the current period: it counts towards the re-registration of 2028.
    expect(auditUntilOf("2025-03-01", duty, 12)).toBe("2029-06-01");
    // Ended in the period before: it served 2023's re-registration, audited until 2024.
    expect(auditUntilOf("2022-03-01", duty, 12)).toBe("2024-06-01");
    // The re-registration day itself already counts for the next period.
    expect(auditUntilOf("2023-06-01", duty, 12)).toBe("2029-06-01");
    // Ended after a re-registration date nobody updated: the next one, a period on.
    expect(auditUntilOf("2029-01-01", duty, 12)).toBe("2034-06-01");
    // Nobody knows when the person re-registers: nobody can say.
    expect(auditUntilOf("2022-03-01", { reregistrationOn: null, periodYears: 5 }, 12)).toBeNull();
  });

  it("holds while one registration may, and an unknown date holds", () => {
    expect(registerHolds("2022-03-01", [duty], "2024-06-01", 12)).toBe(true);
    expect(registerHolds("2022-03-01", [duty], "2024-06-02", 12)).toBe(false);
    expect(registerHolds("2022-03-01", [], "2024-06-02", 12)).toBe(false);
    expect(registerHolds("2022-03-01", [duty, { reregistrationOn: null, periodYears: 5 }], "2030-01-01", 12)).toBe(
      true,
    );
  });

  it("ends the guidance on the day the closing status took effect, else the planned end; an open one has not ended", () => {
    expect(guidanceEndOf({ closed: true, statusOn: "2024-02-01", endsOn: "2024-06-30" })).toBe("2024-02-01");
    expect(guidanceEndOf({ closed: true, statusOn: null, endsOn: "2024-06-30" })).toBe("2024-06-30");
    expect(guidanceEndOf({ closed: false, statusOn: "2024-02-01", endsOn: "2024-06-30" })).toBeNull();
  });
});

describe("which trajectories leave", () => {
  const RULE = { kind: "afterGuidance", months: 24, registerHold: true } as const;
  const AUDIT = 12;

  /** A forest of trajectories, some continuing others, with random ends and registrations. */
  const forest = fc
    .array(
      fc.record({
        closed: fc.boolean(),
        statusOn: fc.option(day, { nil: null }),
        endsOn: day,
        startsOn: day,
        parent: fc.nat(),
        continues: fc.boolean(),
        duties: fc.array(
          fc.record({ reregistrationOn: fc.option(day, { nil: null }), periodYears: fc.integer({ min: 1, max: 10 }) }),
          { maxLength: 2 },
        ),
      }),
      { maxLength: 12 },
    )
    .map((rows) =>
      rows.map(
        (row, i): GuidanceFacts => ({
          id: `t${i}`,
          closed: row.closed,
          statusOn: row.statusOn,
          endsOn: row.endsOn,
          startsOn: row.startsOn,
          // Only an earlier trajectory can be continued, as an escalation makes the new one after the old.
          escalatedFromId: i > 0 && row.continues ? `t${row.parent % i}` : null,
          duties: row.duties,
        }),
      ),
    );

  /** The rule for one trajectory alone, as the oracle: its guidance ended long enough ago and no register holds it. */
  const dueAlone = (t: GuidanceFacts, today: string) => {
    const ended = guidanceEndOf(t);
    const legalHold = ended !== null && registerHolds(ended, t.duties, today, AUDIT);
    return isDue(RULE, { madeOn: t.startsOn, guidanceEndedOn: ended, auditUntil: null, legalHold }, today);
  };

  it("exactly those due by the rule that no trajectory staying continues: nothing held leaves, nothing past its time stays", () => {
    fc.assert(
      fc.property(forest, day, (trajectories, today) => {
        const leaving = new Set(dueGuidance(RULE, trajectories, today, AUDIT));
        const byId = new Map(trajectories.map((t) => [t.id, t]));
        for (const t of trajectories) {
          if (leaving.has(t.id)) expect(dueAlone(t, today)).toBe(true);
          // What stays and continues another keeps that one.
          if (!leaving.has(t.id) && t.escalatedFromId) expect(leaving.has(t.escalatedFromId)).toBe(false);
        }
        // Past its time and held by nothing that stays: it leaves.
        const keptByStaying = (id: string): boolean =>
          trajectories.some((c) => c.escalatedFromId === id && (!leaving.has(c.id) || keptByStaying(c.id)));
        for (const t of trajectories)
          if (dueAlone(t, today) && !keptByStaying(t.id)) expect(leaving.has(t.id), t.id).toBe(true);
        expect([...leaving].every((id) => byId.has(id))).toBe(true);
      }),
    );
  });

  it("never one a register may still audit, whatever else holds", () => {
    fc.assert(
      fc.property(forest, day, (trajectories, today) => {
        for (const id of dueGuidance(RULE, trajectories, today, AUDIT)) {
          const t = trajectories.find((x) => x.id === id) as GuidanceFacts;
          expect(registerHolds(guidanceEndOf(t) as string, t.duties, today, AUDIT)).toBe(false);
        }
      }),
    );
  });
});
