import { describe, expect, it } from "vitest";
import { BUILTIN_REGIMES, builtinRegime } from "../../domain/regimes/builtin";
import { regimeSchema } from "../../domain/regimes/schema";
import { updateRegimeSchema } from "../../domain/trajectories/api";
import { unplacedErrors } from "../forms";
import { keyFrom, type RegimeFormValues, regimeBody, regimeChecks, regimeResolver, standardItemKeys } from "./model";

const teacher = builtinRegime("werkbegeleiding_leerkracht");
if (!teacher) throw new Error("built-in regime missing");
const base = teacher;

describe("a new item's key", () => {
  it("is made of the Dutch words, as a regime key must be", () => {
    expect(keyFrom("Veilig en stimulerend leerklimaat", [])).toBe("veilig_en_stimulerend_leerklimaat");
    expect(keyFrom("Efficiënte organisatie", [])).toBe("efficiente_organisatie");
    expect(keyFrom("  Heldere  uitleg (instructie)! ", [])).toBe("heldere_uitleg_instructie");
  });

  it("starts with a letter and is never empty", () => {
    expect(keyFrom("3D-uitleg", [])).toBe("item_3d_uitleg");
    expect(keyFrom("!!!", [])).toBe("item");
  });

  it("does not take a key the form already has", () => {
    expect(keyFrom("Leswissel", ["leswissel"])).toBe("leswissel_2");
    expect(keyFrom("Leswissel", ["leswissel", "leswissel_2"])).toBe("leswissel_3");
  });

  it("always passes the regime's key rule, however long or odd the words", () => {
    const rule = /^[a-z][a-z0-9_]{0,47}$/;
    const taken = Array.from({ length: 12 }, (_, i) => (i ? `${"a".repeat(40)}_${i + 1}` : "a".repeat(40)));
    for (const words of ["ÄÖÜ", "a".repeat(200), "_x_", "Één", "9", "Ωmega"])
      expect(keyFrom(words, []), words).toMatch(rule);
    expect(keyFrom("a".repeat(200), taken)).toMatch(rule);
    expect(keyFrom("a".repeat(200), taken)).toBe(`${"a".repeat(40)}_13`);
  });
});

describe("the regime's PUT body", () => {
  const values = (change: (document: RegimeFormValues["document"]) => void): RegimeFormValues => {
    const document = structuredClone(base);
    change(document);
    return { document };
  };

  it("is the whole document with the version read, valid as it was", () => {
    const body = regimeBody({ version: 3 }, { document: structuredClone(base) });
    expect(body.version).toBe(3);
    expect(updateRegimeSchema.safeParse(body).success).toBe(true);
    expect(body.document).toEqual(base);
  });

  it("turns numbers typed as text into numbers and an empty maximum into no maximum", () => {
    const body = regimeBody(
      { version: 1 },
      values((document) => {
        (document.goals as { max: unknown }).max = "";
        const visit = document.meetingTypes[2] as unknown as Record<string, unknown>;
        visit.min = "4";
        visit.max = "";
        visit.defaultMinutes = 55;
      }),
    );
    expect(body.document.goals.max).toBeNull();
    expect(body.document.meetingTypes[2]).toMatchObject({ min: 4, max: null, defaultMinutes: 55 });
    expect(regimeSchema.safeParse(body.document).success).toBe(true);
  });

  it("sends an emptied required number as empty, for the server to name", () => {
    const body = regimeBody(
      { version: 1 },
      values((document) => {
        (document.meetingTypes[0] as unknown as Record<string, unknown>).defaultMinutes = "";
      }),
    );
    const result = updateRegimeSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain("document.meetingTypes.0.defaultMinutes");
  });

  it("sends the guide rule's years as a number and the changed list of registrations", () => {
    const skj = structuredClone(builtinRegime("skj_werkbegeleiding"));
    if (skj?.guideRule?.kind !== "registeredOrExperienced") throw new Error("SKJ has a registeredOrExperienced rule");
    (skj.guideRule as unknown as Record<string, unknown>).minAcademicYears = "7";
    skj.guideRule.registrations = [...skj.guideRule.registrations.slice(1), { register: "NIP", type: "Psycholoog" }];
    const body = regimeBody({ version: 2 }, { document: skj });
    expect(body.document.guideRule).toMatchObject({ minAcademicYears: 7 });
    expect(updateRegimeSchema.safeParse(body).success).toBe(true);
    const empty = regimeBody(
      { version: 2 },
      { document: { ...skj, guideRule: { ...skj.guideRule, registrations: [] } } },
    );
    expect(updateRegimeSchema.safeParse(empty).error?.issues.map((i) => i.path.join("."))).toEqual([
      "document.guideRule.registrations",
    ]);
  });
});

describe("the standard observation items of a copy", () => {
  it("are those of the built-in regime it is based on, not the ones added to it", () => {
    const document = structuredClone(base);
    document.key = "werkbegeleiding_leerkracht_1";
    document.observationForms[0]?.items.push({
      key: "klassenmanagement",
      label: { nl: "Klassenmanagement", en: "Classroom management" },
    });
    const standard = standardItemKeys({ basedOn: "werkbegeleiding_leerkracht", document });
    expect(standard.has("lesson_observation.lesson_change")).toBe(true);
    expect(standard.has("lesson_observation.klassenmanagement")).toBe(false);
    expect(standard.size).toBe(4);
  });

  it("are all it has when the base is unknown: what the copy has stays", () => {
    const document = structuredClone(base);
    document.observationForms[0]?.items.push({ key: "extra", label: { nl: "Extra", en: "Extra" } });
    expect(standardItemKeys({ basedOn: "elsewhere", document }).size).toBe(5);
  });
});

describe("what the page checks before saving", () => {
  it("is a meeting type's maximum below its minimum, also while typed as text", () => {
    const document = structuredClone(base);
    const visit = document.meetingTypes[2] as unknown as Record<string, unknown>;
    visit.max = "2";
    expect(regimeChecks(document)).toEqual({ "document.meetingTypes.2.max": "edit.maxBelowMin" });
  });

  it("lets an empty maximum (none) and a maximum equal to the minimum pass", () => {
    const document = structuredClone(base);
    (document.meetingTypes[2] as unknown as Record<string, unknown>).max = "";
    (document.meetingTypes[3] as unknown as Record<string, unknown>).max = 3;
    expect(regimeChecks(document)).toEqual({});
    expect(regimeChecks(base)).toEqual({});
  });

  it("lets every built-in regime, as the form holds a copy of it, pass the domain's schema", () => {
    for (const regime of BUILTIN_REGIMES)
      expect(regimeResolver((issue) => issue.message)({ document: structuredClone(regime) })).toEqual({});
  });

  it("says so when the admin keeps an action on a part the admin no longer sees", () => {
    const document = structuredClone(base);
    document.admin = { sees: document.admin.sees.filter((part) => part !== "meetings"), does: ["planMeetings"] };
    expect(regimeChecks(document)).toEqual({ "document.admin.does": "edit.adminActionUnseen" });
    document.admin.does = [];
    expect(regimeChecks(document)).toEqual({});
  });
});

describe("messages without a field on the page", () => {
  it("are the ones no pattern places", () => {
    const errors = {
      "document.meetingTypes.2.max": "Te klein",
      "document.defaultIntensity.meetingType": "Onbekende soort",
      "document.name.nl": undefined,
    };
    expect(unplacedErrors(errors, [/^document\.meetingTypes\.\d+\.(min|max|defaultMinutes)$/])).toEqual([
      "Onbekende soort",
    ]);
  });
});
