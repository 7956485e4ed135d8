import Papa from "papaparse";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { EvidenceView, LedgerLineView } from "../../domain/evidence/api.js";
import { formatPoints } from "../../domain/evidence/ledger.js";
import type { Locale } from "../../domain/regimes/schema.js";
import { formatMinutes } from "../../domain/trajectories/hours.js";
import {
  brandColor,
  brandedTableLayout,
  type DocumentOrganisation,
  formatDate,
  renderBrandedPdf,
} from "../trajectories/documents/pdf.js";

/** A person's evidence ledger for one registration period, for the register's portfolio. */
export interface EvidenceDocumentInput {
  organisation: DocumentOrganisation;
  locale: Locale;
  evidence: EvidenceView;
  /** The registration the period belongs to, in words ("SKJ 1234567"). */
  registration: string;
  generatedOn: string;
}

const nl = {
  document: "Overzicht herregistratie",
  person: "Naam",
  registration: "Registratie",
  profile: "Eisenprofiel",
  period: "Periode",
  generated: "Gemaakt op",
  deadline: "Uiterlijk vóór",
  requirement: "Eis",
  row: "Regel",
  activity: "Activiteit",
  total: "Totaal",
  date: "Datum",
  source: "Bron",
  sessions: "Bijeenkomsten",
  minutes: "Minuten",
  hours: "Uren (u:mm)",
  groupSize: "Groepsgrootte",
  points: "Punten",
  have: "Behaald",
  minimum: "Minimum",
  missing: "Ontbreekt",
  status: "Status",
  link: "Link",
  statuses: { met: "Voldaan", missing: "Nog niet voldaan", notTracked: "Niet bijgehouden in Koers" },
  notTracked: "Dit houdt Koers niet bij; lever het bewijs zelf aan bij het register.",
  noRecords: "Geen activiteiten in deze periode.",
  onlyInside:
    "Alleen activiteiten die binnen de periode zijn afgerond tellen mee. Supervisie telt alleen de contacturen, niet voorbereiding of verslaglegging.",
  present: (n: number) => (n === 1 ? "1 bijeenkomst" : `${n} bijeenkomsten`),
  noLedger:
    "Er is geen registratie met een herregistratiedatum en een eisenprofiel. De beheerder van de organisatie legt die vast bij de persoon.",
};

const en: typeof nl = {
  document: "Re-registration overview",
  person: "Name",
  registration: "Registration",
  profile: "Requirement profile",
  period: "Period",
  generated: "Generated on",
  deadline: "Before",
  requirement: "Requirement",
  row: "Row",
  activity: "Activity",
  total: "Total",
  date: "Date",
  source: "Source",
  sessions: "Sessions",
  minutes: "Minutes",
  hours: "Hours (h:mm)",
  groupSize: "Group size",
  points: "Points",
  have: "Have",
  minimum: "Minimum",
  missing: "Missing",
  status: "Status",
  link: "Link",
  statuses: { met: "Met", missing: "Not yet met", notTracked: "Not tracked in Koers" },
  notTracked: "Koers does not track this; hand in the evidence to the register yourself.",
  noRecords: "No activities in this period.",
  onlyInside:
    "Only activities completed inside the period count. Supervision counts contact hours only, not preparation or reporting.",
  present: (n: number) => (n === 1 ? "1 session" : `${n} sessions`),
  noLedger:
    "There is no registration with a re-registration date and a requirement profile. The organisation's admin records them with the person.",
};

const dictionary: Record<Locale, typeof nl> = { nl, en };

/** A figure in the requirement's unit: hours as h:mm, points with decimals, sessions as a count. */
export function figure(line: Pick<LedgerLineView, "requirement">, value: number, locale: Locale): string {
  if (line.requirement.unit === "hours") return formatMinutes(value);
  if (line.requirement.unit === "points") return formatPoints(value, locale);
  return dictionary[locale].present(value);
}

// Papaparse's own pattern stops at a line break ("=1+1\nx" would pass); this one does not.
const FORMULA = /^[=+\-@\t\r]/;

/**
 * The ledger as CSV for Dutch Excel (semicolons, UTF-8 with a byte order mark, like the hours
 * export): a row per activity and a total row per requirement with minimum, missing and by when.
 */
