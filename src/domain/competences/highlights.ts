import type { CompetenceLevel } from "./path.js";

export interface Highlights {
  /** Competences with a gap to their target, largest first; equal gaps in the framework's order. */
  gaps: string[];
  /** Rated competences at or above their target, highest level above target first; ties in the framework's order. */
  strengths: string[];
}

/**
 * The strongest points and the largest gaps of a scan, at most `count` of each. A competence is
 * never both; an unrated competence is never a strength.
 */
export function highlights(levels: readonly CompetenceLevel[], count = 3): Highlights {
  const indexed = levels.map((level, position) => ({ level, position }));
  const gaps = indexed
    .filter(({ level }) => level.gap > 0)
    .sort((a, b) => b.level.gap - a.level.gap || a.position - b.position)
    .slice(0, Math.max(0, count))
    .map(({ level }) => level.competence);
  const strengths = indexed
    .filter(({ level }) => level.level !== null && level.gap === 0)
    .sort(
      (a, b) =>
        (b.level.level as number) - b.level.target - ((a.level.level as number) - a.level.target) ||
        a.position - b.position,
    )
    .slice(0, Math.max(0, count))
    .map(({ level }) => level.competence);
  return { gaps, strengths };
}
