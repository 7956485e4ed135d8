import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextCaseBringer, type RotationMeeting, type RotationMember, rotationOrder } from "./rotation.js";

const m = (userId: string, name: string, joinedAt = "2026-01-01T09:00:00.000Z"): RotationMember => ({
  userId,
  name,
  joinedAt,
});
const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();

describe("the case bringer rotation", () => {
  it("proposes who never brought a case, by join date then name", () => {
    const members = [m("b", "Bram", at(2)), m("a", "Anna", at(2)), m("c", "Cas", at(1))];
    expect(nextCaseBringer(members, [])?.name).toBe("Cas");
    expect(rotationOrder(members, []).map((x) => x.name)).toEqual(["Cas", "Anna", "Bram"]);
    expect(nextCaseBringer(members, [{ startsAt: at(5), caseBringerId: "c" }])?.name).toBe("Anna");
  });

  it("proposes whoever brought one in least recently", () => {
    const members = [m("a", "Anna"), m("b", "Bram"), m("c", "Cas")];
    const held: RotationMeeting[] = [
      { startsAt: at(1), caseBringerId: "b" },
      { startsAt: at(2), caseBringerId: "a" },
      { startsAt: at(3), caseBringerId: "c" },
      { startsAt: at(4), caseBringerId: "b" },
      { startsAt: at(5), caseBringerId: null },
    ];
    expect(nextCaseBringer(members, held)?.name).toBe("Anna");
  });

  it("has no proposal for a group without members", () => {
    expect(nextCaseBringer([], [])).toBeNull();
  });

  it("over n rounds following the proposal, everyone brings in a case before anyone does twice", () => {
    const memberArb = fc.uniqueArray(
      fc.record({
        userId: fc.uuid(),
        name: fc.string({ maxLength: 6 }),
        joinedAt: fc.integer({ min: 0, max: 30 }).map(at),
      }),
      { minLength: 1, maxLength: 10, selector: (x) => x.userId },
    );
    fc.assert(
      fc.property(
        memberArb,
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        (members, history, rounds) => {
          // Some meetings before, brought in by anyone in any order.
          const held: RotationMeeting[] = history.map((i, day) => ({
            startsAt: at(100 + day),
            caseBringerId: members[i % members.length]?.userId ?? null,
          }));
          const counts = new Map(members.map((x) => [x.userId, 0]));
          for (let round = 0; round < rounds; round++) {
            const next = nextCaseBringer(members, held);
            expect(next).not.toBeNull();
            const id = next?.userId as string;
            held.push({ startsAt: at(200 + round), caseBringerId: id });
            counts.set(id, (counts.get(id) ?? 0) + 1);
            // Nobody's count runs more than one ahead of anybody else's.
            const values = [...counts.values()];
            expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
