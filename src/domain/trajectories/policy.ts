import type { AdminAction, MeetingType, ParticipantRole, Regime, VisiblePart } from "../regimes/schema.js";
import type { Role } from "../roles.js";
import type { Viewer } from "./model.js";

/**
 * Who may see and do what in a trajectory. Nobody outside the trajectory sees it, except the
 * organisation admin. What each participant sees is the regime's data; so is what the admin sees
 * and does (`admin`): the admin manages, the participants the regime names read its content and
 * the opdrachtgever decides.
 */

export const isParticipant = (viewer: Viewer) => viewer.participantRoles.length > 0;

export const canViewTrajectory = (viewer: Viewer) => viewer.admin || isParticipant(viewer);

type Visibility = Pick<Regime, "participants" | "admin">;

export function canSee(viewer: Viewer, regime: Visibility, part: VisiblePart): boolean {
  if (viewer.participantRoles.some((role) => regime.participants.find((p) => p.role === role)?.sees.includes(part)))
    return true;
  return viewer.admin && adminReads(regime, part);
}

const is = (viewer: Viewer, role: ParticipantRole) => viewer.participantRoles.includes(role);

/**
 * The organisation roles a person needs to take each part: an opdrachtgever is a manager or the
 * training office (a praktijkopleider commissions a student's placement); the school's part is
 * the BPV-docent's.
 */
export const PARTICIPANT_ORG_ROLES: Record<ParticipantRole, readonly Role[]> = {
  trainee: ["trainee"],
  guide: ["guide"],
  commissioner: ["client", "training_officer"],
  school: ["school_contact"],
  // A colleague of the care team: anyone working in the organisation, not someone from outside.
  co_guide: ["guide", "trainee", "client", "training_officer", "trainer", "admin"],
};

/** The retention figures (numbers, no names): the admin and the training office, who answer for them. */
export const canSeeRetention = (actor: { roles: readonly string[] }) =>
  actor.roles.includes("admin") || actor.roles.includes("training_officer");

/** Starting a trajectory: the opdrachtgever (role client), the training office and the admin. */
export const canStartTrajectory = (roles: readonly string[]) =>
  roles.includes("client") || roles.includes("training_officer") || roles.includes("admin");

/**
 * Whether the organisation admin may read this part of the regime's trajectories, also in the
 * audit log: where not (confidential notes, feedback, all of a supervisie's content), the log
 * names what changed, not the content.
 */
export const adminReads = (regime: Pick<Regime, "admin">, part: VisiblePart) => regime.admin.sees.includes(part);

/** What the audit log keeps of a change whose content the admin may not read. */
export interface HiddenChange {
  after: { changed: string[]; trajectoryId?: string };
}

type Change = { before?: Record<string, unknown>; after?: Record<string, unknown> };

/** Audit values the admin may not read become the names of what changed. */
export function auditFor<C extends Change>(
  regime: Pick<Regime, "admin">,
  part: VisiblePart,
  change: C,
): C | HiddenChange {
  if (adminReads(regime, part)) return change;
  const keys = [...new Set([...Object.keys(change.before ?? {}), ...Object.keys(change.after ?? {})])];
  return { after: { changed: keys.filter((k) => k !== "trajectoryId"), ...pickTrajectory(change) } };
}

const pickTrajectory = (change: Change): { trajectoryId?: string } => {
  const id = change.after?.trajectoryId ?? change.before?.trajectoryId;
  return typeof id === "string" ? { trajectoryId: id } : {};
};

/** The admin acts only where the regime gives them the action (and so sees what it works on). */
const adminMay = (viewer: Viewer, regime: Pick<Regime, "admin">, action: AdminAction) =>
  viewer.admin && regime.admin.does.includes(action);

/** Whether a member may take this part: active, and holding one of the part's organisation roles. */
export const mayTakePart = (
  person: { status: string; roles: readonly Role[] } | undefined,
  part: ParticipantRole,
): person is { status: string; roles: readonly Role[] } =>
  person?.status === "active" && person.roles.some((r) => PARTICIPANT_ORG_ROLES[part].includes(r));

/**
 * Who may add and remove the parts a trajectory can do without (a co-guide, the school's
 * BPV-docent, an opdrachtgever) once it runs: the guide, the opdrachtgever, and the admin where
 * the regime lets them keep the plan.
 */
export const canManageParticipants = (viewer: Viewer, regime: Visibility) =>
  is(viewer, "guide") || is(viewer, "commissioner") || adminMay(viewer, regime, "editPlan");

