import { eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { organisations } from "../../db/schema.js";
import { LOCALES, type Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { meetingType } from "../../domain/trajectories/evaluate.js";
import { hoursSummary } from "../../domain/trajectories/hours.js";
import { canSee, canSeeMeeting } from "../../domain/trajectories/policy.js";
import { goalResult } from "../../domain/trajectories/report.js";
import { archiveDocuments } from "../documents/archive.js";
import { documentReaders } from "../documents/readers.js";
import type { PdfRenderer } from "../documents/render-pool.js";
import type { PdfTask } from "../documents/render-task.js";
import { HttpProblem, notFound } from "../http/problem.js";
import type { DocumentOrganisation } from "./documents/pdf.js";
import type { BillingInput } from "./documents/render-billing.js";
import type { FinalReportInput } from "./documents/render-final-report.js";
import { type LoadedTrajectory, loadTrajectory, meetingFacts, withOrigin } from "./load-trajectory.js";
import { ratingsOf } from "./present-trajectory.js";

async function organisationOf(tx: Tx, actor: Actor): Promise<DocumentOrganisation> {
  const [org] = await tx
    .select({
      name: organisations.name,
      primaryColor: organisations.primaryColor,
      logo: organisations.logo,
      logoMime: organisations.logoMime,
    })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  if (!org) throw notFound();
  return org;
}

const statusLabel = (loaded: LoadedTrajectory, locale: Locale) =>
  loaded.row.regime.statuses.find((s) => s.key === loaded.row.status)?.label[locale] ?? loaded.row.status;

/**
 * What the final report's PDF shows, for everyone who may see the report once it is final (the
 * guide and admin also while it is a draft). The PDF is rendered after the transaction.
 */
export async function finalReportInput(tx: Tx, actor: Actor, trajectoryId: string, locale: Locale) {
  const loaded = await withOrigin(tx, actor, await loadTrajectory(tx, actor, trajectoryId));
  const { regime } = loaded.row;
  const report = loaded.report;
  if (!canSee(loaded.viewer, regime, "report") || !report) throw new HttpProblem(404, "report.notAvailable");
  const guideDraft = report.status === "draft" && loaded.viewer.participantRoles.includes("guide");
  if (report.status !== "final" && !guideDraft && !loaded.viewer.admin)
    throw new HttpProblem(404, "report.notAvailable");
  return {
    organisation: await organisationOf(tx, actor),
    locale,
    trajectory: {
      title: loaded.row.title,
      regimeName: regime.name[locale],
      startsOn: loaded.row.startsOn,
      endsOn: loaded.row.endsOn,
      statusLabel: statusLabel(loaded, locale),
    },
    participants: loaded.participants.map((p) => ({
      roleLabel: regime.participants.find((r) => r.role === p.role)?.label[locale] ?? p.role,
      name: p.name,
    })),
    goals: ratingsOf(loaded).map(({ goal, points }) => {
      const result = goalResult(regime, points);
      return {
        position: goal.position,
        title: goal.title,
        rationale: goal.rationale,
        successCriteria: goal.successCriteria,
        result: { ...result, lastLabel: result.lastLabel?.[locale] ?? null },
        points,
      };
    }),
    sections: regime.report.sections.map((s) => ({ label: s.label[locale], text: report.sections[s.key] ?? "" })),
    meetings: [...(loaded.origin?.meetings ?? []), ...loaded.meetings]
      .filter((m) => m.status === "held")
      .map((m) => ({
        date: m.startsAt.toISOString(),
        typeLabel: meetingType(regime, m.type)?.label[locale] ?? m.type,
        durationMinutes: m.durationMinutes,
      })),
    finalisedAt: report.finalisedAt?.toISOString() ?? null,
    contentSha256: report.contentSha256,
  } satisfies FinalReportInput;
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
      const input = await finalReportInput(tx, reader, trajectoryId, locale).catch((error) => {
        if (error instanceof HttpProblem && error.status === 404) return null;
        throw error;
      });
      if (input) tasks.push({ kind: "finalReport", input });
    }
  await archiveDocuments(tx, actor, pdf, { kind: "final_report", id: trajectoryId }, tasks);
}

/** The meetings and hours actually used: what is billed, also when a trajectory is aborted. */
export async function billingInput(tx: Tx, actor: Actor, trajectoryId: string, locale: Locale): Promise<BillingInput> {
  const loaded = await loadTrajectory(tx, actor, trajectoryId);
  const { regime } = loaded.row;
  if (!canSee(loaded.viewer, regime, "billing")) throw notFound();
  const held = loaded.meetings.filter((m) => m.status === "held" && canSeeMeeting(loaded.viewer, regime, m));
  const { total } = hoursSummary(meetingFacts(loaded).filter((f) => held.some((m) => m.id === f.id)));
  return {
    organisation: await organisationOf(tx, actor),
    locale,
    trajectory: {
      title: loaded.row.title,
      statusLabel: statusLabel(loaded, locale),
      statusReason: loaded.row.statusReason,
      startsOn: loaded.row.startsOn,
      endsOn: loaded.row.endsOn,
    },
    lines: held.map((m) => ({
      date: m.startsAt.toISOString(),
      typeLabel: meetingType(regime, m.type)?.label[locale] ?? m.type,
      status: m.status,
      durationMinutes: m.durationMinutes,
      preparationMinutes: m.preparationMinutes,
      travelMinutes: m.travelMinutes,
    })),
    totals: {
      meetings: total.meetings,
      meetingMinutes: total.meetingMinutes,
      preparationMinutes: total.preparationMinutes,
      travelMinutes: total.travelMinutes,
      totalMinutes: total.totalMinutes,
    },
  };
}

/** A file name from a title: letters, digits and dashes only. */
export const fileName = (title: string, suffix: string) =>
  `${
    title
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .toLowerCase()
      .slice(0, 60) || "traject"
  }-${suffix}`;
