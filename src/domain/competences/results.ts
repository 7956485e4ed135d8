import { type FriendRating, mean, type ShownGroup, shownGroups } from "./anonymity.js";
import { activeBehaviours, activeCompetences, type Framework } from "./framework.js";
import type { Scan } from "./path.js";

/**
 * How each kind of critical friend rated each competence, under the anonymity rule: every friend
 * who answered counts once per competence, with the mean of their ratings of its behaviours; a
 * kind is then shown as the mean of at least two such friends, smaller kinds merged into
 * "others" (`shownGroups`). One friend's answers never come out, not even per competence.
 */
export function competenceGroups(framework: Framework, scan: Scan): Record<string, ShownGroup[]> {
  const groups: Record<string, ShownGroup[]> = {};
  for (const competence of activeCompetences(framework)) {
    const byRater = new Map<string, { kind: FriendRating["kind"]; values: number[] }>();
    for (const behaviour of activeBehaviours(competence))
      for (const rating of scan.friends[behaviour.key] ?? []) {
        if (rating.value === null) continue;
        const rater = byRater.get(rating.raterId) ?? { kind: rating.kind, values: [] };
        rater.values.push(rating.value);
        byRater.set(rating.raterId, rater);
      }
    groups[competence.key] = shownGroups(
      [...byRater].map(([raterId, { kind, values }]) => ({ raterId, kind, value: mean(values) })),
    );
  }
  return groups;
}
