import { beforeAll, describe, expect, it } from "vitest";
import { pdfImageCount, pdfPages, pdfText } from "../../../../tests/support/pdf-text.js";
import { renderFinalReportPdf } from "./render-final-report.js";
import { demoLogo, finalReportInput } from "./test-factories.js";

const flat = (text: string) => text.replace(/\s+/g, " ").trim();

describe("final report PDF, a draft in Dutch with 15 goals and 5 visits", () => {
  const input = finalReportInput({ goals: 15, visits: 5, locale: "nl", final: false });
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    const pdf = await renderFinalReportPdf(input);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    pages = await pdfPages(pdf);
    text = pages.join("\n");
  });

  it("has numbered pages, each saying how many there are", () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`Pagina ${i + 1} van ${pages.length}`);
    });
  });

  it("shows the trajectory, its regime and every participant", () => {
    expect(text).toContain(input.trajectory.title);
    expect(text).toContain("Werkbegeleiding leerkracht");
    expect(text).toContain("Periode 2 februari 2026 – 26 juni 2026");
    for (const person of input.participants) expect(text).toContain(`${person.roleLabel} ${person.name}`);
    expect(text).toContain("Fatima Yılmaz");
  });

  it("lists all 15 goals in a table with necessity or wish, the course and the last rating with its label", () => {
    for (const goal of input.goals ?? []) expect(text).toContain(goal.title);
    // One row read across: number, goal, success criterion, rationale, guide ratings, own ratings, last rating.
    expect(text).toContain(
      "1 Doel 1: de leerkracht geeft gedifferentieerde instructie in groep 1 " +
        "Succescriterium: In twee opeenvolgende lessen zichtbaar. Noodzaak 1 › 1 › 2 › 2 › 2 zelf: 2 › 3 › 4 " +
        "2 / 4 Meer zwak dan sterk",
    );
    expect(text).toMatch(/3 Doel 3: [^#]*? Wens 2 › 2 › 2 › 3 › 3 zelf: 2 › 3 › 4 3 \/ 4 Meer sterk dan zwak/);
  });

  it("prints every report section under its label, line by line", () => {
    for (const section of input.sections) {
      expect(text).toContain(section.label);
      // A long section runs over a page break, where the footer and header come in between.
      for (const line of section.text.split("\n").filter((l) => l.trim())) expect(text).toContain(flat(line));
    }
    expect(text).toContain(
      "Noodzaak van vervolgstappen Noodzaak van vervolgstappen: besproken met de opdrachtgever. Vervolg in het nieuwe schooljaar.",
    );
    expect(text).toContain("Er zijn 6 bijeenkomsten gehouden: - 9 februari 2026: Intakegesprek");
  });

  it("lists the meetings with date, local time, type and duration", () => {
    expect(text).toContain("Bijeenkomsten Datum Soort Duur (u:mm) 9 februari 2026 om 14:00 Intakegesprek 1:00");
    expect(text).toContain("22 maart 2026 om 09:30 Klassenbezoek 0:50");
  });

  it("is marked CONCEPT on every page and carries no content hash", () => {
    for (const page of pages) expect(page).toContain("CONCEPT");
    expect(text).toContain("Concept: deze rapportage is nog niet vastgesteld.");
    expect(text).not.toContain("SHA-256");
    expect(text).not.toContain("Vastgesteld op");
  });
});

describe("final report PDF, finalised, in English", () => {
  const input = finalReportInput({ locale: "en", final: true });
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    pages = await pdfPages(await renderFinalReportPdf(input));
    text = pages.join("\n");
  });

  it("has English labels throughout", () => {
    expect(text).toContain("Final report");
    expect(text).toContain("Goals # Goal Necessity or wish Course Last rating");
    expect(text).toContain(
      "1 Goal 1: the teacher gives differentiated instruction in group 1 Success criterion: Visible in two lessons in a row. Necessity",
    );
    expect(text).toContain("Meetings Date Type Duration (h:mm) 9 February 2026 at 14:00 Intake meeting 1:00");
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(text).not.toMatch(/Pagina|Doelen|Bijeenkomsten|Noodzaak/);
  });

  it("has no draft watermark", () => {
    expect(text).not.toContain("DRAFT");
    expect(text).not.toContain("CONCEPT");
    expect(text).not.toContain("not been finalised");
  });

  it("states when it was finalised and prints the SHA-256 of its content on every page", () => {
    expect(text).toContain("Finalised on 24 June 2026 at 16:05.");
    for (const page of pages) expect(page).toContain(`SHA-256 of the finalised content: ${input.contentSha256}`);
  });
});

