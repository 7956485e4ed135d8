import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dutchToday } from "../../src/domain/dutch-time.js";
import { validUntilFor } from "../../src/domain/trainers/pool.js";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

async function expectAccessibleBoth(page: Page, label: string) {
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page, `${label} (phone)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("the network", () => {
  it("shows its coordinator the members and lets her rename it", async () => {
    const { page } = await koers.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, "sanne.visser@netwerk.example");
    // She coordinates the network from De Linde.
    await page.getByRole("combobox", { name: "Organisatie wisselen" }).selectOption({ label: "Zorggroep De Linde" });
    await textOf(page.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
    await openMenuItem(page, "Netwerk");

    await visible(page.getByRole("heading", { name: "Leernetwerk Zuid-Holland Zuid" }));
    const members = page.getByRole("region", { name: "Deelnemende organisaties" });
    await textOf(members).toContain("Zorggroep De Linde");
    await textOf(members).toContain("Onderwijsstichting Rivierenland");
    await textOf(page.getByRole("region", { name: "Netwerkbeheerders" })).toContain("Sanne Visser");
    await textOf(page.getByRole("region", { name: "Regel voor instemming" })).toContain("alle organisaties instemmen");
    await expectAccessibleBoth(page, "network page");

    await page.getByRole("textbox", { name: "Naam van het netwerk" }).fill("Leernetwerk Drechtsteden");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await visible(page.getByRole("heading", { name: "Leernetwerk Drechtsteden" }));
    await visible(page.getByText("De instellingen van het netwerk zijn opgeslagen."));

    // The consensus rule: a quorum of two of the three members.
    await page
      .getByRole("combobox", { name: "Regel voor instemming" })
      .selectOption({ label: "Een minimum aantal organisaties stemt in" });
    await page.getByRole("textbox", { name: "Minimum aantal organisaties" }).fill("2");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await textOf(page.getByRole("region", { name: "Regel voor instemming" })).toContain("minstens 2 van de 3");

    // How long a trainer certificate holds: it fills the end date when she certifies a trainer.
    const validity = page.getByRole("region", { name: "Trainerscertificaten" });
    await textOf(validity).toContain("geen geldigheid");
    await page.getByRole("textbox", { name: /^Geldigheid van een trainerscertificaat/ }).fill("36");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await textOf(validity).toContain("36 maanden geldig");
    await expectAccessibleBoth(page, "network page with its settings");
    await openMenuItem(page, "Trainers");
    const karin = page.getByRole("listitem", { name: "Karin de Boer" });
    await karin.getByRole("button", { name: "Certificeren: Karin de Boer" }).click();
    await expect.poll(() => karin.getByLabel(/^Geldig tot/).inputValue()).toBe(validUntilFor(dutchToday(), 36));
    await visible(karin.getByText("Het netwerk houdt 36 maanden aan."));
  });
});
