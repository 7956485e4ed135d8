import type { MeetingFacts } from "./model.js";

export interface HoursLine {
  type: string;
  meetings: number;
  meetingMinutes: number;
  preparationMinutes: number;
  travelMinutes: number;
  totalMinutes: number;
}

/**
 * Minutes spent, per meeting type: every held meeting's duration counts, with the preparation
 * and travel time the guide adds. Planned and cancelled meetings count nothing. Integers only.
 */
export function hoursSummary(
  meetings: readonly Pick<
    MeetingFacts,
    "type" | "status" | "durationMinutes" | "preparationMinutes" | "travelMinutes"
  >[],
): { lines: HoursLine[]; total: HoursLine } {
  const byType = new Map<string, HoursLine>();
  const empty = (type: string): HoursLine => ({
    type,
    meetings: 0,
    meetingMinutes: 0,
    preparationMinutes: 0,
    travelMinutes: 0,
    totalMinutes: 0,
  });
  const total = empty("total");
  for (const meeting of meetings) {
    if (meeting.status !== "held") continue;
    const line = byType.get(meeting.type) ?? empty(meeting.type);
    for (const target of [line, total]) {
      target.meetings += 1;
      target.meetingMinutes += meeting.durationMinutes;
      target.preparationMinutes += meeting.preparationMinutes;
      target.travelMinutes += meeting.travelMinutes;
      target.totalMinutes += meeting.durationMinutes + meeting.preparationMinutes + meeting.travelMinutes;
    }
    byType.set(meeting.type, line);
  }
  return { lines: [...byType.values()], total };
}

/** 135 -> "2:15": hours and minutes, the way timesheets show them. */
export const formatMinutes = (minutes: number) =>
  `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
