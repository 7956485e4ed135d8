import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitationLinkFor } from "../support/mailbox.js";
import { expectFieldError } from "./support/fields.js";
import {
  DEMO_PASSWORD,
  expectAccessible,
  type Koers,
  openMenuItem,
  signIn,
  startKoers,
  textOf,
  visible,
} from "./support/koers.js";
import { expectMaskedInOutbox } from "./support/outbox.js";

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

/** The invitation of this person in the list on screen (a card on a phone, a table row on a wide screen). */
function invitationOf(page: Page, name: string): Locator {
  return page
    .getByRole("table", { name: "Uitnodigingen, nieuwste eerst" })
    .getByRole("row")
    .filter({ has: page.getByText(name, { exact: true }) });
}

async function invite(page: Page, person: { email: string; name: string; roles: string[] }) {
  await openMenuItem(page, "Uitnodigingen");
  await visible(page.getByRole("heading", { name: "Uitnodigingen", level: 2 }));
  const form = page.getByRole("region", { name: "Iemand uitnodigen" });
  await form.getByLabel("Naam").fill(person.name);
  await form.getByLabel("E-mailadres").fill(person.email);
  for (const role of person.roles) await form.getByRole("checkbox", { name: role, exact: true }).check();
  await form.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await textOf(page.getByRole("alert").filter({ hasText: "Uitnodiging verstuurd" })).toContain(
    `Uitnodiging verstuurd naar ${person.email}.`,
  );
  // The form is empty again for the next person.
  await expect.poll(() => form.getByLabel("E-mailadres").inputValue()).toBe("");
}

