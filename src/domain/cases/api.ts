import { z } from "zod";
import { versionSchema } from "../version.js";
import { PRIVACY_KINDS } from "./privacy.js";
import { CASE_SETTING_KEYS } from "./settings.js";

/** What the API says of cases from practice, and what it takes to write and review one (decision 0028). */

export const CASE_STATUSES = ["draft", "submitted", "approved", "returned"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_TEXT_MAX = 4000;

const localized = z.object({ nl: z.string(), en: z.string() });
const text = (max: number) => z.string().trim().min(1, { error: "field.required" }).max(max);

/** What the author writes: the situation, the question it raises, and what happened. */
export const caseContentSchema = z.object({
  title: text(160),
  situation: text(CASE_TEXT_MAX),
  question: text(CASE_TEXT_MAX),
  whatHappened: z.string().trim().max(CASE_TEXT_MAX),
  setting: z.enum(CASE_SETTING_KEYS),
  frameworkId: z.uuid(),
  competences: z
    .array(z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, { error: "field.key" }))
    .min(1, { error: "field.required" })
    .max(6),
});
export type CaseContent = z.infer<typeof caseContentSchema>;

export const createCaseSchema = caseContentSchema.extend({ owner: z.enum(["network", "organisation"]) });
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

export const updateCaseSchema = caseContentSchema.extend({ version: versionSchema });
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>;

/** Sending for review: when the text looks like it names a person, the author confirms it does not. */
export const submitCaseSchema = z.object({ version: versionSchema, privacyChecked: z.boolean().optional() });

export const reviewCaseSchema = z
  .object({
    decision: z.enum(["approve", "return"]),
    reason: z.string().trim().max(2000).optional(),
    version: versionSchema,
  })
  .superRefine((input, ctx) => {
    if (input.decision === "return" && !input.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "field.required" });
  });
export type ReviewCaseInput = z.infer<typeof reviewCaseSchema>;

/** Taking an approved case back from its readers, with the reason its author reads. */
export const withdrawCaseSchema = z.object({
  reason: z.string().trim().min(1, { error: "field.required" }).max(2000),
  version: versionSchema,
});
export type WithdrawCaseInput = z.infer<typeof withdrawCaseSchema>;

export const caseQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  competence: z.string().max(48).optional(),
  setting: z.enum(CASE_SETTING_KEYS).optional(),
});

const privacyWarningSchema = z.object({ kind: z.enum(PRIVACY_KINDS), match: z.string() });

export const caseSummarySchema = z.object({
  id: z.uuid(),
  owner: z.enum(["network", "organisation"]),
  status: z.enum(CASE_STATUSES),
  title: z.string(),
  setting: z.string(),
  competences: z.array(z.object({ key: z.string(), name: localized })),
  /** The organisation it comes from. */
  organisation: z.string(),
  /** The author's name, for readers in the author's organisation only. */
  author: z.string().nullable(),
  mine: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListSchema = z.object({
  cases: z.array(caseSummarySchema),
  /** Cases of the organisation waiting for the reader's review. */
  toReview: z.array(caseSummarySchema),
  /** The reader's own cases not approved yet. */
  mine: z.array(caseSummarySchema),
  policies: z.object({ create: z.boolean(), createForNetwork: z.boolean() }),
});
export type CaseList = z.infer<typeof caseListSchema>;

export const caseViewSchema = caseSummarySchema.extend({
  situation: z.string(),
  question: z.string(),
  whatHappened: z.string(),
  frameworkId: z.uuid(),
  version: z.number().int(),
  /** Why a reviewer sent it back. */
  reviewReason: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  /** What looks like personal data in its text: the author sees it while writing, the reviewer before approving. */
  privacy: z.array(privacyWarningSchema),
  competenceChoices: z.array(z.object({ key: z.string(), name: localized })),
  policies: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), withdraw: z.boolean() }),
});
export type CaseView = z.infer<typeof caseViewSchema>;
