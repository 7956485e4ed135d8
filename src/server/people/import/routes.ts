import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { canManagePeople } from "../../../domain/people/policy.js";
import { queueInvitationMails } from "../../invitations/service.js";
import { assertAllowed, requireAuth } from "../../plugins/auth.js";
import { withTenant } from "../../tenancy.js";
import { existingMembers, importPeople } from "./import-people.js";
import { checkBody, checkResponse, importBody, importResponse } from "./schemas.js";

const tags = ["people"];

/** Importing people from a spreadsheet: the browser previews, the server checks again and writes. */
export const peopleImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const mail = { db: app.db, mailer: app.mailer, publicUrl: app.publicUrl, log: app.log };
  app.post(
    "/people/import/check",
    {
      schema: {
        tags,
        summary: "Which of these e-mail addresses already belong to members of the organisation",
        body: checkBody,
        response: { 200: checkResponse },
      },
    },
    (request) =>
      withTenant(request, async (tx, actor) => {
        assertAllowed(actor, canManagePeople);
        return { members: await existingMembers(tx, actor, request.body.emails) };
      }),
  );

  app.post(
    "/people/import",
    {
      schema: {
        tags,
        summary: "Import a batch of people; invalid rows are skipped with a code, the rest land in one transaction",
        body: importBody,
        response: { 200: importResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { answer, send } = await withTenant(request, async (tx, actor) => {
        assertAllowed(actor, canManagePeople);
        const { invitations, ...answer } = await importPeople(tx, actor, request.body.rows);
        return { answer, send: await queueInvitationMails(tx, mail, auth, invitations) };
      });
      // Each imported person is invited: their mails go out after the batch is stored.
      await send();
      return answer;
    },
  );
};
