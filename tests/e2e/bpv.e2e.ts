import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeetingDetail, TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import { cohortOf } from "../../src/domain/trajectories/retention.js";
import { expectAccessible, type Koers, openMenuItem, startKoers, textOf, visible } from "./support/koers.js";
import { type Api, apiAs, dayFromToday, momentOn } from "./support/trajectory.js";

/**
 * A BPV student's path on phones: the praktijkopleider starts it with the school's BPV-docent;
 * the werkbegeleider starts the placement and adds a colleague of the care team as co-guide; after
 * the three-way conversation the BPV-docent writes
 * their part, which the student reads; the student stops, and the werkbegeleider records why and
 * when, told at the field what is missing. The praktijkopleider then sees the stop in the
 * retention figures. Every page is checked with axe-core at 375 px.
 */

let koers: Koers;
const pages: Record<string, Page> = {};
let sanneApi: Api;
let trajectoryId = "";
let meetingId = "";

const PEOPLE = {
  joost: "joost.smit@delinde.example",
  sanne: "sanne.visser@netwerk.example",
  peter: "peter.jansen@rocwest.example",
  daan: "daan.bakker@delinde.example",
} as const;
const TITLE = "BPV Daan Bakker, Verzorgende IG";
const PART = "Daan haalt de theorie in; het praktijkexamen schuift naar juni.";

beforeAll(async () => {
  koers = await startKoers();
  for (const [name, email] of Object.entries(PEOPLE)) {
    const { page, context } = await koers.newPage();
    const api = await apiAs(context, email, "de-linde");
    if (name === "sanne") sanneApi = api;
    pages[name] = page;
  }
});
afterAll(() => koers.close());

const as = (name: keyof typeof PEOPLE) => pages[name] as Page;

/** A week ending `offset` days from today, inside one school year. */
function weekEnding(offset: number): { from: string; to: string } {
  const [from, to] = [dayFromToday(offset - 6), dayFromToday(offset)];
  return cohortOf(from) === cohortOf(to) ? { from, to } : weekEnding(offset - 7);
}

