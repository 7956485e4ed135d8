/** The organiser's summary of an event's evaluations: means, how often each score was given, the open answers. */

export interface EvaluationRow {
  overall: number;
  usefulness: number;
  takeAway: string;
  suggestion: string;
}

const SCORES = [1, 2, 3, 4, 5] as const;

const mean = (values: number[]) =>
  values.length === 0 ? null : Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 10) / 10;

const counts = (values: number[]) => SCORES.map((score) => values.filter((v) => v === score).length);

/** Open answers are listed without their writer and sorted, so their order tells nothing of who wrote them. */
const answers = (values: string[]) =>
  values
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
    .sort((a, b) => a.localeCompare(b, "nl"));

export function summarise(rows: readonly EvaluationRow[]) {
  const overall = rows.map((r) => r.overall);
  const usefulness = rows.map((r) => r.usefulness);
  return {
    responses: rows.length,
    overall: mean(overall),
    usefulness: mean(usefulness),
    overallCounts: counts(overall),
    usefulnessCounts: counts(usefulness),
    takeAways: answers(rows.map((r) => r.takeAway)),
    suggestions: answers(rows.map((r) => r.suggestion)),
  };
}
