import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FriendRating, MIN_RATERS, RATER_KINDS, type RaterKind } from "./anonymity.js";
import { competenceGroups } from "./results.js";
import { smallFramework } from "./test-framework.js";

const rating = (raterId: string, kind: RaterKind, value: number | null): FriendRating => ({ raterId, kind, value });

describe("friends' ratings per competence", () => {
  it("counts each friend once per competence, with the mean of their ratings of its behaviours", () => {
    const groups = competenceGroups(smallFramework(), {
      self: {},
      friends: {
        welkom: [rating("a", "colleague", 4), rating("b", "colleague", 2)],
        verwachtingen: [rating("a", "colleague", 2), rating("b", "colleague", null)],
        gedrag: [rating("a", "colleague", 3), rating("b", "colleague", 1)],
      },
    });
    // a: (4 + 2) / 2 = 3 and b: 2 on the relationship; a: 3 and b: 1 on feedback.
    expect(groups).toEqual({
      relatie: [{ group: "colleague", raters: 2, mean: 2.5 }],
      feedback: [{ group: "colleague", raters: 2, mean: 2 }],
    });
  });

  it("never shows one friend of a kind: a lone student and a lone team leader together are 'others'", () => {
    const groups = competenceGroups(smallFramework(), {
      self: {},
      friends: {
        welkom: [
          rating("c1", "colleague", 3),
          rating("c2", "colleague", 3),
          rating("s", "student", 4),
          rating("t", "team_leader", 2),
        ],
        gedrag: [rating("s", "student", 1)],
      },
    });
    expect(groups.relatie).toEqual([
      { group: "colleague", raters: 2, mean: 3 },
      { group: "others", raters: 2, mean: 3 },
    ]);
    // One friend rated feedback: nothing of it is shown.
    expect(groups.feedback).toEqual([]);
  });

  it("shows only groups of at least two friends, and each friend in one group at most", () => {
    const behaviours = ["welkom", "verwachtingen", "gedrag"];
    const friend = fc.record({
      kind: fc.constantFrom(...RATER_KINDS),
      values: fc.tuple(...behaviours.map(() => fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }))),
    });
    fc.assert(
      fc.property(fc.array(friend, { maxLength: 8 }), (friends) => {
        const byBehaviour: Record<string, FriendRating[]> = {};
        friends.forEach((f, i) => {
          behaviours.forEach((b, j) => {
            byBehaviour[b] = [...(byBehaviour[b] ?? []), rating(`r${i}`, f.kind, f.values[j] ?? null)];
          });
        });
        const groups = competenceGroups(smallFramework(), { self: {}, friends: byBehaviour });
        for (const shown of Object.values(groups)) {
          for (const g of shown) expect(g.raters).toBeGreaterThanOrEqual(MIN_RATERS);
          expect(shown.reduce((sum, g) => sum + g.raters, 0)).toBeLessThanOrEqual(friends.length);
        }
      }),
    );
  });
});
