import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  copyRegimeSchema,
  regimeListSchema,
  regimeViewSchema,
  updateRegimeSchema,
} from "../../domain/trajectories/api.js";
import { withTenant } from "../tenancy.js";
import { copyRegime, getRegime, listRegimes, updateRegime } from "./service.js";

const tags = ["regimes"];
const params = z.object({ regimeId: z.uuid() });

/** Regimes: the built-in ones and the organisation's own copies with changed numbers. */
export const regimeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/regimes", { schema: { tags, response: { 200: regimeListSchema } } }, (request) =>
    withTenant(request, (tx, actor) => listRegimes(tx, actor)),
  );

  app.post(
    "/regimes",
    { schema: { tags, body: copyRegimeSchema, response: { 201: regimeViewSchema } } },
    async (request, reply) => {
      const regime = await withTenant(request, (tx, actor) => copyRegime(tx, actor, request.body));
      return reply.status(201).send(regime);
    },
  );

  app.get("/regimes/:regimeId", { schema: { tags, params, response: { 200: regimeViewSchema } } }, (request) =>
    withTenant(request, (tx, actor) => getRegime(tx, actor, request.params.regimeId)),
  );

  app.put(
    "/regimes/:regimeId",
    { schema: { tags, params, body: updateRegimeSchema, response: { 200: regimeViewSchema } } },
    (request) => withTenant(request, (tx, actor) => updateRegime(tx, actor, request.params.regimeId, request.body)),
  );
};
