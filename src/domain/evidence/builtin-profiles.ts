import { type RequirementProfile, requirementProfileSchema } from "./profile.js";

const t = (nl: string, en: string) => ({ nl, en });

/** 40 points of supervisie are 40 hours alone, 45 with two supervisees, 50 with three. */
const SKJ_SUPERVISIE_CONVERSION: RequirementProfile["supervisieConversion"] = [
  { groupSize: 1, hoursPerFortyPoints: 40 },
  { groupSize: 2, hoursPerFortyPoints: 45 },
  { groupSize: 3, hoursPerFortyPoints: 50 },
];

/** SKJ counts face-to-face contact hours of supervisie only (domain.md section 1.1); an organisation may widen it. */
const FACE_TO_FACE: RequirementProfile["requirements"][number]["countedModes"] = ["in_person"];

const WORK = {
  key: "work",
  category: "work",
  label: t("Werkervaring als orthopedagoog of psycholoog", "Work as an orthopedagogue or psychologist"),
  unit: "hours",
  minimum: 2500,
} as const;

/**
 * SKJ master orthopedagoog or psycholoog, by work experience at registration (see domain.md
 * section 1.2). The figures are a starting point: an organisation copies and edits them.
 */
const skjMasterUnder3648: RequirementProfile = {
  key: "skj_master_under_3648",
  name: t("SKJ master, minder dan 3648 uur werkervaring", "SKJ master, under 3648 hours of experience"),
  description: t(
    "Herregistratie van een master orthopedagoog of psycholoog met minder dan 3648 uur werkervaring bij inschrijving.",
    "Re-registration of a master orthopedagogue or psychologist with under 3648 hours of experience at registration.",
  ),
  periodYears: 5,
  requirements: [
    {
      key: "werkbegeleiding",
      category: "werkbegeleiding",
      label: t("Werkbegeleiding", "Work guidance"),
      unit: "present",
      minimum: 0,
    },
    WORK,
    {
      key: "training",
      category: "training",
      label: t("Geaccrediteerde scholing", "Accredited training"),
      unit: "points",
      minimum: 40,
    },
    {
      key: "supervisie",
      category: "supervisie",
      label: t("Supervisie", "Supervision"),
      unit: "points",
      minimum: 40,
      countedModes: FACE_TO_FACE,
    },
    {
      key: "free",
      category: "free",
      label: t("Vrije ruimte", "Free space"),
      unit: "points",
      minimum: 40,
    },
  ],
  supervisieConversion: SKJ_SUPERVISIE_CONVERSION,
};

const skjMasterOver3648: RequirementProfile = {
  key: "skj_master_over_3648",
  name: t("SKJ master, meer dan 3648 uur werkervaring", "SKJ master, over 3648 hours of experience"),
  description: t(
    "Herregistratie van een master orthopedagoog of psycholoog met meer dan 3648 uur werkervaring bij inschrijving.",
    "Re-registration of a master orthopedagogue or psychologist with over 3648 hours of experience at registration.",
  ),
  periodYears: 5,
  requirements: [
    WORK,
    {
      key: "training",
      category: "training",
      label: t("Geaccrediteerde scholing", "Accredited training"),
      unit: "points",
      minimum: 40,
    },
    { key: "intervisie", category: "intervisie", label: t("Intervisie", "Intervision"), unit: "points", minimum: 20 },
    {
      key: "supervisie",
      category: "supervisie",
      label: t("Supervisie", "Supervision"),
      unit: "points",
      minimum: 20,
      countedModes: FACE_TO_FACE,
    },
  ],
  supervisieConversion: SKJ_SUPERVISIE_CONVERSION,
};

export const BUILTIN_PROFILES: readonly RequirementProfile[] = [skjMasterUnder3648, skjMasterOver3648].map((p) =>
  requirementProfileSchema.parse(p),
);

export const builtinProfile = (key: string) => BUILTIN_PROFILES.find((p) => p.key === key);
