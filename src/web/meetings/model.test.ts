import { describe, expect, it } from "vitest";
import { builtinRegime } from "../../domain/regimes/builtin";
import { saveFeedbackSchema, saveSelfAssessmentSchema, updateMeetingSchema } from "../../domain/trajectories/api";
import {
  type FeedbackRecordView,
  feedbackBody,
  feedbackState,
  feedbackToForm,
  localParts,
  type MeetingDetail,
  meetingBody,
  meetingToForm,
  selfAssessmentBody,
  selfAssessmentToForm,
  withoutEmptyAgreements,
} from "./model";

const found = builtinRegime("werkbegeleiding_leerkracht");
if (!found) throw new Error("built-in regime missing");
const regime = found;
const lessonForm = regime.observationForms[0];

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const goal = (n: number) => ({
  id: id(n),
  position: n,
  title: `Doel ${n}`,
  rationale: "necessity" as const,
  successCriteria: null,
  originGoalId: null,
  version: 1,
});

function meeting(changes: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    id: id(100),
    type: "classroom_visit",
    startsAt: "2026-03-02T09:00:00.000Z",
    durationMinutes: 50,
    preparationMinutes: 0,
    travelMinutes: 0,
    unannounced: false,
    status: "planned",
    location: null,
    mode: null,
    groupSize: null,
    confidential: false,
    version: 4,
    selfAssessed: false,
    feedbackShared: false,
    feedbackUnseen: false,
    trajectoryId: id(200),
    trajectoryTitle: "Traject",
    regime,
    viewerRoles: ["guide"],
    notes: null,
    notesHidden: false,
    observation: null,
    heldAt: null,
    goals: [goal(1), goal(2)],
    feedback: [],
    selfAssessment: null,
    parts: [],
    abilities: { edit: true, writeFeedback: true, selfAssess: false, markSeen: false, writePart: null },
    ...changes,
  };
}

const record = (number: number, changes: Partial<FeedbackRecordView> = {}): FeedbackRecordView => ({
  id: id(300 + number),
  number,
  content: { summary: null, goals: [], agreements: [] },
  correctionReason: null,
  sharedAt: "2026-03-03T10:00:00.000Z",
  createdAt: "2026-03-03T09:00:00.000Z",
  createdBy: "Sanne Visser",
  seenAt: null,
  version: 1,
  ...changes,
});

