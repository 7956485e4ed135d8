import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { feedbackRecords, feedbackSeen, selfAssessments } from "../../db/schema.js";
import type { Regime } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import type { SaveFeedbackInput } from "../../domain/trajectories/api.js";
import { meetingType } from "../../domain/trajectories/evaluate.js";
import type { SelfAssessmentContent } from "../../domain/trajectories/model.js";
import { canMarkSeen, canRecordMeetings, canSelfAssess } from "../../domain/trajectories/policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { conflict, forbidden, HttpProblem, invalid, notFound } from "../http/problem.js";
import { updateVersioned } from "../tenancy.js";
import { assertOpen, type LoadedTrajectory } from "./load-trajectory.js";
import { loadMeeting } from "./meetings.js";

/** Every rated goal belongs to the trajectory and every rating lies on the regime's scale. */
function checkRatings(loaded: LoadedTrajectory, regime: Regime, ratings: { goalId: string; rating: number | null }[]) {
  const { min, max } = regime.goals.ratingScale;
  const fields: Parameters<typeof invalid>[0] = {};
  ratings.forEach((r, i) => {
    if (!loaded.goals.some((g) => g.id === r.goalId)) fields[`content.goals.${i}.goalId`] = "field.unknownGoal";
    else if (r.rating !== null && (r.rating < min || r.rating > max))
      fields[`content.goals.${i}.rating`] = { key: "field.scoreRange", values: { min, max } };
  });
  if (Object.keys(fields).length) throw invalid(fields);
}

/**
 * Saves the guide's feedback of a meeting as a draft. While the latest record is a draft it is
 * updated (with its version); once shared, saving starts the next numbered record — a
 * correction, with its reason — and the shared one stays as it was.
 */
export async function saveFeedback(tx: Tx, actor: Actor, meetingId: string, input: SaveFeedbackInput) {
  const { loaded, meeting } = await loadMeeting(tx, actor, meetingId, { forUpdate: true });
  if (!canRecordMeetings(loaded.viewer)) throw forbidden();
  assertOpen(loaded);
  const { regime } = loaded.row;
  if (!meetingType(regime, meeting.type)?.feedback) throw invalid({ content: "field.unknownMeetingType" });
  checkRatings(loaded, regime, input.content.goals);
  const records = loaded.feedback.filter((f) => f.meetingId === meetingId);
  const latest = records.at(-1);

  if (latest && !latest.sharedAt) {
    if (input.version === null) throw conflict();
    if (latest.number > 1 && !input.correctionReason?.trim())
      throw invalid({ correctionReason: "field.correctionReason" });
    await updateVersioned(
      tx,
      feedbackRecords,
      { id: latest.id, organisationId: actor.organisationId, expectedVersion: input.version },
      { content: input.content, correctionReason: latest.number > 1 ? input.correctionReason?.trim() || null : null },
    );
    await recordAudit(tx, actor, {
      type: "feedback.saved",
      subjectType: "feedback",
      subjectId: latest.id,
      after: { number: latest.number },
    });
    return;
  }
  if (input.version !== null) throw new HttpProblem(409, "feedback.shared");
  const correction = Boolean(latest);
  if (correction && !input.correctionReason?.trim()) throw invalid({ correctionReason: "field.correctionReason" });
  const [record] = await tx
    .insert(feedbackRecords)
    .values({
      organisationId: actor.organisationId,
      trajectoryId: loaded.row.id,
      meetingId,
      number: (latest?.number ?? 0) + 1,
      content: input.content,
      correctionReason: correction ? (input.correctionReason?.trim() ?? null) : null,
      createdBy: actor.userId,
    })
    .returning({ id: feedbackRecords.id, number: feedbackRecords.number });
  if (!record) throw new Error("insert returned nothing");
  await recordAudit(tx, actor, {
    type: "feedback.saved",
    subjectType: "feedback",
    subjectId: record.id,
    after: { meetingId, number: record.number, ...(correction ? { correctionOf: latest?.id } : {}) },
  });
}

/** Shares the draft with the trainee; from now on the record is evidence and never changes. */
export async function shareFeedback(tx: Tx, actor: Actor, meetingId: string, version: number) {
  const { loaded } = await loadMeeting(tx, actor, meetingId, { forUpdate: true });
  if (!canRecordMeetings(loaded.viewer)) throw forbidden();
  assertOpen(loaded);
  const latest = loaded.feedback.filter((f) => f.meetingId === meetingId).at(-1);
  if (!latest || latest.sharedAt) throw new HttpProblem(409, "feedback.nothingToShare");
  const shared = await updateVersioned(
    tx,
    feedbackRecords,
    { id: latest.id, organisationId: actor.organisationId, expectedVersion: version },
    { sharedAt: new Date() },
  );
  await recordAudit(tx, actor, {
    type: "feedback.shared",
    subjectType: "feedback",
    subjectId: latest.id,
    after: { meetingId, number: latest.number, sharedAt: shared.sharedAt?.toISOString() },
  });
}

/** The trainee marks a shared record as seen; the moment is kept, once. */
export async function markSeen(tx: Tx, actor: Actor, feedbackId: string) {
  const [record] = await tx
    .select({ meetingId: feedbackRecords.meetingId, sharedAt: feedbackRecords.sharedAt })
    .from(feedbackRecords)
    .where(and(eq(feedbackRecords.id, feedbackId), eq(feedbackRecords.organisationId, actor.organisationId)))
    .limit(1);
  if (!record) throw notFound();
  const { loaded } = await loadMeeting(tx, actor, record.meetingId);
  if (!record.sharedAt) throw notFound();
  if (!canMarkSeen(loaded.viewer)) throw forbidden();
  const inserted = await tx
    .insert(feedbackSeen)
    .values({ feedbackRecordId: feedbackId, organisationId: actor.organisationId, userId: actor.userId })
    .onConflictDoNothing()
    .returning({ seenAt: feedbackSeen.seenAt });
  if (inserted.length)
    await recordAudit(tx, actor, {
      type: "feedback.seen",
      subjectType: "feedback",
      subjectId: feedbackId,
      after: { seen: true },
    });
  return record.meetingId;
}

/** The trainee's self-assessment before the meeting; fixed once the meeting has been held. */
export async function saveSelfAssessment(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  input: { version: number | null; content: SelfAssessmentContent },
) {
  const { loaded, meeting } = await loadMeeting(tx, actor, meetingId, { forUpdate: true });
  if (!canSelfAssess(loaded.viewer)) throw forbidden();
  assertOpen(loaded);
  if (meeting.status !== "planned") throw new HttpProblem(409, "selfAssessment.closed");
  const { regime } = loaded.row;
  if (!meetingType(regime, meeting.type)?.selfAssessmentBefore) throw invalid({ content: "field.unknownMeetingType" });
  checkRatings(loaded, regime, input.content.goals);
  const existing = loaded.selfAssessments.find((s) => s.meetingId === meetingId && s.userId === actor.userId);
  if (existing) {
    if (input.version === null) throw conflict();
    await updateVersioned(
      tx,
      selfAssessments,
      { id: existing.id, organisationId: actor.organisationId, expectedVersion: input.version },
      { content: input.content, submittedAt: new Date() },
    );
  } else {
    if (input.version !== null) throw conflict();
    await tx.insert(selfAssessments).values({
      organisationId: actor.organisationId,
      trajectoryId: loaded.row.id,
      meetingId,
      userId: actor.userId,
      content: input.content,
    });
  }
  await recordAudit(tx, actor, {
    type: "selfAssessment.submitted",
    subjectType: "meeting",
    subjectId: meetingId,
    after: { goals: input.content.goals.length },
  });
}
