import { z } from "zod";
import { versionSchema } from "../version.js";
import { blockSchema, moduleDocumentSchema, moduleTagsSchema } from "./module.js";

/** What the API says of modules, a learner's progress and on-the-job assignments (decision 0026). */

export const MODULE_VERSION_STATUSES = ["draft", "published"] as const;
export const ASSIGNMENT_STATUSES = ["submitted", "returned", "signed_off"] as const;
/** What a learner may hand in as evidence with an assignment: a photo (stored as JPEG) or a PDF. */
export const EVIDENCE_KINDS = ["photo", "pdf"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const evidenceKind = (mime: string | null): EvidenceKind | null =>
  mime === null ? null : mime === "application/pdf" ? "pdf" : "photo";

const localized = z.object({ nl: z.string(), en: z.string() });

export const moduleVersionSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(MODULE_VERSION_STATUSES),
  changeNote: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
});
export type ModuleVersionSummary = z.infer<typeof moduleVersionSummarySchema>;

/** A competence the module serves, with its name in the framework version it is tagged against. */
const servedCompetenceSchema = z.object({ key: z.string(), level: z.number().int(), name: localized.nullable() });

export const progressSummarySchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  complete: z.boolean(),
  completedAt: z.iso.datetime().nullable(),
});

export const moduleSummarySchema = z.object({
  id: z.uuid(),
  owner: z.enum(["network", "organisation"]),
  /** The newest published version's title, or the draft's while none is published. */
  title: z.string(),
  summary: z.string(),
  minutes: z.number().int(),
  blockKinds: z.array(z.string()),
  frameworkId: z.uuid(),
  competences: z.array(servedCompetenceSchema),
  published: moduleVersionSummarySchema.nullable(),
  /** The version being drafted, for those who may edit the module. */
  draft: moduleVersionSummarySchema.nullable(),
  /** The module this one was copied from, when it is a local adaptation. */
  copiedFrom: z.uuid().nullable(),
  /** The reader's own progress, once they started it. */
  progress: progressSummarySchema.nullable(),
  mayEdit: z.boolean(),
});
export type ModuleSummary = z.infer<typeof moduleSummarySchema>;

export const moduleListSchema = z.object({
  modules: z.array(moduleSummarySchema),
  policies: z.object({ create: z.boolean(), createForNetwork: z.boolean() }),
});
export type ModuleList = z.infer<typeof moduleListSchema>;

/** One version as its editor reads it: flat, so that a save answers what a read does. */
export const moduleVersionViewSchema = moduleVersionSummarySchema.extend({
  moduleId: z.uuid(),
  /** The row's version, for a versioned save. */
  version: z.number().int(),
  document: moduleDocumentSchema,
  /** The competences of the framework's newest published version, to tag the module with. */
  competences: z.array(z.object({ key: z.string(), name: localized })),
  /** The scale's levels of that version. */
  levels: z.array(z.object({ value: z.number().int(), label: localized })),
  mayEdit: z.boolean(),
});
export type ModuleVersionView = z.infer<typeof moduleVersionViewSchema>;

export const createModuleSchema = z.object({
  title: z.string().trim().min(1).max(200),
  owner: z.enum(["organisation", "network"]).default("organisation"),
  /** Tags for a new outline; ignored when copying. */
  tags: moduleTagsSchema.nullish(),
  /** A published version to copy (a network module adapted locally); an outline when left out. */
  from: z.uuid().nullish(),
});
export type CreateModuleInput = z.infer<typeof createModuleSchema>;

export const saveModuleVersionSchema = z.object({
  version: versionSchema,
  document: moduleDocumentSchema,
  changeNote: z.string().trim().max(2_000).nullish(),
});
export type SaveModuleVersionInput = z.infer<typeof saveModuleVersionSchema>;

export const publishModuleSchema = z.object({ version: versionSchema });

/** A quiz as the learner sees it: the questions and options, never which are right. */
/** What a learner reads of a case in a module: null when it is no longer there for them. */
export const caseTextSchema = z.object({
  title: z.string(),
  situation: z.string(),
  question: z.string(),
  whatHappened: z.string(),
});
export type CaseText = z.infer<typeof caseTextSchema>;

const learnerBlockSchema = z.union([
  blockSchema,
  z.object({
    key: z.string(),
    kind: z.literal("case"),
    title: z.string(),
    caseId: z.uuid(),
    case: caseTextSchema.nullable(),
  }),
  z.object({
    key: z.string(),
    kind: z.literal("quiz"),
    title: z.string(),
    passMark: z.number().int(),
    questions: z.array(
      z.object({
        key: z.string(),
        text: z.string(),
        multiple: z.boolean(),
        options: z.array(z.object({ key: z.string(), text: z.string() })),
      }),
    ),
  }),
]);

