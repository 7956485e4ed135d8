import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, it } from "vitest";
import { notifications, users } from "../../src/db/schema.js";
import { expectFieldError } from "./support/fields.js";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

/**
 * Retention in the browser: the admin sees what the next run would remove before it acts, turns
 * clearing up on after a warning, and can turn it off again; on a phone too, in English too.
 */

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

describe("retention periods", () => {
  it("the admin sees the dry run, turns clearing up on after a warning, and off again", async () => {
    // A notification of Lisa's from more than a year ago: past its period of 12 months.
    const db = koers.database.db;
    const [lisa] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "lisa.dekker@rivierenland.example"));

    const { page } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(page, "beheer@rivierenland.example");
    const organisationId = await page.evaluate(
      async () => (await (await fetch("/api/v1/auth/session")).json()).organisation.id,
    );
    await db.insert(notifications).values({
      organisationId,
      userId: lisa?.id ?? "",
      kind: "signatureWaiting",
      params: {},
      link: "/",
      createdAt: new Date(Date.now() - 400 * 86_400_000),
    });

    await openMenuItem(page, "Bewaartermijnen");
    await visible(page.getByRole("heading", { name: "Bewaartermijnen", level: 2 }));
    await visible(page.getByText("Opruimen staat uit"));
    const table = page.getByRole("table", { name: "Wat de volgende ronde doet" });
    const row = table.getByRole("row").filter({ hasText: "Meldingen aan de persoon" });
    await textOf(row).toContain("1 verwijderen");
    // A trajectory goes whole after the guidance; what hangs off one goes with it.
    const trajectoriesRow = table.getByRole("row").filter({ hasText: "Begeleidingstraject" });
    await textOf(trajectoriesRow).toContain("24 maanden na het einde van de begeleiding");
    await textOf(trajectoriesRow).toContain("Niets");
    await textOf(table.getByRole("row").filter({ hasText: "Begeleidingsmomenten" })).toContain(
      "het gaat samen met het traject",
    );
    // What a person kept for their own learning goes a set time after they left.
    await textOf(table.getByRole("row").filter({ hasText: "Competentiescan" })).toContain(
      "24 maanden nadat de persoon de organisatie verliet",
    );
    await textOf(table.getByRole("row").filter({ hasText: "Registratie in een beroepsregister" })).toContain(
      "zolang een register het bewijs nog mag controleren",
    );
    await visible(page.getByRole("textbox", { name: "Begeleidingstraject: plan, periode, status (maanden)" }));
    await expectAccessible(page, "retention periods, off");

    // Their own period for notifications: outside the range is told at the field; within, it holds.
    const period = page.getByRole("textbox", { name: "Meldingen aan de persoon (maanden)" });
    await period.fill("48");
    await page.getByRole("button", { name: "Termijnen opslaan" }).click();
    await expectFieldError(period, "Kies 1 tot en met 24 maanden.");
    await period.fill("6");
    await page.getByRole("button", { name: "Termijnen opslaan" }).click();
    await visible(page.getByText("De termijnen zijn opgeslagen."));
    await textOf(row).toContain("6 maanden");

    await page.getByRole("button", { name: "Opruimen aanzetten" }).click();
    const dialog = page.getByRole("dialog", { name: "Opruimen aanzetten" });
    await textOf(dialog).toContain("kan niet ongedaan worden");
    await expectAccessible(page, "retention periods, the warning");
    await dialog.getByRole("button", { name: "Opruimen aanzetten" }).click();
    await visible(page.getByText("Opruimen staat aan"));
    await expectAccessible(page, "retention periods, on");

    await page.setViewportSize({ width: 375, height: 812 });
    await visible(page.getByRole("button", { name: "Opruimen uitzetten" }));
    await expectAccessible(page, "retention periods, on a phone");
    await page.getByRole("button", { name: /English/ }).click();
    await visible(page.getByRole("heading", { name: "Retention periods", level: 2 }));
    await expectAccessible(page, "retention periods, in English");
    await page.getByRole("button", { name: "Turn clearing up off" }).click();
    await visible(page.getByText("Clearing up is off"));
    await page.getByRole("button", { name: /Nederlands/ }).click();
  });
});
