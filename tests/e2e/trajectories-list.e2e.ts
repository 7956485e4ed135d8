import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectFieldError } from "./support/fields.js";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

const TITLE = "Werkbegeleiding Daan Bakker, groep 5";

/** An ISO day so many days from today, in the browser's calendar. */
function dayFromToday(days: number) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Picks an option in a Mantine select or multi-select, by typing and clicking, as a person does. */
async function choose(page: Page, label: string, option: string) {
  const field = page.getByRole("combobox", { name: label, exact: true });
  await field.click();
  await field.fill(option.split(" ")[0] ?? option);
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** Checks every tab of the trajectory page with axe. */
async function expectTabsAccessible(page: Page, label: string) {
  const tabs = page.getByRole("tablist", { name: "Onderdelen van het traject" }).getByRole("tab");
  const names = await tabs.allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) {
    await page.getByRole("tab", { name, exact: true }).click();
    await visible(page.getByRole("tabpanel", { name }));
    await expectAccessible(page, `${label}, tab ${name}`);
  }
}

describe("an opdrachtgever starts a trajectory", () => {
  it("starts one on a wide screen, finds it in the list and opens it", async () => {
    const { page } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(page, "fatima.yilmaz@delinde.example");
    await openMenuItem(page, "Trajecten");
    await visible(page.getByRole("heading", { name: "Trajecten", level: 2 }));
    await expectAccessible(page, "trajectories");

    await page.getByRole("link", { name: "Traject starten" }).click();
    await visible(page.getByRole("heading", { name: "Traject starten", level: 2 }));
    expect(await page.getByLabel("Soort traject").inputValue()).toBe("werkbegeleiding_leerkracht");
    // As an opdrachtgever, she is the commissioner unless she chooses someone else.
    await expect
      .poll(async () => page.getByLabel("Opdrachtgever").locator("option:checked").textContent())
      .toContain("Fatima Yılmaz");
    await expectAccessible(page, "start a trajectory");

    // Nothing filled in: the messages stand at the fields.
    await page.getByRole("button", { name: "Traject starten" }).click();
    await expectFieldError(page.getByLabel("Titel"), "Vul dit in.");
    await expectAccessible(page, "start a trajectory, with errors");

    await page.getByLabel("Titel").fill(TITLE);
    await choose(page, "Leerkracht", "Daan Bakker");
    await choose(page, "Adviseur", "Sanne Visser");
    await page.getByLabel("Begindatum").fill(dayFromToday(0));
    await page.getByLabel("Einddatum").fill(dayFromToday(120));
    await page.getByRole("button", { name: "Traject starten" }).click();

    await visible(page.getByRole("heading", { name: TITLE, level: 2 }));
    const overview = page.getByRole("region", { name: "Gegevens" });
    await textOf(overview).toContain("Werkbegeleiding leerkracht");
    await textOf(overview).toContain("Daan Bakker");
    await textOf(overview).toContain("Sanne Visser");
    await textOf(overview).toContain("Fatima Yılmaz");
    await textOf(page.getByRole("region", { name: "Status" })).toContain("Het traject is nu: Concept.");
    await expectAccessible(page, "new trajectory");
    await expectTabsAccessible(page, "new trajectory");

    await page.getByRole("link", { name: "Terug naar trajecten" }).click();
    const table = page.getByRole("table", { name: "Trajecten" });
    const row = table.getByRole("row").filter({ hasText: TITLE });
    await visible(row);
    await textOf(row).toContain("Concept");
    await textOf(row).toContain("Daan Bakker");
    await textOf(row).toContain("Sanne Visser");
    await expectAccessible(page, "trajectories with the new one");

    // Filtered by status, it stays; by another status, it goes.
    await page.getByLabel("Status").selectOption({ label: "Concept" });
    await visible(table.getByRole("link", { name: TITLE }));
    await page.getByLabel("Status").selectOption({ label: "Afgerond" });
    await expect.poll(() => table.getByRole("link", { name: TITLE }).count()).toBe(0);
    await page.getByLabel("Status").selectOption({ label: "Alle statussen" });

    await table.getByRole("link", { name: TITLE }).click();
    await visible(page.getByRole("heading", { name: TITLE, level: 2 }));
  });

  it("shows the list, the start form and the trajectory on a phone", async () => {
    const { page } = await koers.newPage();
    await signIn(page, "fatima.yilmaz@delinde.example");
    await openMenuItem(page, "Trajecten");
    await visible(page.getByRole("heading", { name: "Trajecten", level: 2 }));
    // On a phone the trajectories are a list of cards.
    const cards = page.getByRole("list", { name: "Trajecten" });
    await visible(cards.getByRole("link", { name: TITLE }));
    await expectAccessible(page, "trajectories on a phone");

    await page.getByRole("link", { name: "Traject starten" }).click();
    await visible(page.getByRole("heading", { name: "Traject starten", level: 2 }));
    await expectAccessible(page, "start a trajectory on a phone");

    await page.getByRole("link", { name: "Terug naar trajecten" }).click();
    await cards.getByRole("link", { name: TITLE }).click();
    await visible(page.getByRole("heading", { name: TITLE, level: 2 }));
    await expectAccessible(page, "trajectory on a phone");
    await expectTabsAccessible(page, "trajectory on a phone");
  });

  it("lets a trainee see the trajectory but not start one", async () => {
    const { page } = await koers.newPage();
    await signIn(page, "daan.bakker@delinde.example");
    await openMenuItem(page, "Trajecten");
    const cards = page.getByRole("list", { name: "Trajecten" });
    await visible(cards.getByRole("link", { name: TITLE }));
    expect(await page.getByRole("link", { name: "Traject starten" }).count()).toBe(0);
    await cards.getByRole("link", { name: TITLE }).click();
    await visible(page.getByRole("heading", { name: TITLE, level: 2 }));
    await page.getByRole("tab", { name: "Instemming" }).click();
    await visible(page.getByRole("checkbox", { name: "(On)aangekondigde klassenbezoeken" }));
    await expectAccessible(page, "trajectory as the trainee");
  });
});
