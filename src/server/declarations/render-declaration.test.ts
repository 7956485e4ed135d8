import { describe, expect, it } from "vitest";
import { pdfPages } from "../../../tests/support/pdf-text.js";
import { declarationContent } from "../../domain/declarations/content.js";
import { contentHash } from "../../domain/declarations/hash.js";
import { endSpec, facts, startSpec } from "../../domain/declarations/test-factories.js";
import { type DeclarationPdfInput, renderDeclarationPdf } from "./render-declaration.js";

const organisation = { name: "Zorggroep De Linde", primaryColor: "#1c7ed6", logo: null, logoMime: null };

function input(changes: Partial<DeclarationPdfInput> = {}): DeclarationPdfInput {
  const content = declarationContent(startSpec(), facts({ motivationSha256: "b".repeat(64) }));
  return {
    organisation,
    locale: "nl",
    content,
    number: 2,
    status: "signed",
    contentSha256: contentHash(content),
    frozenAt: "2026-02-01T09:15:00.000Z",
    signatures: [
      { name: "Daan Bakker", slotLabel: "Professional", signedAt: "2026-02-01T09:15:00.000Z", ip: "192.0.2.10" },
      {
        name: "Sanne Visser",
        slotLabel: "Werkgever of werkbegeleider",
        signedAt: "2026-02-02T14:30:00.000Z",
        ip: "2001:db8::7",
      },
    ],
    verifyUrl: "https://koers.example/verifieren",
    ...changes,
  };
}

describe("declaration PDF", () => {
  it("prints the signed content, then an audit page with each signature, the hash and where to verify", async () => {
    const given = input();
    const pages = await pdfPages(await renderDeclarationPdf(given));
    const document = pages.slice(0, -1).join(" ");
    const audit = pages.at(-1) ?? "";
    expect(document).toContain("Verklaring plan werkbegeleiding");
    expect(document).toContain("Formulier A · Versie 2");
    expect(document).toContain("Voldoet met een gemotiveerd verzoek");
    expect(document).toContain(`Geüpload (SHA-256 ${"b".repeat(64)})`);
    expect(document).not.toContain("CONCEPT");
    expect(audit).toContain("Controlepagina");
    // Dutch time: 09:15 UTC in winter is 10:15 in Amsterdam.
    expect(audit).toContain(
      "Daan Bakker Professional 1 februari 2026 om 10:15 192.0.2.10 wachtwoord opnieuw ingevoerd",
    );
    expect(audit).toContain("2001:db8::7");
    expect(audit).toContain(`SHA-256 van de inhoud ${given.contentSha256}`);
    expect(audit).toContain("Versie 2");
    expect(audit).toContain("https://koers.example/verifieren");
  });

  it("prints a signer's address only where the reader may see it, and says it is withheld elsewhere", async () => {
    const given = input();
    const [own, other] = given.signatures;
    if (!own || !other) throw new Error("two signatures");
    const audit = (await pdfPages(await renderDeclarationPdf(input({ signatures: [own, { ...other, ip: null }] })))).at(
      -1,
    );
    expect(audit).toContain("192.0.2.10");
    expect(audit).not.toContain("2001:db8::7");
    expect(audit).toContain("Sanne Visser Werkgever of werkbegeleider 2 februari 2026 om 15:30 afgeschermd");
  });

  it("marks a draft on every page and says the content is not fixed yet", async () => {
    const pages = await pdfPages(
      await renderDeclarationPdf(input({ contentSha256: null, frozenAt: null, signatures: [], status: "open" })),
    );
    for (const page of pages) expect(page).toContain("CONCEPT — niet ondertekend");
    expect(pages.at(-1)).toContain("Nog geen handtekeningen.");
    expect(pages.at(-1)).toContain("Nog niet vastgelegd (concept)");
  });

  it("speaks English on the audit page for an English reader, and prints the end declaration's figures", async () => {
    const content = declarationContent(endSpec(), facts({ deviation: "Two sessions were cancelled." }));
    const pages = await pdfPages(
      await renderDeclarationPdf(input({ content, locale: "en", contentSha256: contentHash(content) })),
    );
    const text = pages.join(" ");
    expect(text).toContain("Course of the guidance");
    expect(text).toContain("Meetings held 2");
    expect(text).toContain("1:45");
    expect(text).toContain("Two sessions were cancelled.");
    expect(pages.at(-1)).toContain("Audit page");
    expect(pages.at(-1)).toContain("password entered again");
  });
});
