import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../support/pdf-text.js";
import { expectFieldError } from "./support/fields.js";
import {
  downloadBy,
  expectAccessible,
  type Koers,
  openMenuItem,
  signIn,
  startKoers,
  textOf,
  visible,
} from "./support/koers.js";

/**
 * Erasure in the browser (decision 0039): Lisa asks on her phone to be erased from
 * Onderwijsstichting Rivierenland; the admin reviews per kind what will be deleted, anonymised
 * and kept, and erases her. Afterwards her name is on no page, in no search, CSV or PDF of the
 * organisation, her trajectory page shows the same meetings and hours under a pseudonym, and she
 * can no longer sign in.
 */

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

const LISA = "lisa.dekker@rivierenland.example";
const ADMIN = "beheer@rivierenland.example";
/** How Lisa can be recognised: her full name, her surname and her address (her first name alone is also a colleague's). */
const HER = /Lisa Dekker|Dekker|lisa\.dekker/i;

describe("erasure from an organisation", () => {
  it("the person asks, the admin reviews and erases, and her name is gone while counts and hours stay", async () => {
    const { page: lisa } = await koers.newPage({ width: 375, height: 812 });
    await signIn(lisa, LISA);
    await lisa.getByRole("button", { name: "Account van Lisa Dekker" }).click();
    await lisa.getByRole("menuitem", { name: "Mijn gegevens", exact: true }).click();
    await visible(lisa.getByRole("heading", { name: "Je gegevens laten verwijderen" }));
    await lisa.getByLabel("Toelichting voor de beheerder (niet verplicht)").fill("Ik ga bij een andere school werken.");
    await lisa.getByRole("button", { name: "Verwijdering aanvragen" }).click();
    await lisa.getByRole("dialog").getByRole("button", { name: "Verwijdering aanvragen" }).click();
    await visible(lisa.getByText(/^Je vroeg op .* om verwijdering/));
    await expectAccessible(lisa, "erasure asked, on a phone");

    const { page: admin } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(admin, ADMIN);
    // Before: Lisa's trajectory as the admin reads it, with its meetings and hours.
    await openMenuItem(admin, "Trajecten");
    await admin
      .getByRole("link", { name: /Lisa Dekker/ })
      .first()
      .click();
    await visible(admin.getByRole("heading", { name: /Werkbegeleiding Lisa Dekker/ }));
    const trajectoryUrl = admin.url();
    const trajectoryBefore = await admin.getByRole("main").innerText();

    await openMenuItem(admin, "Mensen");
    await admin.getByRole("link", { name: "Lisa Dekker" }).first().click();
    const card = admin.getByRole("region", { name: "Verwijderen uit de organisatie" });
    await visible(card.getByText("Lisa Dekker vroeg op", { exact: false }));
    await textOf(card).toContain("Ik ga bij een andere school werken.");
    const table = card.getByRole("table", { name: "Wat verwijderen doet met de gegevens van Lisa Dekker" });
    await textOf(table).toContain("Wordt verwijderd");
    await textOf(table).toContain("Blijft zonder naam bewaard tot");
    await expectAccessible(admin, "erasure review");

    // A request cannot have come in tomorrow: told at the field, nothing erased.
    const received = card.getByLabel("Verzoek om verwijdering ontvangen op");
    const askedOn = await received.inputValue();
    await received.fill("2199-01-01");
    await card.getByRole("button", { name: "Lisa Dekker verwijderen" }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Lisa Dekker verwijderen" }).click();
    await expectFieldError(received, "Deze datum ligt in de toekomst");
    await received.fill(askedOn);
    await card.getByRole("button", { name: "Lisa Dekker verwijderen" }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Lisa Dekker verwijderen" }).click();
    const notice = admin.getByText(/^Lisa Dekker is verwijderd\. In de organisatie staat nu Verwijderde persoon/);
    await visible(notice);
    const pseudonym = /Verwijderde persoon [0-9A-F]{6}/.exec(await notice.innerText())?.[0] ?? "";
    expect(pseudonym).not.toBe("");
    await visible(admin.getByRole("heading", { name: "Mensen" }));
    await admin.reload();
    await visible(admin.getByRole("link", { name: pseudonym }));
    await textOf(admin.getByRole("main")).not.toMatch(HER);

    // Searched by name: nobody.
    await admin.getByLabel("Zoek op naam of e-mailadres").fill("Dekker");
    await textOf(admin.getByRole("main")).toContain("Niemand gevonden");

    // The trajectory: the same page, the pseudonym where her name was; its CSV and PDF likewise.
    await admin.goto(trajectoryUrl);
    await visible(admin.getByRole("heading", { name: new RegExp(`Werkbegeleiding ${pseudonym}`) }));
    const trajectoryAfter = await admin.getByRole("main").innerText();
    expect(trajectoryAfter).not.toMatch(HER);
    expect(trajectoryAfter.replaceAll(pseudonym, "Lisa Dekker")).toBe(trajectoryBefore);
    // This trajectory's regime bills no hours, so its page offers no CSV; the CSV the API makes of it, in the admin's session.
    const csv = await admin.request.get(
      `${new URL(trajectoryUrl).origin}/api/v1/trajectories/${trajectoryUrl.split("/").pop()}/billing.csv`,
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).not.toMatch(HER);
    const pdf = await downloadBy(admin, () => admin.getByRole("link", { name: "Voortgangsverslag (PDF)" }).click());
    const text = await pdfText(pdf.bytes);
    expect(text).not.toMatch(HER);
    expect(text.replace(/\s+/g, " ")).toContain(pseudonym);
    await openMenuItem(admin, "Trajecten");
    await visible(admin.getByRole("link", { name: new RegExp(pseudonym) }).first());
    await textOf(admin.getByRole("main")).not.toMatch(HER);

    // Lisa is signed out of the organisation and cannot sign in again.
    await lisa.reload();
    await visible(lisa.getByRole("button", { name: "Inloggen" }));
    await lisa.getByLabel("E-mailadres").fill(LISA);
    await lisa.getByLabel(/^Wachtwoord\s*\*?$/).fill("Koers-demo-2026");
    await lisa.getByRole("button", { name: "Inloggen" }).click();
    await visible(lisa.getByText("E-mailadres of wachtwoord klopt niet."));
  });

  it("reads in English", async () => {
    const { page } = await koers.newPage({ width: 375, height: 812 });
    await signIn(page, "mohamed.bouali@rivierenland.example");
    await page.getByRole("button", { name: "Account van Mohamed Bouali" }).click();
    await page.getByRole("menuitem", { name: "Mijn gegevens", exact: true }).click();
    await page.getByRole("button", { name: /English/ }).click();
    await visible(page.getByRole("heading", { name: "Having your data erased" }));
    await visible(page.getByRole("button", { name: "Ask for erasure" }));
    await expectAccessible(page, "asking for erasure, in English");
    await page.getByRole("button", { name: /Nederlands/ }).click();
    await visible(page.getByRole("heading", { name: "Je gegevens laten verwijderen" }));
  });
});
