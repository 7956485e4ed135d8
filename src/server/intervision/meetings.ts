import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { intervisionAttendance, intervisionMeetings, memberships, users } from "../../db/schema.js";
import { diff } from "../../domain/audit.js";
import { dutchParts } from "../../domain/dutch-time.js";
import { mayRecordHeld } from "../../domain/held-meetings.js";
import type {
  GroupMeetingDetail,
  PlanGroupMeetingInput,
  UpdateGroupMeetingInput,
} from "../../domain/intervision/api.js";
import { meetingMinutes } from "../../domain/intervision/attendance.js";
import { methodOf } from "../../domain/intervision/methods.js";
import {
  canChooseCaseBringer,
  canConfirmAttendance,
  canPlanMeetings,
  canRecordMeetings,
  canSeeNotes,
  canWriteNotes,
  groupAbilities,
} from "../../domain/intervision/policy.js";
import { nextCaseBringer } from "../../domain/intervision/rotation.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid, notFound } from "../http/problem.js";
import { memberName, membershipIn } from "../people/member-name.js";
import { updateVersioned } from "../tenancy.js";
import { rotationMeetings, rotationMembers } from "./groups.js";
import { groupMeetings, type LoadedGroup, loadGroup, type MeetingRow } from "./load.js";

const iso = (at: Date) => at.toISOString();

/** A meeting of the actor's organisation with its group; 404 for whoever may not see the group. */
export async function loadGroupMeeting(tx: Tx, actor: Actor, meetingId: string, options: { forUpdate?: boolean } = {}) {
  const query = tx
    .select()
    .from(intervisionMeetings)
    .where(and(eq(intervisionMeetings.id, meetingId), eq(intervisionMeetings.organisationId, actor.organisationId)))
    .limit(1);
  const [meeting] = options.forUpdate ? await query.for("update") : await query;
  if (!meeting) throw notFound();
  const loaded = await loadGroup(tx, actor, meeting.groupId);
  return { loaded, meeting };
}

function assertTimes(startsAt: Date, endsAt: Date) {
  if (endsAt.getTime() <= startsAt.getTime()) throw invalid({ endsAt: "field.endBeforeStart" });
}

function assertCaseBringer(loaded: LoadedGroup, caseBringerId: string | null | undefined) {
  if (caseBringerId && !loaded.members.some((m) => m.userId === caseBringerId))
    throw invalid({ caseBringerId: "field.notGroupMember" });
}

function assertActive(loaded: LoadedGroup) {
  if (loaded.group.archived) throw invalid({}, "intervision.archived");
}

export async function presentGroupMeeting(
  tx: Tx,
  actor: Actor,
  loaded: LoadedGroup,
  meeting: MeetingRow,
): Promise<GroupMeetingDetail> {
  const { viewer, members, group } = loaded;
  // One after the other: a transaction is one connection (docs/decisions/0043-statements.md).
  const attendance = await tx
    .select({
      userId: intervisionAttendance.userId,
      name: memberName,
      present: intervisionAttendance.present,
      confirmedAt: intervisionAttendance.confirmedAt,
    })
    .from(intervisionAttendance)
    .innerJoin(users, eq(users.id, intervisionAttendance.userId))
    .leftJoin(memberships, membershipIn(users.id, actor.organisationId))
    .where(
      and(
        eq(intervisionAttendance.organisationId, actor.organisationId),
        eq(intervisionAttendance.meetingId, meeting.id),
      ),
    )
    .orderBy(asc(memberName));
  const meetings = await groupMeetings(tx, actor.organisationId, group.id);
  // Who the rotation proposes for this meeting: by the meetings before it.
  const before = meetings.filter((m) => m.id !== meeting.id && m.startsAt < meeting.startsAt);
  const proposal = nextCaseBringer(rotationMembers(members), rotationMeetings(before));
  const caseBringer = meetings.find((m) => m.id === meeting.id);
  const own = attendance.find((line) => line.userId === actor.userId);
  const abilities = groupAbilities(viewer);
  const open = !group.archived;
  return {
    id: meeting.id,
    groupId: group.id,
    groupName: group.name,
    startsAt: iso(meeting.startsAt),
    endsAt: iso(meeting.endsAt),
    minutes: meetingMinutes({ startsAt: iso(meeting.startsAt), endsAt: iso(meeting.endsAt) }),
    method: meeting.method,
    steps: [...(methodOf(meeting.method)?.steps ?? [])],
    status: meeting.status,
    version: meeting.version,
    caseBringer: meeting.caseBringerId
      ? { userId: meeting.caseBringerId, name: caseBringer?.caseBringerName ?? "" }
      : null,
    proposedCaseBringer: proposal ? { userId: proposal.userId, name: proposal.name } : null,
    members: members.map((m) => ({ userId: m.userId, name: m.name })),
    attendance: attendance.map((line) => ({
      userId: line.userId,
      name: line.name,
      present: line.present,
      confirmedAt: line.confirmedAt ? iso(line.confirmedAt) : null,
    })),
    notes: canSeeNotes(viewer) ? meeting.notes : null,
    member: viewer.member,
    abilities: {
      manage: abilities.manage,
      plan: abilities.plan && open,
      record: abilities.record && open,
      notes: abilities.notes,
      confirm:
        meeting.status === "held" &&
        own !== undefined &&
        own.confirmedAt === null &&
        canConfirmAttendance(viewer, { userId: own.userId, present: own.present }),
    },
  };
}

