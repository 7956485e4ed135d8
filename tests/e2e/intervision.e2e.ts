import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, dutchToday } from "../../src/domain/dutch-time.js";
import { expectAccessible, type Koers, startKoers, textOf, visible } from "./support/koers.js";
import { apiAs } from "./support/trajectory.js";

/**
 * An intervisie group over three meetings: the training officer makes the group, members plan a
 * meeting in turn with the case bringer the rotation proposes, follow the method's steps, record
 * who was there, confirm their own attendance and write notes only members read. Every page is
 * checked with axe-core on a phone (375 px wide). The meetings are recorded afterwards, so they
 * are planned on dates already past: a meeting is recorded as held only once it has started.
 */

let koers: Koers;
const pages: Record<string, Page> = {};
let groupUrl = "";
const meetingUrls: string[] = [];

const PEOPLE = {
  joost: "joost.smit@delinde.example",
  daan: "daan.bakker@delinde.example",
  eva: "eva.mulder@delinde.example",
  fatima: "fatima.yilmaz@delinde.example",
  anna: "beheer@delinde.example",
} as const;

beforeAll(async () => {
  koers = await startKoers();
  for (const [name, email] of Object.entries(PEOPLE)) {
    const { page, context } = await koers.newPage();
    await apiAs(context, email);
    pages[name] = page;
  }
});
afterAll(() => koers.close());

const as = (name: keyof typeof PEOPLE) => pages[name] as Page;
const saved = (page: Page, text: string) => visible(page.getByRole("alert").filter({ hasText: text }));

