import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween } from "../dutch-time.js";
import { builtinRegime } from "../regimes/builtin.js";
import {
  dueReminders,
  EVALUATION_LEAD_DAYS,
  eventReminderDue,
  REREGISTRATION_THRESHOLDS_DAYS,
  type ReminderSnapshot,
  reregistrationThreshold,
  SIGNATURE_WAIT_DAYS,
} from "./rules.js";

const TRAINEE = "u-trainee";
const GUIDE = "u-guide";
const COMMISSIONER = "u-commissioner";

const endSpec = {
  key: "end",
  moment: "end" as const,
  dueBy: "reregistration" as const,
  signers: [
    { key: "professional", roles: ["trainee" as const] },
    { key: "employer_or_guide", roles: ["commissioner" as const, "guide" as const] },
  ],
};

const regime = (key: string) => {
  const found = builtinRegime(key);
  if (!found) throw new Error(key);
  return { participants: found.participants, admin: found.admin };
};

const snapshot = (overrides: Partial<ReminderSnapshot> = {}): ReminderSnapshot => ({
  id: "t1",
  title: "Werkbegeleiding",
  closed: false,
  endsOn: "2027-12-31",
  evaluationMoments: [],
  participants: [
    { userId: TRAINEE, role: "trainee" },
    { userId: GUIDE, role: "guide" },
  ],
  visibility: regime("skj_werkbegeleiding"),
  declarationSpecs: [endSpec],
  declarations: [],
  reregistrationDate: "2027-06-30",
  ...overrides,
});

// Noon in the Netherlands on a given day.
const on = (day: string) => new Date(`${day}T10:00:00Z`);

describe("re-registration thresholds", () => {
  it("sends the latest threshold crossed, none before 90 days or after the date", () => {
    expect(reregistrationThreshold(91)).toBeNull();
    expect(reregistrationThreshold(90)).toBe(90);
    expect(reregistrationThreshold(31)).toBe(90);
    expect(reregistrationThreshold(30)).toBe(30);
    // The server was down at 30 days and runs at 25: the 30-day reminder, late, once.
    expect(reregistrationThreshold(25)).toBe(30);
    expect(reregistrationThreshold(7)).toBe(7);
    expect(reregistrationThreshold(0)).toBe(7);
    expect(reregistrationThreshold(-1)).toBeNull();
  });

  it("never goes back to a larger threshold as the date comes closer", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 400 }), fc.integer({ min: 0, max: 400 }), (later, gap) => {
        const earlier = reregistrationThreshold(later + gap);
        const now = reregistrationThreshold(later);
        // No reminder only more than 90 days before the date or once it has passed, and no
        // reminder is never a step back.
        const outside = (daysLeft: number) => daysLeft > 90 || daysLeft < 0;
        expect(earlier === null).toBe(outside(later + gap));
        expect(now === null).toBe(outside(later));
        expect(now ?? 0).toBeLessThanOrEqual(earlier ?? Number.POSITIVE_INFINITY);
      }),
    );
  });

  it("the thresholds are data, largest first", () => {
    expect([...REREGISTRATION_THRESHOLDS_DAYS]).toEqual([90, 30, 7]);
  });
});

