import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { DeclarationContent } from "../../domain/declarations/content.js";
import type { Locale } from "../../domain/regimes/schema.js";
import { formatMinutes } from "../../domain/trajectories/hours.js";
import {
  type BrandedDocument,
  brandColor,
  brandedDefinition,
  brandedTableLayout,
  type DocumentOrganisation,
  formatDate,
  formatDateTime,
  logoDataUrl,
  renderPdf,
} from "../trajectories/documents/pdf.js";

/** Everything a declaration's PDF shows, loaded beforehand: no queries here. */
export interface DeclarationPdfInput {
  organisation: DocumentOrganisation;
  /** The reader's language, for the labels and the audit page; the content keeps its own. */
  locale: Locale;
  content: DeclarationContent;
  number: number;
  status: "open" | "signed" | "superseded";
  /** Null while nobody has signed: the document is a draft. */
  contentSha256: string | null;
  frozenAt: string | null;
  /** The address only where the reader may see it (the admin, the signer); null elsewhere. */
  signatures: { name: string; slotLabel: string; signedAt: string; ip: string | null }[];
  /** Where anyone can check the document: the public address of the verification page. */
  verifyUrl: string;
}

const nl = {
  watermark: "CONCEPT — niet ondertekend",
  draftNotice:
    "Concept: nog door niemand ondertekend. De inhoud volgt de gegevens van het traject tot de eerste handtekening.",
  partlySigned: "Nog niet door alle partijen ondertekend.",
  superseded: "Deze versie is vervangen door een nieuwere versie.",
  form: (form: string) => `Formulier ${form}`,
  version: (n: number) => `Versie ${n}`,
  versionLabel: "Versie",
  trajectory: "Traject",
  regime: "Regeling",
  period: "Periode",
  reregistration: "Herregistratiedatum",
  parties: "Betrokkenen",
  eligibility: "Geschiktheid van de werkbegeleider",
  verdict: "Oordeel",
  rule: "Regel",
  reasons: "Gronden",
  judgedOn: "Beoordeeld op",
  motivation: "Gemotiveerd verzoek",
  motivationYes: (sha: string) => `Geüpload (SHA-256 ${sha})`,
  motivationNo: "Niet geüpload",
  plan: "Plan",
  evaluationMoments: "Evaluatiemomenten",
  intensity: "Intensiteit",
  phase: (every: number, times: number, type: string) => `${times} × ${type}, om de ${every} week/weken`,
  none: "—",
  course: "Verloop van de werkbegeleiding",
  meetings: "Gehouden bijeenkomsten",
  hours: "Face-to-face tijd (u:mm)",
  deviation: "Afwijkingen van de voorwaarden",
  noDeviation: "Geen afwijkingen.",
  signers: "Ondertekening",
  audit: "Controlepagina",
  auditIntro:
    "Elke handtekening is gezet in Koers door de ondertekenaar, die daarvoor het eigen wachtwoord opnieuw invoerde. De inhoud is vastgelegd bij de eerste handtekening.",
  name: "Naam",
  slot: "Als",
  when: "Datum en tijd (Nederlandse tijd)",
  ip: "IP-adres",
  ipHidden: "afgeschermd",
  method: "Methode",
  methodValue: "wachtwoord opnieuw ingevoerd",
  noSignatures: "Nog geen handtekeningen.",
  hash: "SHA-256 van de inhoud",
  hashNone: "Nog niet vastgelegd (concept)",
  frozenAt: "Vastgelegd op",
  status: "Status",
  statuses: { open: "Open", signed: "Ondertekend", superseded: "Vervangen" },
  verify: (url: string) =>
    `Controleer deze verklaring op ${url}: upload dit PDF-bestand of voer de SHA-256 van de inhoud in.`,
  footer: (sha: string) => `SHA-256: ${sha}`,
};

