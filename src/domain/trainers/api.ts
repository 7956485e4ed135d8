import { z } from "zod";
import { dateSchema } from "../date-schemas.js";
import { versionSchema } from "../version.js";

/** Requests and answers of the trainers API: the pool, certificates and requests between members. */

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const REQUEST_STATUSES = ["open", "accepted", "declined", "withdrawn"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

// ---- requests ----

const topic = z.string().trim().min(1).max(100);

export const trainerProfileSchema = z.object({
  topics: z.array(topic).max(20),
  weekdays: z.array(z.number().int().min(1).max(7)).max(7),
  availability: z.string().trim().max(500),
  /** The profile's version; absent for a trainer who has none yet. */
  version: versionSchema.optional(),
});
export type TrainerProfileInput = z.infer<typeof trainerProfileSchema>;

export const certifySchema = z.object({
  /** The trainer's membership (in any member organisation of the network). */
  personId: z.uuid(),
  certifiedOn: dateSchema,
  /** The day it ends (null: no end); left out, the network's validity sets it. */
  validUntil: dateSchema.nullable().optional(),
});
export type CertifyInput = z.infer<typeof certifySchema>;

export const trainerRequestSchema = z.object({
  /** The trainer's membership in another member organisation. */
  personId: z.uuid(),
  topic: z.string().trim().min(1).max(200),
  wantedOn: dateSchema,
  message: z.string().trim().max(2000).default(""),
});
export type TrainerRequestInput = z.infer<typeof trainerRequestSchema>;

export const answerRequestSchema = z.object({
  accept: z.boolean(),
  answer: z.string().trim().max(2000).default(""),
  version: versionSchema,
});
export type AnswerRequestInput = z.infer<typeof answerRequestSchema>;

export const withdrawRequestSchema = z.object({ version: versionSchema });

export const supervisedTrainingSchema = z.object({
  givenOn: dateSchema,
  title: z.string().trim().min(1).max(200),
  /** The supervising trainer's account: a certified trainer of the same organisation. */
  supervisorId: z.uuid(),
});
export type SupervisedTrainingInput = z.infer<typeof supervisedTrainingSchema>;

export const signOffSchema = z.object({ feedback: z.string().trim().max(2000).default("") });

// ---- answers ----

const certificateView = z.object({
  certifiedOn: z.string(),
  validUntil: z.string().nullable(),
  state: z.enum(["pending", "valid", "expiring", "expired"]),
});

const supervisedView = z.object({
  id: z.uuid(),
  givenOn: z.string(),
  title: z.string(),
  supervisorName: z.string(),
  signedOff: z.boolean(),
  feedback: z.string(),
  /** The viewer is the supervisor and it is not signed off yet. */
  maySignOff: z.boolean(),
});

export const trainerViewSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  organisationName: z.string(),
  own: z.boolean(),
  topics: z.array(z.string()),
  weekdays: z.array(z.number().int()),
  availability: z.string(),
  certificate: certificateView.nullable(),
  trainingsGiven: z.number().int(),
  /** Events for trainers they were ticked off at (a trainer day, a learning festival for both). */
  trainingsAttended: z.number().int(),
  /** Modules of the library the trainer completed: the other half of the trainer learning line. */
  modulesCompleted: z.number().int(),
  /** Trainings given under supervision and signed off (the train-the-trainer path). */
  supervisedSignedOff: z.number().int(),
  /** Those trainings one by one, for the trainer, their supervisor and the organisers of their organisation. */
  supervised: z.array(supervisedView),
  /** The profile's version, for the trainer's own organisation; null when it has none yet. */
  version: z.number().int().nullable(),
  mayEdit: z.boolean(),
});
export type TrainerView = z.infer<typeof trainerViewSchema>;

export const memberCountSchema = z.object({
  name: z.string(),
  own: z.boolean(),
  trainers: z.number().int(),
  certified: z.number().int(),
  expiring: z.number().int(),
  belowMinimum: z.boolean(),
});

export const trainerRequestViewSchema = z.object({
  id: z.uuid(),
  direction: z.enum(["incoming", "outgoing"]),
  trainerName: z.string(),
  trainerOrganisationName: z.string(),
  fromOrganisationName: z.string(),
  topic: z.string(),
  wantedOn: z.string(),
  message: z.string(),
  status: z.enum(REQUEST_STATUSES),
  answer: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TrainerRequestView = z.infer<typeof trainerRequestViewSchema>;

export const trainerOverviewSchema = z.object({
  inNetwork: z.boolean(),
  minimum: z.number().int(),
  /** How many months a certificate of the network holds, where the network sets that. */
  certificateValidityMonths: z.number().int().nullable(),
  trainers: z.array(trainerViewSchema),
  members: z.array(memberCountSchema),
  requests: z.array(trainerRequestViewSchema),
  abilities: z.object({ certify: z.boolean(), request: z.boolean(), answer: z.boolean(), editProfiles: z.boolean() }),
  /** The organisation's certified trainers who may supervise, by account. */
  supervisors: z.array(z.object({ userId: z.uuid(), personId: z.uuid(), name: z.string() })),
});
export type TrainerOverview = z.infer<typeof trainerOverviewSchema>;