export function renderEvidenceCsv(input: EvidenceDocumentInput): string {
  const w = dictionary[input.locale];
  const { ledger } = input.evidence;
  const header = [
    w.requirement,
    w.row,
    w.date,
    w.activity,
    w.sessions,
    w.minutes,
    w.hours,
    w.groupSize,
    w.points,
    w.minimum,
    w.missing,
    w.deadline,
    w.status,
    w.link,
  ];
  const rows: (string | number)[][] = [];
  if (!ledger) rows.push(["", "", "", w.noLedger]);
  for (const line of ledger?.lines ?? []) {
    const label = line.requirement.label[input.locale];
    for (const r of line.records)
      rows.push([
        label,
        w.activity,
        r.date,
        r.title,
        1,
        r.minutes,
        formatMinutes(r.minutes),
        r.groupSize ?? "",
        formatPoints(r.pointsHundredths, input.locale),
        "",
        "",
        "",
        "",
        r.link,
      ]);
    const tracked = line.status !== "notTracked";
    rows.push([
      label,
      w.total,
      "",
      tracked ? "" : w.notTracked,
      tracked ? line.sessions : "",
      tracked ? line.minutes : "",
      tracked ? formatMinutes(line.minutes) : "",
      "",
      tracked ? formatPoints(line.pointsHundredths, input.locale) : "",
      figure(line, line.minimum, input.locale),
      figure(line, line.missing, input.locale),
      ledger?.period.lastDay ?? "",
      w.statuses[line.status],
      "",
    ]);
  }
  const csv = Papa.unparse([header, ...rows], { delimiter: ";", newline: "\r\n", escapeFormulae: FORMULA });
  return `\uFEFF${csv}\r\n`;
}

/** The ledger as a branded PDF: the facts, then a table per requirement with its totals. */
export async function renderEvidencePdf(input: EvidenceDocumentInput): Promise<Buffer> {
  const { locale, evidence } = input;
  const { ledger } = evidence;
  const w = dictionary[locale];
  const color = brandColor(input.organisation.primaryColor);
  const right = (text: string | number, bold = false): TableCell => ({ text: String(text), alignment: "right", bold });
  const pairs = (list: [string, string][]): Content => ({
    table: {
      widths: [120, "*"],
      body: list.map(([label, value]) => [{ text: label, style: "tableHeader" }, { text: value }]),
    },
    layout: "noBorders",
  });

  if (!ledger) {
    const content: Content[] = [
      { text: evidence.person.name, style: "title" },
      { text: w.document, style: "subtitle" },
      pairs([[w.generated, formatDate(input.generatedOn, locale)]]),
      { text: w.noLedger, style: "notice" },
    ];
    return renderBrandedPdf({ organisation: input.organisation, locale, title: w.document, content });
  }
  const content: Content[] = [
    { text: evidence.person.name, style: "title" },
    { text: w.document, style: "subtitle" },
    pairs([
      [w.registration, input.registration],
      [w.profile, ledger.profile.document.name[locale]],
      [w.period, `${formatDate(ledger.period.from, locale)} – ${formatDate(ledger.period.lastDay, locale)}`],
      [w.deadline, formatDate(ledger.period.to, locale)],
      [w.generated, formatDate(input.generatedOn, locale)],
    ]),
    { text: w.onlyInside, style: "notice" },
  ];
  for (const line of ledger.lines) {
    const tracked = line.status !== "notTracked";
    content.push({ text: line.requirement.label[locale], style: "heading" });
    content.push(
      pairs([
        [w.status, w.statuses[line.status]],
        ...(tracked ? ([[w.have, figure(line, line.have, locale)]] as [string, string][]) : []),
        [w.minimum, figure(line, line.minimum, locale)],
        [w.missing, figure(line, line.missing, locale)],
      ]),
    );
    if (!tracked) {
      content.push({ text: w.notTracked, style: "notice" });
      continue;
    }
    if (line.records.length === 0) {
      content.push({ text: w.noRecords, style: "notice" });
      continue;
    }
    const head: TableCell[] = [
      { text: w.date, style: "tableHeader" },
      { text: w.activity, style: "tableHeader" },
      ...[w.hours, w.groupSize, w.points].map(
        (text): TableCell => ({ text, style: "tableHeader", alignment: "right" }),
      ),
    ];
    const rows = line.records.map((r): TableCell[] => [
      { text: formatDate(r.date, locale) },
      { text: r.title },
      right(formatMinutes(r.minutes)),
      right(r.groupSize ?? ""),
      right(formatPoints(r.pointsHundredths, locale)),
    ]);
    const total: TableCell[] = [
      { text: w.total, bold: true },
      { text: w.present(line.sessions), bold: true },
      right(formatMinutes(line.minutes), true),
      right(""),
      right(formatPoints(line.pointsHundredths, locale), true),
    ];
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [90, "*", "auto", "auto", "auto"],
        body: [head, ...rows, total],
      },
      layout: brandedTableLayout(color),
    });
  }
  return renderBrandedPdf({ organisation: input.organisation, locale, title: w.document, content });
}
