import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CoreTask, formatCoreTasks, parseCoreTasks } from "./parse.js";

const EXAMPLE = `
B1-K1 Biedt zorg en ondersteuning
B1-K1-W1 Onderkent gezondheidsrisico's
B1-K1-W2: Stelt een zorgplan op

B1-K2 - Werkt aan kwaliteit
B1-K2-W1 Reflecteert op het eigen werk
`;

describe("parseCoreTasks", () => {
  it("reads core tasks and their work processes, with or without a separator after the code", () => {
    expect(parseCoreTasks(EXAMPLE)).toEqual({
      ok: true,
      tasks: [
        {
          code: "B1-K1",
          title: "Biedt zorg en ondersteuning",
          workProcesses: [
            { code: "B1-K1-W1", title: "Onderkent gezondheidsrisico's" },
            { code: "B1-K1-W2", title: "Stelt een zorgplan op" },
          ],
        },
        {
          code: "B1-K2",
          title: "Werkt aan kwaliteit",
          workProcesses: [{ code: "B1-K2-W1", title: "Reflecteert op het eigen werk" }],
        },
      ],
    });
  });

  it("names the first wrong line and why", () => {
    expect(parseCoreTasks("B1-K1 Zorg\nZomaar een regel")).toEqual({ ok: false, line: 2, problem: "noCode" });
    expect(parseCoreTasks("B1-K1")).toEqual({ ok: false, line: 1, problem: "noTitle", code: "B1-K1" });
    expect(parseCoreTasks("B1-K1 Zorg\nB1-K2-W1 Los werkproces")).toEqual({
      ok: false,
      line: 2,
      problem: "withoutCoreTask",
      code: "B1-K2-W1",
    });
    expect(parseCoreTasks("B1-K1 Zorg\n\nB1-K1 Nog eens")).toEqual({
      ok: false,
      line: 3,
      problem: "duplicate",
      code: "B1-K1",
    });
  });

  it("gives back what it was given: formatted tasks parse to the same tasks (property)", () => {
    const title = fc.stringMatching(/^[A-Za-z][A-Za-z ,']{0,30}[a-z]$/);
    const tasks = fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }).chain((numbers) =>
      fc.tuple(
        ...numbers.map((n) =>
          fc.record({
            code: fc.constant(`B1-K${n}`),
            title,
            workProcesses: fc
              .uniqueArray(fc.integer({ min: 1, max: 9 }), { maxLength: 4 })
              .chain((ws) => fc.tuple(...ws.map((w) => fc.record({ code: fc.constant(`B1-K${n}-W${w}`), title })))),
          }),
        ),
      ),
    );
    fc.assert(
      fc.property(tasks, (generated) => {
        const parsed = parseCoreTasks(formatCoreTasks(generated as CoreTask[]));
        expect(parsed).toEqual({ ok: true, tasks: generated });
      }),
    );
  });
});
