/**
 * Attendance hours: a member present at a held meeting who confirmed their own line of the
 * attendance list is credited the meeting's length (ends - starts).
 */

export interface AttendedMeeting {
  status: "planned" | "held" | "cancelled";
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
}

export interface AttendanceLine {
  present: boolean;
  confirmedAt: string | null;
}

export const meetingMinutes = (meeting: Pick<AttendedMeeting, "startsAt" | "endsAt">) =>
  Math.max(0, Math.round((Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt)) / 60_000));

/** Whether this line of the attendance list counts for the person. */
export const counts = (meeting: Pick<AttendedMeeting, "status">, line: AttendanceLine | undefined) =>
  meeting.status === "held" && Boolean(line?.present) && line?.confirmedAt != null;

/** The minutes credited to one person over meetings, each with that person's line (if any). */
export function attendanceMinutes(
  records: ReadonlyArray<{ meeting: AttendedMeeting; line: AttendanceLine | undefined }>,
) {
  let total = 0;
  for (const { meeting, line } of records) if (counts(meeting, line)) total += meetingMinutes(meeting);
  return total;
}
