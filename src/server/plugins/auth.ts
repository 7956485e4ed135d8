import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/connection.js";
import { type Actor, type RequestOrigin, USER_AGENT_MAX } from "../../domain/roles.js";
import { type AuthContext, loadSession, SESSION_COOKIE, SESSION_DAYS } from "../auth/session.js";
import { newToken } from "../auth/tokens.js";
import { forbidden, HttpProblem, unauthorized } from "../http/problem.js";
import { ownershipOf } from "./tenant-params.js";

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null;
    /** Whether everything the path names belongs to the signed-in person's organisation (see TENANT_PARAMS). */
    ownsPath: boolean;
  }
}

export const CSRF_COOKIE = "koers_csrf";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string | undefined, b: string | undefined) {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function cookieOptions(secure: boolean, maxAgeSeconds: number) {
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure, maxAge: maxAgeSeconds };
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(secure, SESSION_DAYS * 86_400));
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

/**
 * The CSRF token a client must echo in the x-csrf-token header: the session's once signed in,
 * before that a random one kept in an HttpOnly cookie (the page learns it from /auth/session).
 */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  if (request.auth) return request.auth.csrfToken;
  const existing = request.cookies[CSRF_COOKIE];
  if (existing) return existing;
  const token = newToken();
  reply.setCookie(CSRF_COOKIE, token, cookieOptions(secure, 86_400));
  return token;
}

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

/** 403 unless the policy lets this actor do it. Policies live in the domain; this only enforces them. */
export function assertAllowed(actor: Actor, can: (actor: Actor) => boolean) {
  if (!can(actor)) throw forbidden();
}

/** The signed-in person, if the policy lets them do it: 401 when signed out, 403 when not allowed. */
export function authorize(request: FastifyRequest, can: (actor: Actor) => boolean): AuthContext {
  const auth = requireAuth(request);
  assertAllowed(auth.actor, can);
  return auth;
}

/** The request's address and browser, for the audit log only; a long user agent is cut short. */
export function requestOrigin(request: FastifyRequest): RequestOrigin {
  const agent = request.headers["user-agent"];
  return { ip: request.ip || null, userAgent: agent ? agent.slice(0, USER_AGENT_MAX) : null };
}

export function registerAuth(app: FastifyInstance, db: Db) {
  app.decorateRequest("auth", null);
  app.decorateRequest("ownsPath", false);
  app.addHook("onRequest", async (request) => {
    // Pages and their scripts are the same for everyone: only the API looks up the session.
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await loadSession(db, token, ownershipOf(request)) : null;
    request.auth = session?.auth ?? null;
    request.ownsPath = session?.ownsPath ?? false;
    // The actor carries where the request came from, so each audit entry it makes records it.
    if (request.auth) request.auth.actor.request = requestOrigin(request);
    if (SAFE_METHODS.has(request.method)) return;
    const header = request.headers[CSRF_HEADER];
    const sent = Array.isArray(header) ? header[0] : header;
    const expected = request.auth ? request.auth.csrfToken : request.cookies[CSRF_COOKIE];
    if (!sameToken(sent, expected)) throw new HttpProblem(403, "problem.csrf");
  });
}