const en: typeof nl = {
  watermark: "DRAFT — not signed",
  draftNotice: "Draft: not signed by anyone yet. The content follows the trajectory's data until the first signature.",
  partlySigned: "Not yet signed by all parties.",
  superseded: "This version has been replaced by a newer one.",
  form: (form: string) => `Form ${form}`,
  version: (n: number) => `Version ${n}`,
  versionLabel: "Version",
  trajectory: "Trajectory",
  regime: "Regime",
  period: "Period",
  reregistration: "Re-registration date",
  parties: "Parties",
  eligibility: "Eligibility of the guide",
  verdict: "Judgement",
  rule: "Rule",
  reasons: "Grounds",
  judgedOn: "Judged on",
  motivation: "Motivated request",
  motivationYes: (sha: string) => `Uploaded (SHA-256 ${sha})`,
  motivationNo: "Not uploaded",
  plan: "Plan",
  evaluationMoments: "Evaluation moments",
  intensity: "Intensity",
  phase: (every: number, times: number, type: string) => `${times} × ${type}, every ${every} week(s)`,
  none: "—",
  course: "Course of the guidance",
  meetings: "Meetings held",
  hours: "Face-to-face time (h:mm)",
  deviation: "Deviations from the conditions",
  noDeviation: "No deviations.",
  signers: "Signatures",
  audit: "Audit page",
  auditIntro:
    "Each signature was made in Koers by the signer, who entered their own password again to do so. The content was fixed at the first signature.",
  name: "Name",
  slot: "As",
  when: "Date and time (Dutch time)",
  ip: "IP address",
  ipHidden: "withheld",
  method: "Method",
  methodValue: "password entered again",
  noSignatures: "No signatures yet.",
  hash: "SHA-256 of the content",
  hashNone: "Not fixed yet (draft)",
  frozenAt: "Fixed on",
  status: "Status",
  statuses: { open: "Open", signed: "Signed", superseded: "Superseded" },
  verify: (url: string) =>
    `Verify this declaration at ${url}: upload this PDF file or enter the SHA-256 of the content.`,
  footer: (sha: string) => `SHA-256: ${sha}`,
};

const dictionary: Record<Locale, typeof nl> = { nl, en };

const pairs = (rows: [string, string][]): Content => ({
  table: {
    widths: [150, "*"],
    body: rows.map(([label, value]) => [{ text: label, style: "tableHeader" }, { text: value }]),
  },
  layout: "noBorders",
});

const paragraph = (text: string): Content => ({ text: text.replace(/\r\n?/g, "\n") });

/** The declaration's own text: what was (or will be) signed. */
function documentPart(input: DeclarationPdfInput, words: typeof nl, color: string): Content[] {
  const { content, locale } = input;
  const out: Content[] = [
    { text: content.title, style: "title" },
    {
      text: [content.form ? words.form(content.form) : null, words.version(input.number)].filter(Boolean).join(" · "),
      style: "subtitle",
    },
  ];
  if (!input.contentSha256) out.push({ text: words.draftNotice, style: "notice" });
  else if (input.status === "superseded") out.push({ text: words.superseded, style: "notice" });
  else if (input.status === "open") out.push({ text: words.partlySigned, style: "notice" });
  out.push(
    pairs([
      [words.trajectory, content.trajectory.title],
      [words.regime, content.trajectory.regime],
      [
        words.period,
        `${formatDate(content.trajectory.startsOn, locale)} – ${formatDate(content.trajectory.endsOn, locale)}`,
      ],
      ...(content.trajectory.reregistrationDate
        ? [[words.reregistration, formatDate(content.trajectory.reregistrationDate, locale)] as [string, string]]
        : []),
    ]),
    { text: content.statement, margin: [0, 12, 0, 0], bold: true },
  );
  if (content.parties) {
    out.push({ text: words.parties, style: "heading" });
    out.push(pairs(content.parties.map((p) => [p.roleLabel, p.name])));
  }
  if (content.guideEligibility) {
    const g = content.guideEligibility;
    out.push({ text: words.eligibility, style: "heading" });
    out.push(
      pairs([
        [words.verdict, g.verdictLabel],
        ...(g.rule ? [[words.rule, g.rule] as [string, string]] : []),
        ...(g.reasons.length ? [[words.reasons, g.reasons.join("\n")] as [string, string]] : []),
        ...(g.judgedOn ? [[words.judgedOn, formatDate(g.judgedOn, locale)] as [string, string]] : []),
        [words.motivation, g.motivationSha256 ? words.motivationYes(g.motivationSha256) : words.motivationNo],
      ]),
    );
  }
  if (content.plan) {
    const plan = content.plan;
    out.push({ text: words.plan, style: "heading" });
    out.push(pairs(plan.fields.map((f) => [f.label, f.value || words.none])));
    out.push({ text: words.evaluationMoments, style: "heading" });
    out.push(
      plan.evaluationMoments.length
        ? { ul: plan.evaluationMoments.map((m) => `${formatDate(m.date, locale)}: ${m.label}`) }
        : { text: words.none },
    );
    if (plan.intensity) {
      const intensity = plan.intensity;
      out.push({ text: words.intensity, style: "heading" });
      out.push({ ul: intensity.phases.map((p) => words.phase(p.everyWeeks, p.times, intensity.meetingType)) });
    }
  }
  if (content.meetings || content.hours) {
    out.push({ text: words.course, style: "heading" });
    out.push(
      pairs([
        ...(content.meetings ? [[words.meetings, String(content.meetings.held)] as [string, string]] : []),
        ...(content.hours ? [[words.hours, formatMinutes(content.hours.faceToFaceMinutes)] as [string, string]] : []),
      ]),
    );
  }
  if (content.deviation) {
    out.push({ text: words.deviation, style: "heading" });
    out.push(content.deviation.text ? paragraph(content.deviation.text) : { text: words.noDeviation });
  }
  out.push({ text: words.signers, style: "heading" });
  const signedBy = new Map(input.signatures.map((s) => [s.slotLabel, s]));
  out.push({
    table: {
      widths: [150, "*"],
      body: content.signers.map((slot) => {
        const signed = signedBy.get(slot.label);
        return [
          { text: slot.label, style: "tableHeader" },
          { text: signed ? `${signed.name}, ${formatDateTime(signed.signedAt, locale)}` : words.none },
        ];
      }),
    },
    layout: brandedTableLayout(color),
  });
  return out;
}

