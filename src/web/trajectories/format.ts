import type { Regime } from "../../domain/regimes/schema";
import type { DueItemView, TrajectoryDetail } from "../../domain/trajectories/api";
import { DUE_KINDS, type DueKind } from "../../domain/trajectories/due-kinds";
import type { RegimeText } from "../i18n/regime-text";

/**
 * Small pure helpers of the trajectory pages: where a due item leads, participants by their part,
 * a chart's rows. Dates typed in the browser are in `date-input.ts`, which needs the Dutch clock.
 */

/** The parts of the trajectory page, as they appear in the address (`?deel=doelen`). */
export const TRAJECTORY_TABS = {
  plan: "plan",
  consents: "instemming",
  goals: "doelen",
  meetings: "bijeenkomsten",
  ratings: "voortgang",
  hours: "uren",
  report: "verslag",
  declarations: "verklaringen",
} as const;
export type TrajectoryTab = keyof typeof TRAJECTORY_TABS;

export const trajectoryPath = (id: string, tab?: TrajectoryTab) =>
  `/trajecten/${id}${tab ? `?deel=${TRAJECTORY_TABS[tab]}` : ""}`;
export const meetingPath = (trajectoryId: string, meetingId: string) =>
  `/trajecten/${trajectoryId}/bijeenkomsten/${meetingId}`;
export const reportPath = (trajectoryId: string) => `/trajecten/${trajectoryId}/verslag`;

/** The tab an address asks for, when it is one of ours. */
export function tabFromParam(value: string | null): TrajectoryTab | null {
  const found = Object.entries(TRAJECTORY_TABS).find(([, slug]) => slug === value);
  return found ? (found[0] as TrajectoryTab) : null;
}

const TAB_OF_KIND: Partial<Record<DueKind, TrajectoryTab>> = {
  consent: "consents",
  intake: "plan",
  writeGoals: "goals",
  approveGoals: "goals",
  evaluation: "plan",
  declarationOverdue: "declarations",
};

/** Where a due item is done: its meeting, the report, or the part of the trajectory. */
export function dueLink(item: Pick<DueItemView, "kind" | "trajectoryId" | "meetingId">): string {
  if (item.kind === "finalReport") return reportPath(item.trajectoryId);
  if (item.meetingId) return meetingPath(item.trajectoryId, item.meetingId);
  return trajectoryPath(item.trajectoryId, TAB_OF_KIND[item.kind as DueKind]);
}

export { DUE_KINDS };
export const isDueKind = (kind: string): kind is DueKind => (DUE_KINDS as readonly string[]).includes(kind);

type Participant = TrajectoryDetail["participants"][number];

/** Participants grouped by their part, in the regime's order, with the regime's name for it. */
export function participantGroups(regime: Regime, participants: readonly Participant[], text: RegimeText) {
  return regime.participants
    .map((part) => ({
      role: part.role,
      label: text(part.label, part.role),
      names: participants.filter((p) => p.role === part.role).map((p) => p.name),
    }))
    .filter((group) => group.names.length > 0);
}

export interface RatingRow {
  meetingId: string;
  date: string;
  guide: number | null;
  self: number | null;
}

/** One goal's rating points as chart rows, labelled by date, oldest first. */
export function ratingRows(
  points: readonly { meetingId: string; date: string; guide: number | null; self: number | null }[],
  formatDate: (iso: string) => string,
): RatingRow[] {
  return [...points]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((p) => ({ meetingId: p.meetingId, date: formatDate(p.date), guide: p.guide, self: p.self }));
}

/** An ISO day (`2026-03-02`) as noon of that day, which is that same day in the Netherlands. */
export function localDay(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/**
 * Hours as people type them on a timesheet: `32`, `7,5` or `7.5` (decimal hours) or `7:30`
 * (hours and minutes), as whole minutes; null when it is none of these or not above zero.
 */
export function parseHours(typed: string): number | null {
  const value = typed.trim();
  const clock = /^(\d{1,4}):([0-5]\d)$/.exec(value);
  if (clock) {
    const minutes = Number(clock[1]) * 60 + Number(clock[2]);
    return minutes > 0 ? minutes : null;
  }
  if (!/^\d{1,4}([.,]\d{1,2})?$/.test(value)) return null;
  const minutes = Math.round(Number(value.replace(",", ".")) * 60);
  return minutes > 0 ? minutes : null;
}
