import { and, asc, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { queryRows, type Tx } from "../../db/connection.js";
import { decodeRows, parsedJson, rowsAsJson } from "../../db/json-rows.js";
import { oneOf } from "../../db/one-of.js";
import {
  feedbackRecords,
  feedbackSeen,
  finalReports,
  goalListVersions,
  goals,
  meetingParts,
  meetings,
  memberships,
  selfAssessments,
  trajectories,
  trajectoryParticipants,
  users,
} from "../../db/schema.js";
import type { ParticipantRole, Regime } from "../../domain/regimes/schema.js";
import { type Actor, hasRole } from "../../domain/roles.js";
import type {
  DeclarationDueFacts,
  FeedbackContent,
  GoalSnapshot,
  MeetingFacts,
  TrajectoryState,
  Viewer,
} from "../../domain/trajectories/model.js";
import { canViewTrajectory } from "../../domain/trajectories/policy.js";
import { HttpProblem, notFound } from "../http/problem.js";
import { memberName, membershipIn } from "../people/member-name.js";
import { regimeVersionsByHash } from "../regimes/service.js";
import { declarationDueFacts } from "./declaration-due-facts.js";
import { groupBy } from "./group-by.js";

/** A trajectory with the regime it started on. */
export type TrajectoryRow = typeof trajectories.$inferSelect & { regime: Regime };
export type GoalRow = typeof goals.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type FeedbackRow = typeof feedbackRecords.$inferSelect;
export type SelfAssessmentRow = typeof selfAssessments.$inferSelect;

export interface Participant {
  userId: string;
  personId: string | null;
  name: string;
  role: ParticipantRole;
}

/** A trajectory with everything the evaluators and the page need, read in a fixed number of queries. */
export interface LoadedTrajectory {
  row: TrajectoryRow;
  viewer: Viewer;
  participants: Participant[];
  goals: GoalRow[];
  goalLists: { number: number; goals: GoalSnapshot[]; approvedAt: Date; approvedBy: string }[];
  meetings: MeetingRow[];
  feedback: FeedbackRow[];
  seen: { feedbackRecordId: string; userId: string; seenAt: Date }[];
  selfAssessments: SelfAssessmentRow[];
  report: typeof finalReports.$inferSelect | null;
  /** For regimes with a declaration due before re-registration. */
  declarationDue?: DeclarationDueFacts;
  /** The trajectory this one was escalated from, when asked for with `withOrigin`. */
  origin?: LoadedTrajectory | null;
}

/**
 * What a trajectory's state (`stateOf`) and to-do list are made from: a loaded trajectory has it
 * all; the to-do list reads only this (`loadDueSources`), without the texts of notes, observations,
 * feedback and self-assessments.
 */
export interface StateSource {
  row: Pick<TrajectoryRow, "id" | "title" | "regime" | "status" | "plan" | "consents" | "evaluationMoments">;
  viewer: Viewer;
  participants: Pick<Participant, "userId" | "role">[];
  goals: Pick<GoalRow, keyof GoalSnapshot>[];
  goalLists: Pick<LoadedTrajectory["goalLists"][number], "number" | "goals" | "approvedAt">[];
  meetings: Pick<
    MeetingRow,
    "id" | "type" | "startsAt" | "status" | "unannounced" | "durationMinutes" | "preparationMinutes" | "travelMinutes"
  >[];
  /** In the order they were written, so the last shared one of a meeting is its latest. */
  feedback: (Pick<FeedbackRow, "id" | "meetingId" | "sharedAt"> & { content: Pick<FeedbackContent, "agreements"> })[];
  seen: Pick<LoadedTrajectory["seen"][number], "feedbackRecordId" | "userId">[];
  selfAssessments: Pick<SelfAssessmentRow, "meetingId" | "userId">[];
  report: Pick<NonNullable<LoadedTrajectory["report"]>, "status"> | null;
  declarationDue?: DeclarationDueFacts;
}

export function viewerOf(actor: Actor, participants: readonly Pick<Participant, "userId" | "role">[]): Viewer {
  return {
    userId: actor.userId,
    participantRoles: participants.filter((p) => p.userId === actor.userId).map((p) => p.role),
    admin: hasRole(actor, "admin"),
  };
}

export async function loadParticipants(tx: Tx, organisationId: string, trajectoryIds: string[]) {
  if (!trajectoryIds.length) return [];
  return tx
    .select({
      trajectoryId: trajectoryParticipants.trajectoryId,
      userId: trajectoryParticipants.userId,
      role: trajectoryParticipants.role,
      name: memberName,
      personId: memberships.id,
    })
    .from(trajectoryParticipants)
    .innerJoin(users, eq(users.id, trajectoryParticipants.userId))
    .leftJoin(
      memberships,
      and(eq(memberships.userId, trajectoryParticipants.userId), eq(memberships.organisationId, organisationId)),
    )
    .where(
      and(
        eq(trajectoryParticipants.organisationId, organisationId),
        oneOf(trajectoryParticipants.trajectoryId, trajectoryIds),
      ),
    )
    .orderBy(asc(trajectoryParticipants.role), asc(memberName));
}

/**
 * Loads one trajectory of the actor's organisation. Someone outside it who is not the admin
 * gets 404, as if it did not exist. `forUpdate` locks the row so status checks and the change
 * they guard cannot interleave with another request.
 */
export async function loadTrajectory(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedTrajectory> {
  const [loaded] = await loadTrajectories(tx, actor, [trajectoryId], options);
  if (!loaded) throw notFound();
  return loaded;
}

/** A trajectory with its people and meetings: what its declarations are made from. */
export type TrajectoryWithMeetings = Pick<LoadedTrajectory, "row" | "viewer" | "participants" | "meetings">;

/**
 * Which trajectories to load: by their ids, the one a meeting belongs to, or at most `limit` of
 * those matching a condition on them (each found in the same statement as the trajectory, not in
 * a round trip of its own).
 */
export type Which = string[] | { meetingId: string } | { matching: SQL; limit: number };

/**
 * One trajectory's participants as one JSON array, ordered as `loadParticipants` orders them: a
 * column of the statement that reads the trajectory, so both come in one round trip. For many
 * trajectories they stay a statement of their own (`loadParticipants`): a correlated subquery per
 * row cost PostgreSQL more than it saved (docs/decisions/0043-statements.md). Wrapped in a second
 * `sql`: a select from one table writes the columns it finds at the top of a field without their
 * table, and here they need them.
 */
const participantsJson = (organisationId: string) =>
  sql<unknown>`${sql`(select coalesce(json_agg(json_build_object(
    'userId', ${trajectoryParticipants.userId},
    'role', ${trajectoryParticipants.role},
    'name', ${memberName},
    'personId', ${memberships.id}
  ) order by ${trajectoryParticipants.role}, ${memberName}), '[]'::json)
  from ${trajectoryParticipants}
  inner join ${users} on ${users.id} = ${trajectoryParticipants.userId}
  left join ${memberships} on ${membershipIn(trajectoryParticipants.userId, organisationId)}
  where ${trajectoryParticipants.organisationId} = ${organisationId}
    and ${trajectoryParticipants.trajectoryId} = ${trajectories.id})`}`;

/** The trajectories asked for that the actor may see, with their regime and participants. */
export async function loadVisible(tx: Tx, actor: Actor, which: Which, options: { forUpdate?: boolean }) {
  if (Array.isArray(which) && !which.length) return [];
  const org = actor.organisationId;
  const wanted = Array.isArray(which)
    ? oneOf(trajectories.id, which)
    : "matching" in which
      ? which.matching
      : inArray(
          trajectories.id,
          tx
            .select({ id: meetings.trajectoryId })
            .from(meetings)
            .where(and(eq(meetings.id, which.meetingId), eq(meetings.organisationId, org))),
        );
  // One trajectory comes with its participants; many read theirs in a statement of their own.
  const one = Array.isArray(which) ? which.length === 1 : "meetingId" in which;
  const query = tx
    .select({
      trajectory: getTableColumns(trajectories),
      participants: one ? participantsJson(org) : sql<null>`null`,
    })
    .from(trajectories)
    .where(and(wanted, eq(trajectories.organisationId, org)))
    .$dynamic();
  if ("limit" in which) query.limit(which.limit);
  const rows = options.forUpdate ? await query.for("update", { of: trajectories }) : await query;
  const regimes = await regimeVersionsByHash(
    tx,
    actor,
    rows.map((r) => r.trajectory.regimeHash),
  );
  const found = rows.flatMap(({ trajectory, participants }) => {
    const regime = regimes.get(trajectory.regimeHash);
    return regime ? [{ trajectory, regime, participants }] : [];
  });
  const participantsOf = one
    ? new Map(found.map((f) => [f.trajectory.id, parsedJson<Participant[]>(f.participants)]))
    : groupBy(
        await loadParticipants(
          tx,
          org,
          found.map((f) => f.trajectory.id),
        ),
        (p) => p.trajectoryId,
      );
  return found
    .map(({ trajectory, regime }) => {
      const participants = (participantsOf.get(trajectory.id) ?? []).map(
        ({ userId, personId, name, role }): Participant => ({ userId, personId, name, role }),
      );
      return { row: { ...trajectory, regime } as TrajectoryRow, participants, viewer: viewerOf(actor, participants) };
    })
    .filter((t) => canViewTrajectory(t.viewer));
}

const loadMeetings = (tx: Tx, organisationId: string, trajectoryIds: string[]) =>
  tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.organisationId, organisationId), oneOf(meetings.trajectoryId, trajectoryIds)))
    .orderBy(asc(meetings.startsAt));

