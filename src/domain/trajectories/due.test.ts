import { describe, expect, it } from "vitest";
import { type DueItem, whatIsDue } from "./due.js";
import type { TrajectoryState, Viewer } from "./model.js";
import {
  adminViewer,
  coachingRegime,
  meeting,
  outsider,
  teacherRegime,
  trajectoryState,
  viewer,
  withMeetingType,
} from "./test-factories.js";

const NOW = "2026-03-10T12:00:00.000Z";
const trainee = viewer("trainee");
const guide = viewer("guide");
const commissioner = viewer("commissioner");

const due = (state: TrajectoryState, who: Viewer) => whatIsDue(state, who, NOW);
const kinds = (items: DueItem[]) => items.map((i) => i.kind);

/** A feedback conversation planned after now, announced, not yet prepared by the trainee. */
const conversation = (changes: Parameters<typeof meeting>[0] = {}) =>
  meeting({
    id: "conv-1",
    type: "feedback_conversation",
    status: "planned",
    startsAt: "2026-03-12T14:00:00.000Z",
    ...changes,
  });

const running = (changes: Parameters<typeof trajectoryState>[0] = {}) =>
  trajectoryState({
    status: "running",
    goals: 3,
    approved: true,
    intakeComplete: true,
    consentsGiven: true,
    ...changes,
  });

describe("whatIsDue for the trainee", () => {
  it("asks a self-assessment before an announced, planned feedback conversation", () => {
    expect(due(running({ meetings: [conversation()] }), trainee)).toEqual([
      { kind: "selfAssessment", dueAt: "2026-03-12T14:00:00.000Z", meetingId: "conv-1" },
    ]);
  });

  it("asks none before an unannounced one, once it is done, after it was held, or without goals", () => {
    expect(due(running({ meetings: [conversation({ unannounced: true })] }), trainee)).toEqual([]);
    expect(due(running({ meetings: [conversation({ selfAssessed: true })] }), trainee)).toEqual([]);
    expect(kinds(due(running({ meetings: [conversation({ status: "held" })] }), trainee))).not.toContain(
      "selfAssessment",
    );
    expect(due(running({ meetings: [conversation({ status: "cancelled" })] }), trainee)).toEqual([]);
    expect(due(running({ goals: 0, meetings: [conversation()] }), trainee)).toEqual([]);
  });

  it("asks none before a meeting type without self-assessment, unless a copied regime asks it", () => {
    const visit = meeting({
      id: "visit-1",
      type: "classroom_visit",
      status: "planned",
      startsAt: "2026-03-12T09:00:00Z",
    });
    expect(due(running({ meetings: [visit] }), trainee)).toEqual([]);
    const regime = withMeetingType(teacherRegime(), "classroom_visit", { selfAssessmentBefore: true });
    expect(kinds(due(running({ regime, meetings: [visit] }), trainee))).toEqual(["selfAssessment"]);
    expect(kinds(due(running({ regime, meetings: [{ ...visit, unannounced: true }] }), trainee))).toEqual([]);
  });

  it("lists shared feedback not yet seen, once per record", () => {
    const held = conversation({
      status: "held",
      selfAssessed: true,
      feedback: [
        { id: "f-1", shared: true, seenByTrainee: false },
        { id: "f-2", shared: false, seenByTrainee: false },
        { id: "f-3", shared: true, seenByTrainee: true },
      ],
    });
    expect(due(running({ meetings: [held] }), trainee)).toEqual([
      { kind: "feedbackUnseen", dueAt: null, meetingId: "conv-1" },
    ]);
  });

  it("lists agreements until a week after their due date", () => {
    const held = conversation({
      status: "held",
      agreements: [
        { text: "Instructie in drie niveaus", dueOn: "2026-03-20" },
        { text: "Leswissel oefenen", dueOn: "2026-03-03" },
        { text: "Strategiekaart maken", dueOn: "2026-03-02" },
        { text: "Blijven reflecteren", dueOn: null },
      ],
    });
    expect(due(running({ meetings: [held] }), trainee)).toEqual([
      { kind: "agreement", dueAt: "2026-03-03", meetingId: "conv-1", text: "Leswissel oefenen" },
      { kind: "agreement", dueAt: "2026-03-20", meetingId: "conv-1", text: "Instructie in drie niveaus" },
    ]);
  });

  it("asks consent in the first status while an agreement is not consented to", () => {
    expect(kinds(due(trajectoryState(), trainee))).toEqual(["consent"]);
    expect(kinds(due(trajectoryState({ consentsGiven: true }), trainee))).toEqual([]);
    expect(kinds(due(trajectoryState({ status: "agreed" }), trainee))).toEqual([]);
  });

  it("gives the trainee none of the guide's or commissioner's work", () => {
    const state = running({
      status: "reporting",
      approved: false,
      meetings: [conversation({ startsAt: "2026-03-01T09:00:00Z", selfAssessed: true })],
    });
    expect(kinds(due(state, trainee))).toEqual([]);
  });
});

