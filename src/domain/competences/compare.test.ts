import { describe, expect, it } from "vitest";
import { compareVersions } from "./compare.js";
import { smallFramework } from "./test-framework.js";

describe("comparing two versions of a framework", () => {
  it("finds nothing between a version and itself", () => {
    expect(compareVersions(smallFramework(), smallFramework())).toEqual({ added: [], changed: [], retired: [] });
  });

  it("lists what was added, reworded, moved and retired", () => {
    const newer = smallFramework();
    const [relatie, feedback] = newer.competences;
    if (!relatie?.skills[0] || !feedback?.skills[0]) throw new Error("fixture");
    relatie.name = { nl: "Een begeleidingsrelatie opbouwen", en: "Building the guidance relationship" };
    const verwachtingen = relatie.skills[0].behaviours[1];
    if (!verwachtingen) throw new Error("fixture");
    verwachtingen.retired = true;
    feedback.skills[0].behaviours.push({
      key: "tijdig",
      text: { nl: "Geeft tijdig feedback", en: "In time" },
      retired: false,
    });
    const moved = relatie.skills[0].behaviours.shift();
    if (moved) feedback.skills[0].behaviours.push(moved);

    expect(compareVersions(smallFramework(), newer)).toEqual({
      added: [{ level: "behaviour", key: "tijdig" }],
      changed: [
        { level: "competence", key: "relatie", fields: ["name"] },
        { level: "behaviour", key: "welkom", fields: ["parent"] },
      ],
      retired: [{ level: "behaviour", key: "verwachtingen" }],
    });
  });

  it("counts an item that is gone as retired, and one brought back as added", () => {
    const newer = smallFramework();
    newer.competences.pop();
    const comparison = compareVersions(smallFramework(), newer);
    expect(comparison.retired).toEqual([
      { level: "competence", key: "feedback" },
      { level: "skill", key: "concreet" },
      { level: "behaviour", key: "gedrag" },
    ]);
    expect(compareVersions(newer, smallFramework()).added.map((a) => a.key)).toEqual([
      "feedback",
      "concreet",
      "gedrag",
    ]);
  });

  it("sees no change in a version whose texts come back with their languages in another order", () => {
    const stored = JSON.parse(
      JSON.stringify(smallFramework(), (_, value) =>
        value && typeof value === "object" && "nl" in value && "en" in value ? { en: value.en, nl: value.nl } : value,
      ),
    );
    expect(compareVersions(stored, smallFramework())).toEqual({ added: [], changed: [], retired: [] });
  });
});
