import type { GuideRule, Localized, QualifyingRegistration } from "../regimes/schema.js";
import { findRegistrationType, normalizeName, resolveRegistrationType } from "../registrations/types.js";
import type { GuideEligibility } from "./model.js";

export { normalizeName } from "../registrations/types.js";

/**
 * Whether a proposed guide may guide, by the regime's guide rule. Pure: the server gathers the
 * facts, the rule decides, and the words say which rule applied and why.
 */

/** A registration the guide holds, as recorded on their person page. */
export interface HeldRegistration {
  register: string;
  registrationType: string;
  /** ISO date; null when it has no end date. */
  validUntil: string | null;
}

/** What is known of the proposed guide, and of their relation to the trainee and this trajectory. */
export interface GuideFacts {
  registrations: readonly HeldRegistration[];
  academicExperienceYears: number | null;
  dreyfusLevel: number | null;
  /** The guide is recorded as the trainee's manager. */
  isManager: boolean;
  /** The guide guides the trainee in an open werkbegeleiding trajectory. */
  isWerkbegeleider: boolean;
  /** The guide is the commissioner (employer) of this trajectory. */
  isCommissioner: boolean;
}

const t = (nl: string, en: string): Localized => ({ nl, en });

/**
 * Registrations match by the register's list of types: a held registration and a qualifying one
 * are the same listed type of the same register, however either is written. A held registration
 * of type "other" (free text) never matches; the judgement says to check it instead.
 */
const matches = (held: HeldRegistration, wanted: QualifyingRegistration) => {
  if (normalizeName(held.register) !== normalizeName(wanted.register)) return false;
  const heldType = resolveRegistrationType(held.register, held.registrationType);
  const wantedType = findRegistrationType(wanted.register, wanted.type);
  return heldType.kind === "listed" && wantedType !== undefined && heldType.type.id === wantedType.id;
};

const isOther = (held: HeldRegistration) =>
  resolveRegistrationType(held.register, held.registrationType).kind === "other";

/** ISO dates compare as text; a registration without an end date is always valid. */
const validOn = (held: HeldRegistration, date: string) => held.validUntil === null || held.validUntil >= date;

const dutchDate = (iso: string) => {
  const [y, m, d] = iso.split("-");
  return `${Number(d)}-${Number(m)}-${y}`;
};

const named = (r: { register: string; type: string }) => `${r.register} ${r.type}`;
const heldName = (r: HeldRegistration) => `${r.register} ${r.registrationType}`;

/** Lists like "4 of 5" / "4 or 5". */
const orList = (items: readonly (string | number)[], or: string) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${or} ${items.at(-1)}`;

interface RegistrationCheck {
  qualifying: HeldRegistration | undefined;
  reasons: Localized[];
}

function checkRegistrations(
  wanted: readonly QualifyingRegistration[],
  held: readonly HeldRegistration[],
  startsOn: string,
): RegistrationCheck {
  const matching = held.filter((h) => wanted.some((w) => matches(h, w)));
  const qualifying = matching.find((h) => validOn(h, startsOn));
  if (qualifying) {
    const until = qualifying.validUntil;
    return {
      qualifying,
      reasons: [
        until
          ? t(
              `Heeft de registratie ${heldName(qualifying)}, geldig tot ${dutchDate(until)} en dus op de startdatum ${dutchDate(startsOn)}.`,
              `Holds the registration ${heldName(qualifying)}, valid until ${until} and so on the start date ${startsOn}.`,
            )
          : t(
              `Heeft de registratie ${heldName(qualifying)}, geldig op de startdatum ${dutchDate(startsOn)}.`,
              `Holds the registration ${heldName(qualifying)}, valid on the start date ${startsOn}.`,
            ),
      ],
    };
  }
  const unknown = held
    .filter(isOther)
    .map((h) =>
      t(
        `Onbekend registratietype: ${heldName(h)} staat niet op de lijst van het register ${h.register}, dus Koers kan niet beoordelen of deze registratie telt. Controleer het en kies het type uit de lijst.`,
        `Unknown registration type: ${heldName(h)} is not on the ${h.register} register's list, so Koers cannot judge whether this registration counts. Check it and choose the type from the list.`,
      ),
    );
  const expired = matching.map((h) =>
    t(
      `De registratie ${heldName(h)} is verlopen op ${dutchDate(h.validUntil ?? startsOn)}, vóór de startdatum ${dutchDate(startsOn)}.`,
      `The registration ${heldName(h)} expired on ${h.validUntil ?? startsOn}, before the start date ${startsOn}.`,
    ),
  );
  const list = wanted.map(named).join("; ");
  return {
    qualifying: undefined,
    reasons: [
      ...expired,
      ...unknown,
      t(
        `Heeft geen van de vereiste registraties die geldig is op de startdatum (${list}).`,
        `Holds none of the qualifying registrations valid on the start date (${list}).`,
      ),
    ],
  };
}

