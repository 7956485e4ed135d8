import { asc, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { LRUCache } from "lru-cache";
import type { Db, Tx } from "../../db/connection.js";
import {
  feedbackRecords,
  feedbackSeen,
  finalReports,
  goalListVersions,
  goals,
  meetings,
  selfAssessments,
} from "../../db/schema.js";
import type { Actor } from "../../domain/roles.js";
import type { FeedbackContent } from "../../domain/trajectories/model.js";
import { declarationDueFacts } from "./declaration-due-facts.js";
import { groupBy } from "./group-by.js";
import { inTrajectories, loadVisible, type StateSource, seenMarks, type Which } from "./load-trajectory.js";

/** What the to-do rules use of a trajectory besides its own row, its people and its declarations. */
type DueParts = Pick<
  StateSource,
  "goals" | "goalLists" | "meetings" | "feedback" | "seen" | "selfAssessments" | "report"
>;

/**
 * The tables the parts are read from. Each has the triggers that change the trajectory's
 * revision with every change to its rows (migration 0044); a test holds the two together.
 */
export const DUE_PART_TABLES = [
  goals,
  goalListVersions,
  meetings,
  feedbackRecords,
  feedbackSeen,
  selfAssessments,
  finalReports,
] as const;

/**
 * The parts of trajectories as this process last read them, each with the revision it read them
 * at (decision 0045). Good while the trajectory's revision is that number: a change to a part
 * changes the revision in the same transaction, so a process never answers from parts older than
 * the trajectory row it has just read. The parts are not the person's: who sees what is worked
 * out from the row and the people, read afresh each time.
 */
export type KeptDueParts = LRUCache<string, { organisationId: string; revision: number; parts: DueParts }>;

/** Enough for the open trajectories of a few hundred busy guides; the least recently used go first. */
const KEPT_TRAJECTORIES = 5_000;

/**
 * How long parts stay in memory after they were read, whatever their revision: what was erased or
 * removed from the database leaves the process's memory within this time too.
 */
export const KEPT_FOR_MS = 60 * 60_000;

const kept = new WeakMap<Db, KeptDueParts>();

/** The kept parts of one database: each database its own, so two never mix. */
export function keptDueParts(db: Db): KeptDueParts {
  let parts = kept.get(db);
  if (!parts) {
    parts = new LRUCache({ max: KEPT_TRAJECTORIES, ttl: KEPT_FOR_MS, ttlAutopurge: true, ttlResolution: 1_000 });
    kept.set(db, parts);
  }
  return parts;
}

/**
 * The trajectories asked for that the actor may see, read for their to-do lists: the same
 * facts `stateOf` makes the page's state from, without what it does not need (the texts of notes,
 * observations, feedback and self-assessments, who approved a goal list). A guide's open
 * trajectories are many, and these texts were most of what reading them cost. The parts of a
 * trajectory whose revision is the one kept are not read again. A fixed number of statements,
 * however many trajectories.
 */
export async function loadDueSources(
  tx: Tx,
  actor: Actor,
  which: Which,
  keptParts: KeptDueParts,
): Promise<StateSource[]> {
  const visible = await loadVisible(tx, actor, which, {});
  if (!visible.length) return [];
  const org = actor.organisationId;
  const partsOf = new Map<string, DueParts>();
  for (const { row } of visible) {
    const known = keptParts.get(row.id);
    if (known && known.organisationId === org && known.revision === row.revision) partsOf.set(row.id, known.parts);
  }
  const toRead = visible.filter((t) => !partsOf.has(t.row.id)).map((t) => t.row);
  if (toRead.length) {
    const read = await readDueParts(
      tx,
      org,
      toRead.map((row) => row.id),
    );
    for (const row of toRead) {
      const parts = read(row.id);
      partsOf.set(row.id, parts);
      keptParts.set(row.id, { organisationId: org, revision: row.revision, parts });
    }
  }
  const declarationDue = await declarationDueFacts(tx, org, visible);
  return visible.map(({ row, participants, viewer }) => ({
    row,
    viewer,
    participants,
    ...(partsOf.get(row.id) as DueParts),
    declarationDue: declarationDue.get(row.id),
  }));
}

/** The to-do parts of these trajectories, one statement per table; the answer gives each trajectory's. */
async function readDueParts(tx: Tx, org: string, ids: string[]): Promise<(trajectoryId: string) => DueParts> {
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

  const byTrajectory = <T extends { trajectoryId: string }>(rows: T[]) => groupBy(rows, (r) => r.trajectoryId);
  const goalsOf = byTrajectory(goalRows);
  const listsOf = byTrajectory(lists);
  const meetingsOf = byTrajectory(meetingRows);
  const feedbackOf = byTrajectory(feedbackRows);
  const assessmentsOf = byTrajectory(assessmentRows);
  const reportsOf = byTrajectory(reports);
  const seenOf = groupBy(seen, (s) => s.feedbackRecordId);
  return (trajectoryId) => {
    const feedback = (feedbackOf.get(trajectoryId) ?? []).map(({ agreements, ...record }) => ({
      ...record,
      content: { agreements: agreements ?? [] },
    }));
    return {
      goals: goalsOf.get(trajectoryId) ?? [],
      goalLists: listsOf.get(trajectoryId) ?? [],
      meetings: meetingsOf.get(trajectoryId) ?? [],
      feedback,
      seen: feedback.flatMap((f) => seenOf.get(f.id) ?? []),
      selfAssessments: assessmentsOf.get(trajectoryId) ?? [],
      report: reportsOf.get(trajectoryId)?.[0] ?? null,
    };
  };
}
