import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { invitationMail } from "../../invitations/service.js";
import { withTenant } from "../../tenancy.js";
import { existingMembers, importPeople } from "./import-people.js";
import { checkBody, checkResponse, importBody, importResponse } from "./schemas.js";

const tags = ["people"];

/** Importing people from a spreadsheet: the browser previews, the server checks again and writes. */
export const peopleImportRoutes: FastifyPluginAsyncZod = async (app) => {
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
      withTenant(request, async (tx, actor) => ({ members: await existingMembers(tx, actor, request.body.emails) })),
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
    (request) =>
      withTenant(request, (tx, actor) => importPeople(tx, actor, request.body.rows, invitationMail(request))),
  );
};