const REGISTERED = t("Geregistreerde werkbegeleider", "Registered work guide");
const EXPERIENCED = t(
  "Ervaren professional met een gemotiveerd verzoek",
  "Experienced professional with a motivated request",
);
const REGISTERED_OR_EXPERIENCED = t(
  "Geregistreerde werkbegeleider of ervaren professional",
  "Registered work guide or experienced professional",
);
const REGISTERED_ONLY = t("Alleen een geregistreerde postmaster", "A registered postmaster only");
const INDEPENDENT = t("Onafhankelijke supervisor", "Independent supervisor");

const TIE_DECLARATION = t(
  "Supervisor en supervisant verklaren allebei dat er geen familierechtelijke of economische band tussen hen is (verklaring onafhankelijkheid).",
  "Supervisor and supervisee both declare that there is no family or economic tie between them (declaration of independence).",
);

function judgeExperience(
  rule: Extract<GuideRule, { kind: "registeredOrExperienced" }>,
  facts: GuideFacts,
): { enough: boolean; reasons: { ok: boolean; text: Localized }[] } {
  const reasons: { ok: boolean; text: Localized }[] = [];
  const years = facts.academicExperienceYears;
  const yearsOk = years !== null && years >= rule.minAcademicYears;
  if (years === null)
    reasons.push({
      ok: false,
      text: t(
        `Het aantal jaren werkervaring op academisch niveau is niet bekend (minimaal ${rule.minAcademicYears} nodig).`,
        `The years of work experience at academic level are not known (at least ${rule.minAcademicYears} needed).`,
      ),
    });
  else
    reasons.push({
      ok: yearsOk,
      text: yearsOk
        ? t(
            `${years} jaar werkervaring op academisch niveau (minimaal ${rule.minAcademicYears}).`,
            `${years} years of work experience at academic level (at least ${rule.minAcademicYears}).`,
          )
        : t(
            `Maar ${years} jaar werkervaring op academisch niveau; minimaal ${rule.minAcademicYears} nodig.`,
            `Only ${years} years of work experience at academic level; at least ${rule.minAcademicYears} needed.`,
          ),
    });
  const level = facts.dreyfusLevel;
  const levels = [...rule.dreyfusLevels].sort((a, b) => a - b);
  const levelOk = level !== null && levels.includes(level);
  if (level === null)
    reasons.push({
      ok: false,
      text: t(
        `Het Dreyfus-niveau is niet bekend (${orList(levels, "of")} nodig).`,
        `The Dreyfus level is not known (${orList(levels, "or")} needed).`,
      ),
    });
  else
    reasons.push({
      ok: levelOk,
      text: levelOk
        ? t(`Dreyfus-niveau ${level} (${orList(levels, "of")}).`, `Dreyfus level ${level} (${orList(levels, "or")}).`)
        : t(
            `Dreyfus-niveau ${level}; ${orList(levels, "of")} nodig.`,
            `Dreyfus level ${level}; ${orList(levels, "or")} needed.`,
          ),
    });
  return { enough: yearsOk && levelOk, reasons };
}

