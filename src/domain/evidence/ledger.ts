import dayjs from "dayjs";
import type { MeetingMode } from "../trajectories/model.js";
import type { Requirement, RequirementCategory, RequirementProfile } from "./profile.js";
import { TRACKED_CATEGORIES } from "./profile.js";

/**
 * The evidence ledger: per requirement of a profile, what a person has within one registration
 * period, what is still missing and by when. Pure; the server gathers the records.
 *
 * Exact arithmetic: time is kept in whole minutes, points in whole hundredths of a point. Points
 * are worked out from the exact minute sum per group size and rounded down once per group size,
 * so a ledger never claims more than was earned and never sums rounded figures of single lines.
 */

/** A registration period: Dutch days `from` up to, not including, `to` (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

/** The period ending on the re-registration date: `periodYears` years before it up to it. */
export function registrationPeriod(reregistrationDate: string, periodYears: number): Period {
  const to = dayjs(reregistrationDate);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(reregistrationDate) || !to.isValid())
    throw new RangeError(`not a date: ${reregistrationDate}`);
  return { from: to.subtract(periodYears, "year").format("YYYY-MM-DD"), to: to.format("YYYY-MM-DD") };
}

/** Whether a Dutch day (YYYY-MM-DD) lies inside the period. */
export const inPeriod = (period: Period, day: string) => day >= period.from && day < period.to;

/** The last day that still counts: the day before the re-registration date. */
export const lastDay = (period: Period) => dayjs(period.to).subtract(1, "day").format("YYYY-MM-DD");

export type SourceKind = "trajectoryMeeting" | "intervisionMeeting";

export interface EvidenceRecord {
  category: RequirementCategory;
  source: { kind: SourceKind; id: string; link: string; title: string };
  /** The Dutch day the activity was completed, YYYY-MM-DD. */
  date: string;
  /** Face-to-face minutes, whole. */
  minutes: number;
  /** Supervisees together (supervisie only), as recorded when held; absent or unknown counts as one. */
  groupSize?: number | null;
  /** How it took place, as recorded on the session; null when not recorded. */
  mode?: MeetingMode | null;
}

/** Why a session of the period does not count for a requirement. */
export type NotCountedReason = "modeNotCounted" | "modeNotRecorded";

export interface NotCounted {
  record: EvidenceRecord;
  reason: NotCountedReason;
}

/** Whether the requirement counts this record, or why not: only the modes it names count. */
export function whyNotCounted(
  requirement: Pick<Requirement, "countedModes">,
  record: EvidenceRecord,
): NotCountedReason | null {
  const modes = requirement.countedModes;
  if (!modes || record.source.kind !== "trajectoryMeeting") return null;
  if (!record.mode) return "modeNotRecorded";
  return modes.includes(record.mode) ? null : "modeNotCounted";
}

export type RequirementStatus = "met" | "missing" | "notTracked";

export interface LedgerLine {
  requirement: Requirement;
  status: RequirementStatus;
  /** Whole minutes counted (tracked categories). */
  minutes: number;
  /** Hundredths of a point (unit `points`); for hours the same as the minutes in hours. */
  pointsHundredths: number;
  sessions: number;
  /** In the requirement's unit: minutes for `hours`, hundredths for `points`, sessions for `present`. */
  have: number;
  /** In the same unit as `have`. */
  minimum: number;
  /** What is still missing, never below zero. */
  missing: number;
  /** By when: the re-registration date (activities must be completed before it). */
  deadline: string;
  records: EvidenceRecord[];
  /** Sessions of the period in this category that do not count, each with the reason. */
  notCounted: NotCounted[];
}

export interface Ledger {
  period: Period;
  /** Days from today until the re-registration date; negative once it has passed. */
  daysLeft: number;
  lines: LedgerLine[];
  /** Whether everything Koers keeps track of is met. */
  complete: boolean;
}

const isTracked = (category: RequirementCategory) => (TRACKED_CATEGORIES as readonly string[]).includes(category);

/** The conversion row for a group size: the largest one not above it (one when unknown). */
export function hoursPerFortyPoints(profile: RequirementProfile, groupSize: number | null | undefined): number {
  const size = groupSize && groupSize > 0 ? groupSize : 1;
  const rows = [...profile.supervisieConversion].sort((a, b) => a.groupSize - b.groupSize);
  let chosen = rows[0];
  for (const row of rows) if (row.groupSize <= size) chosen = row;
  return chosen?.hoursPerFortyPoints ?? 40;
}

/**
 * Hundredths of a point for `minutes` of contact: points = hours × 40 / hoursPerFortyPoints,
 * rounded down. With hoursPerFortyPoints 40 an hour is a point.
 */
export const pointsHundredthsOf = (minutes: number, perFortyPoints: number) =>
  Math.floor((minutes * 40 * 100) / (60 * perFortyPoints));

