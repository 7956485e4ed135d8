import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export const declarationRoutes: FastifyPluginAsyncZod = async () => {};
