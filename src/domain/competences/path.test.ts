import { describe, expect, it } from "vitest";
import type { FriendRating } from "./anonymity.js";
import { competenceLevels, growth, proposePath, type Scan, suggestedOrder } from "./path.js";
import { smallFramework } from "./test-framework.js";

const friends = (...values: number[]): FriendRating[] =>
  values.map((value, i) => ({ raterId: `f${i}`, kind: "colleague", value }));

const scan: Scan = {
  self: { welkom: 4, verwachtingen: 2, gedrag: 1 },
  friends: { welkom: friends(2, 2), verwachtingen: friends(2, 2), gedrag: friends(3, 3) },
};

describe("a scan's levels and the learning path", () => {
  it("combines self and others per competence by the framework's rule and measures the gap to the target", () => {
    const levels = competenceLevels(smallFramework(), "mbo4", scan);
    expect(levels).toEqual([
      { competence: "relatie", self: 3, others: 2, level: 2.5, target: 4, gap: 1.5 },
      { competence: "feedback", self: 1, others: 3, level: 2, target: 4, gap: 2 },
    ]);
    const lowest = { ...smallFramework(), combine: { kind: "lowest" as const } };
    expect(competenceLevels(lowest, "mbo4", scan).map((l) => l.level)).toEqual([2, 1]);
  });

  it("orders the path by gap, then by the framework's order, and leaves out what is reached", () => {
    expect(suggestedOrder(competenceLevels(smallFramework(), "mbo4", scan))).toEqual(["feedback", "relatie"]);
    expect(suggestedOrder(competenceLevels(smallFramework(), "mbo2", scan))).toEqual(["relatie"]);
  });

  it("counts a competence nobody rated as its whole target", () => {
    const [relatie] = competenceLevels(smallFramework(), "mbo2", { self: {}, friends: {} });
    expect(relatie).toMatchObject({ level: null, gap: 3 });
  });

  it("shows growth per competence between two scans", () => {
    const later: Scan = { ...scan, self: { welkom: 4, verwachtingen: 4, gedrag: 3 } };
    const framework = smallFramework();
    expect(
      growth(competenceLevels(framework, "mbo4", scan), competenceLevels(framework, "mbo4", later)).map(
        (g) => g.change,
      ),
    ).toEqual([0.5, 1]);
  });

  it("keeps what the owner chose, postponed or finished when a new scan proposes a path", () => {
    const current = [
      { competence: "feedback", chosen: false, postponed: true, done: false },
      { competence: "relatie", chosen: false, postponed: false, done: false },
      { competence: "eigen", chosen: true, postponed: false, done: false },
    ];
    expect(proposePath(current, ["samenwerken", "feedback"])).toEqual({
      path: [
        { competence: "feedback", chosen: false, postponed: true, done: false },
        { competence: "eigen", chosen: true, postponed: false, done: false },
        { competence: "samenwerken", chosen: false, postponed: false, done: false },
      ],
      added: ["samenwerken"],
      closed: ["relatie"],
    });
  });
});
