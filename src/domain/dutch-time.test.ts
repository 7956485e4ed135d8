import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  dutchDay,
  dutchInstant,
  dutchParts,
  dutchToday,
  isWithinDutchDays,
} from "./dutch-time.js";

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

  it("shows both instants of the hour the clocks go back as the same Dutch time", () => {
    expect(dutchParts("2026-10-25T00:30:00Z")).toEqual({ date: "2026-10-25", time: "02:30" });
    expect(dutchParts("2026-10-25T01:30:00Z")).toEqual({ date: "2026-10-25", time: "02:30" });
  });

  it("writes midnight as 00:00", () => {
    expect(dutchParts("2026-06-30T22:00:00Z")).toEqual({ date: "2026-07-01", time: "00:00" });
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

describe("the Dutch day of a moment", () => {
  it("is the next day from midnight Dutch time on, though the UTC day is still the one before", () => {
    // Winter: UTC+1, so 00:00 to 01:00 Dutch time is the previous UTC day.
    expect(dutchDay("2026-01-14T23:00:00Z")).toBe("2026-01-15");
    expect(dutchDay("2026-01-14T22:59:59Z")).toBe("2026-01-14");
    // Summer: UTC+2, so 00:00 to 02:00 Dutch time is the previous UTC day.
    expect(dutchDay("2026-07-14T22:00:00Z")).toBe("2026-07-15");
    expect(dutchDay("2026-07-14T21:59:59Z")).toBe("2026-07-14");
    expect(dutchDay(new Date("2026-07-14T23:30:00Z"))).toBe("2026-07-15");
  });

  it("follows the clocks on the nights they change", () => {
    // 29 March 2026: 02:00 becomes 03:00. 00:30 Dutch is still winter time (UTC+1).
    expect(dutchDay("2026-03-28T23:30:00Z")).toBe("2026-03-29");
    expect(dutchDay("2026-03-28T22:59:00Z")).toBe("2026-03-28");
    // 25 October 2026: 03:00 becomes 02:00. 00:30 Dutch is still summer time (UTC+2).
    expect(dutchDay("2026-10-24T22:30:00Z")).toBe("2026-10-25");
    expect(dutchDay("2026-10-24T21:59:00Z")).toBe("2026-10-24");
    // The first Dutch minute of every day around both changes belongs to that day.
    for (const date of ["2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-10-26"])
      expect(dutchDay(dutchInstant(date, "00:00") as string)).toBe(date);
  });

  it("puts a moment in a period of Dutch days by its Dutch day", () => {
    const start = dutchInstant("2026-09-01", "00:30") as string;
    expect(start).toBe("2026-08-31T22:30:00.000Z");
    expect(isWithinDutchDays(start, "2026-09-01", "2026-12-31")).toBe(true);
    expect(isWithinDutchDays(dutchInstant("2026-12-31", "23:59") as string, "2026-09-01", "2026-12-31")).toBe(true);
    expect(isWithinDutchDays(dutchInstant("2026-08-31", "23:59") as string, "2026-09-01", "2026-12-31")).toBe(false);
    expect(isWithinDutchDays(dutchInstant("2027-01-01", "00:00") as string, "2026-09-01", "2026-12-31")).toBe(false);
    expect(isWithinDutchDays("not a moment", "2026-09-01", "2026-12-31")).toBe(false);
  });

  it("agrees with the Dutch date a form shows, for any moment", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }), (d) => {
        const day = dutchDay(d);
        expect(isWithinDutchDays(d, day, day)).toBe(true);
        expect(day).toBe(dutchParts(d).date);
      }),
    );
  });
});

describe("adding days to a date", () => {
  it("counts calendar days, across months, years and the nights the clocks change", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", -1)).toBe("2026-10-24");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-05-10", 0)).toBe("2026-05-10");
  });
});

describe("dutchDay", () => {
  it("is the day in the Netherlands, not in UTC", () => {
    expect(dutchDay(new Date("2027-03-01T23:30:00Z"))).toBe("2027-03-02");
    expect(dutchDay(new Date("2027-07-01T21:59:00Z"))).toBe("2027-07-01");
    expect(dutchDay(new Date("2027-07-01T22:00:00Z"))).toBe("2027-07-02");
  });
});

describe("daysBetween", () => {
  it("counts calendar days, negative backwards, across summer time", () => {
    expect(daysBetween("2027-03-27", "2027-03-29")).toBe(2);
    expect(daysBetween("2027-04-01", "2027-03-31")).toBe(-1);
  });
});
