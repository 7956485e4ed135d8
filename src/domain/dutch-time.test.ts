import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dutchInstant, dutchParts, dutchToday } from "./dutch-time.js";

describe("Dutch time, whatever the zone of the machine", () => {
  it("reads a Dutch date and time in winter and in summer", () => {
    expect(dutchInstant("2026-01-15", "09:30")).toBe("2026-01-15T08:30:00.000Z");
    expect(dutchInstant("2026-07-15", "09:30")).toBe("2026-07-15T07:30:00.000Z");
  });

  it("refuses what is not a date or a time", () => {
    expect(dutchInstant("2026-02-30", "09:30")).toBeNull();
    expect(dutchInstant("2026-02-10", "25:00")).toBeNull();
    expect(dutchInstant("10-02-2026", "09:30")).toBeNull();
  });

  it("shows an instant as the Dutch date and time", () => {
    expect(dutchParts("2026-10-12T07:30:00Z")).toEqual({ date: "2026-10-12", time: "09:30" });
    expect(dutchParts("2026-12-31T23:30:00Z")).toEqual({ date: "2027-01-01", time: "00:30" });
    expect(dutchToday(new Date("2026-03-01T23:30:00Z"))).toBe("2026-03-02");
  });

  it("gives back the date and time it read, outside the hour the clocks go back", () => {
    const minutes = fc.integer({ min: 0, max: 23 * 60 + 59 }).filter((m) => m < 120 || m >= 180);
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }),
        minutes,
        (d, m) => {
          const date = d.toISOString().slice(0, 10);
          const time = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
          const instant = dutchInstant(date, time);
          expect(instant).not.toBeNull();
          expect(dutchParts(instant as string)).toEqual({ date, time });
        },
      ),
    );
  });
});
