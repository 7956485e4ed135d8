import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  caseListSchema,
  caseQuerySchema,
  caseViewSchema,
  createCaseSchema,
  reviewCaseSchema,
  submitCaseSchema,
  updateCaseSchema,
  withdrawCaseSchema,
} from "../../domain/cases/api.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import { createCase, getCase, listCases, reviewCase, submitCase, updateCase, withdrawCase } from "./service.js";

const tags = ["cases"];
const security = [{ session: [] }];
const caseParams = z.object({ caseId: z.uuid() });

/** The case library (decision 0028): write, review, read and search cases from practice. */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/cases",
    {
      schema: {
        tags,
        security,
        summary:
          "Approved cases of the organisation and its network (search and filter), the reader's own unfinished ones, and those waiting for their review",
        querystring: caseQuerySchema,
        response: { 200: caseListSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => listCases(tx, actor, request.query)),
  );

  app.post(
    "/cases",
    {
      schema: {
        tags,
        security,
        summary: "Begin a case as a draft, for the organisation or for the network",
        body: createCaseSchema,
        response: { 201: caseViewSchema },
      },
    },
    async (request, reply) => {
      const view = await changeThenShow(
        request,
        (tx, actor) => createCase(tx, actor, request.body),
        (tx, actor, id) => getCase(tx, actor, id),
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    "/cases/:caseId",
    {
      schema: {
        tags,
        security,
        summary: "One case, with what looks like personal data in it for its author and reviewer",
        params: caseParams,
        response: { 200: caseViewSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => getCase(tx, actor, request.params.caseId)),
  );

  app.put(
    "/cases/:caseId",
    {
      schema: {
        tags,
        security,
        summary: "The author changes a draft or a case sent back (versioned: stale is 409 with the current case)",
        params: caseParams,
        body: updateCaseSchema,
        response: { 200: caseViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => updateCase(tx, actor, request.params.caseId, request.body),
        (tx, actor) => getCase(tx, actor, request.params.caseId),
      ),
  );

  app.post(
    "/cases/:caseId/submit",
    {
      schema: {
        tags,
        security,
        summary:
          "Send the case for review by a trainer; when the text looks like it names a person, `privacyChecked` must confirm it was checked",
        params: caseParams,
        body: submitCaseSchema,
        response: { 200: caseViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => submitCase(tx, actor, request.params.caseId, request.body),
        (tx, actor) => getCase(tx, actor, request.params.caseId),
      ),
  );

  app.post(
    "/cases/:caseId/review",
    {
      schema: {
        tags,
        security,
        summary: "A trainer of the organisation approves the case, or sends it back with a reason",
        params: caseParams,
        body: reviewCaseSchema,
        response: { 200: caseViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => reviewCase(tx, actor, request.params.caseId, request.body),
        (tx, actor) => getCase(tx, actor, request.params.caseId),
      ),
  );

  app.post(
    "/cases/:caseId/withdraw",
    {
      schema: {
        tags,
        security,
        summary:
          "The author or a trainer of the organisation takes an approved case back from its readers, with a reason; it returns to its author",
        params: caseParams,
        body: withdrawCaseSchema,
        response: { 200: caseViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => withdrawCase(tx, actor, request.params.caseId, request.body),
        (tx, actor) => getCase(tx, actor, request.params.caseId),
      ),
  );
};