/** Minutes counted per group size (supervisie), the unit points are worked out from. */
function pointsOf(profile: RequirementProfile, category: RequirementCategory, records: readonly EvidenceRecord[]) {
  if (category !== "supervisie") {
    const minutes = records.reduce((sum, r) => sum + r.minutes, 0);
    return pointsHundredthsOf(minutes, 40);
  }
  const byRate = new Map<number, number>();
  for (const r of records) {
    const rate = hoursPerFortyPoints(profile, r.groupSize);
    byRate.set(rate, (byRate.get(rate) ?? 0) + r.minutes);
  }
  let total = 0;
  for (const [rate, minutes] of byRate) total += pointsHundredthsOf(minutes, rate);
  return total;
}

const compareRecords = (a: EvidenceRecord, b: EvidenceRecord) =>
  a.date.localeCompare(b.date) || a.source.kind.localeCompare(b.source.kind) || a.source.id.localeCompare(b.source.id);

/**
 * The ledger of one period. Only records completed inside the period count; training, work and
 * free space are not recorded in Koers and are shown with their minimum as "not tracked".
 */
/** The line of a tracked category the profile has no requirement for. */
const UNREQUIRED_LABELS: Record<(typeof TRACKED_CATEGORIES)[number], { nl: string; en: string }> = {
  werkbegeleiding: {
    nl: "Werkbegeleiding (geen eis in dit profiel)",
    en: "Work guidance (not required by this profile)",
  },
  supervisie: { nl: "Supervisie (geen eis in dit profiel)", en: "Supervision (not required by this profile)" },
  intervisie: {
    nl: "Intervisie (geen eis in dit profiel; telt mogelijk als vrije ruimte)",
    en: "Intervision (not required by this profile; may count as free space)",
  },
};

export function buildLedger(
  profile: RequirementProfile,
  period: Period,
  records: readonly EvidenceRecord[],
  today: string,
): Ledger {
  const counted = records.filter((r) => inPeriod(period, r.date) && r.minutes >= 0).sort(compareRecords);
  const lines = profile.requirements.map((requirement): LedgerLine => {
    const inCategory = isTracked(requirement.category)
      ? counted.filter((r) => r.category === requirement.category)
      : [];
    const notCounted: NotCounted[] = [];
    const own: EvidenceRecord[] = [];
    for (const record of inCategory) {
      const reason = whyNotCounted(requirement, record);
      if (reason) notCounted.push({ record, reason });
      else own.push(record);
    }
    const minutes = own.reduce((sum, r) => sum + r.minutes, 0);
    const pointsHundredths = pointsOf(profile, requirement.category, own);
    const sessions = own.length;
    const [have, minimum] =
      requirement.unit === "hours"
        ? [minutes, requirement.minimum * 60]
        : requirement.unit === "points"
          ? [pointsHundredths, requirement.minimum * 100]
          : [sessions, Math.max(1, requirement.minimum)];
    const tracked = isTracked(requirement.category);
    return {
      requirement,
      status: !tracked ? "notTracked" : have >= minimum ? "met" : "missing",
      minutes,
      pointsHundredths,
      sessions,
      have: tracked ? have : 0,
      minimum,
      missing: tracked ? Math.max(0, minimum - have) : minimum,
      deadline: period.to,
      records: own,
      notCounted,
    };
  });
  // Evidence Koers keeps but the profile sets no requirement for (intervisie under the SKJ master
  // profile counts as free space, say) is still listed, so no record of the period goes unseen.
  for (const category of TRACKED_CATEGORIES) {
    if (profile.requirements.some((r) => r.category === category)) continue;
    const own = counted.filter((r) => r.category === category);
    if (!own.length) continue;
    const minutes = own.reduce((sum, r) => sum + r.minutes, 0);
    lines.push({
      requirement: { key: category, category, label: UNREQUIRED_LABELS[category], unit: "hours", minimum: 0 },
      status: "met",
      minutes,
      pointsHundredths: pointsOf(profile, category, own),
      sessions: own.length,
      have: minutes,
      minimum: 0,
      missing: 0,
      deadline: period.to,
      records: own,
      notCounted: [],
    });
  }
  const daysLeft = dayjs(period.to).diff(dayjs(today), "day");
  return { period, daysLeft, lines, complete: lines.every((l) => l.status !== "missing") };
}

/** Hundredths of a point as text: 2250 → "22,5" (nl) / "22.5" (en). */
export function formatPoints(hundredths: number, locale: "nl" | "en"): string {
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  const fraction = rest === 0 ? "" : rest % 10 === 0 ? String(rest / 10) : String(rest).padStart(2, "0");
  return fraction ? `${whole}${locale === "nl" ? "," : "."}${fraction}` : String(whole);
}
