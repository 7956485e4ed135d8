import { describe, expect, it } from "vitest";
import { copyRegime, teacherRegime, withMeetingType } from "../trajectories/test-factories.js";
import { BUILTIN_REGIMES, builtinRegime, groupSizeOf, SKJ_QUALIFYING_REGISTRATIONS } from "./builtin.js";
import { intensitySchema, type Regime, regimeSchema } from "./schema.js";

/** The messages and paths of the issues a regime raises; empty when it parses. */
const issuesOf = (regime: unknown) => {
  const result = regimeSchema.safeParse(regime);
  return result.success ? [] : result.error.issues.map((i) => ({ message: i.message, path: i.path.join(".") }));
};

const teacher = () => teacherRegime();

describe("regime schema", () => {
  it.each(BUILTIN_REGIMES.map((r) => [r.key, r] as const))("parses the built-in regime %s", (_key, regime) => {
    expect(issuesOf(regime)).toEqual([]);
  });

  it("ships the teacher trajectory, coaching, its escalation target, the registration regimes and BPV", () => {
    expect(BUILTIN_REGIMES.map((r) => r.key).sort()).toEqual([
      "begeleiding_beoordeling",
      "bpv",
      "coaching",
      "postmaster_werkbegeleiding",
      "skj_werkbegeleiding",
      "supervisie",
      "werkbegeleiding_leerkracht",
    ]);
    const escalation = teacher().escalation?.regimeKey;
    expect(escalation && builtinRegime(escalation)).toBeTruthy();
    expect(builtinRegime("nope")).toBeUndefined();
  });

  it("refuses a meeting part for a role the regime has not, and outcomes on unknown statuses or fields", () => {
    const bpv = builtinRegime("bpv")!;
    const withoutSchool = { ...bpv, participants: bpv.participants.filter((p) => p.role !== "school") };
    expect(regimeSchema.safeParse(withoutSchool).error?.issues.map((i) => i.path.join("."))).toEqual([
      "meetingTypes.1.partsBy",
    ]);
    const badOutcomes = { ...bpv, outcomes: { completed: ["graduated"], stopped: ["stopped"], levelField: "grade" } };
    expect(regimeSchema.safeParse(badOutcomes).error?.issues.map((i) => i.path.join("."))).toEqual([
      "outcomes.completed.0",
      "outcomes.levelField",
    ]);
  });

  it("accepts a copy with changed numbers: classroom visits at least 6", () => {
    const copy = withMeetingType(teacher(), "classroom_visit", { min: 6, max: 8 });
    const parsed = regimeSchema.parse({ ...copy, key: "werkbegeleiding_streng" });
    expect(parsed.meetingTypes.find((t) => t.key === "classroom_visit")).toMatchObject({ min: 6, max: 8 });
    // The original stays as shipped.
    expect(teacher().meetingTypes.find((t) => t.key === "classroom_visit")).toMatchObject({ min: 3, max: 5 });
  });

  it("accepts a copy with a smaller goal list and no maximum on visits", () => {
    const copy = copyRegime(withMeetingType(teacher(), "classroom_visit", { max: null }), (r) => {
      r.goals.max = 10;
    });
    expect(issuesOf(copy)).toEqual([]);
  });

  it("rejects a transition from or to a status the regime does not have", () => {
    const from = copyRegime(teacher(), (r) => {
      r.transitions[0]!.from = ["draft", "limbo"];
    });
    expect(issuesOf(from)).toEqual([{ message: "field.unknownReference", path: "transitions.0.from" }]);
    const to = copyRegime(teacher(), (r) => {
      r.transitions[1]!.to = "limbo";
    });
    expect(issuesOf(to)).toEqual([{ message: "field.unknownReference", path: "transitions.1.to" }]);
  });

  it("rejects an unknown initial status", () => {
    const regime = copyRegime(teacher(), (r) => {
      r.initialStatus = "limbo";
    });
    expect(issuesOf(regime)).toEqual([{ message: "field.unknownReference", path: "initialStatus" }]);
  });

  it("rejects a meeting type with an observation form the regime does not define", () => {
    const regime = withMeetingType(teacher(), "classroom_visit", { observationForm: "icalt" });
    const index = regime.meetingTypes.findIndex((t) => t.key === "classroom_visit");
    expect(issuesOf(regime)).toEqual([
      { message: "field.unknownReference", path: `meetingTypes.${index}.observationForm` },
    ]);
  });

  it("rejects a default intensity on an unknown meeting type", () => {
    const regime = copyRegime(teacher(), (r) => {
      r.defaultIntensity = { meetingType: "walk", phases: [{ everyWeeks: 1, times: 1 }] };
    });
    expect(issuesOf(regime)).toEqual([{ message: "field.unknownReference", path: "defaultIntensity.meetingType" }]);
  });

  it("rejects an escalating transition when no escalation is configured", () => {
    const regime = copyRegime(teacher(), (r) => {
      r.escalation = null;
    });
    expect(issuesOf(regime).map((i) => i.message)).toEqual(["field.unknownReference"]);
  });

  it.each<[string, (r: Regime) => void, string]>([
    ["statuses", (r) => r.statuses.push({ ...r.statuses[0]! }), "statuses"],
    ["meeting types", (r) => r.meetingTypes.push({ ...r.meetingTypes[0]! }), "meetingTypes"],
    ["observation forms", (r) => r.observationForms.push({ ...r.observationForms[0]! }), "observationForms"],
    [
      "observation items",
      (r) => r.observationForms[0]!.items.push({ ...r.observationForms[0]!.items[0]! }),
      "observationForms",
    ],
    ["plan fields", (r) => r.planFields.push({ ...r.planFields[0]! }), "planFields"],
    ["consents", (r) => r.consents.push({ ...r.consents[0]! }), "consents"],
    ["transitions", (r) => r.transitions.push({ ...r.transitions[0]! }), "transitions"],
    ["report sections", (r) => r.report.sections.push({ ...r.report.sections[0]! }), "report"],
    ["participant roles", (r) => r.participants.push({ ...r.participants[0]! }), "participants"],
  ])("rejects duplicate %s", (_what, duplicate, path) => {
    const issues = issuesOf(copyRegime(teacher(), duplicate));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path });
    expect(issues[0]!.message).toBe("field.duplicateKey");
  });

  it("rejects a meeting type whose maximum is below its minimum", () => {
    const regime = withMeetingType(teacher(), "classroom_visit", { min: 6, max: 5 });
    const index = regime.meetingTypes.findIndex((t) => t.key === "classroom_visit");
    expect(issuesOf(regime)).toEqual([{ message: "field.maxBelowMin", path: `meetingTypes.${index}.max` }]);
  });

  it("accepts a maximum equal to the minimum", () => {
    expect(issuesOf(withMeetingType(teacher(), "classroom_visit", { min: 5, max: 5 }))).toEqual([]);
  });

  it("rejects a participant whose maximum is below its minimum", () => {
    const regime = copyRegime(teacher(), (r) => {
      r.participants[1] = { ...r.participants[1]!, min: 3, max: 2 };
    });
    expect(issuesOf(regime)).toEqual([{ message: "field.maxBelowMin", path: "participants.1.max" }]);
  });

  it("rejects a rating scale that is empty or whose labels do not fit it", () => {
    const flat = copyRegime(teacher(), (r) => {
      r.goals.ratingScale = { min: 4, max: 4 };
    });
    expect(issuesOf(flat).map((i) => i.message)).toEqual(["field.scaleRange"]);
    const labels = copyRegime(teacher(), (r) => {
      r.goals.ratingScale = { ...r.goals.ratingScale, max: 5 };
    });
    expect(issuesOf(labels).map((i) => i.message)).toEqual(["field.scaleLabels"]);
  });

  it("rejects keys that are not code names and texts missing a language", () => {
    const badKey = copyRegime(teacher(), (r) => {
      r.meetingTypes[0]!.key = "Klassen bezoek";
    });
    expect(issuesOf(badKey).map((i) => i.message)).toContain("field.key");
    const noEnglish = copyRegime(teacher(), (r) => {
      r.name = { nl: "Werkbegeleiding", en: " " };
    });
    expect(issuesOf(noEnglish).map((i) => i.path)).toEqual(["name.en"]);
  });

  it("rejects an unknown guard and an unknown actor", () => {
    const guard = copyRegime(teacher(), (r) => {
      (r.transitions[0]!.guards as unknown[]).push({ kind: "moonIsFull" });
    });
    expect(issuesOf(guard)).not.toEqual([]);
    const actor = copyRegime(teacher(), (r) => {
      (r.transitions[0]!.by as string[]).push("janitor");
    });
    expect(issuesOf(actor)).not.toEqual([]);
  });

  it("parses a document sent without evidence, guide rules, declarations or the admin's rights: the admin gets none", () => {
    const { evidence, guideRule, declarations, admin, ...old } = teacher();
    const parsed = regimeSchema.parse(old);
    expect(parsed).toMatchObject({ evidence: null, guideRule: null, declarations: [], admin: { sees: [], does: [] } });
  });

  it("rejects an admin's view with a part that does not exist, and an action that does not exist", () => {
    const regime = copyRegime(teacher(), (r) => {
      (r.admin as { sees: unknown[]; does: unknown[] }).sees = ["hours", "secrets"];
      (r.admin as { sees: unknown[]; does: unknown[] }).does = ["fireEveryone"];
    });
    expect(issuesOf(regime).map((i) => i.path)).toEqual(["admin.sees.1", "admin.does.0"]);
  });

  it("rejects an admin action on a part the admin does not see", () => {
    const regime = copyRegime(teacher(), (r) => {
      r.admin = { sees: ["hours"], does: ["planMeetings"] };
    });
    expect(issuesOf(regime)).toEqual([{ path: "admin.does.0", message: "field.adminActionUnseen" }]);
  });
});

