import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { pdfText } from "../../../../tests/support/pdf-text.js";
import { renderBillingCsv, renderBillingPdf } from "./render-billing.js";
import { billingInput } from "./test-factories.js";

const BOM = "\uFEFF";

/** The CSV as Excel would see its cells: BOM off, semicolons, quotes undone. */
const cells = (csv: string) =>
  Papa.parse<string[]>(csv.slice(BOM.length), { delimiter: ";", newline: "\r\n", skipEmptyLines: true }).data;

describe("billing CSV", () => {
  it("starts with a byte order mark so Excel reads UTF-8, and ends lines with CRLF", () => {
    const csv = renderBillingCsv(billingInput());
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(BOM.length).startsWith(BOM)).toBe(false);
    expect(csv.split("\r\n")).toHaveLength(6);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("has a Dutch header, a line per held meeting in date order with minutes and h:mm, and a totals row", () => {
    expect(renderBillingCsv(billingInput()).slice(BOM.length)).toBe(
      [
        "Datum;Tijd;Soort;Status;Duur (min);Voorbereiding (min);Reistijd (min);Totaal (min);Totaal (u:mm)",
        "2026-02-09;14:00;Intakegesprek;Gehouden;60;15;0;75;1:15",
        "2026-03-02;09:30;Klassenbezoek;Gehouden;50;20;40;110;1:50",
        "2026-03-09;09:30;Klassenbezoek;Gehouden;50;0;40;90;1:30",
        "Totaal;;3 bijeenkomsten;;160;35;80;275;4:35",
        "",
      ].join("\r\n"),
    );
  });

  it("has an English header and totals for an English reader", () => {
    const [header, , , , totals] = cells(renderBillingCsv(billingInput({ locale: "en" })));
    expect(header).toEqual([
      "Date",
      "Time",
      "Type",
      "Status",
      "Duration (min)",
      "Preparation (min)",
      "Travel (min)",
      "Total (min)",
      "Total (h:mm)",
    ]);
    expect(totals).toEqual(["Total", "", "3 meetings", "", "160", "35", "80", "275", "4:35"]);
  });

  it("writes hours as h:mm from integer minutes, for one meeting too", () => {
    const csv = renderBillingCsv(billingInput({ meetings: [{ durationMinutes: 135, travelMinutes: 5 }] }));
    expect(cells(csv).slice(1)).toEqual([
      ["2026-03-02", "09:30", "Klassenbezoek", "Gehouden", "135", "0", "5", "140", "2:20"],
      ["Totaal", "", "1 bijeenkomst", "", "135", "0", "5", "140", "2:20"],
    ]);
  });

  it("quotes cells holding semicolons, quotes or line breaks, so each stays one cell", () => {
    const label = 'Bezoek; "extra"\nmet nagesprek';
    const csv = renderBillingCsv(billingInput({ meetings: [{ typeLabel: label }] }));
    expect(csv).toContain('"Bezoek; ""extra""\nmet nagesprek"');
    expect(cells(csv)[1]?.[2]).toBe(label);
  });

  it("never lets a cell start a formula: = + - @ and tab get a leading quote", () => {
    const labels = ['=HYPERLINK("http://evil.example";"klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "\t=1", "=1+1\nx"];
    const csv = renderBillingCsv(billingInput({ meetings: labels.map((typeLabel) => ({ typeLabel })) }));
    const types = cells(csv)
      .slice(1, -1)
      .map((row) => row[2]);
    expect(types).toEqual(labels.map((label) => `'${label}`));
    // Numbers stay numbers: nothing else in the file starts with a quote.
    expect(csv.match(/(^|;)"?'/gm)).toHaveLength(labels.length);
  });

  it("has only the header and a zero totals row when nothing was held", () => {
    expect(cells(renderBillingCsv(billingInput({ meetings: [] })))).toEqual([
      [
        "Datum",
        "Tijd",
        "Soort",
        "Status",
        "Duur (min)",
        "Voorbereiding (min)",
        "Reistijd (min)",
        "Totaal (min)",
        "Totaal (u:mm)",
      ],
      ["Totaal", "", "0 bijeenkomsten", "", "0", "0", "0", "0", "0:00"],
    ]);
  });
});

describe("billing PDF", () => {
  it("shows the trajectory, its status with the reason, every line and the totals", async () => {
    const text = await pdfText(await renderBillingPdf(billingInput()));
    expect(text).toContain("Zorggroep De Linde Urenverantwoording");
    expect(text).toContain("Werkbegeleiding Daan Bakker");
    expect(text).toContain("Status Afgebroken Reden Afgebroken wegens langdurige ziekte.");
    expect(text).toContain("Periode 2 februari 2026 – 26 juni 2026");
    expect(text).toContain("9 februari 2026 om 14:00 Intakegesprek Gehouden 1:00 0:15 0:00 1:15");
    expect(text).toContain("2 maart 2026 om 09:30 Klassenbezoek Gehouden 0:50 0:20 0:40 1:50");
    expect(text).toContain("Totaal 3 bijeenkomsten 2:40 0:35 1:20 4:35");
    expect(text).toContain(
      "Totalen Bijeenkomsten 3 Duur 2:40 (160 min) Voorbereiding 0:35 (35 min) Reistijd 1:20 (80 min) Totaal 4:35 (275 min)",
    );
    expect(text).toContain("Pagina 1 van 1");
  });

  it("is in English for an English reader", async () => {
    const text = await pdfText(await renderBillingPdf(billingInput({ locale: "en" })));
    expect(text).toContain("Hours statement");
    expect(text).toContain("Total 3 meetings 2:40 0:35 1:20 4:35");
    expect(text).toContain("Total 4:35 (275 min)");
    expect(text).toContain("Page 1 of 1");
  });

  it("says so when no meeting was held", async () => {
    const text = await pdfText(await renderBillingPdf(billingInput({ meetings: [] })));
    expect(text).toContain("Er zijn geen gehouden bijeenkomsten.");
    expect(text).toContain("Totaal 0:00 (0 min)");
  });
});
