import type { Content, TableCell } from "pdfmake/interfaces.js";
import { describeRetentionOf, ERASURE_TEXT } from "../../domain/privacy/describe.js";
import { PERSONAL_DATA } from "../../domain/privacy/registry.js";
import type { Locale } from "../../domain/regimes/schema.js";
import {
  brandColor,
  type DocumentOrganisation,
  formatDateTime,
  renderBrandedPdf,
} from "../trajectories/documents/pdf.js";

/**
 * The processing register (verwerkingsregister) as a PDF for the organisation's privacy officer:
 * the registry of personal data every feature joins (decision 0031), in the reader's language,
 * the same words as the page.
 */
export interface RegisterInput {
  organisation: DocumentOrganisation;
  locale: Locale;
  madeAt: string;
  /** The months the organisation chose, per kind; the registry's default for the rest. */
  periods: Record<string, number>;
}

const nl = {
  document: "Verwerkingsregister",
  intro:
    "Welke persoonsgegevens Koers voor deze organisatie verwerkt: wat het is, waarvoor, wie het ziet, hoe lang het bewaard wordt en wat er gebeurt als een persoon vraagt om verwijdering.",
  purpose: "Waarvoor",
  seenBy: "Wie het ziet",
  retention: "Bewaartermijn",
  erasure: "Bij verwijderen van een persoon",
  madeAt: (date: string) => `Gemaakt op ${date}, uit het register dat de software zelf bijhoudt.`,
};

const en: typeof nl = {
  document: "Processing register",
  intro:
    "Which personal data Koers processes for this organisation: what it is, what for, who sees it, how long it is kept and what happens when a person asks for erasure.",
  purpose: "What for",
  seenBy: "Who sees it",
  retention: "Kept for",
  erasure: "When a person is erased",
  madeAt: (date: string) => `Made on ${date}, from the register the software keeps itself.`,
};

export async function renderRegisterPdf(input: RegisterInput): Promise<Buffer> {
  const { locale } = input;
  const words = locale === "en" ? en : nl;
  const color = brandColor(input.organisation.primaryColor);
  const content: Content[] = [
    { text: words.document, style: "title" },
    { text: input.organisation.name, style: "subtitle" },
    { text: words.intro, margin: [0, 0, 0, 8] },
    ...PERSONAL_DATA.map(
      (entry): Content => ({
        unbreakable: true,
        margin: [0, 6, 0, 0],
        stack: [
          { text: entry.what[locale], bold: true, color },
          {
            table: {
              widths: [140, "*"],
              body: (
                [
                  [words.purpose, entry.purpose[locale]],
                  [words.seenBy, entry.seenBy[locale]],
                  [words.retention, describeRetentionOf(entry, input.periods)[locale]],
                  [words.erasure, ERASURE_TEXT[entry.erasure][locale]],
                ] as const
              ).map(([label, value]): TableCell[] => [{ text: label, style: "tableHeader" }, { text: value }]),
            },
            layout: "noBorders",
          },
        ],
      }),
    ),
  ];
  return renderBrandedPdf({
    organisation: input.organisation,
    locale,
    title: words.document,
    content,
    footerNote: words.madeAt(formatDateTime(input.madeAt, locale)),
  });
}
