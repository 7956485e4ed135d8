import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  acceptProposalSchema,
  createPathSchema,
  learningPathQuerySchema,
  learningPathViewSchema,
  updatePathSchema,
} from "../../domain/competences/path-api.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import { acceptProposal } from "./accept-proposal.js";
import { createLearningPath } from "./create-learning-path.js";
import { getLearningPath } from "./get-learning-path.js";
import { updateLearningPath } from "./update-learning-path.js";

const tags = ["learning-path"];
const security = [{ session: [] }];

export const learningPathRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/learning-path",
    {
      schema: {
        tags,
        security,
        summary:
          "The werkbegeleider's own learning path, its progress per competence and what a newer scan proposes (never stored by reading)",
        querystring: learningPathQuerySchema,
        response: { 200: learningPathViewSchema },
      },
    },
    (request) =>
      withTenant(request, (tx, actor) => getLearningPath(tx, actor, { frameworkId: request.query.framework })),
  );

  app.post(
    "/learning-path",
    {
      schema: {
        tags,
        security,
        summary: "Make the learning path from one of the werkbegeleider's finished scans (one per framework)",
        body: createPathSchema,
        response: { 201: learningPathViewSchema },
      },
    },
    async (request, reply) => {
      const view = await changeThenShow(
        request,
        (tx, actor) => createLearningPath(tx, actor, request.body),
        (tx, actor, frameworkId) => getLearningPath(tx, actor, { frameworkId }),
      );
      return reply.status(201).send(view);
    },
  );

  app.put(
    "/learning-path",
    {
      schema: {
        tags,
        security,
        summary: "The owner changes their path: order, status, notes, added competences (versioned: stale is 409)",
        body: updatePathSchema,
        response: { 200: learningPathViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => updateLearningPath(tx, actor, request.body),
        (tx, actor) => getLearningPath(tx, actor, { frameworkId: request.body.frameworkId }),
      ),
  );

  app.post(
    "/learning-path/accept-proposal",
    {
      schema: {
        tags,
        security,
        summary: "Take over what a newer scan proposes; nothing the owner did is thrown away (versioned)",
        body: acceptProposalSchema,
        response: { 200: learningPathViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => acceptProposal(tx, actor, request.body),
        (tx, actor) => getLearningPath(tx, actor, { frameworkId: request.body.frameworkId }),
      ),
  );
};
