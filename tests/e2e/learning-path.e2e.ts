import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { competenceScans, organisations } from "../../src/db/schema.js";
import { seedDemoPaths } from "../../src/server/demo/seed-paths.js";
import type { TestApp } from "../support/app.js";
import { createFinishedScan, userIdOf } from "../support/scans.js";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

const SANNE = "sanne.visser@netwerk.example";
let koers: Koers;

/**
 * Sanne's path from the demo: made from her first scan, with a step done, one postponed and a
 * note, and a newer scan proposing an update. Where the demo has not given her two scans yet,
 * they are written here first and the path's seed runs again, as `seedDemo` runs it after them.
 */
beforeAll(async () => {
  koers = await startKoers();
  const db = koers.database.db;
  const [linde] = await db.select().from(organisations).where(eq(organisations.slug, "de-linde"));
  const app = { database: koers.database, orgs: { linde: linde?.id } } as unknown as TestApp;
  const sanne = await userIdOf(app, SANNE);
  const finished = await db
    .select({ id: competenceScans.id })
    .from(competenceScans)
    .where(and(eq(competenceScans.userId, sanne), eq(competenceScans.status, "finished")));
  if (finished.length < 2) {
    await createFinishedScan(app, {
      email: SANNE,
      self: 2,
      friends: [
        { kind: "colleague", rating: 2 },
        { kind: "colleague", rating: 3 },
      ],
      finishedAt: new Date(Date.now() - 120 * 86_400_000),
    });
    await createFinishedScan(app, { email: SANNE, self: 3, friends: [{ kind: "student", rating: 2 }] });
    await seedDemoPaths(db);
  }
});
afterAll(() => koers.close());

