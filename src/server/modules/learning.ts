import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { learningPaths, moduleAssignments, moduleProgress, moduleVersions, users } from "../../db/schema.js";
import {
  type BlockAction,
  evidenceKind,
  type LearnerView,
  type QuizResult,
  type SubmissionView,
} from "../../domain/modules/api.js";
import type { ModuleDocument } from "../../domain/modules/module.js";
import { canFollowModules } from "../../domain/modules/policy.js";
import {
  type AssignmentStatus,
  emptyProgress,
  forLearner,
  type ProgressState,
  moduleProgress as progressOf,
  scoreQuiz,
} from "../../domain/modules/progress.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { caseIdsOf, caseTexts } from "../cases/service.js";
import { forbidden, HttpProblem, notFound } from "../http/problem.js";
import { latestPublishedModule, readableModule } from "./access.js";

/**
 * Following a module (decision 0026): the learner starts the newest published version and keeps
 * it; what they do is recorded per block; the module completes when every block is done, and
 * then the learning path's items for the competences it serves are marked done.
 */

type ProgressRow = typeof moduleProgress.$inferSelect;

/** The actor's own progress in a module, or null when they have not started it. */
export async function ownProgress(tx: Tx, actor: Actor, moduleId: string) {
  const [row] = await tx
    .select()
    .from(moduleProgress)
    .where(
      and(
        eq(moduleProgress.organisationId, actor.organisationId),
        eq(moduleProgress.userId, actor.userId),
        eq(moduleProgress.moduleId, moduleId),
      ),
    );
  return row ?? null;
}

/** Submissions of some progress rows, newest first. */
export async function submissionsOf(tx: Tx, organisationId: string, progressIds: readonly string[]) {
  if (!progressIds.length) return [];
  return tx
    .select({
      id: moduleAssignments.id,
      progressId: moduleAssignments.progressId,
      blockKey: moduleAssignments.blockKey,
      status: moduleAssignments.status,
      description: moduleAssignments.description,
      evidenceMime: moduleAssignments.evidenceMime,
      reason: moduleAssignments.reason,
      reviewer: users.name,
      submittedAt: moduleAssignments.submittedAt,
      reviewedAt: moduleAssignments.reviewedAt,
      version: moduleAssignments.version,
    })
    .from(moduleAssignments)
    .leftJoin(users, eq(users.id, moduleAssignments.reviewedBy))
    .where(
      and(eq(moduleAssignments.organisationId, organisationId), oneOf(moduleAssignments.progressId, [...progressIds])),
    )
    .orderBy(desc(moduleAssignments.submittedAt), desc(moduleAssignments.id));
}

type Submission = Awaited<ReturnType<typeof submissionsOf>>[number];

/** The newest submission's status per assignment block. */
export function assignmentStatuses(submissions: readonly Submission[]) {
  const statuses: Record<string, AssignmentStatus> = {};
  for (const s of submissions) if (!statuses[s.blockKey]) statuses[s.blockKey] = s.status;
  return statuses;
}

export const presentSubmission = (s: Submission): SubmissionView => ({
  id: s.id,
  blockKey: s.blockKey,
  status: s.status,
  description: s.description,
  evidence: evidenceKind(s.evidenceMime),
  reason: s.reason,
  reviewer: s.reviewer,
  submittedAt: s.submittedAt.toISOString(),
  reviewedAt: s.reviewedAt?.toISOString() ?? null,
  version: s.version,
});

async function documentOf(tx: Tx, versionId: string) {
  const [row] = await tx
    .select({ id: moduleVersions.id, number: moduleVersions.number, document: moduleVersions.document })
    .from(moduleVersions)
    .where(eq(moduleVersions.id, versionId));
  if (!row) throw new Error(`module version ${versionId} not found`);
  return row;
}

