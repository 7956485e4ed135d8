import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export const invitationRoutes: FastifyPluginAsyncZod = async (_app) => {};
