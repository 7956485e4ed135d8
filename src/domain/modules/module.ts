import { z } from "zod";
import { dateSchema } from "../date-schemas.js";
import { videoPlayer } from "./video-hosts.js";

/**
 * A module of the learning line (product §4): what a werkbegeleider learns, online, at work and
 * in a training, in blocks followed in order or selectively. A version's document is this
 * shape; a published version never changes (decision 0026).
 */

export const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const key = z.string().regex(KEY, { error: "field.key" });
const line = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max);

/** Markdown, shown as text with its markup: never raw HTML, never a script (see the web's Markdown). */
const markdown = (max: number) => z.string().trim().min(1).max(max);

export const BLOCK_KINDS = ["text", "video", "case", "reflection", "quiz", "assignment", "training"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

const textBlock = z.strictObject({ key, kind: z.literal("text"), title: optionalText(200), body: markdown(20_000) });

const videoBlock = z.strictObject({
  key,
  kind: z.literal("video"),
  title: line(200),
  /** A link to a video on an allowed host (video-hosts.ts); never an uploaded file. */
  url: z
    .string()
    .trim()
    .max(500)
    .refine((url) => videoPlayer(url) !== null, { error: "field.videoHost" }),
  transcript: optionalText(50_000),
});

/** A question the learner answers for themselves; shared with their praktijkopleider only when they choose. */
const reflectionBlock = z.strictObject({ key, kind: z.literal("reflection"), question: line(2_000) });

export const quizOptionSchema = z.strictObject({
  key,
  text: line(500),
  correct: z.boolean(),
  /** Shown to the learner when they chose this option. */
  feedback: optionalText(1_000),
});

export const quizQuestionSchema = z
  .strictObject({
    key,
    text: line(1_000),
    /** Several answers may be right (tick all that apply) or exactly one is. */
    multiple: z.boolean(),
    options: z.array(quizOptionSchema).min(2).max(8),
  })
  .superRefine((question, ctx) => {
    const right = question.options.filter((o) => o.correct).length;
    if (right === 0 || (!question.multiple && right > 1))
      ctx.addIssue({ code: "custom", path: ["options"], message: "field.quizCorrect" });
    uniqueKeys(question.options, ctx, ["options"]);
  });

const quizBlock = z
  .strictObject({
    key,
    kind: z.literal("quiz"),
    title: optionalText(200),
    questions: z.array(quizQuestionSchema).min(1).max(30),
    /** How many questions must be answered right to pass. */
    passMark: z.number().int().min(1).max(30),
  })
  .superRefine((quiz, ctx) => {
    if (quiz.passMark > quiz.questions.length)
      ctx.addIssue({ code: "custom", path: ["passMark"], message: "field.passMarkTooHigh" });
    uniqueKeys(quiz.questions, ctx, ["questions"]);
  });

/** A werkplekopdracht: done with the student at work, described by the learner, signed off by their praktijkopleider or team leader. */
const assignmentBlock = z.strictObject({
  key,
  kind: z.literal("assignment"),
  title: line(200),
  instructions: markdown(10_000),
});

/** The physical part: until events are planned in Koers, its date, place and trainer are typed here. */
const trainingBlock = z.strictObject({
  key,
  kind: z.literal("training"),
  title: line(200),
  date: dateSchema.nullable(),
  place: optionalText(200),
  trainer: optionalText(200),
});

/** A case from the case library (decision 0028): an approved one, checked when the module is saved. */
const caseBlock = z.strictObject({ key, kind: z.literal("case"), title: optionalText(200), caseId: z.uuid() });

export const blockSchema = z.discriminatedUnion("kind", [
  textBlock,
  videoBlock,
  caseBlock,
  reflectionBlock,
  quizBlock,
  assignmentBlock,
  trainingBlock,
]);
export type Block = z.infer<typeof blockSchema>;
export type QuizBlock = Extract<Block, { kind: "quiz" }>;

function uniqueKeys(items: readonly { key: string }[], ctx: z.RefinementCtx, path: (string | number)[]) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.key)) ctx.addIssue({ code: "custom", path: [...path, index, "key"], message: "field.keyTaken" });
    seen.add(item.key);
  });
}

/** The competences of one framework the module serves, each at the level of its scale it aims for. */
export const moduleTagsSchema = z.strictObject({
  frameworkId: z.uuid(),
  competences: z
    .array(z.strictObject({ key: z.string().min(1).max(60), level: z.number().int().min(0).max(20) }))
    .min(1)
    .max(20),
});

export const moduleDocumentSchema = z
  .strictObject({
    title: line(200),
    summary: optionalText(2_000),
    /** The estimated time to follow the module, in minutes. */
    minutes: z.number().int().min(1).max(6_000),
    tags: moduleTagsSchema,
    blocks: z.array(blockSchema).min(1).max(60),
  })
  .superRefine((doc, ctx) => {
    uniqueKeys(doc.blocks, ctx, ["blocks"]);
    const competences = new Set<string>();
    doc.tags.competences.forEach((c, index) => {
      if (competences.has(c.key))
        ctx.addIssue({ code: "custom", path: ["tags", "competences", index, "key"], message: "field.duplicate" });
      competences.add(c.key);
    });
  });
export type ModuleDocument = z.infer<typeof moduleDocumentSchema>;

/** The first draft of a new module: one text block to start from. */
export function moduleOutline(title: string, tags: ModuleDocument["tags"]): ModuleDocument {
  return { title, summary: "", minutes: 30, tags, blocks: [{ key: "intro", kind: "text", title: "", body: title }] };
}

/** A block's own title, or what it asks, for lists of blocks. */
export function blockTitle(block: Block): string {
  if (block.kind === "reflection") return block.question;
  return block.title;
}

/** What changed between two documents, by block key: added, changed (any field) and removed blocks. */
export function blockChanges(before: ModuleDocument, after: ModuleDocument) {
  const was = new Map(before.blocks.map((b) => [b.key, JSON.stringify(b)]));
  const now = new Set(after.blocks.map((b) => b.key));
  return {
    added: after.blocks.filter((b) => !was.has(b.key)),
    changed: after.blocks.filter((b) => was.has(b.key) && was.get(b.key) !== JSON.stringify(b)),
    removed: before.blocks.filter((b) => !now.has(b.key)),
  };
}
