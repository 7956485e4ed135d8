import type { DeclarationSpec, Regime } from "../regimes/schema.js";
import { teacherRegime } from "../trajectories/test-factories.js";
import type { DeclarationFacts } from "./content.js";

/** Declarations as the register's forms A and B have them, on a copy of a built-in regime. */
export const startSpec = (): DeclarationSpec => ({
  key: "start",
  form: "A",
  title: { nl: "Verklaring plan werkbegeleiding", en: "Declaration of the guidance plan" },
  moment: "start",
  statement: { nl: "Wij verklaren dat dit plan is afgesproken.", en: "We declare this plan was agreed." },
  includes: ["participants", "guideEligibility", "plan"],
  signers: [
    { key: "professional", label: { nl: "Professional", en: "Professional" }, roles: ["trainee"] },
    {
      key: "employer_or_guide",
      label: { nl: "Werkgever of werkbegeleider", en: "Employer or guide" },
      roles: ["commissioner", "guide"],
    },
  ],
  dueBy: null,
  dueDaysAfterStart: null,
});

export const endSpec = (): DeclarationSpec => ({
  ...startSpec(),
  key: "end",
  form: "B",
  title: { nl: "Verklaring werkbegeleiding", en: "Declaration of guidance" },
  moment: "end",
  statement: {
    nl: "Wij verklaren dat de werkbegeleiding volgens de voorwaarden verliep.",
    en: "We declare it followed the conditions.",
  },
  includes: ["participants", "meetings", "hours", "deviation"],
  dueBy: "reregistration",
});

export const regimeWithDeclarations = (): Regime => ({ ...teacherRegime(), declarations: [startSpec(), endSpec()] });

export function facts(changes: Partial<DeclarationFacts> = {}): DeclarationFacts {
  return {
    regime: regimeWithDeclarations(),
    trajectory: { title: "Werkbegeleiding Daan", startsOn: "2026-01-05", endsOn: "2026-12-18" },
    participants: [
      { name: "Sanne Visser", role: "guide" },
      { name: "Daan Bakker", role: "trainee" },
    ],
    plan: { reason: "Startende professional" },
    evaluationMoments: [{ date: "2026-06-01", label: "Tussenevaluatie" }],
    intensity: null,
    guideEligibility: {
      verdict: "eligibleWithMotivation",
      rule: { nl: "Ervaren professional", en: "Experienced professional" },
      reasons: [{ nl: "Zes jaar ervaring", en: "Six years of experience" }],
      guideUserId: "00000000-0000-4000-8000-000000000001",
      judgedOn: "2026-01-05",
    },
    motivationSha256: null,
    meetings: [
      { status: "held", durationMinutes: 60 },
      { status: "held", durationMinutes: 45 },
      { status: "planned", durationMinutes: 60 },
      { status: "cancelled", durationMinutes: 60 },
    ],
    deviation: null,
    reregistrationDate: "2027-03-01",
    ...changes,
  };
}
