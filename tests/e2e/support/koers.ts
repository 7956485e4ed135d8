import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Download, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import type { Database } from "../../../src/db/connection.js";
import { buildApp } from "../../../src/server/app.js";
import type { Config } from "../../../src/server/config.js";
import { testConfig } from "../../support/app.js";
import { freshDatabase } from "../../support/database.js";
import { CHROMIUM } from "./browser-setup.js";

/** What the user clicks to download, and the file as it arrived: its name and its bytes. */
export async function downloadBy(page: Page, click: () => Promise<unknown>) {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: download.suggestedFilename(), bytes: await downloaded(download) };
}

/** The bytes of a download. */
export async function downloaded(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

/** Waits until the element is on screen (10 s), failing with the locator in the message. */
export async function visible(locator: Locator, timeout = 10_000) {
  await locator.first().waitFor({ state: "visible", timeout });
  return locator;
}

/** Polls until the element's text contains the given text. */
export const textOf = (locator: Locator) =>
  expect.poll(async () => (await locator.first().textContent()) ?? "", { timeout: 10_000 });
export const DEMO_PASSWORD = "Koers-demo-2026";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Koers {
  url: string;
  database: Database;
  browser: Browser;
  /** A fresh browser (own cookies), at phone width unless told otherwise. */
  newPage(options?: {
    width?: number;
    height?: number;
    locale?: string;
  }): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Koers on a fresh demo database, served on a free port, and a headless Chromium; `overrides` set its configuration. */
export async function startKoers(overrides: Partial<Record<keyof Config, string>> = {}): Promise<Koers> {
  if (!existsSync(join(root, "dist/web/index.html"))) {
    throw new Error("The web app is not built: run 'npm run build:web' (npm test does it first).");
  }
  const database = await freshDatabase({}, { demo: true });
  // Links in mails must point at this server, and routes read the address when they are set up:
  // so the port is chosen before the app is built.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = await buildApp(testConfig({ PUBLIC_URL: url, ...overrides }), database);
  await app.listen({ port, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    url,
    database,
    browser,
    async newPage({ width = 375, height = 812, locale = "nl-NL" } = {}) {
      const context = await browser.newContext({
        baseURL: url,
        viewport: { width, height },
        locale,
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on("pageerror", (error) => {
        throw error;
      });
      return { page, context };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/**
 * Waits until no finite animation or transition runs (a dialog fading in, a menu sliding open):
 * half-faded colours would count as contrast failures. Spinners, which never end, don't count.
 */
export async function settled(page: Page) {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .filter((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .length === 0,
    undefined,
    { timeout: 5_000 },
  );
}

/** Runs axe-core on the page as it is now and fails on any violation, naming each. */
export async function expectAccessible(page: Page, label = page.url()) {
  await page.waitForLoadState("networkidle");
  await settled(page);
  const hasAxe = await page.evaluate(() => "axe" in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const axe = (window as any).axe;
    const run = await axe.run(document, { resultTypes: ["violations"] });
    return run.violations.map(
      (v: { id: string; help: string; nodes: Array<{ target: string[] }> }) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
  });
  expect(result, `axe violations on ${label}`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `page ${label} is wider than the screen`).toBeLessThanOrEqual(0);
}

/** A calendar date (YYYY-MM-DD) as the pages write it in Dutch, "7 dec 2026". */
export const dutchDate = (date: string) =>
  new Intl.DateTimeFormat("nl-NL", { dateStyle: "medium", timeZone: "Europe/Amsterdam" }).format(
    new Date(`${date}T12:00:00Z`),
  );

/**
 * Fails when some of the element's text is cut off: a part of it (a button's label) wider than
 * the box that hides its overflow, or the element reaching past the edge of the screen.
 */
export async function expectUncut(locator: Locator, label: string) {
  const cut = await locator.evaluate((element) => {
    const clipped = [element, ...element.querySelectorAll("*")].filter(
      (part) => getComputedStyle(part).overflowX !== "visible" && part.scrollWidth > part.clientWidth + 1,
    );
    const box = element.getBoundingClientRect();
    return { clipped: clipped.map((part) => part.textContent), outside: box.left < 0 || box.right > window.innerWidth };
  });
  expect(cut, `${label} is cut off`).toEqual({ clipped: [], outside: false });
}

/** Signs in through the login page, as a person does. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel(/^Wachtwoord\s*\*?$/).fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await visible(page.getByRole("heading", { name: /^(Overzicht|Overview)$/ }));
}

/** Signs in and, for someone who works for several organisations, switches to `organisation`. */
export async function signInAt(page: Page, email: string, organisation: string) {
  await signIn(page, email);
  const switcher = page.getByRole("combobox", { name: "Organisatie wisselen" });
  if (await switcher.isVisible()) {
    await switcher.selectOption({ label: organisation });
    await textOf(page.getByRole("heading", { level: 1 })).toBe(organisation);
  }
}

/** On a phone the menu is behind the burger; on a wide screen it is always there. */
export async function openMenuItem(page: Page, name: string) {
  const burger = page.getByRole("button", { name: /Menu openen|Open menu/ });
  if (await burger.isVisible()) await burger.click();
  await page.getByRole("navigation").getByRole("link", { name, exact: true }).click();
}
