import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Tx } from "../../db/connection.js";
import {
  assignmentQueueSchema,
  blockActionSchema,
  createModuleSchema,
  learnerViewSchema,
  moduleDetailSchema,
  moduleListSchema,
  moduleVersionViewSchema,
  publishModuleSchema,
  quizAnswersSchema,
  quizResultSchema,
  reviewSchema,
  saveModuleVersionSchema,
} from "../../domain/modules/api.js";
import { canFollowModules } from "../../domain/modules/policy.js";
import type { Actor } from "../../domain/roles.js";
import { attachment } from "../http/files.js";
import { forbidden, notFound, unauthorized } from "../http/problem.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import {
  acceptEvidence,
  assignmentEvidence,
  assignmentQueue,
  readSubmission,
  reviewAssignment,
  submitAssignment,
} from "./assignments.js";
import {
  createModule,
  getModuleVersion,
  publishModuleVersion,
  saveModuleVersion,
  startModuleDraft,
} from "./authoring.js";
import { attemptQuiz, learnerView, ownProgress, recordBlock, startModule } from "./learning.js";
import { getModule, listModules } from "./library.js";

const tags = ["modules"];
const security = [{ session: [] }];
const moduleParams = z.object({ moduleId: z.uuid() });
const versionParams = z.object({ moduleId: z.uuid(), moduleVersionId: z.uuid() });
const assignmentParams = z.object({ assignmentId: z.uuid() });

/** The learner's view after a change, from their own progress. */
async function showLearner(tx: Tx, actor: Actor, moduleId: string) {
  const progress = await ownProgress(tx, actor, moduleId);
  if (!progress) throw notFound();
  return learnerView(tx, actor, progress);
}

