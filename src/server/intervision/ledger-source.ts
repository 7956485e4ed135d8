import { and, asc, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { startOfDay, startOfNextDay } from "../../db/dutch-days.js";
import { intervisionAttendance, intervisionGroups, intervisionMeetings } from "../../db/schema.js";
import { TIME_ZONE } from "../../domain/time-zone.js";

/** One intervisie meeting that counts for a person's evidence. */
export interface IntervisionRecord {
  meetingId: string;
  groupId: string;
  groupName: string;
  /** The Dutch date of the meeting, YYYY-MM-DD. */
  date: string;
  /** Ends minus starts, in whole minutes. */
  minutes: number;
  link: string;
}

/**
 * The held intervisie meetings of `userId` in the organisation where they were present and
 * confirmed their own line of the attendance list, on Dutch days `from` to `to` (YYYY-MM-DD,
 * both included), oldest first. Minutes are the meeting's length (ends - starts).
 */
export async function intervisionRecords(
  tx: Tx,
  organisationId: string,
  userId: string,
  from: string,
  to: string,
): Promise<IntervisionRecord[]> {
  const rows = await tx
    .select({
      meetingId: intervisionMeetings.id,
      groupId: intervisionMeetings.groupId,
      groupName: intervisionGroups.name,
      startsAt: intervisionMeetings.startsAt,
      endsAt: intervisionMeetings.endsAt,
      date: sql<string>`to_char(${intervisionMeetings.startsAt} at time zone ${TIME_ZONE}, 'YYYY-MM-DD')`,
    })
    .from(intervisionAttendance)
    .innerJoin(
      intervisionMeetings,
      and(
        eq(intervisionMeetings.id, intervisionAttendance.meetingId),
        eq(intervisionMeetings.organisationId, organisationId),
      ),
    )
    .innerJoin(
      intervisionGroups,
      and(eq(intervisionGroups.id, intervisionMeetings.groupId), eq(intervisionGroups.organisationId, organisationId)),
    )
    .where(
      and(
        eq(intervisionAttendance.organisationId, organisationId),
        eq(intervisionAttendance.userId, userId),
        eq(intervisionAttendance.present, true),
        isNotNull(intervisionAttendance.confirmedAt),
        eq(intervisionMeetings.status, "held"),
        gte(intervisionMeetings.startsAt, startOfDay(from)),
        lt(intervisionMeetings.startsAt, startOfNextDay(to)),
      ),
    )
    .orderBy(asc(intervisionMeetings.startsAt));
  return rows.map((row) => ({
    meetingId: row.meetingId,
    groupId: row.groupId,
    groupName: row.groupName,
    date: row.date,
    minutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000),
    link: `/intervisie/${row.groupId}/bijeenkomsten/${row.meetingId}`,
  }));
}
