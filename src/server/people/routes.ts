import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createPersonSchema,
  registrationBodySchema,
  updatePersonSchema,
  updateRegistrationSchema,
} from "../../domain/people/schemas.js";
import { invitationMail } from "../invitations/service.js";
import { withTenant } from "../tenancy.js";
import {
  listQuery,
  personDetailSchema,
  personListSchema,
  personParams,
  registrationParams,
  registrationResponseSchema,
  versionBody,
  versionQuery,
} from "./schemas.js";
import {
  addRegistration,
  createPerson,
  deleteRegistration,
  getPerson,
  listPeople,
  setPersonStatus,
  updatePerson,
  updateRegistration,
} from "./service.js";

const tags = ["people"];

/** People of the signed-in admin's organisation (admins only). Every route: one use case, which checks the policy. */
export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/people", { schema: { tags, querystring: listQuery, response: { 200: personListSchema } } }, (request) =>
    withTenant(request, (tx, actor) => listPeople(tx, actor, request.query)),
  );

  // Adding someone is inviting them: they become an invited member and get the invitation mail.
  app.post(
    "/people",
    { schema: { tags, body: createPersonSchema, response: { 201: personDetailSchema } } },
    async (request, reply) => {
      const person = await withTenant(request, (tx, actor) =>
        createPerson(tx, actor, request.body, invitationMail(request)),
      );
      return reply.status(201).send(person);
    },
  );

  app.get(
    "/people/:personId",
    { schema: { tags, params: personParams, response: { 200: personDetailSchema } } },
    (request) => withTenant(request, (tx, actor) => getPerson(tx, actor, request.params.personId)),
  );

  app.put(
    "/people/:personId",
    { schema: { tags, params: personParams, body: updatePersonSchema, response: { 200: personDetailSchema } } },
    (request) => withTenant(request, (tx, actor) => updatePerson(tx, actor, request.params.personId, request.body)),
  );

  app.post(
    "/people/:personId/deactivate",
    { schema: { tags, params: personParams, body: versionBody, response: { 200: personDetailSchema } } },
    (request) =>
      withTenant(request, (tx, actor) =>
        setPersonStatus(tx, actor, request.params.personId, request.body.version, "deactivated"),
      ),
  );

  app.post(
    "/people/:personId/reactivate",
    { schema: { tags, params: personParams, body: versionBody, response: { 200: personDetailSchema } } },
    (request) =>
      withTenant(request, (tx, actor) =>
        setPersonStatus(tx, actor, request.params.personId, request.body.version, "active"),
      ),
  );

  app.post(
    "/people/:personId/registrations",
    {
      schema: {
        tags,
        params: personParams,
        body: registrationBodySchema,
        response: { 201: registrationResponseSchema },
      },
    },
    async (request, reply) => {
      const registration = await withTenant(request, (tx, actor) =>
        addRegistration(tx, actor, request.params.personId, request.body),
      );
      return reply.status(201).send(registration);
    },
  );

  app.put(
    "/people/:personId/registrations/:registrationId",
    {
      schema: {
        tags,
        params: registrationParams,
        body: updateRegistrationSchema,
        response: { 200: registrationResponseSchema },
      },
    },
    (request) =>
      withTenant(request, (tx, actor) => {
        const { personId, registrationId } = request.params;
        return updateRegistration(tx, actor, personId, registrationId, request.body);
      }),
  );

  app.delete(
    "/people/:personId/registrations/:registrationId",
    { schema: { tags, params: registrationParams, querystring: versionQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await withTenant(request, (tx, actor) => {
        const { personId, registrationId } = request.params;
        return deleteRegistration(tx, actor, personId, registrationId, request.query.version);
      });
      return reply.status(204).send(null);
    },
  );
};
