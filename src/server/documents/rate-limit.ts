import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { SESSION_COOKIE } from "../auth/session.js";

/** Per session: the same person behind one address is one key, people sharing an address are not. */
const sessionKey = (request: FastifyRequest) => {
  const token = request.cookies[SESSION_COOKIE];
  return token ? `session:${createHash("sha256").update(token).digest("hex")}` : `address:${request.ip}`;
};

/**
 * The route config of every PDF download: a PDF costs a worker thread for a while, so each
 * session may ask for a limited number per minute (more is 429). Counted once the request is
 * valid: bad input is told what is wrong (422) and uses none of the allowance.
 */
export const pdfRouteConfig = (app: FastifyInstance) => ({
  rateLimit: {
    max: app.config.PDF_LIMIT_PER_SESSION,
    timeWindow: "1 minute",
    keyGenerator: sessionKey,
    hook: "preHandler" as const,
  },
});
