import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../support/pdf-text.js";
import {
  downloaded,
  expectAccessible,
  type Koers,
  openMenuItem,
  signIn,
  startKoers,
  textOf,
  visible,
} from "./support/koers.js";
import { apiAs, dayFromToday } from "./support/trajectory.js";

/**
 * The teacher trajectory of seed 004, start to finish, as the three people do it: the director
 * (opdrachtgever) starts it, the adviser runs it, the teacher consents, assesses herself and
 * reads her feedback, and the final report ends as a PDF whose text holds the goals and results.
 */
let koers: Koers;
let director: Page;
let adviser: Page;
let teacher: Page;
let trajectoryUrl = "";

const TITLE = "Werkbegeleiding Lisa Dekker, begrijpend lezen";
const GOALS = [
  {
    title: "Lisa start elke les met een zichtbare leswissel",
    rationale: "Noodzaak tot verandering",
    criteria: "Bij drie bezoeken op rij is de overgang binnen twee minuten rond.",
  },
  {
    title: "Lisa geeft verlengde instructie aan de instructietafel",
    rationale: "Noodzaak tot verandering",
    criteria: "De zwakke lezers krijgen elke les verlengde instructie.",
  },
  {
    title: "Lisa laat leerlingen hardop denken bij leesstrategieën",
    rationale: "Wens tot verandering",
    criteria: "Minstens twee leerlingen per les benoemen hun strategie.",
  },
];

beforeAll(async () => {
  koers = await startKoers();
  director = (await koers.newPage({ width: 1280, height: 900 })).page;
  adviser = (await koers.newPage({ width: 1280, height: 900 })).page;
  teacher = (await koers.newPage({ width: 1280, height: 900 })).page;
  await signIn(director, "mohamed.bouali@rivierenland.example");
  await signIn(adviser, "sanne.visser@netwerk.example");
  await workFor(adviser, "Onderwijsstichting Rivierenland");
  await signIn(teacher, "lisa.dekker@rivierenland.example");
});
afterAll(() => koers.close());

/** Sanne works for two organisations; this story is Rivierenland's. */
async function workFor(page: Page, organisation: string) {
  const heading = page.getByRole("heading", { level: 1 });
  if ((await heading.textContent()) === organisation) return;
  const burger = page.getByRole("button", { name: "Menu openen" });
  if (await burger.isVisible()) await burger.click();
  await page.getByRole("combobox", { name: "Organisatie wisselen" }).selectOption({ label: organisation });
  await textOf(heading).toBe(organisation);
}

async function openTrajectory(page: Page, tab?: string) {
  await page.goto(trajectoryUrl);
  await visible(page.getByRole("heading", { name: TITLE, level: 2 }));
  if (tab) {
    await page.getByRole("tab", { name: tab, exact: true }).click();
    await visible(page.getByRole("tabpanel", { name: tab }));
  }
}

