import Papa from "papaparse";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { Locale } from "../../../domain/regimes/schema.js";
import { TIME_ZONE } from "../../../domain/time-zone.js";
import { formatMinutes, hoursSummary } from "../../../domain/trajectories/hours.js";
import type { MeetingFacts, MeetingStatus } from "../../../domain/trajectories/model.js";
import {
  brandColor,
  brandedTableLayout,
  type DocumentOrganisation,
  formatDate,
  formatDateTime,
  renderBrandedPdf,
} from "./pdf.js";

/** The meetings and hours of a trajectory, for the commissioner's invoice. Only held meetings are billed. */
export interface BillingInput {
  organisation: DocumentOrganisation;
  locale: Locale;
  trajectory: { title: string; statusLabel: string; statusReason: string | null; startsOn: string; endsOn: string };
  lines: {
    /** ISO date or date-time; a time is shown in Dutch local time. */
    date: string;
    typeLabel: string;
    status: MeetingStatus;
    durationMinutes: number;
    preparationMinutes: number;
    travelMinutes: number;
  }[];
  totals: {
    meetings: number;
    meetingMinutes: number;
    preparationMinutes: number;
    travelMinutes: number;
    totalMinutes: number;
  };
}

type BilledMeeting = Pick<
  MeetingFacts,
  "type" | "startsAt" | "status" | "durationMinutes" | "preparationMinutes" | "travelMinutes"
>;

/** A bill's lines and totals: the held meetings only, counted as the hours summary counts them. */
export function billedHours<M extends BilledMeeting>(
  meetings: readonly M[],
  typeLabel: (meeting: M) => string,
): Pick<BillingInput, "lines" | "totals"> {
  const held = meetings.filter((m) => m.status === "held");
  const { total } = hoursSummary(held);
  return {
    lines: held.map((m) => ({
      date: m.startsAt,
      typeLabel: typeLabel(m),
      status: m.status,
      durationMinutes: m.durationMinutes,
      preparationMinutes: m.preparationMinutes,
      travelMinutes: m.travelMinutes,
    })),
    totals: {
      meetings: total.meetings,
      meetingMinutes: total.meetingMinutes,
      preparationMinutes: total.preparationMinutes,
      travelMinutes: total.travelMinutes,
      totalMinutes: total.totalMinutes,
    },
  };
}

const nl = {
  document: "Urenverantwoording",
  status: "Status",
  reason: "Reden",
  period: "Periode",
  onlyHeld: "Alleen gehouden bijeenkomsten tellen mee.",
  noLines: "Er zijn geen gehouden bijeenkomsten.",
  date: "Datum",
  time: "Tijd",
  type: "Soort",
  meetingStatus: "Status",
  duration: "Duur",
  preparation: "Voorbereiding",
  travel: "Reistijd",
  total: "Totaal",
  minutes: "min",
  hours: "u:mm",
  totals: "Totalen",
  meetings: "Bijeenkomsten",
  meetingCount: (n: number) => (n === 1 ? "1 bijeenkomst" : `${n} bijeenkomsten`),
  statuses: { planned: "Gepland", held: "Gehouden", cancelled: "Geannuleerd" },
};

const en: typeof nl = {
  document: "Hours statement",
  status: "Status",
  reason: "Reason",
  period: "Period",
  onlyHeld: "Only meetings that were held are counted.",
  noLines: "No meetings were held.",
  date: "Date",
  time: "Time",
  type: "Type",
  meetingStatus: "Status",
  duration: "Duration",
  preparation: "Preparation",
  travel: "Travel",
  total: "Total",
  minutes: "min",
  hours: "h:mm",
  totals: "Totals",
  meetings: "Meetings",
  meetingCount: (n: number) => (n === 1 ? "1 meeting" : `${n} meetings`),
  statuses: { planned: "Planned", held: "Held", cancelled: "Cancelled" },
};

const dictionary: Record<Locale, typeof nl> = { nl, en };

type Line = BillingInput["lines"][number];

const lineTotal = (line: Line) => line.durationMinutes + line.preparationMinutes + line.travelMinutes;
const byDate = (lines: readonly Line[]) => [...lines].sort((a, b) => a.date.localeCompare(b.date));

// Spreadsheets read ISO dates in every locale; en-CA writes exactly yyyy-mm-dd.
const isoDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const clock = new Intl.DateTimeFormat("nl-NL", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });
const localDate = (iso: string) => (iso.length > 10 ? isoDate.format(new Date(iso)) : iso);
const localTime = (iso: string) => (iso.length > 10 ? clock.format(new Date(iso)) : "");

// Papaparse's own pattern stops at a line break ("=1+1\nx" would pass); this one does not.
const FORMULA = /^[=+\-@\t\r]/;