describe("whatIsDue for the commissioner", () => {
  it("asks approval of an unapproved or changed goal list, not of an approved or empty one", () => {
    expect(due(trajectoryState({ status: "agreed", goals: 3 }), commissioner)).toEqual([
      { kind: "approveGoals", dueAt: null },
    ]);
    const changed = trajectoryState({ status: "running", goals: 3, approved: true });
    changed.goals[0] = { ...changed.goals[0]!, successCriteria: "Drie niveaus zichtbaar in de les" };
    expect(kinds(due(changed, commissioner))).toEqual(["approveGoals"]);
    expect(due(trajectoryState({ status: "agreed", goals: 3, approved: true }), commissioner)).toEqual([]);
    expect(due(trajectoryState({ status: "agreed" }), commissioner)).toEqual([]);
  });

  it("asks no approval where the regime needs none", () => {
    expect(due(trajectoryState({ regime: coachingRegime(), status: "running", goals: 2 }), commissioner)).toEqual([]);
  });
});

describe("whatIsDue for the guide", () => {
  it("asks to record planned meetings whose time has come, not future ones", () => {
    const past = meeting({ id: "visit-past", status: "planned", startsAt: "2026-03-09T09:00:00.000Z" });
    const justNow = meeting({ id: "visit-now", status: "planned", startsAt: NOW });
    const future = meeting({ id: "visit-future", status: "planned", startsAt: "2026-03-10T12:30:00.000Z" });
    const held = meeting({ id: "visit-held", status: "held", startsAt: "2026-03-02T09:00:00.000Z" });
    expect(due(running({ meetings: [future, justNow, held, past] }), guide)).toEqual([
      { kind: "recordMeeting", dueAt: "2026-03-09T09:00:00.000Z", meetingId: "visit-past" },
      { kind: "recordMeeting", dueAt: NOW, meetingId: "visit-now" },
    ]);
  });

  it("asks to record an unannounced visit too", () => {
    const visit = meeting({ id: "visit-1", status: "planned", unannounced: true, startsAt: "2026-03-09T09:00:00Z" });
    expect(kinds(due(running({ meetings: [visit] }), guide))).toEqual(["recordMeeting"]);
  });

  it("asks to share feedback of a held feedback conversation until a record is shared", () => {
    const held = conversation({ status: "held", startsAt: "2026-03-05T14:00:00Z" });
    expect(due(running({ meetings: [held] }), guide)).toEqual([
      { kind: "shareFeedback", dueAt: null, meetingId: "conv-1" },
    ]);
    const draft = { ...held, feedback: [{ id: "f-1", shared: false, seenByTrainee: false }] };
    expect(kinds(due(running({ meetings: [draft] }), guide))).toEqual(["shareFeedback"]);
    const shared = { ...held, feedback: [{ id: "f-1", shared: true, seenByTrainee: false }] };
    expect(due(running({ meetings: [shared] }), guide)).toEqual([]);
    // A classroom visit has no feedback of its own.
    expect(due(running({ meetings: [meeting({ status: "held" })] }), guide)).toEqual([]);
  });

  it("asks the intake in the first status while a required field is empty or blank", () => {
    expect(kinds(due(trajectoryState(), guide))).toEqual(["intake"]);
    const blank = trajectoryState({ intakeComplete: true });
    blank.plan.working_agreements = "  ";
    expect(kinds(due(blank, guide))).toEqual(["intake"]);
    expect(due(trajectoryState({ intakeComplete: true }), guide)).toEqual([]);
  });

  it("asks goals once past the first status, and the final report while reporting", () => {
    expect(kinds(due(trajectoryState({ status: "agreed", intakeComplete: true }), guide))).toEqual(["writeGoals"]);
    expect(kinds(due(running({ status: "reporting" }), guide))).toEqual(["finalReport"]);
    expect(due(running({ status: "reporting", reportFinal: true }), guide)).toEqual([]);
  });
});

