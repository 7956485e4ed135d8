import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export const evidenceRoutes: FastifyPluginAsyncZod = async () => {};
