import { createHash } from "node:crypto";
import type { Tx } from "../../db/connection.js";
import { finalReports } from "../../db/schema.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import type { ReportView } from "../../domain/trajectories/api.js";
import { describeBlocker, goalApprovalBlocker } from "../../domain/trajectories/evaluate.js";
import { canSee, canWriteReport } from "../../domain/trajectories/policy.js";
import { draftReport, type ReportFacts } from "../../domain/trajectories/report.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, HttpProblem, notFound } from "../http/problem.js";
import { logRead } from "../privacy/access-log.js";
import { updateVersioned } from "../tenancy.js";
import {
  assertOpen,
  type LoadedTrajectory,
  loadTrajectory,
  stateOf,
  traineeIds,
  withOrigin,
} from "./load-trajectory.js";
import { NO_LINKS, presentTrajectory, readableReport } from "./present-trajectory.js";

type ReportRow = typeof finalReports.$inferSelect;

/** The report as the API and its PDF show it. */
export const presentReport = (
  loaded: LoadedTrajectory,
  report: Pick<ReportRow, "status" | "sections" | "finalisedAt" | "contentSha256" | "version">,
): ReportView => ({
  trajectoryId: loaded.row.id,
  status: report.status,
  sections: report.sections,
  finalisedAt: report.finalisedAt?.toISOString() ?? null,
  contentSha256: report.contentSha256,
  version: report.version,
  canEdit: report.status === "draft" && canWriteReport(loaded.viewer, loaded.row.regime),
});

/**
 * The facts the first draft is written from, as the API shows them to its writer: only ratings
 * and meetings the writer may see go into the text the others will read.
 */
export function reportFacts(loaded: LoadedTrajectory, locale: Locale, now = new Date()): ReportFacts {
  const detail = presentTrajectory(loaded, NO_LINKS, locale, now);
  const origin = loaded.origin ? presentTrajectory(loaded.origin, NO_LINKS, locale, now) : null;
  const ratings = new Map((detail.ratings ?? []).map((r) => [r.goalId, r.points]));
  return {
    regime: detail.regime,
    goals: (detail.goals ?? []).map(({ version: _, ...goal }) => ({ goal, points: ratings.get(goal.id) ?? [] })),
    // An escalated trajectory's course starts in the trajectory it continues.
    meetings: [...(origin?.meetings ?? []), ...(detail.meetings ?? [])].map((m) => ({
      type: m.type,
      startsAt: m.startsAt,
      status: m.status,
    })),
    startsOn: detail.startsOn,
    endsOn: detail.endsOn,
  };
}

/**
 * The draft written from the trajectory's data, before its writer saved anything: generated on
 * each read and stored only when saved (a GET never writes). It counts as version 1; the first
 * save stores version 2, so of two writers who both started from it, the second is told.
 */
const UNSAVED_VERSION = 1;
const unsavedDraft = (loaded: LoadedTrajectory, locale: Locale) => ({
  status: "draft" as const,
  sections: draftReport(reportFacts(loaded, locale), locale),
  finalisedAt: null,
  contentSha256: null,
  version: UNSAVED_VERSION,
});

/**
 * The report this viewer may read, as the page, the API and the PDF show it: the final one, or
 * for its writer the draft (the generated one until they save). Null when there is none for them.
 */
export function reportFor(loaded: LoadedTrajectory, locale: Locale): ReportView | null {
  const readable = readableReport(loaded);
  if (readable) return presentReport(loaded, readable);
  if (!canSee(loaded.viewer, loaded.row.regime, "report") || !canWriteReport(loaded.viewer, loaded.row.regime))
    return null;
  const closed = loaded.row.regime.statuses.find((s) => s.key === loaded.row.status)?.terminal;
  if (loaded.report || closed) return null;
  return presentReport(loaded, unsavedDraft(loaded, locale));
}