/**
 * One trajectory with only its people and meetings, in four queries (three when its regime is
 * cached): for the declarations, which need no goals, feedback or report. 404 as `loadTrajectory`.
 */
export async function loadTrajectoryWithMeetings(
  tx: Tx,
  actor: Actor,
  trajectoryId: string,
  options: { forUpdate?: boolean } = {},
): Promise<TrajectoryWithMeetings> {
  const [visible] = await loadVisible(tx, actor, [trajectoryId], options);
  if (!visible) throw notFound();
  return { ...visible, meetings: await loadMeetings(tx, actor.organisationId, [trajectoryId]) };
}

/** The parts of trajectories that `loadTrajectories` reads besides the trajectories themselves. */
interface Parts {
  goalRows: GoalRow[];
  lists: Array<{ trajectoryId: string; number: number; goals: GoalSnapshot[]; approvedAt: Date; approvedBy: string }>;
  meetingRows: MeetingRow[];
  feedbackRows: FeedbackRow[];
  assessmentRows: SelfAssessmentRow[];
  reports: Array<typeof finalReports.$inferSelect>;
  seen: Array<{ feedbackRecordId: string; userId: string; seenAt: Date }>;
}

/** The rows of a trajectory's part (goals, meetings, …) in these trajectories of the organisation. */
export const inTrajectories = (
  org: string,
  ids: string[],
  table: { organisationId: PgColumn; trajectoryId: PgColumn },
) => and(eq(table.organisationId, org), oneOf(table.trajectoryId, ids));

