import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FriendRating } from "./anonymity.js";
import {
  behavioursPerCompetence,
  behavioursToWorkOn,
  competenceLevels,
  followSuggestedOrder,
  growth,
  moveItem,
  PATH_ITEM_STATUSES,
  type PathItem,
  pathChanges,
  proposePath,
  type Scan,
  suggestedItem,
  suggestedOrder,
} from "./path.js";
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

  it("counts levels to one decimal, as they are shown: 2.95 reaches a target of 3", () => {
    const almost: Scan = {
      self: { welkom: 3, verwachtingen: 3, gedrag: 3 },
      friends: { welkom: friends(3, 3), verwachtingen: friends(3, 2.8), gedrag: friends(2, 2) },
    };
    const [relatie] = competenceLevels(smallFramework(), "mbo2", almost);
    // Others 2.95 → 3.0 (one decimal); with self 3 the level is 3: the target of 3 is reached.
    expect(relatie).toMatchObject({ others: 3, level: 3, target: 3, gap: 0 });
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

  it("measures growth as the later level minus the earlier one: none against itself, the opposite sign backwards", () => {
    const rating = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null });
    const ratings = fc.record({ welkom: rating, verwachtingen: rating, gedrag: rating });
    fc.assert(
      fc.property(ratings, ratings, (first, second) => {
        const framework = smallFramework();
        const before = competenceLevels(framework, "mbo4", { self: first, friends: {} });
        const after = competenceLevels(framework, "mbo4", { self: second, friends: {} });
        for (const g of growth(before, before)) expect(g.change === null || g.change === 0).toBe(true);
        const forward = growth(before, after);
        const backward = growth(after, before);
        forward.forEach((g, i) => {
          if (g.before === null || g.after === null) expect(g.change).toBeNull();
          else expect(g.change).toBeCloseTo(g.after - g.before);
          const back = backward[i]?.change ?? null;
          if (g.change === null) expect(back).toBeNull();
          else expect(back).toBeCloseTo(-g.change);
        });
      }),
    );
  });

  it("keeps what the owner chose, postponed, finished, added or noted when a new scan proposes a path", () => {
    const current: PathItem[] = [
      { ...suggestedItem("feedback", ["gedrag"]), status: "postponed" },
      suggestedItem("relatie", ["welkom"]),
      { ...suggestedItem("eigen"), status: "chosen", own: true },
      { ...suggestedItem("beoordelen"), note: "Met Joost bespreken" },
      suggestedItem("school"),
    ];
    const proposal = proposePath(current, ["samenwerken", "school", "feedback"], { feedback: ["nieuw"] });
    expect(proposal.path.map((i) => [i.competence, i.status, i.closed])).toEqual([
      ["feedback", "postponed", false],
      ["eigen", "chosen", false],
      ["beoordelen", "suggested", false],
      ["samenwerken", "suggested", false],
      ["school", "suggested", false],
      ["relatie", "suggested", true],
    ]);
    expect(proposal.path[0]?.behaviours).toEqual(["nieuw"]);
    expect(proposal.path[3]?.note).toBeNull();
    expect(proposal.path[2]?.note).toBe("Met Joost bespreken");
    expect(proposal.added).toEqual(["samenwerken"]);
    expect(proposal.closed).toEqual(["relatie"]);
    expect(proposal.reordered).toEqual([]);
  });

  it("lists what a proposal moves among the items both paths hold", () => {
    const current = [suggestedItem("a"), suggestedItem("b"), suggestedItem("c")];
    expect(proposePath(current, ["c", "a", "b"]).reordered).toEqual(["c", "a", "b"]);
    expect(proposePath(current, ["a", "c"]).reordered).toEqual([]);
    // Closed once, it is not listed as closed again.
    const once = proposePath(current, ["a", "b"]).path;
    expect(proposePath(once, ["a", "b"]).closed).toEqual([]);
    expect(proposePath(once, ["a", "b"]).path.map((i) => i.competence)).toEqual(["a", "b", "c"]);
  });

  it("names the lowest-rated behaviours of a competence to work on, unrated first", () => {
    const framework = smallFramework();
    expect(behavioursToWorkOn(framework, "relatie", scan)).toEqual(["verwachtingen", "welkom"]);
    expect(behavioursToWorkOn(framework, "relatie", scan, 1)).toEqual(["verwachtingen"]);
    expect(behavioursToWorkOn(framework, "relatie", { self: { welkom: 3 }, friends: {} })).toEqual([
      "verwachtingen",
      "welkom",
    ]);
    expect(behavioursToWorkOn(framework, "onbekend", scan)).toEqual([]);
    expect(behavioursPerCompetence(framework, scan)).toEqual({
      relatie: ["verwachtingen", "welkom"],
      feedback: ["gedrag"],
    });
  });

  it("follows the suggested order again, keeping done and postponed, the owner's additions after", () => {
    const items: PathItem[] = [
      { ...suggestedItem("eigen"), status: "chosen", own: true },
      { ...suggestedItem("b"), status: "chosen" },
      { ...suggestedItem("a"), status: "done" },
      { ...suggestedItem("c"), status: "postponed" },
    ];
    expect(followSuggestedOrder(items, ["a", "c", "b"]).map((i) => [i.competence, i.status])).toEqual([
      ["a", "done"],
      ["c", "postponed"],
      ["b", "suggested"],
      ["eigen", "chosen"],
    ]);
  });

  it("names what the owner changed, by competence only", () => {
    const before: PathItem[] = [suggestedItem("a"), suggestedItem("b"), suggestedItem("c"), suggestedItem("d")];
    const after: PathItem[] = [
      { ...suggestedItem("b"), status: "chosen" },
      suggestedItem("a"),
      { ...suggestedItem("c"), note: "geheim" },
      { ...suggestedItem("e"), own: true, status: "chosen" },
    ];
    expect(pathChanges(before, after)).toEqual({
      added: ["e"],
      removed: ["d"],
      moved: ["b", "a"],
      statusChanged: ["b"],
      noteChanged: ["c"],
    });
    expect(pathChanges(before, before)).toEqual({
      added: [],
      removed: [],
      moved: [],
      statusChanged: [],
      noteChanged: [],
    });
  });

  it("moves an item one place, marking it chosen; at the edge nothing moves", () => {
    const items = [suggestedItem("a"), suggestedItem("b")];
    expect(moveItem(items, 1, -1).map((i) => [i.competence, i.status])).toEqual([
      ["b", "chosen"],
      ["a", "suggested"],
    ]);
    expect(moveItem(items, 0, -1)).toEqual(items);
    expect(moveItem(items, 1, 1)).toEqual(items);
  });
});

