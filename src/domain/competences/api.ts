import { z } from "zod";
import { versionSchema } from "../version.js";
import { extensionSchema, frameworkSchema } from "./framework.js";

/** What the API says of competence frameworks and their versions (decision 0018). */

export const VERSION_STATUSES = ["draft", "voting", "published", "withdrawn"] as const;

export const versionSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  /** The consensus round: a change while members vote starts the next one. */
  round: z.number().int(),
  /** Set once published: the version is frozen and known by this hash. */
  hash: z.string().nullable(),
  changeNote: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

const localized = z.object({ nl: z.string(), en: z.string() });

export const frameworkSummarySchema = z.object({
  id: z.uuid(),
  key: z.string(),
  /** The newest published version's name, or the draft's while none is published. */
  name: localized,
  owner: z.enum(["network", "organisation"]),
  published: versionSummarySchema.nullable(),
  /** The version being drafted or voted on, for those who may see it. */
  open: versionSummarySchema.nullable(),
});

export const frameworkListSchema = z.object({
  frameworks: z.array(frameworkSummarySchema),
});
export type FrameworkList = z.infer<typeof frameworkListSchema>;

export const frameworkDetailSchema = z.object({
  framework: frameworkSummarySchema,
  /** Every version the reader may see, newest first (drafts only to those who may edit). */
  versions: z.array(versionSummarySchema),
  /** The framework as this organisation uses it now: the newest published version with its own extensions. */
  effective: z
    .object({
      versionId: z.uuid(),
      number: z.number().int(),
      document: frameworkSchema,
      extensions: z.array(extensionSchema),
    })
    .nullable(),
  policies: z.object({
    /** Begin a new version (or change the open one). */
    draft: z.boolean(),
    /** Change this organisation's own extensions of it. */
    extend: z.boolean(),
  }),
});
export type FrameworkDetail = z.infer<typeof frameworkDetailSchema>;

export const versionViewSchema = versionSummarySchema.extend({
  frameworkId: z.uuid(),
  document: frameworkSchema,
  version: z.number().int(),
  policies: z.object({ edit: z.boolean() }),
});
export type VersionView = z.infer<typeof versionViewSchema>;

export const startDraftSchema = z.object({
  /** The version to start from; the newest published one when left out. */
  from: z.uuid().optional(),
});

export const saveVersionSchema = z.object({
  document: frameworkSchema,
  changeNote: z.string().trim().max(2000).nullable().optional(),
  version: versionSchema,
});
export type SaveVersionInput = z.infer<typeof saveVersionSchema>;

const levelSchema = z.enum(["competence", "skill", "behaviour"]);
const comparedVersionSchema = versionSummarySchema.pick({ id: true, number: true, status: true }).extend({
  document: frameworkSchema,
});

/** Two versions of one framework compared, with both documents to read the texts side by side. */
export const versionComparisonSchema = z.object({
  from: comparedVersionSchema,
  to: comparedVersionSchema,
  changes: z.object({
    added: z.array(z.object({ level: levelSchema, key: z.string() })),
    changed: z.array(
      z.object({
        level: levelSchema,
        key: z.string(),
        fields: z.array(z.enum(["name", "description", "text", "parent"])),
      }),
    ),
    retired: z.array(z.object({ level: levelSchema, key: z.string() })),
  }),
});
export type VersionComparisonView = z.infer<typeof versionComparisonSchema>;

export const compareQuerySchema = z.object({ from: z.uuid(), to: z.uuid() });

/** An organisation's own additions to a network framework, and what they hang on. */
export const extensionsViewSchema = z.object({
  frameworkId: z.uuid(),
  /** 0 while the organisation has none stored. */
  version: z.number().int(),
  extensions: z.array(extensionSchema),
  /** The published version the additions hang on: its competences by key and name. */
  base: z
    .object({
      number: z.number().int(),
      competences: z.array(z.object({ key: z.string(), name: localized })),
    })
    .nullable(),
  policies: z.object({ edit: z.boolean() }),
});
export type ExtensionsView = z.infer<typeof extensionsViewSchema>;

export const saveExtensionsSchema = z.object({
  extensions: z.array(extensionSchema).max(20),
  /** The version read; 0 when the organisation had none. */
  version: z.number().int().min(0).max(2_147_483_647),
});
export type SaveExtensionsInput = z.infer<typeof saveExtensionsSchema>;

/** A new framework: its name, whose it is, and optionally a published version to start from. */
export const createFrameworkSchema = z.object({
  name: z.object({ nl: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }),
  owner: z.enum(["organisation", "network"]).default("organisation"),
  /** A readable version whose document the first draft copies; an empty outline when left out. */
  from: z.uuid().nullish(),
});
export type CreateFrameworkInput = z.infer<typeof createFrameworkSchema>;
