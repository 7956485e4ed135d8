import { type QueryClient, useQuery } from "@tanstack/react-query";
import { dutchParts } from "../../domain/dutch-time";
import type { ObservationForm } from "../../domain/regimes/schema";
import type { FeedbackRecordView, MeetingDetail } from "../../domain/trajectories/api";
import type {
  FeedbackContent,
  MeetingStatus,
  Observation,
  SelfAssessmentContent,
} from "../../domain/trajectories/model";
import { api } from "../api";
import { localDateTime } from "../trajectories/date-input";
import { trajectoryKeys } from "../trajectories/model";

export type { FeedbackRecordView, MeetingDetail };
export type MeetingGoal = MeetingDetail["goals"][number];

export const meetingKeys = {
  meeting: (id: string) => ["meetings", id] as const,
};

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: meetingKeys.meeting(meetingId),
    queryFn: () => api<MeetingDetail>(`/meetings/${encodeURIComponent(meetingId)}`),
  });
}

/** A moment as the date and time fields show it: Dutch time, as the server plans. */
export const localParts = (iso: string): { date: string; time: string } => dutchParts(iso);

/** A number field's value for the API: empty stays empty (null), so the server can say it is required. */
const numberOrNull = (value: number | string) => (value === "" || value === null ? null : Number(value));
const textOrNull = (value: string) => (value.trim() ? value : null);
const scoreOrNull = (value: string) => (value === "" ? null : Number(value));
/** A score as its choice field holds it: none is the empty choice. */
const scoreField = (score: number | null | undefined) => (score === null || score === undefined ? "" : String(score));

// ---- the meeting itself ----

export interface ObservationValues {
  score: string;
  note: string;
}

export interface MeetingFormValues extends Record<string, unknown> {
  date: string;
  time: string;
  durationMinutes: number | string;
  preparationMinutes: number | string;
  travelMinutes: number | string;
  location: string;
  /** How it took place (in_person, video, phone); empty: not recorded. */
  mode: string;
  unannounced: boolean;
  status: MeetingStatus;
  notes: string;
  confidential: boolean;
  observation: Record<string, ObservationValues>;
}

export function meetingToForm(meeting: MeetingDetail, form: ObservationForm | undefined): MeetingFormValues {
  const observation: Record<string, ObservationValues> = {};
  for (const item of form?.items ?? []) {
    const scored = meeting.observation?.[item.key];
    observation[item.key] = {
      score: scoreField(scored?.score),
      note: scored?.note ?? "",
    };
  }
  return {
    ...localParts(meeting.startsAt),
    durationMinutes: meeting.durationMinutes,
    preparationMinutes: meeting.preparationMinutes,
    travelMinutes: meeting.travelMinutes,
    location: meeting.location ?? "",
    mode: meeting.mode ?? "",
    unannounced: meeting.unannounced,
    status: meeting.status,
    notes: meeting.notes ?? "",
    confidential: meeting.confidential,
    observation,
  };
}

/**
 * A meeting's change shows in its trajectory (meetings, hours, progress) and in everyone's
 * to-do list: both are fetched again when next shown.
 */
export async function afterMeetingChange(queryClient: QueryClient, saved: MeetingDetail) {
  queryClient.setQueryData(meetingKeys.meeting(saved.id), saved);
  await queryClient.invalidateQueries({ queryKey: trajectoryKeys.all });
  await queryClient.invalidateQueries({ queryKey: trajectoryKeys.due });
}

/** The server names the moment `startsAt`; the form shows it as a date and a time. */
export const MEETING_FIELD_NAMES = { startsAt: "date" };

/**
 * The PUT body. Scores of items the form no longer lists are kept as they were; an observation
 * with nothing scored or noted stays absent.
 */
