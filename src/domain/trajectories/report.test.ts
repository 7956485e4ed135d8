import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RatingPoint } from "./ratings.js";
import { draftReport, goalResult, type ReportFacts } from "./report.js";
import { coachingRegime, copyRegime, goal, teacherRegime } from "./test-factories.js";

const teacher = teacherRegime();

const point = (date: string, guide: number | null, self: number | null = null): RatingPoint => ({
  meetingId: `m-${date}`,
  date,
  guide,
  self,
});

const facts = (changes: Partial<ReportFacts> = {}): ReportFacts => ({
  regime: teacher,
  goals: [],
  meetings: [],
  startsOn: "2026-01-12",
  endsOn: "2026-06-26",
  ...changes,
});

describe("goalResult", () => {
  it("takes the first and last guide rating and places the last on the regime's scale", () => {
    const points = [point("2026-02-16", 1, 2), point("2026-03-02", null, 3), point("2026-03-16", 3)];
    expect(goalResult(teacher, points)).toEqual({
      first: 1,
      last: 3,
      share: 67,
      lastLabel: { nl: "Meer sterk dan zwak", en: "More strong than weak" },
      max: 4,
    });
  });

  it("is empty when only the trainee rated the goal", () => {
    expect(goalResult(teacher, [point("2026-02-16", null, 4)])).toEqual({
      first: null,
      last: null,
      share: null,
      lastLabel: null,
      max: 4,
    });
  });

  it("has no label on a scale without labels", () => {
    expect(goalResult(coachingRegime(), [point("2026-02-16", 10)])).toEqual({
      first: 10,
      last: 10,
      share: 100,
      lastLabel: null,
      max: 10,
    });
  });
});

describe("draftReport", () => {
  const goals = [
    {
      goal: goal(1, { title: "Geeft gedifferentieerde instructie" }),
      points: [point("2026-02-16", 1), point("2026-03-16", 3)],
    },
    { goal: goal(2, { title: "Wisselt de lesvorm" }), points: [point("2026-03-16", 4)] },
    { goal: goal(3, { title: "Werkt met strategieën" }), points: [point("2026-03-16", null, 2)] },
  ];
  const meetings = [
    { type: "classroom_visit", startsAt: "2026-03-16T09:00:00.000Z", status: "held" },
    { type: "intake", startsAt: "2026-01-12T13:00:00.000Z", status: "held" },
    { type: "classroom_visit", startsAt: "2026-04-20T09:00:00.000Z", status: "planned" },
    { type: "feedback_conversation", startsAt: "2026-03-17T15:00:00.000Z", status: "cancelled" },
    { type: "feedback_conversation", startsAt: "2026-03-16T14:00:00.000Z", status: "held" },
  ];

  it("drafts every section of the regime, in Dutch", () => {
    const report = draftReport(facts({ goals, meetings }), "nl");
    expect(Object.keys(report)).toEqual(teacher.report.sections.map((s) => s.key));
    expect(report.results).toBe(
      [
        "1. Geeft gedifferentieerde instructie\nLaatste beoordeling: 3 / 4 (Meer sterk dan zwak). Verloop: van 1 naar 3.",
        "2. Wisselt de lesvorm\nLaatste beoordeling: 4 / 4 (Overwegend sterk).",
        "3. Werkt met strategieën\nNog niet beoordeeld.",
      ].join("\n\n"),
    );
    expect(report.process).toBe(
      [
        "Het traject liep van 12 januari 2026 tot 26 juni 2026. Er zijn 3 bijeenkomsten gehouden:",
        "- 12 januari 2026: Intakegesprek",
        "- 16 maart 2026: Klassenbezoek",
        "- 16 maart 2026: Feedbackgesprek",
      ].join("\n"),
    );
    expect(report.attention_points).toBe("");
  });

  it("drafts the same in English", () => {
    const report = draftReport(facts({ goals, meetings }), "en");
    expect(report.results).toContain(
      "1. Geeft gedifferentieerde instructie\nLast rating: 3 / 4 (More strong than weak). Course: from 1 to 3.",
    );
    expect(report.results).toContain("3. Werkt met strategieën\nNot rated yet.");
    expect(report.process).toBe(
      [
        "The trajectory ran from 12 January 2026 to 26 June 2026. 3 meetings were held:",
        "- 12 January 2026: Intake meeting",
        "- 16 March 2026: Classroom visit",
        "- 16 March 2026: Feedback conversation",
      ].join("\n"),
    );
  });

  it("says one meeting in the singular", () => {
    const one = facts({ meetings: [{ type: "intake", startsAt: "2026-01-12T13:00:00Z", status: "held" }] });
    expect(draftReport(one, "nl").process).toContain("Er is 1 bijeenkomst gehouden:");
    expect(draftReport(one, "en").process).toContain("1 meeting was held:");
  });

  it("starts a text section from the regime's draft", () => {
    const regime = copyRegime(teacher, (r) => {
      r.report.sections = r.report.sections.map((s) =>
        s.key === "next_steps" ? { ...s, draft: { nl: "Geen vervolg nodig.", en: "No next steps needed." } } : s,
      );
    });
    expect(draftReport(facts({ regime }), "nl").next_steps).toBe("Geen vervolg nodig.");
    expect(draftReport(facts({ regime }), "en").next_steps).toBe("No next steps needed.");
  });

  it("holds: every goal title and every held meeting's date appear, in both languages", () => {
    const arbGoal = fc.record({
      title: fc.string({ minLength: 1, maxLength: 30 }),
      rating: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    });
    const arbMeeting = fc.record({
      type: fc.constantFrom(...teacher.meetingTypes.map((t) => t.key)),
      day: fc.integer({ min: 0, max: 150 }),
      status: fc.constantFrom("planned", "held", "cancelled"),
    });
    fc.assert(
      fc.property(
        fc.array(arbGoal, { maxLength: 15 }),
        fc.array(arbMeeting, { maxLength: 15 }),
        fc.constantFrom("nl" as const, "en" as const),
        (goalList, meetingList, locale) => {
          const input = facts({
            goals: goalList.map((g, i) => ({
              goal: goal(i + 1, { title: g.title }),
              points: [point("2026-03-01", g.rating)],
            })),
            meetings: meetingList.map((m) => ({
              type: m.type,
              status: m.status,
              startsAt: new Date(Date.UTC(2026, 0, 12 + m.day, 10)).toISOString(),
            })),
          });
          const report = draftReport(input, locale);
          input.goals.forEach(({ goal: g }, i) => {
            expect(report.results).toContain(`${i + 1}. ${g.title}\n`);
          });
          const lines = report.process!.split("\n");
          const held = input.meetings.filter((m) => m.status === "held");
          expect(lines).toHaveLength(held.length + 1);
          const format = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
            dateStyle: "long",
            timeZone: "Europe/Amsterdam",
          });
          for (const m of held) expect(report.process).toContain(`- ${format.format(new Date(m.startsAt))}: `);
        },
      ),
    );
  });
});
