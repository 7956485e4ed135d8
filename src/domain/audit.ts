import { z } from "zod";

/** Every kind of change the audit log records; the UI names each in words. */
export const AUDIT_EVENT_TYPES = [
  "person.created",
  "person.updated",
  "person.deactivated",
  "person.reactivated",
  "person.imported",
  "person.accountUpdated",
  "registration.created",
  "registration.updated",
  "registration.deleted",
  "invitation.created",
  "invitation.accepted",
  "invitation.revoked",
  "invitation.resent",
  "branding.updated",
  "logo.updated",
  "network.renamed",
  "network.consensusRuleChanged",
  "framework.draftStarted",
  "framework.versionSaved",
  "framework.extended",
  "scan.started",
  "scan.finished",
  "scanFriend.invited",
  "scanFriend.withdrawn",
  "scanFriend.answered",
  "scanFriend.declined",
  "learningPath.created",
  "learningPath.updated",
  "learningPath.proposalAccepted",
  "framework.votingOpened",
  "framework.voteCast",
  "framework.published",
  "framework.withdrawn",
  "module.draftStarted",
  "module.versionSaved",
  "module.published",
  "module.completed",
  "certificate.issued",
  "case.created",
  "case.submitted",
  "case.reviewed",
  "case.withdrawn",
  "discussion.postHidden",
  "assignment.submitted",
  "assignment.reviewed",
  "regime.copied",
  "regime.updated",
  "requirementProfile.copied",
  "requirementProfile.updated",
  "trajectory.created",
  "trajectory.participantAdded",
  "trajectory.participantRemoved",
  "trajectory.planUpdated",
  "trajectory.consentGiven",
  "trajectory.statusChanged",
  "goal.created",
  "goal.updated",
  "goal.deleted",
  "goals.approved",
  "meeting.planned",
  "meeting.updated",
  "feedback.saved",
  "feedback.shared",
  "feedback.seen",
  "selfAssessment.submitted",
  "meeting.partWritten",
  "report.updated",
  "report.finalised",
  "declaration.signed",
  "declaration.versionStarted",
  "declaration.deviationUpdated",
  "motivation.uploaded",
  "calendar.renewed",
  "intervisionGroup.created",
  "intervisionGroup.updated",
  "intervisionGroup.archived",
  "intervisionGroup.memberAdded",
  "intervisionGroup.memberRemoved",
  "intervisionMeeting.planned",
  "intervisionMeeting.updated",
  "intervisionMeeting.held",
  "intervisionMeeting.attendanceConfirmed",
  "intervisionMeeting.notesSaved",
  "event.created",
  "event.updated",
  "event.cancelled",
  "event.registered",
  "event.registrationCancelled",
  "event.promoted",
  "event.attendance",
  "trainer.profileUpdated",
  "trainer.certified",
  "trainer.requested",
  "trainer.requestAnswered",
  "trainer.requestWithdrawn",
  "trainer.supervisedTrainingRecorded",
  "trainer.supervisedTrainingSignedOff",
] as const;

export const auditEventTypeSchema = z.enum(AUDIT_EVENT_TYPES);
export type AuditEventType = z.infer<typeof auditEventTypeSchema>;

export const AUDIT_SUBJECT_TYPES = [
  "person",
  "registration",
  "invitation",
  "organisation",
  "network",
  "framework",
  "scan",
  "learningPath",
  "module",
  "certificate",
  "case",
  "discussion",
  "regime",
  "requirementProfile",
  "trajectory",
  "goal",
  "meeting",
  "feedback",
  "report",
  "calendar",
  "declaration",
  "intervisionGroup",
  "intervisionMeeting",
  "event",
  "trainerRequest",
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

/** The fields a `diff` keeps: any of them, emptied to null where one side lacks it. */
export type Changed<T> = { [K in keyof T]?: T[K] | null };

/** Keeps only the fields that changed, so the log shows what happened and not the whole row. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Changed<T>; after: Changed<T> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    // A missing field and a null one are the same to a reader of the log.
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b as Changed<T>, after: a as Changed<T> };
}
