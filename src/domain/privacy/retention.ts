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

/**
 * Whether the record's time is up on `today`. A legal hold always keeps it; a record that goes
 * with its membership, its trajectory or its group never goes by time of its own.
 */
export function isDue(rule: Retention, facts: RetentionFacts, today: string): boolean {
  if (facts.legalHold) return false;
  switch (rule.kind) {
    case "withMembership":
    case "withParent":
      return false;
    case "period":
      return facts.madeOn < cutoff(rule.months, today);
    case "afterGuidance":
      return facts.guidanceEndedOn !== null && facts.guidanceEndedOn < cutoff(rule.months, today);
    case "registerAudit":
      return facts.auditUntil !== null && facts.auditUntil < today;
  }
}

/** The kinds of data whose months an organisation may choose: kept for a fixed period or after the guidance, with a range. */
export const choosablePeriods = (entries: readonly PersonalData[]) =>
  entries.flatMap((entry) =>
    (entry.retention.kind === "period" || entry.retention.kind === "afterGuidance") && entry.retention.range
      ? [{ table: entry.table, months: entry.retention.months, range: entry.retention.range }]
      : [],
  );

/** An entry's retention with the organisation's own months where it chose them, the registry's otherwise. */
export function retentionOf(entry: PersonalData, chosen: Readonly<Record<string, number>>): Retention {
  const months = chosen[entry.table];
  const { retention } = entry;
  if ((retention.kind !== "period" && retention.kind !== "afterGuidance") || !retention.range || months === undefined)
    return retention;
  return { ...retention, months };
}

/** A trajectory's guidance ended on the day its closing status took effect, else on its planned end; an open one has not ended. */
export const guidanceEndOf = (trajectory: { closed: boolean; statusOn: string | null; endsOn: string }) =>
  trajectory.closed ? (trajectory.statusOn ?? trajectory.endsOn) : null;

/** A register's claim on evidence: one registration's re-registration date (null when not known) and the years of its period. */
export interface RegisterDuty {
  reregistrationOn: string | null;
  periodYears: number;
}

/**
 * The last day a register may audit evidence of guidance that ended on `ended`, under one
 * registration: the re-registration that evidence served (the first after the end, counting whole
 * periods back or forward from the registration's date) plus the audit months. Null when the
 * registration's date is not known: then nobody can say, and the evidence is held.
 */
export function auditUntilOf(ended: string, duty: RegisterDuty, auditMonths: number): string | null {
  if (duty.reregistrationOn === null) return null;
  const step = duty.periodYears * 12;
  let served = duty.reregistrationOn;
  while (addMonths(served, -step) > ended) served = addMonths(served, -step);
  while (served <= ended) served = addMonths(served, step);
  return addMonths(served, auditMonths);
}

/** Whether a register may still audit guidance that ended on `ended`: one registration that may is enough. */
export const registerHolds = (ended: string, duties: readonly RegisterDuty[], today: string, auditMonths: number) =>
  duties.some((duty) => {
    const until = auditUntilOf(ended, duty, auditMonths);
    return until === null || until >= today;
  });

/** One of an organisation's trajectories, with the registrations of the people in it. */
export interface GuidanceFacts {
  id: string;
  closed: boolean;
  statusOn: string | null;
  endsOn: string;
  startsOn: string;
  /** The trajectory it continues (after an escalation): that one stays while this one does. */
  escalatedFromId: string | null;
  duties: readonly RegisterDuty[];
}

/**
 * The trajectories whose time is up on `today` under the rule (decision 0042): guidance ended
 * longer ago than its months, and, where the rule says so, no register may still audit it. A
 * trajectory another one continues stays as long as that one does, so a chain leaves together.
 */
export function dueGuidance(
  rule: Retention,
  trajectories: readonly GuidanceFacts[],
  today: string,
  auditMonths: number,
): string[] {
  const hold = rule.kind === "afterGuidance" && rule.registerHold === true;
  const due = new Set(
    trajectories
      .filter((t) => {
        const ended = guidanceEndOf(t);
        const legalHold = hold && ended !== null && registerHolds(ended, t.duties, today, auditMonths);
        return isDue(rule, { madeOn: t.startsOn, guidanceEndedOn: ended, auditUntil: null, legalHold }, today);
      })
      .map((t) => t.id),
  );
  const from = new Map(trajectories.map((t) => [t.id, t.escalatedFromId]));
  for (const t of trajectories) {
    if (due.has(t.id)) continue;
    const seen = new Set([t.id]);
    for (let up = from.get(t.id); up && !seen.has(up); up = from.get(up)) {
      seen.add(up);
      due.delete(up);
    }
  }
  return trajectories.filter((t) => due.has(t.id)).map((t) => t.id);
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
