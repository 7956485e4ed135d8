import Papa from "papaparse";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { EvidenceView } from "../../domain/evidence/api.js";
import {
  type Figure,
  type PresentedLine,
  type PresentedNotCounted,
  presentLedger,
} from "../../domain/evidence/present.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { MeetingMode } from "../../domain/trajectories/model.js";
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
  mode: "Vorm",
  reason: "Waarom niet meegeteld",
  notCountedRow: "Telt niet mee",
  notCountedHeading: "Niet meegeteld",
  modes: { in_person: "Op locatie", video: "Beeldbellen", phone: "Telefonisch" } as Record<MeetingMode, string>,
  notRecorded: "niet vastgelegd",
  reasons: {
    modeNotCounted: (modes: string) => `Alleen ${modes} telt mee voor deze eis.`,
    modeNotRecorded: () => "Niet vastgelegd hoe deze bijeenkomst plaatsvond; leg het vast bij de bijeenkomst.",
  },
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
  mode: "Mode",
  reason: "Why not counted",
  notCountedRow: "Not counted",
  notCountedHeading: "Not counted",
  modes: { in_person: "In person", video: "Video call", phone: "Phone" },
  notRecorded: "not recorded",
  reasons: {
    modeNotCounted: (modes: string) => `Only ${modes} counts for this requirement.`,
    modeNotRecorded: () => "Not recorded how this session took place; record it with the session.",
  },
};

const dictionary: Record<Locale, typeof nl> = { nl, en };

/** How a session took place, in words. */
const modeText = (mode: MeetingMode | null, locale: Locale) =>
  mode ? dictionary[locale].modes[mode] : dictionary[locale].notRecorded;

/** Why a session does not count, in words. */
function reasonText(line: PresentedLine, reason: PresentedNotCounted["reason"], locale: Locale) {
  const w = dictionary[locale];
  const modes = (line.countedModes ?? []).map((m) => w.modes[m].toLowerCase()).join(", ");
  return w.reasons[reason](modes);
}

/** A presented figure with its unit's word: "4:30", "22,5", "3 bijeenkomsten". */
export function figureText(figure: Figure, locale: Locale): string {
  return figure.unit === "sessions" ? dictionary[locale].present(Number(figure.value)) : figure.value;
}

// Papaparse's own pattern stops at a line break ("=1+1\nx" would pass); this one does not.
const FORMULA = /^[=+\-@\t\r]/;

/**
 * The ledger as CSV for Dutch Excel (semicolons, UTF-8 with a byte order mark, like the hours
 * export): a row per activity and a total row per requirement with minimum, missing and by when.
 * Every value is the presenter's, as on the page and in the PDF; a requirement not counted in
 * points leaves the points empty.
 */
export function renderEvidenceCsv(input: EvidenceDocumentInput): string {
  const w = dictionary[input.locale];
  const ledger = input.evidence.ledger ? presentLedger(input.evidence.ledger, input.locale) : null;
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
    w.mode,
    w.reason,
  ];
  const rows: (string | number)[][] = [];
  if (!ledger) rows.push(["", "", "", w.noLedger]);
  for (const line of ledger?.lines ?? []) {
    const label = line.label[input.locale];
    for (const r of line.records)
      rows.push([
        label,
        w.activity,
        r.date,
        r.title,
        1,
        r.minutes,
        r.hours,
        r.groupSize ?? "",
        r.points ?? "",
        "",
        "",
        "",
        "",
        r.link,
        line.columns.mode ? modeText(r.mode, input.locale) : "",
        "",
      ]);
    // Listed, never dropped: the sessions of the period that do not count, with why.
    for (const r of line.notCounted)
      rows.push([
        label,
        w.notCountedRow,
        r.date,
        r.title,
        "",
        r.minutes,
        r.hours,
        r.groupSize ?? "",
        "",
        "",
        "",
        "",
        "",
        r.link,
        modeText(r.mode, input.locale),
        reasonText(line, r.reason, input.locale),
      ]);
    rows.push([
      label,
      w.total,
      "",
      line.tracked ? "" : w.notTracked,
      line.tracked ? line.total.sessions : "",
      line.tracked ? line.total.minutes : "",
      line.tracked ? line.total.hours : "",
      "",
      line.tracked ? (line.total.points ?? "") : "",
      figureText(line.minimum, input.locale),
      figureText(line.missing, input.locale),
      line.deadline,
      w.statuses[line.status],
      "",
      "",
      "",
    ]);
  }
  const csv = Papa.unparse([header, ...rows], { delimiter: ";", newline: "\r\n", escapeFormulae: FORMULA });
  return `\uFEFF${csv}\r\n`;
}

