import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinRegime, SKJ_QUALIFYING_REGISTRATIONS } from "../regimes/builtin.js";
import type { GuideRule } from "../regimes/schema.js";
import { ELIGIBILITY_VERDICTS, type EligibilityVerdict } from "./model.js";
import { type GuideFacts, type HeldRegistration, judgeGuide, normalizeName } from "./rules.js";

const skj = builtinRegime("skj_werkbegeleiding")!.guideRule!;
const postmaster = builtinRegime("postmaster_werkbegeleiding")!.guideRule!;
const supervisie = builtinRegime("supervisie")!.guideRule!;

const START = "2026-09-01";

const facts = (over: Partial<GuideFacts> = {}): GuideFacts => ({
  registrations: [],
  academicExperienceYears: null,
  dreyfusLevel: null,
  isManager: false,
  isWerkbegeleider: false,
  isCommissioner: false,
  ...over,
});

const held = (register: string, registrationType: string, validUntil: string | null = null): HeldRegistration => ({
  register,
  registrationType,
  validUntil,
});

const text = (judgement: { reasons: { nl: string; en: string }[] }) => judgement.reasons.map((r) => r.nl).join(" ");

describe("judgeGuide, SKJ werkbegeleiding", () => {
  it("a guide with a qualifying registration valid on the start date is eligible", () => {
    const judgement = judgeGuide(
      skj,
      facts({ registrations: [held("NIP", "Kinder- en Jeugdpsycholoog", "2027-12-31")] }),
      START,
    );
    expect(judgement.verdict).toBe("eligible");
    expect(judgement.rule.nl).toBe("Geregistreerde werkbegeleider");
    expect(text(judgement)).toContain("NIP Kinder- en Jeugdpsycholoog");
    expect(text(judgement)).toContain("31-12-2027");
  });

  it("matches register and type without case, accents or extra spaces", () => {
    const judgement = judgeGuide(skj, facts({ registrations: [held(" big ", "  GEZONDHEIDSZORGPSYCHOLÓÓG ")] }), START);
    expect(judgement.verdict).toBe("eligible");
  });

  it("a registration ending on the start date still counts; one that ended the day before does not", () => {
    expect(
      judgeGuide(skj, facts({ registrations: [held("NVO", "Orthopedagoog-Generalist", START)] }), START).verdict,
    ).toBe("eligible");
    const expired = judgeGuide(
      skj,
      facts({ registrations: [held("NVO", "Orthopedagoog-Generalist", "2026-08-31")] }),
      START,
    );
    expect(expired.verdict).toBe("notEligible");
    expect(text(expired)).toContain("verlopen op 31-8-2026");
  });

  it("the right type in the wrong register does not qualify", () => {
    const judgement = judgeGuide(skj, facts({ registrations: [held("NIP", "Gezondheidszorgpsycholoog")] }), START);
    expect(judgement.verdict).toBe("notEligible");
  });

  it("an unregistered guide with 5 years and Dreyfus level 4 is eligible with a motivated request", () => {
    const judgement = judgeGuide(skj, facts({ academicExperienceYears: 5, dreyfusLevel: 4 }), START);
    expect(judgement.verdict).toBe("eligibleWithMotivation");
    expect(judgement.rule.nl).toBe("Ervaren professional met een gemotiveerd verzoek");
    expect(text(judgement)).toContain("gemotiveerd verzoek");
    expect(judgement.reasons.map((r) => r.en).join(" ")).toContain("motivated request");
  });

  it("names the fact that is missing when neither route applies", () => {
    const fewYears = judgeGuide(skj, facts({ academicExperienceYears: 3, dreyfusLevel: 5 }), START);
    expect(fewYears.verdict).toBe("notEligible");
    expect(text(fewYears)).toContain("Maar 3 jaar");
    expect(text(fewYears)).not.toContain("Dreyfus");
    const lowLevel = judgeGuide(skj, facts({ academicExperienceYears: 12, dreyfusLevel: 3 }), START);
    expect(text(lowLevel)).toContain("Dreyfus-niveau 3; 4 of 5 nodig.");
    const unknown = judgeGuide(skj, facts(), START);
    expect(text(unknown)).toContain("niet bekend (minimaal 5 nodig)");
    expect(text(unknown)).toContain("Het Dreyfus-niveau is niet bekend (4 of 5 nodig).");
    expect(unknown.reasons.map((r) => r.en).join(" ")).toContain("The Dreyfus level is not known (4 or 5 needed).");
  });
});