/**
 * One trajectory's parts in one statement, each table as a JSON array of its rows: for one
 * trajectory the round trips cost more than making the JSON (docs/decisions/0043-statements.md).
 */
async function partsInOneStatement(tx: Tx, org: string, ids: string[]): Promise<Parts> {
  const of = (table: { organisationId: PgColumn; trajectoryId: PgColumn }) => inTrajectories(org, ids, table);
  const [parts] = await queryRows<
    Record<"goals" | "lists" | "meetings" | "feedback" | "assessments" | "reports" | "seen", unknown>
  >(
    tx,
    sql`select
      ${rowsAsJson(goals, of(goals), sql`${goals.position}`)} as goals,
      (select coalesce(json_agg(json_build_object(
          'trajectoryId', ${goalListVersions.trajectoryId},
          'number', ${goalListVersions.number},
          'goals', ${goalListVersions.goals},
          'approvedAt', ${goalListVersions.approvedAt},
          'approvedBy', ${memberName}
        ) order by ${goalListVersions.number}), '[]'::json)
        from ${goalListVersions}
        inner join ${users} on ${users.id} = ${goalListVersions.approvedBy}
        left join ${memberships} on ${membershipIn(users.id, org)}
        where ${of(goalListVersions)}) as lists,
      ${rowsAsJson(meetings, of(meetings), sql`${meetings.startsAt}`)} as meetings,
      ${rowsAsJson(feedbackRecords, of(feedbackRecords), sql`${feedbackRecords.number}`)} as feedback,
      ${rowsAsJson(selfAssessments, of(selfAssessments))} as assessments,
      ${rowsAsJson(finalReports, of(finalReports))} as reports,
      ${rowsAsJson(
        feedbackSeen,
        and(
          eq(feedbackSeen.organisationId, org),
          // The records' ids as an array first, so the seen marks are found by their index.
          sql`${feedbackSeen.feedbackRecordId} = any(array(select ${feedbackRecords.id} from ${feedbackRecords} where ${of(feedbackRecords)}))`,
        ),
      )} as seen`,
  );
  const lists = (parts?.lists ?? []) as Array<Omit<Parts["lists"][number], "approvedAt"> & { approvedAt: string }>;
  return {
    goalRows: decodeRows(goals, parts?.goals ?? []),
    lists: lists.map((list) => ({ ...list, approvedAt: new Date(list.approvedAt) })),
    meetingRows: decodeRows(meetings, parts?.meetings ?? []),
    feedbackRows: decodeRows(feedbackRecords, parts?.feedback ?? []),
    assessmentRows: decodeRows(selfAssessments, parts?.assessments ?? []),
    reports: decodeRows(finalReports, parts?.reports ?? []),
    seen: decodeRows(feedbackSeen, parts?.seen ?? []).map(({ feedbackRecordId, userId, seenAt }) => ({
      feedbackRecordId,
      userId,
      seenAt,
    })),
  };
}

