import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HELD_SLACK_MINUTES, heldFrom, mayRecordHeld } from "./held-meetings.js";

const NOW = new Date("2026-03-10T09:00:00.000Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe("recording a meeting as held", () => {
  it("is possible once it has started, and a little before for clocks that differ", () => {
    expect(mayRecordHeld(minutes(-3 * 24 * 60), NOW)).toBe(true);
    expect(mayRecordHeld(NOW, NOW)).toBe(true);
    expect(mayRecordHeld(minutes(HELD_SLACK_MINUTES), NOW)).toBe(true);
    expect(mayRecordHeld(minutes(HELD_SLACK_MINUTES).toISOString(), NOW)).toBe(true);
  });

  it("is refused ahead of the start, from a quarter of an hour to days", () => {
    expect(mayRecordHeld(minutes(HELD_SLACK_MINUTES + 1), NOW)).toBe(false);
    expect(mayRecordHeld(minutes(3 * 24 * 60), NOW)).toBe(false);
    expect(mayRecordHeld("not a moment", NOW)).toBe(false);
  });

  it("names the first moment it may be recorded, which is the boundary of the rule", () => {
    expect(heldFrom("2026-03-10T09:15:00.000Z").toISOString()).toBe("2026-03-10T09:00:00.000Z");
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        (start, offsetMs) => {
          const now = new Date(start.getTime() + offsetMs);
          expect(mayRecordHeld(start, now)).toBe(now.getTime() >= heldFrom(start).getTime());
        },
      ),
    );
  });
});