/** Takes a status step: the button in the status region, then the same button in the confirmation. */
async function step(page: Page, name: string, reason?: string) {
  await page.getByRole("region", { name: "Status" }).getByRole("button", { name, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await visible(dialog);
  if (reason) await dialog.getByRole("textbox").fill(reason);
  await dialog.getByRole("button", { name, exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
}

async function choose(page: Page, label: string, option: string) {
  const field = page.getByRole("combobox", { name: label, exact: true });
  await field.click();
  await field.fill(option.split(" ")[0] ?? option);
  await page.getByRole("option", { name: option, exact: true }).click();
}

async function planMeeting(
  page: Page,
  type: string,
  day: string,
  time: string,
  options: { unannounced?: boolean } = {},
) {
  await openTrajectory(page, "Bijeenkomsten");
  const form = page.getByRole("region", { name: "Bijeenkomst plannen" });
  await form.getByLabel("Soort bijeenkomst").selectOption({ label: type });
  await form.getByLabel("Datum").fill(day);
  await form.getByLabel("Tijdstip").fill(time);
  if (options.unannounced) await form.getByLabel("Onaangekondigd").check();
  await form.getByRole("button", { name: "Bijeenkomst plannen" }).click();
  await visible(page.getByText(/gepland op/));
}

async function openMeeting(page: Page, type: string, nth = 0) {
  await openTrajectory(page, "Bijeenkomsten");
  await page
    .getByRole("region", { name: "Alle bijeenkomsten" })
    .getByRole("link", { name: new RegExp(`^${type}`) })
    .nth(nth)
    .click();
  await visible(page.getByRole("heading", { name: new RegExp(`^${type} op`), level: 2 }));
}

async function recordHeld(page: Page, scores?: Record<string, string>) {
  if (scores) {
    for (const [item, score] of Object.entries(scores))
      await page
        .getByRole("group", { name: item, exact: true })
        .getByRole("radio", { name: new RegExp(`^${score}`) })
        .check();
  }
  await page.getByLabel("Voorbereiding (minuten)").fill("15");
  await page.getByLabel("Reistijd (minuten)").fill("20");
  await page.getByRole("button", { name: "Vastleggen als gehouden" }).click();
  await visible(page.getByText("Bijeenkomst vastgelegd als gehouden."));
}

describe("the teacher trajectory, from the director's request to the final report", () => {
  it("the director starts the trajectory, choosing the adviser and the period", async () => {
    await openMenuItem(director, "Trajecten");
    await director.getByRole("link", { name: "Traject starten" }).click();
    await visible(director.getByRole("heading", { name: "Traject starten", level: 2 }));
    await director.getByLabel("Titel").fill(TITLE);
    await choose(director, "Leerkracht", "Lisa Dekker");
    await choose(director, "Adviseur", "Sanne Visser");
    await director.getByLabel("Begindatum").fill(dayFromToday(-50));
    await director.getByLabel("Einddatum").fill(dayFromToday(60));
    await director.getByRole("button", { name: "Traject starten" }).click();
    await visible(director.getByRole("heading", { name: TITLE, level: 2 }));
    trajectoryUrl = new URL(director.url()).pathname;
    await textOf(director.getByRole("region", { name: "Status" })).toContain("Concept");
    await expectAccessible(director, "new trajectory");
  });

  it("the adviser records the intake, the teacher consents item by item, and the intake is completed", async () => {
    await openTrajectory(adviser, "Intake en plan");
    await adviser.getByLabel(/^Aanleiding/).fill("Onrust in groep 5; interne begeleiding gaf te weinig resultaat.");
    await adviser.getByLabel(/^Zorgen en wensen/).fill("Orde en structuur; handvatten om te differentiëren.");
    await adviser.getByLabel(/^Werkafspraken/).fill("Bezoeken op dinsdag, nagesprek dezelfde dag.");
    await adviser.getByRole("button", { name: "Plan opslaan" }).click();
    await visible(adviser.getByText("Plan opgeslagen."));

    // Not yet: the teacher has not consented.
    await openTrajectory(adviser);
    const status = adviser.getByRole("region", { name: "Status" });
    await textOf(status).toContain("nog niet met alle afspraken ingestemd");

    await openTrajectory(teacher, "Instemming");
    await expectAccessible(teacher, "consents");
    await teacher.getByLabel("(On)aangekondigde klassenbezoeken").check();
    await teacher.getByRole("button", { name: "Instemmen" }).click();
    await visible(teacher.getByText("Je hebt met 1 afspraak ingestemd."));
    await teacher.getByRole("button", { name: "Alles aanvinken" }).click();
    await teacher.getByRole("button", { name: "Instemmen" }).click();
    await visible(teacher.getByText("Je hebt met alle afspraken ingestemd."));

    await openTrajectory(adviser);
    await step(adviser, "Intake afronden");
    await textOf(adviser.getByRole("region", { name: "Status" })).toContain("Afgesproken");
  });

  it("the adviser writes the goals, the director approves them, and a later change needs approval again", async () => {
    await openTrajectory(adviser, "Doelen");
    for (const goal of GOALS) {
      const form = adviser.getByRole("region", { name: "Doel toevoegen" });
      await form.getByLabel(/^Doel/).fill(goal.title);
      await form.getByRole("radio", { name: goal.rationale }).check();
      await form.getByLabel(/^Succescriteria/).fill(goal.criteria);
      await form.getByRole("button", { name: "Doel toevoegen" }).click();
      await visible(adviser.getByText(goal.title));
    }
    await expectAccessible(adviser, "goals");

    await openTrajectory(director, "Doelen");
    await director.getByRole("button", { name: "Doelen goedkeuren" }).click();
    await visible(director.getByText("De doelenlijst is goedgekeurd."));

    await openTrajectory(adviser);
    await step(adviser, "Begeleiding starten");
    await textOf(adviser.getByRole("region", { name: "Status" })).toContain("Lopend");

    // A sharper first goal: the list needs the director again, and both versions stay.
    await openTrajectory(adviser, "Doelen");
    await adviser.getByRole("button", { name: "Doel 1 bewerken" }).click();
    const edit = adviser.getByRole("dialog");
    await edit.getByLabel(/^Doel/).fill(`${GOALS[0]?.title} en kondigt overgangen aan`);
    await edit.getByRole("button", { name: /Opslaan|Doel opslaan/ }).click();
    await visible(adviser.getByText("Gewijzigd sinds goedkeuring"));
    // Until the director approves it, the report waits; the status says why.
    await openTrajectory(adviser);
    await textOf(adviser.getByRole("region", { name: "Status" })).toContain(
      "Eén doel is toegevoegd of gewijzigd sinds de opdrachtgever de doelenlijst goedkeurde.",
    );
    await openTrajectory(director, "Doelen");
    await director.getByRole("button", { name: "Doelen goedkeuren" }).click();
    await visible(director.getByText("De doelenlijst is goedgekeurd."));
    await visible(director.getByText(/Versie 2, goedgekeurd door Mohamed Bouali/));
  });

  it("the adviser visits: a diagnosis visit with the observation form, announced and unannounced classroom visits", async () => {
    await planMeeting(adviser, "Diagnosebezoek", dayFromToday(-40), "09:00");
    await openMeeting(adviser, "Diagnosebezoek");
    await expectAccessible(adviser, "diagnosis visit");
    await recordHeld(adviser, {
      Leswissel: "1",
      "Gedifferentieerde instructie": "2",
      "Gedifferentieerde verwerking": "2",
      "Werken met strategieën": "3",
    });

    for (const [offset, unannounced] of [
      [-30, false],
      [-20, true],
      [-10, false],
    ] as const) {
      await planMeeting(adviser, "Klassenbezoek", dayFromToday(offset), "10:00", { unannounced });
    }
    // A visit still to come, unannounced: the teacher does not see it, not in the app either.
    await planMeeting(adviser, "Klassenbezoek", dayFromToday(5), "11:00", { unannounced: true });
    await openTrajectory(teacher, "Bijeenkomsten");
    const teacherList = teacher.getByRole("region", { name: "Alle bijeenkomsten" });
    await expect.poll(() => teacherList.getByRole("link", { name: /^Klassenbezoek/ }).count()).toBe(2);

    for (let i = 0; i < 3; i++) {
      await openMeeting(adviser, "Klassenbezoek", i);
      await recordHeld(adviser, { Leswissel: String(2 + (i === 2 ? 1 : 0)) });
    }
    await openTrajectory(teacher, "Bijeenkomsten");
    await expect.poll(() => teacherList.getByRole("link", { name: /^Klassenbezoek/ }).count()).toBe(3);
  });

  it("before the feedback conversation the teacher assesses herself; the adviser shares feedback, corrects it, and she marks it seen", async () => {
    // Two days ago: the adviser records it as held afterwards, which is only possible once it took place.
    await planMeeting(adviser, "Feedbackgesprek", dayFromToday(-2), "15:30");

    // The home page tells the teacher what is due.
    await teacher.goto("/");
    const due = teacher.getByRole("region", { name: "Wat moet ik doen" });
    await visible(due.getByRole("link", { name: /zelfbeoordeling/i }));
    await due
      .getByRole("link", { name: /zelfbeoordeling/i })
      .first()
      .click();
    await visible(teacher.getByRole("heading", { name: /^Feedbackgesprek op/, level: 2 }));
    const self = teacher.getByRole("region", { name: "Zelfbeoordeling" });
    for (const group of await self.getByRole("group", { name: "Beoordeling" }).all())
      await group.getByRole("radio", { name: /^2/ }).check();
    await self.getByRole("button", { name: "Zelfbeoordeling opslaan" }).click();
    await visible(teacher.getByText("Zelfbeoordeling opgeslagen."));
    await expectAccessible(teacher, "self-assessment");

    await openMeeting(adviser, "Feedbackgesprek");
    const feedback = adviser.getByRole("region", { name: "Feedback" });
    await feedback.getByLabel("Samenvatting van het gesprek").fill("De leswissel gaat duidelijk beter.");
    for (const group of await feedback.getByRole("group", { name: "Beoordeling" }).all())
      await group.getByRole("radio", { name: /^4/ }).check();
    await feedback.getByLabel("Handelingsaanwijzingen").first().fill("Kondig elke overgang twee minuten vooraf aan.");
    await feedback.getByRole("button", { name: "Afspraak toevoegen" }).click();
    await feedback.getByLabel("Afspraak 1", { exact: true }).fill("Dagplanning elke ochtend op het bord");
    await feedback.getByLabel("Uiterlijk op").fill(dayFromToday(9));
    await feedback.getByRole("button", { name: "Concept opslaan" }).click();
    await visible(adviser.getByText("Concept opgeslagen."));
    await feedback.getByRole("button", { name: "Delen met begeleide" }).click();
    const confirm = adviser.getByRole("dialog");
    if (await confirm.isVisible().catch(() => false))
      await confirm.getByRole("button", { name: "Delen met begeleide" }).click();
    await visible(adviser.getByText("De feedback is gedeeld met de begeleide."));

    // A correction is a new version; the shared one stays as it was.
    await feedback.getByRole("button", { name: "Corrigeren" }).click();
    await feedback
      .getByLabel("Samenvatting van het gesprek")
      .fill("De leswissel gaat duidelijk beter; de instructietafel nog niet.");
    await feedback.getByLabel("Reden van de correctie").fill("Instructietafel vergeten te noemen");
    await feedback.getByRole("button", { name: "Concept opslaan" }).click();
    await visible(adviser.getByText("Concept opgeslagen."));
    await feedback.getByRole("button", { name: "Delen met begeleide" }).click();
    if (await confirm.isVisible().catch(() => false))
      await confirm.getByRole("button", { name: "Delen met begeleide" }).click();
    await visible(adviser.getByText("De feedback is gedeeld met de begeleide."));
    await recordHeld(adviser);

    await teacher.reload();
    const read = teacher.getByRole("region", { name: "Feedback" });
    await textOf(read).toContain("de instructietafel nog niet");
    await textOf(read).toContain("Instructietafel vergeten te noemen");
    for (const button of await read.getByRole("button", { name: "Gezien" }).all()) await button.click();
    await visible(read.getByText(/Gezien op/));
    await expectAccessible(teacher, "feedback read by the teacher");

    // The ratings over the visits, as a chart with a table behind it.
    await openTrajectory(adviser, "Voortgang");
    await visible(adviser.getByRole("table", { name: new RegExp(`Beoordelingen voor doel.*${GOALS[1]?.title}`) }));
  });

  it("reporting needs three feedback conversations; the adviser goes on with a written reason, writes the report and makes it final", async () => {
    await openTrajectory(adviser);
    const status = adviser.getByRole("region", { name: "Status" });
    await textOf(status).toContain("Er zijn minstens 3 × feedbackgesprek nodig");
    await step(adviser, "Toch doorgaan", "Directeur akkoord: twee gesprekken volstaan na de snelle vooruitgang");
    await textOf(status).toContain("Verslaglegging");

    await openTrajectory(adviser, "Verslag");
    await adviser.getByRole("link", { name: "Eindverslag schrijven" }).click();
    await visible(adviser.getByRole("heading", { name: /Eindverslag/, level: 2 }));
    const results = adviser.getByLabel(/^Resultaten/);
    await expect.poll(() => results.inputValue()).toContain(GOALS[1]?.title ?? "?");
    await adviser
      .getByLabel(/^Noodzaak van vervolgstappen/)
      .fill("Geen vervolgtraject nodig; borgen in de bouwvergadering.");
    await adviser
      .getByRole("button", { name: /Opslaan/ })
      .first()
      .click();
    await visible(adviser.getByText(/opgeslagen/i));
    await expectAccessible(adviser, "final report draft");
    await adviser.getByRole("button", { name: "Definitief maken" }).click();
    await adviser.getByRole("dialog").getByRole("button", { name: "Definitief maken" }).click();
    await visible(adviser.getByText(/SHA-256/));

    await openTrajectory(adviser);
    await step(adviser, "Traject afronden");
    await textOf(adviser.getByRole("region", { name: "Status" })).toContain("Afgerond");
  });

  it("the director and the teacher download the final report as a PDF with the goals and results", async () => {
    for (const reader of [director, teacher]) {
      await openTrajectory(reader, "Verslag");
      const [download] = await Promise.all([
        reader.waitForEvent("download"),
        reader.getByRole("link", { name: "PDF downloaden" }).first().click(),
      ]);
      const text = await pdfText(await downloaded(download));
      expect(text).toContain("Onderwijsstichting Rivierenland");
      expect(text).toContain(TITLE);
      for (const goal of GOALS.slice(1)) expect(text).toContain(goal.title);
      expect(text).toContain("Overwegend sterk");
      expect(text).toContain("borgen in de bouwvergadering");
      expect(text).not.toContain("CONCEPT");
    }
  });

  it("the goal list of a teacher trajectory holds at most fifteen goals", async () => {
    const { context } = await koers.newPage({ width: 1280, height: 900 });
    const api = await apiAs(context, "sanne.visser@netwerk.example", "rivierenland");
    const running = await api.get<{ items: { id: string; title: string }[] }>("/trajectories");
    const demo = running.items.find((t) => t.title.startsWith("Werkbegeleiding Lisa Dekker, groep 5"));
    if (!demo) throw new Error("demo trajectory missing");
    for (let i = 4; i <= 15; i++)
      await api.send("POST", `/trajectories/${demo.id}/goals`, {
        title: `Extra doel ${i}`,
        rationale: "wish",
        successCriteria: "Zichtbaar",
      });
    trajectoryUrl = `/trajecten/${demo.id}`;
    await adviser.goto(`${trajectoryUrl}?deel=doelen`);
    await visible(
      adviser.getByText(
        "De doelenlijst is vol: dit traject staat hoogstens 15 doelen toe. Voeg doelen samen of verwijder er een.",
      ),
    );
  });
});