/**
 * Judges a proposed guide by the regime's rule, on the trajectory's start date (ISO). When no
 * listed registration qualifies, registrations of type "other" are named in
 * `unknownRegistrationTypes` (and in the reasons), to be checked rather than silently passed over.
 */
export function judgeGuide(rule: GuideRule, facts: GuideFacts, startsOn: string): GuideEligibility {
  const judgement = judgeByRule(rule, facts, startsOn);
  if (rule.kind === "independentSupervisor" || judgement.verdict === "eligible") return judgement;
  const unknown = facts.registrations.filter(isOther).map(heldName);
  return unknown.length ? { ...judgement, unknownRegistrationTypes: unknown } : judgement;
}

function judgeByRule(rule: GuideRule, facts: GuideFacts, startsOn: string): GuideEligibility {
  switch (rule.kind) {
    case "registeredOrExperienced": {
      const registration = checkRegistrations(rule.registrations, facts.registrations, startsOn);
      if (registration.qualifying) return { verdict: "eligible", rule: REGISTERED, reasons: registration.reasons };
      const experience = judgeExperience(rule, facts);
      if (experience.enough)
        return {
          verdict: "eligibleWithMotivation",
          rule: EXPERIENCED,
          reasons: [
            ...registration.reasons,
            ...experience.reasons.map((r) => r.text),
            t(
              "Upload een gemotiveerd verzoek waarin staat waarom deze professional geschikt is als werkbegeleider; pas daarna kan de verklaring plan werkbegeleiding worden ondertekend.",
              "Upload a motivated request stating why this professional is fit to be the work guide; only then can the declaration of the work guidance plan be signed.",
            ),
          ],
        };
      return {
        verdict: "notEligible",
        rule: REGISTERED_OR_EXPERIENCED,
        reasons: [...registration.reasons, ...experience.reasons.filter((r) => !r.ok).map((r) => r.text)],
      };
    }
    case "registeredOnly": {
      const registration = checkRegistrations(rule.registrations, facts.registrations, startsOn);
      if (registration.qualifying) return { verdict: "eligible", rule: REGISTERED_ONLY, reasons: registration.reasons };
      return {
        verdict: "notEligible",
        rule: REGISTERED_ONLY,
        reasons: [
          ...registration.reasons,
          t(
            "Zonder zo'n registratie is een werkbegeleider hier nooit geschikt; ervaring telt niet.",
            "Without such a registration a work guide is never eligible here; experience does not count.",
          ),
        ],
      };
    }
    case "independentSupervisor": {
      const reasons: Localized[] = [];
      if (facts.isManager)
        reasons.push(
          t(
            "Is als leidinggevende van de supervisant vastgelegd; een supervisor is nooit leidinggevende.",
            "Is recorded as the supervisee's manager; a supervisor is never the manager.",
          ),
        );
      if (facts.isCommissioner)
        reasons.push(
          t(
            "Is de werkgever (opdrachtgever) van dit traject; een supervisor is nooit werkgever.",
            "Is the employer (commissioner) of this trajectory; a supervisor is never the employer.",
          ),
        );
      if (rule.notWerkbegeleider && facts.isWerkbegeleider)
        reasons.push(
          t(
            "Is de werkbegeleider van de supervisant in een lopend traject; supervisor en werkbegeleider zijn verschillende personen.",
            "Is the supervisee's work guide in an open trajectory; supervisor and work guide are different people.",
          ),
        );
      if (reasons.length) return { verdict: "notEligible", rule: INDEPENDENT, reasons };
      return {
        verdict: "eligible",
        rule: INDEPENDENT,
        reasons: [
          rule.notWerkbegeleider
            ? t(
                "Is geen leidinggevende, werkgever of werkbegeleider van de supervisant.",
                "Is not the supervisee's manager, employer or work guide.",
              )
            : t(
                "Is geen leidinggevende of werkgever van de supervisant.",
                "Is not the supervisee's manager or employer.",
              ),
          TIE_DECLARATION,
        ],
      };
    }
  }
}
