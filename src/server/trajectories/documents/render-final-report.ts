import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { Locale } from "../../../domain/regimes/schema.js";
import { formatMinutes } from "../../../domain/trajectories/hours.js";
import type { GoalRationale } from "../../../domain/trajectories/model.js";
import {
  brandColor,
  brandedTableLayout,
  type DocumentOrganisation,
  formatDate,
  formatDateTime,
  renderBrandedPdf,
} from "./pdf.js";

/** Everything the final report shows, already in the reader's language: no queries here. */
export interface FinalReportInput {
  organisation: DocumentOrganisation;
  locale: Locale;
  trajectory: { title: string; regimeName: string; startsOn: string; endsOn: string; statusLabel: string };
  participants: { roleLabel: string; name: string }[];
  /**
   * The goals as the reader sees them (null when they may not), with the ratings the reader sees:
   * a kind not in `ratingKinds` is null throughout and gets no column.
   */
  goals:
    | {
        position: number;
        title: string;
        rationale: GoalRationale | null;
        successCriteria: string | null;
        /** From `goalResult`, with the label of the last rating in the reader's language. */
        result: { first: number | null; last: number | null; max: number; lastLabel: string | null };
        points: { date: string; guide: number | null; self: number | null }[];
      }[]
    | null;
  ratingKinds: ("guide" | "self")[];
  /** The report's sections in the regime's order; text keeps its line breaks. */
  sections: { label: string; text: string }[];
  /** The held meetings the reader sees, or null when they see no meetings. */
  meetings: { date: string; typeLabel: string; durationMinutes: number }[] | null;
  finalisedAt: string | null;
  contentSha256: string | null;
}

const nl = {
  document: "Eindrapportage",
  watermark: "CONCEPT",
  draftNotice: "Concept: deze rapportage is nog niet vastgesteld.",
  status: "Status",
  period: "Periode",
  goals: "Doelen",
  goal: "Doel",
  rationale: "Noodzaak of wens",
  necessity: "Noodzaak",
  wish: "Wens",
  successCriteria: "Succescriterium",
  course: "Verloop",
  self: "zelf",
  lastRating: "Laatste beoordeling",
  notRated: "Nog niet beoordeeld",
  noGoals: "Er zijn geen doelen vastgelegd.",
  meetings: "Bijeenkomsten",
  date: "Datum",
  type: "Soort",
  duration: "Duur (u:mm)",
  noMeetings: "Er zijn geen bijeenkomsten gehouden.",
  emptySection: "—",
  finalisedOn: (date: string) => `Vastgesteld op ${date}.`,
  hash: (sha: string) => `SHA-256 van de vastgestelde inhoud: ${sha}`,
};

const en: typeof nl = {
  document: "Final report",
  watermark: "DRAFT",
  draftNotice: "Draft: this report has not been finalised yet.",
  status: "Status",
  period: "Period",
  goals: "Goals",
  goal: "Goal",
  rationale: "Necessity or wish",
  necessity: "Necessity",
  wish: "Wish",
  successCriteria: "Success criterion",
  course: "Course",
  self: "self",
  lastRating: "Last rating",
  notRated: "Not rated yet",
  noGoals: "No goals were recorded.",
  meetings: "Meetings",
  date: "Date",
  type: "Type",
  duration: "Duration (h:mm)",
  noMeetings: "No meetings were held.",
  emptySection: "—",
  finalisedOn: (date: string) => `Finalised on ${date}.`,
  hash: (sha: string) => `SHA-256 of the finalised content: ${sha}`,
};

const dictionary: Record<Locale, typeof nl> = { nl, en };

type Words = typeof nl;

const course = (ratings: (number | null)[]) =>
  ratings.filter((rating): rating is number => rating !== null).join(" › ");

