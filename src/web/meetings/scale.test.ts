import { describe, expect, it } from "vitest";
import { builtinRegime } from "../../domain/regimes/builtin";
import { groupItems, scaleOptions, scoreText } from "./scale";

const teacher = builtinRegime("werkbegeleiding_leerkracht");
const coaching = builtinRegime("coaching");
if (!teacher || !coaching) throw new Error("built-in regimes missing");

describe("a scale's options", () => {
  it("give every point with the scale's words, in the reader's language", () => {
    expect(scaleOptions(teacher.goals.ratingScale, "nl")).toEqual([
      { value: "1", label: "1 – Overwegend zwak" },
      { value: "2", label: "2 – Meer zwak dan sterk" },
      { value: "3", label: "3 – Meer sterk dan zwak" },
      { value: "4", label: "4 – Overwegend sterk" },
    ]);
    expect(scaleOptions(teacher.goals.ratingScale, "en")[3]).toEqual({ value: "4", label: "4 – Predominantly strong" });
  });

  it("are plain numbers on a scale without words", () => {
    const options = scaleOptions(coaching.goals.ratingScale, "nl");
    expect(options.map((o) => o.label)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
  });

  it("read a score back with its words or against the maximum", () => {
    expect(scoreText(teacher.goals.ratingScale, 2, "nl")).toBe("2 – Meer zwak dan sterk");
    expect(scoreText(coaching.goals.ratingScale, 7, "en")).toBe("7 / 10");
  });

  it("count from a scale's own minimum", () => {
    const scale = {
      min: 0,
      max: 2,
      labels: [
        { nl: "nul", en: "zero" },
        { nl: "een", en: "one" },
        { nl: "twee", en: "two" },
      ],
    };
    expect(scaleOptions(scale, "en").map((o) => o.label)).toEqual(["0 – zero", "1 – one", "2 – two"]);
    expect(scoreText(scale, 0, "nl")).toBe("0 – nul");
  });
});

describe("observation items in groups", () => {
  const pedagogy = { nl: "Pedagogisch klimaat", en: "Pedagogical climate" };
  const instruction = { nl: "Instructie", en: "Instruction" };

  it("keep the form's order and put neighbours of one group together", () => {
    const items = [
      { key: "a", group: pedagogy },
      { key: "b", group: pedagogy },
      { key: "c", group: instruction },
      { key: "d" },
      { key: "e" },
      { key: "f", group: { ...pedagogy } },
    ];
    expect(groupItems(items).map((run) => [run.group?.nl ?? null, run.items.map((i) => i.key)])).toEqual([
      ["Pedagogisch klimaat", ["a", "b"]],
      ["Instructie", ["c"]],
      [null, ["d", "e"]],
      ["Pedagogisch klimaat", ["f"]],
    ]);
  });

  it("make one run of a form without groups", () => {
    const runs = groupItems(teacher.observationForms[0]?.items ?? []);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.items).toHaveLength(4);
  });
});
