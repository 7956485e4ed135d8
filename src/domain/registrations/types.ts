import type { Localized } from "../regimes/schema.js";

/**
 * The registration types each register lists, as data: a canonical id, the register's own name
 * (Dutch and English) and the spellings people actually use, former names included, as synonyms
 * (see docs: domain.md, "Registration types as people write them"). A new type or spelling is an
 * edit here. A registration is one of these, or "other" with free text, which no rule matches.
 */

export const REGISTERS = ["SKJ", "NIP", "NVO", "BIG", "Other"] as const;
export type Register = (typeof REGISTERS)[number];

/** The choice that stands for a type not on the register's list; its name is free text. */
export const OTHER_TYPE = "other";

export interface RegistrationType {
  id: string;
  register: Register;
  label: Localized;
  /** Other ways of writing it: abbreviations, former names, the register's name appended. */
  synonyms: readonly string[];
}

const t = (nl: string, en: string): Localized => ({ nl, en });

export const REGISTRATION_TYPES: readonly RegistrationType[] = [
  {
    id: "big_gz_psycholoog",
    register: "BIG",
    label: t("Gezondheidszorgpsycholoog", "Healthcare psychologist (GZ-psycholoog)"),
    synonyms: ["GZ-psycholoog", "GZ psycholoog", "GZpsycholoog", "Gezondheidszorgpsycholoog BIG", "GZ-psycholoog BIG"],
  },
  {
    id: "big_gz_psycholoog_generalist",
    register: "BIG",
    label: t("Gezondheidszorgpsycholoog-generalist", "Healthcare psychologist, generalist"),
    synonyms: ["Gezondheidszorgpsycholoog generalist", "GZ-psycholoog-generalist", "GZ-psycholoog generalist"],
  },
  {
    id: "big_klinisch_psycholoog",
    register: "BIG",
    label: t("Klinisch psycholoog", "Clinical psychologist"),
    synonyms: ["Klinisch psycholoog BIG"],
  },
  {
    id: "big_klinisch_neuropsycholoog",
    register: "BIG",
    label: t("Klinisch neuropsycholoog", "Clinical neuropsychologist"),
    synonyms: ["Klinisch neuropsycholoog BIG"],
  },
  {
    id: "big_psychotherapeut",
    register: "BIG",
    label: t("Psychotherapeut", "Psychotherapist"),
    synonyms: ["Psychotherapeut BIG"],
  },
  {
    id: "nvo_orthopedagoog_generalist",
    register: "NVO",
    label: t("Orthopedagoog-Generalist", "Orthopedagogue-Generalist"),
    synonyms: [
      "NVO OG",
      "OG",
      "Orthopedagoog-Generalist NVO",
      "NVO Orthopedagoog-Generalist",
      "Orthopedagoog generalist",
    ],
  },
  {
    id: "nvo_basis_orthopedagoog",
    register: "NVO",
    label: t("Basis-orthopedagoog", "Basic orthopedagogue"),
    synonyms: ["NVO basis-orthopedagoog", "Basis orthopedagoog", "Basisorthopedagoog", "Basis-orthopedagoog NVO"],
  },
  {
    id: "nip_kinder_en_jeugdpsycholoog",
    register: "NIP",
    label: t("Kinder- en Jeugdpsycholoog NIP", "Child and youth psychologist NIP"),
    synonyms: [
      "K&J psycholoog NIP",
      "K&J-psycholoog NIP",
      "K&J psycholoog",
      "Kinder- en jeugdpsycholoog",
      "Kinder en jeugdpsycholoog",
    ],
  },
  {
    id: "skj_postmaster_orthopedagoog",
    register: "SKJ",
    label: t("Postmaster orthopedagoog SKJ", "Postmaster orthopedagogue SKJ"),
    synonyms: ["Postmaster-orthopedagoog", "Postmaster orthopedagoog", "Postmaster-orthopedagoog SKJ"],
  },
  {
    id: "skj_kinder_en_jeugdpsycholoog",
    register: "SKJ",
    label: t("Kinder- en Jeugdpsycholoog SKJ", "Child and youth psychologist SKJ"),
    synonyms: ["Kinder- en jeugdpsycholoog", "K&J psycholoog SKJ", "K&J psycholoog", "Kinder en jeugdpsycholoog"],
  },
  {
    id: "skj_master_orthopedagoog",
    register: "SKJ",
    label: t("Orthopedagoog (master)", "Orthopedagogue (master)"),
    synonyms: ["Master orthopedagoog", "Orthopedagoog", "Pedagoog (master)", "Master pedagoog"],
  },
  {
    id: "skj_master_psycholoog",
    register: "SKJ",
    label: t("Psycholoog (master)", "Psychologist (master)"),
    synonyms: ["Master psycholoog", "Psycholoog"],
  },
  {
    id: "skj_jeugd_en_gezinsprofessional",
    register: "SKJ",
    label: t("Jeugd- en gezinsprofessional", "Youth and family professional"),
    synonyms: [
      "JGP",
      "Jeugd en gezinsprofessional",
      "Jeugd- en gezinsprofessional (master)",
      "Jeugd- en gezinsprofessional (bachelor)",
      "Jeugdzorgwerker",
    ],
  },
];