async function choose(page: Page, label: string, option: string) {
  const field = page.getByRole("combobox", { name: label, exact: true });
  await field.click();
  await field.fill(option.split(" ")[0] ?? option);
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("a BPV student's path with a three-way conversation and a stop", () => {
  it("is started by the praktijkopleider with the school's BPV-docent", async () => {
    const page = as("joost");
    await page.goto("/trajecten/nieuw");
    await visible(page.getByRole("heading", { name: "Traject starten", level: 2 }));
    await page.getByLabel(/^Soort traject/).selectOption({ label: "BPV-traject (collega-in-opleiding)" });
    await page.getByLabel(/^Titel/).fill(TITLE);
    await choose(page, "Student", "Daan Bakker");
    await choose(page, "Werkbegeleider", "Sanne Visser");
    await page.getByLabel(/^Praktijkopleider/).selectOption({ label: "Joost Smit" });
    await page.getByLabel(/^BPV-docent/).selectOption({ label: "Peter Jansen" });
    await page.getByLabel(/^Begindatum/).fill(dayFromToday(-60));
    await page.getByLabel(/^Einddatum/).fill(dayFromToday(700));
    await expectAccessible(page, "start a BPV trajectory (phone)");
    await page.getByRole("button", { name: "Traject starten" }).click();
    await visible(page.getByRole("heading", { name: TITLE, level: 2 }));
    trajectoryId = new URL(page.url()).pathname.split("/")[2] ?? "";
    expect(trajectoryId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is started as a placement by the werkbegeleider once the intake is in", async () => {
    const trajectory = await sanneApi.get<TrajectoryDetail>(`/trajectories/${trajectoryId}`);
    await sanneApi.send("PUT", `/trajectories/${trajectoryId}/plan`, {
      version: trajectory.version,
      plan: { level: "mbo3", qualification: "Verzorgende IG", school: "ROC West" },
      intensity: trajectory.intensity,
      evaluationMoments: [],
    });
    const page = as("sanne");
    await page.goto(`/trajecten/${trajectoryId}`);
    await visible(page.getByRole("heading", { name: TITLE, level: 2 }));
    await page.getByRole("button", { name: "BPV starten" }).click();
    const dialog = page.getByRole("dialog", { name: "BPV starten" });
    await dialog.getByRole("button", { name: "BPV starten" }).click();
    await textOf(page.getByRole("region", { name: "Status" })).toContain("Het traject is nu: Lopend.");
    // A colleague of the care team guides along.
    const participants = page.getByRole("region", { name: "Deelnemers toevoegen of verwijderen" });
    await participants.getByLabel("Rol").selectOption({ label: "Meekijker uit het zorgteam" });
    await participants.getByRole("button", { name: "Deelnemer toevoegen" }).click();
    await visible(participants.getByText("Kies wie je toevoegt."));
    await participants.getByLabel(/^Persoon/).selectOption({ label: "Eva Mulder" });
    await participants.getByRole("button", { name: "Deelnemer toevoegen" }).click();
    await textOf(participants).toContain("Eva Mulder (Meekijker uit het zorgteam)");
    await expectAccessible(page, "a running BPV trajectory with a co-guide (phone)");
  });

  it("has the BPV-docent write their part of the three-way conversation, which the student reads", async () => {
    const planned = await sanneApi.send<MeetingDetail>("POST", `/trajectories/${trajectoryId}/meetings`, {
      type: "driegesprek",
      startsAt: momentOn(dayFromToday(-3), "15:00"),
    });
    meetingId = planned.id;
    await sanneApi.send("PUT", `/meetings/${meetingId}`, {
      version: planned.version,
      startsAt: planned.startsAt,
      durationMinutes: 45,
      preparationMinutes: 0,
      travelMinutes: 0,
      unannounced: false,
      status: "held",
      location: null,
      notes: "Op de werkvloer gaat het goed.",
      confidential: false,
      observation: null,
    });

    const page = as("peter");
    await page.goto("/");
    await visible(page.getByRole("heading", { name: "Overzicht", level: 2 }));
    await openMenuItem(page, "Trajecten");
    // The BPV-docent sees their own students only: this one, none of Sanne's other trajectories.
    await visible(page.getByRole("link", { name: TITLE }));
    await textOf(page.locator("main")).not.toContain("Werkbegeleiding Lisa Dekker");
    await page.goto(`/trajecten/${trajectoryId}/bijeenkomsten/${meetingId}`);
    const parts = page.getByRole("region", { name: "Inbreng van de deelnemers" });
    await parts.getByRole("button", { name: "Inbreng opslaan" }).click();
    await visible(parts.getByText("Schrijf je inbreng."));
    await parts.getByLabel(/^Jouw inbreng als BPV-docent/).fill(PART);
    await expectAccessible(page, "the BPV-docent's part (phone)");
    await parts.getByRole("button", { name: "Inbreng opslaan" }).click();
    await visible(page.getByRole("alert").filter({ hasText: "Inbreng opgeslagen." }));

    const student = as("daan");
    await student.goto(`/trajecten/${trajectoryId}/bijeenkomsten/${meetingId}`);
    const read = student.getByRole("region", { name: "Inbreng van de deelnemers" });
    await textOf(read).toContain(PART);
    await textOf(read).toContain("Geschreven door Peter Jansen");
    await expectAccessible(student, "the three-way conversation, read by the student (phone)");
  });

  it("has the praktijkopleider record the hours worked, an overlap told at the field, which the student reads", async () => {
    const week = weekEnding(-8);
    const page = as("joost");
    await page.goto(`/trajecten/${trajectoryId}?deel=uren`);
    const hours = page.getByRole("region", { name: "Gewerkte BPV-uren" });
    await textOf(hours).toContain("Er zijn nog geen gewerkte uren vastgelegd.");
    const form = page.getByRole("form", { name: "Uren vastleggen" });
    await form.getByLabel(/^Eerste dag/).fill(week.from);
    await form.getByLabel(/^Laatste dag/).fill(week.to);
    await form.getByLabel(/^Uren/).fill("acht");
    await form.getByRole("button", { name: "Uren vastleggen" }).click();
    await visible(form.getByText("Vul het aantal uren in, bijvoorbeeld 32, 7,5 of 7:30."));
    await form.getByLabel(/^Uren/).fill("32");
    await form.getByLabel("Notitie").fill("Vier diensten van acht uur");
    await form.getByRole("button", { name: "Uren vastleggen" }).click();
    await textOf(hours).toContain("32:00 van 610:00 uur gewerkt");
    await textOf(hours).toContain("Vier diensten van acht uur");
    // The same week again: told at the first day which period it overlaps; the hours typed stay.
    await form.getByLabel(/^Eerste dag/).fill(week.from);
    await form.getByLabel(/^Laatste dag/).fill(week.to);
    await form.getByLabel(/^Uren/).fill("7,5");
    await form.getByRole("button", { name: "Uren vastleggen" }).click();
    await visible(form.getByText(`Deze periode overlapt met de al vastgelegde periode ${week.from}`));
    expect(await form.getByLabel(/^Uren/).inputValue()).toBe("7,5");
    await expectAccessible(page, "placement hours with an overlap at the field (phone)");

    const student = as("daan");
    await student.goto(`/trajecten/${trajectoryId}?deel=uren`);
    await textOf(student.getByRole("region", { name: "Gewerkte BPV-uren" })).toContain("32:00 van 610:00 uur gewerkt");
    expect(await student.getByRole("button", { name: "Uren vastleggen" }).count()).toBe(0);
    await expectAccessible(student, "placement hours read by the student (phone)");
  });

  it("records the student's stop with a reason from the list and its date, asked at the fields", async () => {
    const page = as("sanne");
    await page.goto(`/trajecten/${trajectoryId}`);
    await page.getByRole("button", { name: "Student stopt" }).click();
    const dialog = page.getByRole("dialog", { name: "Student stopt" });
    await dialog.getByLabel(/^Datum/).fill(dayFromToday(3));
    await dialog.getByRole("button", { name: "Student stopt" }).click();
    await visible(dialog.getByText("Kies een reden."));
    await visible(dialog.getByText("Deze datum ligt in de toekomst."));
    await expectAccessible(page, "the stop dialog with its errors (phone)");
    await dialog.getByLabel(/^Reden/).selectOption({ label: "Werkdruk" });
    await dialog.getByLabel(/^Datum/).fill(dayFromToday(-1));
    await dialog.getByLabel("Toelichting").fill("Te veel avonddiensten naast school.");
    await dialog.getByRole("button", { name: "Student stopt" }).click();
    const status = page.getByRole("region", { name: "Status" });
    await textOf(status).toContain("Het traject is nu: Gestopt.");
    const overview = page.getByRole("region", { name: "Gegevens" });
    await textOf(overview).toContain("Werkdruk");
    await textOf(overview).toContain("Te veel avonddiensten naast school.");
  });

  it("shows the praktijkopleider the stop in the retention figures, without names", async () => {
    const page = as("joost");
    await page.goto("/");
    await visible(page.getByRole("heading", { name: "Overzicht", level: 2 }));
    await openMenuItem(page, "Studentbehoud");
    await visible(page.getByRole("heading", { name: "Studentbehoud", level: 2 }));
    const section = page.getByRole("region", { name: "BPV-traject (collega-in-opleiding)" });
    await textOf(section).toContain("Werkdruk");
    await textOf(section).toContain("Na 2 jaar nog bezig of klaar");
    await textOf(page.locator("main")).not.toContain("Daan Bakker");
    // The network's members, counts only: De Wilgen's students too.
    await textOf(page.getByRole("region", { name: "In het netwerk" })).toContain("Zorggroep De Wilgen, 2024-2025");
    await section.getByLabel("Niveau").selectOption({ label: "Mbo-niveau 2" });
    await textOf(section).toContain("Verkeerde studiekeuze");
    await expectAccessible(page, "student retention (phone)");
  });
});
