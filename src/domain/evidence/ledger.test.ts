import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILTIN_PROFILES, builtinProfile } from "./builtin-profiles.js";
import {
  buildLedger,
  type EvidenceRecord,
  formatPoints,
  hoursPerFortyPoints,
  inPeriod,
  lastDay,
  pointsHundredthsOf,
  registrationPeriod,
  whyNotCounted,
} from "./ledger.js";
import type { RequirementProfile } from "./profile.js";

const under = builtinProfile("skj_master_under_3648") as RequirementProfile;
const over = builtinProfile("skj_master_over_3648") as RequirementProfile;
const period = registrationPeriod("2027-03-01", 5);

let n = 0;
const record = (
  category: EvidenceRecord["category"],
  date: string,
  minutes: number,
  groupSize?: number,
  mode: EvidenceRecord["mode"] = "in_person",
): EvidenceRecord => {
  n += 1;
  return {
    category,
    source: { kind: "trajectoryMeeting", id: `m${n}`, link: `/trajecten/t/bijeenkomsten/m${n}`, title: "Supervisie" },
    date,
    minutes,
    groupSize,
    mode,
  };
};

describe("registrationPeriod", () => {
  it("runs the profile's years up to the re-registration date, that date itself excluded", () => {
    expect(period).toEqual({ from: "2022-03-01", to: "2027-03-01" });
    expect(inPeriod(period, "2022-03-01")).toBe(true);
    expect(inPeriod(period, "2027-02-28")).toBe(true);
    expect(inPeriod(period, "2027-03-01")).toBe(false);
    expect(inPeriod(period, "2022-02-28")).toBe(false);
    expect(lastDay(period)).toBe("2027-02-28");
  });

  it("takes a leap day back to the last day of February", () => {
    expect(registrationPeriod("2028-02-29", 5).from).toBe("2023-02-28");
  });

  it("refuses what is not a date", () => {
    expect(() => registrationPeriod("1 maart", 5)).toThrow(RangeError);
  });
});

describe("supervisie points", () => {
  it("converts by group size: 40 points are 40 hours alone, 45 with two, 50 with three", () => {
    expect(hoursPerFortyPoints(under, 1)).toBe(40);
    expect(hoursPerFortyPoints(under, 2)).toBe(45);
    expect(hoursPerFortyPoints(under, 3)).toBe(50);
    expect(hoursPerFortyPoints(under, 7)).toBe(50);
    expect(hoursPerFortyPoints(under, null)).toBe(40);
    expect(pointsHundredthsOf(40 * 60, 40)).toBe(4000);
    expect(pointsHundredthsOf(45 * 60, 45)).toBe(4000);
    expect(pointsHundredthsOf(50 * 60, 50)).toBe(4000);
    expect(pointsHundredthsOf(60, 45)).toBe(88); // 0.888… rounded down
  });

  it("works points out from the minutes summed per group size, not from rounded lines", () => {
    const records = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => record("supervisie", `2024-01-0${d}`, 60, 2));
    const line = buildLedger(under, period, records, "2026-01-01").lines.find(
      (l) => l.requirement.key === "supervisie",
    );
    expect(line?.pointsHundredths).toBe(800); // 9 hours with two = 8 points exactly
    expect(line?.minutes).toBe(540);
    expect(line?.sessions).toBe(9);
  });
});

