import type { Outcomes } from "../regimes/schema.js";

/**
 * How many students stay: per cohort (the school year a trajectory started in), how many started,
 * are still going, completed, stopped and why, and how many were still there one and two years
 * after their start. Seed 003's reason to act was the drop-out in the first two years; these are
 * the figures that show whether it falls. Pure: the server reads the facts, the page shows them.
 */

export type Outcome = "ongoing" | "completed" | "stopped";

export interface OutcomeFacts {
  startsOn: string;
  status: string;
  /** The day the current status took effect, where it was asked (a stop, a diploma). */
  statusOn: string | null;
  reasonCode: string | null;
  level: string | null;
}

export interface StayedFigure {
  /** Students who started at least this long ago, so could have stayed this long. */
  counted: number;
  stayed: number;
}

export interface CohortRow {
  cohort: string;
  started: number;
  ongoing: number;
  completed: number;
  stopped: number;
  /** Stops per reason code; a stop without a code counts as "unknown". */
  reasons: Record<string, number>;
  afterOneYear: StayedFigure;
  afterTwoYears: StayedFigure;
}

/** A school year runs from 1 August to 31 July; a trajectory started on 2025-09-01 is cohort 2025-2026. */
export function cohortOf(startsOn: string): string {
  const year = Number(startsOn.slice(0, 4));
  const month = Number(startsOn.slice(5, 7));
  const first = month >= 8 ? year : year - 1;
  return `${first}-${first + 1}`;
}

export function outcomeOf(outcomes: Pick<Outcomes, "completed" | "stopped">, status: string): Outcome {
  if (outcomes.completed.includes(status)) return "completed";
  if (outcomes.stopped.includes(status)) return "stopped";
  return "ongoing";
}

/** The same day `years` later; 29 February becomes 1 March. */
const yearsAfter = (date: string, years: number) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y + years, m - 1, d));
  return shifted.toISOString().slice(0, 10);
};

/**
 * Whether a student stayed `years` after the start: counted only once that day has come; a
 * student who stopped before it did not stay, one who completed before it did. A stop without a
 * date counts as before.
 */
function stayed(fact: OutcomeFacts, outcome: Outcome, years: number, today: string) {
  const mark = yearsAfter(fact.startsOn, years);
  if (mark > today) return null;
  if (outcome !== "stopped") return true;
  return fact.statusOn !== null && fact.statusOn >= mark;
}

const emptyRow = (cohort: string): CohortRow => ({
  cohort,
  started: 0,
  ongoing: 0,
  completed: 0,
  stopped: 0,
  reasons: {},
  afterOneYear: { counted: 0, stayed: 0 },
  afterTwoYears: { counted: 0, stayed: 0 },
});

/** The rows per cohort, newest first, of the students `level` selects (all when null). */
export function retention(
  outcomes: Pick<Outcomes, "completed" | "stopped">,
  facts: readonly OutcomeFacts[],
  today: string,
  level: string | null = null,
): CohortRow[] {
  const rows = new Map<string, CohortRow>();
  for (const fact of facts) {
    if (level !== null && fact.level !== level) continue;
    const cohort = cohortOf(fact.startsOn);
    const row = rows.get(cohort) ?? emptyRow(cohort);
    rows.set(cohort, row);
    const outcome = outcomeOf(outcomes, fact.status);
    row.started += 1;
    row[outcome] += 1;
    if (outcome === "stopped") {
      const code = fact.reasonCode ?? "unknown";
      row.reasons[code] = (row.reasons[code] ?? 0) + 1;
    }
    for (const [years, figure] of [
      [1, row.afterOneYear],
      [2, row.afterTwoYears],
    ] as const) {
      const result = stayed(fact, outcome, years, today);
      if (result === null) continue;
      figure.counted += 1;
      if (result) figure.stayed += 1;
    }
  }
  return [...rows.values()].sort((a, b) => b.cohort.localeCompare(a.cohort));
}

/** A share as a whole percentage, or null where nobody was counted. */
export const percentage = ({ counted, stayed: kept }: StayedFigure) =>
  counted === 0 ? null : Math.round((kept / counted) * 100);
