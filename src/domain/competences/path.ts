import { type FriendRating, friendsMean, mean } from "./anonymity.js";
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

/**
 * Levels count to one decimal, as they are shown: a 2.95 is a 3 and reaches a target of 3, so
 * no gap is named that the reader cannot see.
 */
function oneDecimal(value: number | null) {
  return value === null ? null : Math.round(value * 10) / 10;
}

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
    const level = oneDecimal(combine(framework.combine, self, others));
    const target = targets[competence.key] ?? 0;
    return {
      competence: competence.key,
      self: oneDecimal(self),
      others: oneDecimal(others),
      level,
      target,
      gap: Math.max(0, oneDecimal(target - (level ?? 0)) ?? 0),
    };
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

/**
 * The behaviours of a competence a werkbegeleider works on first: its active behaviours rated
 * lowest in the scan (self and friends combined by the framework's rule; one nobody rated counts
 * as the lowest), at most `max`, equal ratings in the framework's order.
 */
export function behavioursToWorkOn(framework: Framework, competenceKey: string, scan: Scan, max = 3): string[] {
  const competence = activeCompetences(framework).find((c) => c.key === competenceKey);
  if (!competence) return [];
  return activeBehaviours(competence)
    .map((behaviour, position) => {
      const self = typeof scan.self[behaviour.key] === "number" ? (scan.self[behaviour.key] as number) : null;
      const rating = combine(framework.combine, self, friendsMean(scan.friends[behaviour.key] ?? []));
      return { key: behaviour.key, rating: rating ?? Number.NEGATIVE_INFINITY, position };
    })
    .sort((a, b) => a.rating - b.rating || a.position - b.position)
    .slice(0, max)
    .map((b) => b.key);
}

/** The behaviours to work on for every active competence of the framework, from one scan. */
export function behavioursPerCompetence(framework: Framework, scan: Scan, max = 3): Record<string, string[]> {
  return Object.fromEntries(
    activeCompetences(framework).map((c) => [c.key, behavioursToWorkOn(framework, c.key, scan, max)]),
  );
}

/**
 * Where an item of a path stands: `suggested` by a scan and not yet touched, `chosen` by the
 * owner (picked, moved or added), `postponed` for later, `done`.
 */
export const PATH_ITEM_STATUSES = ["suggested", "chosen", "postponed", "done"] as const;
export type PathItemStatus = (typeof PATH_ITEM_STATUSES)[number];

/**
 * One step of a werkbegeleider's learning path: a competence to work on, with the behaviours to
 * work on in it. Designed to point at a module of the library once there is one (`module`);
 * until then an item names the competence and its behaviours, and says no module serves it yet.
 */
export interface PathItem {
  competence: string;
  status: PathItemStatus;
  /** Added by the owner: a competence the scan did not suggest. */
  own: boolean;
  /** Behaviour keys to work on: the lowest-rated active behaviours of the competence in the scan. */
  behaviours: string[];
  /** The owner's own note. */
  note: string | null;
  /** The module that serves this item (the module library, a later issue); null while none does. */
  module: string | null;
  /** Suggested by an earlier scan, without a gap in a later one: kept and marked, never dropped. */
  closed: boolean;
}

/** A new item of a path, as a scan suggests it. */
export const suggestedItem = (competence: string, behaviours: readonly string[] = []): PathItem => ({
  competence,
  status: "suggested",
  own: false,
  behaviours: [...behaviours],
  note: null,
  module: null,
  closed: false,
});

/** Whether the owner did anything with an item: then a new scan keeps it as it is. */
const ownersWork = (item: PathItem) => item.status !== "suggested" || item.own || item.note !== null;

/** The competences both lists hold whose place among those they share differs. */
function moved(before: readonly string[], after: readonly string[]): string[] {
  const inAfter = new Set(after);
  const inBefore = new Set(before);
  const a = before.filter((c) => inAfter.has(c));
  const b = after.filter((c) => inBefore.has(c));
  return b.filter((c, i) => a[i] !== c);
}

