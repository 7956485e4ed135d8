import { describe, expect, it } from "vitest";
import { builtinRegime } from "../../domain/regimes/builtin";
import { regimeTextIn } from "../i18n/regime-text";
import { laterDate, localDateTime, todayIso } from "./date-input";
import dueMessages from "./due-i18n";
import {
  DUE_KINDS,
  dueLink,
  isDueKind,
  localDay,
  parseHours,
  participantGroups,
  ratingRows,
  TRAJECTORY_TABS,
  tabFromParam,
  trajectoryPath,
} from "./format";

const teacher = builtinRegime("werkbegeleiding_leerkracht")!;
const id = "7d8f7a52-1111-4a5b-9c3d-2e6f4a1b0c9d";

describe("where a due item leads", () => {
  it("sends meeting work to the meeting page", () => {
    for (const kind of ["selfAssessment", "recordMeeting", "shareFeedback", "feedbackUnseen", "agreement"])
      expect(dueLink({ kind, trajectoryId: id, meetingId: "m-1" })).toBe(`/trajecten/${id}/bijeenkomsten/m-1`);
  });

  it("sends the final report to the report page, even without a meeting", () => {
    expect(dueLink({ kind: "finalReport", trajectoryId: id })).toBe(`/trajecten/${id}/verslag`);
  });

  it("opens the part of the trajectory where the work is done", () => {
    expect(dueLink({ kind: "consent", trajectoryId: id })).toBe(`/trajecten/${id}?deel=instemming`);
    expect(dueLink({ kind: "approveGoals", trajectoryId: id })).toBe(`/trajecten/${id}?deel=doelen`);
    expect(dueLink({ kind: "writeGoals", trajectoryId: id })).toBe(`/trajecten/${id}?deel=doelen`);
    expect(dueLink({ kind: "intake", trajectoryId: id })).toBe(`/trajecten/${id}?deel=plan`);
    expect(dueLink({ kind: "evaluation", trajectoryId: id })).toBe(`/trajecten/${id}?deel=plan`);
  });

  it("falls back to the trajectory itself for a kind it does not know", () => {
    expect(dueLink({ kind: "somethingNew", trajectoryId: id })).toBe(`/trajecten/${id}`);
  });

  it("has words for every kind the domain can report, in both languages", () => {
    expect(DUE_KINDS).toHaveLength(12);
    for (const kind of DUE_KINDS) {
      expect(isDueKind(kind)).toBe(true);
      expect(dueMessages.nl.kinds[kind]).toBeTruthy();
      expect(dueMessages.en.kinds[kind]).toBeTruthy();
    }
    expect(isDueKind("unknown")).toBe(false);
  });
});

describe("tabs in the address", () => {
  it("reads back every tab it writes, and nothing else", () => {
    for (const tab of Object.keys(TRAJECTORY_TABS) as (keyof typeof TRAJECTORY_TABS)[]) {
      const path = trajectoryPath(id, tab);
      const param = new URL(path, "http://x").searchParams.get("deel");
      expect(tabFromParam(param)).toBe(tab);
    }
    expect(tabFromParam(null)).toBeNull();
    expect(tabFromParam("goals")).toBeNull();
    expect(trajectoryPath(id)).toBe(`/trajecten/${id}`);
  });
});

describe("localDateTime", () => {
  it("reads the typed date and time as Dutch time, in winter and summer, whatever the browser's zone", () => {
    expect(localDateTime("2026-01-15", "09:30")).toBe("2026-01-15T08:30:00.000Z");
    expect(localDateTime("2026-07-01", "23:05")).toBe("2026-07-01T21:05:00.000Z");
    expect(localDateTime("2026-03-29", "12:00")).toBe("2026-03-29T10:00:00.000Z");
  });

  it("refuses what is not a date and a time", () => {
    expect(localDateTime("", "09:00")).toBeNull();
    expect(localDateTime("2026-02-30", "09:00")).toBeNull();
    expect(localDateTime("2026-02-01", "9")).toBeNull();
  });
});

describe("days", () => {
  it("reads an ISO day as that Dutch day, and today as the Dutch date", () => {
    const day = localDay("2026-03-02");
    expect(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(day)).toBe("2026-03-02");
    // Just before midnight in the Netherlands is still that day; just after, the next.
    expect(todayIso(new Date("2026-01-05T22:59:00Z"))).toBe("2026-01-05");
    expect(todayIso(new Date("2026-01-05T23:01:00Z"))).toBe("2026-01-06");
    expect(laterDate("2026-02-01", "2026-01-31")).toBe("2026-02-01");
    expect(laterDate("2026-01-01", "2026-01-31")).toBe("2026-01-31");
  });
});

describe("participantGroups", () => {
  it("names each part as the regime does, in its order, leaving out parts nobody holds", () => {
    const groups = participantGroups(
      teacher,
      [
        { userId: "u3", personId: null, name: "Fatima Yılmaz", role: "commissioner" },
        { userId: "u1", personId: null, name: "Sanne Visser", role: "guide" },
        { userId: "u2", personId: null, name: "Peter Jansen", role: "guide" },
      ],
      regimeTextIn("nl").text,
    );
    expect(groups).toEqual([
      { role: "guide", label: "Adviseur", names: ["Sanne Visser", "Peter Jansen"] },
      { role: "commissioner", label: "Opdrachtgever", names: ["Fatima Yılmaz"] },
    ]);
  });
});

describe("ratingRows", () => {
  it("orders the points by date and labels them, keeping missing ratings empty", () => {
    const rows = ratingRows(
      [
        { meetingId: "b", date: "2026-03-10T09:00:00Z", guide: 3, self: null },
        { meetingId: "a", date: "2026-03-03T09:00:00Z", guide: 2, self: 3 },
      ],
      (iso) => iso.slice(0, 10),
    );
    expect(rows).toEqual([
      { meetingId: "a", date: "2026-03-03", guide: 2, self: 3 },
      { meetingId: "b", date: "2026-03-10", guide: 3, self: null },
    ]);
  });
});

describe("parseHours", () => {
  it("reads hours as timesheets write them, as whole minutes", () => {
    expect(parseHours("32")).toBe(32 * 60);
    expect(parseHours(" 7,5 ")).toBe(450);
    expect(parseHours("7.25")).toBe(435);
    expect(parseHours("7:30")).toBe(450);
    expect(parseHours("0:05")).toBe(5);
  });

  it("refuses what is no number of hours, and nothing", () => {
    for (const typed of ["", "0", "0:00", "-3", "acht", "7:75", "1e3", "7,555"])
      expect(parseHours(typed), typed).toBeNull();
  });
});
