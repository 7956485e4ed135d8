import type { Localized } from "../regimes/schema.js";
import { formatMinutes } from "../trajectories/hours.js";
import type { MeetingMode } from "../trajectories/model.js";
import type { EvidenceRecordView, EvidenceView, LedgerLineView, NotCountedView } from "./api.js";
import { formatPoints } from "./ledger.js";

/**
 * The evidence ledger as every view of it shows it: the page, the PDF and the CSV render these
 * values and compute none of their own, so they cannot disagree. Pure; the words around the
 * values (units, headings) are each renderer's, in its reader's language.
 */

type Locale = "nl" | "en";

/** A figure in a requirement's own unit: hours as h:mm, points with decimals, sessions as a count. */
export interface Figure {
  unit: "hours" | "points" | "sessions";
  value: string;
}

export interface PresentedRecord {
  kind: "trajectoryMeeting" | "intervisionMeeting";
  id: string;
  link: string;
  title: string;
  /** The Dutch day, YYYY-MM-DD. */
  date: string;
  minutes: number;
  hours: string;
  /** Only in the supervisie line, where the group size decides the points. */
  groupSize: number | null;
  /** Only where the requirement counts in points. */
  points: string | null;
  /** How it took place; only where the requirement counts some ways and not others. */
  mode: MeetingMode | null;
}

/** A session of the period that does not count for the requirement, with why. */
export interface PresentedNotCounted extends PresentedRecord {
  reason: NotCountedView["reason"];
}

export interface PresentedLine {
  key: string;
  label: Localized;
  status: LedgerLineView["status"];
  tracked: boolean;
  /** Null when Koers does not track the category. */
  have: Figure | null;
  minimum: Figure;
  /** "At least one session" rather than a number. */
  minimumIsPresence: boolean;
  missing: Figure;
  /** By when: the re-registration date (activities are to be completed before it), YYYY-MM-DD. */
  deadline: string;
  /** 0 to 100. */
  progress: number;
  /** Which columns the activities have beyond date, activity and hours. */
  columns: { groupSize: boolean; points: boolean; mode: boolean };
  /** The ways of taking place that count, when the requirement limits them (null: every way). */
  countedModes: MeetingMode[] | null;
  records: PresentedRecord[];
  /** Listed after the records, never dropped: sessions that do not count, and why. */
  notCounted: PresentedNotCounted[];
  total: { sessions: number; minutes: number; hours: string; points: string | null };
}

export interface PresentedLedger {
  registrationId: string;
  profileName: Localized;
  /** The first and the last day that count, YYYY-MM-DD. */
  period: { from: string; lastDay: string };
  /** The re-registration date, YYYY-MM-DD. */
  deadline: string;
  daysLeft: number;
  complete: boolean;
  lines: PresentedLine[];
}

const UNIT = { hours: "hours", points: "points", present: "sessions" } as const;

function figure(line: Pick<LedgerLineView, "requirement">, value: number, locale: Locale): Figure {
  const unit = UNIT[line.requirement.unit];
  if (unit === "hours") return { unit, value: formatMinutes(value) };
  if (unit === "points") return { unit, value: formatPoints(value, locale) };
  return { unit, value: String(value) };
}

export function presentLine(line: LedgerLineView, locale: Locale): PresentedLine {
  const tracked = line.status !== "notTracked";
  const countedModes = line.requirement.countedModes ?? null;
  const columns = {
    groupSize: line.requirement.category === "supervisie",
    points: line.requirement.unit === "points",
    mode: countedModes !== null,
  };
  const presentRecord = (r: EvidenceRecordView): PresentedRecord => ({
    kind: r.kind,
    id: r.id,
    link: r.link,
    title: r.title,
    date: r.date,
    minutes: r.minutes,
    hours: formatMinutes(r.minutes),
    groupSize: columns.groupSize ? (r.groupSize ?? 1) : null,
    points: columns.points ? formatPoints(r.pointsHundredths, locale) : null,
    mode: columns.mode ? r.mode : null,
  });
  return {
    key: line.requirement.key,
    label: line.requirement.label,
    status: line.status,
    tracked,
    have: tracked ? figure(line, line.have, locale) : null,
    minimum: figure(line, line.minimum, locale),
    minimumIsPresence: line.requirement.unit === "present",
    missing: figure(line, line.missing, locale),
    deadline: line.deadline,
    progress: line.minimum <= 0 ? 100 : Math.min(100, Math.floor((line.have * 100) / line.minimum)),
    columns,
    countedModes,
    records: line.records.map(presentRecord),
    // What does not count shows no points: it is worth none.
    notCounted: (line.notCounted ?? []).map((r) => ({
      ...presentRecord(r),
      points: null,
      mode: r.mode,
      reason: r.reason,
    })),
    total: {
      sessions: line.sessions,
      minutes: line.minutes,
      hours: formatMinutes(line.minutes),
      points: columns.points ? formatPoints(line.pointsHundredths, locale) : null,
    },
  };
}

export function presentLedger(ledger: NonNullable<EvidenceView["ledger"]>, locale: Locale): PresentedLedger {
  return {
    registrationId: ledger.registrationId,
    profileName: ledger.profile.document.name,
    period: { from: ledger.period.from, lastDay: ledger.period.lastDay },
    deadline: ledger.period.to,
    daysLeft: ledger.daysLeft,
    complete: ledger.complete,
    lines: ledger.lines.map((line) => presentLine(line, locale)),
  };
}
