import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { clearSessionCookie, csrfTokenFor, requireAuth, setSessionCookie } from "../plugins/auth.js";
import { requestLocale } from "../plugins/errors.js";
import { forgotBody, localeBody, loginBody, profileBody, resetBody, sessionResponse, switchBody } from "./schemas.js";
import {
  requestPasswordReset,
  resetPassword,
  setLocale,
  signIn,
  switchOrganisation,
  updateProfile,
} from "./service.js";
import { destroySession, listUserOrganisations } from "./session.js";

const tags = ["auth"];
const noContent = { 204: z.null() };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  const secure = app.publicUrl.startsWith("https:");

  app.get("/auth/session", { schema: { tags, response: { 200: sessionResponse } } }, async (request, reply) => {
    const csrfToken = csrfTokenFor(request, reply, secure);
    if (!request.auth) return { csrfToken, user: null, organisation: null, organisations: [] };
    const organisations = (await listUserOrganisations(db, request.auth.user.id)).map((o) => ({
      id: o.id,
      name: o.name,
      slug: o.slug,
      primaryColor: o.primaryColor,
      roles: o.roles,
      logoUrl: o.logoUpdatedAt ? `/api/v1/me/organisations/${o.id}/logo?v=${o.logoUpdatedAt.getTime()}` : null,
    }));
    const organisation = organisations.find((o) => o.id === request.auth?.actor.organisationId) ?? null;
    return { csrfToken, user: request.auth.user, organisation, organisations };
  });

  app.post(
    "/auth/login",
    {
      schema: { tags, body: loginBody, response: noContent },
      config: { rateLimit: { max: config.LOGIN_LIMIT_PER_ADDRESS, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { token } = await signIn(db, request.body.email, request.body.password, config.LOGIN_LIMIT_PER_ACCOUNT);
      // A fresh session id at every sign-in; any old one is dropped.
      if (request.auth) await destroySession(db, request.auth.sessionId);
      setSessionCookie(reply, token, secure);
      return reply.status(204).send(null);
    },
  );

  app.post("/auth/logout", { schema: { tags, response: noContent } }, async (request, reply) => {
    if (request.auth) await destroySession(db, request.auth.sessionId);
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.post(
    "/auth/organisation",
    { schema: { tags, body: switchBody, response: noContent } },
    async (request, reply) => {
      const auth = requireAuth(request);
      await switchOrganisation(db, auth.sessionId, auth.user.id, request.body.organisationId);
      return reply.status(204).send(null);
    },
  );

  app.put("/auth/locale", { schema: { tags, body: localeBody, response: noContent } }, async (request, reply) => {
    await setLocale(db, requireAuth(request).user.id, request.body.locale);
    return reply.status(204).send(null);
  });

  // The person's own account: only they change their name and e-mail, for all their organisations.
  app.put(
    "/auth/profile",
    {
      schema: { tags, body: profileBody, response: noContent },
      config: { rateLimit: { max: config.LOGIN_LIMIT_PER_ADDRESS, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      await updateProfile(db, requireAuth(request).actor, request.body, config.LOGIN_LIMIT_PER_ACCOUNT);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/auth/password/forgot",
    {
      schema: { tags, body: forgotBody, response: { 202: z.null() } },
      config: { rateLimit: { max: config.LOGIN_LIMIT_PER_ADDRESS, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      await requestPasswordReset(db, app.mailer, request.body.email, app.publicUrl, requestLocale(request));
      return reply.status(202).send(null);
    },
  );

  app.post(
    "/auth/password/reset",
    { schema: { tags, body: resetBody, response: noContent } },
    async (request, reply) => {
      await resetPassword(db, request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );
};
