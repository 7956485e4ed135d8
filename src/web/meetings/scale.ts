import type { Locale, Localized, Scale } from "../../domain/regimes/schema";

export interface ScaleOption {
  value: string;
  label: string;
}

/** The points of a scale, lowest first, with their words where the scale has them: "1 – Overwegend zwak". */
export function scaleOptions(scale: Scale, locale: Locale): ScaleOption[] {
  const options: ScaleOption[] = [];
  for (let point = scale.min; point <= scale.max; point++) {
    const words = scale.labels?.[point - scale.min]?.[locale];
    options.push({ value: String(point), label: words ? `${point} – ${words}` : String(point) });
  }
  return options;
}

/** A score as read back: with the scale's words, or against its maximum ("7 / 10"). */
export function scoreText(scale: Scale, score: number, locale: Locale): string {
  const words = scale.labels?.[score - scale.min]?.[locale];
  return words ? `${score} – ${words}` : `${score} / ${scale.max}`;
}

const sameGroup = (a: Localized | undefined, b: Localized | undefined) => a?.nl === b?.nl && a?.en === b?.en;

/**
 * An observation form's items in their order, in runs that share a group; items without a group
 * form runs of their own. The form's order is the order of the lesson, so nothing is sorted.
 */
export function groupItems<T extends { group?: Localized }>(items: readonly T[]) {
  const runs: { group: Localized | undefined; items: T[] }[] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last && sameGroup(last.group, item.group)) last.items.push(item);
    else runs.push({ group: item.group, items: [item] });
  }
  return runs;
}
