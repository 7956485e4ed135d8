import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, type Koers, signIn, startKoers, textOf, visible } from "./support/koers.js";

let koers: Koers;
let page: Page;
let context: BrowserContext;
/** The address made first, kept to try it again after renewing. */
let firstUrl = "";

beforeAll(async () => {
  koers = await startKoers();
  ({ page, context } = await koers.newPage());
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "daan.bakker@delinde.example");
});
afterAll(() => koers.close());

const address = () => page.getByRole("textbox", { name: "Adres van je agenda-koppeling" });

/** What a calendar app gets at this address. */
async function fetchFeed(url: string) {
  const response = await context.request.get(url);
  return { status: response.status(), type: response.headers()["content-type"] ?? "", body: await response.text() };
}

describe("a calendar feed", () => {
  it("is made from the account menu, its secret address copied, and shown again when asked", async () => {
    await page.getByRole("button", { name: "Account van Daan Bakker" }).click();
    await page.getByRole("menuitem", { name: "Agenda-koppeling" }).click();
    await visible(page.getByRole("heading", { name: "Agenda-koppeling", level: 2 }));
    await textOf(page.getByRole("region", { name: "Jouw koppeling" })).toContain("Je hebt nog geen agenda-koppeling.");
    await expectAccessible(page, "calendar (phone)");

    await page.getByRole("button", { name: "Maak een koppeling" }).click();
    await visible(address());
    const url = await address().inputValue();
    firstUrl = url;
    expect(url).toMatch(new RegExp(`^${koers.url}/calendar/[\\w-]+\\.ics$`));
    await textOf(page.getByRole("region", { name: "Je nieuwe adres" })).toContain("deel het met niemand");
    const feed = await fetchFeed(url);
    expect(feed.status).toBe(200);
    expect(feed.type).toContain("text/calendar");
    expect(feed.body).toContain("BEGIN:VCALENDAR");

    await page.getByRole("button", { name: "Adres kopiëren" }).click();
    await visible(page.getByRole("button", { name: "Adres gekopieerd" }));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await expectAccessible(page, "calendar, new address (phone)");

    // After a reload the page says there is one, and shows the same address again when asked.
    await page.reload();
    await textOf(page.getByRole("region", { name: "Jouw koppeling" })).toContain("Je hebt een agenda-koppeling sinds");
    expect(await address().count()).toBe(0);
    await page.getByRole("button", { name: "Toon het adres" }).click();
    await visible(page.getByRole("region", { name: "Het adres van je koppeling" }));
    expect(await address().inputValue()).toBe(url);
    expect((await fetchFeed(url)).status).toBe(200);
    await expectAccessible(page, "calendar, address shown again (phone)");
  });

  it("is renewed after a warning, and the old address stops working", async () => {
    await visible(page.getByRole("button", { name: "Vernieuw de koppeling" }));
    await textOf(page.getByRole("region", { name: "Jouw koppeling" })).toContain(
      "het oude adres werkt daarna niet meer",
    );
    const old = firstUrl;
    expect((await fetchFeed(old)).status).toBe(200);

    await page.getByRole("button", { name: "Vernieuw de koppeling" }).click();
    const dialog = page.getByRole("dialog", { name: "Koppeling vernieuwen?" });
    await visible(dialog);
    await textOf(dialog).toContain("Het huidige adres werkt daarna niet meer");
    await expectAccessible(page, "calendar, confirm renewal (phone)");
    await dialog.getByRole("button", { name: "Vernieuw de koppeling" }).click();

    await visible(address());
    const fresh = await address().inputValue();
    expect(fresh).not.toBe(old);
    await textOf(page.getByRole("region", { name: "Je nieuwe adres" })).toContain("Het vorige adres werkt niet meer.");
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(fresh)).status).toBe(200);

    // From now on the new address is the one shown again.
    await page.reload();
    await page.getByRole("button", { name: "Toon het adres" }).click();
    await visible(page.getByRole("region", { name: "Het adres van je koppeling" }));
    expect(await address().inputValue()).toBe(fresh);

    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(page, "calendar, renewed");
  });
});
