import type { CaseText } from "./api.js";
import type { Block, ModuleDocument, QuizBlock } from "./module.js";

/**
 * A learner's way through one module version (decision 0026): what they read or watched, their
 * reflections, every quiz attempt, the trainings they took part in and where they were. An
 * on-the-job assignment's state is its latest submission, kept apart because someone else
 * signs it off.
 */
export interface QuizAttempt {
  /** Question key → the option keys chosen. */
  answers: Record<string, string[]>;
  correct: number;
  passed: boolean;
  at: string;
}

export interface ProgressState {
  /** Text and video blocks the learner finished. */
  seen: string[];
  reflections: Record<string, { answer: string; shared: boolean }>;
  quizzes: Record<string, QuizAttempt[]>;
  /** Training blocks the learner took part in. */
  attended: string[];
  /** The block the learner was last at: where they resume. */
  last: string | null;
}

export type AssignmentStatus = "submitted" | "returned" | "signed_off";

export const emptyProgress = (): ProgressState => ({
  seen: [],
  reflections: {},
  quizzes: {},
  attended: [],
  last: null,
});

export interface QuestionResult {
  key: string;
  correct: boolean;
  /** The feedback of each option the learner chose. */
  feedback: { option: string; text: string }[];
}

/**
 * A quiz scored: a question is right when exactly its correct options were chosen (every one of
 * them, and no other). Options the question does not have are ignored; an unanswered question is
 * wrong. Passed when at least the pass mark of questions is right.
 */
export function scoreQuiz(quiz: QuizBlock, answers: Record<string, readonly string[]>) {
  const questions: QuestionResult[] = quiz.questions.map((question) => {
    const known = new Set(question.options.map((o) => o.key));
    const chosen = new Set((answers[question.key] ?? []).filter((k) => known.has(k)));
    const right = question.options.every((o) => o.correct === chosen.has(o.key));
    return {
      key: question.key,
      correct: right && chosen.size > 0,
      feedback: question.options
        .filter((o) => chosen.has(o.key) && o.feedback)
        .map((o) => ({ option: o.key, text: o.feedback })),
    };
  });
  const correct = questions.filter((q) => q.correct).length;
  return { questions, correct, passed: correct >= quiz.passMark };
}

/** Whether a block is done: seen, answered, passed, signed off or attended, by its kind. */
export function blockDone(block: Block, state: ProgressState, assignments: Record<string, AssignmentStatus>): boolean {
  switch (block.kind) {
    case "text":
    case "video":
    case "case":
      return state.seen.includes(block.key);
    case "reflection":
      return (state.reflections[block.key]?.answer.trim() ?? "") !== "";
    case "quiz":
      return (state.quizzes[block.key] ?? []).some((a) => a.passed);
    case "assignment":
      return assignments[block.key] === "signed_off";
    case "training":
      return state.attended.includes(block.key);
  }
}

/**
 * How far the learner is: each block done or not, the count, whether the module is complete
 * (every block done, in any order) and where to resume: the block they were last at when it is
 * not done yet, else the first block not done after it, else the first not done at all.
 */
export function moduleProgress(
  document: ModuleDocument,
  state: ProgressState,
  assignments: Record<string, AssignmentStatus>,
) {
  const blocks = document.blocks.map((block) => ({ key: block.key, done: blockDone(block, state, assignments) }));
  const done = blocks.filter((b) => b.done).length;
  const at = Math.max(
    0,
    blocks.findIndex((b) => b.key === state.last),
  );
  const resume = [...blocks.slice(at), ...blocks.slice(0, at)].find((b) => !b.done)?.key ?? null;
  return { blocks, done, total: blocks.length, complete: done === blocks.length, resume };
}

/**
 * A block as the learner sees it: a quiz without which options are right or what they say back;
 * a case with its text, from the cases the learner may read (null when it is not one of them).
 */
export function forLearner(block: Block, cases: ReadonlyMap<string, CaseText> = new Map()) {
  if (block.kind === "case") {
    const text = cases.get(block.caseId) ?? null;
    return { ...block, title: block.title || text?.title || "", case: text };
  }
  if (block.kind !== "quiz") return block;
  return {
    ...block,
    questions: block.questions.map((q) => ({
      key: q.key,
      text: q.text,
      multiple: q.multiple,
      options: q.options.map((o) => ({ key: o.key, text: o.text })),
    })),
  };
}
