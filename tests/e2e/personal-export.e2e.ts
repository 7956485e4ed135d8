import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PersonalExport } from "../../src/domain/privacy/export.js";
import { PERSONAL_DATA } from "../../src/domain/privacy/registry.js";
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
 * The person's own export in the browser: Lisa downloads all her data on her phone, as PDF and
 * as JSON; the admin makes it for her on her request, a request dated tomorrow told at its
 * field; Lisa then sees in who viewed her data that the admin made it.
 */

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

const LISA = "lisa.dekker@rivierenland.example";

describe("my data, downloaded", () => {
  it("the person downloads everything Koers shows them, as PDF and JSON, on a phone", async () => {
    const { page } = await koers.newPage({ width: 375, height: 812 });
    await signIn(page, LISA);
    await page.getByRole("button", { name: "Account van Lisa Dekker" }).click();
    await page.getByRole("menuitem", { name: "Mijn gegevens", exact: true }).click();
    await visible(page.getByRole("heading", { name: "Je gegevens downloaden" }));
    await textOf(page.getByRole("main")).toContain("Onderwijsstichting Rivierenland");
    await expectAccessible(page, "my data, on a phone");

    const pdf = await downloadBy(page, () => page.getByRole("link", { name: "Download als PDF" }).click());
    expect(pdf.name).toBe("lisa-dekker-gegevens.pdf");
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, " ");
    expect(text).toContain("Lisa Dekker");
    expect(text).toContain("Begeleidingstraject: plan, periode, status");

    const json = await downloadBy(page, () => page.getByRole("link", { name: "Download als JSON" }).click());
    const data = JSON.parse(json.bytes.toString("utf8")) as PersonalExport;
    expect(data.person.name).toBe("Lisa Dekker");
    expect(Object.keys(data.sections)).toEqual(PERSONAL_DATA.map((entry) => entry.table));

    await page.getByRole("button", { name: /English/ }).click();
    await visible(page.getByRole("heading", { name: "Download your data" }));
    await expectAccessible(page, "my data, in English");
    // Lisa's choice is remembered on her account: back to Dutch for what follows.
    await page.getByRole("button", { name: /Nederlands/ }).click();
    await visible(page.getByRole("heading", { name: "Je gegevens downloaden" }));
  });

  it("the admin makes it on the person's request, and the person sees who did", async () => {
    const { page: admin } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(admin, "beheer@rivierenland.example");
    await openMenuItem(admin, "Mensen");
    await admin.getByRole("link", { name: "Lisa Dekker" }).first().click();
    await visible(admin.getByRole("heading", { name: "Inzageverzoek" }));
    const received = admin.getByLabel("Verzoek ontvangen op");

    // A request cannot have come in tomorrow: told at the field, the choices kept.
    await admin.getByRole("radio", { name: "JSON, voor een ander programma" }).check();
    await received.fill("2199-01-01");
    await admin.getByRole("button", { name: "Export maken" }).click();
    await expectFieldError(received, "Deze datum ligt in de toekomst");
    expect(await admin.getByRole("radio", { name: "JSON, voor een ander programma" }).isChecked()).toBe(true);
    await expectAccessible(admin, "export request, with an error");

    await received.fill("2026-12-01");
    const file = await downloadBy(admin, () => admin.getByRole("button", { name: "Export maken" }).click());
    expect(file.name).toBe("lisa-dekker-gegevens.json");
    const data = JSON.parse(file.bytes.toString("utf8")) as PersonalExport;
    expect(data.person.name).toBe("Lisa Dekker");
    await visible(admin.getByText("De export is gemaakt. Geef het bestand aan Lisa Dekker."));

    const { page: lisa } = await koers.newPage({ width: 375, height: 812 });
    await signIn(lisa, LISA);
    await lisa.getByRole("button", { name: "Account van Lisa Dekker" }).click();
    await lisa.getByRole("menuitem", { name: "Wie heeft mijn gegevens bekeken" }).click();
    await textOf(lisa.getByRole("main")).toContain("Alle gegevens (export op verzoek)");
  });
});
