import { addDays } from "../dutch-time.js";
import type { DeclarationSpec } from "../regimes/schema.js";

/**
 * When a declaration is due and whether it is late, from the regime's data alone. Pure: the
 * page, the to-do list and the reminder scan all ask this, whatever the trajectory's status, so
 * a completed trajectory whose end declaration is still open is as late as a running one.
 */

export type DeadlineSpec = Pick<DeclarationSpec, "key" | "dueBy"> & {
  dueDaysAfterStart?: number | null;
};

export interface TrajectoryDates {
  startsOn: string | null;
  endsOn: string | null;
  /** The trainee's re-registration date this trajectory counts towards, if known. */
  reregistrationDate: string | null;
}

/** What sets the date: days after the start, the trajectory's end, or the re-registration date. */
export type DeadlineReason = "start" | "end" | "reregistration";

export interface Deadline {
  /** YYYY-MM-DD: signed by the end of this day. */
  date: string;
  reason: DeadlineReason;
}

/** Whether the register needs this declaration before the re-registration date. */
export const requiredBeforeReregistration = (spec: Pick<DeclarationSpec, "dueBy">) => spec.dueBy === "reregistration";

/**
 * The earliest of the dates the regime gives: `dueDaysAfterStart` days after the start, the end
 * (`dueBy: "end"`), the re-registration date (`dueBy: "reregistration"`, when known). Null when
 * none applies.
 */
export function declarationDeadline(spec: DeadlineSpec, dates: TrajectoryDates): Deadline | null {
  const candidates: Deadline[] = [];
  if (spec.dueDaysAfterStart !== null && spec.dueDaysAfterStart !== undefined && dates.startsOn)
    candidates.push({ date: addDays(dates.startsOn, spec.dueDaysAfterStart), reason: "start" });
  if (spec.dueBy === "end" && dates.endsOn) candidates.push({ date: dates.endsOn, reason: "end" });
  if (spec.dueBy === "reregistration" && dates.reregistrationDate)
    candidates.push({ date: dates.reregistrationDate, reason: "reregistration" });
  return candidates.reduce<Deadline | null>((first, d) => (first === null || d.date < first.date ? d : first), null);
}

/** Late: past its date (`today` after it) and not fully signed. */
export const isOverdue = (deadline: Deadline | null, fullySigned: boolean, today: string) =>
  deadline !== null && today > deadline.date && !fullySigned;

export interface OverdueDeclaration extends Deadline {
  key: string;
}

/** The declarations of a trajectory that are late today: every dated one whose latest version is not signed. */
export function overdueDeclarations(
  specs: readonly DeadlineSpec[],
  dates: TrajectoryDates,
  signedKinds: readonly string[],
  today: string,
): OverdueDeclaration[] {
  const late: OverdueDeclaration[] = [];
  for (const spec of specs) {
    const deadline = declarationDeadline(spec, dates);
    if (deadline && isOverdue(deadline, signedKinds.includes(spec.key), today))
      late.push({ key: spec.key, ...deadline });
  }
  return late;
}
