import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "./support/fields.js";
import {
  downloaded,
  dutchDate,
  expectAccessible,
  type Koers,
  openMenuItem,
  signIn,
  startKoers,
  textOf,
  visible,
} from "./support/koers.js";

let koers: Koers;
let admin: Page;

beforeAll(async () => {
  koers = await startKoers();
  admin = (await koers.newPage({ width: 1280, height: 900 })).page;
  await signIn(admin, "beheer@delinde.example");
});
afterAll(() => koers.close());

const COPY = "SKJ master, meer dan 3648 uur werkervaring (Zorggroep De Linde)";
/** A re-registration date a year and a bit from now, as the date field takes it. */
const REREGISTRATION = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);

async function expectAccessibleBoth(page: Page, label: string) {
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page, `${label} (phone)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("registration evidence", () => {
  it("an admin copies a requirement profile and changes a minimum, with the server's message at the field", async () => {
    await openMenuItem(admin, "Eisenprofielen");
    await visible(admin.getByRole("heading", { name: "Eisenprofielen", level: 2 }));
    await expect.poll(() => admin.getByRole("article").count()).toBe(2);
    await expectAccessibleBoth(admin, "requirement profiles");

    const over = admin.getByRole("article", { name: "SKJ master, meer dan 3648 uur werkervaring" });
    await over.getByRole("button", { name: /kopiëren$/ }).click();
    const dialog = admin.getByRole("dialog");
    await visible(dialog);
    expect(await dialog.getByLabel(/^Naam van de kopie/).inputValue()).toBe(COPY);
    await dialog.getByRole("button", { name: "Kopie maken" }).click();
    await visible(admin.getByRole("heading", { name: COPY, level: 2 }));

    // An empty period: the server's message stands at the field, and what was typed elsewhere stays.
    const supervisie = admin.getByRole("group", { name: /^Supervisie/ });
    const minimum = supervisie.getByRole("textbox", { name: /^Minimum/ });
    await minimum.fill("25");
    const years = admin.getByRole("textbox", { name: /^Periode \(jaren\)/ });
    await years.fill("");
    await admin.getByRole("button", { name: "Opslaan" }).click();
    await expect.poll(() => errorOf(years), { timeout: 10_000 }).not.toBe("");
    expect(await minimum.inputValue()).toBe("25");
    await expectAccessible(admin, "profile with an error");

    await years.fill("5");
    await admin.getByRole("button", { name: "Opslaan" }).click();
    await visible(admin.getByText("Eisenprofiel opgeslagen."));
    await expectAccessibleBoth(admin, "requirement profile");
  });

  it("a second admin who keeps their input after a conflict saves it with the next click", async () => {
    const other = (await koers.newPage({ width: 1280, height: 900 })).page;
    await signIn(other, "beheer@delinde.example");
    await other.goto(admin.url());
    await visible(other.getByRole("heading", { name: COPY, level: 2 }));

    const minimum = admin.getByRole("group", { name: /^Supervisie/ }).getByRole("textbox", { name: /^Minimum/ });
    await minimum.fill("30");
    await admin.getByRole("button", { name: "Opslaan" }).click();
    await visible(admin.getByText("Eisenprofiel opgeslagen."));

    const years = other.getByRole("textbox", { name: /^Periode \(jaren\)/ });
    await years.fill("6");
    await other.getByRole("button", { name: "Opslaan" }).click();
    const notice = other.getByRole("alert").filter({ has: other.getByRole("button", { name: "Mijn invoer houden" }) });
    await visible(notice);
    await notice.getByRole("button", { name: "Mijn invoer houden" }).click();
    expect(await years.inputValue()).toBe("6");
    await other.getByRole("button", { name: "Opslaan" }).click();
    await visible(other.getByText("Eisenprofiel opgeslagen."));
    expect(await years.inputValue()).toBe("6");
  });

  it("the admin gives Daan a registration with a re-registration date and the profile", async () => {
    await openMenuItem(admin, "Mensen");
    await admin.getByRole("link", { name: "Daan Bakker" }).click();
    await visible(admin.getByRole("heading", { name: "Daan Bakker", level: 2 }));
    await admin.getByRole("button", { name: "Registratie toevoegen" }).click();
    const dialog = admin.getByRole("dialog", { name: "Registratie toevoegen" });
    await visible(dialog);
    await dialog.getByLabel("Register").selectOption("SKJ");
    await dialog.getByLabel(/^Soort registratie/).selectOption({ label: "Orthopedagoog (master)" });
    await dialog.getByLabel(/^Registratienummer/).fill("110077777");
    await dialog.getByLabel("Herregistratiedatum").fill(REREGISTRATION);
    await dialog.getByLabel(/^Eisenprofiel/).selectOption({ label: COPY });
    await expectAccessible(admin, "registration dialog");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await visible(admin.getByText("Registratie opgeslagen."));

    await admin.getByRole("link", { name: "Bewijs voor herregistratie bekijken" }).click();
    await visible(admin.getByRole("heading", { name: "Bewijs van Daan Bakker", level: 2 }));
    await expectAccessibleBoth(admin, "Daan's evidence, as the admin");
  });

  it("Daan opens his evidence on a phone: what he has, what is missing and by when, and downloads the CSV", async () => {
    const { page } = await koers.newPage();
    await signIn(page, "daan.bakker@delinde.example");
    await openMenuItem(page, "Mijn bewijs");
    await visible(page.getByRole("heading", { name: "Mijn bewijs", level: 2 }));
    const supervisie = page.getByRole("region", { name: "Supervisie" });
    await textOf(supervisie).toContain("Behaald");
    await textOf(supervisie).toContain("Ontbreekt");
    await textOf(supervisie).toContain("Vóór");
    await textOf(supervisie).toContain("25 punten");
    await textOf(page.getByRole("region", { name: "Geaccrediteerde scholing" })).toContain("Niet bijgehouden in Koers");
    await textOf(page.locator("main")).toContain(COPY);
    await expectAccessible(page, "my evidence (phone)");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV downloaden" }).click(),
    ]);
    const csv = (await downloaded(download)).toString("utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("Supervisie;Totaal");
    expect(csv).toContain("Intervisie;Totaal");
    // The CSV's deadline is the page's: the re-registration date, for every requirement Koers tracks.
    const deadline = dutchDate(REREGISTRATION);
    await textOf(supervisie).toContain(`Vóór${deadline}`);
    const supervisieTotal = csv.split("\r\n").find((line) => line.startsWith("Supervisie;Totaal;"));
    expect(supervisieTotal?.split(";")[11]).toBe(REREGISTRATION);
  });

  it("someone without a profiled registration is told what to do", async () => {
    const { page } = await koers.newPage();
    await signIn(page, "eva.mulder@delinde.example");
    await openMenuItem(page, "Mijn bewijs");
    await visible(page.getByText("Nog geen overzicht"));
    await textOf(page.locator("main")).toContain("Vraag de beheerder van je organisatie");
    await expectAccessible(page, "evidence, empty (phone)");
  });
});
