import Papa from "papaparse";
import { type Competence, competenceSchema } from "./framework.js";

/**
 * A framework's tree as CSV, one row per behaviour with its competence and skill, for editing in
 * a spreadsheet: export and import again gives the same tree. The scale, targets and rules are
 * not in it; they travel in the JSON.
 */

export const CSV_COLUMNS = [
  "competence",
  "competence_nl",
  "competence_en",
  "competence_description_nl",
  "competence_description_en",
  "competence_retired",
  "skill",
  "skill_nl",
  "skill_en",
  "skill_retired",
  "behaviour",
  "behaviour_nl",
  "behaviour_en",
  "behaviour_retired",
] as const;
type Row = Record<(typeof CSV_COLUMNS)[number], string>;

const flag = (value: boolean) => (value ? "ja" : "");

export function competencesToCsv(competences: readonly Competence[]): string {
  const rows: Row[] = competences.flatMap((c) =>
    c.skills.flatMap((s) =>
      s.behaviours.map((b) => ({
        competence: c.key,
        competence_nl: c.name.nl,
        competence_en: c.name.en,
        competence_description_nl: c.description?.nl ?? "",
        competence_description_en: c.description?.en ?? "",
        competence_retired: flag(c.retired),
        skill: s.key,
        skill_nl: s.name.nl,
        skill_en: s.name.en,
        skill_retired: flag(s.retired),
        behaviour: b.key,
        behaviour_nl: b.text.nl,
        behaviour_en: b.text.en,
        behaviour_retired: flag(b.retired),
      })),
    ),
  );
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((row) => CSV_COLUMNS.map((c) => row[c])) });
}

export type CsvImport =
  | { ok: true; competences: Competence[] }
  /** What is wrong, by row (1 is the first row after the header) and column, or for the file. */
  | { ok: false; errors: { row: number | null; column: string | null; key: string }[] };

/**
 * The tree from a CSV made by `competencesToCsv` (or a spreadsheet with its columns): rows of the
 * same competence and skill are grouped in the order they first appear. Nothing is accepted half:
 * any wrong row or a missing column refuses the whole file, each problem at its place.
 */
export function competencesFromCsv(text: string): CsvImport {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true });
  const missing = CSV_COLUMNS.filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length)
    return { ok: false, errors: missing.map((column) => ({ row: null, column, key: "import.columnMissing" })) };
  const errors: { row: number | null; column: string | null; key: string }[] = [];
  const tree = new Map<string, { row: Row; skills: Map<string, { row: Row; behaviours: Row[] }> }>();
  parsed.data.forEach((raw, index) => {
    const row = Object.fromEntries(CSV_COLUMNS.map((c) => [c, (raw[c] ?? "").trim()])) as Row;
    for (const column of ["competence", "skill", "behaviour"] as const)
      if (!row[column]) errors.push({ row: index + 1, column, key: "field.required" });
    const competence = tree.get(row.competence) ?? { row, skills: new Map() };
    tree.set(row.competence, competence);
    const skill = competence.skills.get(row.skill) ?? { row, behaviours: [] };
    competence.skills.set(row.skill, skill);
    skill.behaviours.push(row);
  });
  const competences: Competence[] = [];
  for (const { row, skills } of tree.values()) {
    const description =
      row.competence_description_nl || row.competence_description_en
        ? { nl: row.competence_description_nl, en: row.competence_description_en }
        : undefined;
    const result = competenceSchema.safeParse({
      key: row.competence,
      name: { nl: row.competence_nl, en: row.competence_en },
      ...(description ? { description } : {}),
      retired: row.competence_retired !== "",
      skills: [...skills.values()].map((skill) => ({
        key: skill.row.skill,
        name: { nl: skill.row.skill_nl, en: skill.row.skill_en },
        retired: skill.row.skill_retired !== "",
        behaviours: skill.behaviours.map((b) => ({
          key: b.behaviour,
          text: { nl: b.behaviour_nl, en: b.behaviour_en },
          retired: b.behaviour_retired !== "",
        })),
      })),
    });
    if (result.success) competences.push(result.data);
    else
      for (const issue of result.error.issues)
        errors.push({
          row: null,
          column: `${row.competence}.${issue.path.join(".")}`,
          // An empty text is a missing one; the framework's own rules carry their message key.
          key: issue.code === "too_small" && issue.origin === "string" ? "field.required" : issue.message,
        });
  }
  return errors.length ? { ok: false, errors } : { ok: true, competences };
}