describe("judgeGuide, postmaster and supervisie", () => {
  it("the postmaster regime never accepts experience instead of a registration", () => {
    const judgement = judgeGuide(postmaster, facts({ academicExperienceYears: 30, dreyfusLevel: 5 }), START);
    expect(judgement.verdict).toBe("notEligible");
    expect(text(judgement)).toContain("nooit geschikt");
    expect(
      judgeGuide(postmaster, facts({ registrations: [held("SKJ", "Postmaster-orthopedagoog")] }), START).verdict,
    ).toBe("eligible");
  });

  it("refuses a supervisor who is the manager, the employer of the trajectory or the werkbegeleider", () => {
    expect(judgeGuide(supervisie, facts({ isManager: true }), START)).toMatchObject({ verdict: "notEligible" });
    expect(text(judgeGuide(supervisie, facts({ isManager: true }), START))).toContain("leidinggevende");
    expect(text(judgeGuide(supervisie, facts({ isCommissioner: true }), START))).toContain("werkgever");
    expect(text(judgeGuide(supervisie, facts({ isWerkbegeleider: true }), START))).toContain("werkbegeleider");
    const all = judgeGuide(supervisie, facts({ isManager: true, isCommissioner: true, isWerkbegeleider: true }), START);
    expect(all.reasons).toHaveLength(3);
  });

  it("accepts an independent supervisor and reminds both to declare there is no family or economic tie", () => {
    const judgement = judgeGuide(supervisie, facts(), START);
    expect(judgement.verdict).toBe("eligible");
    expect(text(judgement)).toContain("familierechtelijke of economische band");
  });

  it("lets the werkbegeleider supervise when the regime allows it", () => {
    const rule: GuideRule = { kind: "independentSupervisor", notWerkbegeleider: false };
    expect(judgeGuide(rule, facts({ isWerkbegeleider: true }), START).verdict).toBe("eligible");
  });
});

// Properties

const TYPES = [...SKJ_QUALIFYING_REGISTRATIONS.map((r) => r.type), "Jeugdzorgwerker", "Psycholoog"];
const REGISTERS = ["SKJ", "NIP", "NVO", "BIG", "Other"];
const isoDate = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2032-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const arbRegistration = fc.record({
  register: fc.constantFrom(...REGISTERS),
  registrationType: fc.constantFrom(...TYPES),
  validUntil: fc.option(isoDate, { nil: null }),
});

const arbFacts: fc.Arbitrary<GuideFacts> = fc.record({
  registrations: fc.array(arbRegistration, { maxLength: 4 }),
  academicExperienceYears: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  dreyfusLevel: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  isManager: fc.boolean(),
  isWerkbegeleider: fc.boolean(),
  isCommissioner: fc.boolean(),
});

const arbRule: fc.Arbitrary<GuideRule> = fc.oneof(
  fc.record({
    kind: fc.constant("registeredOrExperienced" as const),
    registrations: fc.constant(SKJ_QUALIFYING_REGISTRATIONS),
    minAcademicYears: fc.integer({ min: 0, max: 10 }),
    dreyfusLevels: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
  }),
  fc.constant(postmaster),
  fc.record({ kind: fc.constant("independentSupervisor" as const), notWerkbegeleider: fc.boolean() }),
);

const qualifies = (f: GuideFacts, startsOn: string) =>
  f.registrations.some(
    (h) =>
      SKJ_QUALIFYING_REGISTRATIONS.some(
        (w) => w.register === h.register && w.type.toLowerCase() === h.registrationType.toLowerCase(),
      ) &&
      (h.validUntil === null || h.validUntil >= startsOn),
  );

const rank = (v: EligibilityVerdict) => ELIGIBILITY_VERDICTS.length - 1 - ELIGIBILITY_VERDICTS.indexOf(v);

