import { requiredBeforeReregistration } from "../declarations/deadlines.js";
import { daysBetween, dutchDay } from "../dutch-time.js";
import type { ParticipantRole, Regime } from "../regimes/schema.js";
import type { EvaluationMoment } from "../trajectories/model.js";
import { canSee } from "../trajectories/policy.js";

/**
 * Which reminders are due for one trajectory on a given moment. Pure: the scan loads the
 * snapshot, this decides, the scan sends each reminder once by its key.
 */

/** Days before the re-registration date on which the missing declarations are called for. */
export const REREGISTRATION_THRESHOLDS_DAYS = [90, 30, 7] as const;
/** Days ahead an evaluation moment is announced to the participants. */
export const EVALUATION_LEAD_DAYS = 7;
/** Days a declaration waits for its missing signatures before they are asked for. */
export const SIGNATURE_WAIT_DAYS = 2;

/** Days ahead a learning festival or training is recalled to those with a place. */
export const EVENT_LEAD_DAYS = 2;

/** Whether an event starting at `startsAt` is recalled now: it has not begun and begins within the lead. */
export const eventReminderDue = (startsAt: Date, now: Date) =>
  startsAt.getTime() > now.getTime() && startsAt.getTime() - now.getTime() <= EVENT_LEAD_DAYS * 24 * 60 * 60 * 1000;

/** Days a consensus round waits for a member's vote before its representatives are reminded. */
export const CONSENSUS_WAIT_DAYS = 3;

