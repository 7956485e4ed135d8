import { renderCertificatePdf } from "../certificates/render-certificate.js";
import { renderDeclarationPdf } from "../declarations/render-declaration.js";
import { renderEvidencePdf } from "../evidence/documents.js";
import { renderExportPdf } from "../privacy/render-export.js";
import { renderRegisterPdf } from "../privacy/render-register.js";
import { renderBillingPdf } from "../trajectories/documents/render-billing.js";
import { renderFinalReportPdf } from "../trajectories/documents/render-final-report.js";
import { renderProgressReportPdf } from "../trajectories/documents/render-progress-report.js";

/**
 * The PDFs Koers makes, by kind: each renderer takes its input (plain data) and gives the bytes.
 * The render pool runs these in worker threads; the functions themselves know nothing of that.
 */
const renderers = {
  declaration: renderDeclarationPdf,
  evidence: renderEvidencePdf,
  billing: renderBillingPdf,
  finalReport: renderFinalReportPdf,
  progressReport: renderProgressReportPdf,
  certificate: renderCertificatePdf,
  processingRegister: renderRegisterPdf,
  personalExport: renderExportPdf,
};

type Renderers = typeof renderers;
export type PdfKind = keyof Renderers;
export type PdfTask = { [K in PdfKind]: { kind: K; input: Parameters<Renderers[K]>[0] } }[PdfKind];

/** Bytes that crossed a thread arrive as a Uint8Array: the renderers expect a Buffer. */
const asBuffer = (bytes: Uint8Array | null) =>
  bytes === null || Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function renderTask(task: PdfTask): Promise<Buffer> {
  const organisation = { ...task.input.organisation, logo: asBuffer(task.input.organisation.logo) };
  const render = renderers[task.kind] as (input: PdfTask["input"]) => Promise<Buffer>;
  return render({ ...task.input, organisation } as PdfTask["input"]);
}
