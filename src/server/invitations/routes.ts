import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { destroySession } from "../auth/session.js";
import { requestOrigin, setSessionCookie } from "../plugins/auth.js";
import { requestLocale } from "../plugins/errors.js";
import { withTenant } from "../tenancy.js";
import { acceptInvitation, describeInvitation } from "./accept-invitation.js";
import { createInvitation } from "./create-invitation.js";
import {
  acceptBody,
  acceptInfoResponse,
  acceptQuery,
  createInvitationBody,
  invitationIdParams,
  invitationListResponse,
  invitationResponse,
  listInvitationsQuery,
} from "./schemas.js";
import { invitationMail, listInvitations, resendInvitation, revokeInvitation } from "./service.js";

const tags = ["invitations"];

export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.publicUrl.startsWith("https:");
  const publicLimit = { rateLimit: { max: app.config.LOGIN_LIMIT_PER_ADDRESS, timeWindow: "1 minute" } };

  app.get(
    "/invitations",
    { schema: { tags, querystring: listInvitationsQuery, response: { 200: invitationListResponse } } },
    (request) => withTenant(request, (tx, actor) => listInvitations(tx, actor, request.query.page)),
  );

  app.post(
    "/invitations",
    { schema: { tags, body: createInvitationBody, response: { 201: invitationResponse } } },
    async (request, reply) => {
      const invitation = await withTenant(request, (tx, actor) =>
        createInvitation(tx, actor, request.body, invitationMail(request)),
      );
      return reply.status(201).send(invitation);
    },
  );

  app.post(
    "/invitations/:invitationId/revoke",
    { schema: { tags, params: invitationIdParams, response: { 200: invitationResponse } } },
    (request) => withTenant(request, (tx, actor) => revokeInvitation(tx, actor, request.params.invitationId)),
  );

  app.post(
    "/invitations/:invitationId/resend",
    { schema: { tags, params: invitationIdParams, response: { 200: invitationResponse } } },
    (request) =>
      withTenant(request, (tx, actor) =>
        resendInvitation(tx, actor, request.params.invitationId, invitationMail(request)),
      ),
  );

  // Public: the invitee has no session yet; the token from the mail is the credential.
  app.get(
    "/invitations/accept",
    { schema: { tags, querystring: acceptQuery, response: { 200: acceptInfoResponse } }, config: publicLimit },
    async (request) => describeInvitation(app.db, request.query.token),
  );

  app.post(
    "/invitations/accept",
    { schema: { tags, body: acceptBody, response: { 204: z.null() } }, config: publicLimit },
    async (request, reply) => {
      const { token } = await acceptInvitation(app.db, {
        token: request.body.token,
        password: request.body.password,
        ...(request.auth ? { signedInUserId: request.auth.user.id } : {}),
        locale: requestLocale(request),
        accountLimit: app.config.LOGIN_LIMIT_PER_ACCOUNT,
        request: requestOrigin(request),
      });
      // A fresh session, as at sign-in; whoever was signed in in this browser is signed out.
      if (request.auth) await destroySession(app.db, request.auth.sessionId);
      setSessionCookie(reply, token, secure);
      return reply.status(204).send(null);
    },
  );
};
