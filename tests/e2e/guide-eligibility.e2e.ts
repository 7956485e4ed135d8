import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, users } from "../../src/db/schema.js";
import { errorOf, expectFieldError } from "./support/fields.js";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";
import { apiAs, dayFromToday } from "./support/trajectory.js";

/**
 * The opdrachtgever starts an SKJ werkbegeleiding and picks a werkbegeleider without a
 * qualifying registration but with years of experience: the page says, in words, that she is
 * eligible with a motivated request and what that needs. For the postmaster training the same
 * guide is refused at the field, and the trajectory cannot start.
 */

let koers: Koers;
let client: Page;
let admin: Page;

const TITLE = "SKJ werkbegeleiding Daan Bakker";
const SKJ = "SKJ werkbegeleiding (herregistratie master)";
const POSTMASTER = "Postmaster-opleiding werkbegeleiding";

beforeAll(async () => {
  koers = await startKoers();
  const adminContext = await koers.newPage({ width: 1280, height: 900 });
  const adminApi = await apiAs(adminContext.context, "beheer@delinde.example");
  admin = adminContext.page;
  // An experienced professional (8 years at academic level, Dreyfus 4) without a registration.
  await adminApi.send("POST", "/people", {
    name: "Els Ervaren",
    email: "els.ervaren@delinde.example",
    roles: ["guide"],
    academicExperienceYears: 8,
    dreyfusLevel: 4,
  });
  // Els has accepted her invitation (the invitation journey covers that page).
  const [els] = await koers.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "els.ervaren@delinde.example"));
  await koers.database.db
    .update(memberships)
    .set({ status: "active", joinedAt: new Date() })
    .where(eq(memberships.userId, els?.id ?? ""));
  // Gerrit is a GZ-psycholoog; his registration is recorded on the page below.
  await adminApi.send("POST", "/people", {
    name: "Gerrit Gezondheidszorg",
    email: "gerrit.gz@delinde.example",
    roles: ["guide"],
  });
  await koers.database.db
    .update(memberships)
    .set({ status: "active", joinedAt: new Date() })
    .where(eq(memberships.displayName, "Gerrit Gezondheidszorg"));
  client = (await koers.newPage({ width: 1280, height: 900 })).page;
  await signIn(client, "fatima.yilmaz@delinde.example");
});
afterAll(() => koers.close());

