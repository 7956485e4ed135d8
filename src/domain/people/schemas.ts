import { z } from "zod";
import { dateSchema } from "../date-schemas.js";
import { OTHER_TYPE, REGISTERS, typeById } from "../registrations/types.js";
import { rolesSchema } from "../role-schemas.js";
import { versionSchema } from "../version.js";

export { REGISTERS };
/** Registers a professional registration can belong to; their types are data (`registrations/types.ts`). */
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

const registrationFields = z.object({
  register: registerSchema,
  /**
   * The type chosen from the register's list (its id), or "other". Absent: the type is read from
   * `registrationType`, where a name on the list (or one of its synonyms) is that type.
   */
  typeId: z.string().trim().min(1).max(60).optional(),
  /** The written name: required for "other" (and without a typeId); ignored for a listed type. */
  registrationType: z.string().trim().min(1).max(200).optional(),
  number: trimmed(100),
  validUntil: dateSchema.nullable().optional(),
  reregistrationDate: dateSchema.nullable().optional(),
  /** The key of the requirement profile the period is measured against; absent or null: none. */
  requirementProfile: z.string().trim().min(1).max(48).nullable().optional(),
});

type RegistrationFields = z.infer<typeof registrationFields>;
const listedId = (v: Partial<RegistrationFields>) =>
  typeof v.typeId === "string" && v.typeId !== "" && v.typeId !== OTHER_TYPE;
/** Checked even when other fields are wrong, so every field's error is told at once. */
const always = { when: () => true };

/** A listed type must be on the chosen register's list; "other" (or no type) needs its written name. */
const withTypeCheck = <T extends z.ZodType<RegistrationFields>>(schema: T) =>
  schema
    .refine(
      (v: Partial<RegistrationFields>) => !listedId(v) || Boolean(typeById(String(v.register), String(v.typeId))),
      {
        message: "field.unknownRegistrationType",
        path: ["typeId"],
        ...always,
      },
    )
    .refine((v: Partial<RegistrationFields>) => listedId(v) || Boolean(v.registrationType?.trim?.()), {
      message: "field.required",
      path: ["registrationType"],
      ...always,
    });

/** A registration as one row of an import: the type is checked with the other fields. */
export const registrationSchema = withTypeCheck(registrationFields);
export type RegistrationInput = z.infer<typeof registrationSchema>;

/**
 * The request bodies of the registration routes: the same fields, the type checked by the service
 * (`registrationTypeProblem`) after the policy, so someone who may not add registrations is
 * refused whatever they send.
 */
export const registrationBodySchema = registrationFields;

/** Why a registration's type cannot be stored, as a field and message key; null when it can. */
export function registrationTypeProblem(
  value: Partial<RegistrationFields>,
): { typeId: "field.unknownRegistrationType" } | { registrationType: "field.required" } | null {
  if (listedId(value))
    return typeById(String(value.register), String(value.typeId)) ? null : { typeId: "field.unknownRegistrationType" };
  return value.registrationType?.trim() ? null : { registrationType: "field.required" };
}
export const updateRegistrationSchema = registrationFields.extend({ version: versionSchema });

/** The person's own account: only they change it, for every organisation at once. */
export const updateProfileSchema = z.object({
  name: personFields.name,
  email: personFields.email,
  /** The current password: required to change the e-mail address, which is the sign-in. */
  password: z.string().max(200).optional(),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;
