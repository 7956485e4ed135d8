import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { CertificateContent } from "../../domain/certificates/certificate.js";
import type { Locale } from "../../domain/regimes/schema.js";
import { formatMinutes } from "../../domain/trajectories/hours.js";
import {
  brandColor,
  brandedTableLayout,
  type DocumentOrganisation,
  formatDate,
  MUTED_COLOR,
  renderBrandedPdf,
} from "../trajectories/documents/pdf.js";

/** Everything a certificate's PDF shows, loaded beforehand: no queries here. */
export interface CertificatePdfInput {
  organisation: DocumentOrganisation;
  locale: Locale;
  content: CertificateContent;
  contentSha256: string;
  /** The public address of the verification page. */
  verifyUrl: string;
}

const nl = {
  title: "Certificaat",
  declares: (organisation: string) => `${organisation} verklaart dat`,
  completedModule: "de module heeft afgerond",
  completedLine: "de hele leerlijn heeft afgerond",
  version: (n: number) => `versie ${n}`,
  on: (date: string) => `op ${date}`,
  minutes: (time: string) => `Geschatte studietijd: ${time} uur`,
  competences: "Competenties",
  competence: "Competentie",
  level: "Niveau",
  through: "Afgerond met de module",
  none: "—",
  hash: "SHA-256 van de inhoud",
  verify: (url: string) =>
    `Controleer dit certificaat op ${url}: upload dit PDF-bestand of voer de SHA-256 van de inhoud in.`,
  footer: (sha: string) => `Inhoud SHA-256 ${sha}`,
};

const en: typeof nl = {
  title: "Certificate",
  declares: (organisation: string) => `${organisation} declares that`,
  completedModule: "has completed the module",
  completedLine: "has completed the whole learning line",
  version: (n: number) => `version ${n}`,
  on: (date: string) => `on ${date}`,
  minutes: (time: string) => `Estimated study time: ${time} hours`,
  competences: "Competences",
  competence: "Competence",
  level: "Level",
  through: "Completed through the module",
  none: "—",
  hash: "SHA-256 of the content",
  verify: (url: string) =>
    `Check this certificate at ${url}: upload this PDF file or enter the SHA-256 of its content.`,
  footer: (sha: string) => `Content SHA-256 ${sha}`,
};

const dictionary: Record<Locale, typeof nl> = { nl, en };

function competenceTable(input: CertificatePdfInput, words: typeof nl, color: string): Content {
  const { content, locale } = input;
  const line = content.kind === "learning_line";
  const head: TableCell[] = [words.competence, line ? words.through : words.level].map((text) => ({
    text,
    style: "tableHeader",
  }));
  const rows = content.competences.map((c): TableCell[] => [
    { text: c.name[locale] },
    { text: line ? (c.module ?? words.none) : c.level === null ? words.none : String(c.level) },
  ]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: ["*", line ? "*" : 60], body: [head, ...rows] },
    layout: brandedTableLayout(color),
  };
}

/** The certificate as a branded PDF: who completed what, when, and where to check it. */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const words = dictionary[input.locale];
  const { content, locale } = input;
  const color = brandColor(input.organisation.primaryColor);
  const title = content.title[locale];
  const what = content.kind === "module" ? words.completedModule : words.completedLine;
  const subtitle = [
    content.version === null ? null : words.version(content.version),
    words.on(formatDate(content.completedOn, locale)),
  ]
    .filter(Boolean)
    .join(", ");
  return renderBrandedPdf({
    organisation: input.organisation,
    locale,
    title: words.title,
    content: [
      { text: words.title, style: "title", fontSize: 28, alignment: "center", margin: [0, 24, 0, 24] },
      { text: words.declares(content.organisation), alignment: "center", fontSize: 12 },
      { text: content.holder, alignment: "center", fontSize: 22, bold: true, color, margin: [0, 8, 0, 8] },
      { text: what, alignment: "center", fontSize: 12 },
      { text: title, alignment: "center", fontSize: 18, bold: true, margin: [0, 8, 0, 4] },
      { text: subtitle, alignment: "center", color: MUTED_COLOR, margin: [0, 0, 0, 4] },
      ...(content.minutes === null
        ? []
        : [{ text: words.minutes(formatMinutes(content.minutes)), alignment: "center" as const, color: MUTED_COLOR }]),
      { text: words.competences, style: "heading", margin: [0, 32, 0, 6] },
      competenceTable(input, words, color),
      { text: words.hash, style: "tableHeader", margin: [0, 32, 0, 2] },
      { text: input.contentSha256, fontSize: 8.5 },
      { text: words.verify(input.verifyUrl), style: "small", margin: [0, 8, 0, 0] },
    ],
    footerNote: words.footer(input.contentSha256),
  });
}
