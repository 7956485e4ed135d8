import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { networkViewSchema, renameNetworkSchema } from "../../domain/networks/schemas.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import { getNetwork, renameNetwork } from "./service.js";

const tags = ["network"];
const security = [{ session: [] }];

export const networkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/network",
    {
      schema: {
        tags,
        security,
        summary: "The current organisation's network: name, members and coordinators (null outside a network)",
        response: { 200: networkViewSchema },
      },
    },
    (request) => withTenant(request, (tx, actor) => getNetwork(tx, actor)),
  );

  app.put(
    "/network",
    {
      schema: {
        tags,
        security,
        summary: "Rename the network (coordinators; versioned: a stale version is 409)",
        body: renameNetworkSchema,
        response: { 200: networkViewSchema },
      },
    },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => renameNetwork(tx, actor, request.body),
        (tx, actor) => getNetwork(tx, actor),
      ),
  );
};