describe("date and time fields", () => {
  it("show a moment in the browser's time zone, and the form gives the same moment back", () => {
    const parts = localParts("2026-03-02T09:05:00.000Z");
    expect(parts.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(parts.time).toMatch(/^\d{2}:\d{2}$/);
    const values = { ...meetingToForm(meeting(), undefined), ...parts };
    expect(Date.parse(meetingBody(values, meeting()).startsAt)).toBe(Date.parse("2026-03-02T09:05:00.000Z"));
  });

  it("show nothing for a moment that is none", () => {
    expect(localParts("not a time")).toEqual({ date: "", time: "" });
  });

  it("send an impossible date as empty, for the server to name the field", () => {
    const values = { ...meetingToForm(meeting(), undefined), date: "2026-02-30" };
    expect(meetingBody(values, meeting()).startsAt).toBe("");
  });
});

describe("the meeting form", () => {
  it("gives a body the API accepts, with empty texts as absent and numbers as numbers", () => {
    const values = meetingToForm(meeting(), lessonForm);
    expect(Object.keys(values.observation)).toEqual(lessonForm?.items.map((i) => i.key));
    values.preparationMinutes = "15";
    values.status = "held";
    values.notes = "  ";
    values.observation.lesson_change = { score: "3", note: "Vlotte overgang" };
    const body = meetingBody(values, meeting());
    expect(updateMeetingSchema.safeParse(body).success).toBe(true);
    expect(Date.parse(body.startsAt)).toBe(Date.parse("2026-03-02T09:00:00.000Z"));
    expect(body).toMatchObject({
      version: 4,
      preparationMinutes: 15,
      status: "held",
      notes: null,
      location: null,
    });
    expect(body.observation?.lesson_change).toEqual({ score: 3, note: "Vlotte overgang" });
    expect(body.observation?.differentiated_instruction).toEqual({ score: null, note: null });
  });

  it("leaves the observation absent when nothing was scored or noted", () => {
    expect(meetingBody(meetingToForm(meeting(), lessonForm), meeting()).observation).toBeNull();
    expect(meetingBody(meetingToForm(meeting(), undefined), meeting()).observation).toBeNull();
  });

  it("keeps the scores of items the form does not show", () => {
    const earlier = meeting({ observation: { retired_item: { score: 2, note: null } } });
    const body = meetingBody(meetingToForm(earlier, lessonForm), earlier);
    expect(body.observation?.retired_item).toEqual({ score: 2, note: null });
  });

  it("sends an emptied number as absent, so the server can say the field is required", () => {
    const values = { ...meetingToForm(meeting(), lessonForm), durationMinutes: "" };
    expect(meetingBody(values, meeting()).durationMinutes).toBeNull();
  });
});

describe("the feedback form", () => {
  const content = {
    summary: "Goed gesprek",
    goals: [
      { goalId: id(2), rating: 3, reflection: "Ik zag het zelf ook", instructions: "Start met de doelen" },
      { goalId: id(9), rating: 1, reflection: null, instructions: null },
    ],
    agreements: [{ text: "Lesplan mailen", dueOn: "2026-03-10" }],
  };

  it("has a row per goal of the meeting, in its order, filled from the record", () => {
    const values = feedbackToForm([goal(1), goal(2)], content);
    expect(values.content.goals).toEqual([
      { goalId: id(1), rating: "", reflection: "", instructions: "" },
      { goalId: id(2), rating: "3", reflection: "Ik zag het zelf ook", instructions: "Start met de doelen" },
    ]);
    expect(values.content.agreements).toEqual([{ text: "Lesplan mailen", dueOn: "2026-03-10" }]);
  });

  it("gives a body the API accepts, with the correction reason only when correcting", () => {
    const values = feedbackToForm([goal(1), goal(2)], content, "Verkeerd doel beoordeeld");
    const draft = feedbackBody(values, 2, false);
    expect(saveFeedbackSchema.safeParse(draft).success).toBe(true);
    expect(draft.correctionReason).toBeNull();
    expect(draft.content.goals[0]).toEqual({ goalId: id(1), rating: null, reflection: null, instructions: null });
    const correction = feedbackBody(values, null, true);
    expect(saveFeedbackSchema.safeParse(correction).success).toBe(true);
    expect(correction).toMatchObject({ version: null, correctionReason: "Verkeerd doel beoordeeld" });
  });

  it("drops agreement rows left empty and keeps half-filled ones for the server to name", () => {
    const values = feedbackToForm([goal(1)], null);
    values.content.agreements = [
      { text: "", dueOn: "" },
      { text: "Bellen", dueOn: "" },
      { text: "", dueOn: "2026-04-01" },
    ];
    const kept = withoutEmptyAgreements(values).content.agreements;
    expect(kept).toEqual([
      { text: "Bellen", dueOn: "" },
      { text: "", dueOn: "2026-04-01" },
    ]);
    expect(feedbackBody(withoutEmptyAgreements(values), null, false).content.agreements[0]).toEqual({
      text: "Bellen",
      dueOn: null,
    });
  });
});

describe("a meeting's feedback records", () => {
  it("are nothing yet without records", () => {
    expect(feedbackState(null)).toEqual({ draft: null, shared: [], latestShared: null, correcting: false });
  });

  it("show the shared ones newest first and the draft after them as a correction", () => {
    const state = feedbackState([record(1), record(3, { sharedAt: null }), record(2)]);
    expect(state.shared.map((r) => r.number)).toEqual([2, 1]);
    expect(state.latestShared?.number).toBe(2);
    expect(state.draft?.number).toBe(3);
    expect(state.correcting).toBe(true);
  });

  it("count a first draft as no correction", () => {
    const state = feedbackState([record(1, { sharedAt: null })]);
    expect(state.draft?.number).toBe(1);
    expect(state.correcting).toBe(false);
  });
});

describe("the self-assessment form", () => {
  it("fills a row per goal and gives a body the API accepts", () => {
    const values = selfAssessmentToForm([goal(1), goal(2)], {
      goals: [{ goalId: id(1), rating: 2, note: "Lastig" }],
    });
    expect(values.content.goals).toEqual([
      { goalId: id(1), rating: "2", note: "Lastig" },
      { goalId: id(2), rating: "", note: "" },
    ]);
    const body = selfAssessmentBody(values, null);
    expect(saveSelfAssessmentSchema.safeParse(body).success).toBe(true);
    expect(body.content.goals[1]).toEqual({ goalId: id(2), rating: null, note: null });
  });
});