describe("buildLedger", () => {
  it("shows have, minimum, missing and by when per requirement", () => {
    const ledger = buildLedger(
      over,
      period,
      [
        record("supervisie", "2023-05-01", 10 * 60, 1),
        record("intervisie", "2024-05-01", 90),
        record("intervisie", "2024-06-01", 90),
        record("werkbegeleiding", "2024-06-01", 60),
      ],
      "2026-03-01",
    );
    const by = Object.fromEntries(ledger.lines.map((l) => [l.requirement.key, l]));
    expect(by.supervisie).toMatchObject({ status: "missing", have: 1000, minimum: 2000, missing: 1000 });
    expect(by.supervisie?.deadline).toBe("2027-03-01");
    expect(by.intervisie).toMatchObject({ status: "missing", have: 300, minimum: 2000, missing: 1700, sessions: 2 });
    expect(by.training).toMatchObject({ status: "notTracked", have: 0, minimum: 4000, missing: 4000, records: [] });
    expect(by.work).toMatchObject({ status: "notTracked", minimum: 2500 * 60 });
    // The over-3648 profile asks no werkbegeleiding: its records are still listed, on a line that asks nothing.
    expect(by.werkbegeleiding).toMatchObject({ status: "met", minimum: 0, minutes: 60, sessions: 1 });
    expect(by.werkbegeleiding?.requirement.label.nl).toContain("geen eis in dit profiel");
    expect(ledger.daysLeft).toBe(365);
    expect(ledger.complete).toBe(false);
  });

  it("counts werkbegeleiding as present once there is a session", () => {
    const none = buildLedger(under, period, [], "2026-01-01").lines.find(
      (l) => l.requirement.key === "werkbegeleiding",
    );
    expect(none).toMatchObject({ status: "missing", have: 0, minimum: 1, missing: 1 });
    const one = buildLedger(under, period, [record("werkbegeleiding", "2026-01-01", 45)], "2026-01-01").lines.find(
      (l) => l.requirement.key === "werkbegeleiding",
    );
    expect(one).toMatchObject({ status: "met", have: 1, minutes: 45, missing: 0 });
  });

  it("meets a requirement exactly at its minimum", () => {
    const records = [record("supervisie", "2025-01-01", 20 * 60, 1)];
    const line = buildLedger(over, period, records, "2026-01-01").lines.find((l) => l.requirement.key === "supervisie");
    expect(line).toMatchObject({ status: "met", have: 2000, missing: 0 });
  });
});

describe("formatPoints", () => {
  it("writes hundredths without trailing zeros", () => {
    expect(formatPoints(2250, "nl")).toBe("22,5");
    expect(formatPoints(2250, "en")).toBe("22.5");
    expect(formatPoints(4000, "nl")).toBe("40");
    expect(formatPoints(88, "nl")).toBe("0,88");
    expect(formatPoints(805, "en")).toBe("8.05");
  });
});

// ---------------------------------------------------------------------------------------------

const day = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2029, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const arbitraryRecord = fc.record({
  category: fc.constantFrom("werkbegeleiding", "supervisie", "intervisie", "training") as fc.Arbitrary<
    EvidenceRecord["category"]
  >,
  source: fc.record({
    kind: fc.constantFrom("trajectoryMeeting", "intervisionMeeting") as fc.Arbitrary<EvidenceRecord["source"]["kind"]>,
    id: fc.uuid(),
    link: fc.constant("/x"),
    title: fc.string({ maxLength: 5 }),
  }),
  date: day,
  minutes: fc.integer({ min: 0, max: 600 }),
  groupSize: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  mode: fc.constantFrom("in_person", "video", "phone", null) as fc.Arbitrary<EvidenceRecord["mode"]>,
});
const arbitraryProfile = fc.constantFrom(...BUILTIN_PROFILES);