/** The audit page: who signed when and from where, the content's hash and where to verify it. */
function auditPart(input: DeclarationPdfInput, words: typeof nl, color: string): Content[] {
  const head: TableCell[] = [words.name, words.slot, words.when, words.ip, words.method].map((text) => ({
    text,
    style: "tableHeader",
  }));
  const rows = input.signatures.map((s): TableCell[] => [
    { text: s.name },
    { text: s.slotLabel },
    { text: formatDateTime(s.signedAt, input.locale) },
    s.ip === null ? { text: words.ipHidden, style: "small" } : { text: s.ip },
    { text: words.methodValue },
  ]);
  return [
    { text: words.audit, style: "title", pageBreak: "before" },
    { text: `${input.content.title} · ${words.version(input.number)}`, style: "subtitle" },
    { text: words.auditIntro, margin: [0, 0, 0, 12] },
    rows.length
      ? {
          table: { headerRows: 1, dontBreakRows: true, widths: ["*", 80, 110, 70, 80], body: [head, ...rows] },
          layout: brandedTableLayout(color),
        }
      : { text: words.noSignatures, style: "notice" },
    { text: "", margin: [0, 12, 0, 0] },
    pairs([
      [words.status, words.statuses[input.status]],
      [words.versionLabel, String(input.number)],
      [words.hash, input.contentSha256 ?? words.hashNone],
      ...(input.frozenAt ? [[words.frozenAt, formatDateTime(input.frozenAt, input.locale)] as [string, string]] : []),
    ]),
    { text: words.verify(input.verifyUrl), margin: [0, 16, 0, 0] },
  ];
}

/** The declaration as a branded PDF with its audit page; a draft carries a watermark on every page. */
export async function renderDeclarationPdf(input: DeclarationPdfInput): Promise<Buffer> {
  const words = dictionary[input.locale];
  const color = brandColor(input.organisation.primaryColor);
  const draft = input.contentSha256 === null;
  const document: BrandedDocument = {
    organisation: input.organisation,
    locale: input.locale,
    title: input.content.title,
    content: [...documentPart(input, words, color), ...auditPart(input, words, color)],
    watermark: draft ? words.watermark : null,
    footerNote: input.contentSha256 ? words.footer(input.contentSha256) : null,
  };
  const definition = (logo: boolean): TDocumentDefinitions => {
    const made = brandedDefinition(document, { logo });
    // The long draft words fit the page at a smaller size than the single-word default.
    if (draft && made.watermark && typeof made.watermark === "object")
      made.watermark = { ...made.watermark, fontSize: 44 };
    return made;
  };
  if (!logoDataUrl(input.organisation)) return renderPdf(definition(false));
  try {
    return await renderPdf(definition(true));
  } catch {
    return renderPdf(definition(false));
  }
}