describe("judgeGuide properties", () => {
  it("always answers with a rule and at least one reason, in Dutch and English", () => {
    fc.assert(
      fc.property(arbRule, arbFacts, isoDate, (rule, f, startsOn) => {
        const judgement = judgeGuide(rule, f, startsOn);
        expect(ELIGIBILITY_VERDICTS).toContain(judgement.verdict);
        expect(judgement.rule.nl && judgement.rule.en).toBeTruthy();
        expect(judgement.reasons.length).toBeGreaterThan(0);
        for (const r of judgement.reasons) expect(r.nl.length * r.en.length).toBeGreaterThan(0);
      }),
    );
  });

  it("a registration rule's verdict is eligible exactly when a qualifying registration is valid on the start date", () => {
    fc.assert(
      fc.property(arbFacts, isoDate, fc.integer({ min: 0, max: 10 }), (f, startsOn, years) => {
        const rule: GuideRule = {
          ...(skj as Extract<GuideRule, { kind: "registeredOrExperienced" }>),
          minAcademicYears: years,
        };
        expect(judgeGuide(rule, f, startsOn).verdict === "eligible").toBe(qualifies(f, startsOn));
        expect(judgeGuide(postmaster, f, startsOn).verdict).toBe(qualifies(f, startsOn) ? "eligible" : "notEligible");
      }),
    );
  });

  it("without a registration, SKJ asks a motivation exactly when years and level both suffice", () => {
    fc.assert(
      fc.property(arbFacts, isoDate, (f, startsOn) => {
        fc.pre(!qualifies(f, startsOn));
        const experienced =
          f.academicExperienceYears !== null &&
          f.academicExperienceYears >= 5 &&
          (f.dreyfusLevel === 4 || f.dreyfusLevel === 5);
        expect(judgeGuide(skj, f, startsOn).verdict).toBe(experienced ? "eligibleWithMotivation" : "notEligible");
      }),
    );
  });

  it("changing case, accents and spaces of a held registration never changes the verdict", () => {
    const mangle = (s: string) => `  ${s.toUpperCase().replace(/O/g, "Ó").replace(/ /g, "  ")} `;
    fc.assert(
      fc.property(arbRule, arbFacts, isoDate, (rule, f, startsOn) => {
        const mangled = {
          ...f,
          registrations: f.registrations.map((r) => ({
            ...r,
            register: mangle(r.register),
            registrationType: mangle(r.registrationType),
          })),
        };
        expect(judgeGuide(rule, mangled, startsOn).verdict).toBe(judgeGuide(rule, f, startsOn).verdict);
      }),
    );
  });

  it("more registrations, or an earlier start date, never make a guide less eligible", () => {
    fc.assert(
      fc.property(arbRule, arbFacts, arbRegistration, isoDate, isoDate, (rule, f, extra, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const base = rank(judgeGuide(rule, f, late).verdict);
        expect(
          rank(judgeGuide(rule, { ...f, registrations: [...f.registrations, extra] }, late).verdict),
        ).toBeGreaterThanOrEqual(base);
        expect(rank(judgeGuide(rule, f, early).verdict)).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it("a supervisor is eligible exactly when not the manager, not the employer and (if the rule says so) not the werkbegeleider", () => {
    fc.assert(
      fc.property(fc.boolean(), arbFacts, isoDate, (notWerkbegeleider, f, startsOn) => {
        const rule: GuideRule = { kind: "independentSupervisor", notWerkbegeleider };
        const independent = !f.isManager && !f.isCommissioner && !(notWerkbegeleider && f.isWerkbegeleider);
        expect(judgeGuide(rule, f, startsOn).verdict).toBe(independent ? "eligible" : "notEligible");
      }),
    );
  });
});

describe("judgeGuide, registrations by the register's list of types", () => {
  it("a BIG GZ-psycholoog, written as everyone writes it, is eligible", () => {
    for (const written of ["GZ-psycholoog", "gz-psycholoog", "GZ psycholoog", "GZ-psycholoog BIG"]) {
      const judgement = judgeGuide(skj, facts({ registrations: [held("BIG", written)] }), START);
      expect(judgement.verdict, written).toBe("eligible");
      expect(judgement.unknownRegistrationTypes).toBeUndefined();
    }
    expect(judgeGuide(postmaster, facts({ registrations: [held("NVO", "NVO OG")] }), START).verdict).toBe("eligible");
    expect(judgeGuide(skj, facts({ registrations: [held("NIP", "K&J psycholoog NIP")] }), START).verdict).toBe(
      "eligible",
    );
  });

  it("a listed type that does not qualify is not matched, and not called unknown", () => {
    const judgement = judgeGuide(postmaster, facts({ registrations: [held("NVO", "Basis-orthopedagoog")] }), START);
    expect(judgement.verdict).toBe("notEligible");
    expect(judgement.unknownRegistrationTypes).toBeUndefined();
    expect(text(judgement)).not.toContain("Onbekend registratietype");
  });

  it("a type of the wrong register does not match", () => {
    expect(judgeGuide(postmaster, facts({ registrations: [held("SKJ", "GZ-psycholoog")] }), START).verdict).toBe(
      "notEligible",
    );
  });

  it("a registration of type other is never matched silently: the answer says to check it", () => {
    const judgement = judgeGuide(
      postmaster,
      facts({ registrations: [held("BIG", "Psycholoog in opleiding tot GZ")] }),
      START,
    );
    expect(judgement.verdict).toBe("notEligible");
    expect(judgement.unknownRegistrationTypes).toEqual(["BIG Psycholoog in opleiding tot GZ"]);
    expect(text(judgement)).toContain("Onbekend registratietype: BIG Psycholoog in opleiding tot GZ");
    expect(judgement.reasons.map((r) => r.en).join(" ")).toContain("Unknown registration type");
    const experienced = judgeGuide(
      skj,
      facts({ registrations: [held("Other", "Vaktherapeut")], academicExperienceYears: 8, dreyfusLevel: 4 }),
      START,
    );
    expect(experienced.verdict).toBe("eligibleWithMotivation");
    expect(experienced.unknownRegistrationTypes).toEqual(["Other Vaktherapeut"]);
  });

  it("an unknown type next to a qualifying registration does not stand in the way", () => {
    const judgement = judgeGuide(
      skj,
      facts({ registrations: [held("BIG", "Iets anders"), held("BIG", "GZ-psycholoog")] }),
      START,
    );
    expect(judgement.verdict).toBe("eligible");
    expect(judgement.unknownRegistrationTypes).toBeUndefined();
  });
});

describe("normalizeName", () => {
  it("ignores case, accents, hyphens and surrounding or doubled spaces", () => {
    expect(normalizeName("  Kinder-  en Jeugdpsycholoog ")).toBe("kinder en jeugdpsycholoog");
    expect(normalizeName("GZ-psycholoog")).toBe(normalizeName("gz psycholoog"));
    expect(normalizeName("Gezondheidszorgpsycholóóg")).toBe("gezondheidszorgpsycholoog");
  });
});