async function expectAccessibleBoth(page: Page, label: string) {
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page, `${label} (phone)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The name of the competence at step `n` of the path. */
async function nameAt(page: Page, n: number) {
  const heading = page.getByRole("heading", { level: 3, name: new RegExp(`^Stap ${n}: `) });
  await visible(heading);
  return ((await heading.textContent()) ?? "").replace(/^Stap \d+: /, "").trim();
}
const step = (page: Page, name: string) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`: ${name}$`) }) });

describe("the learning path", () => {
  it("is its owner's: Sanne moves a step up, postpones one, finishes one, writes a note, and finds it all kept", async () => {
    const { page } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(page, SANNE);
    await page.getByRole("combobox", { name: "Organisatie wisselen" }).selectOption({ label: "Zorggroep De Linde" });
    await textOf(page.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
    await openMenuItem(page, "Leerroute");

    await visible(page.getByRole("heading", { name: "Jouw leerroute" }));
    await visible(page.getByRole("region", { name: "Je nieuwe zelfscan stelt een bijgewerkte leerroute voor" }));
    await textOf(page.getByRole("region", { name: "Voortgang per competentie" })).toContain("→");
    // Every competence has a module of the network in the demo, with her progress in it.
    await textOf(page.getByRole("main")).toContain("Modules hiervoor");
    // The festival she was checked in at counts on her path, with the sessions she followed.
    const followed = page.getByRole("region", { name: "Gevolgde leerfestivals en trainingen" });
    await visible(followed.getByRole("link", { name: "Leerfestival De rode draad" }));
    await textOf(followed).toContain("Sessies: Feedback die landt, Reflecteren met STARR");
    await expectAccessibleBoth(page, "learning path");

    // Step 4 goes up one place, by keyboard.
    const fourth = await nameAt(page, 4);
    const third = await nameAt(page, 3);
    await page.getByRole("button", { name: `${fourth} een plaats omhoog` }).focus();
    await page.keyboard.press("Enter");
    expect(await nameAt(page, 3)).toBe(fourth);
    expect(await nameAt(page, 4)).toBe(third);

    // The last step waits; step 4 (now the one that was third) is done; step 3 gets a note.
    const steps = await page.getByRole("heading", { level: 3, name: /^Stap \d+: / }).count();
    expect(steps).toBeGreaterThan(4);
    const last = await nameAt(page, steps);
    await page.getByRole("button", { name: `Uitstellen: ${last}` }).click();
    await page.getByRole("button", { name: `Afgerond: ${third}` }).click();
    const note = "Oefenen in het driegesprek met school en student.";
    await page.getByRole("textbox", { name: `Notitie bij ${fourth}` }).fill(note);
    await visible(page.getByText("Je hebt wijzigingen die nog niet zijn opgeslagen."));
    await expectAccessibleBoth(page, "learning path with unsaved changes");
    await page.getByRole("button", { name: "Leerroute opslaan" }).click();
    await visible(page.getByText("Je leerroute is opgeslagen."));

    await page.reload();
    expect(await nameAt(page, 3)).toBe(fourth);
    expect(await nameAt(page, 4)).toBe(third);
    await textOf(step(page, last)).toContain("Uitgesteld");
    await textOf(step(page, third)).toContain("Afgerond");
    await expect
      .poll(() => page.getByRole("textbox", { name: `Notitie bij ${fourth}` }).inputValue(), { timeout: 10_000 })
      .toBe(note);

    // The newer scan's proposal is taken over: nothing she did is lost.
    await page.getByRole("button", { name: "Voorstel overnemen" }).click();
    await visible(page.getByText("Het voorstel is overgenomen in je leerroute."));
    await textOf(step(page, last)).toContain("Uitgesteld");
    await textOf(step(page, third)).toContain("Afgerond");
    await expect
      .poll(() => page.getByRole("textbox", { name: `Notitie bij ${fourth}` }).inputValue(), { timeout: 10_000 })
      .toBe(note);
    await expect.poll(() => page.getByRole("region", { name: /bijgewerkte leerroute/ }).count()).toBe(0);
  });

  it("keeps what she typed when the path changed elsewhere meanwhile (409)", async () => {
    const open = async () => {
      const { page } = await koers.newPage({ width: 1280, height: 900 });
      await signIn(page, SANNE);
      await page.getByRole("combobox", { name: "Organisatie wisselen" }).selectOption({ label: "Zorggroep De Linde" });
      await textOf(page.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
      await page.goto("/leerroute");
      await visible(page.getByRole("heading", { name: "Jouw leerroute" }));
      return page;
    };
    const laptop = await open();
    const phone = await open();
    const first = await nameAt(laptop, 1);
    const second = await nameAt(phone, 2);

    await laptop.getByRole("textbox", { name: `Notitie bij ${first}` }).fill("Op de laptop geschreven.");
    await laptop.getByRole("button", { name: "Leerroute opslaan" }).click();
    await visible(laptop.getByText("Je leerroute is opgeslagen."));

    const mine = "Op de telefoon geschreven, niet kwijtraken.";
    await phone.getByRole("textbox", { name: `Notitie bij ${second}` }).fill(mine);
    await phone.getByRole("button", { name: "Leerroute opslaan" }).click();
    const notice = phone.getByRole("alert").filter({ hasText: "Iemand anders heeft dit intussen gewijzigd" });
    await visible(notice);
    expect(await phone.getByRole("textbox", { name: `Notitie bij ${second}` }).inputValue()).toBe(mine);
    await expectAccessible(phone, "learning path conflict");
    await notice.getByRole("button", { name: "Mijn invoer houden" }).click();
    expect(await phone.getByRole("textbox", { name: `Notitie bij ${second}` }).inputValue()).toBe(mine);
    await phone.getByRole("button", { name: "Leerroute opslaan" }).click();
    await visible(phone.getByText("Je leerroute is opgeslagen."));
    await phone.reload();
    await expect
      .poll(() => phone.getByRole("textbox", { name: `Notitie bij ${second}` }).inputValue(), { timeout: 10_000 })
      .toBe(mine);
  });

  it("at another organisation starts empty, then proposes a first path from a scan, made on request", async () => {
    const { page } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(page, SANNE);
    await page.getByRole("combobox", { name: "Organisatie wisselen" }).selectOption({
      label: "Onderwijsstichting Rivierenland",
    });
    await textOf(page.getByRole("heading", { level: 1 })).toBe("Onderwijsstichting Rivierenland");
    await openMenuItem(page, "Leerroute");
    await visible(page.getByText("Nog geen afgeronde zelfscan"));
    await expectAccessibleBoth(page, "learning path without a scan");

    const db = koers.database.db;
    const [rivier] = await db.select().from(organisations).where(eq(organisations.slug, "rivierenland"));
    const app = { database: koers.database, orgs: { rivier: rivier?.id } } as unknown as TestApp;
    // Her scan there reaches every target: nothing is proposed, and she adds a competence herself.
    await createFinishedScan(app, { email: SANNE, organisation: "rivier", self: 3 });
    await page.reload();
    await visible(page.getByRole("heading", { name: "Voorstel voor je eerste leerroute" }));
    await visible(page.getByText("Je zelfscan laat geen achterstand zien."));
    await expectAccessibleBoth(page, "first learning path proposed");
    await page.getByRole("button", { name: "Maak mijn leerroute" }).click();
    await visible(page.getByText("Je leerroute is gemaakt."));
    await visible(page.getByText("Er staat nog niets in je leerroute."));

    await page.getByRole("combobox", { name: "Competentie", exact: true }).click();
    await page.getByRole("option", { name: "Feedback geven", exact: true }).click();
    await page.getByRole("button", { name: "Toevoegen" }).click();
    await visible(page.getByRole("heading", { level: 3, name: "Stap 1: Feedback geven" }));
    await page.getByRole("button", { name: "Leerroute opslaan" }).click();
    await visible(page.getByText("Je leerroute is opgeslagen."));
    await page.reload();
    const added = step(page, "Feedback geven");
    await textOf(added).toContain("Zelf toegevoegd");
    await textOf(added).toContain("Werk aan deze gedragsindicatoren");
    await textOf(added).toContain("Gekozen");
    await expectAccessibleBoth(page, "learning path with an added competence");
  });

  it("speaks English, at phone width too", async () => {
    const { page } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(page, SANNE);
    await page.getByRole("combobox", { name: "Organisatie wisselen" }).selectOption({ label: "Zorggroep De Linde" });
    await textOf(page.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
    await page.getByRole("button", { name: /English/ }).click();
    await openMenuItem(page, "Learning path");
    await visible(page.getByRole("heading", { name: "Your learning path" }));
    await visible(page.getByRole("heading", { level: 3, name: /^Step 1: / }));
    await textOf(page.getByRole("main")).toContain("Modules for this");
    await visible(page.getByRole("button", { name: "Save learning path" }));
    await expectAccessibleBoth(page, "learning path in English");
  });
});
