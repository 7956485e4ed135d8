import { and, asc, count, eq, gte, inArray, isNull, min, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { intervisionGroups, intervisionMeetings, intervisionMembers } from "../../db/schema.js";
import { diff } from "../../domain/audit.js";
import type { CreateGroupInput, GroupDetail, UpdateGroupInput } from "../../domain/intervision/api.js";
import { warnings } from "../../domain/intervision/norms.js";
import { canManageGroups, canManageMembers, groupAbilities } from "../../domain/intervision/policy.js";
import { nextCaseBringer } from "../../domain/intervision/rotation.js";
import { proposedDates } from "../../domain/intervision/schedule.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid } from "../http/problem.js";
import { activeColleagues, activeColleaguesAmong } from "../people/colleagues.js";
import { updateVersioned } from "../tenancy.js";
import { creditedMinutes, dutchDate, groupMeetings, type LoadedGroup, loadGroup, type MemberRow } from "./load.js";

const iso = (at: Date) => at.toISOString();

/** The rotation's view of members and meetings: held and planned count, cancelled ones do not. */
export const rotationMembers = (members: MemberRow[]) =>
  members.map((m) => ({ userId: m.userId, name: m.name, joinedAt: iso(m.joinedAt) }));
export const rotationMeetings = (meetings: Array<{ status: string; startsAt: Date; caseBringerId: string | null }>) =>
  meetings
    .filter((m) => m.status !== "cancelled")
    .map((m) => ({ startsAt: iso(m.startsAt), caseBringerId: m.caseBringerId }));

/** A group as its viewer sees it: members with their credited minutes, warnings, the next proposals, meetings. */
export async function presentGroup(tx: Tx, actor: Actor, loaded: LoadedGroup, now = new Date()): Promise<GroupDetail> {
  const { group, members, viewer } = loaded;
  // One after the other: a transaction is one connection (docs/decisions/0043-statements.md).
  const meetings = await groupMeetings(tx, actor.organisationId, group.id);
  const minutes = await creditedMinutes(tx, actor.organisationId, group.id);
  const proposal = nextCaseBringer(rotationMembers(members), rotationMeetings(meetings));
  const last = meetings.filter((m) => m.status !== "cancelled").at(-1);
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    rhythmWeeks: group.rhythmWeeks,
    meetingMinutes: group.meetingMinutes,
    method: group.method,
    archived: group.archived,
    version: group.version,
    members: members.map((m) => ({
      userId: m.userId,
      name: m.name,
      joinedAt: iso(m.joinedAt),
      minutes: minutes.get(m.userId) ?? 0,
    })),
    warnings: warnings({
      members: members.map((m) => ({
        userId: m.userId,
        name: m.name,
        membershipId: m.membershipId ?? m.userId,
        managerId: m.managerId,
      })),
    }),
    proposal: {
      caseBringer: proposal ? { userId: proposal.userId, name: proposal.name } : null,
      dates: proposedDates(last ? dutchDate(last.startsAt) : null, dutchDate(now), group.rhythmWeeks),
    },
    meetings: meetings.map((m) => ({
      id: m.id,
      startsAt: iso(m.startsAt),
      endsAt: iso(m.endsAt),
      method: m.method,
      status: m.status,
      caseBringer: m.caseBringerId ? { userId: m.caseBringerId, name: m.caseBringerName ?? "" } : null,
    })),
    member: viewer.member,
    abilities: { ...groupAbilities(viewer), plan: groupAbilities(viewer).plan && !group.archived },
  };
}

export async function getGroup(tx: Tx, actor: Actor, groupId: string) {
  return presentGroup(tx, actor, await loadGroup(tx, actor, groupId));
}

/** My groups; the admin and the training officer see every group of the organisation. */
export async function listGroups(tx: Tx, actor: Actor, now = new Date()) {
  const all = canManageGroups(actor);
  const mine = tx
    .select({ id: intervisionMembers.groupId })
    .from(intervisionMembers)
    .where(
      and(
        eq(intervisionMembers.organisationId, actor.organisationId),
        eq(intervisionMembers.userId, actor.userId),
        isNull(intervisionMembers.leftAt),
      ),
    );
  const groups = await tx
    .select()
    .from(intervisionGroups)
    .where(
      and(
        eq(intervisionGroups.organisationId, actor.organisationId),
        all ? undefined : inArray(intervisionGroups.id, mine),
      ),
    )
    .orderBy(asc(intervisionGroups.archived), asc(intervisionGroups.name))
    .limit(500);
  const ids = groups.map((g) => g.id);
  const counts = ids.length
    ? await tx
        .select({ groupId: intervisionMembers.groupId, n: count() })
        .from(intervisionMembers)
        .where(
          and(
            eq(intervisionMembers.organisationId, actor.organisationId),
            oneOf(intervisionMembers.groupId, ids),
            isNull(intervisionMembers.leftAt),
          ),
        )
        .groupBy(intervisionMembers.groupId)
    : [];
  const next = ids.length
    ? await tx
        .select({ groupId: intervisionMeetings.groupId, at: min(intervisionMeetings.startsAt) })
        .from(intervisionMeetings)
        .where(
          and(
            eq(intervisionMeetings.organisationId, actor.organisationId),
            oneOf(intervisionMeetings.groupId, ids),
            eq(intervisionMeetings.status, "planned"),
            gte(intervisionMeetings.startsAt, now),
          ),
        )
        .groupBy(intervisionMeetings.groupId)
    : [];
  const own = ids.length ? await mine : [];
  const countOf = new Map(counts.map((c) => [c.groupId, Number(c.n)]));
  const nextOf = new Map(next.map((n) => [n.groupId, n.at]));
  const ownIds = new Set(own.map((o) => o.id));
  return {
    canCreate: all,
    items: groups.map((g) => {
      const at = nextOf.get(g.id);
      return {
        id: g.id,
        name: g.name,
        method: g.method,
        rhythmWeeks: g.rhythmWeeks,
        archived: g.archived,
        memberCount: countOf.get(g.id) ?? 0,
        member: ownIds.has(g.id),
        nextMeeting: at ? iso(new Date(at)) : null,
      };
    }),
  };
}