describe("an intervisie group over three meetings", () => {
  it("the training officer makes a group, is warned about its size, and adds members", async () => {
    const page = as("joost");
    await page.goto("/intervisie");
    await visible(page.getByRole("heading", { name: "Intervisie", level: 2 }));
    const form = page.getByRole("region", { name: "Nieuwe groep" });
    await form.getByLabel("Naam van de groep").fill("Intervisie jeugdteam");
    await form.getByLabel("Om de hoeveel weken").fill("6");
    await form.getByRole("checkbox", { name: "Daan Bakker" }).check();
    await form.getByRole("checkbox", { name: "Joost Smit" }).check();
    await expectAccessible(page, "intervisie groups (phone)");
    await form.getByRole("button", { name: "Groep maken" }).click();

    await visible(page.getByRole("heading", { name: "Intervisie jeugdteam", level: 2 }));
    groupUrl = new URL(page.url()).pathname;
    await textOf(page.getByRole("alert").filter({ hasText: "Let op" })).toContain("Deze groep heeft 2 leden");
    await expectAccessible(page, "intervisie group with a warning (phone)");

    const members = page.getByRole("region", { name: "Leden" });
    for (const name of ["Eva Mulder", "Fatima Yılmaz"]) {
      await members.getByLabel("Collega").selectOption({ label: name });
      await members.getByRole("button", { name: "Lid toevoegen" }).click();
      await saved(page, `${name} is toegevoegd.`);
    }
    await expect.poll(() => page.getByText("Deze groep heeft").count(), { timeout: 10_000 }).toBe(0);
    await textOf(members).toContain("Fatima Yılmaz");
  });

  it("members plan three meetings in turn; each time the proposed case bringer rotates", async () => {
    // Nobody brought in a case yet: who joined first comes first (the two the group was made
    // with, by name), then Eva and Fatima, added in that order.
    const turns: Array<[keyof typeof PEOPLE, string]> = [
      ["daan", "Daan Bakker"],
      ["joost", "Joost Smit"],
      ["fatima", "Eva Mulder"],
    ];
    for (const [index, [planner, proposed]] of turns.entries()) {
      const page = as(planner);
      await page.goto(groupUrl);
      const about = page.getByRole("region", { name: "Over de groep" });
      await textOf(about).toContain(`Voorgestelde inbrenger volgende keer: ${proposed}`);
      const plan = page.getByRole("region", { name: "Bijeenkomst plannen" });
      expect(await plan.getByLabel("Inbrenger").locator("option:checked").textContent()).toBe(
        `${proposed} (voorgesteld)`,
      );
      if (planner === "daan") await expectAccessible(page, "intervisie group, to plan (phone)");
      await plan.getByLabel("Datum").fill(addDays(dutchToday(), -21 + 7 * index));
      await plan.getByRole("button", { name: "Bijeenkomst plannen" }).click();
      await visible(page.getByRole("heading", { name: /^Bijeenkomst van /, level: 2 }));
      meetingUrls.push(new URL(page.url()).pathname);
      await textOf(page.getByRole("region", { name: "Gegevens" })).toContain(`Inbrenger: ${proposed}`);
    }
    const page = as("joost");
    await page.goto(groupUrl);
    await textOf(page.getByRole("region", { name: "Over de groep" })).toContain(
      "Voorgestelde inbrenger volgende keer: Fatima Yılmaz",
    );
    await expect.poll(() => page.getByRole("region", { name: "Bijeenkomsten" }).getByRole("listitem").count()).toBe(3);
  });

  it("during the meeting the method's steps show, one at a time", async () => {
    const page = as("daan");
    await page.goto(meetingUrls[0] as string);
    const steps = page.getByRole("region", { name: "Stappen van de incidentmethode" });
    await visible(steps);
    const list = steps.getByRole("list", { name: "Stappen" });
    await expect.poll(() => list.getByRole("listitem").count()).toBe(5);
    await textOf(steps.locator('[aria-current="step"]')).toContain("hooguit 3 minuten");
    await steps.getByRole("button", { name: "Volgende stap" }).click();
    await textOf(steps.locator('[aria-current="step"]')).toContain("open vragen");
    await textOf(steps).toContain("Stap 2 van 5");
    await expectAccessible(page, "intervisie meeting, planned (phone)");
  });

  it("attendance is recorded, and a present member confirms their own line", async () => {
    const page = as("daan");
    const attendance = page.getByRole("region", { name: "Presentielijst" });
    for (const name of ["Daan Bakker", "Fatima Yılmaz", "Joost Smit"])
      await attendance.getByRole("checkbox", { name: `${name} aanwezig` }).check();
    await attendance.getByRole("button", { name: "Vastleggen als gehouden" }).click();
    await saved(page, "Presentielijst vastgelegd.");
    const table = attendance.getByRole("table");
    await textOf(table).toContain("13:30–15:00");
    await textOf(table.getByRole("row", { name: /Eva Mulder/ })).toContain("Nee");
    await textOf(table.getByRole("row", { name: /Daan Bakker/ })).toContain("Nog niet bevestigd");
    await expectAccessible(page, "intervisie meeting, held (phone)");

    await attendance.getByRole("button", { name: "Bevestig mijn aanwezigheid" }).click();
    await saved(page, "Je aanwezigheid is bevestigd.");
    await textOf(attendance.getByRole("row", { name: /Daan Bakker/ })).toContain("Bevestigd op");
    await textOf(attendance.getByRole("row", { name: /Fatima Yılmaz/ })).toContain("Nog niet bevestigd");

    // Eva was not there: nothing for her to confirm. Fatima confirms her own line.
    const eva = as("eva");
    await eva.goto(meetingUrls[0] as string);
    await visible(eva.getByRole("region", { name: "Presentielijst" }).getByRole("table"));
    expect(await eva.getByRole("button", { name: "Bevestig mijn aanwezigheid" }).count()).toBe(0);
    const fatima = as("fatima");
    await fatima.goto(meetingUrls[0] as string);
    await fatima.getByRole("button", { name: "Bevestig mijn aanwezigheid" }).click();
    await saved(fatima, "Je aanwezigheid is bevestigd.");
    await textOf(fatima.getByRole("row", { name: /Fatima Yılmaz/ })).toContain("Bevestigd op");
  });

  it("a member writes notes that only members read; the hours are credited", async () => {
    const page = as("daan");
    await page.goto(meetingUrls[0] as string);
    const notes = page.getByRole("region", { name: "Aantekeningen" });
    await notes
      .getByLabel("Aantekeningen van de groep")
      .fill("Casus over een lastig oudergesprek; advies van Fatima gekozen.");
    await notes.getByRole("button", { name: "Aantekeningen opslaan" }).click();
    await saved(page, "Aantekeningen opgeslagen.");

    const anna = as("anna");
    await anna.goto(meetingUrls[0] as string);
    const hidden = anna.getByRole("region", { name: "Aantekeningen" });
    await textOf(hidden).toContain("alleen voor de leden");
    expect(await anna.getByText("lastig oudergesprek").count()).toBe(0);
    await expectAccessible(anna, "intervisie meeting as the admin (phone)");

    await page.goto(groupUrl);
    const members = page.getByRole("region", { name: "Leden" });
    await textOf(members).toContain("1,5 uur intervisie");
    await expectAccessible(page, "intervisie group with a meeting held (phone)");
  });

  it("the second and third meetings are held and confirmed by present members too", async () => {
    for (const [index, planner] of (["eva", "fatima"] as const).entries()) {
      const page = as(planner);
      await page.goto(meetingUrls[index + 1] as string);
      const attendance = page.getByRole("region", { name: "Presentielijst" });
      await visible(attendance);
      for (const name of ["Daan Bakker", "Eva Mulder", "Fatima Yılmaz"])
        await attendance.getByRole("checkbox", { name: `${name} aanwezig` }).check();
      await attendance.getByRole("button", { name: "Vastleggen als gehouden" }).click();
      await saved(page, "Presentielijst vastgelegd.");
      await attendance.getByRole("button", { name: "Bevestig mijn aanwezigheid" }).click();
      await textOf(
        attendance.getByRole("row", { name: new RegExp(planner === "eva" ? "Eva Mulder" : "Fatima Yılmaz") }),
      ).toContain("Bevestigd op");
    }
    const page = as("fatima");
    await page.goto(groupUrl);
    await textOf(page.getByRole("region", { name: "Leden" })).toContain("3 uur intervisie");
  });
});
