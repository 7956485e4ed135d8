import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export const intervisionRoutes: FastifyPluginAsyncZod = async () => {};
