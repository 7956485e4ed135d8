import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { castVoteSchema, consensusViewSchema } from "../../../domain/competences/consensus-api.js";
import { changeThenShow, withTenant } from "../../tenancy.js";
import { castVote, getConsensus, openVoting, publishAgreed, withdrawVersion } from "./service.js";

const tags = ["frameworks"];
const security = [{ session: [] }];
const params = z.object({ frameworkId: z.uuid(), versionId: z.uuid() });

/** The consensus round on a network framework's version; every change answers the round as it stands. */
export const consensusRoutes: FastifyPluginAsyncZod = async (app) => {
  const show =
    (request: { params: { frameworkId: string; versionId: string } }) =>
    (tx: Parameters<typeof getConsensus>[0], actor: Parameters<typeof getConsensus>[1]) =>
      getConsensus(tx, actor, request.params.frameworkId, request.params.versionId);

  app.get(
    "/frameworks/:frameworkId/versions/:versionId/consensus",
    {
      schema: {
        tags,
        security,
        summary: "The consensus round: the rule, who voted what, comments per item, earlier rounds",
        params,
        response: { 200: consensusViewSchema },
      },
    },
    (request) => withTenant(request, show(request)),
  );

  const action = (path: string, summary: string, run: typeof openVoting) =>
    app.post(
      `/frameworks/:frameworkId/versions/:versionId/${path}`,
      { schema: { tags, security, summary, params, response: { 200: consensusViewSchema } } },
      (request) =>
        changeThenShow(
          request,
          (tx, actor) => run(tx, actor, request.params.frameworkId, request.params.versionId),
          show(request),
        ),
    );
  action("voting", "Open voting on a draft (the network's coordinators)", openVoting);
  action("publish", "Publish a version the network agreed on (the network's coordinators)", publishAgreed);
  action("withdraw", "Withdraw a version still drafted or voted on (the network's coordinators)", withdrawVersion);

  app.post(
    "/frameworks/:frameworkId/versions/:versionId/votes",
    {
      schema: {
        tags,
        security,
        summary: "A member organisation's representative approves, rejects with a reason, or comments on an item",
        params,
        body: castVoteSchema,
        response: { 201: consensusViewSchema },
      },
    },
    async (request, reply) => {
      const view = await changeThenShow(
        request,
        (tx, actor) => castVote(tx, actor, request.params.frameworkId, request.params.versionId, request.body),
        show(request),
      );
      return reply.status(201).send(view);
    },
  );
};
