import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMinutes, hoursSummary } from "./hours.js";
import { arbMeetings, meeting, teacherRegime } from "./test-factories.js";

describe("hoursSummary", () => {
  it("counts held meetings only, with preparation and travel, per meeting type", () => {
    const summary = hoursSummary([
      meeting({ id: "a", type: "classroom_visit", durationMinutes: 50, preparationMinutes: 10, travelMinutes: 30 }),
      meeting({ id: "b", type: "feedback_conversation", durationMinutes: 45, preparationMinutes: 15 }),
      meeting({ id: "c", type: "classroom_visit", durationMinutes: 60, travelMinutes: 20 }),
      meeting({ id: "d", type: "classroom_visit", status: "planned", durationMinutes: 50 }),
      meeting({ id: "e", type: "evaluation", status: "cancelled", durationMinutes: 60 }),
    ]);
    expect(summary.lines).toEqual([
      {
        type: "classroom_visit",
        meetings: 2,
        meetingMinutes: 110,
        preparationMinutes: 10,
        travelMinutes: 50,
        totalMinutes: 170,
      },
      {
        type: "feedback_conversation",
        meetings: 1,
        meetingMinutes: 45,
        preparationMinutes: 15,
        travelMinutes: 0,
        totalMinutes: 60,
      },
    ]);
    expect(summary.total).toEqual({
      type: "total",
      meetings: 3,
      meetingMinutes: 155,
      preparationMinutes: 25,
      travelMinutes: 50,
      totalMinutes: 230,
    });
  });

  it("is all zeros without held meetings", () => {
    const summary = hoursSummary([meeting({ status: "planned" })]);
    expect(summary.lines).toEqual([]);
    expect(summary.total).toMatchObject({ meetings: 0, totalMinutes: 0 });
  });

  it("holds: lines are sums over held meetings of their type, the total the sum of the lines, all integers", () => {
    fc.assert(
      fc.property(arbMeetings(teacherRegime(), 40), (meetings) => {
        const { lines, total } = hoursSummary(meetings);
        const held = meetings.filter((m) => m.status === "held");
        expect(lines.map((l) => l.type).sort()).toEqual([...new Set(held.map((m) => m.type))].sort());
        const fields = ["meetings", "meetingMinutes", "preparationMinutes", "travelMinutes", "totalMinutes"] as const;
        for (const line of lines) {
          const own = held.filter((m) => m.type === line.type);
          expect(line.meetings).toBe(own.length);
          expect(line.meetingMinutes).toBe(own.reduce((s, m) => s + m.durationMinutes, 0));
          expect(line.preparationMinutes).toBe(own.reduce((s, m) => s + m.preparationMinutes, 0));
          expect(line.travelMinutes).toBe(own.reduce((s, m) => s + m.travelMinutes, 0));
          expect(line.totalMinutes).toBe(line.meetingMinutes + line.preparationMinutes + line.travelMinutes);
        }
        for (const field of fields) {
          expect(total[field]).toBe(lines.reduce((s, l) => s + l[field], 0));
          for (const line of [...lines, total]) expect(Number.isInteger(line[field])).toBe(true);
        }
      }),
    );
  });
});

describe("formatMinutes", () => {
  it("shows hours and minutes the way timesheets do", () => {
    expect(formatMinutes(0)).toBe("0:00");
    expect(formatMinutes(5)).toBe("0:05");
    expect(formatMinutes(135)).toBe("2:15");
    expect(formatMinutes(600)).toBe("10:00");
  });
});
