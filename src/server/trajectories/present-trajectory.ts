import type { Locale, Regime } from "../../domain/regimes/schema.js";
import type { DueItemView, MeetingSummary, TrajectoryDetail } from "../../domain/trajectories/api.js";
import { whatIsDue } from "../../domain/trajectories/due.js";
import {
  availableTransitions,
  describeBlocker,
  goalListState,
  meetingProgress,
  reasonOptions,
  unapprovedGoals,
} from "../../domain/trajectories/evaluate.js";
import { hoursSummary } from "../../domain/trajectories/hours.js";
import type { TrajectoryState } from "../../domain/trajectories/model.js";
import { canSee, canSeeMeeting, canWriteReport, trajectoryAbilities } from "../../domain/trajectories/policy.js";
import { ratingSeries } from "../../domain/trajectories/ratings.js";
import {
  goalSnapshot,
  goalView,
  type LoadedTrajectory,
  latestShared,
  type StateSource,
  stateOf,
  traineeIds,
} from "./load-trajectory.js";
import { presentWorkHours, type WorkHoursRow } from "./work-hours.js";

export interface Links {
  escalatedFrom: { id: string; title: string } | null;
  escalatedTo: { id: string; title: string } | null;
}

/** For documents, which show no links to other trajectories. */
export const NO_LINKS: Links = { escalatedFrom: null, escalatedTo: null };

/** Held meetings with the guide's shared feedback and the trainee's self-assessment of each. */
function ratedMeetings(loaded: LoadedTrajectory) {
  const shared = latestShared(loaded);
  const trainees = traineeIds(loaded);
  return loaded.meetings
    .filter((m) => m.status === "held")
    .map((m) => ({
      id: m.id,
      startsAt: m.startsAt.toISOString(),
      feedback: shared.get(m.id)?.content ?? null,
      selfAssessment:
        loaded.selfAssessments.find((s) => s.meetingId === m.id && trainees.has(s.userId))?.content ?? null,
    }));
}

/**
 * Ratings per goal over the meetings: the guide's from shared feedback, the trainee's own. A
 * trajectory escalated from another also shows the ratings its goals had there.
 */
export function ratingsOf(loaded: LoadedTrajectory) {
  return ratingSeries(loaded.goals.map(goalSnapshot), [
    ...(loaded.origin ? ratedMeetings(loaded.origin) : []),
    ...ratedMeetings(loaded),
  ]);
}

/**
 * The state, and the state as this viewer may know it: the trainee's counts and to-do list
 * leave out unannounced visits still to come, or they would tell.
 */
function visibleStateOf<Source extends StateSource>(loaded: Source) {
  const state = stateOf(loaded);
  const visibleMeetings: Source["meetings"] = loaded.meetings.filter((m) =>
    canSeeMeeting(loaded.viewer, loaded.row.regime, m),
  );
  const visible = new Set(visibleMeetings.map((m) => m.id));
  return {
    state,
    visibleMeetings,
    visibleState: {
      ...state,
      meetings: state.meetings.filter((m) => visible.has(m.id)),
      // Evaluation moments are part of the plan: who may not read it is not told them (supervisie).
      evaluationMoments: canSee(loaded.viewer, loaded.row.regime, "plan") ? state.evaluationMoments : [],
    },
  };
}

const dueItems = (loaded: StateSource, visibleState: TrajectoryState, now: Date): DueItemView[] =>
  whatIsDue(visibleState, loaded.viewer, now.toISOString()).map((item) => ({
    ...item,
    trajectoryId: loaded.row.id,
    trajectoryTitle: loaded.row.title,
  }));

/** What is due for this viewer in this trajectory. */
export const dueFor = (loaded: StateSource, now: Date) => dueItems(loaded, visibleStateOf(loaded).visibleState, now);

/**
 * The report this viewer may read: the final one for all who see reports, the draft for whoever
 * writes it. The page, the report's API and its PDF all ask this.
 */
export const readableReport = (loaded: LoadedTrajectory) => {
  const { report, viewer, row } = loaded;
  if (!report || !canSee(viewer, row.regime, "report")) return null;
  return report.status === "final" || canWriteReport(viewer, row.regime) ? report : null;
};

