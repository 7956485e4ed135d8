import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  frameworkDetailSchema,
  frameworkListSchema,
  saveVersionSchema,
  startDraftSchema,
  versionViewSchema,
} from "../../domain/competences/api.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import { getFramework, getVersion } from "./get-framework.js";
import { listFrameworks } from "./list-frameworks.js";
import { saveVersion } from "./save-version.js";
import { startDraft } from "./start-draft.js";

const tags = ["frameworks"];
const security = [{ session: [] }];
const frameworkParams = z.object({ frameworkId: z.uuid() });
const versionParams = z.object({ frameworkId: z.uuid(), versionId: z.uuid() });

export const frameworkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/frameworks",
    {
      schema: {
        tags,
        security,
        summary: "The competence frameworks the organisation reads: its network's and its own",
        response: { 200: frameworkListSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => listFrameworks(tx, actor)),
  );

  app.get(
    "/frameworks/:frameworkId",
    {
      schema: {
        tags,
        security,
        summary: "One framework: its versions, and the framework as this organisation uses it",
        params: frameworkParams,
        response: { 200: frameworkDetailSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => getFramework(tx, actor, request.params.frameworkId)),
  );

  app.post(
    "/frameworks/:frameworkId/versions",
    {
      schema: {
        tags,
        security,
        summary: "Begin the next version as a draft (its editors; one open version at a time)",
        params: frameworkParams,
        body: startDraftSchema,
        response: { 201: versionViewSchema },
      },
    },
    async (request, reply) => {
      const view = await changeThenShow(
        request,
        (tx, actor) => startDraft(tx, actor, request.params.frameworkId, request.body),
        (tx, actor, id) => getVersion(tx, actor, request.params.frameworkId, id),
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    "/frameworks/:frameworkId/versions/:versionId",
    {
      schema: {
        tags,
        security,
        summary: "One version with its document (a draft only to its editors)",
        params: versionParams,
        response: { 200: versionViewSchema },
      },
    },
    (request) =>
      withTenant(request, (tx, actor) => getVersion(tx, actor, request.params.frameworkId, request.params.versionId)),
  );

  app.put(
    "/frameworks/:frameworkId/versions/:versionId",
    {
      schema: {
        tags,
        security,
        summary: "Save a draft or a version being voted on (a change while voting starts the next round; versioned)",
        params: versionParams,
        body: saveVersionSchema,
        response: { 200: versionViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => saveVersion(tx, actor, request.params.frameworkId, request.params.versionId, request.body),
        (tx, actor) => getVersion(tx, actor, request.params.frameworkId, request.params.versionId),
      ),
  );
};
