import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

async function expectAccessibleBoth(page: Page, label: string) {
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page, `${label} (phone)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function as(email: string, organisation?: string) {
  const { page, context } = await koers.newPage({ width: 1280, height: 900 });
  await signIn(page, email);
  if (organisation)
    await page.getByRole("combobox", { name: "Organisatie wisselen" }).selectOption({ label: organisation });
  return { page, context };
}

async function vote(email: string, url: string, choice: "Instemmen" | { reason: string }) {
  const { page, context } = await as(email);
  await page.goto(url);
  const form = page.getByRole("region", { name: "Stem namens je organisatie" });
  if (typeof choice === "string") {
    await form.getByRole("combobox", { name: "Je stem" }).selectOption({ label: choice });
  } else {
    await form.getByRole("combobox", { name: "Je stem" }).selectOption({ label: "Afwijzen met een reden" });
    // A rejection without a reason is refused at the field.
    await form.getByRole("button", { name: "Stem versturen" }).click();
    await visible(form.getByText("Vul dit veld in."));
    await form.getByRole("textbox", { name: /Reden of opmerking/ }).fill(choice.reason);
  }
  await form.getByRole("button", { name: "Stem versturen" }).click();
  await visible(page.getByText("Je stem is verstuurd."));
  return { page, context };
}

describe("a consensus round", () => {
  it("carries the demo's round on: a rejection, a change in the editor (a new round), approvals and publication", async () => {
    // The demo's round on version 2: De Linde approved, Rivierenland commented, De Wilgen has to vote.
    const sanne = await as("sanne.visser@netwerk.example", "Zorggroep De Linde");
    await openMenuItem(sanne.page, "Competentiekaders");
    await sanne.page.getByRole("link", { name: "Vakbekwaam werkbegeleiden" }).first().click();
    await sanne.page.getByRole("link", { name: "Naar de stemronde van versie 2" }).click();
    await visible(sanne.page.getByRole("heading", { name: "Stemronde versie 2" }));
    await visible(sanne.page.getByText("Er wordt gestemd (ronde 1)."));
    const url = new URL(sanne.page.url()).pathname;
    await expectAccessibleBoth(sanne.page, "consensus page, coordinator");

    const ingrid = await vote("ingrid.bos@dewilgen.example", url, {
      reason: "Feedback vragen in het driegesprek ontbreekt",
    });
    const members = ingrid.page.getByRole("region", { name: "Wie heeft gestemd" });
    await textOf(members.getByRole("row", { name: /Zorggroep De Wilgen/ })).toContain("Afgewezen");
    await textOf(members).toContain("Feedback vragen in het driegesprek ontbreekt");
    await expectAccessibleBoth(ingrid.page, "consensus page, representative");
    await ingrid.context.close();

    // The change, in the framework editor: saving while members vote starts the next round.
    await sanne.page.goto(url.replace(/\/consensus$/, "/bewerken"));
    await visible(sanne.page.getByText("Er wordt gestemd: een wijziging start een nieuwe stemronde."));
    const add = sanne.page.getByRole("group", { name: "Gedragsindicator toevoegen aan In gesprek" });
    await add
      .getByRole("textbox", { name: "Nieuwe gedragsindicator (Nederlands)" })
      .fill("Vraagt in het driegesprek met school om feedback op de begeleiding.");
    await add
      .getByRole("textbox", { name: "Nieuwe gedragsindicator (Engels)" })
      .fill("Asks for feedback on their guidance in the three-way meeting with school.");
    await add.getByRole("button", { name: "Toevoegen" }).click();
    await sanne.page.getByRole("button", { name: "Versie opslaan" }).click();
    await visible(sanne.page.getByText("De versie is opgeslagen."));

    for (const email of ["joost.smit@delinde.example", "ingrid.bos@dewilgen.example", "beheer@rivierenland.example"]) {
      const { context } = await vote(email, url, "Instemmen");
      await context.close();
    }

    await sanne.page.goto(url);
    await visible(sanne.page.getByText("Er wordt gestemd (ronde 2)."));
    await visible(sanne.page.getByText("De regel is gehaald: de versie kan worden vastgesteld."));
    await textOf(sanne.page.getByRole("region", { name: "Eerdere rondes" })).toContain(
      "Feedback vragen in het driegesprek ontbreekt",
    );
    await sanne.page.getByRole("button", { name: "Versie vaststellen" }).click();
    await visible(sanne.page.getByText("Deze versie is vastgesteld."));
    await expectAccessibleBoth(sanne.page, "consensus page, published");

    // Every member now works with version 2.
    await sanne.page.goto(url.replace(/\/versies\/.*$/, ""));
    await visible(sanne.page.getByText("Je organisatie werkt met versie 2."));
  });
});
