import type { FastifyBaseLogger } from "fastify";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { MailDelivery } from "../../src/server/outbox/deliver-mail.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp.js";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

const silent = { error() {}, warn() {}, info() {} } as unknown as FastifyBaseLogger;
const FROM = "Koers <no-reply@koers.test>";
const TO = "onbekend.adres@delinde.example";

let smtp: TestSmtpServer;
let koers: Koers;
/** The mail job's work, run when the story needs it (the app in these journeys starts no jobs). */
let delivery: MailDelivery;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // The mail server does not know this address (yet).
  smtp.refuse(TO, 550);
  koers = await startKoers({ SMTP_URL: smtp.url, MAIL_FROM: FROM });
  delivery = new MailDelivery(koers.database.db, smtp.url, FROM, silent);
});
afterAll(async () => {
  await koers?.close();
  await smtp?.close();
});

async function invite(page: Page, name: string, email: string) {
  await openMenuItem(page, "Uitnodigingen");
  const form = page.getByRole("region", { name: "Iemand uitnodigen" });
  await form.getByLabel("Naam").fill(name);
  await form.getByLabel("E-mailadres").fill(email);
  await form.getByRole("checkbox", { name: "Werkbegeleider", exact: true }).check();
  await form.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await visible(page.getByRole("alert").filter({ hasText: "Uitnodiging verstuurd" }));
}

describe("a mail the mail server refuses", () => {
  it("shows the admin that its delivery keeps failing, why, and when it is sent after all", async () => {
    const { page } = await koers.newPage();
    await signIn(page, "beheer@delinde.example");
    await invite(page, "Onbekend Adres", TO);
    // The job tries, and the mail server refuses the address.
    await delivery.deliverDue(new Date());

    await openMenuItem(page, "Uitgaande e-mail");
    await visible(page.getByRole("heading", { name: "Uitgaande e-mail", level: 2 }));
    await visible(page.getByRole("status").filter({ hasText: "1 bericht kon niet worden afgeleverd" }));
    const row = page
      .getByRole("table", { name: "Uitgaande e-mail, nieuwste eerst" })
      .getByRole("row")
      .filter({ hasText: TO });
    await textOf(row).toContain("Mislukt na 1 poging");
    await expectAccessible(page, "outbox with a failing mail (phone)");

    await row.getByRole("button", { name: new RegExp(`^Bericht aan ${TO.replace(/\./g, "\\.")} lezen`) }).click();
    const dialog = page.getByRole("dialog");
    await textOf(dialog).toContain("Mislukt na 1 poging");
    await textOf(dialog).toContain("De mailserver weigerde dit bericht. Antwoordcode van de mailserver: 550.");
    await textOf(dialog).toContain("Volgende poging");
    await expectAccessible(page, "failing mail (phone)");
    await dialog.getByRole("button", { name: "Sluiten" }).click();
    await dialog.waitFor({ state: "hidden" });

    // The address is fixed at the mail server; at its next attempt the job delivers the mail.
    smtp.refuse(TO, null);
    await delivery.deliverDue(new Date(Date.now() + 3_600_000));
    await page.reload();
    await textOf(row).toContain("Verstuurd");
    await visible(page.getByRole("heading", { name: "Uitgaande e-mail", level: 2 }));
    if (await page.getByRole("status").filter({ hasText: "kon niet worden afgeleverd" }).count())
      throw new Error("the failing notice stays after the mail was delivered");
  });

  it("says the same in English", async () => {
    smtp.refuse("unknown.address@delinde.example", 451);
    const { page } = await koers.newPage({ width: 1280, height: 800 });
    await signIn(page, "beheer@delinde.example");
    await invite(page, "Unknown Address", "unknown.address@delinde.example");
    await delivery.deliverDue(new Date());
    await page.getByRole("button", { name: /English/ }).click();
    await openMenuItem(page, "Outgoing e-mail");
    await visible(page.getByRole("status").filter({ hasText: "1 message could not be delivered" }));
    const row = page.getByRole("table", { name: "Outgoing e-mail, newest first" }).getByRole("row").filter({
      hasText: "unknown.address@delinde.example",
    });
    await textOf(row).toContain("Failed after 1 attempt");
    await row.getByRole("button", { name: /^Read the message to unknown\.address@delinde\.example/ }).click();
    await textOf(page.getByRole("dialog")).toContain(
      "The mail server deferred this message. The mail server's reply code: 451.",
    );
    await expectAccessible(page, "failing mail in English");
  });
});