describe("the registration regimes", () => {
  const skj = builtinRegime("skj_werkbegeleiding")!;
  const postmaster = builtinRegime("postmaster_werkbegeleiding")!;
  const supervisie = builtinRegime("supervisie")!;

  it("SKJ werkbegeleiding asks for form, content, intensity and the form of organisation, all required", () => {
    expect(skj.planFields.map((f) => [f.key, f.kind, f.required])).toEqual([
      ["vorm", "longtext", true],
      ["inhoud", "longtext", true],
      ["intensiteit", "longtext", true],
      ["organisatievorm", "choice", true],
    ]);
    expect(skj.planFields.find((f) => f.key === "organisatievorm")?.options?.map((o) => o.value)).toEqual([
      "traditioneel",
      "netwerkorganisatie",
    ]);
    // The plan is agreed only when complete: the agree transition checks the required fields.
    expect(skj.transitions.find((tr) => tr.key === "agree")?.guards).toEqual([{ kind: "intakeComplete" }]);
    expect(skj.evidence).toEqual({ category: "werkbegeleiding", groupSizeField: null });
  });

  it("SKJ accepts the five registrations of the guideline or five years and Dreyfus 4 or 5; postmaster only the registrations", () => {
    expect(skj.guideRule).toEqual({
      kind: "registeredOrExperienced",
      registrations: SKJ_QUALIFYING_REGISTRATIONS,
      minAcademicYears: 5,
      dreyfusLevels: [4, 5],
    });
    expect(SKJ_QUALIFYING_REGISTRATIONS.map((r) => r.register).sort()).toEqual(["BIG", "NIP", "NVO", "SKJ", "SKJ"]);
    expect(postmaster.guideRule).toEqual({ kind: "registeredOnly", registrations: SKJ_QUALIFYING_REGISTRATIONS });
    expect(postmaster.planFields).toEqual(skj.planFields);
  });

  it("both werkbegeleiding regimes have form A at the start and form B before re-registration", () => {
    for (const regime of [skj, postmaster]) {
      // Form A is due at the start; both are needed before re-registration.
      expect(regime.declarations.map((d) => [d.key, d.form, d.moment, d.dueBy, d.dueDaysAfterStart])).toEqual([
        ["start", "A", "start", "reregistration", 0],
        ["end", "B", "end", "reregistration", null],
      ]);
      for (const d of regime.declarations)
        expect(d.signers.map((s) => [s.key, s.roles])).toEqual([
          ["professional", ["trainee"]],
          ["employer_or_guide", ["commissioner", "guide"]],
        ]);
      expect(regime.declarations[1]?.includes).toContain("deviation");
      expect(regime.declarations[0]?.title.nl).toBe("Verklaring plan werkbegeleiding");
      expect(regime.declarations[1]?.title.nl).toBe("Verklaring werkbegeleiding");
    }
  });

  it("supervisie keeps its content from the employer and the admin: only hours", () => {
    expect(supervisie.participants.find((p) => p.role === "commissioner")?.sees).toEqual(["hours"]);
    expect(supervisie.admin).toEqual({ sees: ["hours"], does: [] });
    expect(skj.admin.sees).not.toContain("selfAssessments");
    expect(supervisie.guideRule).toEqual({ kind: "independentSupervisor", notWerkbegeleider: true });
    expect(supervisie.evidence).toEqual({ category: "supervisie", groupSizeField: "group_size" });
    expect(supervisie.declarations.map((d) => [d.key, d.moment, d.signers.map((s) => s.roles[0])])).toEqual([
      ["independence", "independence", ["trainee", "guide"]],
      ["end", "end", ["guide", "trainee"]],
    ]);
  });

  it("supervisie's group size is a choice of one, two or three supervisees", () => {
    const field = supervisie.planFields.find((f) => f.key === "group_size");
    expect(field?.kind).toBe("choice");
    expect(field?.options?.map((o) => groupSizeOf(o.value))).toEqual([1, 2, 3]);
    expect(groupSizeOf("4")).toBeNull();
    expect(groupSizeOf("one")).toBeNull();
    expect(groupSizeOf(null)).toBeNull();
  });
});

describe("the phases of an intensity, the one rule the plan form and its proposed dates use", () => {
  const validPhases = (phases: { everyWeeks: number; times: number }[]) =>
    intensitySchema.shape.phases.safeParse(phases).success;
  it("accepts whole numbers from 1 to 52 only, and at least one phase", () => {
    expect(validPhases([{ everyWeeks: 1, times: 3 }])).toBe(true);
    expect(validPhases([])).toBe(false);
    expect(validPhases([{ everyWeeks: 0, times: 3 }])).toBe(false);
    expect(validPhases([{ everyWeeks: 1.5, times: 3 }])).toBe(false);
    expect(validPhases([{ everyWeeks: 1, times: 53 }])).toBe(false);
    expect(validPhases([{ everyWeeks: Number(""), times: 1 }])).toBe(false);
  });
});
