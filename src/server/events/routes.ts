import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { dateSchema } from "../../domain/date-schemas.js";
import { addDays, dutchInstant, dutchToday } from "../../domain/dutch-time.js";
import {
  attendedEventsSchema,
  cancelEventSchema,
  candidatesSchema,
  checkInListSchema,
  checkInSchema,
  createEventSchema,
  evaluationSchema,
  evaluationSummarySchema,
  eventCountsSchema,
  eventDetailSchema,
  eventListSchema,
  networkEventCountsSchema,
  registerSchema,
  updateEventSchema,
} from "../../domain/events/api.js";
import { changeThenShow, withTenant } from "../tenancy.js";
import {
  eventCounts,
  getCheckInList,
  getEvaluationSummary,
  networkEventCounts,
  setPresence,
  submitEvaluation,
} from "./attendance.js";
import { attendedEvents } from "./attended.js";
import { updateEvent } from "./edit.js";
import { cancelEvent, createEvent, getEvent, listCandidates, listEvents } from "./events.js";
import { eventMail } from "./mail.js";
import { cancelRegistration, register } from "./registrations.js";

const tags = ["events"];
const params = z.object({ eventId: z.uuid() });
const detail = { 200: eventDetailSchema };
const countsQuery = z.object({ from: dateSchema.optional(), to: dateSchema.optional() });

/** The Dutch days `from` to `to` (inclusive) as instants; the calendar year so far by default. */
function countsPeriod(query: z.infer<typeof countsQuery>) {
  const year = dutchToday().slice(0, 4);
  const from = query.from ?? `${year}-01-01`;
  const to = addDays(query.to ?? `${year}-12-31`, 1);
  return { from: new Date(dutchInstant(from, "00:00") ?? from), to: new Date(dutchInstant(to, "00:00") ?? to) };
}

/**
 * Learning festivals and trainings: events with rounds of sessions, places and waiting lists,
 * the check-in on the day and the evaluation after. A change answers with the event as the
 * requester now sees it.
 */
export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/events", { schema: { tags, response: { 200: eventListSchema } } }, (request) =>
    withTenant(request, (tx, actor) => listEvents(tx, actor)),
  );

  app.get("/events/attended", { schema: { tags, response: { 200: attendedEventsSchema } } }, (request) =>
    withTenant(request, (tx, actor) => attendedEvents(tx, actor)),
  );

  app.get("/events/candidates", { schema: { tags, response: { 200: candidatesSchema } } }, (request) =>
    withTenant(request, (tx, actor) => listCandidates(tx, actor)),
  );

  app.get(
    "/events/counts",
    { schema: { tags, querystring: countsQuery, response: { 200: eventCountsSchema } } },
    (request) => {
      const { from, to } = countsPeriod(request.query);
      return withTenant(request, (tx, actor) => eventCounts(tx, actor, from, to));
    },
  );

  app.get(
    "/events/network-counts",
    { schema: { tags, querystring: countsQuery, response: { 200: networkEventCountsSchema } } },
    (request) => {
      const { from, to } = countsPeriod(request.query);
      return withTenant(request, (tx, actor) => networkEventCounts(tx, actor, from, to));
    },
  );

  app.post(
    "/events",
    { schema: { tags, body: createEventSchema, response: { 201: eventDetailSchema } } },
    async (request, reply) => {
      const created = await changeThenShow(request, (tx, actor) => createEvent(tx, actor, request.body), getEvent);
      return reply.status(201).send(created);
    },
  );

  app.get("/events/:eventId", { schema: { tags, params, response: detail } }, (request) =>
    withTenant(request, (tx, actor) => getEvent(tx, actor, request.params.eventId)),
  );

  app.put("/events/:eventId", { schema: { tags, params, body: updateEventSchema, response: detail } }, (request) =>
    changeThenShow(
      request,
      (tx, actor) => updateEvent(tx, actor, request.params.eventId, request.body, eventMail(request)),
      getEvent,
    ),
  );

  app.post(
    "/events/:eventId/cancel",
    { schema: { tags, params, body: cancelEventSchema, response: detail } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => cancelEvent(tx, actor, request.params.eventId, request.body.version, eventMail(request)),
        (tx, actor) => getEvent(tx, actor, request.params.eventId),
      ),
  );

  app.post(
    "/events/:eventId/registrations",
    { schema: { tags, params, body: registerSchema, response: detail } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => register(tx, actor, request.params.eventId, request.body, eventMail(request)),
        getEvent,
      ),
  );

  app.post(
    "/events/:eventId/registrations/cancel",
    { schema: { tags, params, body: registerSchema, response: detail } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => cancelRegistration(tx, actor, request.params.eventId, request.body, eventMail(request)),
        getEvent,
      ),
  );

  app.get("/events/:eventId/check-in", { schema: { tags, params, response: { 200: checkInListSchema } } }, (request) =>
    withTenant(request, (tx, actor) => getCheckInList(tx, actor, request.params.eventId)),
  );

  app.post(
    "/events/:eventId/check-in",
    { schema: { tags, params, body: checkInSchema, response: { 200: checkInListSchema } } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => setPresence(tx, actor, request.params.eventId, request.body),
        (tx, actor) => getCheckInList(tx, actor, request.params.eventId),
      ),
  );

  app.post(
    "/events/:eventId/evaluation",
    { schema: { tags, params, body: evaluationSchema, response: detail } },
    (request) =>
      changeThenShow(
        request,
        (tx, actor) => submitEvaluation(tx, actor, request.params.eventId, request.body),
        (tx, actor) => getEvent(tx, actor, request.params.eventId),
      ),
  );

  app.get(
    "/events/:eventId/evaluations",
    { schema: { tags, params, response: { 200: evaluationSummarySchema } } },
    (request) => withTenant(request, (tx, actor) => getEvaluationSummary(tx, actor, request.params.eventId)),
  );
};
