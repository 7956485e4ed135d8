import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseFile, errorOf, expectFieldError } from "./support/fields.js";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

let koers: Koers;
let dir: string;
beforeAll(async () => {
  koers = await startKoers();
  dir = mkdtempSync(join(tmpdir(), "koers-branding-"));
});
afterAll(async () => {
  await koers.close();
  rmSync(dir, { recursive: true, force: true });
});

const demoLogo = join(dirname(fileURLToPath(import.meta.url)), "../../src/server/demo/linde.png");

/** The background colour of the page header, as the browser paints it. */
const headerColour = (page: Page) => page.getByRole("banner").evaluate((el) => getComputedStyle(el).backgroundColor);

describe("switching organisation", () => {
  it("shows the other organisation's name and colour everywhere", async () => {
    const { page } = await koers.newPage();
    await signIn(page, "sanne.visser@netwerk.example");
    // Signing in opens the first of her organisations by name.
    await textOf(page.getByRole("heading", { level: 1 })).toBe("Onderwijsstichting Rivierenland");
    const rivierenland = await headerColour(page);

    await page.getByRole("button", { name: "Menu openen" }).click();
    const switcher = page.getByRole("combobox", { name: "Organisatie wisselen" });
    await visible(switcher);
    await expectAccessible(page, "menu open, two organisations");
    await switcher.selectOption({ label: "Zorggroep De Linde" });

    await textOf(page.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
    await textOf(page.getByRole("alert").filter({ hasText: "Je werkt nu in" })).toContain(
      "Je werkt nu in Zorggroep De Linde.",
    );
    await textOf(page.getByRole("main")).toContain("Je rollen in Zorggroep De Linde:");
    await textOf(page.getByRole("main")).toContain("Netwerkbeheerder");
    await expect.poll(() => headerColour(page)).not.toBe(rivierenland);
    const linde = await headerColour(page);
    // The menu closed after the switch.
    await visible(page.getByRole("button", { name: "Menu openen" }));
    await expectAccessible(page, "home in De Linde");

    // The choice holds after a reload.
    await page.reload();
    await textOf(page.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");

    // And back: Rivierenland's name, roles and colour.
    await page.getByRole("button", { name: "Menu openen" }).click();
    await switcher.selectOption({ label: "Onderwijsstichting Rivierenland" });
    await textOf(page.getByRole("heading", { level: 1 })).toBe("Onderwijsstichting Rivierenland");
    await textOf(page.getByRole("main")).toContain("Je rollen in Onderwijsstichting Rivierenland:");
    await expect.poll(() => headerColour(page)).toBe(rivierenland);
    expect(rivierenland).not.toBe(linde);
    await expectAccessible(page, "home in Rivierenland");
  });
});

describe("branding", () => {
  it("refuses a bad colour and a fake image at their fields, then shows the new look at once", async () => {
    const fakeLogo = join(dir, "logo.png");
    writeFileSync(fakeLogo, "Dit is geen afbeelding, alleen tekst.\n");
    const realLogo = join(dir, "nieuw-logo.png");
    copyFileSync(demoLogo, realLogo);

    const { page } = await koers.newPage({ width: 1280, height: 800 });
    await signIn(page, "beheer@delinde.example");
    const before = await headerColour(page);
    await openMenuItem(page, "Huisstijl");
    await visible(page.getByRole("heading", { name: "Huisstijl", level: 2 }));
    const name = page.getByLabel("Naam van de organisatie");
    const colour = page.getByRole("textbox", { name: "Hoofdkleur" });
    await expect.poll(() => name.inputValue()).toBe("Zorggroep De Linde");
    await expectAccessible(page, "branding");

    // A colour that is no colour: the message at the field, the typed name kept.
    await name.fill("Zorggroep De Linde-Noord");
    await colour.fill("groenig");
    await textOf(page.getByRole("region", { name: "Voorbeeld" })).toContain(
      "Kies een geldige kleur om het voorbeeld te zien.",
    );
    // Enter saves (leaving the field would put back the last valid colour).
    await colour.press("Enter");
    await expectFieldError(colour, "Geef een kleur als #rrggbb, bijvoorbeeld #1c7ed6.");
    expect(await name.inputValue()).toBe("Zorggroep De Linde-Noord");
    expect(await colour.inputValue()).toBe("groenig");
    await textOf(page.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
    await expectAccessible(page, "branding, bad colour");

    // A text file named .png is refused at the logo field, before anything is sent.
    await chooseFile(page, "Logo", fakeLogo);
    const logo = page.getByRole("button", { name: "Logo" });
    await expectFieldError(logo, "Een logo moet een PNG-, JPEG- of WebP-afbeelding zijn.");
    expect(await page.getByRole("button", { name: "Huisstijl opslaan" }).isDisabled()).toBe(true);
    expect(await name.inputValue()).toBe("Zorggroep De Linde-Noord");
    await expectAccessible(page, "branding, fake logo");

    // A real PNG and a good colour: saved, and the whole page takes the new look without a reload.
    await chooseFile(page, "Logo", realLogo);
    await expect.poll(() => errorOf(logo)).toBe("");
    await textOf(page.getByRole("region", { name: "Voorbeeld" })).toContain("Nieuw logo (nog niet opgeslagen)");
    await colour.fill("#7048e8");
    await colour.press("Tab");
    const preview = page.getByRole("img", { name: "Kopbalk" });
    await textOf(preview).toContain("Zorggroep De Linde-Noord");
    const previewColour = await preview.evaluate((el) => getComputedStyle(el).backgroundColor);
    await expectAccessible(page, "branding, ready to save");

    const urlBefore = page.url();
    await page.getByRole("button", { name: "Huisstijl opslaan" }).click();
    await textOf(page.getByRole("alert").filter({ hasText: "Huisstijl opgeslagen" })).toContain(
      "Huisstijl opgeslagen.",
    );
    await textOf(page.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde-Noord");
    await expect.poll(() => headerColour(page)).toBe(previewColour);
    expect(previewColour).not.toBe(before);
    expect(page.url()).toBe(urlBefore);
    expect(await colour.inputValue()).toBe("#7048e8");

    // The saved logo is the current one, and it is an image the browser can show.
    const current = page.getByRole("img", { name: "Logo van Zorggroep De Linde-Noord" });
    await visible(current);
    await textOf(page.getByRole("region", { name: "Voorbeeld" })).toContain("Huidig logo");
    await expect
      .poll(() => current.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await expectAccessible(page, "branding, saved");

    // Someone else in De Linde sees the new name and colour too.
    const { page: daan } = await koers.newPage();
    await signIn(daan, "daan.bakker@delinde.example");
    await textOf(daan.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde-Noord");
    expect(await headerColour(daan)).toBe(previewColour);
  });
});