/** The roles that may be added or removed while a trajectory runs: those it can do without. */
export const optionalRoles = (regime: Pick<Regime, "participants">) =>
  regime.participants.filter((p) => p.min === 0).map((p) => p.role);

/** The plan and the intake are the guide's to write. */
export const canEditPlan = (viewer: Viewer, regime: Visibility) =>
  is(viewer, "guide") || adminMay(viewer, regime, "editPlan");

/** Consent is the trainee's own, item by item; nobody gives it for them. */
export const canConsent = (viewer: Viewer) => is(viewer, "trainee");

export const canEditGoals = (viewer: Viewer, regime: Regime) =>
  regime.goals.setBy.some((role) => is(viewer, role)) || adminMay(viewer, regime, "editGoals");

/** The opdrachtgever approves; the admin only where the regime says so. */
export const canApproveGoals = (viewer: Viewer, regime: Regime) =>
  regime.goals.approvalByCommissioner && (is(viewer, "commissioner") || adminMay(viewer, regime, "approveGoals"));

export const canPlanMeetings = (viewer: Viewer, regime: Visibility) =>
  is(viewer, "guide") || adminMay(viewer, regime, "planMeetings");

export const canRecordMeetings = (viewer: Viewer) => is(viewer, "guide");

export const canSelfAssess = (viewer: Viewer) => is(viewer, "trainee");

/**
 * The role in which this viewer writes their own part of a meeting of this type (the BPV-docent's
 * part of a three-way conversation), or null. The guide's part is the notes and the feedback.
 */
export const meetingPartRole = (viewer: Viewer, type: Pick<MeetingType, "partsBy">): ParticipantRole | null =>
  type.partsBy.find((role) => is(viewer, role)) ?? null;

/** Hours worked on the placement are recorded by the roles the regime names (the workplace). */
export const canRecordWorkHours = (viewer: Viewer, regime: Pick<Regime, "workHours">) =>
  regime.workHours?.recordedBy.some((role) => is(viewer, role)) ?? false;

export const canMarkSeen = (viewer: Viewer) => is(viewer, "trainee");

export const canWriteReport = (viewer: Viewer, regime: Visibility) =>
  is(viewer, "guide") || adminMay(viewer, regime, "writeReport");

/**
 * An unannounced visit stays out of the trainee's sight (app and calendar) until it is held.
 * Other participants see it; so does the trainee once it took place.
 */
export const canSeeMeeting = (
  viewer: Viewer,
  regime: Visibility,
  meeting: { unannounced: boolean; status: string },
): boolean => {
  if (!canSee(viewer, regime, "meetings")) return false;
  if (!meeting.unannounced || meeting.status === "held") return true;
  return viewer.admin || viewer.participantRoles.some((role) => role !== "trainee");
};

/** Notes the guide marks confidential are for the trainee and guides, not the commissioner. */
export const canSeeNotes = (viewer: Viewer, regime: Visibility, meeting: { confidential: boolean }) =>
  canSee(viewer, regime, meeting.confidential ? "confidentialNotes" : "notes");

export interface TrajectoryAbilities {
  editPlan: boolean;
  consent: boolean;
  editGoals: boolean;
  approveGoals: boolean;
  planMeetings: boolean;
  recordMeetings: boolean;
  selfAssess: boolean;
  writeReport: boolean;
  seeHours: boolean;
  seeBilling: boolean;
  seeReport: boolean;
  manageParticipants: boolean;
  recordWorkHours: boolean;
}

/** What the UI may offer, decided by the same rules the server enforces. */
export function trajectoryAbilities(viewer: Viewer, regime: Regime): TrajectoryAbilities {
  return {
    editPlan: canEditPlan(viewer, regime),
    consent: canConsent(viewer),
    editGoals: canEditGoals(viewer, regime),
    approveGoals: canApproveGoals(viewer, regime),
    planMeetings: canPlanMeetings(viewer, regime),
    recordMeetings: canRecordMeetings(viewer),
    selfAssess: canSelfAssess(viewer),
    writeReport: canWriteReport(viewer, regime),
    seeHours: canSee(viewer, regime, "hours"),
    seeBilling: canSee(viewer, regime, "billing"),
    seeReport: canSee(viewer, regime, "report"),
    manageParticipants: canManageParticipants(viewer, regime) && optionalRoles(regime).length > 0,
    recordWorkHours: canRecordWorkHours(viewer, regime),
  };
}
