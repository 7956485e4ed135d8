import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { friendLinkFor } from "../support/mailbox.js";
import { expectFieldError } from "./support/fields.js";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

async function expectAccessibleBoth(page: Page, label: string) {
  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page, `${label} (phone)`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page, label);
}

async function choose(page: Page, label: string, option: string) {
  const field = page
    .getByRole("textbox", { name: label, exact: true })
    .or(page.getByRole("combobox", { name: label }))
    .first();
  await field.click();
  // A searchable list is narrowed by typing, as a person does.
  if (await field.isEditable()) await field.fill(option.split(" ")[0] ?? option);
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** The options of a select, as a person sees them when opening it. */
async function optionNames(page: Page, label: string) {
  await page
    .getByRole("textbox", { name: label, exact: true })
    .or(page.getByRole("combobox", { name: label }))
    .first()
    .click();
  const names = await page.getByRole("option").allTextContents();
  await page.keyboard.press("Escape");
  return names;
}

/** Chooses the level whose label starts with `level ·` in every behaviour on the page not yet rated. */
async function rateAll(page: Page, level: number, { skip = 0 } = {}) {
  const name = new RegExp(`^${level} · `);
  const groups = await page
    .getByRole("radiogroup")
    .filter({ has: page.getByRole("radio", { name }) })
    .all();
  for (const group of groups.slice(skip)) {
    const radio = group.getByRole("radio", { name });
    if (!(await radio.isChecked())) await radio.check();
  }
  return groups.length;
}

async function inviteMember(page: Page, person: string, kind: string) {
  const friends = page.getByRole("region", { name: "Kritische vrienden" });
  await friends.getByRole("radio", { name: "Iemand uit je organisatie" }).check();
  await choose(page, "Wie is het voor jou?", kind);
  await choose(page, "Persoon", person);
  await friends.getByRole("button", { name: "Vragen", exact: true }).click();
  await visible(friends.getByRole("row").filter({ hasText: person }));
}

describe("a self-scan with critical friends", () => {
  it("Sanne rates herself, asks three friends, they answer (one by the link in a mail) and she finishes", async () => {
    const sanne = (await koers.newPage({ width: 1280, height: 900 })).page;
    await signIn(sanne, "sanne.visser@netwerk.example");
    await sanne.getByRole("combobox", { name: "Organisatie wisselen" }).selectOption({ label: "Zorggroep De Linde" });
    await textOf(sanne.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
    await openMenuItem(sanne, "Zelfscan");
    await visible(sanne.getByRole("heading", { name: "Zelfscan", level: 2 }));
    // Her two earlier scans are in her history, each with a way to its result.
    const history = sanne.getByRole("region", { name: "Eerdere zelfscans" });
    await expect.poll(() => history.getByRole("listitem").count()).toBe(2);
    await visible(history.getByRole("link", { name: /Resultaat bekijken van de zelfscan van/ }));
    await expectAccessibleBoth(sanne, "self-scans");

    await choose(sanne, "Rol", "Werkbegeleider van MBO-3-studenten");
    await sanne.getByRole("button", { name: "Zelfscan beginnen" }).click();
    await visible(sanne.getByRole("button", { name: "Zelfscan afronden" }));
    const scanUrl = sanne.url();
    expect(scanUrl).toMatch(/\/zelfscan\/[0-9a-f-]{36}$/);

    // A first part, then away and back: nothing is lost.
    const firstGroup = sanne.getByRole("radiogroup").first();
    await firstGroup.getByRole("radio", { name: /^2 · / }).check();
    const example = sanne.getByRole("textbox", { name: "Voorbeeld uit je werk (niet verplicht)" }).first();
    await example.fill("Met Daan bespreek ik elke week hoe het gaat.");
    await example.blur();
    await textOf(sanne.getByRole("status").filter({ hasText: "bewaard" })).toContain("Alles is bewaard.");

    // Finishing too soon names what is missing, at the fields.
    await sanne.getByRole("button", { name: "Zelfscan afronden" }).click();
    await visible(sanne.getByText(/Nog niet beoordeeld \(\d+\):/));
    await expectFieldError(sanne.getByRole("radiogroup").nth(1), "Kies een niveau.", { input: false });
    await expectAccessibleBoth(sanne, "self-scan, missing ratings");

    await sanne.goto("/zelfscan");
    await visible(sanne.getByRole("link", { name: "Verder met de zelfscan" }));
    await sanne.getByRole("link", { name: "Verder met de zelfscan" }).click();
    await visible(sanne.getByRole("button", { name: "Zelfscan afronden" }));
    expect(await sanne.getByRole("radiogroup").first().getByRole("radio", { name: /^2 · / }).isChecked()).toBe(true);
    expect(await example.inputValue()).toBe("Met Daan bespreek ik elke week hoe het gaat.");

    // Three critical friends: Joost and Fatima in the app, and a colleague without an account by mail.
    await inviteMember(sanne, "Joost Smit", "Praktijkopleider");
    await inviteMember(sanne, "Fatima Yılmaz", "Teamleider");
    const friends = sanne.getByRole("region", { name: "Kritische vrienden" });
    await friends.getByRole("radio", { name: "Iemand zonder account (per e-mail)" }).check();
    await choose(sanne, "Wie is het voor jou?", "Collega");
    await friends.getByRole("textbox", { name: "Naam" }).fill("Marieke Dekker");
    await friends.getByRole("textbox", { name: "E-mailadres" }).fill("marieke.dekker@extern.example");
    await friends.getByRole("button", { name: "Vragen", exact: true }).click();
    await visible(friends.getByRole("row").filter({ hasText: "Marieke Dekker" }));
    await expect.poll(() => friends.getByText("Gevraagd", { exact: true }).count()).toBe(3);
    await expectAccessibleBoth(sanne, "self-scan with friends");

    // Joost answers in the app, from his requests.
    const joost = (await koers.newPage()).page;
    await signIn(joost, "joost.smit@delinde.example");
    await openMenuItem(joost, "Beoordelen");
    await visible(joost.getByRole("heading", { name: "Beoordelen", level: 2 }));
    await expectAccessibleBoth(joost, "friend requests");
    await joost.getByRole("link", { name: /Sanne Visser vraagt je als praktijkopleider/ }).click();
    await visible(joost.getByRole("heading", { name: "Beoordeel Sanne Visser" }));
    // He sees the behaviours and the scale, not what Sanne filled in.
    await textOf(joost.getByRole("main")).not.toContain("Met Daan bespreek ik");
    await rateAll(joost, 3);
    await expectAccessibleBoth(joost, "rating as a friend");
    await joost.getByRole("button", { name: "Beoordeling versturen" }).click();
    await visible(joost.getByText("Dank je wel! Je beoordeling is verstuurd."));

    // Fatima, her team leader, too.
    const fatima = (await koers.newPage()).page;
    await signIn(fatima, "fatima.yilmaz@delinde.example");
    await openMenuItem(fatima, "Beoordelen");
    await fatima.getByRole("link", { name: /Sanne Visser vraagt je als teamleider/ }).click();
    await visible(fatima.getByRole("heading", { name: "Beoordeel Sanne Visser" }));
    await rateAll(fatima, 2);
    await fatima.getByRole("button", { name: "Beoordeling versturen" }).click();
    await visible(fatima.getByText("Dank je wel! Je beoordeling is verstuurd."));

    // Marieke opens the link from her mail, in a browser that has never seen Koers.
    const link = await friendLinkFor(koers, "marieke.dekker@extern.example");
    const marieke = (await koers.newPage()).page;
    await marieke.goto(link);
    await visible(marieke.getByRole("heading", { name: "Beoordeel Sanne Visser" }));
    await expectAccessibleBoth(marieke, "rating by a link");
    await rateAll(marieke, 3);
    await marieke.getByRole("button", { name: "Beoordeling versturen" }).click();
    await visible(marieke.getByText("Dank je wel! Je beoordeling is verstuurd."));
    // The link works once.
    await marieke.goto(link);
    await textOf(marieke.getByRole("alert")).toContain("Deze link is al gebruikt");
    await expectAccessibleBoth(marieke, "a used link");

    // Sanne sees who answered, rates the rest and finishes.
    await sanne.reload();
    await expect.poll(() => friends.getByText("Heeft gereageerd", { exact: true }).count()).toBe(3);
    await rateAll(sanne, 3, { skip: 1 });
    await textOf(sanne.getByRole("status").filter({ hasText: "bewaard" })).toContain("Alles is bewaard.");
    await sanne.getByRole("button", { name: "Zelfscan afronden" }).click();
    await visible(sanne.getByText(/Je hebt deze zelfscan afgerond op/));
    await visible(sanne.getByRole("link", { name: "Resultaat bekijken" }));
    await expectAccessibleBoth(sanne, "finished self-scan");
    await sanne.goto("/zelfscan");
    await expect.poll(() => history.getByRole("listitem").count()).toBe(3);

    // Her result: the radar with the same numbers in a table, and what stands out in words.
    await history
      .getByRole("link", { name: /Resultaat bekijken van de zelfscan van/ })
      .first()
      .click();
    await visible(sanne.getByRole("heading", { name: /Resultaat van de zelfscan van/, level: 2 }));
    await visible(sanne.getByRole("img", { name: /Radardiagram met per competentie/ }));
    const levels = sanne.getByRole("table", { name: /Je eigen oordeel, dat van je kritische vrienden/ });
    await expect.poll(() => levels.getByRole("row").count()).toBeGreaterThan(5);
    await visible(levels.getByRole("columnheader", { name: "Streefniveau" }));
    await visible(sanne.getByRole("region", { name: "Grootste verschillen met het streefniveau" }));
    await visible(sanne.getByRole("region", { name: "Sterke punten" }));
    // Three friends each alone of their kind: shown only together, as "others".
    const groups = sanne.getByRole("table", { name: /Gemiddelde per soort kritische vriend/ });
    await visible(groups.getByRole("columnheader", { name: "Anderen" }));
    await expect.poll(() => groups.getByRole("columnheader").count()).toBe(2);
    await visible(groups.getByRole("cell", { name: "2,7 (3 mensen)" }).first());
    await expectAccessibleBoth(sanne, "self-scan result");

    // Her history: this scan against the earliest one, growth per competence.
    await sanne.getByRole("link", { name: "Vergelijken met een andere zelfscan" }).click();
    await visible(sanne.getByRole("heading", { name: "Zelfscans vergelijken", level: 2 }));
    await choose(sanne, "Eerdere zelfscan", (await optionNames(sanne, "Eerdere zelfscan")).at(-1) ?? "");
    const growth = sanne.getByRole("table", { name: /Niveau per competentie op/ });
    await visible(growth.getByRole("columnheader", { name: "Groei" }));
    await expect.poll(() => growth.getByRole("row").count()).toBeGreaterThan(5);
    await expectAccessibleBoth(sanne, "self-scans compared");

    // The praktijkopleider sees who scanned and opens Sanne's result; never a single friend's answer.
    await openMenuItem(joost, "Zelfscans werkbegeleiders");
    await visible(joost.getByRole("heading", { name: "Zelfscans van werkbegeleiders", level: 2 }));
    await expectAccessibleBoth(joost, "scan overview");
    await joost.getByRole("link", { name: "Resultaat van Sanne Visser bekijken" }).click();
    await visible(joost.getByRole("heading", { name: /Resultaat van de zelfscan van/, level: 2 }));
    await visible(joost.getByText("Zelfscan van Sanne Visser", { exact: false }));
    await visible(joost.getByRole("link", { name: "Terug naar het overzicht van zelfscans" }));
    await expectAccessibleBoth(joost, "a werkbegeleider's result for the praktijkopleider");
  });

  it("keeps what she chose in a second tab when the first saved in between (409)", async () => {
    const first = (await koers.newPage({ width: 1280, height: 900 })).page;
    await signIn(first, "sanne.visser@netwerk.example");
    await first.getByRole("combobox", { name: "Organisatie wisselen" }).selectOption({ label: "Zorggroep De Linde" });
    await textOf(first.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
    await openMenuItem(first, "Zelfscan");
    await first.getByRole("button", { name: "Zelfscan beginnen" }).click();
    await visible(first.getByRole("button", { name: "Zelfscan afronden" }));
    const url = first.url();

    const second = (await koers.newPage({ width: 1280, height: 900 })).page;
    await signIn(second, "sanne.visser@netwerk.example");
    await second.getByRole("combobox", { name: "Organisatie wisselen" }).selectOption({ label: "Zorggroep De Linde" });
    await textOf(second.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
    await second.goto(url);
    await visible(second.getByRole("button", { name: "Zelfscan afronden" }));

    // The first tab saves; the second still holds the version from before.
    await first.getByRole("radiogroup").first().getByRole("radio", { name: /^2 · / }).check();
    await textOf(first.getByRole("status").filter({ hasText: "bewaard" })).toContain("Alles is bewaard.");
    await second.getByRole("radiogroup").nth(1).getByRole("radio", { name: /^4 · / }).check();
    const conflict = second
      .getByRole("alert")
      .filter({ has: second.getByRole("button", { name: "Mijn invoer houden" }) });
    await visible(conflict);
    await expectAccessible(second, "self-scan conflict");
    await second.getByRole("button", { name: "Nieuwe versie laden" }).click();
    await textOf(second.getByRole("status").filter({ hasText: "bewaard" })).toContain("Alles is bewaard.");
    // Her choice in the second tab stays; the first tab's choice came in with the new version.
    expect(await second.getByRole("radiogroup").nth(1).getByRole("radio", { name: /^4 · / }).isChecked()).toBe(true);
    expect(await second.getByRole("radiogroup").first().getByRole("radio", { name: /^2 · / }).isChecked()).toBe(true);
    await first.reload();
    await visible(first.getByRole("button", { name: "Zelfscan afronden" }));
    expect(await first.getByRole("radiogroup").nth(1).getByRole("radio", { name: /^4 · / }).isChecked()).toBe(true);
    expect(await first.getByRole("radiogroup").first().getByRole("radio", { name: /^2 · / }).isChecked()).toBe(true);
  });
});
