import type { Tx } from "../../db/connection.js";
import { LOCALES, type Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import type { ReportView, TrajectoryDetail } from "../../domain/trajectories/api.js";
import { meetingType } from "../../domain/trajectories/evaluate.js";
import { goalResult } from "../../domain/trajectories/report.js";
import { archiveDocuments } from "../documents/archive.js";
import { documentReaders } from "../documents/readers.js";
import type { PdfRenderer } from "../documents/render-pool.js";
import type { PdfTask } from "../documents/render-task.js";
import { HttpProblem, notFound } from "../http/problem.js";
import { organisationOf } from "../organisations/service.js";
import { logRead } from "../privacy/access-log.js";
import type { DocumentOrganisation } from "./documents/pdf.js";
import { type BillingInput, billedHours } from "./documents/render-billing.js";
import type { FinalReportInput } from "./documents/render-final-report.js";
import type { ProgressReportInput } from "./documents/render-progress-report.js";
import { reportFor } from "./final-report.js";
import {
  type LoadedTrajectory,
  loadTrajectory,
  loadTrajectoryParts,
  traineeIds,
  withOrigin,
} from "./load-trajectory.js";
import { presentMeeting } from "./present-meeting.js";
import { NO_LINKS, presentTrajectory } from "./present-trajectory.js";
import { loadWorkHours } from "./work-hours.js";

const statusLabel = (detail: Pick<TrajectoryDetail, "regime" | "status">, locale: Locale) =>
  detail.regime.statuses.find((s) => s.key === detail.status)?.label[locale] ?? detail.status;

/**
 * A trajectory's documents are made from what the API shows their reader: the presenter's
 * output, never the rows themselves, so a document cannot show more than the page.
 */
const presented = (loaded: LoadedTrajectory, locale: Locale, now: Date) =>
  presentTrajectory(loaded, NO_LINKS, locale, now);

const typeLabel = (detail: Pick<TrajectoryDetail, "regime">, type: string, locale: Locale) =>
  meetingType(detail.regime, type)?.label[locale] ?? type;

const roleLabel = (detail: Pick<TrajectoryDetail, "regime">, role: string, locale: Locale) =>
  detail.regime.participants.find((p) => p.role === role)?.label[locale] ?? role;

/** What a document says of the trajectory and who takes part, in the reader's language. */
const heading = (detail: TrajectoryDetail, locale: Locale) => ({
  trajectory: {
    title: detail.title,
    regimeName: detail.regime.name[locale],
    startsOn: detail.startsOn,
    endsOn: detail.endsOn,
    statusLabel: statusLabel(detail, locale),
  },
  participants: detail.participants.map((p) => ({ roleLabel: roleLabel(detail, p.role, locale), name: p.name })),
});

/** A goal's ratings as the reader sees them, by goal id. */
const ratingPointsOf = (detail: TrajectoryDetail) => {
  const ratings = new Map((detail.ratings ?? []).map((r) => [r.goalId, r.points]));
  return (goalId: string) => (ratings.get(goalId) ?? []).map(({ date, guide, self }) => ({ date, guide, self }));
};

/**
 * What the final report's PDF shows this reader, built from what the API shows them: the report
 * they may read, the goals, the ratings (the guide's and the trainee's only where the reader sees
 * those) and the held meetings they see, also those of the trajectory this one continues.
 */
export function finalReportDocument(
  organisation: DocumentOrganisation,
  locale: Locale,
  detail: TrajectoryDetail,
  report: ReportView,
  origin: TrajectoryDetail | null,
): FinalReportInput {
  const { regime } = detail;
  const pointsOf = ratingPointsOf(detail);
  const held = (d: TrajectoryDetail | null) => (d?.meetings ?? []).filter((m) => m.status === "held");
  return {
    organisation,
    locale,
    ...heading(detail, locale),
    goals:
      detail.goals?.map((goal) => {
        const points = pointsOf(goal.id);
        const result = goalResult(regime, points);
        return {
          position: goal.position,
          title: goal.title,
          rationale: goal.rationale,
          successCriteria: goal.successCriteria,
          result: { ...result, lastLabel: result.lastLabel?.[locale] ?? null },
          points,
        };
      }) ?? null,
    ratingKinds: detail.ratingKinds,
    sections: regime.report.sections.map((s) => ({ label: s.label[locale], text: report.sections[s.key] ?? "" })),
    meetings:
      detail.meetings === null
        ? null
        : [...held(origin), ...held(detail)].map((m) => ({
            date: m.startsAt,
            typeLabel: typeLabel(detail, m.type, locale),
            durationMinutes: m.durationMinutes,
          })),
    finalisedAt: report.finalisedAt,
    contentSha256: report.contentSha256,
  };
}

/**
 * Makes the final report's PDF once, when it is finalised: for every reader's view and language,
 * stored and served unchanged from then on. Readers who may not see the report are skipped.
 */
export async function archiveFinalReport(tx: Tx, actor: Actor, pdf: PdfRenderer, trajectoryId: string) {
  const loaded = await loadTrajectory(tx, actor, trajectoryId);
  const tasks: PdfTask[] = [];
  for (const reader of documentReaders(actor, loaded.participants))
    for (const locale of LOCALES) {
      // A stand-in for each kind of reader, not a read by a person: nothing for the access log.
      const made = await presentFinalReport(tx, reader, trajectoryId, locale, new Date()).catch((error) => {
        if (error instanceof HttpProblem && error.status === 404) return null;
        throw error;
      });
      if (made) tasks.push({ kind: "finalReport", input: made.input });
    }
  await archiveDocuments(tx, actor, pdf, { kind: "final_report", id: trajectoryId }, tasks);
}

/**
 * What the final report's PDF shows, for everyone who may read the report (the final one, or the
 * draft for whoever writes it). The PDF is rendered after the transaction.
 */
async function presentFinalReport(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  locale: Locale,
  now: Date,
): Promise<{ loaded: LoadedTrajectory; input: FinalReportInput }> {
  const loaded = await withOrigin(tx, actor, await loadTrajectory(tx, actor, trajectoryId));
  const report = reportFor(loaded, locale);
  if (!report) throw new HttpProblem(404, "report.notAvailable");
  const input = finalReportDocument(
    await organisationOf(tx, actor),
    locale,
    presented(loaded, locale, now),
    report,
    loaded.origin ? presented(loaded.origin, locale, now) : null,
  );
  return { loaded, input };
}

/** The final report's PDF as the actor reads it, a read the access log writes down. */
export async function finalReportInput(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  locale: Locale,
  now = new Date(),
): Promise<FinalReportInput> {
  const { loaded, input } = await presentFinalReport(tx, actor, trajectoryId, locale, now);
  await logRead(tx, actor, "document", traineeIds(loaded), trajectoryId);
  return input;
}

/** The held meetings and their hours as the API shows them to this reader, for billing. */
export function billingDocument(
  organisation: DocumentOrganisation,
  locale: Locale,
  detail: TrajectoryDetail,
): BillingInput {
  return {
    organisation,
    locale,
    trajectory: {
      title: detail.title,
      statusLabel: statusLabel(detail, locale),
      statusReason: detail.statusReason,
      startsOn: detail.startsOn,
      endsOn: detail.endsOn,
    },
    ...billedHours(detail.meetings ?? [], (m) => typeLabel(detail, m.type, locale)),
  };
}

/** The meetings and hours actually used: what is billed, also when a trajectory is aborted. */
export async function billingInput(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  locale: Locale,
  now = new Date(),
): Promise<BillingInput> {
  const loaded = await loadTrajectory(tx, actor, trajectoryId);
  const detail = presented(loaded, locale, now);
  if (!detail.abilities.seeBilling) throw notFound();
  await logRead(tx, actor, "document", traineeIds(loaded), trajectoryId);
  return billingDocument(await organisationOf(tx, actor), locale, detail);
}

/**
 * What the progress report shows this reader: the facts and outcome, the intake and plan, the
 * goals and each held meeting with its notes and the other participants' parts, all as the API
 * shows them to the reader. Only for who reads the meetings.
 */
export async function progressReportInput(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  locale: Locale,
  now = new Date(),
): Promise<ProgressReportInput> {
  const loaded = await loadTrajectory(tx, actor, trajectoryId);
  // The hours worked as the trajectory's page shows them to this reader.
  const detail = presentTrajectory(loaded, NO_LINKS, locale, now, await loadWorkHours(tx, actor, loaded));
  if (detail.meetings === null) throw notFound();
  await logRead(tx, actor, "document", traineeIds(loaded), trajectoryId);
  const { regime } = detail;
  const shown = new Set(detail.meetings.filter((m) => m.status === "held").map((m) => m.id));
  const held = loaded.meetings.filter((m) => shown.has(m.id));
  const parts = await loadTrajectoryParts(tx, actor, trajectoryId);
  const pointsOf = ratingPointsOf(detail);
  return {
    organisation: await organisationOf(tx, actor),
    locale,
    ...heading(detail, locale),
    outcome: { choice: detail.statusChoice, on: detail.statusOn, note: detail.statusReason },
    plan: regime.planFields.flatMap((field) => {
      const value = detail.plan?.[field.key]?.trim();
      if (!value) return [];
      const option = field.options?.find((o) => o.value === value);
      return [{ label: field.label[locale], value: option ? option.label[locale] : value }];
    }),
    goals:
      detail.goals?.map((goal) => {
        const { last, max, lastLabel } = goalResult(regime, pointsOf(goal.id));
        return {
          title: goal.title,
          successCriteria: goal.successCriteria,
          last: last === null ? null : `${last} / ${max}${lastLabel ? ` (${lastLabel[locale]})` : ""}`,
        };
      }) ?? null,
    meetings: held.map((row) => {
      const meeting = presentMeeting(
        loaded,
        row,
        parts.filter((p) => p.meetingId === row.id),
      );
      return {
        date: meeting.startsAt,
        typeLabel: typeLabel(detail, meeting.type, locale),
        durationMinutes: meeting.durationMinutes,
        notes: meeting.notes,
        parts: meeting.parts.map((p) => ({ roleLabel: roleLabel(detail, p.role, locale), text: p.text })),
      };
    }),
    totalMinutes: detail.hours?.total.meetingMinutes ?? null,
    workHours:
      detail.workHours?.years.map((y) => ({
        schoolYear: y.schoolYear,
        minutes: y.minutes,
        minimumMinutes: y.minimumMinutes,
      })) ?? null,
    madeAt: now.toISOString(),
  };
}