describe("whatIsDue for everyone", () => {
  const moments = [
    { date: "2026-03-09", label: "Tussenevaluatie 1" },
    { date: "2026-03-10", label: "Tussenevaluatie 2" },
    { date: "2026-05-01", label: "Eindevaluatie" },
  ];

  it.each([
    ["trainee", trainee],
    ["guide", guide],
    ["commissioner", commissioner],
  ])("lists today's and later evaluation moments for the %s", (_role, who) => {
    expect(due(running({ evaluationMoments: moments }), who)).toEqual([
      { kind: "evaluation", dueAt: "2026-03-10", text: "Tussenevaluatie 2" },
      { kind: "evaluation", dueAt: "2026-05-01", text: "Eindevaluatie" },
    ]);
  });

  it("counts today as the Dutch day: just after midnight yesterday's moment has passed", () => {
    // 00:30 Dutch time on 10 March (winter) and on 10 July (summer): still the 9th in UTC.
    for (const [now, yesterday, today] of [
      ["2026-03-09T23:30:00.000Z", "2026-03-09", "2026-03-10"],
      ["2026-07-09T22:30:00.000Z", "2026-07-09", "2026-07-10"],
    ] as const) {
      const state = running({
        evaluationMoments: [
          { date: yesterday, label: "Gisteren" },
          { date: today, label: "Vandaag" },
        ],
      });
      expect(whatIsDue(state, trainee, now)).toEqual([{ kind: "evaluation", dueAt: today, text: "Vandaag" }]);
    }
  });

  it("lists nothing for someone outside the trajectory, admin or not", () => {
    const state = running({ approved: false, evaluationMoments: moments, meetings: [conversation()] });
    expect(due(state, outsider())).toEqual([]);
    expect(due(state, adminViewer())).toEqual([]);
  });

  it("lists nothing once the trajectory has ended", () => {
    for (const status of ["completed", "aborted", "escalated"]) {
      const state = trajectoryState({
        status,
        goals: 3,
        evaluationMoments: moments,
        meetings: [conversation(), meeting({ status: "planned", startsAt: "2026-03-01T09:00:00Z" })],
      });
      expect(due(state, viewer("trainee", "guide", "commissioner"))).toEqual([]);
    }
  });

  it("puts what is due now first, then the rest by date", () => {
    const state = running({
      approved: false,
      evaluationMoments: [{ date: "2026-04-01", label: "Evaluatie" }],
      meetings: [conversation(), meeting({ id: "visit-past", status: "planned", startsAt: "2026-03-09T09:00:00Z" })],
    });
    const items = due(state, viewer("trainee", "guide", "commissioner"));
    expect(kinds(items)).toEqual(["approveGoals", "recordMeeting", "selfAssessment", "evaluation"]);
  });
});
