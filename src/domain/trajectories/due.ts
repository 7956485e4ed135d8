import { overdueDeclarations } from "../declarations/deadlines.js";
import { addDays, dutchDay } from "../dutch-time.js";
import type { DueKind } from "./due-kinds.js";
import { goalListState, isTerminal, meetingType } from "./evaluate.js";
import type { TrajectoryState, Viewer } from "./model.js";

export interface DueItem {
  kind: DueKind;
  /** The day (or moment, for meetings) it is due; null when it is due now. */
  dueAt: string | null;
  meetingId?: string;
  text?: string;
}

/** Agreements stay on the list this many days after their due date, then drop off. */
const AGREEMENT_GRACE_DAYS = 7;

/**
 * What this viewer should do in this trajectory, as of `now` (an ISO time). The home page lists
 * these across trajectories; the calendar feed carries the dated ones.
 */
export function whatIsDue(state: TrajectoryState, viewer: Viewer, now: string): DueItem[] {
  const roles = new Set(viewer.participantRoles);
  // The Dutch day: from midnight to 01:00 or 02:00 Dutch time the UTC day is still yesterday.
  const today = dutchDay(now);
  // A late declaration stays on the list whatever the status: the register still needs it.
  const late = lateDeclarations(state, roles, today);
  if (isTerminal(state.regime, state.status)) return late;
  const items: DueItem[] = [...late];
  const graceStart = addDays(today, -AGREEMENT_GRACE_DAYS);

  if (roles.has("trainee")) {
    if (state.regime.consents.some((c) => !state.consents[c.key]?.given) && state.status === state.regime.initialStatus)
      items.push({ kind: "consent", dueAt: null });
    for (const meeting of state.meetings) {
      const type = meetingType(state.regime, meeting.type);
      if (
        type?.selfAssessmentBefore &&
        meeting.status === "planned" &&
        !meeting.unannounced &&
        !meeting.selfAssessed &&
        state.goals.length > 0
      )
        items.push({ kind: "selfAssessment", dueAt: meeting.startsAt, meetingId: meeting.id });
      for (const record of meeting.feedback)
        if (record.shared && !record.seenByTrainee)
          items.push({ kind: "feedbackUnseen", dueAt: null, meetingId: meeting.id });
      for (const agreement of meeting.agreements)
        if (agreement.dueOn && agreement.dueOn >= graceStart)
          items.push({ kind: "agreement", dueAt: agreement.dueOn, meetingId: meeting.id, text: agreement.text });
    }
  }

  if (roles.has("commissioner") && state.regime.goals.approvalByCommissioner) {
    const goals = goalListState(state);
    if (goals === "unapproved" || goals === "changed") items.push({ kind: "approveGoals", dueAt: null });
  }

  if (roles.has("guide")) {
    const intakeOpen = state.regime.planFields.some(
      (f) => f.stage === "intake" && f.required && !state.plan[f.key]?.trim(),
    );
    if (state.status === state.regime.initialStatus && intakeOpen) items.push({ kind: "intake", dueAt: null });
    if (state.goals.length === 0 && state.status !== state.regime.initialStatus)
      items.push({ kind: "writeGoals", dueAt: null });
    for (const meeting of state.meetings) {
      if (meeting.status === "planned" && meeting.startsAt <= now)
        items.push({ kind: "recordMeeting", dueAt: meeting.startsAt, meetingId: meeting.id });
      const type = meetingType(state.regime, meeting.type);
      if (type?.feedback && meeting.status === "held" && !meeting.feedback.some((f) => f.shared))
        items.push({ kind: "shareFeedback", dueAt: null, meetingId: meeting.id });
    }
    const reporting = state.regime.transitions.some(
      (t) => t.from.includes(state.status) && t.guards.some((g) => g.kind === "reportFinal"),
    );
    if (reporting && !state.reportFinal) items.push({ kind: "finalReport", dueAt: null });
  }

  if (roles.size > 0)
    for (const moment of state.evaluationMoments)
      if (moment.date >= today) items.push({ kind: "evaluation", dueAt: moment.date, text: moment.label });

  return items.sort((a, b) => (a.dueAt ?? "").localeCompare(b.dueAt ?? ""));
}

/** The dated declarations past their date and not signed, for those who sign them. */
function lateDeclarations(state: TrajectoryState, roles: ReadonlySet<string>, today: string): DueItem[] {
  const facts = state.declarations;
  if (!facts) return [];
  const specs = (state.regime.declarations ?? []).filter((spec) =>
    spec.signers.some((slot) => slot.roles.some((role) => roles.has(role))),
  );
  return overdueDeclarations(
    specs,
    { startsOn: facts.startsOn ?? null, endsOn: facts.endsOn ?? null, reregistrationDate: facts.reregistrationDate },
    facts.signedKinds,
    today,
  ).map((late) => ({ kind: "declarationOverdue", dueAt: late.date }));
}
