import type { FeedbackContent, GoalSnapshot, SelfAssessmentContent } from "./model.js";

export interface RatingPoint {
  meetingId: string;
  date: string;
  guide: number | null;
  self: number | null;
}

export interface RatedMeeting {
  id: string;
  startsAt: string;
  /** The latest shared feedback record of the meeting, if any. */
  feedback: FeedbackContent | null;
  selfAssessment: SelfAssessmentContent | null;
}

/**
 * Each goal's ratings over the meetings: the guide's from shared feedback, the trainee's own
 * from the self-assessment before that meeting. Meetings without either are left out.
 */
export function ratingSeries(goals: readonly GoalSnapshot[], meetings: readonly RatedMeeting[]) {
  const ordered = [...meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return goals.map((goal) => {
    // An escalated trajectory's goal carries the ratings of the goal it continues.
    const ids = new Set([goal.id, ...(goal.originGoalId ? [goal.originGoalId] : [])]);
    const points: RatingPoint[] = [];
    for (const meeting of ordered) {
      const guide = meeting.feedback?.goals.find((g) => ids.has(g.goalId))?.rating ?? null;
      const self = meeting.selfAssessment?.goals.find((g) => ids.has(g.goalId))?.rating ?? null;
      if (guide !== null || self !== null) points.push({ meetingId: meeting.id, date: meeting.startsAt, guide, self });
    }
    return { goal, points };
  });
}
