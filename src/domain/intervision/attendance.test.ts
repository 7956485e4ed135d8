import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AttendedMeeting, attendanceMinutes, meetingMinutes } from "./attendance.js";

const meeting = (status: AttendedMeeting["status"], minutes: number, day = 1): AttendedMeeting => {
  const start = Date.UTC(2026, 2, day, 9);
  return { status, startsAt: new Date(start).toISOString(), endsAt: new Date(start + minutes * 60_000).toISOString() };
};
const confirmed = { present: true, confirmedAt: "2026-03-01T12:00:00.000Z" };

describe("attendance hours", () => {
  it("credits the meeting's length to a present member who confirmed, at a held meeting only", () => {
    expect(meetingMinutes(meeting("held", 90))).toBe(90);
    expect(
      attendanceMinutes([
        { meeting: meeting("held", 90), line: confirmed },
        { meeting: meeting("held", 120, 2), line: { present: true, confirmedAt: null } },
        { meeting: meeting("held", 60, 3), line: { present: false, confirmedAt: null } },
        { meeting: meeting("planned", 60, 4), line: confirmed },
        { meeting: meeting("cancelled", 60, 5), line: confirmed },
        { meeting: meeting("held", 45, 6), line: undefined },
        { meeting: meeting("held", 30, 7), line: confirmed },
      ]),
    ).toBe(120);
  });

  it("is the sum of the counted meetings' minutes", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            status: fc.constantFrom("planned" as const, "held" as const, "cancelled" as const),
            minutes: fc.integer({ min: 15, max: 600 }),
            present: fc.boolean(),
            confirmed: fc.boolean(),
          }),
        ),
        (rows) => {
          const records = rows.map((r, i) => ({
            meeting: meeting(r.status, r.minutes, i + 1),
            line: { present: r.present, confirmedAt: r.confirmed ? "2026-03-01T12:00:00.000Z" : null },
          }));
          const expected = rows
            .filter((r) => r.status === "held" && r.present && r.confirmed)
            .reduce((sum, r) => sum + r.minutes, 0);
          expect(attendanceMinutes(records)).toBe(expected);
        },
      ),
    );
  });
});
