import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  candidatesSchema,
  confirmAttendanceSchema,
  createGroupSchema,
  groupDetailSchema,
  groupListSchema,
  groupMeetingDetailSchema,
  memberInputSchema,
  notesSchema,
  planGroupMeetingSchema,
  recordHeldSchema,
  updateGroupMeetingSchema,
  updateGroupSchema,
} from "../../domain/intervision/api.js";
import { canManageGroups } from "../../domain/intervision/policy.js";
import { versionSchema } from "../../domain/version.js";
import { assertAllowed } from "../plugins/auth.js";
import { withTenant } from "../tenancy.js";
import {
  addMember,
  archiveGroup,
  createGroup,
  getGroup,
  listCandidates,
  listGroups,
  removeMember,
  updateGroup,
} from "./groups.js";
import {
  confirmAttendance,
  getGroupMeeting,
  planGroupMeeting,
  recordHeld,
  saveNotes,
  updateGroupMeeting,
} from "./meetings.js";

const tags = ["intervision"];
const groupParams = z.object({ groupId: z.uuid() });
const meetingParams = z.object({ groupMeetingId: z.uuid() });
const group = { 200: groupDetailSchema };
const meeting = { 200: groupMeetingDetailSchema };

/**
 * Intervisie: groups made by the admin or the training officer, everything inside a group its
 * members' own. Each route answers with the group or meeting as the requester now sees it.
 */
export const intervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/intervision/groups", { schema: { tags, response: { 200: groupListSchema } } }, (request) =>
    withTenant(request, (tx, actor) => listGroups(tx, actor)),
  );

  app.get("/intervision/candidates", { schema: { tags, response: { 200: candidatesSchema } } }, (request) =>
    withTenant(request, (tx, actor) => {
      assertAllowed(actor, canManageGroups);
      return listCandidates(tx, actor);
    }),
  );

  app.post(
    "/intervision/groups",
    { schema: { tags, body: createGroupSchema, response: { 201: groupDetailSchema } } },
    async (request, reply) => {
      const created = await withTenant(request, async (tx, actor) => {
        assertAllowed(actor, canManageGroups);
        const id = await createGroup(tx, actor, request.body);
        return getGroup(tx, actor, id);
      });
      return reply.status(201).send(created);
    },
  );

  app.get("/intervision/groups/:groupId", { schema: { tags, params: groupParams, response: group } }, (request) =>
    withTenant(request, (tx, actor) => getGroup(tx, actor, request.params.groupId)),
  );

  app.put(
    "/intervision/groups/:groupId",
    { schema: { tags, params: groupParams, body: updateGroupSchema, response: group } },
    (request) =>
      withTenant(request, async (tx, actor) => {
        await updateGroup(tx, actor, request.params.groupId, request.body);
        return getGroup(tx, actor, request.params.groupId);
      }),
  );

  app.post(
    "/intervision/groups/:groupId/archive",
    { schema: { tags, params: groupParams, body: z.object({ version: versionSchema }), response: group } },
    (request) =>
      withTenant(request, async (tx, actor) => {
        await archiveGroup(tx, actor, request.params.groupId, request.body.version);
        return getGroup(tx, actor, request.params.groupId);
      }),
  );

  app.post(
    "/intervision/groups/:groupId/members",
    { schema: { tags, params: groupParams, body: memberInputSchema, response: group } },
    (request) =>
      withTenant(request, async (tx, actor) => {
        await addMember(tx, actor, request.params.groupId, request.body.userId);
        return getGroup(tx, actor, request.params.groupId);
      }),
  );

  app.post(
    "/intervision/groups/:groupId/members/remove",
    { schema: { tags, params: groupParams, body: memberInputSchema, response: group } },
    (request) =>
      withTenant(request, async (tx, actor) => {
        await removeMember(tx, actor, request.params.groupId, request.body.userId);
        return getGroup(tx, actor, request.params.groupId);
      }),
  );

  app.post(
    "/intervision/groups/:groupId/meetings",
    {
      schema: { tags, params: groupParams, body: planGroupMeetingSchema, response: { 201: groupMeetingDetailSchema } },
    },
    async (request, reply) => {
      const planned = await withTenant(request, async (tx, actor) => {
        const id = await planGroupMeeting(tx, actor, request.params.groupId, request.body);
        return getGroupMeeting(tx, actor, id);
      });
      return reply.status(201).send(planned);
    },
  );

  app.get(
    "/intervision/meetings/:groupMeetingId",
    { schema: { tags, params: meetingParams, response: meeting } },
    (request) => withTenant(request, (tx, actor) => getGroupMeeting(tx, actor, request.params.groupMeetingId)),
  );

  app.put(
    "/intervision/meetings/:groupMeetingId",
    { schema: { tags, params: meetingParams, body: updateGroupMeetingSchema, response: meeting } },
    (request) =>
      withTenant(request, async (tx, actor) => {
        await updateGroupMeeting(tx, actor, request.params.groupMeetingId, request.body);
        return getGroupMeeting(tx, actor, request.params.groupMeetingId);
      }),
  );

  app.post(
    "/intervision/meetings/:groupMeetingId/held",
    { schema: { tags, params: meetingParams, body: recordHeldSchema, response: meeting } },
    (request) =>
      withTenant(request, async (tx, actor) => {
        await recordHeld(tx, actor, request.params.groupMeetingId, request.body);
        return getGroupMeeting(tx, actor, request.params.groupMeetingId);
      }),
  );

  app.post(
    "/intervision/meetings/:groupMeetingId/attendance/confirm",
    { schema: { tags, params: meetingParams, body: confirmAttendanceSchema, response: meeting } },
    (request) =>
      withTenant(request, async (tx, actor) => {
        await confirmAttendance(tx, actor, request.params.groupMeetingId, request.body.userId);
        return getGroupMeeting(tx, actor, request.params.groupMeetingId);
      }),
  );

  app.put(
    "/intervision/meetings/:groupMeetingId/notes",
    { schema: { tags, params: meetingParams, body: notesSchema, response: meeting } },
    (request) =>
      withTenant(request, async (tx, actor) => {
        await saveNotes(tx, actor, request.params.groupMeetingId, request.body);
        return getGroupMeeting(tx, actor, request.params.groupMeetingId);
      }),
  );
};
