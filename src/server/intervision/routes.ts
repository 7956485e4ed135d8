import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Tx } from "../../db/connection.js";
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
import type { Actor } from "../../domain/roles.js";
import { versionSchema } from "../../domain/version.js";
import { changeThenShow, withTenant } from "../tenancy.js";
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
const showGroup = (groupId: string) => (tx: Tx, actor: Actor) => getGroup(tx, actor, groupId);
const showMeeting = (groupMeetingId: string) => (tx: Tx, actor: Actor) => getGroupMeeting(tx, actor, groupMeetingId);

/**
 * Intervisie: groups made by the admin or the training officer, everything inside a group its
 * members' own. Each route answers with the group or meeting as the requester now sees it.
 */
export const intervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/intervision/groups", { schema: { tags, response: { 200: groupListSchema } } }, (request) =>
    withTenant(request, (tx, actor) => listGroups(tx, actor)),
  );

  app.get("/intervision/candidates", { schema: { tags, response: { 200: candidatesSchema } } }, (request) =>
    withTenant(request, (tx, actor) => listCandidates(tx, actor)),
  );

  app.post(
    "/intervision/groups",
    { schema: { tags, body: createGroupSchema, response: { 201: groupDetailSchema } } },
    async (request, reply) => {
      const created = await changeThenShow(request, (tx, actor) => createGroup(tx, actor, request.body), getGroup);
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
      changeThenShow(
        request,
        (tx, actor) => updateGroup(tx, actor, request.params.groupId, request.body),
        showGroup(request.params.groupId),
      ),
  );

  app.post(
    "/intervision/groups/:groupId/archive",
    { schema: { tags, params: groupParams, body: z.object({ version: versionSchema }), response: group } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => archiveGroup(tx, actor, request.params.groupId, request.body.version),
        showGroup(request.params.groupId),
      ),
  );

  app.post(
    "/intervision/groups/:groupId/members",
    { schema: { tags, params: groupParams, body: memberInputSchema, response: group } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => addMember(tx, actor, request.params.groupId, request.body.userId),
        showGroup(request.params.groupId),
      ),
  );

  app.post(
    "/intervision/groups/:groupId/members/remove",
    { schema: { tags, params: groupParams, body: memberInputSchema, response: group } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => removeMember(tx, actor, request.params.groupId, request.body.userId),
        showGroup(request.params.groupId),
      ),
  );

  app.post(
    "/intervision/groups/:groupId/meetings",
    {
      schema: { tags, params: groupParams, body: planGroupMeetingSchema, response: { 201: groupMeetingDetailSchema } },
    },
    async (request, reply) => {
      const planned = await changeThenShow(
        request,
        (tx, actor) => planGroupMeeting(tx, actor, request.params.groupId, request.body),
        getGroupMeeting,
      );
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
      changeThenShow(
        request,
        (tx, actor) => updateGroupMeeting(tx, actor, request.params.groupMeetingId, request.body),
        showMeeting(request.params.groupMeetingId),
      ),
  );

  app.post(
    "/intervision/meetings/:groupMeetingId/held",
    { schema: { tags, params: meetingParams, body: recordHeldSchema, response: meeting } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => recordHeld(tx, actor, request.params.groupMeetingId, request.body),
        showMeeting(request.params.groupMeetingId),
      ),
  );

  app.post(
    "/intervision/meetings/:groupMeetingId/attendance/confirm",
    { schema: { tags, params: meetingParams, body: confirmAttendanceSchema, response: meeting } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => confirmAttendance(tx, actor, request.params.groupMeetingId, request.body.userId),
        showMeeting(request.params.groupMeetingId),
      ),
  );

  app.put(
    "/intervision/meetings/:groupMeetingId/notes",
    { schema: { tags, params: meetingParams, body: notesSchema, response: meeting } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => saveNotes(tx, actor, request.params.groupMeetingId, request.body),
        showMeeting(request.params.groupMeetingId),
      ),
  );
};
