import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, type Koers, signIn, startKoers, textOf, visible } from "./support/koers.js";

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

describe("signing in", () => {
  it("refuses a wrong password with a message, then signs in and out", async () => {
    const { page } = await koers.newPage();
    await page.goto("/");
    await visible(page.getByRole("heading", { name: "Inloggen bij Koers" }));
    await expectAccessible(page, "login");
    // Controls Mantine draws itself speak Dutch too.
    await visible(page.getByRole("button", { name: "Wachtwoord tonen of verbergen" }));

    await page.getByLabel("E-mailadres").fill("beheer@delinde.example");
    await page.getByLabel(/^Wachtwoord\s*\*?$/).fill("niet-het-goede");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await textOf(page.getByRole("alert")).toContain("E-mailadres of wachtwoord klopt niet");
    // What the person typed is still there.
    expect(await page.getByLabel("E-mailadres").inputValue()).toBe("beheer@delinde.example");
    await expectAccessible(page, "login with error");

    await signIn(page, "beheer@delinde.example");
    await textOf(page.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
    await expectAccessible(page, "home");

    await page.getByRole("button", { name: "Account van Anna de Vries" }).click();
    await page.getByRole("menuitem", { name: "Uitloggen" }).click();
    await visible(page.getByRole("heading", { name: "Inloggen bij Koers" }));
  });
});

describe("language", () => {
  it("switches to English and remembers it for the person", async () => {
    const { page } = await koers.newPage({ width: 1280, height: 800 });
    await signIn(page, "fatima.yilmaz@delinde.example");
    await page.getByRole("button", { name: /English/ }).click();
    await visible(page.getByRole("heading", { name: "Overview" }));
    await expectAccessible(page, "home in English");

    // A new browser: the language comes with the account, not with the device.
    const { page: other } = await koers.newPage({ width: 1280, height: 800 });
    await signIn(other, "fatima.yilmaz@delinde.example");
    await visible(other.getByRole("heading", { name: "Overview" }));
    expect(await other.locator("html").getAttribute("lang")).toBe("en");
  });
});
