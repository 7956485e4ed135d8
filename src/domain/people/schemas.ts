import { z } from "zod";
import { dateSchema } from "../dates.js";
import { rolesSchema } from "../role-schemas.js";
import { versionSchema } from "../version.js";

/** Registers a professional registration can belong to; data, so a new one is an edit here. */
export const REGISTERS = ["SKJ", "NIP", "NVO", "BIG", "Other"] as const;
export const registerSchema = z.enum(REGISTERS);

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const personFields = {
  name: trimmed(200),
  email: z
    .email()
    .max(254)
    .transform((e) => e.trim().toLowerCase()),
  roles: rolesSchema,
  jobTitle: z.string().trim().max(200).nullable().optional(),
  academicExperienceYears: z.number().int().min(0).max(70).nullable().optional(),
  dreyfusLevel: z.number().int().min(1).max(5).nullable().optional(),
};

export const createPersonSchema = z.object(personFields);
export type CreatePersonInput = z.infer<typeof createPersonSchema>;

/**
 * What the organisation keeps about a member. The account (name, e-mail, password) is the
 * person's own: the organisation sets only its own display name (null: the person's own name;
 * absent: unchanged). Any other field (the account's name or e-mail) is refused, not ignored.
 */
export const updatePersonSchema = z.strictObject({
  version: versionSchema,
  displayName: personFields.name.nullable().optional(),
  roles: personFields.roles,
  jobTitle: personFields.jobTitle,
  academicExperienceYears: personFields.academicExperienceYears,
  dreyfusLevel: personFields.dreyfusLevel,
  /** The membership of this person's manager: another active member; absent leaves it as it is. */
  managerId: z.uuid().nullable().optional(),
});
export type UpdatePersonInput = z.infer<typeof updatePersonSchema>;

export const registrationSchema = z.object({
  register: registerSchema,
  registrationType: trimmed(200),
  number: trimmed(100),
  validUntil: dateSchema.nullable().optional(),
  reregistrationDate: dateSchema.nullable().optional(),
  /** The key of the requirement profile the period is measured against; absent or null: none. */
  requirementProfile: z.string().trim().min(1).max(48).nullable().optional(),
});
export type RegistrationInput = z.infer<typeof registrationSchema>;

export const updateRegistrationSchema = registrationSchema.extend({ version: versionSchema });

/** The person's own account: only they change it, for every organisation at once. */
export const updateProfileSchema = z.object({
  name: personFields.name,
  email: personFields.email,
  /** The current password: required to change the e-mail address, which is the sign-in. */
  password: z.string().max(200).optional(),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;
