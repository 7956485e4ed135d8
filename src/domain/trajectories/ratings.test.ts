import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type RatedMeeting, ratingSeries } from "./ratings.js";
import { feedbackRatings, goal, goalId, selfRatings } from "./test-factories.js";

const rated = (id: string, startsAt: string, changes: Partial<RatedMeeting> = {}): RatedMeeting => ({
  id,
  startsAt,
  feedback: null,
  selfAssessment: null,
  ...changes,
});

describe("ratingSeries", () => {
  it("gives each goal its guide and self ratings per meeting, ordered by date", () => {
    const meetings = [
      rated("m-3", "2026-03-16T14:00:00Z", { feedback: feedbackRatings({ [goalId(1)]: 3, [goalId(2)]: 2 }) }),
      rated("m-1", "2026-02-16T14:00:00Z", {
        feedback: feedbackRatings({ [goalId(1)]: 1 }),
        selfAssessment: selfRatings({ [goalId(1)]: 2, [goalId(2)]: 1 }),
      }),
      rated("m-2", "2026-03-02T14:00:00Z", { selfAssessment: selfRatings({ [goalId(1)]: 3 }) }),
    ];
    expect(ratingSeries([goal(1), goal(2)], meetings)).toEqual([
      {
        goal: goal(1),
        points: [
          { meetingId: "m-1", date: "2026-02-16T14:00:00Z", guide: 1, self: 2 },
          { meetingId: "m-2", date: "2026-03-02T14:00:00Z", guide: null, self: 3 },
          { meetingId: "m-3", date: "2026-03-16T14:00:00Z", guide: 3, self: null },
        ],
      },
      {
        goal: goal(2),
        points: [
          { meetingId: "m-1", date: "2026-02-16T14:00:00Z", guide: null, self: 1 },
          { meetingId: "m-3", date: "2026-03-16T14:00:00Z", guide: 2, self: null },
        ],
      },
    ]);
  });

  it("leaves out meetings that rate the goal with neither a number nor at all", () => {
    const meetings = [
      rated("m-1", "2026-02-16T14:00:00Z"),
      rated("m-2", "2026-03-02T14:00:00Z", {
        feedback: feedbackRatings({ [goalId(1)]: null }),
        selfAssessment: selfRatings({ [goalId(2)]: 4 }),
      }),
    ];
    expect(ratingSeries([goal(1)], meetings)).toEqual([{ goal: goal(1), points: [] }]);
  });

  it("carries the ratings of the goal a continued goal comes from", () => {
    const origin = goalId(1);
    const continued = goal(101, { originGoalId: origin });
    const meetings = [
      rated("old-1", "2026-01-12T14:00:00Z", { feedback: feedbackRatings({ [origin]: 1 }) }),
      rated("new-1", "2026-04-13T14:00:00Z", { feedback: feedbackRatings({ [continued.id]: 3 }) }),
      rated("old-2", "2026-02-09T14:00:00Z", { selfAssessment: selfRatings({ [origin]: 2 }) }),
    ];
    const [series] = ratingSeries([continued], meetings);
    expect(series!.points).toEqual([
      { meetingId: "old-1", date: "2026-01-12T14:00:00Z", guide: 1, self: null },
      { meetingId: "old-2", date: "2026-02-09T14:00:00Z", guide: null, self: 2 },
      { meetingId: "new-1", date: "2026-04-13T14:00:00Z", guide: 3, self: null },
    ]);
    // The origin goal itself does not take the continued goal's ratings.
    expect(ratingSeries([goal(1)], meetings)[0]!.points.map((p) => p.meetingId)).toEqual(["old-1", "old-2"]);
  });

  it("holds: one series per goal, points in date order, each with a rating the meeting gave that goal", () => {
    const goals = [goal(1), goal(2), goal(3)];
    const rating = fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined });
    const ratingsFor = fc
      .tuple(rating, rating, rating)
      .map((list) => Object.fromEntries(list.flatMap((r, i) => (r === undefined ? [] : [[goalId(i + 1), r]]))));
    const arbMeeting = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      feedback: fc.option(ratingsFor.map(feedbackRatings), { nil: null }),
      selfAssessment: fc.option(ratingsFor.map(selfRatings), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbMeeting, { maxLength: 12 }), (list) => {
        const meetings = list.map((m, i) =>
          rated(`m-${i}`, `2026-02-${String(m.day).padStart(2, "0")}T14:00:00Z`, {
            feedback: m.feedback,
            selfAssessment: m.selfAssessment,
          }),
        );
        const series = ratingSeries(goals, meetings);
        expect(series.map((s) => s.goal)).toEqual(goals);
        for (const { goal: g, points } of series) {
          expect(points.map((p) => p.date)).toEqual(points.map((p) => p.date).sort());
          for (const point of points) {
            const source = meetings.find((m) => m.id === point.meetingId)!;
            expect(point.guide ?? null).toBe(source.feedback?.goals.find((r) => r.goalId === g.id)?.rating ?? null);
            expect(point.self ?? null).toBe(
              source.selfAssessment?.goals.find((r) => r.goalId === g.id)?.rating ?? null,
            );
            expect(point.guide !== null || point.self !== null).toBe(true);
          }
          const ratedMeetings = meetings.filter(
            (m) =>
              m.feedback?.goals.some((r) => r.goalId === g.id) ||
              m.selfAssessment?.goals.some((r) => r.goalId === g.id),
          );
          expect(points).toHaveLength(ratedMeetings.length);
        }
      }),
    );
  });
});
