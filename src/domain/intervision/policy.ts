import { type Actor, hasRole } from "../roles.js";

/**
 * Who may do what with intervisie. Groups are made and staffed by the admin and the training
 * officer; everything in a group is its members' own: planning, recording, notes, the case
 * bringer, and each member confirms only their own line of the attendance list. Notes are for
 * members only, the admin included only when a member.
 */

export interface GroupViewer {
  roles: Actor["roles"];
  /** Whether the person is a current member of the group. */
  member: boolean;
}

export const canManageGroups = (actor: Pick<Actor, "roles">) => hasRole(actor, "admin", "training_officer");

/** Non-members who may not manage see nothing of a group: it does not exist for them (404). */
export const canSeeGroup = (viewer: GroupViewer) => viewer.member || canManageGroups(viewer);

/** The group's name, members and warnings; the managers see these, members see them too. */
export const canSeeMembers = canSeeGroup;

/** Meetings, their method, case bringer and attendance list. */
export const canSeeMeetings = canSeeGroup;

export const canManageMembers = (viewer: GroupViewer) => canManageGroups(viewer);

export const canEditGroup = (viewer: GroupViewer) => canManageGroups(viewer);

export const canPlanMeetings = (viewer: GroupViewer) => viewer.member;

export const canRecordMeetings = (viewer: GroupViewer) => viewer.member;

export const canChooseCaseBringer = (viewer: GroupViewer) => viewer.member;

export const canSeeNotes = (viewer: GroupViewer) => viewer.member;

export const canWriteNotes = (viewer: GroupViewer) => viewer.member;

/** A line of the attendance list is confirmed by its own person, present at the meeting, only. */
export const canConfirmAttendance = (
  viewer: GroupViewer & { userId: string },
  line: { userId: string; present: boolean },
) => viewer.member && viewer.userId === line.userId && line.present;

export interface GroupAbilities {
  manage: boolean;
  plan: boolean;
  record: boolean;
  notes: boolean;
}

export const groupAbilities = (viewer: GroupViewer): GroupAbilities => ({
  manage: canManageMembers(viewer),
  plan: canPlanMeetings(viewer),
  record: canRecordMeetings(viewer),
  notes: canSeeNotes(viewer),
});