/** What leaves the server about a trajectory: only the parts this viewer may see. */
export function presentTrajectory(
  loaded: LoadedTrajectory,
  links: Links,
  locale: Locale,
  now: Date,
  workHours: readonly WorkHoursRow[] | null = null,
): TrajectoryDetail {
  const { row, viewer } = loaded;
  const regime = row.regime;
  const { state, visibleState, visibleMeetings } = visibleStateOf(loaded);
  const sees = (part: Parameters<typeof canSee>[2]) => canSee(viewer, regime, part);
  const facts = new Map(state.meetings.map((f) => [f.id, f]));

  const meetings: MeetingSummary[] = visibleMeetings.map((m) => {
    const fact = facts.get(m.id);
    return {
      id: m.id,
      type: m.type,
      startsAt: m.startsAt.toISOString(),
      durationMinutes: m.durationMinutes,
      preparationMinutes: m.preparationMinutes,
      travelMinutes: m.travelMinutes,
      unannounced: m.unannounced,
      status: m.status,
      location: m.location,
      mode: m.mode,
      groupSize: m.groupSize,
      confidential: m.confidential,
      version: m.version,
      selfAssessed: fact?.selfAssessed ?? false,
      feedbackShared: fact?.feedback.some((f) => f.shared) ?? false,
      feedbackUnseen: fact?.feedback.some((f) => f.shared && !f.seenByTrainee) ?? false,
    };
  });

  const due = dueItems(loaded, visibleState, now);
  // A draft report is the guide's work in progress; the others see it once it is final.
  const readable = readableReport(loaded);

  return {
    id: row.id,
    title: row.title,
    status: row.status,
    statusReason: row.statusReason,
    statusChoice: statusChoiceLabel(regime, row.status, row.statusReasonCode, locale),
    statusOn: row.statusOn,
    regimeKey: row.regimeKey,
    regime,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    version: row.version,
    viewerRoles: viewer.participantRoles,
    participants: loaded.participants,
    plan: sees("plan") ? row.plan : null,
    intensity: sees("plan") ? row.intensity : null,
    evaluationMoments: sees("plan") ? row.evaluationMoments : [],
    guideEligibility: row.guideEligibility ?? null,
    consents: row.consents,
    goals: sees("goals") ? loaded.goals.map(goalView) : null,
    goalList: {
      state: goalListState(state),
      unapprovedGoalIds: unapprovedGoals(state).map((g) => g.id),
      versions: sees("goals")
        ? loaded.goalLists.map((l) => ({
            number: l.number,
            approvedAt: l.approvedAt.toISOString(),
            approvedBy: l.approvedBy,
            goals: l.goals.map(({ originGoalId: _, ...g }) => g),
          }))
        : [],
    },
    meetings: sees("meetings") ? meetings : null,
    progress: meetingProgress(visibleState),
    // Held meetings are visible to all who see meetings; those who see only hours count them too.
    hours: sees("hours") ? hoursSummary(state.meetings) : null,
    workHours: sees("hours") ? presentWorkHours(loaded, workHours) : null,
    ratings:
      sees("feedback") || sees("selfAssessments")
        ? ratingsOf(loaded).map((s) => ({
            goalId: s.goal.id,
            points: s.points.map((p) => ({
              ...p,
              guide: sees("feedback") ? p.guide : null,
              self: sees("selfAssessments") ? p.self : null,
            })),
          }))
        : null,
    ratingKinds: [
      ...(sees("feedback") ? ["guide" as const] : []),
      ...(sees("selfAssessments") ? ["self" as const] : []),
    ],
    transitions: availableTransitions(state, viewer).map((check) => ({
      key: check.transition.key,
      label: check.transition.label[locale],
      to: check.transition.to,
      allowed: check.allowed,
      overridable: check.overridable,
      needsReason: check.needsReason,
      reasons: check.reasons.map((r) => ({ value: r.value, label: r.label[locale] })),
      needsDate: check.needsDate,
      blockers: check.blockers.map((b) => ({ code: b.code, text: describeBlocker(regime, b, locale) })),
    })),
    due,
    report: readable ? { status: readable.status, finalisedAt: readable.finalisedAt?.toISOString() ?? null } : null,
    escalatedFrom: links.escalatedFrom,
    escalatedTo: links.escalatedTo,
    abilities: trajectoryAbilities(viewer, regime),
  };
}

/** The words of the reason chosen for the current status, from the transitions that lead to it. */
function statusChoiceLabel(regime: Regime, status: string, code: string | null, locale: Locale) {
  if (!code) return null;
  const options = regime.transitions.filter((t) => t.to === status).flatMap(reasonOptions);
  return options.find((o) => o.value === code)?.label[locale] ?? code;
}