export async function getGroupMeeting(tx: Tx, actor: Actor, meetingId: string) {
  const { loaded, meeting } = await loadGroupMeeting(tx, actor, meetingId);
  return presentGroupMeeting(tx, actor, loaded, meeting);
}

export async function planGroupMeeting(tx: Tx, actor: Actor, groupId: string, input: PlanGroupMeetingInput) {
  const loaded = await loadGroup(tx, actor, groupId, { forUpdate: true });
  if (!canPlanMeetings(loaded.viewer)) throw forbidden();
  assertActive(loaded);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  assertTimes(startsAt, endsAt);
  let caseBringerId = input.caseBringerId;
  if (caseBringerId === undefined) {
    const meetings = await groupMeetings(tx, actor.organisationId, groupId);
    const earlier = meetings.filter((m) => m.startsAt < startsAt);
    caseBringerId = nextCaseBringer(rotationMembers(loaded.members), rotationMeetings(earlier))?.userId ?? null;
  }
  assertCaseBringer(loaded, caseBringerId);
  const [meeting] = await tx
    .insert(intervisionMeetings)
    .values({
      organisationId: actor.organisationId,
      groupId,
      startsAt,
      endsAt,
      method: input.method ?? loaded.group.method,
      caseBringerId,
      createdBy: actor.userId,
    })
    .returning();
  if (!meeting) throw new Error("insert returned nothing");
  await recordAudit(tx, actor, {
    type: "intervisionMeeting.planned",
    subjectType: "intervisionMeeting",
    subjectId: meeting.id,
    after: {
      startsAt: iso(meeting.startsAt),
      endsAt: iso(meeting.endsAt),
      method: meeting.method,
      caseBringer: loaded.members.find((m) => m.userId === caseBringerId)?.name ?? null,
    },
  });
  return meeting.id;
}

const auditFields = (m: Pick<MeetingRow, "startsAt" | "endsAt" | "method" | "status">, caseBringer: string | null) => ({
  startsAt: iso(m.startsAt),
  endsAt: iso(m.endsAt),
  method: m.method,
  status: m.status,
  caseBringer,
});

export async function updateGroupMeeting(tx: Tx, actor: Actor, meetingId: string, input: UpdateGroupMeetingInput) {
  const { loaded, meeting } = await loadGroupMeeting(tx, actor, meetingId);
  if (!canPlanMeetings(loaded.viewer) || !canChooseCaseBringer(loaded.viewer)) throw forbidden();
  assertActive(loaded);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  assertTimes(startsAt, endsAt);
  assertCaseBringer(loaded, input.caseBringerId);
  // A held meeting stays held; its members confirmed its date and times, so moving it asks them again.
  const status: MeetingRow["status"] = meeting.status === "held" ? "held" : input.status;
  const moved = startsAt.getTime() !== meeting.startsAt.getTime() || endsAt.getTime() !== meeting.endsAt.getTime();
  // Nor does a held meeting move to a start still to come.
  if (status === "held" && !mayRecordHeld(startsAt, new Date())) {
    const { date, time } = dutchParts(startsAt);
    throw invalid({ startsAt: { key: "field.heldBeforeStart", values: { start: `${date} ${time}` } } });
  }
  const values = { startsAt, endsAt, method: input.method, caseBringerId: input.caseBringerId, status };
  await updateVersioned(
    tx,
    intervisionMeetings,
    { id: meetingId, organisationId: actor.organisationId, expectedVersion: input.version },
    values,
  );
  if (meeting.status === "held" && moved)
    await tx
      .update(intervisionAttendance)
      .set({ confirmedAt: null })
      .where(
        and(
          eq(intervisionAttendance.organisationId, actor.organisationId),
          eq(intervisionAttendance.meetingId, meetingId),
        ),
      );
  const nameOf = (id: string | null) => loaded.members.find((m) => m.userId === id)?.name ?? null;
  const changes = diff(
    auditFields(meeting, nameOf(meeting.caseBringerId)),
    auditFields({ ...values }, nameOf(input.caseBringerId)),
  );
  if (Object.keys(changes.after).length)
    await recordAudit(tx, actor, {
      type: "intervisionMeeting.updated",
      subjectType: "intervisionMeeting",
      subjectId: meetingId,
      ...changes,
    });
}

