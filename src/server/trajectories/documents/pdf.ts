import { createRequire } from "node:module";
import path from "node:path";
import type { Content, ContextPageSize, TableLayout, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { sniffLogoType } from "../../../domain/organisations/logo.js";
import type { Locale } from "../../../domain/regimes/schema.js";
import { TIME_ZONE } from "../../../domain/time-zone.js";

/**
 * What every Koers PDF shares: the fonts shipped with pdfmake, the organisation's logo and
 * colour in the header, page numbers in the footer, and a draft watermark. A document module
 * only writes its content and calls `renderBrandedPdf`.
 */

export interface DocumentOrganisation {
  name: string;
  /** `#rrggbb`; anything else falls back to the Koers colour. */
  primaryColor: string;
  logo: Buffer | null;
  logoMime: string | null;
}

export const FALLBACK_COLOR = "#1f6f8b";
export const MUTED_COLOR = "#5c5f66";
export const RULE_COLOR = "#ced4da";

const words = {
  nl: { page: (n: number, of: number) => `Pagina ${n} van ${of}` },
  en: { page: (n: number, of: number) => `Page ${n} of ${of}` },
} satisfies Record<Locale, unknown>;

// Fonts come from the pdfmake package itself: no network, no system fonts.
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("pdfmake/package.json")), "fonts/Roboto");
const ROBOTO = {
  normal: path.join(fontDir, "Roboto-Regular.ttf"),
  bold: path.join(fontDir, "Roboto-Medium.ttf"),
  italics: path.join(fontDir, "Roboto-Italic.ttf"),
  bolditalics: path.join(fontDir, "Roboto-MediumItalic.ttf"),
};

/**
 * pdfmake, configured, loaded with the first document: documents are rendered in worker threads
 * (`documents/render-pool.ts`), so the thread that answers requests never loads it, and starts
 * without it.
 */
let renderer: Promise<typeof import("pdfmake")> | undefined;
function pdfmakeConfigured() {
  renderer ??= import("pdfmake").then(({ default: pdfmake }) => {
    const fontFiles = new Set(Object.values(ROBOTO));
    pdfmake.setFonts({ Roboto: ROBOTO });
    // Documents are built from data only: nothing is fetched, no other file is read.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file) => fontFiles.has(file));
    return pdfmake;
  });
  return renderer;
}

export const brandColor = (color: string) => (/^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : FALLBACK_COLOR);

/** The logo as a data URL when pdfmake can draw it (PNG, JPEG); WebP and anything else: null. */
export function logoDataUrl(organisation: DocumentOrganisation): string | null {
  if (!organisation.logo || organisation.logo.length === 0) return null;
  const type = sniffLogoType(organisation.logo);
  if (type !== "image/png" && type !== "image/jpeg") return null;
  return `data:${type};base64,${organisation.logo.toString("base64")}`;
}

const hasTime = (iso: string) => iso.length > 10;
const asInstant = (iso: string) => new Date(hasTime(iso) ? iso : `${iso}T12:00:00Z`);
const intlLocale = (locale: Locale) => (locale === "nl" ? "nl-NL" : "en-GB");

/** "12 maart 2026" / "12 March 2026"; a date-time is read in Dutch local time. */
export const formatDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: TIME_ZONE }).format(asInstant(iso));

/** Date and local time when the value has a time, otherwise the date alone. */
export const formatDateTime = (iso: string, locale: Locale) =>
  hasTime(iso)
    ? new Intl.DateTimeFormat(intlLocale(locale), {
        dateStyle: "long",
        timeStyle: "short",
        timeZone: TIME_ZONE,
      }).format(asInstant(iso))
    : formatDate(iso, locale);

/** Thin horizontal rules, a coloured line under the header row, no vertical lines. */
export function brandedTableLayout(color: string): TableLayout {
  return {
    hLineWidth: (i) => (i === 1 ? 1 : 0.5),
    vLineWidth: () => 0,
    hLineColor: (i) => (i === 1 ? color : RULE_COLOR),
    paddingLeft: (i) => (i === 0 ? 0 : 6),
    paddingRight: () => 6,
    paddingTop: () => 4,
    paddingBottom: () => 4,
  };
}

