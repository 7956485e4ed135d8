import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FriendRating, friendsMean, MIN_RATERS, RATER_KINDS, shownGroups } from "./anonymity.js";

const rating = (raterId: string, kind: FriendRating["kind"], value: number | null): FriendRating => ({
  raterId,
  kind,
  value,
});

describe("critical friends stay anonymous", () => {
  it("shows a kind with two raters as their mean, and merges a lone rater into 'others'", () => {
    expect(
      shownGroups([
        rating("a", "colleague", 2),
        rating("b", "colleague", 4),
        rating("c", "student", 3),
        rating("d", "team_leader", 1),
      ]),
    ).toEqual([
      { group: "colleague", raters: 2, mean: 3 },
      { group: "others", raters: 2, mean: 2 },
    ]);
  });

  it("shows nothing of a single friend, not even as 'others'", () => {
    expect(shownGroups([rating("a", "student", 4)])).toEqual([]);
    expect(friendsMean([rating("a", "student", 4), rating("b", "colleague", null)])).toBeNull();
  });

  it("never shows a group of fewer than two raters, and loses no answer once two answered", () => {
    const friend = fc.record({
      raterId: fc.uuid(),
      kind: fc.constantFrom(...RATER_KINDS),
      value: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(friend, { maxLength: 15 }), (ratings) => {
        const shown = shownGroups(ratings);
        for (const group of shown) expect(group.raters).toBeGreaterThanOrEqual(MIN_RATERS);
        const answered = ratings.filter((r) => r.value !== null).length;
        const counted = shown.reduce((sum, g) => sum + g.raters, 0);
        // Every answer is in a shown group, except a lone one that nothing else could hide.
        expect(answered - counted).toBeLessThanOrEqual(MIN_RATERS - 1);
      }),
    );
  });
});