/**
 * Many trajectories' parts, one statement per table: for many rows, making them into JSON costs
 * the database more than the round trips (docs/decisions/0043-statements.md).
 */
async function partsByTable(tx: Tx, org: string, ids: string[]): Promise<Parts> {
  const of = (table: { organisationId: PgColumn; trajectoryId: PgColumn }) => inTrajectories(org, ids, table);
  // One after the other: a transaction is one connection, and it runs one statement at a time anyway.
  const goalRows = await tx.select().from(goals).where(of(goals)).orderBy(asc(goals.position));
  const lists = await tx
    .select({
      trajectoryId: goalListVersions.trajectoryId,
      number: goalListVersions.number,
      goals: goalListVersions.goals,
      approvedAt: goalListVersions.approvedAt,
      approvedBy: memberName,
    })
    .from(goalListVersions)
    .innerJoin(users, eq(users.id, goalListVersions.approvedBy))
    .leftJoin(memberships, membershipIn(users.id, org))
    .where(of(goalListVersions))
    .orderBy(asc(goalListVersions.number));
  const meetingRows = await loadMeetings(tx, org, ids);
  const feedbackRows = await tx
    .select()
    .from(feedbackRecords)
    .where(of(feedbackRecords))
    .orderBy(asc(feedbackRecords.number));
  const assessmentRows = await tx.select().from(selfAssessments).where(of(selfAssessments));
  const reports = await tx.select().from(finalReports).where(of(finalReports));
  const seen = await seenMarks(
    tx,
    org,
    feedbackRows.map((f) => f.id),
  );
  return { goalRows, lists, meetingRows, feedbackRows, assessmentRows, reports, seen };
}

/** Who has seen these feedback records, and when; no statement for none. */
export async function seenMarks(tx: Tx, org: string, feedbackRecordIds: string[]) {
  if (!feedbackRecordIds.length) return [];
  return tx
    .select({
      feedbackRecordId: feedbackSeen.feedbackRecordId,
      userId: feedbackSeen.userId,
      seenAt: feedbackSeen.seenAt,
    })
    .from(feedbackSeen)
    .where(and(eq(feedbackSeen.organisationId, org), oneOf(feedbackSeen.feedbackRecordId, feedbackRecordIds)));
}