/** The ledger as a branded PDF: the facts, then a table per requirement with its totals, as the page shows them. */
export async function renderEvidencePdf(input: EvidenceDocumentInput): Promise<Buffer> {
  const { locale, evidence } = input;
  const ledger = evidence.ledger ? presentLedger(evidence.ledger, locale) : null;
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
      [w.profile, ledger.profileName[locale]],
      [w.period, `${formatDate(ledger.period.from, locale)} – ${formatDate(ledger.period.lastDay, locale)}`],
      [w.deadline, formatDate(ledger.deadline, locale)],
      [w.generated, formatDate(input.generatedOn, locale)],
    ]),
    { text: w.onlyInside, style: "notice" },
  ];
  for (const line of ledger.lines) {
    content.push({ text: line.label[locale], style: "heading" });
    content.push(
      pairs([
        [w.status, w.statuses[line.status]],
        ...(line.have ? ([[w.have, figureText(line.have, locale)]] as [string, string][]) : []),
        [w.minimum, figureText(line.minimum, locale)],
        [w.missing, figureText(line.missing, locale)],
        ...(line.tracked ? ([[w.deadline, formatDate(line.deadline, locale)]] as [string, string][]) : []),
      ]),
    );
    if (!line.tracked) {
      content.push({ text: w.notTracked, style: "notice" });
      continue;
    }
    if (line.notCounted.length)
      content.push(
        { text: w.notCountedHeading, style: "tableHeader" },
        {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [90, "*", "auto", "auto", "*"],
            body: [
              [w.date, w.activity, w.hours, w.mode, w.reason].map(
                (text): TableCell => ({ text, style: "tableHeader" }),
              ),
              ...line.notCounted.map((r): TableCell[] => [
                { text: formatDate(r.date, locale) },
                { text: r.title },
                right(r.hours),
                { text: modeText(r.mode, locale) },
                { text: reasonText(line, r.reason, locale) },
              ]),
            ],
          },
          layout: brandedTableLayout(color),
        },
      );
    if (line.records.length === 0) {
      content.push({ text: w.noRecords, style: "notice" });
      continue;
    }
    const { groupSize, points, mode } = line.columns;
    const head: TableCell[] = [
      { text: w.date, style: "tableHeader" },
      { text: w.activity, style: "tableHeader" },
      ...[w.hours, ...(groupSize ? [w.groupSize] : []), ...(points ? [w.points] : [])].map(
        (text): TableCell => ({ text, style: "tableHeader", alignment: "right" }),
      ),
      ...(mode ? [{ text: w.mode, style: "tableHeader" } as TableCell] : []),
    ];
    const rows = line.records.map((r): TableCell[] => [
      { text: formatDate(r.date, locale) },
      { text: r.title },
      right(r.hours),
      ...(groupSize ? [right(r.groupSize ?? "")] : []),
      ...(points ? [right(r.points ?? "")] : []),
      ...(mode ? [{ text: modeText(r.mode, locale) } as TableCell] : []),
    ]);
    const total: TableCell[] = [
      { text: w.total, bold: true },
      { text: w.present(line.total.sessions), bold: true },
      right(line.total.hours, true),
      ...(groupSize ? [right("")] : []),
      ...(points ? [right(line.total.points ?? "", true)] : []),
      ...(mode ? [{ text: "" } as TableCell] : []),
    ];
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [
          90,
          "*",
          "auto",
          ...(groupSize ? ["auto"] : []),
          ...(points ? ["auto"] : []),
          ...(mode ? ["auto"] : []),
        ],
        body: [head, ...rows, total],
      },
      layout: brandedTableLayout(color),
    });
  }
  return renderBrandedPdf({ organisation: input.organisation, locale, title: w.document, content });
}
