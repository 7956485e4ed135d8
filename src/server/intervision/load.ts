import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import {
  intervisionAttendance,
  intervisionGroups,
  intervisionMeetings,
  intervisionMembers,
  memberships,
  users,
} from "../../db/schema.js";
import { canSeeGroup, type GroupViewer } from "../../domain/intervision/policy.js";
import type { Actor } from "../../domain/roles.js";
import { TIME_ZONE } from "../../domain/time-zone.js";
import { notFound } from "../http/problem.js";
import { memberName, membershipIn } from "../people/member-name.js";

dayjs.extend(utc);
dayjs.extend(timezone);

export type GroupRow = typeof intervisionGroups.$inferSelect;
export type MeetingRow = typeof intervisionMeetings.$inferSelect;

export interface MemberRow {
  userId: string;
  name: string;
  joinedAt: Date;
  membershipId: string | null;
  managerId: string | null;
}

export interface LoadedGroup {
  group: GroupRow;
  members: MemberRow[];
  viewer: GroupViewer & { userId: string };
}

/** The Dutch date of an instant, YYYY-MM-DD. */
export const dutchDate = (at: Date) => dayjs(at).tz(TIME_ZONE).format("YYYY-MM-DD");

/** The current members of groups, with their membership of the organisation (for the manager relation). */
export async function currentMembers(
  tx: Tx,
  organisationId: string,
  groupIds: string[],
): Promise<Array<MemberRow & { groupId: string }>> {
  if (!groupIds.length) return [];
  return tx
    .select({
      groupId: intervisionMembers.groupId,
      userId: intervisionMembers.userId,
      name: memberName,
      joinedAt: intervisionMembers.joinedAt,
      membershipId: memberships.id,
      managerId: memberships.managerId,
    })
    .from(intervisionMembers)
    .innerJoin(users, eq(users.id, intervisionMembers.userId))
    .leftJoin(
      memberships,
      and(eq(memberships.userId, intervisionMembers.userId), eq(memberships.organisationId, organisationId)),
    )
    .where(
      and(
        eq(intervisionMembers.organisationId, organisationId),
        oneOf(intervisionMembers.groupId, groupIds),
        isNull(intervisionMembers.leftAt),
      ),
    )
    .orderBy(asc(memberName));
}

/** A group of the actor's organisation with its members; 404 for whoever may not see it. */
export async function loadGroup(
  tx: Tx,
  actor: Actor,
  groupId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedGroup> {
  const query = tx
    .select()
    .from(intervisionGroups)
    .where(and(eq(intervisionGroups.id, groupId), eq(intervisionGroups.organisationId, actor.organisationId)))
    .limit(1);
  const [group] = options.forUpdate ? await query.for("update") : await query;
  if (!group) throw notFound();
  const members = await currentMembers(tx, actor.organisationId, [groupId]);
  const viewer = { roles: actor.roles, member: members.some((m) => m.userId === actor.userId), userId: actor.userId };
  if (!canSeeGroup(viewer)) throw notFound();
  return { group, members, viewer };
}

/** The group's meetings, oldest first, with the case bringer's name. */
export async function groupMeetings(tx: Tx, organisationId: string, groupId: string) {
  return tx
    .select({
      id: intervisionMeetings.id,
      startsAt: intervisionMeetings.startsAt,
      endsAt: intervisionMeetings.endsAt,
      method: intervisionMeetings.method,
      status: intervisionMeetings.status,
      caseBringerId: intervisionMeetings.caseBringerId,
      caseBringerName: memberName,
    })
    .from(intervisionMeetings)
    .leftJoin(users, eq(users.id, intervisionMeetings.caseBringerId))
    .leftJoin(memberships, membershipIn(intervisionMeetings.caseBringerId, organisationId))
    .where(and(eq(intervisionMeetings.organisationId, organisationId), eq(intervisionMeetings.groupId, groupId)))
    .orderBy(asc(intervisionMeetings.startsAt));
}

/** Minutes credited per person in one group: held meetings, present and confirmed. */
export async function creditedMinutes(tx: Tx, organisationId: string, groupId: string) {
  const rows = await tx
    .select({
      userId: intervisionAttendance.userId,
      minutes: sql<number>`coalesce(sum(round(extract(epoch from (${intervisionMeetings.endsAt} - ${intervisionMeetings.startsAt})) / 60)), 0)::int`,
    })
    .from(intervisionAttendance)
    .innerJoin(
      intervisionMeetings,
      and(
        eq(intervisionMeetings.id, intervisionAttendance.meetingId),
        eq(intervisionMeetings.organisationId, organisationId),
      ),
    )
    .where(
      and(
        eq(intervisionAttendance.organisationId, organisationId),
        eq(intervisionMeetings.groupId, groupId),
        eq(intervisionMeetings.status, "held"),
        eq(intervisionAttendance.present, true),
        isNotNull(intervisionAttendance.confirmedAt),
      ),
    )
    .groupBy(intervisionAttendance.userId);
  return new Map(rows.map((r) => [r.userId, Number(r.minutes)]));
}
