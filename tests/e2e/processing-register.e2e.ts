import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERSONAL_DATA } from "../../src/domain/privacy/registry.js";
import {
  expectAccessible,
  expectUncut,
  type Koers,
  openMenuItem,
  signIn,
  startKoers,
  textOf,
  visible,
} from "./support/koers.js";

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

describe("the processing register", () => {
  it("shows the admin, on a phone, every kind of personal data: what, why, who sees it, how long and on erasure", async () => {
    const { page } = await koers.newPage({ width: 375, height: 812 });
    await signIn(page, "beheer@delinde.example");
    await openMenuItem(page, "Verwerkingsregister");
    await visible(page.getByRole("heading", { name: "Verwerkingsregister", level: 2 }));
    const register = page.getByRole("list", { name: "Verwerkingsregister" });
    expect(await register.getByRole("listitem").count()).toBe(PERSONAL_DATA.length);
    const signature = register
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /^Handtekening onder een verklaring/ }) });
    await textOf(signature).toContain("Bewijs voor het register");
    // It goes with its trajectory, and that is kept while a register may still audit it.
    await textOf(signature).toContain("het gaat samen met het traject");
    await textOf(signature).toContain("zolang een register het bewijs nog mag controleren");
    await textOf(signature).toContain("Blijft bewaard onder een wettelijke plicht");
    const post = register
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /^Bericht in een discussie/ }) });
    await textOf(post).toContain("tellingen en uren blijven kloppen");
    const pdf = page.getByRole("link", { name: "Als PDF, voor de functionaris gegevensbescherming" });
    expect(await pdf.getAttribute("href")).toBe("/api/v1/processing-register.pdf");
    // The label is longer than a phone is wide: the button wraps it rather than cutting it off.
    await expectUncut(pdf, "the PDF button on a phone");
    const download = await page.request.get("/api/v1/processing-register.pdf");
    expect(download.headers()["content-type"]).toBe("application/pdf");
    await expectAccessible(page, "processing register, on a phone");

    await page.getByRole("button", { name: /English/ }).click();
    await visible(page.getByRole("heading", { name: "Processing register", level: 2 }));
    await textOf(page.getByRole("list", { name: "Processing register" })).toContain(
      "Until the re-registration the evidence serves has passed",
    );
    await expectAccessible(page, "processing register in English");
  });

  it("is for admins only", async () => {
    const { page } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(page, "daan.bakker@delinde.example");
    await page.goto("/verwerkingsregister");
    await textOf(page.getByRole("alert")).toContain("Je hebt geen toegang tot deze pagina.");
    expect(await page.getByRole("navigation").getByRole("link", { name: "Verwerkingsregister" }).count()).toBe(0);
  });
});