function lastResult(document: ModuleDocument, key: string, state: ProgressState): QuizResult | null {
  const quiz = document.blocks.find((b) => b.key === key);
  const last = state.quizzes[key]?.at(-1);
  if (quiz?.kind !== "quiz" || !last) return null;
  return { ...scoreQuiz(quiz, last.answers), passMark: quiz.passMark, at: last.at };
}

/** The learner's view of a module they follow. */
export async function learnerView(tx: Tx, actor: Actor, row: ProgressRow): Promise<LearnerView> {
  const version = await documentOf(tx, row.moduleVersionId);
  const latest = await latestPublishedModule(tx, row.moduleId);
  const submissions = await submissionsOf(tx, actor.organisationId, [row.id]);
  const { document } = version;
  const cases = await caseTexts(tx, actor, caseIdsOf(document.blocks));
  const progress = progressOf(document, row.state, assignmentStatuses(submissions));
  const assignments: LearnerView["assignments"] = {};
  for (const s of submissions) assignments[s.blockKey] = [...(assignments[s.blockKey] ?? []), presentSubmission(s)];
  return {
    moduleId: row.moduleId,
    version: { id: version.id, number: version.number },
    newerVersion: latest && latest.number > version.number ? latest.number : null,
    title: document.title,
    summary: document.summary,
    minutes: document.minutes,
    blocks: document.blocks.map((block) => forLearner(block, cases)),
    progress: { ...progress, completedAt: row.completedAt?.toISOString() ?? null },
    reflections: row.state.reflections,
    quizzes: Object.fromEntries(
      document.blocks
        .filter((b) => b.kind === "quiz")
        .map((b) => [
          b.key,
          { attempts: row.state.quizzes[b.key]?.length ?? 0, last: lastResult(document, b.key, row.state) },
        ]),
    ),
    assignments,
  };
}

/** Starts a module on its newest published version; starting again answers the progress there is. */
export async function startModule(tx: Tx, actor: Actor, moduleId: string) {
  if (!canFollowModules(actor)) throw forbidden();
  const module = await readableModule(tx, actor, moduleId);
  if (!module) throw notFound();
  const existing = await ownProgress(tx, actor, moduleId);
  if (existing) return existing;
  const version = await latestPublishedModule(tx, moduleId);
  if (!version) throw new HttpProblem(409, "module.nothingPublished");
  await tx
    .insert(moduleProgress)
    .values({
      organisationId: actor.organisationId,
      userId: actor.userId,
      moduleId,
      moduleVersionId: version.id,
      state: emptyProgress(),
    })
    .onConflictDoNothing();
  const made = await ownProgress(tx, actor, moduleId);
  if (!made) throw new Error("progress not made");
  return made;
}

/** The learner's own progress row, locked for a change, with the block they act on. */
export async function progressForChange(tx: Tx, actor: Actor, moduleId: string, blockKey: string) {
  if (!canFollowModules(actor)) throw forbidden();
  return lockedProgress(tx, { organisationId: actor.organisationId, userId: actor.userId }, moduleId, blockKey);
}

/** A learner's progress row in a module, locked for a change, with one block of their version. */
export async function lockedProgress(
  tx: Tx,
  learner: { organisationId: string; userId: string },
  moduleId: string,
  blockKey: string,
) {
  const [row] = await tx
    .select()
    .from(moduleProgress)
    .where(
      and(
        eq(moduleProgress.organisationId, learner.organisationId),
        eq(moduleProgress.userId, learner.userId),
        eq(moduleProgress.moduleId, moduleId),
      ),
    )
    .for("update");
  if (!row) throw new HttpProblem(409, "module.notStarted");
  const { document, number } = await documentOf(tx, row.moduleVersionId);
  const block = document.blocks.find((b) => b.key === blockKey);
  if (!block) throw notFound();
  return { row, document, number, block };
}

/**
 * Stores a changed state and, when the change completed the module, records that: once, with
 * the learning path's items for the module's competences marked done.
 */