/**
 * Loads the trajectories asked for (by id, or a meeting's) that the actor may see, with everything
 * the evaluators need, in a fixed number of statements however many there are: three for one, nine for more.
 */
export async function loadTrajectories(
  tx: Tx,
  actor: Actor,
  which: Which,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedTrajectory[]> {
  const visible = await loadVisible(tx, actor, which, options);
  if (!visible.length) return [];

  const org = actor.organisationId;
  const ids = visible.map((t) => t.row.id);
  const { goalRows, lists, meetingRows, feedbackRows, assessmentRows, reports, seen } =
    ids.length === 1 ? await partsInOneStatement(tx, org, ids) : await partsByTable(tx, org, ids);
  const declarationDue = await declarationDueFacts(tx, org, visible);
  const byTrajectory = <T extends { trajectoryId: string }>(rows: T[]) => groupBy(rows, (r) => r.trajectoryId);
  const [goalsOf, listsOf, meetingsOf, feedbackOf, assessmentsOf, reportsOf] = [
    byTrajectory(goalRows),
    byTrajectory(lists),
    byTrajectory(meetingRows),
    byTrajectory(feedbackRows),
    byTrajectory(assessmentRows),
    byTrajectory(reports),
  ] as const;
  const seenOf = groupBy(seen, (s) => s.feedbackRecordId);
  return visible.map(({ row, participants, viewer }) => {
    const feedback = feedbackOf.get(row.id) ?? [];
    return {
      row,
      viewer,
      participants,
      goals: goalsOf.get(row.id) ?? [],
      goalLists: (listsOf.get(row.id) ?? []).map(({ trajectoryId: _, ...l }) => l),
      meetings: meetingsOf.get(row.id) ?? [],
      feedback,
      seen: feedback.flatMap((f) => seenOf.get(f.id) ?? []),
      selfAssessments: assessmentsOf.get(row.id) ?? [],
      report: reportsOf.get(row.id)?.[0] ?? null,
      declarationDue: declarationDue.get(row.id),
    };
  });
}

/**
 * Adds the trajectory this one continues, so its ratings and meetings count in the history:
 * an escalation carries the goals and the course so far.
 */
export async function withOrigin(tx: Tx, actor: Actor, loaded: LoadedTrajectory): Promise<LoadedTrajectory> {
  if (!loaded.row.escalatedFromId) return loaded;
  const [origin] = await loadTrajectories(tx, actor, [loaded.row.escalatedFromId]);
  return { ...loaded, origin: origin ?? null };
}

/** A goal as the API shows it. */
export const goalView = (goal: GoalRow) => ({
  id: goal.id,
  position: goal.position,
  title: goal.title,
  rationale: goal.rationale,
  successCriteria: goal.successCriteria,
  originGoalId: goal.originGoalId,
  version: goal.version,
});

export const goalSnapshot = (goal: Pick<GoalRow, keyof GoalSnapshot>): GoalSnapshot => ({
  id: goal.id,
  position: goal.position,
  title: goal.title,
  rationale: goal.rationale,
  successCriteria: goal.successCriteria,
  originGoalId: goal.originGoalId,
});

/** The user ids of the trajectory's trainees: whose self-assessments and "seen" marks count. */
export const traineeIds = (loaded: Pick<StateSource, "participants">) =>
  new Set(loaded.participants.filter((p) => p.role === "trainee").map((p) => p.userId));

/** The latest shared feedback record of each meeting. */
export function latestShared<Feedback extends StateSource["feedback"][number]>(loaded: { feedback: Feedback[] }) {
  const latest = new Map<string, Feedback>();
  for (const record of loaded.feedback) if (record.sharedAt) latest.set(record.meetingId, record);
  return latest;
}

export function meetingFacts(loaded: StateSource): MeetingFacts[] {
  const trainees = traineeIds(loaded);
  const shared = latestShared(loaded);
  const selfAssessed = new Set(loaded.selfAssessments.filter((s) => trainees.has(s.userId)).map((s) => s.meetingId));
  const seenByTrainee = new Set(loaded.seen.filter((s) => trainees.has(s.userId)).map((s) => s.feedbackRecordId));
  const feedbackOf = groupBy(loaded.feedback, (f) => f.meetingId);
  return loaded.meetings.map((meeting) => ({
    id: meeting.id,
    type: meeting.type,
    startsAt: meeting.startsAt.toISOString(),
    status: meeting.status,
    unannounced: meeting.unannounced,
    durationMinutes: meeting.durationMinutes,
    preparationMinutes: meeting.preparationMinutes,
    travelMinutes: meeting.travelMinutes,
    selfAssessed: selfAssessed.has(meeting.id),
    feedback: (feedbackOf.get(meeting.id) ?? []).map((f) => ({
      id: f.id,
      shared: f.sharedAt !== null,
      seenByTrainee: seenByTrainee.has(f.id),
    })),
    agreements: shared.get(meeting.id)?.content.agreements ?? [],
  }));
}

export function stateOf(loaded: StateSource): TrajectoryState {
  return {
    regime: loaded.row.regime,
    status: loaded.row.status,
    plan: loaded.row.plan,
    consents: loaded.row.consents,
    goals: loaded.goals.map(goalSnapshot),
    approvedGoalLists: loaded.goalLists.map((l) => ({
      number: l.number,
      goals: l.goals,
      approvedAt: l.approvedAt.toISOString(),
    })),
    meetings: meetingFacts(loaded),
    reportFinal: loaded.report?.status === "final",
    evaluationMoments: loaded.row.evaluationMoments,
    ...(loaded.declarationDue ? { declarations: loaded.declarationDue } : {}),
  };
}

/** Refuses changes to a trajectory whose status is terminal (completed, aborted, escalated). */
export function assertOpen(loaded: Pick<LoadedTrajectory, "row">) {
  const status = loaded.row.regime.statuses.find((s) => s.key === loaded.row.status);
  if (status?.terminal) throw new HttpProblem(409, "trajectory.closed");
}

/** A part as written, with the name its writer goes by in the organisation (also once they left the trajectory). */
export type MeetingPartRow = typeof meetingParts.$inferSelect & { writerName: string | null };

const partColumns = {
  id: meetingParts.id,
  organisationId: meetingParts.organisationId,
  trajectoryId: meetingParts.trajectoryId,
  meetingId: meetingParts.meetingId,
  role: meetingParts.role,
  writtenBy: meetingParts.writtenBy,
  text: meetingParts.text,
  version: meetingParts.version,
  createdAt: meetingParts.createdAt,
  updatedAt: meetingParts.updatedAt,
  writerName: memberName,
};

const selectParts = (tx: Tx, actor: Actor) =>
  tx
    .select(partColumns)
    .from(meetingParts)
    .leftJoin(memberships, membershipIn(meetingParts.writtenBy, actor.organisationId))
    .leftJoin(users, eq(users.id, memberships.userId));

/**
 * The parts written for one meeting, whoever wrote them; the presenter decides who reads them.
 * Read only for a meeting type that has parts, so other meetings cost no statement more.
 */
export async function loadMeetingParts(
  tx: Tx,
  actor: Actor,
  loaded: Pick<LoadedTrajectory, "row">,
  meeting: Pick<MeetingRow, "id" | "type">,
): Promise<MeetingPartRow[]> {
  if (!loaded.row.regime.meetingTypes.some((t) => t.key === meeting.type && t.partsBy.length > 0)) return [];
  return selectParts(tx, actor).where(
    and(eq(meetingParts.organisationId, actor.organisationId), eq(meetingParts.meetingId, meeting.id)),
  );
}

/** Every part written in a trajectory's meetings, for a document of the whole trajectory. */
export const loadTrajectoryParts = (tx: Tx, actor: Actor, trajectoryId: string): Promise<MeetingPartRow[]> =>
  selectParts(tx, actor).where(
    and(eq(meetingParts.organisationId, actor.organisationId), eq(meetingParts.trajectoryId, trajectoryId)),
  );
