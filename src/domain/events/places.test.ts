import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attendanceRate, type Line, placeFor, promotions, registrationOpen, waitingPosition } from "./places.js";

const at = (minute: number) => new Date(Date.UTC(2027, 2, 1, 9, minute));
const line = (id: string, status: Line["status"], minute: number): Line => ({ id, status, registeredAt: at(minute) });

describe("places in a session", () => {
  it("gives a place while there is one, then the waiting list", () => {
    expect(placeFor(2, 0)).toBe("registered");
    expect(placeFor(2, 1)).toBe("registered");
    expect(placeFor(2, 2)).toBe("waiting");
    expect(placeFor(2, 5)).toBe("waiting");
  });

  it("promotes the first on the waiting list when a place comes free", () => {
    const lines = [
      line("a", "registered", 1),
      line("b", "cancelled", 2),
      line("d", "waiting", 9),
      line("c", "waiting", 4),
    ];
    expect(promotions(2, lines).map((l) => l.id)).toEqual(["c"]);
    expect(promotions(3, lines).map((l) => l.id)).toEqual(["c", "d"]);
    expect(promotions(1, lines)).toEqual([]);
  });

  it("numbers the waiting list in order of registration", () => {
    const lines = [line("x", "waiting", 5), line("y", "waiting", 3), line("z", "registered", 1)];
    expect(waitingPosition(lines, "y")).toBe(1);
    expect(waitingPosition(lines, "x")).toBe(2);
    expect(waitingPosition(lines, "z")).toBeNull();
  });

  it("keeps registration open up to and including the deadline", () => {
    expect(registrationOpen(at(10), at(10))).toBe(true);
    expect(registrationOpen(at(10), at(11))).toBe(false);
  });

  it("reports attendance as a share of the registered", () => {
    expect(attendanceRate(0, 0)).toBeNull();
    expect(attendanceRate(4, 3)).toBe(0.75);
    expect(attendanceRate(2, 5)).toBe(1);
  });

  const lines = fc
    .array(
      fc.record({
        status: fc.constantFrom("registered", "waiting", "cancelled"),
        minute: fc.integer({ min: 0, max: 59 }),
      }),
      { maxLength: 30 },
    )
    .map((rows) => rows.map((r, i) => line(`l${String(i).padStart(2, "0")}`, r.status as Line["status"], r.minute)));

  it("never fills a session beyond its capacity, and fills every free place from the waiting list", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), lines, (capacity, all) => {
        const taken = all.filter((l) => l.status === "registered").length;
        const waiting = all.filter((l) => l.status === "waiting");
        const promoted = promotions(capacity, all);
        expect(promoted.every((l) => l.status === "waiting")).toBe(true);
        expect(taken + promoted.length).toBeLessThanOrEqual(Math.max(capacity, taken));
        expect(promoted.length).toBe(Math.min(waiting.length, Math.max(0, capacity - taken)));
      }),
    );
  });

  it("promotes strictly in turn: nobody moves up past someone who waited longer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), lines, (capacity, all) => {
        const promoted = new Set(promotions(capacity, all).map((l) => l.id));
        const waiting = all.filter((l) => l.status === "waiting");
        for (const a of waiting)
          for (const b of waiting)
            if (promoted.has(b.id) && !promoted.has(a.id))
              expect(a.registeredAt.getTime()).toBeGreaterThanOrEqual(b.registeredAt.getTime());
      }),
    );
  });

  it("registering one by one never gives more places than the capacity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 30 }), (capacity, people) => {
        let taken = 0;
        for (let i = 0; i < people; i++) if (placeFor(capacity, taken) === "registered") taken++;
        expect(taken).toBe(Math.min(capacity, people));
      }),
    );
  });
});