export interface BrandedDocument {
  organisation: DocumentOrganisation;
  locale: Locale;
  /** The kind of document, in the header and the PDF's metadata ("Eindrapportage"). */
  title: string;
  content: Content[];
  /** A word across every page, for documents that are not final ("CONCEPT"). */
  watermark?: string | null;
  /** A line above the page number on every page (a content hash, a signature date). */
  footerNote?: string | null;
}

const PAGE_MARGINS: [number, number, number, number] = [48, 84, 48, 64];

function header(input: BrandedDocument, color: string, logo: string | null) {
  return (_page: number, _count: number, size: ContextPageSize): Content => {
    const width = size.width - PAGE_MARGINS[0] - PAGE_MARGINS[2];
    const left: Content = logo
      ? { image: "logo", fit: [160, 36] }
      : { text: input.organisation.name, bold: true, fontSize: 14, color };
    const right: Content = {
      stack: [
        { text: input.title, bold: true, color },
        ...(logo ? [{ text: input.organisation.name, fontSize: 8, color: MUTED_COLOR }] : []),
      ],
      alignment: "right",
      fontSize: 10,
    };
    return {
      margin: [PAGE_MARGINS[0], 28, PAGE_MARGINS[2], 0],
      stack: [
        { columns: [left, right], columnGap: 12 },
        {
          canvas: [{ type: "line", x1: 0, y1: 6, x2: width, y2: 6, lineWidth: 1.5, lineColor: color }],
        },
      ],
    };
  };
}

function footer(input: BrandedDocument) {
  return (page: number, count: number): Content => ({
    margin: [PAGE_MARGINS[0], 16, PAGE_MARGINS[2], 0],
    fontSize: 8,
    color: MUTED_COLOR,
    columns: [
      { text: input.footerNote ?? "", width: "*" },
      { text: words[input.locale].page(page, count), width: "auto", alignment: "right" },
    ],
    columnGap: 12,
  });
}

export function brandedDefinition(input: BrandedDocument, options: { logo: boolean }): TDocumentDefinitions {
  const color = brandColor(input.organisation.primaryColor);
  const logo = options.logo ? logoDataUrl(input.organisation) : null;
  return {
    pageSize: "A4",
    pageMargins: PAGE_MARGINS,
    language: intlLocale(input.locale),
    info: { title: input.title, author: input.organisation.name, creator: "Koers", producer: "Koers" },
    ...(logo ? { images: { logo } } : {}),
    header: header(input, color, logo),
    footer: footer(input),
    ...(input.watermark
      ? { watermark: { text: input.watermark, color: MUTED_COLOR, opacity: 0.12, bold: true, fontSize: 96 } }
      : {}),
    content: input.content,
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 20, bold: true, color, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 12, color: MUTED_COLOR, margin: [0, 0, 0, 12] },
      heading: { fontSize: 13, bold: true, color, margin: [0, 16, 0, 6] },
      tableHeader: { bold: true, fontSize: 9, color: MUTED_COLOR },
      small: { fontSize: 8.5, color: MUTED_COLOR },
      notice: { italics: true, color: MUTED_COLOR, margin: [0, 0, 0, 8] },
    },
  };
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await pdfmakeConfigured();
  return pdfmake.createPdf(definition).getBuffer();
}

/**
 * Renders a branded document. A logo whose bytes look like PNG or JPEG but cannot be drawn
 * leaves the organisation's name in its place instead of failing the document.
 */
export async function renderBrandedPdf(input: BrandedDocument): Promise<Buffer> {
  if (!logoDataUrl(input.organisation)) return renderPdf(brandedDefinition(input, { logo: false }));
  try {
    return await renderPdf(brandedDefinition(input, { logo: true }));
  } catch {
    return renderPdf(brandedDefinition(input, { logo: false }));
  }
}