async function choose(page: Page, label: string, option: string) {
  const field = page.getByRole("combobox", { name: label, exact: true });
  await field.click();
  await field.fill(option.split(" ")[0] ?? option);
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** Checks the page at phone width too, then goes back to the desk. */
async function expectAccessibleBoth(page: Page, label: string) {
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page, `${label} (phone)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("guide eligibility while starting a trajectory", () => {
  it("says in words that an experienced guide without registration needs a motivated request", async () => {
    await openMenuItem(client, "Trajecten");
    await client.getByRole("link", { name: "Traject starten" }).click();
    await visible(client.getByRole("heading", { name: "Traject starten", level: 2 }));
    await client.getByLabel(/^Soort traject/).selectOption({ label: SKJ });
    await client.getByLabel(/^Titel/).fill(TITLE);
    await choose(client, "Professional", "Daan Bakker");
    await choose(client, "Werkbegeleider", "Els Ervaren");
    await client.getByLabel(/^Begindatum/).fill(dayFromToday(-7));
    await client.getByLabel(/^Einddatum/).fill(dayFromToday(350));

    const judgement = client.getByRole("region", { name: "Geschiktheid van de begeleiding" });
    await textOf(judgement).toContain("Werkbegeleider Els Ervaren: geschikt met gemotiveerd verzoek");
    await textOf(judgement).toContain("Regel: Ervaren professional met een gemotiveerd verzoek");
    await textOf(judgement).toContain("8 jaar werkervaring op academisch niveau (minimaal 5).");
    await textOf(judgement).toContain("Dreyfus-niveau 4 (4 of 5).");
    await textOf(judgement).toContain("Nodig: een gemotiveerd verzoek");
    expect(await judgement.locator("[data-verdict]").getAttribute("data-verdict")).toBe("eligibleWithMotivation");
    await expectAccessibleBoth(client, "start, eligible with motivation");
  });

  it("refuses the same guide for the postmaster training, at the guide field", async () => {
    await client.getByLabel(/^Soort traject/).selectOption({ label: POSTMASTER });
    const judgement = client.getByRole("region", { name: "Geschiktheid van de begeleiding" });
    await textOf(judgement).toContain("Werkbegeleider Els Ervaren: niet geschikt");
    await textOf(judgement).toContain("ervaring telt niet");
    await client.getByRole("button", { name: "Traject starten" }).click();
    const guide = client.getByRole("combobox", { name: "Werkbegeleider", exact: true });
    await expectFieldError(guide, "Els Ervaren is niet geschikt", { input: false });
    // The refused start puts the focus on the guide field, which opens its list: close it.
    await client.keyboard.press("Escape");
    // Nothing started: still on the start page.
    await visible(client.getByRole("heading", { name: "Traject starten", level: 2 }));
    await expectAccessibleBoth(client, "start, not eligible");
  });

  it("starts the SKJ trajectory and shows the judgement with it", async () => {
    await client.getByLabel(/^Soort traject/).selectOption({ label: SKJ });
    const judgement = client.getByRole("region", { name: "Geschiktheid van de begeleiding" });
    await textOf(judgement).toContain("geschikt met gemotiveerd verzoek");
    // The refusal left with the regime that caused it.
    await expect.poll(() => errorOf(client.getByRole("combobox", { name: "Werkbegeleider", exact: true }))).toBe("");
    await client.getByRole("button", { name: "Traject starten" }).click();
    await visible(client.getByRole("heading", { name: TITLE, level: 2 }));
    await textOf(client.getByRole("region", { name: "Gegevens" })).toContain(
      "geschikt met gemotiveerd verzoek — Ervaren professional met een gemotiveerd verzoek",
    );
    await expectAccessibleBoth(client, "trajectory with a guide needing a motivation");
  });
});

describe("the registrations that qualify are the organisation's to edit", () => {
  it("an admin copies the SKJ regime and adds a registration to who may guide", async () => {
    await admin.goto("/regelingen");
    const skj = admin.getByRole("article", { name: SKJ });
    await skj.getByRole("button", { name: `${SKJ} kopiëren` }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Kopie maken" }).click();
    const rule = admin.getByRole("region", { name: "Wie mag begeleiden" });
    await visible(rule);
    expect(await rule.getByLabel(/^Soort registratie \(registratie 5\)/).inputValue()).toBe(
      "Gezondheidszorgpsycholoog",
    );
    expect(await rule.getByLabel(/^Minimaal aantal jaren/).inputValue()).toBe("5");
    await rule.getByRole("button", { name: "Registratie toevoegen" }).click();
    await rule.getByLabel(/^Register \(registratie 6\)/).selectOption("SKJ");
    await rule.getByLabel(/^Soort registratie \(registratie 6\)/).fill("Jeugd- en gezinsprofessional (master)");
    await rule.getByLabel(/^Minimaal aantal jaren/).fill("6");
    await expectAccessibleBoth(admin, "regime copy, who may guide");
    await admin.getByRole("button", { name: "Regeling opslaan" }).click();
    await visible(admin.getByRole("alert").filter({ hasText: "Regeling opgeslagen." }));
    await admin.reload();
    const reloaded = admin.getByRole("region", { name: "Wie mag begeleiden" });
    await expect
      .poll(() => reloaded.getByLabel(/^Soort registratie \(registratie 6\)/).inputValue())
      .toBe("Jeugd- en gezinsprofessional (master)");
    expect(await reloaded.getByLabel(/^Minimaal aantal jaren/).inputValue()).toBe("6");
  });
});

describe("registrations chosen from the register's list", () => {
  async function openRegistrations() {
    await openMenuItem(admin, "Mensen");
    await admin.getByRole("link", { name: "Gerrit Gezondheidszorg" }).click();
    await visible(admin.getByRole("heading", { name: "Gerrit Gezondheidszorg", level: 2 }));
    return admin.getByRole("region", { name: "Registraties" });
  }

  async function judgeGerrit() {
    // A fresh page: the judgement is asked anew, not taken from the last half minute.
    await client.reload();
    await openMenuItem(client, "Trajecten");
    await client.getByRole("link", { name: "Traject starten" }).click();
    await visible(client.getByRole("heading", { name: "Traject starten", level: 2 }));
    await client.getByLabel(/^Soort traject/).selectOption({ label: POSTMASTER });
    await choose(client, "Professional", "Daan Bakker");
    await choose(client, "Werkbegeleider", "Gerrit Gezondheidszorg");
    await client.getByLabel(/^Begindatum/).fill(dayFromToday(0));
    return client.getByRole("region", { name: "Geschiktheid van de begeleiding" });
  }

  it("a registration written as 'other' is not matched: the judgement says to check it", async () => {
    const registrations = await openRegistrations();
    await registrations.getByRole("button", { name: "Registratie toevoegen" }).click();
    const dialog = admin.getByRole("dialog", { name: "Registratie toevoegen" });
    await dialog.getByLabel("Register").selectOption({ label: "BIG" });
    await dialog.getByLabel("Soort registratie").selectOption({ label: "Anders, namelijk" });
    await dialog.getByLabel(/^Naam van de registratie/).fill("Psycholoog bijna-GZ");
    await dialog.getByLabel("Registratienummer").fill("BIG-77");
    await expectAccessible(admin, "registration dialog, other type");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.waitFor({ state: "hidden" });
    await textOf(registrations).toContain("Psycholoog bijna-GZ (anders)");

    const judgement = await judgeGerrit();
    await textOf(judgement).toContain("Werkbegeleider Gerrit Gezondheidszorg: niet geschikt");
    await textOf(judgement).toContain("Onbekend registratietype: BIG Psycholoog bijna-GZ");
  });

  it("the same registration chosen from the BIG list as GZ-psycholoog makes him eligible", async () => {
    const registrations = await openRegistrations();
    await registrations.getByRole("button", { name: "Registratie BIG-77 bewerken" }).click();
    const dialog = admin.getByRole("dialog", { name: "Registratie bewerken" });
    await dialog.getByLabel("Soort registratie").selectOption({ label: "Gezondheidszorgpsycholoog" });
    // The free text is only asked for "other".
    expect(await dialog.getByLabel(/^Naam van de registratie/).count()).toBe(0);
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = registrations.getByRole("row").filter({ hasText: "BIG-77" });
    expect((await row.getByRole("cell").allTextContents()).slice(0, 3)).toEqual([
      "BIG",
      "Gezondheidszorgpsycholoog",
      "BIG-77",
    ]);

    const judgement = await judgeGerrit();
    await textOf(judgement).toContain("Werkbegeleider Gerrit Gezondheidszorg: geschikt");
    await textOf(judgement).toContain("BIG Gezondheidszorgpsycholoog");
    expect(await judgement.locator("[data-verdict]").getAttribute("data-verdict")).toBe("eligible");
    await expectAccessibleBoth(client, "start, registered GZ-psycholoog");
  });
});