const keys = ["a", "b", "c", "d", "e", "f"];
const itemArb = fc.record({
  competence: fc.constantFrom(...keys),
  status: fc.constantFrom(...PATH_ITEM_STATUSES),
  own: fc.boolean(),
  behaviours: fc.array(fc.constantFrom("x", "y"), { maxLength: 2 }),
  note: fc.option(fc.string({ maxLength: 5 }), { nil: null }),
  module: fc.constant(null),
  closed: fc.boolean(),
});
const pathArb = fc.uniqueArray(itemArb, { selector: (i) => i.competence, maxLength: 6 });
const orderArb = fc.uniqueArray(fc.constantFrom(...keys), { maxLength: 6 });

describe("the learning path's rules hold for any path and any scan", () => {
  it("a proposal throws nothing away and holds each competence once", () => {
    fc.assert(
      fc.property(pathArb, orderArb, (current, order) => {
        const { path, added, closed } = proposePath(current, order);
        const keysOf = path.map((i) => i.competence);
        expect(new Set(keysOf).size).toBe(keysOf.length);
        // Every competence of the path stays, and every suggested one is in it.
        for (const item of current) expect(keysOf).toContain(item.competence);
        for (const competence of order) expect(keysOf).toContain(competence);
        // What the owner did is kept as it was.
        for (const item of current.filter((i) => i.status !== "suggested" || i.own || i.note !== null)) {
          const after = path.find((i) => i.competence === item.competence);
          expect(after).toMatchObject({ status: item.status, own: item.own, note: item.note });
        }
        for (const competence of added) expect(current.map((i) => i.competence)).not.toContain(competence);
        for (const competence of closed) expect(path.find((i) => i.competence === competence)?.closed).toBe(true);
      }),
    );
  });

  it("a proposal from the same order is the path itself (no changes listed)", () => {
    fc.assert(
      fc.property(orderArb, (order) => {
        const first = proposePath([], order);
        expect(first.path.map((i) => i.competence)).toEqual(order);
        const again = proposePath(first.path, order);
        expect(again.path).toEqual(first.path);
        expect([again.added, again.closed, again.reordered]).toEqual([[], [], []]);
      }),
    );
  });

  it("following the suggested order or moving an item keeps the same items and every done and postponed", () => {
    fc.assert(
      fc.property(pathArb, orderArb, fc.nat(6), fc.constantFrom(-1 as const, 1 as const), (items, order, at, by) => {
        for (const next of [followSuggestedOrder(items, order), moveItem(items, at, by)]) {
          expect(next.map((i) => i.competence).sort()).toEqual(items.map((i) => i.competence).sort());
          for (const item of items.filter((i) => i.status === "done" || i.status === "postponed"))
            expect(next.find((i) => i.competence === item.competence)?.status).toBe(item.status);
        }
      }),
    );
  });

  it("names behaviours of the competence only, at most as many as asked, lowest first", () => {
    const framework = smallFramework();
    const rating = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null });
    fc.assert(
      fc.property(rating, rating, fc.integer({ min: 0, max: 3 }), (welkom, verwachtingen, max) => {
        const picked = behavioursToWorkOn(framework, "relatie", { self: { welkom, verwachtingen }, friends: {} }, max);
        expect(picked.length).toBe(Math.min(max, 2));
        for (const key of picked) expect(["welkom", "verwachtingen"]).toContain(key);
        if (picked.length === 2) {
          const value = (k: string | undefined) => (k === "welkom" ? welkom : verwachtingen) ?? 0;
          expect(value(picked[0])).toBeLessThanOrEqual(value(picked[1]));
        }
      }),
    );
  });
});
