import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  type Koers,
  openMenuItem,
  signIn,
  signInAt,
  startKoers,
  textOf,
  visible,
} from "./support/koers.js";

/**
 * The access log in the browser: Sanne reads Lisa's trajectory, Lisa sees that on her phone,
 * the admin searches the log for Lisa, and Lisa then sees that the admin looked.
 */

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

const TRAJECTORY = "Werkbegeleiding Lisa Dekker, groep 5";
const RIVIERENLAND = "Onderwijsstichting Rivierenland";

async function openOwnLog(page: Page) {
  await page.getByRole("button", { name: "Account van Lisa Dekker" }).click();
  await page.getByRole("menuitem", { name: "Wie heeft mijn gegevens bekeken" }).click();
  await visible(page.getByRole("heading", { name: "Wie heeft mijn gegevens bekeken", level: 2 }));
}

describe("who viewed my data", () => {
  it("shows the person, on a phone, who read their trajectory; the admin's search of the log shows up there too", async () => {
    // Sanne, Lisa's werkbegeleider, opens her trajectory.
    const { page: sanne } = await koers.newPage({ width: 1280, height: 900 });
    await signInAt(sanne, "sanne.visser@netwerk.example", RIVIERENLAND);
    await openMenuItem(sanne, "Trajecten");
    await sanne.getByRole("link", { name: TRAJECTORY }).first().click();
    await visible(sanne.getByRole("heading", { name: TRAJECTORY }));

    // Lisa, on her phone, sees who that was and what they read.
    const { page: lisa } = await koers.newPage({ width: 375, height: 812 });
    await signIn(lisa, "lisa.dekker@rivierenland.example");
    await openOwnLog(lisa);
    const reads = lisa.getByRole("main");
    await textOf(reads).toContain("Sanne Visser");
    await textOf(reads).toContain("Traject");
    await expectAccessible(lisa, "who viewed my data, on a phone");

    // The admin searches the log for Lisa's data and sees Sanne's read.
    const { page: admin } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(admin, "beheer@rivierenland.example");
    await openMenuItem(admin, "Inzagelog");
    await visible(admin.getByRole("heading", { name: "Inzagelog", level: 2 }));
    const person = admin.getByRole("combobox", { name: "Gegevens van", exact: true });
    await person.click();
    await person.fill("Lisa");
    await admin.getByRole("option", { name: "Lisa Dekker", exact: true }).click();
    const table = admin.getByRole("table", { name: "Wie bekeek welke gegevens" });
    await visible(table.getByRole("row").filter({ hasText: "Sanne Visser" }).first());
    await textOf(table).toContain("Traject");
    await expectAccessible(admin, "access log search");
    // The search is in the address: opened again, it shows the same person by name.
    await admin.reload();
    await expect.poll(() => person.inputValue()).toBe("Lisa Dekker");

    // Days in the wrong order are told at the field, and the search stays.
    await admin.getByLabel("Vanaf").fill("2026-05-02");
    await admin.getByLabel("Tot en met").fill("2026-05-01");
    await visible(admin.getByText("De laatste dag ligt vóór de eerste."));
    expect(await person.inputValue()).toBe("Lisa Dekker");

    // Lisa now sees that the admin looked at the access log about her.
    await lisa.reload();
    await visible(lisa.getByRole("heading", { name: "Wie heeft mijn gegevens bekeken", level: 2 }));
    await textOf(reads).toContain("Inzagelog");

    await lisa.getByRole("button", { name: /English/ }).click();
    await visible(lisa.getByRole("heading", { name: "Who viewed my data", level: 2 }));
    await textOf(reads).toContain("Access log");
    await expectAccessible(lisa, "who viewed my data, in English");
  });

  it("keeps the search of the log for admins", async () => {
    const { page } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(page, "daan.bakker@delinde.example");
    await page.goto("/inzagelog");
    await textOf(page.getByRole("alert")).toContain("Je hebt geen toegang tot deze pagina.");
  });
});
