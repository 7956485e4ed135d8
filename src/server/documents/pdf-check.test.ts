import type { FastifyBaseLogger } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { samplePdf } from "../../../tests/support/sample-pdf.js";
import { HttpProblem } from "../http/problem.js";
import { createPdfChecker } from "./pdf-check.js";

const logged: unknown[] = [];
const log = { info: (entry: unknown) => logged.push(entry) } as unknown as FastifyBaseLogger;
const checker = createPdfChecker(log, { maxPages: 3 });
afterAll(() => checker.close());

/** The field message a refused file gets, or "accepted". */
async function verdict(bytes: Buffer, check = checker) {
  try {
    await check.assertReadable(bytes, "file");
    return "accepted";
  } catch (error) {
    if (!(error instanceof HttpProblem)) throw error;
    const field = error.fields.file;
    return typeof field === "string" ? field : field?.key;
  }
}

describe("reading an uploaded PDF whole", () => {
  it("accepts a real document and counts its pages", async () => {
    expect(await checker.assertReadable(samplePdf({ pages: ["Eén", "Twee"] }), "file")).toEqual({ pages: 2 });
    expect(await verdict(samplePdf({ pages: ["Gecomprimeerd"], compress: true }))).toBe("accepted");
  });

  it("refuses what only starts like a PDF, and a document cut off halfway", async () => {
    expect(await verdict(Buffer.from("%PDF-1.4 niet echt"))).toBe("field.pdfUnreadable");
    expect(await verdict(Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(5000, 0xab)]))).toBe(
      "field.pdfUnreadable",
    );
    const truncated = samplePdf({ pages: ["Hallo"], compress: true });
    expect(await verdict(truncated.subarray(0, truncated.length / 2))).toBe("field.pdfUnreadable");
  });

  it("refuses more pages than allowed, naming the limit", async () => {
    const error = await checker.assertReadable(samplePdf({ pages: ["1", "2", "3", "4"] }), "file").catch((e) => e);
    expect(error).toBeInstanceOf(HttpProblem);
    expect(error.fields.file).toEqual({ key: "field.pdfTooManyPages", values: { max: 3 } });
  });

  it("stops reading a file that inflates beyond reason, and reads the next one as usual", async () => {
    const impatient = createPdfChecker(log, { timeoutMs: 1500 });
    try {
      // A quarter of a megabyte that unpacks to a quarter of a gigabyte of page content.
      const bomb = samplePdf({ content: Buffer.alloc(250 * 1024 * 1024, 0x30), compress: true });
      expect(bomb.length).toBeLessThan(1024 * 1024);
      expect(await verdict(bomb, impatient)).toBe("field.pdfTooHeavy");
      expect(await verdict(samplePdf(), impatient)).toBe("accepted");
    } finally {
      await impatient.close();
    }
    // Packing the quarter gigabyte takes seconds of its own on a busy machine.
  }, 30_000);

  it("logs only the kind of error, never the file's content", () => {
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toMatch(/Hallo|niet echt/);
  });
});
