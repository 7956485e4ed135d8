import { deflateSync } from "node:zlib";

/**
 * Small PDFs made for tests, byte by byte: a real document a PDF reader opens, one page per text,
 * or a page whose content stream is given (to make a damaged or a deliberately heavy file).
 */
export function samplePdf(options: { pages?: string[]; content?: Buffer; compress?: boolean } = {}): Buffer {
  const contents = options.content
    ? [options.content]
    : (options.pages ?? ["Koers"]).map((text) => Buffer.from(`BT /F1 12 Tf 72 720 Td (${pdfString(text)}) Tj ET`));
  const objects: Buffer[] = [];
  const add = (body: string | Buffer) => objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, "latin1"));
  const pageNumbers = contents.map((_, i) => 4 + i * 2);
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(`<< /Type /Pages /Kids [${pageNumbers.map((n) => `${n} 0 R`).join(" ")}] /Count ${contents.length} >>`);
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (const [i, content] of contents.entries()) {
    const number = pageNumbers[i] as number;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${number + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
    );
    const data = options.compress ? deflateSync(content) : content;
    const filter = options.compress ? " /Filter /FlateDecode" : "";
    add(
      Buffer.concat([Buffer.from(`<< /Length ${data.length}${filter} >>\nstream\n`), data, Buffer.from("\nendstream")]),
    );
  }
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(object);
    length += object.length;
  }
  const xref = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  parts.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

const pdfString = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
