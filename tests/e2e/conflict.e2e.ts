import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

/** Opens a person from the people list, as an admin does. */
async function openPerson(page: Page, name: string) {
  await openMenuItem(page, "Mensen");
  await page.getByLabel("Zoek op naam of e-mailadres").fill(name);
  await page.getByRole("table", { name: "Mensen in deze organisatie" }).getByRole("link", { name }).click();
  await visible(page.getByRole("heading", { name, level: 2 }));
}

describe("two admins editing the same person", () => {
  it("keeps what the second typed, shows the first's change after loading the new version, then saves", async () => {
    const first = (await koers.newPage({ width: 1280, height: 800 })).page;
    const second = (await koers.newPage({ width: 1280, height: 800 })).page;
    await signIn(first, "beheer@delinde.example");
    await signIn(second, "beheer@delinde.example");
    await openPerson(first, "Daan Bakker");
    await openPerson(second, "Daan Bakker");
    await expectAccessible(second, "person");

    // The first changes the job title and saves.
    await first.getByLabel("Functie").fill("Orthopedagoog-generalist i.o.");
    await first.getByRole("button", { name: "Opslaan" }).click();
    await textOf(first.getByRole("alert").filter({ hasText: "Wijzigingen opgeslagen" })).toContain(
      "Wijzigingen opgeslagen.",
    );

    // The second, still on the old version, changes the name and saves.
    const name = second.getByRole("textbox", { name: "Naam in deze organisatie", exact: true });
    const jobTitle = second.getByLabel("Functie");
    expect(await jobTitle.inputValue()).toBe("Orthopedagoog (master)");
    await name.fill("Daan de Bakker");
    await second.getByRole("button", { name: "Opslaan" }).click();

    const notice = second.getByRole("alert").filter({ hasText: "Iemand anders heeft dit intussen gewijzigd" });
    await visible(notice);
    await textOf(notice).toContain("Je invoer is bewaard.");
    expect(await name.inputValue()).toBe("Daan de Bakker");
    expect(await jobTitle.inputValue()).toBe("Orthopedagoog (master)");
    // Nothing of the second's change was stored.
    await textOf(second.getByRole("heading", { level: 2 })).toBe("Daan Bakker");
    await expectAccessible(second, "person, conflict");

    await notice.getByRole("button", { name: "Nieuwe versie laden" }).click();
    await expect.poll(() => jobTitle.inputValue()).toBe("Orthopedagoog-generalist i.o.");
    expect(await name.inputValue()).toBe("Daan de Bakker");
    await textOf(second.getByRole("status").filter({ hasText: "De nieuwe versie is geladen" })).toContain(
      "Velden die je niet had aangepast zijn bijgewerkt.",
    );
    expect(await notice.count()).toBe(0);
    await expectAccessible(second, "person, new version loaded");

    await second.getByRole("button", { name: "Opslaan" }).click();
    await textOf(second.getByRole("alert").filter({ hasText: "Wijzigingen opgeslagen" })).toContain(
      "Wijzigingen opgeslagen.",
    );
    await textOf(second.getByRole("heading", { level: 2 })).toBe("Daan de Bakker");
    expect(await second.getByRole("alert").filter({ hasText: "Iemand anders" }).count()).toBe(0);

    // Both changes stand, for anyone who looks now.
    await first.reload();
    await visible(first.getByRole("heading", { name: "Daan de Bakker", level: 2 }));
    await expect.poll(() => first.getByLabel("Functie").inputValue()).toBe("Orthopedagoog-generalist i.o.");
    expect(await first.getByRole("textbox", { name: "Naam in deze organisatie", exact: true }).inputValue()).toBe(
      "Daan de Bakker",
    );
  });
});
