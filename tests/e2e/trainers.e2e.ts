import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, dutchToday } from "../../src/domain/dutch-time.js";
import { expectAccessible, type Koers, openMenuItem, startKoers, textOf, visible } from "./support/koers.js";
import { apiAs } from "./support/trajectory.js";

/**
 * The network's trainer pool, on phones: the network coordinator certifies the one trainer of De
 * Wilgen (told at the field when the end lies before the start); De Linde's praktijkopleider asks
 * that trainer for a training; De Wilgen sees its count against the minimum and accepts; De Linde
 * sees the answer. A trainer keeps her own topics. Every page is checked with axe-core at 375 px.
 */

let koers: Koers;
const pages: Record<string, Page> = {};

const PEOPLE = {
  sanne: ["sanne.visser@netwerk.example", "de-linde"],
  joost: ["joost.smit@delinde.example", "de-linde"],
  ingrid: ["ingrid.bos@dewilgen.example", "de-wilgen"],
  eva: ["eva.mulder@delinde.example", "de-linde"],
} as const;

beforeAll(async () => {
  koers = await startKoers();
  for (const [name, [email, organisation]] of Object.entries(PEOPLE)) {
    const { page, context } = await koers.newPage();
    await apiAs(context, email, organisation);
    pages[name] = page;
  }
});
afterAll(() => koers.close());

const as = (name: keyof typeof PEOPLE) => pages[name] as Page;
const trainer = (page: Page, name: string) => page.getByRole("listitem", { name, exact: true });
const requestOf = (page: Page, name: string) => page.getByRole("listitem", { name });

async function openTrainers(page: Page) {
  await page.goto("/");
  await visible(page.getByRole("heading", { name: "Overzicht", level: 2 }));
  await openMenuItem(page, "Trainers");
  await visible(page.getByRole("heading", { name: "Trainers", level: 2 }));
}

