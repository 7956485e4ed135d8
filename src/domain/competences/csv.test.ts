import { describe, expect, it } from "vitest";
import { competencesFromCsv, competencesToCsv } from "./csv.js";
import { DEMO_FRAMEWORK } from "./demo-framework.js";
import { smallFramework } from "./test-framework.js";

describe("a framework's tree as CSV", () => {
  it("comes back exactly as it went out, commas, quotes and retired items included", () => {
    const framework = smallFramework();
    const [relatie] = framework.competences;
    if (!relatie?.skills[0]?.behaviours[0]) throw new Error("fixture");
    relatie.description = { nl: 'Zegt "welkom", en meent het', en: "Says welcome, and means it" };
    relatie.skills[0].behaviours[0].retired = true;
    for (const competences of [framework.competences, DEMO_FRAMEWORK.competences]) {
      const back = competencesFromCsv(competencesToCsv(competences));
      expect(back).toEqual({ ok: true, competences });
    }
  });

  it("refuses a file without the columns, naming each missing one", () => {
    expect(competencesFromCsv("competence;skill\nrelatie;contact")).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([{ row: null, column: "behaviour", key: "import.columnMissing" }]),
    });
  });

  it("refuses the whole file for one bad row, at its row and column", () => {
    const csv = competencesToCsv(smallFramework().competences).split("\n");
    csv[2] = csv[2]?.replace("verwachtingen", "") ?? "";
    const result = competencesFromCsv(csv.join("\n"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ row: 2, column: "behaviour", key: "field.required" });
  });
  it("names an empty text as missing, at the item and the language", () => {
    const competences = smallFramework().competences;
    const first = competences[0];
    if (!first) throw new Error("fixture");
    first.name = { nl: "Begeleidingsrelatie", en: "" };
    const result = competencesFromCsv(competencesToCsv(competences));
    expect(result).toEqual({ ok: false, errors: [{ row: null, column: "relatie.name.en", key: "field.required" }] });
  });
});
