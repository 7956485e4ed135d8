import { asc, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/connection.js";
import { feedbackRecords, finalReports, goalListVersions, goals, meetings, selfAssessments } from "../../db/schema.js";
import type { Actor } from "../../domain/roles.js";
import type { FeedbackContent } from "../../domain/trajectories/model.js";
import { declarationDueFacts } from "./declaration-due-facts.js";
import { groupBy } from "./group-by.js";
import { inTrajectories, loadVisible, type StateSource, seenMarks } from "./load-trajectory.js";

/**
 * The trajectories with these ids that the actor may see, read for their to-do lists: the same
 * facts `stateOf` makes the page's state from, without what it does not need (the texts of notes,
 * observations, feedback and self-assessments, who approved a goal list). A guide's open
 * trajectories are many, and these texts were most of what reading them cost. A fixed number of
 * statements, however many trajectories.
 */
export async function loadDueSources(tx: Tx, actor: Actor, trajectoryIds: string[]): Promise<StateSource[]> {
  const visible = await loadVisible(tx, actor, trajectoryIds, {});
  if (!visible.length) return [];
  const org = actor.organisationId;
  const ids = visible.map((t) => t.row.id);
  const of = (table: { organisationId: PgColumn; trajectoryId: PgColumn }) => inTrajectories(org, ids, table);

  // One after the other: a transaction is one connection, and it runs one statement at a time anyway.
  const goalRows = await tx
    .select({
      trajectoryId: goals.trajectoryId,
      id: goals.id,
      position: goals.position,
      title: goals.title,
      rationale: goals.rationale,
      successCriteria: goals.successCriteria,
      originGoalId: goals.originGoalId,
    })
    .from(goals)
    .where(of(goals))
    .orderBy(asc(goals.position));
  const lists = await tx
    .select({
      trajectoryId: goalListVersions.trajectoryId,
      number: goalListVersions.number,
      goals: goalListVersions.goals,
      approvedAt: goalListVersions.approvedAt,
    })
    .from(goalListVersions)
    .where(of(goalListVersions))
    .orderBy(asc(goalListVersions.number));
  const meetingRows = await tx
    .select({
      trajectoryId: meetings.trajectoryId,
      id: meetings.id,
      type: meetings.type,
      startsAt: meetings.startsAt,
      status: meetings.status,
      unannounced: meetings.unannounced,
      durationMinutes: meetings.durationMinutes,
      preparationMinutes: meetings.preparationMinutes,
      travelMinutes: meetings.travelMinutes,
    })
    .from(meetings)
    .where(of(meetings))
    .orderBy(asc(meetings.startsAt));
  const feedbackRows = await tx
    .select({
      trajectoryId: feedbackRecords.trajectoryId,
      id: feedbackRecords.id,
      meetingId: feedbackRecords.meetingId,
      sharedAt: feedbackRecords.sharedAt,
      // Of the feedback's content only the agreements of shared records count.
      agreements: sql<FeedbackContent["agreements"] | null>`case when ${feedbackRecords.sharedAt} is not null
        then ${feedbackRecords.content} -> 'agreements' end`,
    })
    .from(feedbackRecords)
    .where(of(feedbackRecords))
    .orderBy(asc(feedbackRecords.number));
  const assessmentRows = await tx
    .select({
      trajectoryId: selfAssessments.trajectoryId,
      meetingId: selfAssessments.meetingId,
      userId: selfAssessments.userId,
    })
    .from(selfAssessments)
    .where(of(selfAssessments));
  const reports = await tx
    .select({ trajectoryId: finalReports.trajectoryId, status: finalReports.status })
    .from(finalReports)
    .where(of(finalReports));
  const seen = await seenMarks(
    tx,
    org,
    feedbackRows.map((f) => f.id),
  );
  const declarationDue = await declarationDueFacts(tx, org, visible);

  const byTrajectory = <T extends { trajectoryId: string }>(rows: T[]) => groupBy(rows, (r) => r.trajectoryId);
  const goalsOf = byTrajectory(goalRows);
  const listsOf = byTrajectory(lists);
  const meetingsOf = byTrajectory(meetingRows);
  const feedbackOf = byTrajectory(feedbackRows);
  const assessmentsOf = byTrajectory(assessmentRows);
  const reportsOf = byTrajectory(reports);
  const seenOf = groupBy(seen, (s) => s.feedbackRecordId);
  return visible.map(({ row, participants, viewer }) => {
    const feedback = (feedbackOf.get(row.id) ?? []).map(({ agreements, ...record }) => ({
      ...record,
      content: { agreements: agreements ?? [] },
    }));
    return {
      row,
      viewer,
      participants,
      goals: goalsOf.get(row.id) ?? [],
      goalLists: listsOf.get(row.id) ?? [],
      meetings: meetingsOf.get(row.id) ?? [],
      feedback,
      seen: feedback.flatMap((f) => seenOf.get(f.id) ?? []),
      selfAssessments: assessmentsOf.get(row.id) ?? [],
      report: reportsOf.get(row.id)?.[0] ?? null,
      declarationDue: declarationDue.get(row.id),
    };
  });
}