describe("ledger properties", () => {
  it("totals always equal the sum of the records inside the period, in any order", () => {
    fc.assert(
      fc.property(
        arbitraryProfile,
        fc.array(arbitraryRecord, { maxLength: 60 }),
        day,
        fc.integer({ min: 1, max: 10 }),
        (profile, records, reregistration, years) => {
          const p = registrationPeriod(reregistration, years);
          const ledger = buildLedger(profile, p, records, "2026-01-01");
          const shuffled = buildLedger(profile, p, [...records].reverse(), "2026-01-01");
          expect(shuffled).toEqual(ledger);
          for (const line of ledger.lines) {
            const all = records.filter((r) => r.category === line.requirement.category && inPeriod(p, r.date));
            const mine = all.filter((r) => whyNotCounted(line.requirement, r) === null);
            if (line.status === "notTracked") {
              expect(line.records).toEqual([]);
              continue;
            }
            // Every session of the period is either counted or listed with its reason, never dropped.
            expect(line.records.length + line.notCounted.length).toBe(all.length);
            expect(line.minutes).toBe(mine.reduce((s, r) => s + r.minutes, 0));
            expect(line.sessions).toBe(mine.length);
            expect(line.records.map((r) => r.source.id).sort()).toEqual(mine.map((r) => r.source.id).sort());
            expect(line.records.every((r) => inPeriod(p, r.date))).toBe(true);
            // Points: rounded down once per conversion rate, so never more than the exact sum of the lines.
            const exact = mine.reduce(
              (s, r) =>
                s +
                (r.minutes * 40 * 100) /
                  (60 * (line.requirement.category === "supervisie" ? hoursPerFortyPoints(profile, r.groupSize) : 40)),
              0,
            );
            expect(line.pointsHundredths).toBeLessThanOrEqual(exact + 1e-9);
            expect(line.pointsHundredths).toBeGreaterThan(exact - profile.supervisieConversion.length - 1);
            expect(Number.isInteger(line.pointsHundredths)).toBe(true);
            expect(line.missing).toBe(Math.max(0, line.minimum - line.have));
          }
        },
      ),
    );
  });

  it("a record outside the period never changes the ledger", () => {
    fc.assert(
      fc.property(arbitraryProfile, fc.array(arbitraryRecord, { maxLength: 30 }), arbitraryRecord, (profile, rs, r) => {
        fc.pre(!inPeriod(period, r.date));
        expect(buildLedger(profile, period, [...rs, r], "2026-01-01")).toEqual(
          buildLedger(profile, period, rs, "2026-01-01"),
        );
      }),
    );
  });
});

describe("what a session counts for", () => {
  it("counts supervisie face to face only, and lists the others with the reason instead of dropping them", () => {
    const records = [
      record("supervisie", "2026-01-10", 600, 1, "in_person"),
      record("supervisie", "2026-01-17", 600, 1, "video"),
      record("supervisie", "2026-01-24", 120, 1, "phone"),
      record("supervisie", "2026-01-31", 60, 1, null),
    ];
    const line = buildLedger(over, period, records, "2026-06-01").lines.find((l) => l.requirement.key === "supervisie");
    expect(line?.minutes).toBe(600);
    expect(line?.pointsHundredths).toBe(1000);
    expect(line?.sessions).toBe(1);
    expect(line?.notCounted.map((n) => [n.record.mode, n.reason])).toEqual([
      ["video", "modeNotCounted"],
      ["phone", "modeNotCounted"],
      [null, "modeNotRecorded"],
    ]);
  });

  it("counts every way when the profile says nothing about modes, and never filters intervisie", () => {
    const open: RequirementProfile = {
      ...over,
      requirements: over.requirements.map((r) => ({ ...r, countedModes: null })),
    };
    const records = [
      record("supervisie", "2026-01-10", 600, 1, "video"),
      record("supervisie", "2026-01-17", 60, 1, null),
    ];
    const line = buildLedger(open, period, records, "2026-06-01").lines.find((l) => l.requirement.key === "supervisie");
    expect(line?.minutes).toBe(660);
    expect(line?.notCounted).toEqual([]);
    const intervision: EvidenceRecord = {
      category: "intervisie",
      source: { kind: "intervisionMeeting", id: "i1", link: "/intervisie/g", title: "Groep" },
      date: "2026-02-01",
      minutes: 120,
    };
    const limited: RequirementProfile = {
      ...over,
      requirements: over.requirements.map((r) => ({ ...r, countedModes: ["in_person" as const] })),
    };
    const intervisie = buildLedger(limited, period, [intervision], "2026-06-01").lines.find(
      (l) => l.requirement.key === "intervisie",
    );
    expect(intervisie?.minutes).toBe(120);
  });

  it("reads the group size each session recorded when it was held, not one for the whole trajectory", () => {
    // 20 hours alone and 25 hours with three: 20 + 20 points, whatever the plan says today.
    const records = [record("supervisie", "2026-01-10", 1200, 1), record("supervisie", "2026-02-10", 1500, 3)];
    const line = buildLedger(under, period, records, "2026-06-01").lines.find(
      (l) => l.requirement.key === "supervisie",
    );
    expect(line?.pointsHundredths).toBe(4000);
    expect(line?.status).toBe("met");
  });
});
