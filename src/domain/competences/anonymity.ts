/**
 * Critical friends rate a werkbegeleider anonymously. A kind of rater (colleagues, students, ...)
 * is shown as the mean of at least `MIN_RATERS` of them; fewer are merged into "others", and
 * "others" is shown only when it too has that many. No single friend can be picked out.
 */

export const RATER_KINDS = ["colleague", "student", "team_leader", "praktijkopleider", "other"] as const;
export type RaterKind = (typeof RATER_KINDS)[number];

export const MIN_RATERS = 2;

export interface FriendRating {
  raterId: string;
  kind: RaterKind;
  /** The rating of one behaviour on the framework's scale; null when the friend left it open. */
  value: number | null;
}

export interface ShownGroup {
  /** A kind of rater, or "others" for kinds with too few raters of their own. */
  group: RaterKind | "others";
  raters: number;
  mean: number;
}

/** The mean of a list of levels; null for an empty one. */
export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;
}

/** The groups of friends' ratings one may show for a behaviour, each with at least `MIN_RATERS` raters. */
export function shownGroups(ratings: readonly FriendRating[]): ShownGroup[] {
  const answered = ratings.filter((r): r is FriendRating & { value: number } => r.value !== null);
  const byKind = new Map<RaterKind, number[]>();
  for (const rating of answered) byKind.set(rating.kind, [...(byKind.get(rating.kind) ?? []), rating.value]);
  const shown: ShownGroup[] = [];
  const merged: number[] = [];
  for (const kind of RATER_KINDS) {
    const values = byKind.get(kind) ?? [];
    if (kind !== "other" && values.length >= MIN_RATERS)
      shown.push({ group: kind, raters: values.length, mean: mean(values) as number });
    else merged.push(...values);
  }
  if (merged.length >= MIN_RATERS) shown.push({ group: "others", raters: merged.length, mean: mean(merged) as number });
  return shown;
}

/** The mean of every friend who answered, when at least `MIN_RATERS` did; null otherwise. */
export function friendsMean(ratings: readonly FriendRating[]): number | null {
  const values = ratings.flatMap((r) => (r.value === null ? [] : [r.value]));
  return values.length >= MIN_RATERS ? mean(values) : null;
}