/** The report as the viewer may see it: the guide's draft (written from the data until saved), or the final one. */
export async function getReport(tx: Tx, actor: Actor, trajectoryId: string, locale: Locale) {
  const loaded = await withOrigin(tx, actor, await loadTrajectory(tx, actor, trajectoryId));
  if (!canSee(loaded.viewer, loaded.row.regime, "report")) throw notFound();
  const report = reportFor(loaded, locale);
  if (!report) {
    if (canWriteReport(loaded.viewer, loaded.row.regime)) assertOpen(loaded);
    throw new HttpProblem(404, "report.notAvailable");
  }
  await logRead(tx, actor, "trajectory", traineeIds(loaded), trajectoryId);
  return { loaded, report };
}

/**
 * The stored draft to change. Never saved yet: the generated draft is stored first, as version 1,
 * for whoever still holds that version; anyone else is told of the conflict.
 */
async function loadDraft(tx: Tx, actor: Actor, trajectoryId: string, expectedVersion: number, locale: Locale) {
  const loaded = await withOrigin(tx, actor, await loadTrajectory(tx, actor, trajectoryId, { forUpdate: true }));
  if (!canWriteReport(loaded.viewer, loaded.row.regime)) throw forbidden();
  if (loaded.report?.status === "final") throw new HttpProblem(409, "report.final");
  if (loaded.report) return { loaded, report: loaded.report };
  assertOpen(loaded);
  if (expectedVersion !== UNSAVED_VERSION) throw new HttpProblem(409, "problem.conflict");
  const [report] = await tx
    .insert(finalReports)
    .values({ organisationId: actor.organisationId, trajectoryId, ...unsavedDraft(loaded, locale) })
    .onConflictDoNothing()
    .returning();
  if (!report) throw new HttpProblem(409, "problem.conflict");
  return { loaded, report };
}

export async function saveReport(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  input: { version: number; sections: Record<string, string> },
  locale: Locale,
) {
  const { loaded, report } = await loadDraft(tx, actor, trajectoryId, input.version, locale);
  const keys = loaded.row.regime.report.sections.map((s) => s.key);
  const sections = Object.fromEntries(keys.map((key) => [key, input.sections[key] ?? report.sections[key] ?? ""]));
  const updated = await updateVersioned(
    tx,
    finalReports,
    { id: report.id, organisationId: actor.organisationId, expectedVersion: input.version },
    { sections },
  );
  await recordAudit(tx, actor, {
    type: "report.updated",
    subjectType: "report",
    subjectId: report.id,
    after: { sections: keys.filter((k) => sections[k] !== report.sections[k]) },
  });
  return presentReport(loaded, updated);
}

/**
 * Fixes the report: no more edits, and a SHA-256 of its text so any copy can be checked. Not
 * while the goal list has changes the opdrachtgever has not approved: the final report (stored
 * as it is made now) lists the goals, and only approved ones.
 */
export async function finaliseReport(tx: Tx, actor: Actor, trajectoryId: string, version: number, locale: Locale) {
  const { loaded, report } = await loadDraft(tx, actor, trajectoryId, version, locale);
  const unapproved = goalApprovalBlocker(stateOf(loaded));
  if (unapproved)
    throw new HttpProblem(
      422,
      "report.goalsNotApproved",
      {},
      {
        detail: describeBlocker(loaded.row.regime, unapproved, locale),
        blockers: [{ code: unapproved.code, text: describeBlocker(loaded.row.regime, unapproved, locale) }],
      },
    );
  const keys = loaded.row.regime.report.sections.map((s) => s.key);
  const canonical = JSON.stringify(keys.map((key) => [key, report.sections[key] ?? ""]));
  const contentSha256 = createHash("sha256").update(canonical).digest("hex");
  const updated = await updateVersioned(
    tx,
    finalReports,
    { id: report.id, organisationId: actor.organisationId, expectedVersion: version },
    { status: "final", finalisedAt: new Date(), finalisedBy: actor.userId, contentSha256 },
  );
  await recordAudit(tx, actor, {
    type: "report.finalised",
    subjectType: "report",
    subjectId: report.id,
    after: { contentSha256 },
  });
  return presentReport(loaded, updated);
}