/** Records the meeting as held with who was there; everyone else in the group is recorded absent. */
export async function recordHeld(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  input: { version: number; presentIds: string[] },
) {
  const { loaded, meeting } = await loadGroupMeeting(tx, actor, meetingId);
  if (!canRecordMeetings(loaded.viewer)) throw forbidden();
  assertActive(loaded);
  if (!mayRecordHeld(meeting.startsAt, new Date())) throw invalid({}, "intervision.heldBeforeStart");
  const present = new Set(input.presentIds);
  const memberIds = new Set(loaded.members.map((m) => m.userId));
  const stranger = input.presentIds.findIndex((id) => !memberIds.has(id));
  if (stranger >= 0) throw invalid({ [`presentIds.${stranger}`]: "field.notGroupMember" });
  await updateVersioned(
    tx,
    intervisionMeetings,
    { id: meetingId, organisationId: actor.organisationId, expectedVersion: input.version },
    { status: "held" },
  );
  const existing = await tx
    .select()
    .from(intervisionAttendance)
    .where(
      and(
        eq(intervisionAttendance.organisationId, actor.organisationId),
        eq(intervisionAttendance.meetingId, meetingId),
      ),
    );
  const lines = new Map(existing.map((line) => [line.userId, line]));
  const rows = loaded.members.map((m) => {
    const isPresent = present.has(m.userId);
    const before = lines.get(m.userId);
    return {
      organisationId: actor.organisationId,
      meetingId,
      userId: m.userId,
      present: isPresent,
      // A confirmation stays while the line still says present.
      confirmedAt: isPresent && before?.present ? before.confirmedAt : null,
    };
  });
  if (existing.length)
    await tx
      .delete(intervisionAttendance)
      .where(
        and(
          eq(intervisionAttendance.organisationId, actor.organisationId),
          eq(intervisionAttendance.meetingId, meetingId),
        ),
      );
  // Lines of people who have left the group since stay as they were.
  const kept = existing.filter((line) => !loaded.members.some((m) => m.userId === line.userId));
  const all = [...rows, ...kept];
  if (all.length) await tx.insert(intervisionAttendance).values(all);
  await recordAudit(tx, actor, {
    type: "intervisionMeeting.held",
    subjectType: "intervisionMeeting",
    subjectId: meetingId,
    after: {
      status: "held",
      present: loaded.members
        .filter((m) => present.has(m.userId))
        .map((m) => m.name)
        .join(", "),
    },
  });
}

/** A present member confirms their own line of the attendance list: date, times and names as shown. */
export async function confirmAttendance(tx: Tx, actor: Actor, meetingId: string, userId: string) {
  const { loaded, meeting } = await loadGroupMeeting(tx, actor, meetingId);
  if (userId !== actor.userId || !loaded.viewer.member) throw forbidden();
  if (meeting.status !== "held") throw invalid({}, "intervision.notHeld");
  const [line] = await tx
    .select()
    .from(intervisionAttendance)
    .where(
      and(
        eq(intervisionAttendance.organisationId, actor.organisationId),
        eq(intervisionAttendance.meetingId, meetingId),
        eq(intervisionAttendance.userId, userId),
      ),
    )
    .for("update");
  if (!line || !canConfirmAttendance(loaded.viewer, { userId: line.userId, present: line.present }))
    throw invalid({}, "intervision.notPresent");
  if (line.confirmedAt) return;
  await tx
    .update(intervisionAttendance)
    .set({ confirmedAt: new Date() })
    .where(
      and(
        eq(intervisionAttendance.organisationId, actor.organisationId),
        eq(intervisionAttendance.meetingId, meetingId),
        eq(intervisionAttendance.userId, userId),
      ),
    );
  await recordAudit(tx, actor, {
    type: "intervisionMeeting.attendanceConfirmed",
    subjectType: "intervisionMeeting",
    subjectId: meetingId,
    after: { member: loaded.members.find((m) => m.userId === userId)?.name ?? null },
  });
}

/** The members' notes. Their text stays out of the audit log, which the admin reads. */
export async function saveNotes(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  input: { version: number; notes: string | null },
) {
  const { loaded } = await loadGroupMeeting(tx, actor, meetingId);
  if (!canWriteNotes(loaded.viewer)) throw forbidden();
  await updateVersioned(
    tx,
    intervisionMeetings,
    { id: meetingId, organisationId: actor.organisationId, expectedVersion: input.version },
    { notes: input.notes?.trim() ? input.notes : null },
  );
  await recordAudit(tx, actor, {
    type: "intervisionMeeting.notesSaved",
    subjectType: "intervisionMeeting",
    subjectId: meetingId,
  });
}