export function meetingBody(
  values: MeetingFormValues,
  meeting: Pick<MeetingDetail, "version" | "observation"> & { regime?: Pick<MeetingDetail["regime"], "evidence"> },
) {
  const observation: Observation = { ...(meeting.observation ?? {}) };
  for (const [key, item] of Object.entries(values.observation))
    observation[key] = { score: scoreOrNull(item.score), note: textOrNull(item.note) };
  const empty = Object.values(observation).every((item) => item.score === null && item.note === null);
  return {
    version: meeting.version,
    // An impossible date or time goes as empty, so the server names the field.
    startsAt: localDateTime(values.date, values.time) ?? "",
    durationMinutes: numberOrNull(values.durationMinutes),
    preparationMinutes: numberOrNull(values.preparationMinutes),
    travelMinutes: numberOrNull(values.travelMinutes),
    unannounced: values.unannounced,
    status: values.status,
    location: textOrNull(values.location),
    // Asked only where the regime's meetings count as evidence.
    ...(meeting.regime?.evidence ? { mode: (values.mode || null) as MeetingDetail["mode"] } : {}),
    notes: textOrNull(values.notes),
    confidential: values.confidential,
    observation: empty && !meeting.observation ? null : observation,
  };
}

// ---- feedback ----

export interface FeedbackFormValues extends Record<string, unknown> {
  content: {
    summary: string;
    goals: { goalId: string; rating: string; reflection: string; instructions: string }[];
    agreements: { text: string; dueOn: string }[];
  };
  correctionReason: string;
}

/** The editor's values: one row per goal of the meeting, filled from a record where there is one. */
export function feedbackToForm(
  goals: readonly MeetingGoal[],
  content: FeedbackContent | null,
  correctionReason: string | null = null,
): FeedbackFormValues {
  return {
    content: {
      summary: content?.summary ?? "",
      goals: goals.map((goal) => {
        const rated = content?.goals.find((g) => g.goalId === goal.id);
        return {
          goalId: goal.id,
          rating: scoreField(rated?.rating),
          reflection: rated?.reflection ?? "",
          instructions: rated?.instructions ?? "",
        };
      }),
      agreements: (content?.agreements ?? []).map((a) => ({ text: a.text, dueOn: a.dueOn ?? "" })),
    },
    correctionReason: correctionReason ?? "",
  };
}

/** Agreement rows left entirely empty are dropped before saving, so the rows keep their numbers. */
export const withoutEmptyAgreements = (values: FeedbackFormValues): FeedbackFormValues => ({
  ...values,
  content: { ...values.content, agreements: values.content.agreements.filter((a) => a.text.trim() || a.dueOn) },
});

export function feedbackBody(values: FeedbackFormValues, version: number | null, correcting: boolean) {
  return {
    version,
    content: {
      summary: textOrNull(values.content.summary),
      goals: values.content.goals.map((g) => ({
        goalId: g.goalId,
        rating: scoreOrNull(g.rating),
        reflection: textOrNull(g.reflection),
        instructions: textOrNull(g.instructions),
      })),
      agreements: values.content.agreements.map((a) => ({ text: a.text, dueOn: a.dueOn || null })),
    },
    correctionReason: correcting ? values.correctionReason : null,
  };
}

/**
 * The records of a meeting as the page shows them: the draft being written, if any, and the
 * shared ones, newest first. A draft after a shared record is a correction.
 */
export function feedbackState(records: readonly FeedbackRecordView[] | null) {
  const newestFirst = [...(records ?? [])].sort((a, b) => b.number - a.number);
  const shared = newestFirst.filter((r) => r.sharedAt !== null);
  const draft = newestFirst.find((r) => r.sharedAt === null) ?? null;
  return { draft, shared, latestShared: shared[0] ?? null, correcting: Boolean(draft && shared.length) };
}

// ---- self-assessment ----

export interface SelfAssessmentFormValues extends Record<string, unknown> {
  content: { goals: { goalId: string; rating: string; note: string }[] };
}

export function selfAssessmentToForm(
  goals: readonly MeetingGoal[],
  content: SelfAssessmentContent | null,
): SelfAssessmentFormValues {
  return {
    content: {
      goals: goals.map((goal) => {
        const rated = content?.goals.find((g) => g.goalId === goal.id);
        return {
          goalId: goal.id,
          rating: scoreField(rated?.rating),
          note: rated?.note ?? "",
        };
      }),
    },
  };
}

export function selfAssessmentBody(values: SelfAssessmentFormValues, version: number | null) {
  return {
    version,
    content: {
      goals: values.content.goals.map((g) => ({
        goalId: g.goalId,
        rating: scoreOrNull(g.rating),
        note: textOrNull(g.note),
      })),
    },
  };
}
