import { z } from "zod";
import { roleSchema } from "../role-schemas.js";
import { registerSchema } from "./schemas.js";

/** The shapes the people API answers with; the web app uses the inferred types. */
export const PERSON_STATUSES = ["invited", "active", "deactivated"] as const;
export const personStatusSchema = z.enum(PERSON_STATUSES);
export type PersonStatus = z.infer<typeof personStatusSchema>;

export const abilitiesSchema = z.object({ edit: z.boolean(), deactivate: z.boolean(), reactivate: z.boolean() });

export const personSummarySchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  /** The name shown in this organisation: its display name if it set one, else the person's own. */
  name: z.string(),
  /** The organisation's own name for the member; while invited, the name its admin typed. */
  displayName: z.string().nullable(),
  email: z.string(),
  roles: z.array(roleSchema),
  status: personStatusSchema,
  /** The Dutch date (YYYY-MM-DD) the membership ended, set on deactivation; null while it runs. */
  endedOn: z.iso.date().nullable(),
  jobTitle: z.string().nullable(),
  academicExperienceYears: z.number().int().nullable(),
  dreyfusLevel: z.number().int().nullable(),
  /** The membership of this person's manager (leidinggevende), if recorded. */
  managerId: z.uuid().nullable(),
  version: z.number().int(),
  /** False while invited: nothing about the account is told before the person accepts. */
  hasPassword: z.boolean(),
  /** Erased from the organisation: the name is a pseudonym, and nothing about them changes any more. */
  erased: z.boolean(),
  abilities: abilitiesSchema,
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const registrationResponseSchema = z.object({
  id: z.uuid(),
  register: registerSchema,
  /** The type's name: the register's own name for a listed type, the free text for "other". */
  registrationType: z.string(),
  /** The listed type's id, or "other" (which no eligibility rule matches). */
  typeId: z.string(),
  number: z.string(),
  validUntil: z.string().nullable(),
  reregistrationDate: z.string().nullable(),
  requirementProfile: z.string().nullable(),
  version: z.number().int(),
});
export type RegistrationResponse = z.infer<typeof registrationResponseSchema>;

export const personDetailSchema = personSummarySchema.extend({
  /** The manager's name, to show without a second request. */
  managerName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  registrations: z.array(registrationResponseSchema),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export const personListSchema = z.object({
  items: z.array(personSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PersonList = z.infer<typeof personListSchema>;
