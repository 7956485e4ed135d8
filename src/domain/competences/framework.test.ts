import { describe, expect, it } from "vitest";
import { activeBehaviours, frameworkSchema, withExtensions } from "./framework.js";
import { smallFramework } from "./test-framework.js";

const issues = (input: unknown) => {
  const result = frameworkSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("a competence framework", () => {
  it("accepts competences, skills and behaviours with a scale and targets on it", () => {
    expect(issues(smallFramework())).toEqual([]);
  });

  it("refuses a key used twice, anywhere in the tree, at the second place", () => {
    const framework = smallFramework();
    (framework.competences[1]?.skills[0]?.behaviours[0] as { key: string }).key = "welkom";
    expect(issues(framework)).toEqual(["competences.1.skills.0.behaviours.0.key: field.keyTaken"]);
  });

  it("refuses a target that is not on the scale, or for a competence it does not have", () => {
    const framework = smallFramework();
    (framework.variants[0] as { targets: Record<string, number> }).targets = { relatie: 7, onbekend: 2 };
    expect(issues(framework)).toEqual([
      "variants.0.targets.relatie: field.notOnScale",
      "variants.0.targets.onbekend: field.unknownCompetence",
    ]);
  });

  it("refuses a scale whose levels do not rise", () => {
    const framework = smallFramework();
    (framework.scale[2] as { value: number }).value = 1;
    expect(issues(framework)).toContain("scale.2.value: field.scaleOrder");
  });

  it("leaves retired skills and behaviours out of what is rated", () => {
    const framework = smallFramework();
    const relatie = framework.competences[0];
    if (!relatie?.skills[0]?.behaviours[1]) throw new Error("fixture");
    relatie.skills[0].behaviours[1].retired = true;
    expect(activeBehaviours(relatie).map((b) => b.key)).toEqual(["welkom"]);
  });
});

describe("the demo framework 'Vakbekwaam werkbegeleiden'", () => {
  it("is valid, with six competences and a target for each in every variant", async () => {
    const { DEMO_FRAMEWORK } = await import("./demo-framework.js");
    expect(issues(DEMO_FRAMEWORK)).toEqual([]);
    expect(DEMO_FRAMEWORK.competences).toHaveLength(6);
    for (const variant of DEMO_FRAMEWORK.variants)
      expect(Object.keys(variant.targets).sort()).toEqual(DEMO_FRAMEWORK.competences.map((c) => c.key).sort());
    const behaviours = DEMO_FRAMEWORK.competences.flatMap(activeBehaviours);
    expect(behaviours.length).toBeGreaterThanOrEqual(20);
    for (const b of behaviours) expect(b.text.en).not.toBe(b.text.nl);
  });
});

describe("an organisation's extension of a network framework", () => {
  const extension = {
    competence: "relatie",
    skill: {
      key: "kernwaarden",
      name: { nl: "Onze kernwaarden", en: "Our core values" },
      retired: false,
      behaviours: [
        {
          key: "aandacht",
          text: { nl: "Neemt tijd voor het verhaal van de bewoner", en: "Takes time" },
          retired: false,
        },
      ],
    },
  };

  it("adds its behaviours under the shared competence and leaves the shared version as it was", () => {
    const shared = smallFramework();
    const result = withExtensions(shared, [extension]);
    expect(result.framework && activeBehaviours(result.framework.competences[0] as never).map((b) => b.key)).toEqual([
      "welkom",
      "verwachtingen",
      "aandacht",
    ]);
    expect(shared).toEqual(smallFramework());
  });

  it("is refused when it names a competence the version lacks or reuses a key", () => {
    expect(withExtensions(smallFramework(), [{ ...extension, competence: "onbekend" }]).error).toEqual({
      index: 0,
      key: "field.unknownCompetence",
    });
    const clash = { ...extension, skill: { ...extension.skill, key: "contact" } };
    expect(withExtensions(smallFramework(), [clash]).error).toEqual({ index: 0, key: "field.keyTaken" });
  });
});
