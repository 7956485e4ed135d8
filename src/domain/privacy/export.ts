import { z } from "zod";
import { dateSchema } from "../date-schemas.js";
import { PERSONAL_DATA, type Text } from "./registry.js";

/**
 * The person's own export (decision 0037): all their data in one organisation, as JSON anyone can
 * read by machine and as a PDF anyone can read by eye. It holds what Koers shows the person, read
 * through the same use cases and presenters as the pages, and one section for every entry of the
 * registry of personal data, so that what Koers holds and what the person receives cannot drift
 * apart.
 */
export const EXPORT_FORMAT = "koers-export/1";

/**
 * One registry entry's section. `records`: what Koers shows the person of that kind, as the API
 * shows it. `within`: the records are part of another section's (a meeting is part of its
 * trajectory). `notShown`: Koers holds it but shows it to nobody, or to admins only; the reason
 * says which, so the person knows what to ask the organisation for.
 */
export const exportSectionSchema = z.union([
  z.object({ what: z.string(), records: z.array(z.unknown()) }),
  z.object({ what: z.string(), within: z.string() }),
  z.object({ what: z.string(), notShown: z.string() }),
]);
export type ExportSection = z.infer<typeof exportSectionSchema>;

export const personalExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  madeAt: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  person: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  /** One key per registry entry (its table), in the registry's order. */
  sections: z.record(z.string(), exportSectionSchema),
});
export type PersonalExport = z.infer<typeof personalExportSchema>;

export const EXPORT_FORMATS = ["json", "pdf"] as const;
export type ExportFileFormat = (typeof EXPORT_FORMATS)[number];

/** The admin producing a person's export on their request: when the request came, and as what. */
export const exportRequestSchema = z.object({
  requestedOn: dateSchema,
  format: z.enum(EXPORT_FORMATS),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const exportQuerySchema = z.object({ format: z.enum(EXPORT_FORMATS).default("json") });

/** Source of a section before it is named: records, another table, or why it is not shown. */
export type SectionSource = { records: unknown[] } | { within: string } | { notShown: Text };

/**
 * The sections in the registry's order, each named in the reader's language. A table the sources
 * forgot is a programming error, not an empty section: the test of the export catches it first.
 */
export function exportSections(sources: Readonly<Record<string, SectionSource>>, locale: "nl" | "en") {
  const sections: Record<string, ExportSection> = {};
  for (const entry of PERSONAL_DATA) {
    const source = sources[entry.table];
    if (!source) throw new Error(`The export has no section for ${entry.table}`);
    const what = entry.what[locale];
    sections[entry.table] =
      "records" in source
        ? { what, records: source.records }
        : "within" in source
          ? { what, within: source.within }
          : { what, notShown: source.notShown[locale] };
  }
  return sections;
}

/** A field name as words: `startsOn` becomes "starts on", for the readable PDF. */
export const fieldWords = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();

export interface ExportLine {
  depth: number;
  label: string;
  value: string | null;
}

/** Fields a reader has no use for on paper: the ids that link records and their versions. The JSON keeps them. */
const forMachines = (key: string) => key === "id" || key === "version" || /[a-z](Id|Ids)$/.test(key);

/** A text in both languages, as regimes and frameworks hold their names. */
const isBilingual = (value: object): value is { nl: unknown; en: unknown } =>
  Object.keys(value).length === 2 && "nl" in value && "en" in value;

/**
 * A record as indented lines for the PDF: every field that holds something, nested records
 * under their field's name, lists numbered, a text in both languages in the reader's. Empty
 * fields (null, "", [] and {}) and ids are left out: the JSON has them all.
 */
export function exportLines(value: unknown, locale: "nl" | "en" = "nl", depth = 0, label = ""): ExportLine[] {
  if (value === null || value === undefined || value === "") return [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    const items = value.flatMap((item, index) => exportLines(item, locale, depth + 1, `${index + 1}`));
    return label ? [{ depth, label, value: null }, ...items] : items;
  }
  if (typeof value === "object") {
    if (isBilingual(value)) return exportLines(value[locale], locale, depth, label);
    const fields = Object.entries(value as Record<string, unknown>).flatMap(([key, field]) =>
      forMachines(key) ? [] : exportLines(field, locale, depth + 1, fieldWords(key)),
    );
    if (fields.length === 0) return [];
    return label ? [{ depth, label, value: null }, ...fields] : fields.map((f) => ({ ...f, depth: f.depth - 1 }));
  }
  return [{ depth, label, value: String(value) }];
}
