import type { FastifyBaseLogger } from "fastify";
import { Piscina } from "piscina";
import { HttpProblem, invalid } from "../http/problem.js";

/**
 * Uploaded PDFs are read whole before they are accepted (decision 0030): every page's content,
 * fonts and images, in a worker thread of their own. A damaged, password-protected or
 * deliberately heavy file is refused at its field; it can end that worker, never the process.
 * One file is read at a time; a file still being read after `timeoutMs` is refused as too heavy.
 */
export interface PdfChecker {
  /** Throws a 422 at `field` when the PDF cannot be read whole, a 503 when too many wait. */
  assertReadable(bytes: Buffer, field: string): Promise<{ pages: number }>;
  close(): Promise<void>;
}

export interface PdfCheckOptions {
  /** How long one file may take to read; a normal scan of a few pages takes well under a second. */
  timeoutMs?: number;
  /** How many files may wait their turn; beyond that the answer is 503. */
  queue?: number;
  /** The most pages an uploaded PDF may have. */
  maxPages?: number;
}

export const PDF_MAX_PAGES = 200;

export function createPdfChecker(log: FastifyBaseLogger, options: PdfCheckOptions = {}): PdfChecker {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxPages = options.maxPages ?? PDF_MAX_PAGES;
  const pool = new Piscina({
    filename: new URL("./pdf-check-worker.mjs", import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    maxQueue: options.queue ?? 20,
    idleTimeout: 30_000,
    // A file that makes the reader build a huge structure ends its worker, not the server.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  return {
    async assertReadable(bytes, field) {
      if (pool.queueSize >= pool.options.maxQueue) throw new HttpProblem(503, "document.busy");
      let result: { pages: number; tooManyPages: boolean };
      try {
        // A copy, so the caller's bytes stay whole: the reader takes ownership of what it is given.
        result = await pool.run({ bytes: new Uint8Array(bytes), maxPages }, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        // Only the kind of error: its message may quote the file.
        const { name } = error as { name?: string };
        log.info({ err: { name } }, "uploaded PDF refused");
        throw invalid({ [field]: name === "AbortError" ? "field.pdfTooHeavy" : "field.pdfUnreadable" });
      }
      if (result.tooManyPages) throw invalid({ [field]: { key: "field.pdfTooManyPages", values: { max: maxPages } } });
      return { pages: result.pages };
    },
    close: () => pool.destroy(),
  };
}
