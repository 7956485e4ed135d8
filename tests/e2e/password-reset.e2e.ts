import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetLinkFor } from "../support/mailbox.js";
import { expectFieldError } from "./support/fields.js";
import { DEMO_PASSWORD, expectAccessible, type Koers, signIn, startKoers, textOf, visible } from "./support/koers.js";
import { expectNotInOutbox } from "./support/outbox.js";

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

const DAAN = "daan.bakker@delinde.example";
const NEW_PASSWORD = "Nieuw-en-lang-genoeg-42";

describe("forgotten password", () => {
  it("asks for a link, follows it from the mail, sets a new password and signs in with it", async () => {
    // Daan, on his phone, has forgotten his password.
    const { page: daan } = await koers.newPage();
    await daan.goto("/inloggen");
    await daan.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    await visible(daan.getByRole("heading", { name: "Wachtwoord vergeten", level: 1 }));
    await expectAccessible(daan, "forgot password");

    await daan.getByLabel("E-mailadres").fill(DAAN);
    await daan.getByRole("button", { name: "Stuur de link" }).click();
    await textOf(daan.getByRole("status")).toContain("staat er nu een e-mail met een link voor je klaar");
    await expectAccessible(daan, "forgot password, link sent");

    // The mail is Daan's own: no organisation's outbox holds it, not even his admin's.
    const { page: anna } = await koers.newPage({ width: 1280, height: 800 });
    await signIn(anna, "beheer@delinde.example");
    await expectNotInOutbox(anna, DAAN);
    const link = await resetLinkFor(koers, DAAN);
    expect(new URL(link).pathname).toBe("/wachtwoord-herstellen");

    // Daan opens the link in his own browser.
    await daan.goto(link);
    await visible(daan.getByRole("heading", { name: "Nieuw wachtwoord kiezen", level: 1 }));
    await expectAccessible(daan, "reset password");

    const field = daan.getByLabel("Nieuw wachtwoord");
    await field.fill("kort");
    await daan.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    // The message sits at the field: it describes the field and marks it invalid.
    await expectFieldError(field, "Kies een wachtwoord van minstens 10 tekens.");
    expect(await field.inputValue()).toBe("kort");
    await expectAccessible(daan, "reset password, too short");

    await field.fill(NEW_PASSWORD);
    await daan.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await textOf(daan.getByRole("status")).toContain("Je wachtwoord is gewijzigd");
    await expectAccessible(daan, "reset password, done");

    // The old password no longer works…
    await daan.getByRole("link", { name: "Terug naar inloggen" }).click();
    await daan.getByLabel("E-mailadres").fill(DAAN);
    await daan.getByLabel(/^Wachtwoord\s*\*?$/).fill(DEMO_PASSWORD);
    await daan.getByRole("button", { name: "Inloggen" }).click();
    await textOf(daan.getByRole("alert")).toContain("E-mailadres of wachtwoord klopt niet");

    // …the new one does.
    await signIn(daan, DAAN, NEW_PASSWORD);
    await textOf(daan.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
    await textOf(daan.getByRole("main")).toContain("Welkom, Daan Bakker");

    // The link was for one use only.
    const { page: again } = await koers.newPage();
    await again.goto(link);
    await again.getByLabel("Nieuw wachtwoord").fill("Nog-een-ander-wachtwoord-1");
    await again.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await textOf(again.getByRole("alert")).toContain("Deze link is ongeldig of verlopen");
    await expectAccessible(again, "reset password, used link");
  });
});
