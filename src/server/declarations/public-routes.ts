import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** The verification of a declaration's PDF or hash, open to anyone holding one. */
export const verificationRoutes: FastifyPluginAsyncZod = async () => {};
