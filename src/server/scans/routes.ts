import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  answerSchema,
  compareScansQuerySchema,
  friendRequestListSchema,
  friendRequestSchema,
  inviteFriendSchema,
  saveScanSchema,
  scanComparisonSchema,
  scanDetailSchema,
  scanListSchema,
  scanOverviewSchema,
  scanResultsSchema,
  startScanSchema,
  tokenAnswerSchema,
  tokenSchema,
} from "../../domain/competences/scan-api.js";
import { requestOrigin } from "../plugins/auth.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import {
  answerFriendRequest,
  answerLink,
  declineFriendRequest,
  declineLink,
  describeLink,
  getFriendRequest,
  listFriendRequests,
} from "./friends.js";
import { compareScans, getScanResults, scanOverview } from "./results.js";
import {
  finishScan,
  friendMail,
  getScan,
  inviteFriend,
  listScans,
  saveScan,
  startScan,
  withdrawFriend,
} from "./service.js";

const tags = ["scans"];
const security = [{ session: [] }];
const scanParams = z.object({ scanId: z.uuid() });
const friendParams = z.object({ scanId: z.uuid(), friendId: z.uuid() });
const requestParams = z.object({ friendId: z.uuid() });

export const scanRoutes: FastifyPluginAsyncZod = async (app) => {
  const publicLimit = { rateLimit: { max: app.config.LOGIN_LIMIT_PER_ADDRESS, timeWindow: "1 minute" } };

  app.get(
    "/scans",
    {
      schema: {
        tags,
        security,
        summary: "My self-scans here (the open one, then the finished ones newest first) and what I may start",
        response: { 200: scanListSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => listScans(tx, actor)),
  );

  app.post(
    "/scans",
    {
      schema: {
        tags,
        security,
        summary: "Start a self-scan on a framework's newest published version (one open scan at a time: 409)",
        body: startScanSchema,
        response: { 201: scanDetailSchema },
      },
    },
    async (request, reply) => {
      const scan = await changeThenShow(
        request,
        (tx, actor) => startScan(tx, actor, request.body),
        (tx, actor, id) => getScan(tx, actor, id),
      );
      return reply.status(201).send(scan);
    },
  );

  app.get(
    "/scans/:scanId",
    {
      schema: {
        tags,
        security,
        summary: "My own scan: the framework as scanned, my ratings and examples, my friends (never their answers)",
        params: scanParams,
        response: { 200: scanDetailSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => getScan(tx, actor, request.params.scanId)),
  );

  app.get(
    "/scans/:scanId/results",
    {
      schema: {
        tags,
        security,
        summary:
          "A finished scan's result per competence: self, friends by kind (only groups of two or more), target, gaps and strengths. For its owner, the praktijkopleider and the owner's team leader",
        params: scanParams,
        response: { 200: scanResultsSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => getScanResults(tx, actor, request.params.scanId)),
  );

  app.get(
    "/scans/compare",
    {
      schema: {
        tags,
        security,
        summary: "Growth per competence between two finished scans of one person (matched by competence key)",
        querystring: compareScansQuerySchema,
        response: { 200: scanComparisonSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => compareScans(tx, actor, request.query.from, request.query.to)),
  );

  app.get(
    "/scan-overview",
    {
      schema: {
        tags,
        security,
        summary:
          "Per werkbegeleider: scanned or not and the latest result in brief. The praktijkopleider sees everyone, a team leader their own team",
        response: { 200: scanOverviewSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => scanOverview(tx, actor)),
  );

  app.put(
    "/scans/:scanId",
    {
      schema: {
        tags,
        security,
        summary: "Save ratings and examples as I go (merged; versioned: a stale version is 409; only while open)",
        params: scanParams,
        body: saveScanSchema,
        response: { 200: scanDetailSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => saveScan(tx, actor, request.params.scanId, request.body),
        (tx, actor) => getScan(tx, actor, request.params.scanId),
      ),
  );

  app.post(
    "/scans/:scanId/finish",
    {
      schema: {
        tags,
        security,
        summary: "Finish the scan once every behaviour is rated (422 names the missing ones); it never changes again",
        params: scanParams,
        response: { 200: scanDetailSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => finishScan(tx, actor, request.params.scanId),
        (tx, actor) => getScan(tx, actor, request.params.scanId),
      ),
  );

  app.post(
    "/scans/:scanId/friends",
    {
      schema: {
        tags,
        security,
        summary:
          "Ask a critical friend: a member (in-app) or someone without an account (a mail with a single-use link)",
        params: scanParams,
        body: inviteFriendSchema,
        response: { 201: scanDetailSchema },
      },
    },
    async (request, reply) => {
      const scan = await changeThenShow(
        request,
        (tx, actor) => inviteFriend(tx, actor, request.params.scanId, request.body, friendMail(request)),
        (tx, actor) => getScan(tx, actor, request.params.scanId),
      );
      return reply.status(201).send(scan);
    },
  );

  app.delete(
    "/scans/:scanId/friends/:friendId",
    {
      schema: {
        tags,
        security,
        summary: "Withdraw a friend's invitation that is not answered yet",
        params: friendParams,
        response: { 200: scanDetailSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => withdrawFriend(tx, actor, request.params.scanId, request.params.friendId),
        (tx, actor) => getScan(tx, actor, request.params.scanId),
      ),
  );

  app.get(
    "/friend-requests",
    {
      schema: {
        tags,
        security,
        summary: "My open requests to rate someone",
        response: { 200: friendRequestListSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => listFriendRequests(tx, actor)),
  );

  app.get(
    "/friend-requests/:friendId",
    {
      schema: {
        tags,
        security,
        summary: "One request to me: whose scan, the behaviours to rate and the scale; nothing else",
        params: requestParams,
        response: { 200: friendRequestSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => getFriendRequest(tx, actor, request.params.friendId)),
  );

  app.put(
    "/friend-requests/:friendId",
    {
      schema: {
        tags,
        security,
        summary: "Answer a request with my ratings (once)",
        params: requestParams,
        body: answerSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await withTenant(request, (tx, actor) => answerFriendRequest(tx, actor, request.params.friendId, request.body));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/friend-requests/:friendId/decline",
    {
      schema: {
        tags,
        security,
        summary: "Decline a request",
        params: requestParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await withTenant(request, (tx, actor) => declineFriendRequest(tx, actor, request.params.friendId));
      return reply.status(204).send(null);
    },
  );

  // Public: someone without an account; the token from the mail is the credential.
  app.get(
    "/friend-links",
    {
      schema: {
        tags,
        summary: "What a friend's link shows: whose scan, the behaviours to rate and the scale",
        querystring: tokenSchema,
        response: { 200: friendRequestSchema },
      },
      config: publicLimit,
    },
    (request) => describeLink(app.db, request.query.token),
  );

  app.post(
    "/friend-links/answer",
    {
      schema: {
        tags,
        summary: "Answer by the link, once: the link then no longer works",
        body: tokenAnswerSchema,
        response: { 204: z.null() },
      },
      config: publicLimit,
    },
    async (request, reply) => {
      const { token, ...input } = request.body;
      await answerLink(app.db, token, input, requestOrigin(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/friend-links/decline",
    {
      schema: { tags, summary: "Decline by the link", body: tokenSchema, response: { 204: z.null() } },
      config: publicLimit,
    },
    async (request, reply) => {
      await declineLink(app.db, request.body.token, requestOrigin(request));
      return reply.status(204).send(null);
    },
  );
};