export const quizResultSchema = z.object({
  correct: z.number().int(),
  passed: z.boolean(),
  passMark: z.number().int(),
  questions: z.array(
    z.object({
      key: z.string(),
      correct: z.boolean(),
      feedback: z.array(z.object({ option: z.string(), text: z.string() })),
    }),
  ),
  at: z.iso.datetime(),
});
export type QuizResult = z.infer<typeof quizResultSchema>;

export const submissionViewSchema = z.object({
  id: z.uuid(),
  blockKey: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  description: z.string(),
  /** What was handed in as evidence, if anything. */
  evidence: z.enum(EVIDENCE_KINDS).nullable(),
  /** Why it was sent back. */
  reason: z.string().nullable(),
  reviewer: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  reviewedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type SubmissionView = z.infer<typeof submissionViewSchema>;

/** A learner's own view of a module they follow: the version they started, and where they are. */
export const learnerViewSchema = z.object({
  moduleId: z.uuid(),
  version: z.object({ id: z.uuid(), number: z.number().int() }),
  /** A newer published version than the one the learner keeps. */
  newerVersion: z.number().int().nullable(),
  title: z.string(),
  summary: z.string(),
  minutes: z.number().int(),
  blocks: z.array(learnerBlockSchema),
  progress: progressSummarySchema.extend({
    blocks: z.array(z.object({ key: z.string(), done: z.boolean() })),
    resume: z.string().nullable(),
  }),
  reflections: z.record(z.string(), z.object({ answer: z.string(), shared: z.boolean() })),
  quizzes: z.record(z.string(), z.object({ attempts: z.number().int(), last: quizResultSchema.nullable() })),
  /** Per assignment block: its submissions, newest first. */
  assignments: z.record(z.string(), z.array(submissionViewSchema)),
});
export type LearnerView = z.infer<typeof learnerViewSchema>;

export const moduleDetailSchema = z.object({
  module: moduleSummarySchema,
  /** Every version the reader may see, newest first (a draft only to its editors). */
  versions: z.array(moduleVersionSummarySchema),
  /** The newest published version's blocks as a learner sees them (a preview before starting). */
  preview: z.array(learnerBlockSchema),
  learner: learnerViewSchema.nullable(),
  /** For its authors: what the draft changes against the newest published version, by block. */
  draftChanges: z
    .object({
      from: z.number().int(),
      added: z.array(z.object({ key: z.string(), kind: z.string(), title: z.string() })),
      changed: z.array(z.object({ key: z.string(), kind: z.string(), title: z.string() })),
      removed: z.array(z.object({ key: z.string(), kind: z.string(), title: z.string() })),
    })
    .nullable(),
  policies: z.object({ edit: z.boolean(), follow: z.boolean(), copy: z.boolean() }),
});
export type ModuleDetail = z.infer<typeof moduleDetailSchema>;

/** The key of a block in the learner's version of the module. */
const blockKey = z.string().min(1).max(40);

/** What a learner records of a block. */
export const blockActionSchema = z.discriminatedUnion("action", [
  /** Came to the block: where they resume. */
  z.object({ block: blockKey, action: z.literal("visit") }),
  /** Read the text, watched the video. */
  z.object({ block: blockKey, action: z.literal("seen") }),
  /** Took part in the training. */
  z.object({ block: blockKey, action: z.literal("attended") }),
  z.object({
    block: blockKey,
    action: z.literal("reflection"),
    answer: z.string().trim().min(1).max(10_000),
    /** Shared with their praktijkopleider: only when the learner chooses. */
    shared: z.boolean(),
  }),
]);
export type BlockAction = z.infer<typeof blockActionSchema>;

export const quizAnswersSchema = z.object({
  block: blockKey,
  answers: z.record(z.string().max(40), z.array(z.string().max(40)).max(8)),
});

export const reviewSchema = z
  .object({
    decision: z.enum(["sign_off", "return"]),
    reason: z.string().trim().max(2_000).nullish(),
    version: versionSchema,
  })
  .superRefine((review, ctx) => {
    if (review.decision === "return" && !review.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "field.required" });
  });
export type ReviewInput = z.infer<typeof reviewSchema>;

/** An assignment waiting for the reviewer (or recently decided by them). */
export const queueItemSchema = submissionViewSchema.extend({
  moduleId: z.uuid(),
  moduleTitle: z.string(),
  blockTitle: z.string(),
  instructions: z.string(),
  learner: z.object({ userId: z.uuid(), name: z.string() }),
});
/** A reflection a learner chose to share with their praktijkopleider. */
export const sharedReflectionSchema = z.object({
  moduleId: z.uuid(),
  moduleTitle: z.string(),
  question: z.string(),
  answer: z.string(),
  learner: z.object({ userId: z.uuid(), name: z.string() }),
  updatedAt: z.iso.datetime(),
});
export const assignmentQueueSchema = z.object({
  assignments: z.array(queueItemSchema),
  /** For the praktijkopleider: reflections learners shared with them; never one they did not share. */
  reflections: z.array(sharedReflectionSchema),
});
export type AssignmentQueue = z.infer<typeof assignmentQueueSchema>;
