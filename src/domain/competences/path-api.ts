import { z } from "zod";
import { versionSchema } from "../version.js";
import { PATH_ITEM_STATUSES } from "./path.js";

/** What the API says of a werkbegeleider's learning path, and what it takes to change it. */

const localized = z.object({ nl: z.string(), en: z.string() });
const competenceKey = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, { error: "field.key" });
export const PATH_NOTE_MAX = 2000;
export const PATH_ITEMS_MAX = 40;

/** One item as the owner sends it: which competence, where it stands, their note. The rest is the server's. */
export const pathItemInputSchema = z.object({
  competence: competenceKey,
  status: z.enum(PATH_ITEM_STATUSES),
  note: z.string().trim().max(PATH_NOTE_MAX).nullable().optional(),
});
export type PathItemInput = z.infer<typeof pathItemInputSchema>;

/** The items in the owner's order: each competence once. */
export const pathItemsSchema = z
  .array(pathItemInputSchema)
  .max(PATH_ITEMS_MAX)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.competence))
        ctx.addIssue({ code: "custom", path: [i, "competence"], message: "field.duplicateCompetence" });
      seen.add(item.competence);
    });
  });

export const learningPathQuerySchema = z.object({
  /**
   * The framework of the path (its id); the framework of the owner's latest finished scan when
   * left out. A framework the organisation does not read has no path: the answer is empty.
   */
  framework: z.uuid().optional(),
});

export const createPathSchema = z.object({ frameworkId: z.uuid(), scanId: z.uuid() });
export type CreatePathInput = z.infer<typeof createPathSchema>;

export const updatePathSchema = z.object({
  frameworkId: z.uuid(),
  items: pathItemsSchema,
  version: versionSchema,
});
export type UpdatePathInput = z.infer<typeof updatePathSchema>;

export const acceptProposalSchema = z.object({ frameworkId: z.uuid(), scanId: z.uuid(), version: versionSchema });
export type AcceptProposalInput = z.infer<typeof acceptProposalSchema>;

const scanRefSchema = z.object({ id: z.uuid(), finishedAt: z.iso.datetime(), variant: z.string() });

export const pathItemViewSchema = z.object({
  competence: z.string(),
  name: localized,
  status: z.enum(PATH_ITEM_STATUSES),
  own: z.boolean(),
  closed: z.boolean(),
  note: z.string().nullable(),
  /** The module that serves the item; null while the library has none (the page says so). */
  module: z.string().nullable(),
  behaviours: z.array(z.object({ key: z.string(), text: localized })),
  /** In the scan the path (or the proposal) was made from. */
  level: z.number().nullable(),
  target: z.number(),
  gap: z.number(),
});
export type PathItemView = z.infer<typeof pathItemViewSchema>;

export const learningPathViewSchema = z.object({
  /** Null while the werkbegeleider has no finished scan (and no path). */
  framework: z.object({ id: z.uuid(), name: localized }).nullable(),
  path: z
    .object({
      /** Null: not stored yet. The first path a finished scan proposes, to be created with POST. */
      id: z.uuid().nullable(),
      version: z.number().int().nullable(),
      /** The scan the path was made or last proposed from. */
      scan: scanRefSchema,
      items: z.array(pathItemViewSchema),
      /** The order that scan suggests: "follow the suggested order". */
      suggestedOrder: z.array(z.string()),
    })
    .nullable(),
  /** Per competence of the path: the level in the first scan and the latest, against the target. */
  progress: z.array(
    z.object({
      competence: z.string(),
      name: localized,
      target: z.number(),
      first: z.number().nullable(),
      latest: z.number().nullable(),
      change: z.number().nullable(),
      scans: z.number().int(),
      done: z.boolean(),
    }),
  ),
  /** What a finished scan newer than the path's proposes: shown, not applied. */
  proposal: z
    .object({
      scan: scanRefSchema,
      items: z.array(pathItemViewSchema),
      added: z.array(z.string()),
      closed: z.array(z.string()),
      reordered: z.array(z.string()),
    })
    .nullable(),
  /** Every competence of the path's framework (as scanned), for adding one. */
  competences: z.array(z.object({ key: z.string(), name: localized })),
  scale: z.array(z.object({ value: z.number(), name: localized })),
  policies: z.object({ edit: z.boolean() }),
});
export type LearningPathView = z.infer<typeof learningPathViewSchema>;
