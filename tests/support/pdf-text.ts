import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * Reading PDFs in tests the way a person would: the text of each page, and how many images
 * are drawn. Whitespace is collapsed to single spaces, so a title wrapped over two lines is
 * still found whole.
 */

async function open(pdf: Uint8Array) {
  // pdfjs takes ownership of the bytes it is given: hand it a copy.
  return getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, useSystemFonts: false })
    .promise;
}

/** The text of each page, in order. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const document = await open(pdf);
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
      pages.push(text.replace(/\s+/g, " ").trim());
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** The text of the whole document, pages separated by a line break. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return (await pdfPages(pdf)).join("\n");
}

/** How many images are painted, summed over all pages (a logo in every header counts per page). */
export async function pdfImageCount(pdf: Uint8Array): Promise<number> {
  const document = await open(pdf);
  try {
    let count = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const operators = await page.getOperatorList();
      count += operators.fnArray.filter(
        (op) => op === OPS.paintImageXObject || op === OPS.paintInlineImageXObject,
      ).length;
    }
    return count;
  } finally {
    await document.destroy();
  }
}
