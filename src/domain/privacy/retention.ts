import { addMonths } from "../dutch-time.js";
import type { PersonalData, Retention } from "./registry.js";

/**
 * When a record has been kept long enough (decision 0038). Pure: the facts of one record and the
 * day, nothing else, so the nightly job, its dry run and the tests ask the same question.
 */

/** What decides one record's end: when it was made, when the guidance it belongs to ended, and any legal duty. */
export interface RetentionFacts {
  /** The day the record was made (or, for a session, ends): what a fixed period counts from. */
  madeOn: string;
  /** The day the guidance it belongs to ended; null while it runs. */
  guidanceEndedOn: string | null;
  /** For evidence a register may audit: the last day of that duty; null while it is not known. */
  auditUntil: string | null;
  /** Kept under a legal duty whatever the period says (a signed declaration a register may still audit). */
  legalHold: boolean;
}

/**
 * The first day on which a record made (or ended) on a day before it has been kept its `months`:
 * a record whose day is before `cutoff(months, today)` is due. One day for a whole table, so the
 * job removes with one statement per table.
 */
export const cutoff = (months: number, today: string) => addMonths(today, -months);

/** Whether the record's time is up on `today`. A legal hold always keeps it; a record that goes with its membership never goes by time. */
export function isDue(rule: Retention, facts: RetentionFacts, today: string): boolean {
  if (facts.legalHold) return false;
  switch (rule.kind) {
    case "withMembership":
      return false;
    case "period":
      return facts.madeOn < cutoff(rule.months, today);
    case "afterGuidance":
      return facts.guidanceEndedOn !== null && facts.guidanceEndedOn < cutoff(rule.months, today);
    case "registerAudit":
      return facts.auditUntil !== null && facts.auditUntil < today;
  }
}

/** The kinds of data whose period an organisation may choose: kept for a fixed period, with a range. */
export const choosablePeriods = (entries: readonly PersonalData[]) =>
  entries.flatMap((entry) =>
    entry.retention.kind === "period" && entry.retention.range
      ? [{ table: entry.table, months: entry.retention.months, range: entry.retention.range }]
      : [],
  );

/** An entry's retention with the organisation's own months where it chose them, the registry's otherwise. */
export function retentionOf(entry: PersonalData, chosen: Readonly<Record<string, number>>): Retention {
  const months = chosen[entry.table];
  if (entry.retention.kind !== "period" || !entry.retention.range || months === undefined) return entry.retention;
  return { ...entry.retention, months };
}

/** Where a choice of months is not allowed: a kind that cannot be chosen, or months outside its range. */
export type PeriodProblem =
  | { table: string; problem: "notChoosable" }
  | { table: string; problem: "outOfRange"; min: number; max: number };

export function periodProblems(
  entries: readonly PersonalData[],
  chosen: Readonly<Record<string, number>>,
): PeriodProblem[] {
  const choosable = new Map(choosablePeriods(entries).map((c) => [c.table, c.range]));
  return Object.entries(chosen).flatMap(([table, months]): PeriodProblem[] => {
    const range = choosable.get(table);
    if (!range) return [{ table, problem: "notChoosable" as const }];
    if (!Number.isInteger(months) || months < range.min || months > range.max)
      return [{ table, problem: "outOfRange" as const, ...range }];
    return [];
  });
}
