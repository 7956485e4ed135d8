import type { MeetingDetail } from "../../domain/trajectories/api.js";
import { meetingType } from "../../domain/trajectories/evaluate.js";
import {
  canMarkSeen,
  canPlanMeetings,
  canRecordMeetings,
  canSee,
  canSeeNotes,
  canSelfAssess,
  meetingPartRole,
} from "../../domain/trajectories/policy.js";
import {
  goalView,
  type LoadedTrajectory,
  type MeetingPartRow,
  type MeetingRow,
  meetingFacts,
  traineeIds,
} from "./load-trajectory.js";

/** A meeting as this viewer may see it: notes only where allowed, drafts only for the guide. */
export function presentMeeting(
  loaded: LoadedTrajectory,
  meeting: MeetingRow,
  parts: readonly MeetingPartRow[] = [],
): MeetingDetail {
  const { viewer, row } = loaded;
  const regime = row.regime;
  const type = meetingType(regime, meeting.type);
  const fact = meetingFacts(loaded).find((f) => f.id === meeting.id);
  const writer = canRecordMeetings(viewer);
  const names = new Map(loaded.participants.map((p) => [p.userId, p.name]));
  const notesVisible = canSeeNotes(viewer, regime, meeting);
  const trainees = traineeIds(loaded);
  const selfAssessment = loaded.selfAssessments.find((s) => s.meetingId === meeting.id && trainees.has(s.userId));
  const feedback = loaded.feedback
    // A draft is its writer's until shared: not the admin's, whatever the regime lets the admin see.
    .filter((f) => f.meetingId === meeting.id && (f.sharedAt !== null || writer))
    .map((f) => ({
      id: f.id,
      number: f.number,
      content: f.content,
      correctionReason: f.correctionReason,
      sharedAt: f.sharedAt?.toISOString() ?? null,
      createdAt: f.createdAt.toISOString(),
      createdBy: f.createdBy ? (names.get(f.createdBy) ?? null) : null,
      seenAt:
        loaded.seen.find((s) => s.feedbackRecordId === f.id && trainees.has(s.userId))?.seenAt.toISOString() ?? null,
      version: f.version,
    }))
    .reverse();
  return {
    id: meeting.id,
    type: meeting.type,
    startsAt: meeting.startsAt.toISOString(),
    durationMinutes: meeting.durationMinutes,
    preparationMinutes: meeting.preparationMinutes,
    travelMinutes: meeting.travelMinutes,
    unannounced: meeting.unannounced,
    status: meeting.status,
    location: meeting.location,
    mode: meeting.mode,
    groupSize: meeting.groupSize,
    confidential: meeting.confidential,
    version: meeting.version,
    selfAssessed: fact?.selfAssessed ?? false,
    feedbackShared: fact?.feedback.some((f) => f.shared) ?? false,
    feedbackUnseen: fact?.feedback.some((f) => f.shared && !f.seenByTrainee) ?? false,
    trajectoryId: row.id,
    trajectoryTitle: row.title,
    regime,
    viewerRoles: viewer.participantRoles,
    notes: notesVisible ? meeting.notes : null,
    notesHidden: !notesVisible && meeting.notes !== null,
    observation: canSee(viewer, regime, "feedback") || writer ? meeting.observation : null,
    heldAt: meeting.heldAt?.toISOString() ?? null,
    goals: canSee(viewer, regime, "goals") ? loaded.goals.map(goalView) : [],
    feedback: type?.feedback && canSee(viewer, regime, "feedback") ? feedback : null,
    selfAssessment:
      selfAssessment && canSee(viewer, regime, "selfAssessments")
        ? {
            content: selfAssessment.content,
            submittedAt: selfAssessment.submittedAt.toISOString(),
            version: selfAssessment.version,
          }
        : null,
    // Another participant's part is read as the notes are; the writer always reads their own.
    parts: parts
      .filter((p) => notesVisible || p.writtenBy === viewer.userId)
      .map((p) => ({
        role: p.role,
        text: p.text,
        writtenBy: p.writerName ?? names.get(p.writtenBy) ?? null,
        own: p.writtenBy === viewer.userId,
        updatedAt: p.updatedAt.toISOString(),
        version: p.version,
      })),
    abilities: {
      edit: canPlanMeetings(viewer, regime) || writer,
      writePart: type && meeting.status !== "cancelled" ? meetingPartRole(viewer, type) : null,
      writeFeedback: writer && Boolean(type?.feedback),
      selfAssess: canSelfAssess(viewer) && Boolean(type?.selfAssessmentBefore) && meeting.status === "planned",
      markSeen: canMarkSeen(viewer),
    },
  };
}