/** Compares names: trimmed, one space, no case, no accents, hyphens as spaces. */
export const normalizeName = (value: string) =>
  value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[-‐–]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLocaleLowerCase("nl");

/** The register a written name stands for ("big" is BIG), or undefined. */
export const registerOf = (written: string): Register | undefined =>
  REGISTERS.find((register) => normalizeName(register) === normalizeName(written));

/** The types a register lists, in the register's order; none for "Other". */
export const typesOf = (register: string): RegistrationType[] => {
  const canonical = registerOf(register);
  return REGISTRATION_TYPES.filter((type) => type.register === canonical);
};

/** A listed type by its id, within the register. */
export const typeById = (register: string, id: string): RegistrationType | undefined =>
  typesOf(register).find((type) => type.id === id);

/**
 * The listed type a written name stands for, within the register: its id, its Dutch or English
 * name, or one of its synonyms. Undefined when nothing on the list matches: such a registration
 * is "other", and no eligibility rule matches it.
 */
export function findRegistrationType(register: string, written: string): RegistrationType | undefined {
  const wanted = normalizeName(written);
  if (!wanted) return undefined;
  return typesOf(register).find(
    (type) =>
      type.id === written.trim() ||
      [type.label.nl, type.label.en, ...type.synonyms].some((name) => normalizeName(name) === wanted),
  );
}

/** A registration's type as chosen: one of the register's list, or "other" with its written name. */
export type ResolvedType = { kind: "listed"; type: RegistrationType } | { kind: "other"; written: string };

/** What a stored registration type is: stored names of listed types, older free text included, are mapped. */
export function resolveRegistrationType(register: string, stored: string): ResolvedType {
  const type = findRegistrationType(register, stored);
  return type ? { kind: "listed", type } : { kind: "other", written: stored.trim() };
}

/**
 * The name to store for a choice: the listed type's Dutch name, or the free text of "other"
 * (mapped to a listed type when it is one of its names). Null when the id is not on the
 * register's list, or "other" comes without a name.
 */
export function storedTypeName(
  register: string,
  typeId: string | null | undefined,
  written: string | null | undefined,
) {
  if (typeId && typeId !== OTHER_TYPE) return typeById(register, typeId)?.label.nl ?? null;
  const text = written?.trim() ?? "";
  if (!text) return null;
  return findRegistrationType(register, text)?.label.nl ?? text;
}

/** The id of a stored registration's type, or "other". */
export const typeIdOf = (register: string, stored: string): string => {
  const resolved = resolveRegistrationType(register, stored);
  return resolved.kind === "listed" ? resolved.type.id : OTHER_TYPE;
};
