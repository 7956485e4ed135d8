import { z } from "zod";
import { versionSchema } from "../version.js";

/** A colour as #rrggbb; stored in lower case. */
export const hexColorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, { error: "field.colorInvalid" })
  .transform((c) => c.toLowerCase());

export const brandingFields = {
  name: z.string().trim().min(1).max(200),
  primaryColor: hexColorSchema,
};

export const updateBrandingSchema = z.object({
  ...brandingFields,
  version: versionSchema,
});
export type UpdateBrandingInput = z.infer<typeof updateBrandingSchema>;
