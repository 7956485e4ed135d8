import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moduleDocumentSchema, type QuizBlock } from "./module.js";
import { emptyProgress, forLearner, moduleProgress, type ProgressState, scoreQuiz } from "./progress.js";
import { everyBlockModule } from "./test-module.js";
import { videoPlayer, videoSource } from "./video-hosts.js";

const document = everyBlockModule("00000000-0000-4000-8000-000000000000");
const quiz = document.blocks.find((b) => b.kind === "quiz") as QuizBlock;

describe("scoring a quiz", () => {
  it("counts a question right only with exactly its right options, and gives the feedback of each choice", () => {
    const result = scoreQuiz(quiz, { q1: ["b"], q2: ["a", "b", "c"] });
    expect(result).toEqual({
      correct: 0,
      passed: false,
      questions: [
        { key: "q1", correct: false, feedback: [{ option: "b", text: "Dan luistert hij minder." }] },
        { key: "q2", correct: false, feedback: [{ option: "c", text: "Nee: over gedrag, niet over de persoon." }] },
      ],
    });
    expect(scoreQuiz(quiz, { q1: ["a"], q2: ["a", "b"] })).toMatchObject({ correct: 2, passed: true });
    expect(scoreQuiz(quiz, { q1: ["a"], q2: ["a"] })).toMatchObject({ correct: 1, passed: false });
    expect(scoreQuiz(quiz, {})).toMatchObject({ correct: 0, passed: false });
  });

  it("never counts more right than questions, ignores options the quiz lacks, and passes exactly at the pass mark", () => {
    const option = fc.constantFrom("a", "b", "c", "x");
    fc.assert(
      fc.property(fc.array(option, { maxLength: 5 }), fc.array(option, { maxLength: 5 }), (q1, q2) => {
        const result = scoreQuiz(quiz, { q1, q2 });
        expect(result.correct).toBeLessThanOrEqual(quiz.questions.length);
        expect(result.passed).toBe(result.correct >= quiz.passMark);
        expect(scoreQuiz(quiz, { q1: [...q1, "zz"], q2 })).toEqual(result);
      }),
    );
  });
});

describe("progress through a module", () => {
  const done: ProgressState = {
    seen: ["intro", "film"],
    reflections: { eigen: { answer: "Bij Daan.", shared: false } },
    quizzes: { toets: [{ answers: {}, correct: 2, passed: true, at: "2026-12-01T10:00:00Z" }] },
    attended: ["training"],
    last: "training",
  };

  it("is complete only when every block is done, an assignment only once signed off", () => {
    expect(moduleProgress(document, done, { opdracht: "submitted" })).toMatchObject({
      done: 5,
      complete: false,
      resume: "opdracht",
    });
    expect(moduleProgress(document, done, { opdracht: "returned" }).complete).toBe(false);
    expect(moduleProgress(document, done, { opdracht: "signed_off" })).toMatchObject({
      done: 6,
      total: 6,
      complete: true,
      resume: null,
    });
  });

  it("resumes at the block the learner was at, else the next one not done, wrapping round", () => {
    expect(moduleProgress(document, emptyProgress(), {}).resume).toBe("intro");
    expect(moduleProgress(document, { ...emptyProgress(), last: "eigen" }, {}).resume).toBe("eigen");
    const state = { ...emptyProgress(), seen: ["intro"], last: "training", attended: ["training"] };
    expect(moduleProgress(document, state, {}).resume).toBe("film");
  });

  it("counts a failed attempt as not done and a blank reflection as unanswered", () => {
    const state: ProgressState = {
      ...emptyProgress(),
      reflections: { eigen: { answer: "   ", shared: true } },
      quizzes: { toets: [{ answers: {}, correct: 1, passed: false, at: "2026-12-01T10:00:00Z" }] },
    };
    expect(moduleProgress(document, state, {}).done).toBe(0);
  });

  it("shows the learner no right answers and no feedback before they answer", () => {
    const shown = JSON.stringify(forLearner(quiz));
    expect(shown).not.toContain("correct");
    expect(shown).not.toContain("Dan luistert hij minder");
  });
});

describe("a module's document", () => {
  it("accepts one of every block kind", () => {
    expect(moduleDocumentSchema.safeParse(document).success).toBe(true);
  });

  it("refuses a video from elsewhere, a quiz without a right answer and a pass mark above the questions", () => {
    const broken = {
      ...document,
      blocks: document.blocks.map((b) =>
        b.kind === "video"
          ? { ...b, url: "javascript:alert(1)" }
          : b.kind === "quiz"
            ? {
                ...b,
                passMark: 3,
                questions: [
                  { ...b.questions[0], options: b.questions[0]?.options.map((o) => ({ ...o, correct: false })) },
                  b.questions[1],
                ],
              }
            : b,
      ),
    };
    const result = moduleDocumentSchema.safeParse(broken);
    const issues = result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(issues).toEqual([
      "blocks.1.url: field.videoHost",
      "blocks.3.questions.0.options: field.quizCorrect",
      "blocks.3.passMark: field.passMarkTooHigh",
    ]);
  });

  it("embeds only https videos of the allowed hosts, through their own players", () => {
    expect(videoPlayer("https://www.youtube.com/watch?v=abcDEF12345")).toBe(
      "https://www.youtube-nocookie.com/embed/abcDEF12345",
    );
    expect(videoPlayer("https://youtu.be/abcDEF12345")).toBe("https://www.youtube-nocookie.com/embed/abcDEF12345");
    expect(videoPlayer("https://vimeo.com/123456789")).toBe("https://player.vimeo.com/video/123456789");
    expect(videoSource("https://youtu.be/abcDEF12345")?.host).toBe("YouTube");
    expect(videoSource("https://vimeo.com/123456789")?.host).toBe("Vimeo");
    for (const bad of [
      "http://www.youtube.com/watch?v=abcDEF12345",
      "https://www.youtube.com.evil.example/watch?v=abcDEF12345",
      "https://evil.example/?v=abcDEF12345",
      "https://www.youtube.com/watch?v=<script>",
      "https://user:pw@vimeo.com/123456789",
      "javascript:alert(1)",
      "niet eens een link",
    ])
      expect(videoPlayer(bad), bad).toBeNull();
  });
});
