import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  compareQuerySchema,
  createFrameworkSchema,
  extensionsViewSchema,
  frameworkDetailSchema,
  frameworkListSchema,
  saveExtensionsSchema,
  saveVersionSchema,
  startDraftSchema,
  versionComparisonSchema,
  versionViewSchema,
} from "../../domain/competences/api.js";
import { attachment } from "../http/files.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import { compareFrameworkVersions } from "./compare.js";
import { createFramework } from "./create-framework.js";
import { exportVersion } from "./export-version.js";
import { getExtensions, saveExtensions } from "./extensions.js";
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

  app.post(
    "/frameworks",
    {
      schema: {
        tags,
        security,
        summary:
          "Begin a framework of my organisation (admin, praktijkopleider) or of the network (coordinator), with a first draft: a copy of a published version or an outline",
        body: createFrameworkSchema,
        response: { 201: frameworkDetailSchema },
      },
    },
    async (request, reply) => {
      const detail = await changeThenShow(
        request,
        (tx, actor) => createFramework(tx, actor, request.body),
        (tx, actor, id) => getFramework(tx, actor, id),
      );
      return reply.status(201).send(detail);
    },
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

  for (const format of ["json", "csv"] as const) {
    app.get(
      `/frameworks/:frameworkId/versions/:versionId/export.${format}`,
      {
        schema: {
          tags,
          security,
          summary:
            format === "json"
              ? "A version's whole document as a JSON file (a draft only to its editors)"
              : "A version's competences, skills and behaviours as a CSV file (a draft only to its editors)",
          params: versionParams,
        },
      },
      async (request, reply) => {
        const file = await withTenant(request, (tx, actor) =>
          exportVersion(tx, actor, request.params.frameworkId, request.params.versionId, format),
        );
        return reply.type(file.type).header("content-disposition", attachment(file.name)).send(file.body);
      },
    );
  }

  app.get(
    "/frameworks/:frameworkId/compare",
    {
      schema: {
        tags,
        security,
        summary: "Two versions compared: added, changed and retired items, with both documents",
        params: frameworkParams,
        querystring: compareQuerySchema,
        response: { 200: versionComparisonSchema },
      },
    },
    (request) =>
      withTenant(request, (tx, actor) =>
        compareFrameworkVersions(tx, actor, request.params.frameworkId, request.query.from, request.query.to),
      ),
  );
  app.get(
    "/frameworks/:frameworkId/extensions",
    {
      schema: {
        tags,
        security,
        summary: "My organisation's own additions to a network framework, and the competences they hang on",
        params: frameworkParams,
        response: { 200: extensionsViewSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => getExtensions(tx, actor, request.params.frameworkId)),
  );

  app.put(
    "/frameworks/:frameworkId/extensions",
    {
      schema: {
        tags,
        security,
        summary:
          "Save my organisation's additions as a whole (versioned: a stale version is 409); the shared version never changes",
        params: frameworkParams,
        body: saveExtensionsSchema,
        response: { 200: extensionsViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => saveExtensions(tx, actor, request.params.frameworkId, request.body),
        (tx, actor) => getExtensions(tx, actor, request.params.frameworkId),
      ),
  );
};
