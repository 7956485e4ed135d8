import { describe, expect, it } from "vitest";
import { pdfText } from "../../../../tests/support/pdf-text.js";
import { brandColor, brandedDefinition, FALLBACK_COLOR, logoDataUrl, renderBrandedPdf } from "./pdf.js";
import { demoLogo, organisation } from "./test-factories.js";

describe("branded PDF basics", () => {
  it("colours titles, headings and the header rule with the organisation's colour", () => {
    const definition = brandedDefinition(
      { organisation: organisation({ primaryColor: "#2B6E3F" }), locale: "nl", title: "Eindrapportage", content: [] },
      { logo: false },
    );
    const styles = definition.styles ?? {};
    expect(styles.title?.color).toBe("#2b6e3f");
    expect(styles.heading?.color).toBe("#2b6e3f");
    const header =
      typeof definition.header === "function" ? definition.header(1, 1, { width: 595, height: 842 } as never) : null;
    expect(JSON.stringify(header)).toContain('"lineColor":"#2b6e3f"');
  });

  it("falls back to the Koers colour for anything that is not #rrggbb", () => {
    for (const color of ["red", "#abc", "#2b6e3f; x", ""]) expect(brandColor(color)).toBe(FALLBACK_COLOR);
  });

  it("embeds PNG and JPEG logos only, decided by the bytes", () => {
    expect(logoDataUrl(organisation({ logo: demoLogo(), logoMime: "image/webp" }))).toMatch(/^data:image\/png;base64,/);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    expect(logoDataUrl(organisation({ logo: jpeg, logoMime: "image/jpeg" }))).toMatch(/^data:image\/jpeg;base64,/);
    const webp = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 ")]);
    expect(logoDataUrl(organisation({ logo: webp, logoMime: "image/webp" }))).toBeNull();
    expect(logoDataUrl(organisation({ logo: Buffer.alloc(0), logoMime: "image/png" }))).toBeNull();
  });

  it("puts the watermark and footer note on every page", async () => {
    const content = Array.from({ length: 120 }, (_, i) => ({ text: `Regel ${i + 1}` }));
    const text = await pdfText(
      await renderBrandedPdf({
        organisation: organisation(),
        locale: "en",
        title: "Declaration",
        content,
        watermark: "DRAFT",
        footerNote: "Signed on 1 March 2026",
      }),
    );
    const pages = text.split("\n");
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain("Zorggroep De Linde Declaration");
      expect(page).toContain("DRAFT");
      expect(page).toContain(`Signed on 1 March 2026 Page ${i + 1} of ${pages.length}`);
    });
  });
});