/** Active members of the organisation, who may join a group: for those who make groups. */
export async function listCandidates(tx: Tx, actor: Actor) {
  if (!canManageGroups(actor)) throw forbidden();
  return activeColleagues(tx, actor.organisationId);
}

export async function createGroup(tx: Tx, actor: Actor, input: CreateGroupInput) {
  if (!canManageGroups(actor)) throw forbidden();
  const memberIds = [...new Set(input.memberIds)];
  const known = await activeColleaguesAmong(tx, actor.organisationId, memberIds);
  // The error points at the row the user sent, not at its place in the de-duplicated list.
  const unknown = input.memberIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw invalid({ [`memberIds.${unknown}`]: "field.notColleague" });
  const [group] = await tx
    .insert(intervisionGroups)
    .values({
      organisationId: actor.organisationId,
      name: input.name,
      description: input.description?.trim() || null,
      rhythmWeeks: input.rhythmWeeks,
      meetingMinutes: input.meetingMinutes,
      method: input.method,
      createdBy: actor.userId,
    })
    .returning();
  if (!group) throw new Error("insert returned nothing");
  if (memberIds.length)
    await tx
      .insert(intervisionMembers)
      .values(memberIds.map((userId) => ({ organisationId: actor.organisationId, groupId: group.id, userId })));
  await recordAudit(tx, actor, {
    type: "intervisionGroup.created",
    subjectType: "intervisionGroup",
    subjectId: group.id,
    after: {
      name: group.name,
      rhythmWeeks: group.rhythmWeeks,
      meetingMinutes: group.meetingMinutes,
      method: group.method,
      member: memberIds.map((id) => known.get(id)).join(", "),
    },
  });
  return group.id;
}

const groupFields = (g: {
  name: string;
  description: string | null;
  rhythmWeeks: number;
  meetingMinutes: number;
  method: string;
}) => ({
  name: g.name,
  description: g.description,
  rhythmWeeks: g.rhythmWeeks,
  meetingMinutes: g.meetingMinutes,
  method: g.method,
});

export async function updateGroup(tx: Tx, actor: Actor, groupId: string, input: UpdateGroupInput) {
  const loaded = await loadGroup(tx, actor, groupId);
  if (!canManageMembers(loaded.viewer)) throw forbidden();
  const values = groupFields({ ...input, description: input.description?.trim() || null });
  await updateVersioned(
    tx,
    intervisionGroups,
    { id: groupId, organisationId: actor.organisationId, expectedVersion: input.version },
    values,
  );
  const changes = diff(groupFields(loaded.group), values);
  if (Object.keys(changes.after).length)
    await recordAudit(tx, actor, {
      type: "intervisionGroup.updated",
      subjectType: "intervisionGroup",
      subjectId: groupId,
      ...changes,
    });
}

export async function archiveGroup(tx: Tx, actor: Actor, groupId: string, version: number) {
  const loaded = await loadGroup(tx, actor, groupId);
  if (!canManageMembers(loaded.viewer)) throw forbidden();
  await updateVersioned(
    tx,
    intervisionGroups,
    { id: groupId, organisationId: actor.organisationId, expectedVersion: version },
    { archived: true },
  );
  if (!loaded.group.archived)
    await recordAudit(tx, actor, {
      type: "intervisionGroup.archived",
      subjectType: "intervisionGroup",
      subjectId: groupId,
    });
}

export async function addMember(tx: Tx, actor: Actor, groupId: string, userId: string) {
  const loaded = await loadGroup(tx, actor, groupId, { forUpdate: true });
  if (!canManageMembers(loaded.viewer)) throw forbidden();
  if (loaded.group.archived) throw invalid({}, "intervision.archived");
  if (loaded.members.some((m) => m.userId === userId)) throw invalid({ userId: "field.alreadyMember" });
  const known = await activeColleaguesAmong(tx, actor.organisationId, [userId]);
  if (!known.has(userId)) throw invalid({ userId: "field.notColleague" });
  await tx
    .insert(intervisionMembers)
    .values({ organisationId: actor.organisationId, groupId, userId })
    .onConflictDoUpdate({
      target: [intervisionMembers.groupId, intervisionMembers.userId],
      set: { leftAt: null, joinedAt: sql`now()` },
    });
  await recordAudit(tx, actor, {
    type: "intervisionGroup.memberAdded",
    subjectType: "intervisionGroup",
    subjectId: groupId,
    after: { member: known.get(userId) },
  });
}

export async function removeMember(tx: Tx, actor: Actor, groupId: string, userId: string) {
  const loaded = await loadGroup(tx, actor, groupId, { forUpdate: true });
  if (!canManageMembers(loaded.viewer)) throw forbidden();
  const member = loaded.members.find((m) => m.userId === userId);
  if (!member) throw invalid({ userId: "field.notGroupMember" });
  // The line stays, with the day they left: their attendance remains on the lists.
  await tx
    .update(intervisionMembers)
    .set({ leftAt: sql`now()` })
    .where(
      and(
        eq(intervisionMembers.organisationId, actor.organisationId),
        eq(intervisionMembers.groupId, groupId),
        eq(intervisionMembers.userId, userId),
      ),
    );
  await recordAudit(tx, actor, {
    type: "intervisionGroup.memberRemoved",
    subjectType: "intervisionGroup",
    subjectId: groupId,
    before: { member: member.name },
  });
}
