import { z } from "zod";
import { localizedSchema } from "../regimes/schema.js";
import { MEETING_MODES } from "../trajectories/model.js";

/**
 * A requirement profile: what a registrant must show within one registration period, as data an
 * admin edits (see domain.md section 1). Built-in profiles live in `builtin-profiles.ts`.
 */
export const REQUIREMENT_CATEGORIES = [
  "werkbegeleiding",
  "supervisie",
  "intervisie",
  "training",
  "work",
  "free",
] as const;
export const requirementCategorySchema = z.enum(REQUIREMENT_CATEGORIES);
export type RequirementCategory = z.infer<typeof requirementCategorySchema>;

/** Categories whose records Koers keeps itself; the others are shown as kept elsewhere. */
export const TRACKED_CATEGORIES = [
  "werkbegeleiding",
  "supervisie",
  "intervisie",
] as const satisfies readonly RequirementCategory[];

const key = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, { error: "field.key" });

export const requirementSchema = z.object({
  key,
  category: requirementCategorySchema,
  label: localizedSchema,
  /** `hours` counts minutes of contact; `points` converts (supervisie by group size); `present`: at least some. */
  unit: z.enum(["hours", "points", "present"]),
  /** In whole hours or points; ignored for `present`. */
  minimum: z.number().int().min(0).max(100_000),
  /**
   * How a session must have taken place to count (supervisie: face to face); absent or null:
   * every way. A session that does not count is listed with the reason, never dropped.
   */
  countedModes: z.array(z.enum(MEETING_MODES)).min(1).max(MEETING_MODES.length).nullable().optional(),
});
export type Requirement = z.infer<typeof requirementSchema>;

/** Supervisie hours per 40 points by the number of supervisees: 40 alone, 45 with two, 50 with three. */
export const supervisieConversionSchema = z
  .array(
    z.object({ groupSize: z.number().int().min(1).max(10), hoursPerFortyPoints: z.number().int().min(1).max(200) }),
  )
  .min(1);

export const requirementProfileSchema = z
  .object({
    key,
    name: localizedSchema,
    description: localizedSchema,
    periodYears: z.number().int().min(1).max(10),
    requirements: z.array(requirementSchema).min(1).max(30),
    supervisieConversion: supervisieConversionSchema,
  })
  .superRefine((profile, ctx) => {
    // Messages are keys the server translates (see src/server/messages.ts).
    const seen = new Set<string>();
    profile.requirements.forEach((r, i) => {
      if (seen.has(r.key))
        ctx.addIssue({ code: "custom", message: "field.duplicateKey", path: ["requirements", i, "key"] });
      seen.add(r.key);
    });
    const sizes = new Set<number>();
    profile.supervisieConversion.forEach((row, i) => {
      if (sizes.has(row.groupSize))
        ctx.addIssue({ code: "custom", message: "field.duplicateKey", path: ["supervisieConversion", i, "groupSize"] });
      sizes.add(row.groupSize);
    });
  });
export type RequirementProfile = z.infer<typeof requirementProfileSchema>;
