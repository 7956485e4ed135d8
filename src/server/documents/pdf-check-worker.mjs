// A worker thread of the PDF check pool: reads an uploaded PDF whole, every page's content, fonts
// and images, the way a viewer would before drawing it. Throws when any of it cannot be read.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The pages of the PDF in `bytes`, once every one of them has been read without an error. */
export default async function check({ bytes, maxPages }) {
  const document = await getDocument({
    data: bytes,
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    // Fail on the first thing that cannot be parsed, rather than recovering what it can.
    stopAtErrors: true,
  }).promise;
  try {
    if (document.numPages > maxPages) return { pages: document.numPages, tooManyPages: true };
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      await page.getOperatorList();
      page.cleanup();
    }
    return { pages: document.numPages, tooManyPages: false };
  } finally {
    await document.destroy();
  }
}