/**
 * The billing lines as CSV for Dutch Excel: semicolons, a header in the reader's language,
 * minutes as integers plus hours as h:mm, a totals row. Starts with a byte order mark so Excel
 * reads UTF-8; a text cell starting with = + - @ gets a leading quote so it is never a formula.
 */
export function renderBillingCsv(input: BillingInput): string {
  const words = dictionary[input.locale];
  const { totals } = input;
  const header = [
    words.date,
    words.time,
    words.type,
    words.meetingStatus,
    `${words.duration} (${words.minutes})`,
    `${words.preparation} (${words.minutes})`,
    `${words.travel} (${words.minutes})`,
    `${words.total} (${words.minutes})`,
    `${words.total} (${words.hours})`,
  ];
  const rows = byDate(input.lines).map((line) => [
    localDate(line.date),
    localTime(line.date),
    line.typeLabel,
    words.statuses[line.status],
    line.durationMinutes,
    line.preparationMinutes,
    line.travelMinutes,
    lineTotal(line),
    formatMinutes(lineTotal(line)),
  ]);
  const totalRow = [
    words.total,
    "",
    words.meetingCount(totals.meetings),
    "",
    totals.meetingMinutes,
    totals.preparationMinutes,
    totals.travelMinutes,
    totals.totalMinutes,
    formatMinutes(totals.totalMinutes),
  ];
  const csv = Papa.unparse([header, ...rows, totalRow], { delimiter: ";", newline: "\r\n", escapeFormulae: FORMULA });
  return `\uFEFF${csv}\r\n`;
}

/** The billing lines and totals as a branded PDF. */
export async function renderBillingPdf(input: BillingInput): Promise<Buffer> {
  const { locale, trajectory, totals } = input;
  const words = dictionary[locale];
  const color = brandColor(input.organisation.primaryColor);
  const right = (text: string | number): TableCell => ({ text: String(text), alignment: "right" });
  const head: TableCell[] = [
    { text: words.date, style: "tableHeader" },
    { text: words.type, style: "tableHeader" },
    { text: words.meetingStatus, style: "tableHeader" },
    ...[words.duration, words.preparation, words.travel, words.total].map(
      (text): TableCell => ({ text, style: "tableHeader", alignment: "right" }),
    ),
  ];
  const rows = byDate(input.lines).map((line): TableCell[] => [
    { text: formatDateTime(line.date, locale) },
    { text: line.typeLabel },
    { text: words.statuses[line.status] },
    right(formatMinutes(line.durationMinutes)),
    right(formatMinutes(line.preparationMinutes)),
    right(formatMinutes(line.travelMinutes)),
    right(formatMinutes(lineTotal(line))),
  ]);
  const totalRow: TableCell[] = [
    { text: words.total, bold: true },
    { text: words.meetingCount(totals.meetings), bold: true, colSpan: 2 },
    {},
    ...[totals.meetingMinutes, totals.preparationMinutes, totals.travelMinutes, totals.totalMinutes].map(
      (minutes): TableCell => ({ text: formatMinutes(minutes), bold: true, alignment: "right" }),
    ),
  ];
  const facts: [string, string][] = [
    [words.status, trajectory.statusLabel],
    ...(trajectory.statusReason ? [[words.reason, trajectory.statusReason] as [string, string]] : []),
    [words.period, `${formatDate(trajectory.startsOn, locale)} – ${formatDate(trajectory.endsOn, locale)}`],
  ];
  const summary: [string, string][] = [
    [words.meetings, String(totals.meetings)],
    [words.duration, `${formatMinutes(totals.meetingMinutes)} (${totals.meetingMinutes} ${words.minutes})`],
    [words.preparation, `${formatMinutes(totals.preparationMinutes)} (${totals.preparationMinutes} ${words.minutes})`],
    [words.travel, `${formatMinutes(totals.travelMinutes)} (${totals.travelMinutes} ${words.minutes})`],
    [words.total, `${formatMinutes(totals.totalMinutes)} (${totals.totalMinutes} ${words.minutes})`],
  ];
  const pairs = (list: [string, string][]): Content => ({
    table: {
      widths: [110, "*"],
      body: list.map(([label, value]) => [{ text: label, style: "tableHeader" }, { text: value }]),
    },
    layout: "noBorders",
  });

  const content: Content[] = [
    { text: trajectory.title, style: "title" },
    { text: words.document, style: "subtitle" },
    pairs(facts),
    { text: words.meetings, style: "heading" },
    { text: words.onlyHeld, style: "notice" },
    input.lines.length === 0
      ? { text: words.noLines, style: "notice" }
      : {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [120, "*", "auto", "auto", "auto", "auto", "auto"],
            body: [head, ...rows, totalRow],
          },
          layout: brandedTableLayout(color),
        },
    { text: words.totals, style: "heading" },
    pairs(summary),
  ];

  return renderBrandedPdf({ organisation: input.organisation, locale, title: words.document, content });
}