function goalTable(
  goals: NonNullable<FinalReportInput["goals"]>,
  kinds: FinalReportInput["ratingKinds"],
  words: Words,
  color: string,
): Content {
  if (goals.length === 0) return { text: words.noGoals, style: "notice" };
  // Only the ratings the reader may see: a kind they may not see has no column.
  const guideShown = kinds.includes("guide");
  const rated = kinds.length > 0;
  const head: TableCell[] = [
    "#",
    words.goal,
    words.rationale,
    ...(rated ? [words.course] : []),
    ...(guideShown ? [words.lastRating] : []),
  ].map((text) => ({ text, style: "tableHeader" }));
  const rows = [...goals]
    .sort((a, b) => a.position - b.position)
    .map((goal, index): TableCell[] => {
      const guide = course(goal.points.map((p) => p.guide));
      const self = course(goal.points.map((p) => p.self));
      const { last, max, lastLabel } = goal.result;
      const courseCell: TableCell = {
        stack: [
          ...(guideShown ? [{ text: guide || "–" }] : []),
          ...(self && kinds.includes("self") ? [{ text: `${words.self}: ${self}`, style: "small" }] : []),
        ],
      };
      const lastCell: TableCell =
        last === null
          ? { text: words.notRated, style: "small" }
          : {
              stack: [
                { text: `${last} / ${max}`, bold: true },
                ...(lastLabel ? [{ text: lastLabel, style: "small" }] : []),
              ],
            };
      return [
        { text: String(index + 1) },
        {
          stack: [
            { text: goal.title },
            ...(goal.successCriteria
              ? [{ text: `${words.successCriteria}: ${goal.successCriteria}`, style: "small" }]
              : []),
          ],
        },
        { text: goal.rationale ? words[goal.rationale] : "–" },
        ...(rated ? [courseCell] : []),
        ...(guideShown ? [lastCell] : []),
      ];
    });
  const widths = [14, "*", 62, ...(rated ? [70] : []), ...(guideShown ? [92] : [])];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [head, ...rows] },
    layout: brandedTableLayout(color),
  };
}

function meetingTable(
  input: FinalReportInput & { meetings: NonNullable<FinalReportInput["meetings"]> },
  words: Words,
  color: string,
): Content {
  if (input.meetings.length === 0) return { text: words.noMeetings, style: "notice" };
  const head: TableCell[] = [
    { text: words.date, style: "tableHeader" },
    { text: words.type, style: "tableHeader" },
    { text: words.duration, style: "tableHeader", alignment: "right" },
  ];
  const rows = [...input.meetings]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((meeting): TableCell[] => [
      { text: formatDateTime(meeting.date, input.locale) },
      { text: meeting.typeLabel },
      { text: formatMinutes(meeting.durationMinutes), alignment: "right" },
    ]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [150, "*", 70], body: [head, ...rows] },
    layout: brandedTableLayout(color),
  };
}

/** The final report of a trajectory as a branded PDF; a draft carries a watermark on every page. */
export async function renderFinalReportPdf(input: FinalReportInput): Promise<Buffer> {
  const { locale, trajectory } = input;
  const words = dictionary[locale];
  const color = brandColor(input.organisation.primaryColor);
  const final = input.finalisedAt !== null;
  const facts: [string, string][] = [
    [words.status, trajectory.statusLabel],
    [words.period, `${formatDate(trajectory.startsOn, locale)} – ${formatDate(trajectory.endsOn, locale)}`],
    ...input.participants.map((p): [string, string] => [p.roleLabel, p.name]),
  ];

  const content: Content[] = [
    { text: trajectory.title, style: "title" },
    { text: trajectory.regimeName, style: "subtitle" },
    ...(final ? [] : [{ text: words.draftNotice, style: "notice" }]),
    {
      table: {
        widths: [110, "*"],
        body: facts.map(([label, value]) => [{ text: label, style: "tableHeader" }, { text: value }]),
      },
      layout: "noBorders",
    },
    ...(input.goals
      ? [{ text: words.goals, style: "heading" }, goalTable(input.goals, input.ratingKinds, words, color)]
      : []),
    ...input.sections.flatMap((section): Content[] => [
      { text: section.label, style: "heading" },
      section.text.trim()
        ? { text: section.text.replace(/\r\n?/g, "\n") }
        : { text: words.emptySection, style: "notice" },
    ]),
    ...(input.meetings
      ? [{ text: words.meetings, style: "heading" }, meetingTable({ ...input, meetings: input.meetings }, words, color)]
      : []),
    ...(final && input.finalisedAt
      ? [{ text: words.finalisedOn(formatDateTime(input.finalisedAt, locale)), margin: [0, 20, 0, 0] } as Content]
      : []),
  ];

  return renderBrandedPdf({
    organisation: input.organisation,
    locale,
    title: words.document,
    content,
    watermark: final ? null : words.watermark,
    footerNote: final && input.contentSha256 ? words.hash(input.contentSha256) : null,
  });
}
