import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { Locale } from "../../../domain/regimes/schema.js";
import { formatMinutes } from "../../../domain/trajectories/hours.js";
import { schoolYearLabel } from "../../../domain/trajectories/work-hours.js";
import {
  brandColor,
  brandedTableLayout,
  type DocumentOrganisation,
  formatDate,
  formatDateTime,
  renderBrandedPdf,
} from "./pdf.js";

/**
 * The progress of a trajectory so far, for the school of a BPV student (and any participant who
 * reads the meetings): the facts, the intake, the goals with their last rating, and each held
 * meeting with its notes and the parts others wrote. Already in the reader's language and view.
 */
export interface ProgressReportInput {
  organisation: DocumentOrganisation;
  locale: Locale;
  trajectory: { title: string; regimeName: string; startsOn: string; endsOn: string; statusLabel: string };
  /** The outcome, where the last status change asked for it: the reason chosen, its date, the note. */
  outcome: { choice: string | null; on: string | null; note: string | null };
  participants: { roleLabel: string; name: string }[];
  /** The intake and plan as the reader sees them (empty when they may not): label and answer in words. */
  plan: { label: string; value: string }[];
  goals: { title: string; successCriteria: string | null; last: string | null }[] | null;
  meetings: {
    date: string;
    typeLabel: string;
    durationMinutes: number;
    notes: string | null;
    parts: { roleLabel: string; text: string }[];
  }[];
  totalMinutes: number | null;
  /** Hours worked on the placement per school year, where the regime counts them and the reader sees hours. */
  workHours: { schoolYear: string; minutes: number; minimumMinutes: number | null }[] | null;
  madeAt: string;
}

const nl = {
  document: "Voortgangsverslag",
  status: "Status",
  period: "Periode",
  choice: "Gekozen reden",
  on: "Datum",
  note: "Toelichting",
  intake: "Intake en plan",
  goals: "Leerdoelen",
  successCriteria: "Succescriterium",
  last: "Laatste beoordeling",
  notRated: "Nog niet beoordeeld",
  noGoals: "Er zijn geen leerdoelen vastgelegd.",
  meetings: "Gehouden gesprekken",
  noMeetings: "Er zijn nog geen gesprekken gehouden.",
  notes: "Verslag",
  part: (role: string) => `Inbreng ${role}`,
  hours: (time: string) => `Samen ${time} (u:mm) aan gehouden gesprekken.`,
  workHours: "Gewerkte BPV-uren",
  schoolYear: "Schooljaar",
  worked: "Gewerkt (u:mm)",
  minimum: "Minimum (u:mm)",
  noWorkHours: "Er zijn nog geen gewerkte uren vastgelegd.",
  madeAt: (date: string) => `Gemaakt op ${date}; laat zien wat de lezer op dat moment in Koers zag.`,
};

const en: typeof nl = {
  document: "Progress report",
  status: "Status",
  period: "Period",
  choice: "Reason chosen",
  on: "Date",
  note: "Explanation",
  intake: "Intake and plan",
  goals: "Learning goals",
  successCriteria: "Success criterion",
  last: "Last rating",
  notRated: "Not rated yet",
  noGoals: "No learning goals were recorded.",
  meetings: "Conversations held",
  noMeetings: "No conversations were held yet.",
  notes: "Report",
  part: (role: string) => `Contribution of the ${role}`,
  hours: (time: string) => `In all ${time} (h:mm) of conversations held.`,
  workHours: "Placement hours worked",
  schoolYear: "School year",
  worked: "Worked (h:mm)",
  minimum: "Minimum (h:mm)",
  noWorkHours: "No hours worked were recorded yet.",
  madeAt: (date: string) => `Made on ${date}; shows what the reader saw in Koers at that moment.`,
};

const dictionary: Record<Locale, typeof nl> = { nl, en };

const facts = (rows: [string, string][]): Content => ({
  table: {
    widths: [130, "*"],
    body: rows.map(([label, value]) => [{ text: label, style: "tableHeader" }, { text: value }]),
  },
  layout: "noBorders",
});

const text = (value: string) => value.replace(/\r\n?/g, "\n");

