import { z } from "zod";
import { dateTimeSchema } from "../date-schemas.js";
import { versionSchema } from "../version.js";
import { METHOD_KEYS } from "./methods.js";

/** Requests and answers of the intervisie API: validation, handler types, web types and the API document. */

const version = versionSchema;
/** A moment in an answer; requests take the shared `dateTimeSchema`, which also bounds its range. */
const instant = z.iso.datetime({ offset: true });
const methodKey = z.enum(METHOD_KEYS);

// ---- requests ----

export const groupInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  rhythmWeeks: z.number().int().min(1).max(52),
  meetingMinutes: z.number().int().min(15).max(600),
  method: methodKey,
});
export type GroupInput = z.infer<typeof groupInputSchema>;

export const createGroupSchema = groupInputSchema.extend({
  /** The first members (user ids of active members of the organisation). */
  memberIds: z.array(z.uuid()).max(30).default([]),
});
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const updateGroupSchema = groupInputSchema.extend({ version });
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>;

export const memberInputSchema = z.object({ userId: z.uuid() });

export const planGroupMeetingSchema = z.object({
  startsAt: dateTimeSchema,
  endsAt: dateTimeSchema,
  method: methodKey.optional(),
  /** Defaults to the rotation's proposal. */
  caseBringerId: z.uuid().nullable().optional(),
});
export type PlanGroupMeetingInput = z.infer<typeof planGroupMeetingSchema>;

export const updateGroupMeetingSchema = z.object({
  version,
  startsAt: dateTimeSchema,
  endsAt: dateTimeSchema,
  method: methodKey,
  caseBringerId: z.uuid().nullable(),
  status: z.enum(["planned", "cancelled"]),
});
export type UpdateGroupMeetingInput = z.infer<typeof updateGroupMeetingSchema>;

export const recordHeldSchema = z.object({
  version,
  /** The members who were there; every other member is recorded absent. */
  presentIds: z.array(z.uuid()).max(30),
});

export const confirmAttendanceSchema = z.object({ userId: z.uuid() });

export const notesSchema = z.object({ version, notes: z.string().max(20_000).nullable() });

// ---- answers ----

const person = z.object({ userId: z.uuid(), name: z.string() });

export const groupWarningSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("tooFew"), count: z.number(), min: z.number() }),
  z.object({ kind: z.literal("tooMany"), count: z.number(), max: z.number() }),
  z.object({
    kind: z.literal("authority"),
    manager: z.string(),
    managerUserId: z.uuid(),
    report: z.string(),
    reportUserId: z.uuid(),
  }),
]);

const abilities = z.object({ manage: z.boolean(), plan: z.boolean(), record: z.boolean(), notes: z.boolean() });

export const groupSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  method: z.string(),
  rhythmWeeks: z.number(),
  archived: z.boolean(),
  memberCount: z.number(),
  member: z.boolean(),
  nextMeeting: instant.nullable(),
});
export const groupListSchema = z.object({ items: z.array(groupSummarySchema), canCreate: z.boolean() });

export const groupMeetingSummarySchema = z.object({
  id: z.uuid(),
  startsAt: instant,
  endsAt: instant,
  method: z.string(),
  status: z.enum(["planned", "held", "cancelled"]),
  caseBringer: person.nullable(),
});

export const groupDetailSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  rhythmWeeks: z.number(),
  meetingMinutes: z.number(),
  method: z.string(),
  archived: z.boolean(),
  version: z.number(),
  members: z.array(person.extend({ joinedAt: instant, minutes: z.number() })),
  warnings: z.array(groupWarningSchema),
  proposal: z.object({ caseBringer: person.nullable(), dates: z.array(z.iso.date()) }),
  meetings: z.array(groupMeetingSummarySchema),
  member: z.boolean(),
  abilities,
});
export type GroupDetail = z.infer<typeof groupDetailSchema>;
export type GroupSummary = z.infer<typeof groupSummarySchema>;

export const candidatesSchema = z.array(person);

export const groupMeetingDetailSchema = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  groupName: z.string(),
  startsAt: instant,
  endsAt: instant,
  minutes: z.number(),
  method: z.string(),
  steps: z.array(z.object({ nl: z.string(), en: z.string() })),
  status: z.enum(["planned", "held", "cancelled"]),
  version: z.number(),
  caseBringer: person.nullable(),
  proposedCaseBringer: person.nullable(),
  members: z.array(person),
  attendance: z.array(person.extend({ present: z.boolean(), confirmedAt: instant.nullable() })),
  /** Only for members; null for everyone else and when none were written. */
  notes: z.string().nullable(),
  member: z.boolean(),
  abilities: abilities.extend({ confirm: z.boolean() }),
});
export type GroupMeetingDetail = z.infer<typeof groupMeetingDetailSchema>;
