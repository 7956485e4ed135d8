import { type FriendRating, friendsMean } from "./anonymity.js";
import { activeBehaviours, activeCompetences, type CombineRule, type Framework } from "./framework.js";

/** A finished self-scan: the werkbegeleider's own rating per behaviour and their friends' ratings. */
export interface Scan {
  self: Record<string, number | null>;
  friends: Record<string, readonly FriendRating[]>;
}

export interface CompetenceLevel {
  competence: string;
  self: number | null;
  others: number | null;
  /** Self and others combined by the framework's rule; null when nothing was rated. */
  level: number | null;
  target: number;
  /** Target minus level, never below zero; the whole target when nothing was rated. */
  gap: number;
}

const mean = (values: readonly number[]) =>
  values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;

function combine(rule: CombineRule, self: number | null, others: number | null): number | null {
  if (self === null || others === null) return self ?? others;
  if (rule.kind === "lowest") return Math.min(self, others);
  const weight = rule.self + rule.others;
  return weight === 0 ? (self + others) / 2 : (self * rule.self + others * rule.others) / weight;
}

/** Each competence's level from a scan and its gap to the target of `variant`, in the framework's order. */
export function competenceLevels(framework: Framework, variant: string, scan: Scan): CompetenceLevel[] {
  const targets = framework.variants.find((v) => v.key === variant)?.targets ?? {};
  return activeCompetences(framework).map((competence) => {
    const behaviours = activeBehaviours(competence);
    const self = mean(
      behaviours.flatMap((b) => (typeof scan.self[b.key] === "number" ? [scan.self[b.key] as number] : [])),
    );
    const others = mean(
      behaviours.flatMap((b) => {
        const m = friendsMean(scan.friends[b.key] ?? []);
        return m === null ? [] : [m];
      }),
    );
    const level = combine(framework.combine, self, others);
    const target = targets[competence.key] ?? 0;
    return { competence: competence.key, self, others, level, target, gap: Math.max(0, target - (level ?? 0)) };
  });
}

/** The competences to work on, largest gap first; equal gaps in the framework's order. None without a gap. */
export function suggestedOrder(levels: readonly CompetenceLevel[]): string[] {
  return levels
    .map((level, position) => ({ level, position }))
    .filter(({ level }) => level.gap > 0)
    .sort((a, b) => b.level.gap - a.level.gap || a.position - b.position)
    .map(({ level }) => level.competence);
}

/** How much each competence grew from one scan to a later one (negative when it fell); null where either lacks a level. */
export function growth(before: readonly CompetenceLevel[], after: readonly CompetenceLevel[]) {
  const earlier = new Map(before.map((l) => [l.competence, l.level]));
  return after.map((l) => {
    const was = earlier.get(l.competence) ?? null;
    return {
      competence: l.competence,
      before: was,
      after: l.level,
      change: was === null || l.level === null ? null : l.level - was,
    };
  });
}

export interface PathItem {
  competence: string;
  /** Chosen by the owner (picked, moved, added), not only suggested. */
  chosen: boolean;
  postponed: boolean;
  done: boolean;
}

/**
 * The path a new scan proposes, from the owner's current one: what the owner chose, postponed or
 * finished stays where they put it; suggested items follow the new order; competences that now
 * have a gap are added at the end; suggested ones without a gap any more are listed as
 * `closed`, not silently dropped. Nothing the owner did is thrown away.
 */
export function proposePath(current: readonly PathItem[], newOrder: readonly string[]) {
  const kept = current.filter((item) => item.chosen || item.postponed || item.done);
  const keptKeys = new Set(kept.map((i) => i.competence));
  const suggested = newOrder
    .filter((competence) => !keptKeys.has(competence))
    .map((competence): PathItem => ({ competence, chosen: false, postponed: false, done: false }));
  const before = new Set(current.map((i) => i.competence));
  const still = new Set(newOrder);
  return {
    path: [...kept, ...suggested],
    added: suggested.filter((i) => !before.has(i.competence)).map((i) => i.competence),
    closed: current.filter((i) => !keptKeys.has(i.competence) && !still.has(i.competence)).map((i) => i.competence),
  };
}