/**
 * The path a new scan proposes, from the owner's current one: what the owner chose, postponed,
 * finished, added or wrote a note on stays where they put it; suggested items follow the new
 * order; competences that now have a gap are added at the end; suggested ones without a gap any
 * more stay at the very end marked `closed` (and are listed as such), never silently dropped.
 * Every item gets the behaviours the new scan names for its competence, where it names any.
 * Nothing the owner did is thrown away.
 */
export function proposePath(
  current: readonly PathItem[],
  newOrder: readonly string[],
  behaviours: Readonly<Record<string, readonly string[]>> = {},
) {
  const refreshed = (item: PathItem): PathItem => ({
    ...item,
    behaviours: [...(behaviours[item.competence] ?? item.behaviours)],
  });
  const still = new Set(newOrder);
  const kept = current.filter(ownersWork).map(refreshed);
  const keptKeys = new Set(kept.map((i) => i.competence));
  const byKey = new Map(current.map((i) => [i.competence, i]));
  const suggested = newOrder
    .filter((competence) => !keptKeys.has(competence))
    .map((competence) => suggestedItem(competence, behaviours[competence] ?? byKey.get(competence)?.behaviours));
  const closedItems = current
    .filter((i) => !keptKeys.has(i.competence) && !still.has(i.competence))
    .map((i) => ({ ...refreshed(i), closed: true }));
  const before = new Set(current.map((i) => i.competence));
  const path = [...kept, ...suggested, ...closedItems];
  const open = (items: readonly PathItem[]) => items.filter((i) => !i.closed).map((i) => i.competence);
  return {
    path,
    added: suggested.filter((i) => !before.has(i.competence)).map((i) => i.competence),
    closed: current
      .filter((i) => !i.closed && !keptKeys.has(i.competence) && !still.has(i.competence))
      .map((i) => i.competence),
    reordered: moved(open(current), open(path)),
  };
}

/**
 * "Follow the suggested order": the items in the order the scan suggests, the owner's own
 * additions and closed items after them as they were. Done and postponed stay so; an item the
 * owner only chose (moved) is a suggestion again.
 */
export function followSuggestedOrder(items: readonly PathItem[], order: readonly string[]): PathItem[] {
  const rank = new Map(order.map((c, i) => [c, i]));
  return items
    .map((item, position) => ({ item, position, rank: rank.get(item.competence) ?? order.length + position }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ item }) =>
      item.status === "chosen" && !item.own && rank.has(item.competence)
        ? { ...item, status: "suggested" as const }
        : item,
    );
}

/** Moves the item at `from` one place up (-1) or down (+1); the owner chose it. Out of range: unchanged. */
export function moveItem(items: readonly PathItem[], from: number, by: -1 | 1): PathItem[] {
  const to = from + by;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (!item) return [...items];
  next.splice(to, 0, item.status === "suggested" ? { ...item, status: "chosen" } : item);
  return next;
}

/** What changed between two versions of a path, by competence key (never a note's text). */
export function pathChanges(before: readonly PathItem[], after: readonly PathItem[]) {
  const was = new Map(before.map((item, index) => [item.competence, { item, index }]));
  const is = new Set(after.map((i) => i.competence));
  const shared = before.filter((i) => is.has(i.competence)).map((i) => i.competence);
  const now = after.filter((i) => was.has(i.competence));
  return {
    added: after.filter((i) => !was.has(i.competence)).map((i) => i.competence),
    removed: before.filter((i) => !is.has(i.competence)).map((i) => i.competence),
    moved: now.filter((item, index) => shared[index] !== item.competence).map((i) => i.competence),
    statusChanged: now.filter((i) => was.get(i.competence)?.item.status !== i.status).map((i) => i.competence),
    noteChanged: now.filter((i) => was.get(i.competence)?.item.note !== i.note).map((i) => i.competence),
  };
}
