import { describe, expect, it } from "vitest";
import { dateSchema, dateTimeSchema } from "./date-schemas.js";
import { isDateInRange, isMomentInRange } from "./dates.js";

describe("the dates Koers accepts", () => {
  it("are calendar dates from 1900 to 2199", () => {
    for (const ok of ["1900-01-01", "2026-03-01", "2024-02-29", "2199-12-31"]) {
      expect(dateSchema.safeParse(ok).success, ok).toBe(true);
      expect(isDateInRange(ok)).toBe(true);
    }
    for (const bad of ["0000-01-01", "0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31", "2023-02-29", "2026-3-1"])
      expect(dateSchema.safeParse(bad).success, bad).toBe(false);
  });

  it("name the range in their message key", () => {
    const result = dateSchema.safeParse("0000-01-01");
    expect(result.error?.issues[0]?.message).toBe("field.dateOutOfRange");
  });
});

describe("the date-times Koers accepts", () => {
  it("are moments with an offset within 1900 to 2199, in UTC", () => {
    for (const ok of [
      "2026-03-01T09:30:00+01:00",
      "2026-03-01T08:30:00Z",
      "1900-01-01T00:00:00Z",
      "2199-12-31T23:59:59Z",
    ])
      expect(dateTimeSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of [
      "0000-01-01T00:00:00Z",
      "9999-12-31T23:00:00-05:00", // the year 10000 in UTC
      "2199-12-31T23:30:00-05:00", // 2200 in UTC
      "1900-01-01T00:30:00+01:00", // 1899 in UTC
      "2026-03-01T09:30:00", // no offset
    ])
      expect(dateTimeSchema.safeParse(bad).success, bad).toBe(false);
    expect(isMomentInRange("+010000-01-01T04:00:00Z")).toBe(false);
  });
});
