import { z } from "zod";

export const PASSWORD_MIN = 10;

export const emailSchema = z
  .email()
  .max(254)
  .transform((e) => e.trim().toLowerCase());
export const passwordSchema = z.string().min(PASSWORD_MIN, { error: "field.passwordTooShort" }).max(200);

export const loginBody = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
export const forgotBody = z.object({ email: emailSchema });
export const resetBody = z.object({ token: z.string().min(10).max(200), password: passwordSchema });
export const switchBody = z.object({ organisationId: z.uuid() });
export { updateProfileSchema as profileBody } from "../../domain/people/schemas.js";
export const localeBody = z.object({ locale: z.enum(["nl", "en"]) });

export const organisationSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  primaryColor: z.string(),
  logoUrl: z.string().nullable(),
  roles: z.array(z.string()),
});

export const sessionResponse = z.object({
  csrfToken: z.string(),
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), locale: z.enum(["nl", "en"]) }).nullable(),
  organisation: organisationSummary.nullable(),
  organisations: z.array(organisationSummary),
});
