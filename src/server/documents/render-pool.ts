import { availableParallelism } from "node:os";
import type { FastifyBaseLogger } from "fastify";
import { Piscina } from "piscina";
import { HttpProblem } from "../http/problem.js";
import type { PdfTask } from "./render-task.js";

/**
 * PDFs are rendered in worker threads, never on the thread that answers requests: a layout of
 * many pages does not hold up other requests, and an input the renderer cannot handle (a damaged
 * image whose decoder throws where no caller can catch it) ends that one worker and fails that one
 * request with a problem, not the process. At most `threads` documents are rendered at once; up
 * to `queue` more wait their turn, beyond that the answer is 503.
 */
export interface PdfRenderer {
  render(task: PdfTask): Promise<Buffer>;
  close(): Promise<void>;
}

export interface PdfPoolOptions {
  threads?: number;
  queue?: number;
}

/** One thread less than the machine has, so the main thread keeps a core; at least one, at most four. */
export const defaultPdfThreads = () => Math.max(1, Math.min(4, availableParallelism() - 1));

export function createPdfRenderer(log: FastifyBaseLogger, options: PdfPoolOptions = {}): PdfRenderer {
  const threads = options.threads ?? defaultPdfThreads();
  const pool = new Piscina({
    filename: new URL("./render-worker.mjs", import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    maxQueue: options.queue ?? 100,
    // A worker that idles for a while is ended; the next document starts one again.
    idleTimeout: 60_000,
  });
  return {
    async render(task) {
      if (pool.queueSize >= pool.options.maxQueue) throw new HttpProblem(503, "document.busy");
      try {
        const bytes: Uint8Array = await pool.run(task);
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        if (error instanceof HttpProblem) throw error;
        // Only the kind of document and of error: the message may quote the document's data.
        const { name, code } = error as { name?: string; code?: string };
        log.error({ err: { name, code }, kind: task.kind }, "document could not be rendered");
        throw new HttpProblem(500, "document.renderFailed");
      }
    },
    close: () => pool.destroy(),
  };
}
