import type { Content } from "pdfmake/interfaces.js";
import { exportLines, type PersonalExport } from "../../domain/privacy/export.js";
import type { Locale } from "../../domain/regimes/schema.js";
import {
  brandColor,
  type DocumentOrganisation,
  formatDateTime,
  renderBrandedPdf,
} from "../trajectories/documents/pdf.js";

/**
 * The person's export as a PDF to read: the same sections and records as the JSON (decision
 * 0037), each section under the registry's name for it, each record's fields as indented lines.
 */
export interface ExportInput {
  organisation: DocumentOrganisation;
  locale: Locale;
  data: PersonalExport;
}

const nl = {
  document: "Mijn gegevens",
  intro: (name: string, organisation: string) =>
    `Alle gegevens die Koers over ${name} toont bij ${organisation}, per soort gegeven uit het verwerkingsregister. Hetzelfde staat, voor een computer leesbaar, in de JSON-export.`,
  empty: "Niets vastgelegd.",
  within: (what: string) => `Staat bij: ${what}.`,
  record: (n: number) => `Nummer ${n}`,
  more: (n: number) => `En nog ${n}: die staan in de JSON-export.`,
  madeAt: (date: string) => `Gemaakt op ${date}.`,
};

const en: typeof nl = {
  document: "My data",
  intro: (name: string, organisation: string) =>
    `All data Koers shows about ${name} at ${organisation}, by kind of data from the processing register. The JSON export holds the same, readable by a computer.`,
  empty: "Nothing recorded.",
  within: (what: string) => `Shown with: ${what}.`,
  record: (n: number) => `Number ${n}`,
  more: (n: number) => `And ${n} more: the JSON export holds them.`,
  madeAt: (date: string) => `Made on ${date}.`,
};

const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A moment as the reader's clock shows it; any other value as it is. */
const readable = (value: string, locale: Locale) => (MOMENT.test(value) ? formatDateTime(value, locale) : value);

/** The most records a section prints; the JSON has them all (a long notification history, say). */
const RECORDS_PER_SECTION = 200;

export async function renderExportPdf(input: ExportInput): Promise<Buffer> {
  const { locale, data } = input;
  const words = locale === "en" ? en : nl;
  const color = brandColor(input.organisation.primaryColor);
  const content: Content[] = [
    { text: words.document, style: "title" },
    { text: `${data.person.name} — ${data.organisation.name}`, style: "subtitle" },
    { text: words.intro(data.person.name, data.organisation.name), margin: [0, 0, 0, 8] },
  ];
  for (const section of Object.values(data.sections)) {
    content.push({ text: section.what, bold: true, color, margin: [0, 10, 0, 2] });
    if ("notShown" in section) {
      content.push({ text: section.notShown, italics: true });
      continue;
    }
    if ("within" in section) {
      content.push({ text: words.within(data.sections[section.within]?.what ?? section.within), italics: true });
      continue;
    }
    if (section.records.length === 0) {
      content.push({ text: words.empty, italics: true });
      continue;
    }
    section.records.slice(0, RECORDS_PER_SECTION).forEach((record, index) => {
      content.push({ text: words.record(index + 1), bold: true, margin: [0, 4, 0, 0] });
      for (const line of exportLines(record, locale)) {
        content.push({
          margin: [line.depth * 12, 0, 0, 0],
          text:
            line.value === null
              ? [{ text: line.label, bold: true }]
              : [{ text: `${line.label}: `, bold: true }, readable(line.value, locale)],
        });
      }
    });
    const more = section.records.length - RECORDS_PER_SECTION;
    if (more > 0) content.push({ text: words.more(more), italics: true, margin: [0, 4, 0, 0] });
  }
  return renderBrandedPdf({
    organisation: input.organisation,
    locale,
    title: words.document,
    content,
    footerNote: words.madeAt(formatDateTime(data.madeAt, locale)),
  });
}
