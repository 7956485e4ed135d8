import { describe, expect, it } from "vitest";
import type { LedgerLineView } from "./api.js";
import { presentLine } from "./present.js";

const record = (minutes: number, pointsHundredths: number, groupSize: number | null = null) => ({
  kind: "trajectoryMeeting" as const,
  id: "00000000-0000-4000-8000-000000000001",
  link: "/trajecten/x/bijeenkomsten/y",
  title: "Traject – Bijeenkomst",
  date: "2026-03-02",
  minutes,
  groupSize,
  mode: null,
  pointsHundredths,
});

const line = (overrides: Partial<LedgerLineView>): LedgerLineView => ({
  requirement: { key: "k", category: "werkbegeleiding", label: { nl: "L", en: "L" }, unit: "present", minimum: 0 },
  status: "met",
  minutes: 90,
  pointsHundredths: 150,
  sessions: 1,
  have: 1,
  minimum: 1,
  missing: 0,
  deadline: "2028-03-01",
  records: [record(90, 150)],
  notCounted: [],
  ...overrides,
});

describe("presenting a ledger line", () => {
  it("counts werkbegeleiding in sessions: no points anywhere, the re-registration date as deadline", () => {
    const shown = presentLine(line({}), "nl");
    expect(shown.have).toEqual({ unit: "sessions", value: "1" });
    expect(shown.minimumIsPresence).toBe(true);
    expect(shown.columns).toEqual({ groupSize: false, points: false, mode: false });
    expect(shown.records[0]).toMatchObject({ hours: "1:30", points: null, groupSize: null });
    expect(shown.total).toEqual({ sessions: 1, minutes: 90, hours: "1:30", points: null });
    expect(shown.deadline).toBe("2028-03-01");
  });

  it("shows supervisie's points and group size, in the reader's notation", () => {
    const supervisie = line({
      requirement: { key: "s", category: "supervisie", label: { nl: "S", en: "S" }, unit: "points", minimum: 40 },
      status: "missing",
      minutes: 270,
      pointsHundredths: 250,
      sessions: 1,
      have: 250,
      minimum: 4000,
      missing: 3750,
      records: [record(270, 250, null)],
    });
    const nl = presentLine(supervisie, "nl");
    expect(nl.columns).toEqual({ groupSize: true, points: true, mode: false });
    expect(nl.have).toEqual({ unit: "points", value: "2,5" });
    expect(nl.missing).toEqual({ unit: "points", value: "37,5" });
    expect(nl.records[0]).toMatchObject({ points: "2,5", groupSize: 1 });
    expect(nl.progress).toBe(6);
    expect(presentLine(supervisie, "en").total.points).toBe("2.5");
  });

  it("leaves a category Koers does not track without a figure of its own", () => {
    const training = presentLine(
      line({
        requirement: { key: "t", category: "training", label: { nl: "T", en: "T" }, unit: "points", minimum: 40 },
        status: "notTracked",
        have: 0,
        minimum: 4000,
        missing: 4000,
        records: [],
      }),
      "nl",
    );
    expect(training.tracked).toBe(false);
    expect(training.have).toBeNull();
    expect(training.minimum).toEqual({ unit: "points", value: "40" });
  });
});

describe("presenting sessions that do not count", () => {
  it("lists them with the reason and their mode, worth no points, beside a mode column", () => {
    const shown = presentLine(
      line({
        requirement: {
          key: "s",
          category: "supervisie",
          label: { nl: "S", en: "S" },
          unit: "points",
          minimum: 40,
          countedModes: ["in_person"],
        },
        status: "missing",
        records: [{ ...record(60, 100, 1), mode: "in_person" }],
        notCounted: [
          { ...record(60, 100, 1), mode: "video", reason: "modeNotCounted" },
          { ...record(45, 75, 1), mode: null, reason: "modeNotRecorded" },
        ],
      }),
      "nl",
    );
    expect(shown.columns.mode).toBe(true);
    expect(shown.countedModes).toEqual(["in_person"]);
    expect(shown.records[0]?.mode).toBe("in_person");
    expect(shown.notCounted.map((r) => [r.mode, r.reason, r.points, r.hours])).toEqual([
      ["video", "modeNotCounted", null, "1:00"],
      [null, "modeNotRecorded", null, "0:45"],
    ]);
  });
});