export const moduleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/modules",
    {
      schema: {
        tags,
        security,
        summary: "The module library: the network's modules and the organisation's own, with my progress",
        response: { 200: moduleListSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => listModules(tx, actor)),
  );

  app.post(
    "/modules",
    {
      schema: {
        tags,
        security,
        summary:
          "Begin a module of my organisation or of the network (trainers, praktijkopleiders), from an outline or as a local copy of a published version",
        body: createModuleSchema,
        response: { 201: moduleDetailSchema },
      },
    },
    async (request, reply) => {
      const detail = await changeThenShow(
        request,
        (tx, actor) => createModule(tx, actor, request.body),
        (tx, actor, id) => getModule(tx, actor, id),
      );
      return reply.status(201).send(detail);
    },
  );

  app.get(
    "/modules/:moduleId",
    {
      schema: {
        tags,
        security,
        summary: "One module: its versions, a preview, and my progress once I started it",
        params: moduleParams,
        response: { 200: moduleDetailSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => getModule(tx, actor, request.params.moduleId)),
  );

  app.post(
    "/modules/:moduleId/versions",
    {
      schema: {
        tags,
        security,
        summary: "Begin the next version as a draft, from the newest published one (its authors; one draft at a time)",
        params: moduleParams,
        response: { 201: moduleVersionViewSchema },
      },
    },
    async (request, reply) => {
      const view = await changeThenShow(
        request,
        (tx, actor) => startModuleDraft(tx, actor, request.params.moduleId),
        (tx, actor, id) => getModuleVersion(tx, actor, request.params.moduleId, id),
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    "/modules/:moduleId/versions/:moduleVersionId",
    {
      schema: {
        tags,
        security,
        summary: "One version with its whole document (a draft only to its authors)",
        params: versionParams,
        response: { 200: moduleVersionViewSchema },
      },
    },
    (request) =>
      withTenant(request, (tx, actor) =>
        getModuleVersion(tx, actor, request.params.moduleId, request.params.moduleVersionId),
      ),
  );

  app.put(
    "/modules/:moduleId/versions/:moduleVersionId",
    {
      schema: {
        tags,
        security,
        summary: "Save a draft (versioned: a stale version is 409); a published version never changes",
        params: versionParams,
        body: saveModuleVersionSchema,
        response: { 200: moduleVersionViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) =>
          saveModuleVersion(tx, actor, request.params.moduleId, request.params.moduleVersionId, request.body),
        (tx, actor) => getModuleVersion(tx, actor, request.params.moduleId, request.params.moduleVersionId),
      ),
  );

  app.post(
    "/modules/:moduleId/versions/:moduleVersionId/publish",
    {
      schema: {
        tags,
        security,
        summary: "Publish a draft: frozen from then on; new learners start on it, others keep theirs",
        params: versionParams,
        body: publishModuleSchema,
        response: { 200: moduleVersionViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) =>
          publishModuleVersion(tx, actor, request.params.moduleId, request.params.moduleVersionId, request.body),
        (tx, actor) => getModuleVersion(tx, actor, request.params.moduleId, request.params.moduleVersionId),
      ),
  );

  app.post(
    "/modules/:moduleId/progress",
    {
      schema: {
        tags,
        security,
        summary: "Start following a module, on its newest published version (again: my progress as it is)",
        params: moduleParams,
        response: { 200: learnerViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => startModule(tx, actor, request.params.moduleId),
        (tx, actor, progress) => learnerView(tx, actor, progress),
      ),
  );

  app.put(
    "/modules/:moduleId/progress/blocks",
    {
      schema: {
        tags,
        security,
        summary: "Record what I did at a block: came to it, read or watched it, reflected, took part in the training",
        params: moduleParams,
        body: blockActionSchema,
        response: { 200: learnerViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => recordBlock(tx, actor, request.params.moduleId, request.body),
        (tx, actor) => showLearner(tx, actor, request.params.moduleId),
      ),
  );

  app.post(
    "/modules/:moduleId/progress/quizzes",
    {
      schema: {
        tags,
        security,
        summary: "Answer a quiz: scored, with the feedback on my choices; every attempt is kept",
        params: moduleParams,
        body: quizAnswersSchema,
        response: { 200: quizResultSchema },
      },
    },
    (request) =>
      withTenant(request, (tx, actor) =>
        attemptQuiz(tx, actor, request.params.moduleId, request.body.block, request.body.answers),
      ),
  );

  app.post(
    "/modules/:moduleId/progress/assignments",
    {
      schema: {
        tags,
        security,
        summary:
          "Hand in an on-the-job assignment: multipart with `block`, `description` and optionally an `evidence` photo (JPEG, PNG or WebP) or PDF",
        params: moduleParams,
        consumes: ["multipart/form-data"],
        response: { 201: learnerViewSchema },
      },
    },
    async (request, reply) => {
      // Who may not follow modules is refused before the upload is read.
      if (!request.auth) throw unauthorized();
      if (!canFollowModules(request.auth.actor)) throw forbidden();
      const submission = await readSubmission(request);
      const evidence = submission.file ? await acceptEvidence(app.pdfCheck, submission.file) : null;
      const view = await changeThenShow(
        request,
        (tx, actor) =>
          submitAssignment(tx, actor, request.params.moduleId, submission.block, {
            description: submission.description,
            evidence,
          }),
        (tx, actor) => showLearner(tx, actor, request.params.moduleId),
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    "/assignments",
    {
      schema: {
        tags,
        security,
        summary: "The on-the-job assignments I sign off (praktijkopleider: everyone's; team leader: my team's)",
        response: { 200: assignmentQueueSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => assignmentQueue(tx, actor)),
  );

  app.post(
    "/assignments/:assignmentId/review",
    {
      schema: {
        tags,
        security,
        summary: "Sign an assignment off, or send it back with a reason",
        params: assignmentParams,
        body: reviewSchema,
        response: { 200: assignmentQueueSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => reviewAssignment(tx, actor, request.params.assignmentId, request.body),
        (tx, actor) => assignmentQueue(tx, actor),
      ),
  );

  app.get(
    "/assignments/:assignmentId/evidence",
    {
      schema: {
        tags,
        security,
        summary: "The photo or PDF handed in with an assignment (its learner and its reviewers)",
        params: assignmentParams,
      },
    },
    async (request, reply) => {
      const file = await withTenant(request, (tx, actor) => assignmentEvidence(tx, actor, request.params.assignmentId));
      reply.type(file.mime).header("cache-control", "private, no-store");
      // A PDF is downloaded, never shown inside Koers: what it holds is the uploader's.
      if (file.mime === "application/pdf") reply.header("content-disposition", attachment("bewijs.pdf"));
      return reply.send(file.bytes);
    },
  );
};
