import { z } from "zod";
import { localizedSchema } from "../regimes/schema.js";

/**
 * A competence framework, as data: competences, each with its basic skills (basisvaardigheden),
 * each with the behaviours one can see (gedragsindicatoren); the scale people rate a behaviour
 * on; the level a role variant aims at per competence; and how a scan's self and others'
 * ratings combine into one level. A published version is never changed: scans and learning
 * paths point at the version they used.
 */

const key = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, { error: "field.key" });

export const behaviourSchema = z.object({
  key,
  text: localizedSchema,
  retired: z.boolean().default(false),
});

export const skillSchema = z.object({
  key,
  name: localizedSchema,
  retired: z.boolean().default(false),
  behaviours: z.array(behaviourSchema).min(1).max(20),
});

export const competenceSchema = z.object({
  key,
  name: localizedSchema,
  description: localizedSchema.optional(),
  retired: z.boolean().default(false),
  skills: z.array(skillSchema).min(1).max(20),
});

export const levelSchema = z.object({
  value: z.number().int().min(0).max(10),
  name: localizedSchema,
  description: localizedSchema.optional(),
});

/** A role the framework sets targets for (a werkbegeleider of MBO-2, -3 or -4 students, say). */
export const variantSchema = z.object({
  key,
  name: localizedSchema,
  /** The level aimed at, per competence key. */
  targets: z.record(z.string(), z.number().int()),
});

/**
 * How the level of a competence follows from a scan: the mean of its behaviours' ratings, self
 * and others weighed as given (weights 1 and 1 is the plain mean of the two), or the lower of the
 * two, so that a werkbegeleider works first on what either side sees as weakest.
 */
export const combineRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("weighted"), self: z.number().min(0).max(10), others: z.number().min(0).max(10) }),
  z.object({ kind: z.literal("lowest") }),
]);
export type CombineRule = z.infer<typeof combineRuleSchema>;

export const frameworkSchema = z
  .object({
    name: localizedSchema,
    scale: z.array(levelSchema).min(2).max(10),
    competences: z.array(competenceSchema).min(1).max(30),
    variants: z.array(variantSchema).min(1).max(10),
    combine: combineRuleSchema,
  })
  .superRefine((framework, ctx) => {
    const values = framework.scale.map((l) => l.value);
    values.forEach((value, i) => {
      if (i > 0 && value <= (values[i - 1] as number))
        ctx.addIssue({ code: "custom", path: ["scale", i, "value"], message: "field.scaleOrder" });
    });
    const seen = new Set<string>();
    const unique = (k: string, path: (string | number)[]) => {
      if (seen.has(k)) ctx.addIssue({ code: "custom", path: [...path, "key"], message: "field.keyTaken" });
      seen.add(k);
    };
    framework.competences.forEach((competence, c) => {
      unique(competence.key, ["competences", c]);
      competence.skills.forEach((skill, s) => {
        unique(skill.key, ["competences", c, "skills", s]);
        skill.behaviours.forEach((behaviour, b) => {
          unique(behaviour.key, ["competences", c, "skills", s, "behaviours", b]);
        });
      });
    });
    const competenceKeys = new Set(framework.competences.map((c) => c.key));
    framework.variants.forEach((variant, v) => {
      unique(variant.key, ["variants", v]);
      for (const [competence, target] of Object.entries(variant.targets)) {
        const path = ["variants", v, "targets", competence];
        if (!competenceKeys.has(competence)) ctx.addIssue({ code: "custom", path, message: "field.unknownCompetence" });
        else if (!values.includes(target)) ctx.addIssue({ code: "custom", path, message: "field.notOnScale" });
      }
    });
  });
export type Framework = z.infer<typeof frameworkSchema>;
export type Competence = z.infer<typeof competenceSchema>;

/** The behaviours of a competence that are still in use, in the framework's order. */
export const activeBehaviours = (competence: Competence) =>
  competence.retired
    ? []
    : competence.skills.filter((s) => !s.retired).flatMap((s) => s.behaviours.filter((b) => !b.retired));

/** The competences still in use, in the framework's order. */
export const activeCompetences = (framework: Framework) => framework.competences.filter((c) => !c.retired);

/**
 * An organisation's own addition to a network framework: behaviours that make its core values
 * visible ("kernwaarden vertalen in zichtbaar gedrag"), as an extra skill under a competence of
 * the shared version. The shared version itself never changes.
 */
export const extensionSchema = z.object({
  competence: key,
  skill: skillSchema,
});
export type Extension = z.infer<typeof extensionSchema>;

/**
 * The framework as a member organisation uses it: the network's version with the organisation's
 * extensions in place. Null, with the reason, when an extension names a competence the version
 * lacks or reuses one of its keys.
 */
export function withExtensions(
  framework: Framework,
  extensions: readonly Extension[],
): { framework: Framework; error: null } | { framework: null; error: { index: number; key: string } } {
  let extended: Framework = structuredClone(framework);
  for (const [index, extension] of extensions.entries()) {
    const competence = extended.competences.find((c) => c.key === extension.competence);
    if (!competence) return { framework: null, error: { index, key: "field.unknownCompetence" } };
    competence.skills.push(structuredClone(extension.skill));
    // Checked after each one, so the error names the extension that broke it.
    const checked = frameworkSchema.safeParse(extended);
    if (!checked.success)
      return { framework: null, error: { index, key: checked.error.issues[0]?.message ?? "field.invalid" } };
    extended = checked.data;
  }
  return { framework: extended, error: null };
}