export const REMINDER_KINDS = [
  "reminder.reregistration",
  "reminder.evaluation",
  "reminder.signature",
  "reminder.consensusVote",
  "reminder.event",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface DeclarationRuleSpec {
  key: string;
  /** When in the trajectory it is signed: one for the end is not asked for before the end. */
  moment: "start" | "end" | "independence";
  signers: ReadonlyArray<{ key: string; roles: readonly ParticipantRole[] }>;
  dueBy: "reregistration" | "end" | null;
  dueDaysAfterStart?: number | null;
}

export interface DeclarationVersion {
  id: string;
  kind: string;
  number: number;
  status: "open" | "signed" | "superseded";
  createdAt: Date;
  signatures: ReadonlyArray<{ signerKey: string; userId: string; signedAt: Date }>;
}

export interface ReminderSnapshot {
  id: string;
  title: string;
  /** Completed or stopped: only its declarations are still reminded, never its evaluation moments. */
  closed: boolean;
  startsOn?: string;
  endsOn: string;
  evaluationMoments: readonly EvaluationMoment[];
  participants: ReadonlyArray<{ userId: string; role: ParticipantRole }>;
  /** What each role sees of the trajectory: a reminder tells nobody what the API would not show them. */
  visibility: Pick<Regime, "participants" | "admin">;
  declarationSpecs: readonly DeclarationRuleSpec[];
  declarations: readonly DeclarationVersion[];
  /** The trainee's re-registration date that this trajectory's evidence counts towards, if any. */
  reregistrationDate: string | null;
}

export interface DueReminder {
  /** Unique per organisation: the same key is never sent twice. */
  key: string;
  userId: string;
  kind: ReminderKind;
  params: Record<string, string | number | null>;
  link: string;
}

/**
 * The re-registration threshold to send `daysLeft` days before the date: the latest one crossed
 * (smallest threshold not below `daysLeft`). A scan that missed a threshold (the server was down
 * at 30 days and runs again at 25) sends that threshold late, once; an earlier, larger one is not
 * sent any more, because days left only shrink. None once the date has passed.
 */
export function reregistrationThreshold(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  const crossed = REREGISTRATION_THRESHOLDS_DAYS.filter((t) => daysLeft <= t);
  return crossed.length === 0 ? null : Math.min(...crossed);
}

/** Whether `version` lacks signatures; the users who may still sign its missing slots. */
function missingSigners(
  spec: DeclarationRuleSpec,
  version: DeclarationVersion | undefined,
  snapshot: ReminderSnapshot,
) {
  const signedSlots = new Set(version?.signatures.map((s) => s.signerKey) ?? []);
  const signedUsers = new Set(version?.signatures.map((s) => s.userId) ?? []);
  const users = new Set<string>();
  for (const slot of spec.signers) {
    if (signedSlots.has(slot.key)) continue;
    for (const p of snapshot.participants)
      if (slot.roles.includes(p.role) && !signedUsers.has(p.userId)) users.add(p.userId);
  }
  return users;
}

/** The latest version of a declaration (open or signed; superseded ones are history). */
const currentVersion = (snapshot: ReminderSnapshot, kind: string) =>
  snapshot.declarations
    .filter((d) => d.kind === kind && d.status !== "superseded")
    .sort((a, b) => b.number - a.number)[0];

/** The participants who may read the trajectory's plan, as the API decides it for them. */
function planReaders(snapshot: ReminderSnapshot) {
  const users = new Set(snapshot.participants.map((p) => p.userId));
  return [...users].filter((userId) =>
    canSee(
      {
        userId,
        participantRoles: snapshot.participants.filter((p) => p.userId === userId).map((p) => p.role),
        admin: false,
      },
      snapshot.visibility,
      "plan",
    ),
  );
}

export function dueReminders(snapshot: ReminderSnapshot, now: Date): DueReminder[] {
  const today = dutchDay(now);
  const trajectoryLink = `/trajecten/${snapshot.id}`;
  const due: DueReminder[] = [];

  // Re-registration: every declaration the register needs by then (the start's as well as the
  // end's), not fully signed, whatever the trajectory's status.
  if (snapshot.reregistrationDate) {
    const daysLeft = daysBetween(today, snapshot.reregistrationDate);
    const threshold = reregistrationThreshold(daysLeft);
    if (threshold !== null) {
      const recipients = new Set<string>();
      for (const spec of snapshot.declarationSpecs.filter(requiredBeforeReregistration)) {
        const version = currentVersion(snapshot, spec.key);
        if (version?.status === "signed") continue;
        for (const p of snapshot.participants) if (p.role === "trainee") recipients.add(p.userId);
        for (const user of missingSigners(spec, version, snapshot)) recipients.add(user);
      }
      for (const userId of recipients)
        due.push({
          key: `rereg:${snapshot.id}:${snapshot.reregistrationDate}:${userId}:${threshold}`,
          userId,
          kind: "reminder.reregistration",
          params: { trajectory: snapshot.title, date: snapshot.reregistrationDate, days: daysLeft, threshold },
          link: trajectoryLink,
        });
    }
  }

  // Evaluation moments coming up within the lead time, for those who may read the plan they
  // belong to (not a supervisie's employer).
  for (const moment of snapshot.closed ? [] : snapshot.evaluationMoments) {
    const daysLeft = daysBetween(today, moment.date);
    if (daysLeft < 0 || daysLeft > EVALUATION_LEAD_DAYS) continue;
    for (const userId of planReaders(snapshot))
      due.push({
        key: `eval:${snapshot.id}:${moment.date}:${userId}`,
        userId,
        kind: "reminder.evaluation",
        params: { trajectory: snapshot.title, date: moment.date, label: moment.label, days: daysLeft },
        link: trajectoryLink,
      });
  }

  // Signatures waiting: an open version, waiting since its first signature (or since it was
  // made ready, when nobody signed yet), asks each missing signer once. Nobody is asked to make
  // the first signature on a declaration for the end before the trajectory ends.
  for (const spec of snapshot.declarationSpecs) {
    const version = currentVersion(snapshot, spec.key);
    if (version?.status !== "open") continue;
    if (version.signatures.length === 0 && spec.moment === "end" && today < snapshot.endsOn) continue;
    const since = version.signatures.reduce(
      (earliest, s) => (s.signedAt < earliest ? s.signedAt : earliest),
      version.signatures[0]?.signedAt ?? version.createdAt,
    );
    if (daysBetween(dutchDay(since), today) < SIGNATURE_WAIT_DAYS) continue;
    for (const userId of missingSigners(spec, version, snapshot))
      due.push({
        key: `sign:${version.id}:${userId}`,
        userId,
        kind: "reminder.signature",
        params: { trajectory: snapshot.title, declaration: spec.key },
        link: `${trajectoryLink}/verklaringen/${version.id}`,
      });
  }
  return due;
}