function workHoursSection(
  years: NonNullable<ProgressReportInput["workHours"]>,
  words: typeof nl,
  color: string,
): Content[] {
  if (!years.length)
    return [
      { text: words.workHours, style: "heading" },
      { text: words.noWorkHours, style: "notice" },
    ];
  const row = (y: (typeof years)[number]): TableCell[] => [
    { text: schoolYearLabel(y.schoolYear) },
    { text: formatMinutes(y.minutes) },
    { text: y.minimumMinutes === null ? "—" : formatMinutes(y.minimumMinutes) },
  ];
  return [
    { text: words.workHours, style: "heading" },
    {
      table: {
        headerRows: 1,
        widths: ["*", 110, 110],
        body: [
          [words.schoolYear, words.worked, words.minimum].map((t): TableCell => ({ text: t, style: "tableHeader" })),
          ...years.map(row),
        ],
      },
      layout: brandedTableLayout(color),
    },
  ];
}

/** The progress report as a branded PDF. */
export async function renderProgressReportPdf(input: ProgressReportInput): Promise<Buffer> {
  const { locale, trajectory, outcome } = input;
  const words = dictionary[locale];
  const color = brandColor(input.organisation.primaryColor);
  const head: [string, string][] = [
    [words.status, trajectory.statusLabel],
    ...(outcome.on ? [[words.on, formatDate(outcome.on, locale)] as [string, string]] : []),
    ...(outcome.choice ? [[words.choice, outcome.choice] as [string, string]] : []),
    ...(outcome.note ? [[words.note, outcome.note] as [string, string]] : []),
    [words.period, `${formatDate(trajectory.startsOn, locale)} – ${formatDate(trajectory.endsOn, locale)}`],
    ...input.participants.map((p): [string, string] => [p.roleLabel, p.name]),
  ];
  const goalRows = (input.goals ?? []).map((goal, index): TableCell[] => [
    { text: String(index + 1) },
    {
      stack: [
        { text: goal.title },
        ...(goal.successCriteria
          ? [{ text: `${words.successCriteria}: ${goal.successCriteria}`, style: "small" }]
          : []),
      ],
    },
    goal.last ? { text: goal.last } : { text: words.notRated, style: "small" },
  ]);
  const meetings = [...input.meetings].sort((a, b) => a.date.localeCompare(b.date));
  const content: Content[] = [
    { text: trajectory.title, style: "title" },
    { text: trajectory.regimeName, style: "subtitle" },
    facts(head),
    ...(input.plan.length
      ? [{ text: words.intake, style: "heading" }, facts(input.plan.map((p): [string, string] => [p.label, p.value]))]
      : []),
    ...(input.goals
      ? [
          { text: words.goals, style: "heading" },
          goalRows.length
            ? {
                table: {
                  headerRows: 1,
                  dontBreakRows: true,
                  widths: [14, "*", 130],
                  body: [
                    ["#", words.goals, words.last].map((t): TableCell => ({ text: t, style: "tableHeader" })),
                    ...goalRows,
                  ],
                },
                layout: brandedTableLayout(color),
              }
            : { text: words.noGoals, style: "notice" },
        ]
      : []),
    { text: words.meetings, style: "heading" },
    ...(meetings.length
      ? meetings.flatMap((meeting): Content[] => [
          {
            text: `${formatDateTime(meeting.date, locale)} · ${meeting.typeLabel} · ${formatMinutes(meeting.durationMinutes)}`,
            bold: true,
            color,
            margin: [0, 8, 0, 2],
          },
          ...(meeting.notes ? [{ text: `${words.notes}: ${text(meeting.notes)}` }] : []),
          ...meeting.parts.map((part): Content => ({ text: `${words.part(part.roleLabel)}: ${text(part.text)}` })),
        ])
      : [{ text: words.noMeetings, style: "notice" }]),
    ...(input.totalMinutes !== null
      ? [{ text: words.hours(formatMinutes(input.totalMinutes)), margin: [0, 10, 0, 0] } as Content]
      : []),
    ...(input.workHours ? workHoursSection(input.workHours, words, color) : []),
  ];
  return renderBrandedPdf({
    organisation: input.organisation,
    locale,
    title: words.document,
    content,
    footerNote: words.madeAt(formatDateTime(input.madeAt, locale)),
  });
}