describe("a trainer certified and requested by another organisation", () => {
  it("the network coordinator certifies De Wilgen's trainer, told at the field when the dates are wrong", async () => {
    const page = as("sanne");
    await openTrainers(page);
    const counts = page.getByRole("region", { name: "Trainers per organisatie" });
    await textOf(counts).toContain("Zorggroep De Wilgen");
    await textOf(counts).toContain("Minder dan 2");
    await expectAccessible(page, "trainers (coordinator, phone)");

    const ingrid = trainer(page, "Ingrid Bos");
    await textOf(ingrid).toContain("Niet gecertificeerd");
    await ingrid.getByRole("button", { name: "Certificeren: Ingrid Bos" }).click();
    const today = dutchToday();
    await ingrid.getByLabel(/^Gecertificeerd op/).fill(today);
    await ingrid.getByLabel(/^Geldig tot/).fill(addDays(today, -1));
    await expectAccessible(page, "certify form (phone)");
    await ingrid.getByRole("button", { name: "Certificering vastleggen" }).click();
    await visible(ingrid.getByText("Geldig tot moet na de datum van certificering liggen."));
    // What was typed is still there.
    await expect.poll(() => ingrid.getByLabel(/^Gecertificeerd op/).inputValue()).toBe(today);
    await ingrid.getByLabel(/^Geldig tot/).fill(addDays(today, 3 * 365));
    await ingrid.getByRole("button", { name: "Certificering vastleggen" }).click();
    await visible(ingrid.getByText(/^Gecertificeerd tot/));
  });

  it("De Linde's praktijkopleider asks that trainer for a training", async () => {
    const page = as("joost");
    await openTrainers(page);
    const ingrid = trainer(page, "Ingrid Bos");
    await textOf(ingrid).toContain("Zorggroep De Wilgen");
    await ingrid.getByRole("button", { name: "Vraag deze trainer: Ingrid Bos" }).click();
    await ingrid.getByLabel(/^Onderwerp van de training/).fill("Werkplekleren in de wijkteams");
    await ingrid.getByLabel(/^Gewenste datum/).fill(addDays(dutchToday(), 40));
    await ingrid
      .getByLabel("Bericht aan de organisatie van de trainer")
      .fill("Een middag voor twaalf werkbegeleiders.");
    await ingrid.getByRole("button", { name: "Verzoek versturen" }).click();
    const asked = requestOf(page, "Gevraagd: Ingrid Bos (Zorggroep De Wilgen)");
    await textOf(asked).toContain("Open");
    await textOf(asked).toContain("Werkplekleren in de wijkteams");
    await expectAccessible(page, "trainers with a request (phone)");
  });

  it("De Wilgen sees its count against the minimum and accepts; De Linde sees the answer", async () => {
    const page = as("ingrid");
    await openTrainers(page);
    const own = page.getByRole("region", { name: "Trainers van je organisatie" });
    await textOf(own).toContain("1 van 1 trainers gecertificeerd");
    await textOf(own).toContain("het netwerk vraagt er minstens 2");
    const incoming = requestOf(page, "Zorggroep De Linde vraagt Ingrid Bos");
    await textOf(incoming).toContain("Een middag voor twaalf werkbegeleiders.");
    await expectAccessible(page, "trainers of De Wilgen (phone)");
    await incoming.getByLabel("Antwoord aan Zorggroep De Linde").fill("Graag; ik bel over de tijd.");
    await incoming.getByRole("button", { name: "Accepteren" }).click();
    await textOf(incoming).toContain("Geaccepteerd");

    const linde = as("joost");
    await linde.reload();
    const asked = requestOf(linde, "Gevraagd: Ingrid Bos (Zorggroep De Wilgen)");
    await textOf(asked).toContain("Geaccepteerd");
    await textOf(asked).toContain("Antwoord: Graag; ik bel over de tijd.");
  });

  it("a trainer keeps her own topics and days", async () => {
    const page = as("eva");
    await openTrainers(page);
    const eva = trainer(page, "Eva Mulder");
    await eva.getByRole("button", { name: "Profiel wijzigen: Eva Mulder" }).click();
    await eva.getByLabel("Onderwerpen").fill("Feedback geven\nIntervisie leiden");
    await eva.getByLabel("Vrijdag").check();
    await expectAccessible(page, "trainer profile form (phone)");
    await eva.getByRole("button", { name: "Profiel opslaan" }).click();
    await textOf(eva).toContain("Feedback geven, Intervisie leiden");
    await textOf(eva).toContain("di, do, vr");
    // Nobody else's profile is hers to change.
    await textOf(page.getByRole("listitem", { name: "Joost Smit", exact: true })).not.toContain("Profiel wijzigen");
  });

  it("a training under supervision is recorded by the trainer and signed off by her supervisor", async () => {
    const page = as("eva");
    const eva = trainer(page, "Eva Mulder");
    await eva.getByRole("button", { name: "Training onder supervisie vastleggen: Eva Mulder" }).click();
    await eva.getByLabel(/^Titel van de training/).fill("Reflecteren met STARR voor BBL-studenten");
    await eva.getByLabel(/^Gegeven op/).fill(addDays(dutchToday(), -2));
    await eva.getByLabel(/^Supervisor/).selectOption({ label: "Joost Smit" });
    await expectAccessible(page, "supervised training form (phone)");
    await eva.getByRole("button", { name: "Vastleggen", exact: true }).click();
    await textOf(eva).toContain("Wacht op aftekening");

    const joost = as("joost");
    await openTrainers(joost);
    const evaForJoost = trainer(joost, "Eva Mulder");
    await evaForJoost.getByLabel("Feedback voor Eva Mulder").fill("Heldere opbouw; meer tijd voor de oefening.");
    await expectAccessible(joost, "sign-off (phone)");
    await evaForJoost.getByRole("button", { name: "Aftekenen" }).click();
    await textOf(evaForJoost).toContain("Afgetekend");
    await textOf(evaForJoost).toContain("1 training onder supervisie afgetekend");

    await page.reload();
    await textOf(trainer(page, "Eva Mulder")).toContain("Feedback: Heldere opbouw; meer tijd voor de oefening.");
  });
});
