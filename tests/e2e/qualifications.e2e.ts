import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import { expectAccessible, type Koers, openMenuItem, startKoers, textOf, visible } from "./support/koers.js";
import { type Api, apiAs } from "./support/trajectory.js";

/**
 * A qualification's core tasks and work processes on phones: the praktijkopleider pastes them,
 * told at the field which line is wrong without losing what was typed; the werkbegeleider then
 * picks a BPV student's learning goal from a work process.
 */

let koers: Koers;
const pages: Record<string, Page> = {};
let sanneApi: Api;

const PEOPLE = {
  joost: "joost.smit@delinde.example",
  sanne: "sanne.visser@netwerk.example",
} as const;

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

describe("a qualification to pick learning goals from", () => {
  it("is pasted by the praktijkopleider, a wrong line told at the field", async () => {
    const page = as("joost");
    await page.goto("/");
    await visible(page.getByRole("heading", { name: "Overzicht", level: 2 }));
    await openMenuItem(page, "Kwalificaties");
    await visible(page.getByRole("heading", { name: "Kwalificaties", level: 2 }));
    // The demo's example is there, with its core tasks and work processes.
    await textOf(page.getByRole("listitem", { name: "Verzorgende IG (voorbeeld)" })).toContain(
      "B1-K1-W4 Draagt de zorg over bij de dienstwisseling",
    );
    await expectAccessible(page, "qualifications (phone)");

    const form = page.getByRole("region", { name: "Nieuwe kwalificatie" });
    await form.getByLabel(/^Naam/).fill("Maatschappelijke zorg");
    const text = "B1-K1 Ondersteunt de cliënt\nB1-K2-W1 Werkt samen met het netwerk van de cliënt";
    await form.getByLabel(/^Kerntaken en werkprocessen/).fill(text);
    await form.getByRole("button", { name: "Kwalificatie opslaan" }).click();
    await visible(form.getByText(/Regel 2: werkproces B1-K2-W1 staat niet onder zijn kerntaak/));
    expect(await form.getByLabel(/^Kerntaken en werkprocessen/).inputValue()).toBe(text);
    await expectAccessible(page, "qualification form with an error (phone)");
    await form
      .getByLabel(/^Kerntaken en werkprocessen/)
      .fill("B1-K1 Ondersteunt de cliënt\nB1-K1-W1 Werkt samen met het netwerk van de cliënt");
    await form.getByRole("button", { name: "Kwalificatie opslaan" }).click();
    const made = page.getByRole("listitem", { name: "Maatschappelijke zorg" });
    await textOf(made).toContain("1 kerntaak · 1 werkproces");
    // Deleting asks first.
    await made.getByRole("button", { name: "Maatschappelijke zorg verwijderen" }).click();
    const dialog = page.getByRole("dialog", { name: "Maatschappelijke zorg verwijderen" });
    await expectAccessible(page, "deleting a qualification (phone)");
    await dialog.getByRole("button", { name: "Verwijderen" }).click();
    await expect.poll(() => page.getByRole("listitem", { name: "Maatschappelijke zorg" }).count()).toBe(0);
  });

  it("gives the werkbegeleider a student's goal from a work process", async () => {
    const list = await sanneApi.get<{ items: { id: string; title: string }[] }>("/trajectories?page=1&pageSize=100");
    const amira = list.items.find((x) => x.title === "BPV Amira Haddou");
    const detail = await sanneApi.get<TrajectoryDetail>(`/trajectories/${amira?.id}`);
    const page = as("sanne");
    await page.goto(`/trajecten/${detail.id}?deel=doelen`);
    const add = page.getByRole("region", { name: "Doel toevoegen" });
    await add
      .getByLabel("Uit de kwalificatie")
      .selectOption({ label: "B1-K1-W3 Signaleert veranderingen in de gezondheid en rapporteert ze" });
    await expect
      .poll(() => add.getByLabel(/^Doel/).inputValue())
      .toBe("B1-K1-W3 Signaleert veranderingen in de gezondheid en rapporteert ze");
    await add.getByLabel(/^Doel/).fill("B1-K1-W3 Amira rapporteert elke dienst wat ze aan een cliënt opmerkt");
    await add.getByLabel(/^Succescriteria/).fill("Twee weken lang elke dienst een rapportage, zonder herinnering.");
    await expectAccessible(page, "a goal from a work process (phone)");
    await add.getByRole("button", { name: "Doel toevoegen" }).click();
    await textOf(page.getByRole("main")).toContain("B1-K1-W3 Amira rapporteert elke dienst");
  });
});