describe("inviting someone new", () => {
  it("sends the invitation, the person accepts it from the mail and works in the organisation", async () => {
    const anna = (await koers.newPage({ width: 1280, height: 800 })).page;
    await signIn(anna, "beheer@delinde.example");
    await openMenuItem(anna, "Uitnodigingen");
    await visible(anna.getByRole("heading", { name: "Uitnodigingen", level: 2 }));
    await expectAccessible(anna, "invitations");

    // Sending without a role: the message sits at the roles.
    const form = anna.getByRole("region", { name: "Iemand uitnodigen" });
    await form.getByLabel("Naam").fill("Noor Hendriks");
    await form.getByLabel("E-mailadres").fill("noor.hendriks@delinde.example");
    await form.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expectFieldError(form.getByRole("group", { name: "Rollen" }), "Kies minstens één rol.", { input: false });
    expect(await form.getByLabel("Naam").inputValue()).toBe("Noor Hendriks");
    await expectAccessible(anna, "invitations, no role chosen");

    await invite(anna, {
      email: "noor.hendriks@delinde.example",
      name: "Noor Hendriks",
      roles: ["Begeleide", "Werkbegeleider"],
    });
    const row = invitationOf(anna, "Noor Hendriks");
    await visible(row);
    await textOf(row).toContain("Openstaand");
    await textOf(row).toContain("Begeleide");
    await textOf(row).toContain("Werkbegeleider");
    await textOf(row).toContain("Uitgenodigd door Anna de Vries");
    await expectAccessible(anna, "invitations, one pending");

    // Anna sees in the outbox that the mail went out, never its link; Noor finds it in her mailbox.
    await expectMaskedInOutbox(anna, "noor.hendriks@delinde.example", "Uitnodiging voor Zorggroep De Linde in Koers");
    const link = await invitationLinkFor(koers, "noor.hendriks@delinde.example");

    // Noor opens the link on her phone, in a browser that has never seen Koers.
    const noor = (await koers.newPage()).page;
    await noor.goto(link);
    await visible(noor.getByRole("heading", { name: "Uitnodiging", level: 1 }));
    await textOf(noor.getByRole("main")).toContain("Zorggroep De Linde nodigt je uit voor Koers.");
    await textOf(noor.getByRole("main")).toContain("Voor Noor Hendriks (noor.hendriks@delinde.example)");
    await expectAccessible(noor, "accept invitation");

    await noor.getByLabel("Nieuw wachtwoord").fill("Noor-kiest-een-wachtwoord");
    await noor.getByRole("button", { name: "Uitnodiging accepteren" }).click();

    // Signed in, on the overview of De Linde, with the two roles.
    await visible(noor.getByRole("heading", { name: "Overzicht", level: 2 }));
    await textOf(noor.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
    const main = noor.getByRole("main");
    await textOf(main).toContain("Welkom, Noor Hendriks");
    await textOf(main).toContain("Je rollen in Zorggroep De Linde:");
    await textOf(main).toContain("Begeleide");
    await textOf(main).toContain("Werkbegeleider");
    expect(await main.getByText("Beheerder", { exact: true }).count()).toBe(0);
    await expectAccessible(noor, "home after accepting");

    // For the admin the invitation is accepted, and Noor is among the people.
    await openMenuItem(anna, "Uitnodigingen");
    await textOf(invitationOf(anna, "Noor Hendriks")).toContain("Geaccepteerd");
    await expect.poll(() => invitationOf(anna, "Noor Hendriks").getByRole("button").count()).toBe(0);

    await openMenuItem(anna, "Mensen");
    await anna.getByLabel("Zoek op naam of e-mailadres").fill("Noor");
    const people = anna.getByRole("table", { name: "Mensen in deze organisatie" });
    await textOf(people).toContain("noor.hendriks@delinde.example");
    const noorRow = people.getByRole("row").filter({ has: anna.getByRole("link", { name: "Noor Hendriks" }) });
    await textOf(noorRow).toContain("Actief");
    await textOf(noorRow).toContain("Begeleide");
    await textOf(noorRow).toContain("Werkbegeleider");
    await expectAccessible(anna, "people, Noor found");

    // The link worked once.
    const other = (await koers.newPage()).page;
    await other.goto(link);
    await textOf(other.getByRole("alert")).toContain("Deze link is ongeldig of verlopen.");
    await expectAccessible(other, "accept invitation, used link");
  });
});

describe("inviting someone who already has an account", () => {
  it("confirms with the existing password and can then switch organisations", async () => {
    const anna = (await koers.newPage({ width: 1280, height: 800 })).page;
    await signIn(anna, "beheer@delinde.example");
    await invite(anna, { email: "lisa.dekker@rivierenland.example", name: "Lisa Dekker", roles: ["Trainer"] });
    await textOf(invitationOf(anna, "Lisa Dekker")).toContain("Openstaand");
    await expectMaskedInOutbox(anna, "lisa.dekker@rivierenland.example", /Uitnodiging voor Zorggroep De Linde/);
    const link = await invitationLinkFor(koers, "lisa.dekker@rivierenland.example");

    const lisa = (await koers.newPage()).page;
    await lisa.goto(link);
    await textOf(lisa.getByRole("main")).toContain("Zorggroep De Linde nodigt je uit voor Koers.");
    await textOf(lisa.getByRole("main")).toContain("Je hebt al een account in Koers met dit e-mailadres.");
    await visible(lisa.getByRole("link", { name: "Wachtwoord vergeten?" }));
    await expectAccessible(lisa, "accept invitation, existing account");

    // A wrong password is refused and nothing changes.
    const password = lisa.getByLabel("Je huidige wachtwoord");
    await password.fill("niet-mijn-wachtwoord");
    await lisa.getByRole("button", { name: "Uitnodiging accepteren" }).click();
    await expectFieldError(password, "E-mailadres of wachtwoord klopt niet.");
    await expectAccessible(lisa, "accept invitation, wrong password");

    await password.fill(DEMO_PASSWORD);
    await lisa.getByRole("button", { name: "Uitnodiging accepteren" }).click();
    await visible(lisa.getByRole("heading", { name: "Overzicht", level: 2 }));
    await textOf(lisa.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
    await textOf(lisa.getByRole("main")).toContain("Je rollen in Zorggroep De Linde:");
    await textOf(lisa.getByRole("main")).toContain("Trainer");

    // Both organisations are hers now: she switches to Rivierenland, where she is a trainee.
    await lisa.getByRole("button", { name: "Menu openen" }).click();
    const switcher = lisa.getByRole("combobox", { name: "Organisatie wisselen" });
    await visible(switcher);
    await expectAccessible(lisa, "menu with organisation switch");
    await switcher.selectOption({ label: "Onderwijsstichting Rivierenland" });
    await textOf(lisa.getByRole("heading", { level: 1 })).toBe("Onderwijsstichting Rivierenland");
    await textOf(lisa.getByRole("main")).toContain("Je rollen in Onderwijsstichting Rivierenland:");
    await textOf(lisa.getByRole("main")).toContain("Begeleide");
    await expectAccessible(lisa, "home in Rivierenland");

    await openMenuItem(anna, "Uitnodigingen");
    await textOf(invitationOf(anna, "Lisa Dekker")).toContain("Geaccepteerd");
  });
});

describe("accepting while signed in", () => {
  it("asks no password of the invitee who is signed in, and adds the organisation to their account", async () => {
    const youssef = (await koers.newPage({ width: 1280, height: 800 })).page;
    await signIn(youssef, "beheer@rivierenland.example");
    await invite(youssef, { email: "eva.mulder@delinde.example", name: "Eva Mulder", roles: ["Trainer"] });
    const link = await invitationLinkFor(koers, "eva.mulder@delinde.example");

    // Someone else signed in in this browser is told that accepting signs them out.
    const shared = (await koers.newPage()).page;
    await signIn(shared, "daan.bakker@delinde.example");
    await shared.goto(link);
    await textOf(shared.getByRole("main")).toContain("Je bent ingelogd als daan.bakker@delinde.example");
    await visible(shared.getByLabel("Je huidige wachtwoord"));

    const eva = (await koers.newPage()).page;
    await signIn(eva, "eva.mulder@delinde.example");
    await eva.goto(link);
    await textOf(eva.getByRole("main")).toContain("Je bent ingelogd als Eva Mulder.");
    expect(await eva.getByLabel("Je huidige wachtwoord").count()).toBe(0);
    await expectAccessible(eva, "accept invitation, signed in as the invitee");
    await eva.getByRole("button", { name: "Uitnodiging accepteren" }).click();
    await textOf(eva.getByRole("heading", { level: 1 })).toBe("Onderwijsstichting Rivierenland");
    await textOf(eva.getByRole("main")).toContain("Je rollen in Onderwijsstichting Rivierenland:");
  });
});
