import { z } from "zod";
import { dateTimeSchema } from "../date-schemas.js";
import { versionSchema } from "../version.js";

/** Requests and answers of the events API: learning festivals and trainings. */

const instant = z.iso.datetime({ offset: true });

export const EVENT_KINDS = ["festival", "training", "other"] as const;
export const AUDIENCES = ["guides", "trainers", "both"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const MAX_ROUNDS = 10;
export const MAX_SESSIONS = 40;

// ---- requests ----

const sessionInput = z.object({
  round: z.number().int().min(1).max(MAX_ROUNDS),
  title: z.string().trim().min(1).max(200),
  capacity: z.number().int().min(1).max(2000),
});

export const createEventSchema = z.object({
  title: z.string().trim().min(1).max(200),
  kind: z.enum(EVENT_KINDS),
  audience: z.enum(AUDIENCES),
  description: z.string().trim().max(5000).default(""),
  startsAt: dateTimeSchema,
  endsAt: dateTimeSchema,
  place: z.string().trim().max(300).nullable().default(null),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
  registrationDeadline: dateTimeSchema,
  /** Account ids of active members of the organisation who give the event. */
  trainerIds: z.array(z.uuid()).max(20).default([]),
  sessions: z.array(sessionInput).min(1).max(MAX_SESSIONS),
});
export type CreateEventInput = z.infer<typeof createEventSchema>;

/**
 * What an organiser may change of an event: everything but a saved session's round. Saved sessions
 * keep their id; one without an id is added, in the round it names. Trainers, when sent, are the
 * event's trainers from then on; left out, they stay.
 */
export const updateEventSchema = createEventSchema.omit({ sessions: true, trainerIds: true }).extend({
  version: versionSchema,
  trainerIds: z.array(z.uuid()).max(20).optional(),
  sessions: z
    .array(
      z.object({
        id: z.uuid().optional(),
        round: sessionInput.shape.round.optional(),
        title: sessionInput.shape.title,
        capacity: sessionInput.shape.capacity,
      }),
    )
    .max(MAX_SESSIONS),
});
export type UpdateEventInput = z.infer<typeof updateEventSchema>;

export const registerSchema = z.object({
  sessionId: z.uuid(),
  /** Someone else, registered by an organiser; absent for oneself. */
  userId: z.uuid().optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const checkInSchema = z.object({ userId: z.uuid(), present: z.boolean() });

export const evaluationSchema = z.object({
  overall: z.number().int().min(1).max(5),
  usefulness: z.number().int().min(1).max(5),
  takeAway: z.string().trim().max(2000).default(""),
  suggestion: z.string().trim().max(2000).default(""),
});
export type EvaluationInput = z.infer<typeof evaluationSchema>;

export const cancelEventSchema = z.object({ version: versionSchema });

// ---- answers ----

const person = z.object({ userId: z.uuid(), name: z.string() });
const placeStatus = z.enum(["registered", "waiting"]);

export const eventSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  audience: z.enum(AUDIENCES),
  startsAt: instant,
  endsAt: instant,
  place: z.string().nullable(),
  online: z.boolean(),
  status: z.enum(["planned", "cancelled"]),
  registrationDeadline: instant,
  /** My open lines: how many places I hold and on how many lists I wait. */
  mine: z.object({ registered: z.number(), waiting: z.number() }),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

/**
 * An event I was checked in at, with the sessions I had a place in: what I followed, as evidence
 * on my learning path.
 */
export const attendedEventSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  startsAt: instant,
  sessions: z.array(z.string()),
});
export const attendedEventsSchema = z.object({ items: z.array(attendedEventSchema) });
export type AttendedEvent = z.infer<typeof attendedEventSchema>;

export const eventListSchema = z.object({
  upcoming: z.array(eventSummarySchema),
  past: z.array(eventSummarySchema),
  canCreate: z.boolean(),
});

export const sessionSchema = z.object({
  id: z.uuid(),
  round: z.number(),
  title: z.string(),
  capacity: z.number(),
  registered: z.number(),
  waiting: z.number(),
  /** My line in this session, with my place on its waiting list. */
  mine: z.object({ status: placeStatus, position: z.number().nullable() }).nullable(),
  /** For organisers and trainers: who holds a place and who waits, in order. */
  people: z.array(person.extend({ status: placeStatus })).nullable(),
});

export const eventDetailSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  audience: z.enum(AUDIENCES),
  description: z.string(),
  startsAt: instant,
  endsAt: instant,
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  registrationDeadline: instant,
  registrationOpen: z.boolean(),
  status: z.enum(["planned", "cancelled"]),
  version: z.number(),
  trainers: z.array(person),
  sessions: z.array(sessionSchema),
  /** Whether I was there (checked in). */
  attended: z.boolean(),
  /** Whether I may evaluate now (I was there, the event began, I did not yet) and whether I did. */
  evaluation: z.object({ open: z.boolean(), submitted: z.boolean() }),
  abilities: z.object({
    organise: z.boolean(),
    registerSelf: z.boolean(),
    registerOthers: z.boolean(),
    participants: z.boolean(),
    checkIn: z.boolean(),
    evaluations: z.boolean(),
  }),
});
export type EventDetail = z.infer<typeof eventDetailSchema>;

export const checkInListSchema = z.object({
  eventId: z.uuid(),
  title: z.string(),
  startsAt: instant,
  people: z.array(person.extend({ present: z.boolean() })),
});
export type CheckInList = z.infer<typeof checkInListSchema>;

export const evaluationSummarySchema = z.object({
  eventId: z.uuid(),
  title: z.string(),
  attended: z.number(),
  responses: z.number(),
  /** Mean score 1..5 per question, null without responses. */
  overall: z.number().nullable(),
  usefulness: z.number().nullable(),
  /** Score → how many gave it, 1..5. */
  overallCounts: z.array(z.number()),
  usefulnessCounts: z.array(z.number()),
  /** The open answers without names, in no particular order of person. */
  takeAways: z.array(z.string()),
  suggestions: z.array(z.string()),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

export const eventCountsSchema = z.object({
  events: z.number(),
  participants: z.number(),
  attended: z.number(),
  /** 0..1, null when nobody was registered. */
  attendanceRate: z.number().nullable(),
});
export type EventCounts = z.infer<typeof eventCountsSchema>;

export const candidatesSchema = z.array(person);

export const networkEventCountsSchema = z.object({
  /** The actor's organisation and, in a network, every member, by name. */
  members: z.array(eventCountsSchema.extend({ name: z.string(), own: z.boolean() })),
  total: eventCountsSchema,
});
export type NetworkEventCounts = z.infer<typeof networkEventCountsSchema>;