export async function storeProgress(
  tx: Tx,
  actor: Actor,
  change: { row: ProgressRow; document: ModuleDocument; number: number },
  state: ProgressState,
) {
  const { row, document } = change;
  const submissions = await submissionsOf(tx, row.organisationId, [row.id]);
  const complete = progressOf(document, state, assignmentStatuses(submissions)).complete;
  const completes = complete && !row.completedAt;
  await tx
    .update(moduleProgress)
    .set({ state, updatedAt: sql`now()`, ...(completes ? { completedAt: sql`now()` } : {}) })
    .where(eq(moduleProgress.id, row.id));
  if (completes) await completeModule(tx, actor, row, change.number, document);
}

async function completeModule(tx: Tx, actor: Actor, row: ProgressRow, number: number, document: ModuleDocument) {
  const competences = document.tags.competences.map((c) => c.key);
  const [path] = await tx
    .select()
    .from(learningPaths)
    .where(
      and(
        eq(learningPaths.organisationId, row.organisationId),
        eq(learningPaths.userId, row.userId),
        eq(learningPaths.frameworkId, document.tags.frameworkId),
      ),
    );
  if (path) {
    const items = path.items.map((item) =>
      competences.includes(item.competence)
        ? {
            ...item,
            module: item.module ?? row.moduleId,
            status: item.status === "postponed" ? item.status : ("done" as const),
          }
        : item,
    );
    await tx
      .update(learningPaths)
      .set({ items, version: sql`${learningPaths.version} + 1`, updatedAt: sql`now()` })
      .where(eq(learningPaths.id, path.id));
  }
  await recordAudit(tx, actor, {
    type: "module.completed",
    subjectType: "module",
    subjectId: row.moduleId,
    after: { number, competences },
  });
}

/** Records what the learner did at a block: came to it, read or watched it, reflected, took part. */
export async function recordBlock(tx: Tx, actor: Actor, moduleId: string, action: BlockAction) {
  const blockKey = action.block;
  const change = await progressForChange(tx, actor, moduleId, blockKey);
  const { block, row } = change;
  const state: ProgressState = { ...row.state, last: blockKey };
  const fits =
    action.action === "visit" ||
    (action.action === "seen" && (block.kind === "text" || block.kind === "video" || block.kind === "case")) ||
    (action.action === "attended" && block.kind === "training") ||
    (action.action === "reflection" && block.kind === "reflection");
  if (!fits) throw new HttpProblem(409, "module.wrongBlockKind");
  if (action.action === "seen" && !state.seen.includes(blockKey)) state.seen = [...state.seen, blockKey];
  if (action.action === "attended" && !state.attended.includes(blockKey))
    state.attended = [...state.attended, blockKey];
  if (action.action === "reflection")
    state.reflections = { ...state.reflections, [blockKey]: { answer: action.answer, shared: action.shared } };
  await storeProgress(tx, actor, change, state);
}

/** Scores an attempt at a quiz and records it, passed or not: every attempt is kept. */
export async function attemptQuiz(
  tx: Tx,
  actor: Actor,
  moduleId: string,
  blockKey: string,
  answers: Record<string, string[]>,
): Promise<QuizResult> {
  const change = await progressForChange(tx, actor, moduleId, blockKey);
  const { block, row } = change;
  if (block.kind !== "quiz") throw new HttpProblem(409, "module.wrongBlockKind");
  // Only the questions and options the quiz has are kept.
  const kept = Object.fromEntries(
    block.questions.map((q) => [
      q.key,
      [...new Set(answers[q.key] ?? [])].filter((k) => q.options.some((o) => o.key === k)),
    ]),
  );
  const result = scoreQuiz(block, kept);
  const at = new Date().toISOString();
  const attempt = { answers: kept, correct: result.correct, passed: result.passed, at };
  const state: ProgressState = {
    ...row.state,
    last: blockKey,
    quizzes: { ...row.state.quizzes, [blockKey]: [...(row.state.quizzes[blockKey] ?? []), attempt] },
  };
  await storeProgress(tx, actor, change, state);
  return { ...result, passMark: block.passMark, at };
}
