/**
 * The settings a case from practice can come from (issue 13): held as data, so a network can be
 * given another list without a change of code. The key is stored with the case.
 */
export const CASE_SETTINGS = [
  { key: "vvt", name: { nl: "VVT (verpleging, verzorging en thuiszorg)", en: "Nursing, care and home care (VVT)" } },
  { key: "gehandicaptenzorg", name: { nl: "Gehandicaptenzorg", en: "Disability care" } },
  { key: "ggz", name: { nl: "GGZ", en: "Mental health care" } },
  { key: "ziekenhuis", name: { nl: "Ziekenhuis", en: "Hospital" } },
  { key: "jeugdzorg", name: { nl: "Jeugdzorg", en: "Youth care" } },
  { key: "kinderopvang", name: { nl: "Kinderopvang", en: "Childcare" } },
  { key: "onderwijs", name: { nl: "Onderwijs", en: "Education" } },
  { key: "overig", name: { nl: "Anders", en: "Other" } },
] as const;

export type CaseSetting = (typeof CASE_SETTINGS)[number]["key"];
export const CASE_SETTING_KEYS = CASE_SETTINGS.map((s) => s.key) as [CaseSetting, ...CaseSetting[]];