describe("final report PDF, edge cases", () => {
  it("numbers goals by their position, whatever order they arrive in, and says when one is not rated", async () => {
    const input = finalReportInput({ goals: 3, visits: 0 });
    input.goals?.reverse();
    const text = await pdfText(await renderFinalReportPdf(input));
    expect(text).toMatch(/1 Doel 1: .*2 Doel 2: .*3 Doel 3: /);
    expect(text).toContain("Nog niet beoordeeld");
  });

  it("says so when there are no goals and no meetings, and marks an empty section", async () => {
    const input = { ...finalReportInput({ goals: 0 }), meetings: [] };
    input.sections = [{ label: "Aandachtspunten voor de toekomst", text: "  " }];
    const text = await pdfText(await renderFinalReportPdf(input));
    expect(text).toContain("Er zijn geen doelen vastgelegd.");
    expect(text).toContain("Er zijn geen bijeenkomsten gehouden.");
    expect(text).toContain("Aandachtspunten voor de toekomst —");
  });
});

describe("final report PDF, for a reader who sees less", () => {
  // Sections are the guide's own words; only the generated tables follow the reader.
  const rated = { ...finalReportInput({ goals: 2, visits: 3 }), sections: [{ label: "Conclusie", text: "Goed." }] };
  const hide = (kind: "guide" | "self") =>
    rated.goals?.map((g) => ({ ...g, points: g.points.map((p) => ({ ...p, [kind]: null })) })) ?? null;

  it("shows no self-assessment scores to a reader who sees only the guide's ratings", async () => {
    const text = await pdfText(await renderFinalReportPdf({ ...rated, goals: hide("self"), ratingKinds: ["guide"] }));
    expect(text).toContain("Laatste beoordeling");
    expect(text).not.toContain("zelf:");
  });

  it("shows no rating columns at all to a reader who sees neither, and no meetings to one who sees none", async () => {
    const goals = hide("guide")?.map((g) => ({ ...g, points: g.points.map((p) => ({ ...p, self: null })) })) ?? null;
    const text = await pdfText(await renderFinalReportPdf({ ...rated, goals, ratingKinds: [], meetings: null }));
    expect(text).toContain(rated.goals?.[0]?.title);
    expect(text).not.toMatch(/Verloop|Laatste beoordeling|zelf:|›/);
    expect(text).not.toContain("Bijeenkomsten");
  });
});

describe("final report PDF branding", () => {
  it("draws a PNG logo in the header of every page", async () => {
    const pdf = await renderFinalReportPdf(
      finalReportInput({ organisation: { logo: demoLogo(), logoMime: "image/png" } }),
    );
    const pages = await pdfPages(pdf);
    expect(await pdfImageCount(pdf)).toBe(pages.length);
  });

  it("shows the organisation's name instead when there is no logo", async () => {
    const pdf = await renderFinalReportPdf(finalReportInput({ goals: 1, visits: 1 }));
    expect(await pdfImageCount(pdf)).toBe(0);
    expect(await pdfText(pdf)).toContain("Zorggroep De Linde Eindrapportage");
  });

  it("leaves out a WebP logo, which PDF cannot hold, and shows the name", async () => {
    const webp = Buffer.concat([
      Buffer.from("RIFF"),
      Buffer.from([0x24, 0, 0, 0]),
      Buffer.from("WEBPVP8 "),
      Buffer.alloc(24),
    ]);
    const pdf = await renderFinalReportPdf(
      finalReportInput({ goals: 1, visits: 1, organisation: { logo: webp, logoMime: "image/webp" } }),
    );
    expect(await pdfImageCount(pdf)).toBe(0);
    expect(await pdfText(pdf)).toContain("Zorggroep De Linde Eindrapportage");
  });

  it("leaves out a logo that looks like a PNG but cannot be read, instead of failing", async () => {
    const broken = Buffer.concat([demoLogo().subarray(0, 8), Buffer.from("not an image at all")]);
    const pdf = await renderFinalReportPdf(
      finalReportInput({ goals: 1, visits: 1, organisation: { logo: broken, logoMime: "image/png" } }),
    );
    expect(await pdfImageCount(pdf)).toBe(0);
    expect(await pdfText(pdf)).toContain("Zorggroep De Linde Eindrapportage");
  });
});
