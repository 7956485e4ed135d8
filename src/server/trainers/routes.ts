import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  answerRequestSchema,
  certifySchema,
  signOffSchema,
  supervisedTrainingSchema,
  trainerOverviewSchema,
  trainerProfileSchema,
  trainerRequestSchema,
  withdrawRequestSchema,
} from "../../domain/trainers/api.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import { trainerMail } from "./mail.js";
import {
  answerTrainerRequest,
  certifyTrainer,
  getTrainers,
  requestTrainer,
  updateTrainerProfile,
  withdrawTrainerRequest,
} from "./service.js";
import { recordSupervisedTraining, signOffSupervisedTraining } from "./supervision.js";

const tags = ["trainers"];
const response = { 200: trainerOverviewSchema };
const requestParams = z.object({ trainerRequestId: z.uuid() });

/**
 * The trainer pool: trainers' topics and availability, their certification by a network
 * coordinator, the count per member, and requests for another member's trainer. Every change
 * answers with the overview as the requester now sees it.
 */
export const trainerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/trainers", { schema: { tags, response } }, (request) => withTenant(request, getTrainers));

  app.put(
    "/trainers/:personId/profile",
    { schema: { tags, params: z.object({ personId: z.uuid() }), body: trainerProfileSchema, response } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => updateTrainerProfile(tx, actor, request.params.personId, request.body),
        getTrainers,
      ),
  );

  app.post(
    "/trainers/:personId/supervised-trainings",
    { schema: { tags, params: z.object({ personId: z.uuid() }), body: supervisedTrainingSchema, response } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => recordSupervisedTraining(tx, actor, request.params.personId, request.body),
        getTrainers,
      ),
  );

  app.post(
    "/supervised-trainings/:supervisedTrainingId/sign-off",
    { schema: { tags, params: z.object({ supervisedTrainingId: z.uuid() }), body: signOffSchema, response } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => signOffSupervisedTraining(tx, actor, request.params.supervisedTrainingId, request.body.feedback),
        getTrainers,
      ),
  );

  app.post("/trainer-certificates", { schema: { tags, body: certifySchema, response } }, (request) =>
    changeThenShow(request, (tx, actor) => certifyTrainer(tx, actor, request.body), getTrainers),
  );

  app.post("/trainer-requests", { schema: { tags, body: trainerRequestSchema, response } }, (request) =>
    changeThenShow(request, (tx, actor) => requestTrainer(tx, actor, request.body, trainerMail(request)), getTrainers),
  );

  app.post(
    "/trainer-requests/:trainerRequestId/answer",
    { schema: { tags, params: requestParams, body: answerRequestSchema, response } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) =>
          answerTrainerRequest(tx, actor, request.params.trainerRequestId, request.body, trainerMail(request)),
        getTrainers,
      ),
  );

  app.post(
    "/trainer-requests/:trainerRequestId/withdraw",
    { schema: { tags, params: requestParams, body: withdrawRequestSchema, response } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => withdrawTrainerRequest(tx, actor, request.params.trainerRequestId, request.body.version),
        getTrainers,
      ),
  );
};
