import { z } from "zod";
import { MEETING_MODES } from "../trajectories/model.js";
import { versionSchema } from "../version.js";
import { REQUIREMENT_CATEGORIES, requirementProfileSchema, requirementSchema } from "./profile.js";

/** The shapes of the requirement profile and evidence API; the web app uses the inferred types. */

export const profileViewSchema = z.object({
  /** Null for a built-in profile, which is read-only: copy it to change it. */
  id: z.uuid().nullable(),
  key: z.string(),
  builtIn: z.boolean(),
  basedOn: z.string().nullable(),
  version: z.number().int(),
  document: requirementProfileSchema,
});
export type ProfileView = z.infer<typeof profileViewSchema>;
export const profileListSchema = z.object({
  items: z.array(profileViewSchema),
  canManage: z.boolean(),
  /** Registrations the built-in regimes name as qualifying: suggestions for a registration's type. */
  registrationTypes: z.array(z.object({ register: z.string(), type: z.string() })),
});
export type ProfileList = z.infer<typeof profileListSchema>;

export const copyProfileSchema = z.object({
  basedOn: z.string().min(1).max(48),
  name: z.string().trim().min(1).max(200),
});
export const updateProfileSchema = z.object({ version: versionSchema, document: requirementProfileSchema });
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const evidenceQuerySchema = z.object({ registration: z.uuid().optional() });

const recordView = z.object({
  kind: z.enum(["trajectoryMeeting", "intervisionMeeting"]),
  id: z.uuid(),
  link: z.string(),
  title: z.string(),
  date: z.string(),
  minutes: z.number().int(),
  groupSize: z.number().int().nullable(),
  /** How it took place, as recorded on the session (null: not recorded, or not a session of a trajectory). */
  mode: z.enum(MEETING_MODES).nullable(),
  /** Hundredths of a point this line is worth on its own (rounded down; the total is worked out exactly). */
  pointsHundredths: z.number().int(),
});
export type EvidenceRecordView = z.infer<typeof recordView>;

const notCountedView = recordView.extend({
  /** `modeNotCounted`: it took place in a way the requirement does not count; `modeNotRecorded`: not recorded how. */
  reason: z.enum(["modeNotCounted", "modeNotRecorded"]),
});
export type NotCountedView = z.infer<typeof notCountedView>;

const lineView = z.object({
  requirement: requirementSchema,
  status: z.enum(["met", "missing", "notTracked"]),
  minutes: z.number().int(),
  pointsHundredths: z.number().int(),
  sessions: z.number().int(),
  have: z.number().int(),
  minimum: z.number().int(),
  missing: z.number().int(),
  deadline: z.string(),
  records: z.array(recordView),
  /** Sessions of the period that do not count for this requirement, with the reason. */
  notCounted: z.array(notCountedView),
});
export type LedgerLineView = z.infer<typeof lineView>;

export const registrationChoiceSchema = z.object({
  id: z.uuid(),
  register: z.string(),
  registrationType: z.string(),
  number: z.string(),
  reregistrationDate: z.string().nullable(),
  requirementProfile: z.string().nullable(),
  /** Whether a ledger can be made: a re-registration date and a profile that exists. */
  usable: z.boolean(),
});

export const evidenceViewSchema = z.object({
  person: z.object({ id: z.uuid(), name: z.string() }),
  registrations: z.array(registrationChoiceSchema),
  /** Null when no registration has both a re-registration date and a profile. */
  ledger: z
    .object({
      registrationId: z.uuid(),
      profile: profileViewSchema.pick({ key: true, document: true }),
      period: z.object({ from: z.string(), to: z.string(), lastDay: z.string() }),
      daysLeft: z.number().int(),
      complete: z.boolean(),
      lines: z.array(lineView),
    })
    .nullable(),
});
export type EvidenceView = z.infer<typeof evidenceViewSchema>;

export { REQUIREMENT_CATEGORIES };
