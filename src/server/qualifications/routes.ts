import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  qualificationListSchema,
  saveQualificationSchema,
  updateQualificationSchema,
} from "../../domain/qualifications/api.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import { createQualification, deleteQualification, listQualifications, updateQualification } from "./service.js";

const tags = ["qualifications"];
const params = z.object({ qualificationId: z.uuid() });
const list = { 200: qualificationListSchema };

/** Qualifications: their core tasks and work processes, kept by the praktijkopleider, read by every member. */
export const qualificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/qualifications", { schema: { tags, response: list } }, (request) =>
    withTenant(request, (tx, actor) => listQualifications(tx, actor)),
  );

  app.post(
    "/qualifications",
    { schema: { tags, body: saveQualificationSchema, response: { 201: qualificationListSchema } } },
    async (request, reply) => {
      const saved = await changeThenShow(
        request,
        (tx, actor) => createQualification(tx, actor, request.body),
        (tx, actor) => listQualifications(tx, actor),
      );
      return reply.status(201).send(saved);
    },
  );

  app.put(
    "/qualifications/:qualificationId",
    { schema: { tags, params, body: updateQualificationSchema, response: list } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => updateQualification(tx, actor, request.params.qualificationId, request.body),
        (tx, actor) => listQualifications(tx, actor),
      ),
  );

  app.delete("/qualifications/:qualificationId", { schema: { tags, params, response: list } }, (request) =>
    changeThenShow(
      request,
      (tx, actor) => deleteQualification(tx, actor, request.params.qualificationId),
      (tx, actor) => listQualifications(tx, actor),
    ),
  );
};
