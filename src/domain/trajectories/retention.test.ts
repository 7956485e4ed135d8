import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortOf, type OutcomeFacts, outcomeOf, percentage, retention } from "./retention.js";

const OUTCOMES = { completed: ["diploma"], stopped: ["stopped"] };
const TODAY = "2026-12-04";

const student = (changes: Partial<OutcomeFacts> = {}): OutcomeFacts => ({
  startsOn: "2024-09-01",
  status: "running",
  statusOn: null,
  reasonCode: null,
  level: "mbo3",
  ...changes,
});

describe("cohortOf", () => {
  it("names the school year from 1 August", () => {
    expect(cohortOf("2025-08-01")).toBe("2025-2026");
    expect(cohortOf("2025-07-31")).toBe("2024-2025");
    expect(cohortOf("2026-02-15")).toBe("2025-2026");
  });
});

describe("retention", () => {
  it("counts outcomes and reasons per cohort, newest first", () => {
    const rows = retention(
      OUTCOMES,
      [
        student(),
        student({ status: "diploma", statusOn: "2026-06-30" }),
        student({ status: "stopped", statusOn: "2025-01-10", reasonCode: "workload" }),
        student({ status: "stopped", statusOn: "2025-11-01", reasonCode: "workload" }),
        student({ startsOn: "2025-09-01", status: "stopped", statusOn: "2025-10-01", reasonCode: "wrong_choice" }),
        student({ startsOn: "2025-09-01", status: "intake" }),
      ],
      TODAY,
    );
    expect(rows.map((r) => r.cohort)).toEqual(["2025-2026", "2024-2025"]);
    expect(rows[1]).toEqual({
      cohort: "2024-2025",
      started: 4,
      ongoing: 1,
      completed: 1,
      stopped: 2,
      reasons: { workload: 2 },
      // The stop in January 2025 was within the first year; the one in November 2025 after it,
      // but within the second.
      afterOneYear: { counted: 4, stayed: 3 },
      afterTwoYears: { counted: 4, stayed: 2 },
    });
    expect(rows[0]).toMatchObject({ started: 2, ongoing: 1, stopped: 1, afterOneYear: { counted: 2, stayed: 1 } });
  });

  it("counts a year only once it has passed, and keeps a diploma as stayed", () => {
    const rows = retention(
      OUTCOMES,
      [
        student({ startsOn: "2025-12-05" }),
        student({ startsOn: "2025-12-04", status: "diploma", statusOn: "2026-06-01" }),
      ],
      TODAY,
    );
    expect(rows[0]?.afterOneYear).toEqual({ counted: 1, stayed: 1 });
  });

  it("selects one level", () => {
    const facts = [
      student(),
      student({ level: "mbo2", status: "stopped", statusOn: "2024-10-01", reasonCode: "personal" }),
    ];
    expect(retention(OUTCOMES, facts, TODAY, "mbo2")[0]).toMatchObject({ started: 1, stopped: 1 });
    expect(retention(OUTCOMES, facts, TODAY, "mbo4")).toEqual([]);
  });

  const arbFacts = fc.array(
    fc.record({
      startsOn: fc
        .date({ min: new Date("2020-01-01"), max: new Date("2026-12-04"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      status: fc.constantFrom("intake", "running", "diploma", "stopped"),
      statusOn: fc.option(fc.constantFrom("2021-03-01", "2023-06-30", "2026-01-15"), { nil: null }),
      reasonCode: fc.option(fc.constantFrom("workload", "guidance", "other"), { nil: null }),
      level: fc.option(fc.constantFrom("mbo2", "mbo3", "mbo4"), { nil: null }),
    }),
    { maxLength: 60 },
  );

  it("adds up: every student in one cohort and one outcome, stops by reason, stayed within counted", () => {
    fc.assert(
      fc.property(arbFacts, (facts) => {
        const rows = retention(OUTCOMES, facts, TODAY);
        const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
        expect(sum((r) => r.started)).toBe(facts.length);
        for (const row of rows) {
          expect(row.ongoing + row.completed + row.stopped).toBe(row.started);
          expect(Object.values(row.reasons).reduce((n, v) => n + v, 0)).toBe(row.stopped);
          for (const figure of [row.afterOneYear, row.afterTwoYears]) {
            expect(figure.stayed).toBeLessThanOrEqual(figure.counted);
            expect(figure.counted).toBeLessThanOrEqual(row.started);
          }
          // Whoever could have stayed two years could have stayed one.
          expect(row.afterTwoYears.counted).toBeLessThanOrEqual(row.afterOneYear.counted);
        }
        const stopped = facts.filter((f) => outcomeOf(OUTCOMES, f.status) === "stopped").length;
        expect(sum((r) => r.stopped)).toBe(stopped);
        // The levels partition the students.
        const byLevel = ["mbo2", "mbo3", "mbo4"].map((l) => retention(OUTCOMES, facts, TODAY, l));
        const withLevel = facts.filter((f) => f.level !== null).length;
        expect(byLevel.flat().reduce((n, r) => n + r.started, 0)).toBe(withLevel);
      }),
    );
  });
});

describe("percentage", () => {
  it("rounds, and says nothing where nobody was counted", () => {
    expect(percentage({ counted: 3, stayed: 2 })).toBe(67);
    expect(percentage({ counted: 0, stayed: 0 })).toBeNull();
  });
});