describe("dueReminders", () => {
  it("reminds the trainee and the missing signers at each threshold, with the threshold in the key", () => {
    const at90 = dueReminders(snapshot(), on("2027-04-01"));
    expect(daysBetween("2027-04-01", "2027-06-30")).toBe(90);
    expect(at90.map((r) => [r.userId, r.kind, r.params.threshold]).sort()).toEqual([
      [GUIDE, "reminder.reregistration", 90],
      [TRAINEE, "reminder.reregistration", 90],
    ]);
    expect(at90[0]?.key).toMatch(/^rereg:t1:2027-06-30:u-\w+:90$/);
    const at26 = dueReminders(snapshot(), on("2027-06-04"));
    expect(at26.every((r) => r.params.threshold === 30)).toBe(true);
    expect(dueReminders(snapshot(), on("2027-03-31"))).toEqual([]);
    expect(dueReminders(snapshot(), on("2027-07-01"))).toEqual([]);
  });

  it("asks only the signers still missing, and the trainee", () => {
    const declarations = [
      {
        id: "d1",
        kind: "end",
        number: 1,
        status: "open" as const,
        createdAt: on("2027-03-01"),
        signatures: [{ signerKey: "employer_or_guide", userId: GUIDE, signedAt: on("2027-03-01") }],
      },
    ];
    const due = dueReminders(snapshot({ declarations }), on("2027-06-25")).filter(
      (r) => r.kind === "reminder.reregistration",
    );
    expect(due.map((r) => r.userId)).toEqual([TRAINEE]);
  });

  it("sends nothing once the declaration is signed, open or closed", () => {
    const signed = [
      { id: "d1", kind: "end", number: 1, status: "signed" as const, createdAt: on("2027-03-01"), signatures: [] },
    ];
    expect(dueReminders(snapshot({ declarations: signed }), on("2027-06-25"))).toEqual([]);
    expect(dueReminders(snapshot({ declarations: signed, closed: true }), on("2027-06-25"))).toEqual([]);
  });

  it("still reminds a completed trajectory whose end declaration is open, but announces no evaluation", () => {
    const s = snapshot({ closed: true, evaluationMoments: [{ date: "2027-06-28", label: "Eind" }] });
    const due = dueReminders(s, on("2027-06-25"));
    expect(due.map((r) => [r.userId, r.kind]).sort()).toEqual([
      [GUIDE, "reminder.reregistration"],
      [TRAINEE, "reminder.reregistration"],
    ]);
  });

  it("reminds form A (start) when form B is signed and A is not, by the regime's own data", () => {
    const skj = builtinRegime("skj_werkbegeleiding");
    if (!skj) throw new Error("skj");
    const declarationSpecs = skj.declarations.map((d) => ({ ...d }));
    const signedB = {
      id: "b1",
      kind: "end",
      number: 1,
      status: "signed" as const,
      createdAt: on("2027-03-01"),
      signatures: [
        { signerKey: "professional", userId: TRAINEE, signedAt: on("2027-03-01") },
        { signerKey: "employer_or_guide", userId: GUIDE, signedAt: on("2027-03-01") },
      ],
    };
    const openA = { ...signedB, id: "a1", kind: "start", status: "open" as const, signatures: [] };
    const due = dueReminders(
      snapshot({ declarationSpecs, declarations: [signedB, openA], closed: true }),
      on("2027-06-25"),
    ).filter((r) => r.kind === "reminder.reregistration");
    expect(due.map((r) => r.userId).sort()).toEqual([GUIDE, TRAINEE]);
    // Without any version of A at all, the same.
    const none = dueReminders(snapshot({ declarationSpecs, declarations: [signedB] }), on("2027-06-25"));
    expect(none.filter((r) => r.kind === "reminder.reregistration")).toHaveLength(2);
  });

  it("sends nothing about re-registration without a date or without declarations due by it", () => {
    expect(dueReminders(snapshot({ reregistrationDate: null }), on("2027-06-25"))).toEqual([]);
    expect(dueReminders(snapshot({ declarationSpecs: [{ ...endSpec, dueBy: "end" }] }), on("2027-06-25"))).toEqual([]);
  });

  it("announces an evaluation moment to every participant within the lead time", () => {
    const s = snapshot({
      reregistrationDate: null,
      declarationSpecs: [],
      evaluationMoments: [{ date: "2027-02-10", label: "Tussenevaluatie" }],
      participants: [
        { userId: TRAINEE, role: "trainee" },
        { userId: GUIDE, role: "guide" },
        { userId: COMMISSIONER, role: "commissioner" },
      ],
    });
    expect(EVALUATION_LEAD_DAYS).toBe(7);
    expect(dueReminders(s, on("2027-02-02"))).toEqual([]);
    const due = dueReminders(s, on("2027-02-03"));
    expect(due.map((r) => r.userId).sort()).toEqual([COMMISSIONER, GUIDE, TRAINEE]);
    expect(new Set(due.map((r) => r.key)).size).toBe(3);
    expect(due[0]?.key).toMatch(/^eval:t1:2027-02-10:/);
    expect(dueReminders(s, on("2027-02-10"))).toHaveLength(3);
    expect(dueReminders(s, on("2027-02-11"))).toEqual([]);
  });

  it("announces a supervisie's evaluation moment only to those who may read its plan, not the employer", () => {
    const s = snapshot({
      reregistrationDate: null,
      declarationSpecs: [],
      visibility: regime("supervisie"),
      evaluationMoments: [{ date: "2027-02-10", label: "Terugblik" }],
      participants: [
        { userId: TRAINEE, role: "trainee" },
        { userId: GUIDE, role: "guide" },
        { userId: COMMISSIONER, role: "commissioner" },
      ],
    });
    expect(
      dueReminders(s, on("2027-02-03"))
        .map((r) => r.userId)
        .sort(),
    ).toEqual([GUIDE, TRAINEE]);
  });

  it("asks a missing signer once the declaration has waited long enough", () => {
    const waiting = (signedAt: string) =>
      snapshot({
        reregistrationDate: null,
        declarations: [
          {
            id: "d1",
            kind: "end",
            number: 1,
            status: "open",
            createdAt: on("2027-01-01"),
            signatures: [{ signerKey: "professional", userId: TRAINEE, signedAt: on(signedAt) }],
          },
        ],
      });
    expect(SIGNATURE_WAIT_DAYS).toBe(2);
    expect(dueReminders(waiting("2027-01-10"), on("2027-01-11"))).toEqual([]);
    const due = dueReminders(waiting("2027-01-10"), on("2027-01-12"));
    expect(due).toEqual([
      {
        key: "sign:d1:u-guide",
        userId: GUIDE,
        kind: "reminder.signature",
        params: { trajectory: "Werkbegeleiding", declaration: "end" },
        link: "/trajecten/t1/verklaringen/d1",
      },
    ]);
  });

  it("asks the first signers of a declaration nobody signed yet, counting from when it was made", () => {
    const s = snapshot({
      reregistrationDate: null,
      declarationSpecs: [{ ...endSpec, key: "start", moment: "start", dueBy: null }],
      declarations: [
        { id: "d2", kind: "start", number: 1, status: "open", createdAt: on("2027-01-01"), signatures: [] },
      ],
    });
    expect(dueReminders(s, on("2027-01-02"))).toEqual([]);
    expect(
      dueReminders(s, on("2027-01-03"))
        .map((r) => r.userId)
        .sort(),
    ).toEqual([GUIDE, TRAINEE]);
  });

  it("does not ask for a first signature on the end declaration before the trajectory ends", () => {
    const s = snapshot({
      reregistrationDate: null,
      endsOn: "2027-06-30",
      declarations: [{ id: "d3", kind: "end", number: 1, status: "open", createdAt: on("2027-01-01"), signatures: [] }],
    });
    expect(dueReminders(s, on("2027-06-29"))).toEqual([]);
    expect(dueReminders(s, on("2027-06-30")).map((r) => r.key)).toEqual(["sign:d3:u-trainee", "sign:d3:u-guide"]);
  });

  it("takes the latest version by its number", () => {
    const s = snapshot({
      declarations: [
        { id: "d1", kind: "end", number: 1, status: "signed", createdAt: on("2027-01-05"), signatures: [] },
        { id: "d2", kind: "end", number: 2, status: "open", createdAt: on("2027-01-01"), signatures: [] },
      ],
    });
    expect(dueReminders(s, on("2027-06-25")).filter((r) => r.kind === "reminder.reregistration")).toHaveLength(2);
  });

  it("ignores superseded versions", () => {
    const s = snapshot({
      reregistrationDate: null,
      declarations: [
        { id: "d0", kind: "end", number: 1, status: "superseded", createdAt: on("2027-01-01"), signatures: [] },
      ],
    });
    expect(dueReminders(s, on("2027-02-01"))).toEqual([]);
  });
});

describe("the reminder before an event", () => {
  const starts = new Date("2027-03-11T12:00:00Z");
  const hoursBefore = (h: number) => new Date(starts.getTime() - h * 3_600_000);
  it("is due within the two days before the start, never after it began", () => {
    expect(eventReminderDue(starts, hoursBefore(49))).toBe(false);
    expect(eventReminderDue(starts, hoursBefore(48))).toBe(true);
    expect(eventReminderDue(starts, hoursBefore(1))).toBe(true);
    expect(eventReminderDue(starts, starts)).toBe(false);
    expect(eventReminderDue(starts, hoursBefore(-1))).toBe(false);
  });
});
