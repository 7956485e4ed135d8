import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, expectFieldError } from "./support/fields.js";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

let koers: Koers;
let admin: Page;

beforeAll(async () => {
  koers = await startKoers();
  admin = (await koers.newPage({ width: 1280, height: 900 })).page;
  await signIn(admin, "beheer@delinde.example");
});
afterAll(() => koers.close());

const COPY = "Werkbegeleiding leerkracht (Zorggroep De Linde)";

/** Checks the page as it is at phone width too, then goes back to the desk. */
async function expectAccessibleBoth(page: Page, label: string) {
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page, `${label} (phone)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("an admin adapts a regime for the organisation", () => {
  it("lists the standard regimes and copies one under a name", async () => {
    await openMenuItem(admin, "Regelingen");
    await visible(admin.getByRole("heading", { name: "Regelingen", level: 2 }));
    await textOf(admin.locator("main")).toContain("Lopende trajecten houden de regels waarmee ze begonnen zijn");
    const teacher = admin.getByRole("article", { name: "Werkbegeleiding leerkracht" });
    await textOf(teacher).toContain("standaard");
    expect(await admin.getByRole("article").count()).toBe(7);
    // A standard regime is copied, never edited in place.
    expect(await admin.getByRole("link", { name: /bewerken$/ }).count()).toBe(0);
    await expectAccessibleBoth(admin, "regimes");

    await teacher.getByRole("button", { name: "Werkbegeleiding leerkracht kopiëren" }).click();
    const dialog = admin.getByRole("dialog", { name: "Werkbegeleiding leerkracht kopiëren" });
    await visible(dialog);
    expect(await dialog.getByLabel(/^Naam van de kopie/).inputValue()).toBe(COPY);
    await expectAccessible(admin, "regimes, copy");
    await dialog.getByRole("button", { name: "Kopie maken" }).click();
    await visible(admin.getByRole("heading", { name: COPY, level: 2 }));
    await expectAccessibleBoth(admin, "regime copy");
  });

  it("shows the server's message at the field it is about, and saves numbers and an added observation item", async () => {
    const visit = admin.getByRole("group", { name: "Klassenbezoek" });
    const max = visit.getByRole("textbox", { name: /^Maximum/ });
    expect(await max.inputValue()).toBe("5");
    const minutes = visit.getByRole("textbox", { name: /^Standaardduur \(minuten\)/ });
    // The page itself says that a maximum cannot lie below the minimum.
    await max.fill("2");
    await admin.getByRole("button", { name: "Regeling opslaan" }).click();
    await expectFieldError(max, "Het maximum mag niet lager zijn dan het minimum.");
    // The server's rule for a name: its message stands at that field, and the rest is kept.
    await max.fill("6");
    await minutes.fill("55");
    const english = admin.getByRole("textbox", { name: /^Naam \(Engels\)/ });
    await english.fill("");
    await admin.getByRole("button", { name: "Regeling opslaan" }).click();
    await expect.poll(() => errorOf(english), { timeout: 10_000 }).not.toBe("");
    expect(await english.getAttribute("aria-invalid")).toBe("true");
    expect(await errorOf(max)).toBe("");
    expect(await max.inputValue()).toBe("6");
    await expectAccessible(admin, "regime copy, with an error");
    await english.fill("Teacher work guidance (De Linde)");

    const add = admin.getByRole("group", { name: "Observatiepunt toevoegen" });
    await add.getByRole("button", { name: "Toevoegen" }).click();
    await expect
      .poll(() => errorOf(add.getByLabel("Nieuw observatiepunt (Engels)")))
      .toContain("Vul de tekst in het Nederlands en in het Engels in.");
    await add.getByLabel("Nieuw observatiepunt (Nederlands)").fill("Klassenmanagement");
    await add.getByLabel("Nieuw observatiepunt (Engels)").fill("Classroom management");
    await add.getByRole("button", { name: "Toevoegen" }).click();
    await expect
      .poll(() => admin.getByLabel(/^Observatiepunt 5 \(Nederlands\)/).inputValue())
      .toBe("Klassenmanagement");
    await admin.getByRole("button", { name: "Regeling opslaan" }).click();
    await visible(admin.getByRole("alert").filter({ hasText: "Regeling opgeslagen." }));

    await admin.reload();
    await visible(admin.getByRole("heading", { name: COPY, level: 2 }));
    const reloaded = admin.getByRole("group", { name: "Klassenbezoek" });
    await expect.poll(() => reloaded.getByRole("textbox", { name: /^Maximum/ }).inputValue()).toBe("6");
    expect(await reloaded.getByRole("textbox", { name: /^Standaardduur/ }).inputValue()).toBe("55");
    expect(await admin.getByLabel(/^Observatiepunt 5 \(Engels\)/).inputValue()).toBe("Classroom management");
    // Only the added item can be removed; the standard ones stay.
    expect(await admin.getByRole("button", { name: /^Observatiepunt .* weghalen$/ }).count()).toBe(1);
    await expectAccessibleBoth(admin, "regime copy, saved");

    await admin.getByRole("button", { name: "Observatiepunt Klassenmanagement weghalen" }).click();
    expect(await admin.getByLabel(/^Observatiepunt 5 \(Nederlands\)/).count()).toBe(0);
  });

  it("lists the copy as the organisation's own, based on the standard one", async () => {
    await admin.getByRole("link", { name: "Terug naar regelingen" }).click();
    const copy = admin.getByRole("article", { name: COPY });
    await visible(copy);
    await textOf(copy).toContain("eigen kopie");
    await textOf(copy).toContain("Gebaseerd op Werkbegeleiding leerkracht");
    await textOf(copy).toContain("Versie 2");
    await copy.getByRole("link", { name: `${COPY} bewerken` }).click();
    await visible(admin.getByRole("heading", { name: COPY, level: 2 }));
  });

  it("shows what the admin sees and does, and lets the admin give themself less, never more", async () => {
    const rights = admin.getByRole("region", { name: "Wat de beheerder ziet en doet" });
    await visible(rights);
    // Management only: no confidential notes, feedback or self-assessments; no approving goals.
    const sees = rights.getByRole("group", { name: "De beheerder ziet" });
    expect(await sees.getByRole("checkbox").count()).toBe(7);
    expect(await rights.getByRole("checkbox", { name: "Vertrouwelijke verslagen" }).count()).toBe(0);
    expect(await rights.getByRole("checkbox", { name: "De doelenlijst goedkeuren" }).count()).toBe(0);
    await textOf(rights).toContain("Statuswijzigingen die ook de beheerder mag doen: Intake afronden,");
    expect(await rights.textContent()).not.toContain("Doorzetten");

    // Planning meetings needs seeing them: the page says so before the server does.
    await sees.getByRole("checkbox", { name: "De bijeenkomsten: wanneer en welke soort" }).uncheck();
    await admin.getByRole("button", { name: "Regeling opslaan" }).click();
    await textOf(rights).toContain("Wat de beheerder mag doen, moet de beheerder ook kunnen zien");
    await expectAccessible(admin, "regime copy, admin rights with an error");
    await rights.getByRole("checkbox", { name: "Bijeenkomsten plannen, verplaatsen en afzeggen" }).uncheck();
    await admin.getByRole("button", { name: "Regeling opslaan" }).click();
    await visible(admin.getByRole("alert").filter({ hasText: "Regeling opgeslagen." }));

    // Saved: what was taken away is no longer offered, so it cannot be given back here.
    await admin.reload();
    await visible(admin.getByRole("heading", { name: COPY, level: 2 }));
    const after = admin.getByRole("region", { name: "Wat de beheerder ziet en doet" });
    await expect.poll(() => after.getByRole("checkbox").count()).toBe(7);
    expect(await after.getByRole("checkbox", { name: "De bijeenkomsten: wanneer en welke soort" }).count()).toBe(0);
    expect(await after.getByRole("checkbox", { name: "Het plan en de intake bijhouden" }).isChecked()).toBe(true);
    await expectAccessibleBoth(admin, "regime copy, admin rights saved");
  });

  it("is for admins only", async () => {
    const { page } = await koers.newPage();
    await signIn(page, "daan.bakker@delinde.example");
    await page.goto("/regelingen");
    await textOf(page.getByRole("alert")).toContain("Je hebt geen toegang tot deze pagina.");
    expect(await page.getByRole("navigation").getByRole("link", { name: "Regelingen" }).count()).toBe(0);
  });
});
