import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseFile } from "./support/fields.js";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

let koers: Koers;
let dir: string;
beforeAll(async () => {
  koers = await startKoers();
  dir = mkdtempSync(join(tmpdir(), "koers-import-"));
});
afterAll(async () => {
  await koers.close();
  rmSync(dir, { recursive: true, force: true });
});

/** As a spreadsheet exports it: semicolons, a header row, rows 2 to 6. */
const CSV = [
  "naam;e-mail;rollen;functie",
  "Iris de Boer;iris.deboer@delinde.example;begeleide;Orthopedagoog",
  "Tom Kuipers;tom.kuipers@delinde.example;werkbegeleider | trainer;Gedragswetenschapper",
  "Femke Jacobs;femke.jacobs@;begeleide;Pedagoog",
  "Ruben Vos;ruben.vos@delinde.example;tovenaar;Stagiair",
  "Lotte Meijer;lotte.meijer@delinde.example;opdrachtgever;Teamleider",
].join("\n");

/** The cells of each body row of a table, as the user reads them. */
async function rowsOf(table: Locator): Promise<string[][]> {
  const rows = await table.getByRole("row").all();
  const out: string[][] = [];
  for (const row of rows.slice(1)) {
    out.push((await row.getByRole("cell").allTextContents()).map((cell) => cell.trim()));
  }
  return out;
}

describe("importing people from a CSV file", () => {
  it("previews the errors per row and column, imports the good rows and lists them", async () => {
    const file = join(dir, "mensen.csv");
    writeFileSync(file, CSV, "utf8");

    const { page } = await koers.newPage({ width: 1280, height: 800 });
    await signIn(page, "beheer@delinde.example");
    await openMenuItem(page, "Mensen importeren");
    await visible(page.getByRole("heading", { name: "Mensen importeren", level: 2 }));
    await visible(page.getByRole("link", { name: "Sjabloon downloaden (CSV)" }));
    await expectAccessible(page, "import");

    await chooseFile(page, "CSV-bestand", file);

    // The check: what is fine and what is not, before anything is stored.
    const check = page.getByRole("region", { name: "Controle" });
    await textOf(check).toContain("5 rijen gelezen uit mensen.csv");
    await textOf(check).toContain("3 klaar om te importeren");
    await textOf(check).toContain("2 met fouten (worden overgeslagen)");

    const errors = page.getByRole("region", { name: "Fouten" }).getByRole("table");
    await visible(errors);
    expect(await rowsOf(errors)).toEqual([
      ["4", "e-mail", "dit is geen geldig e-mailadres"],
      [
        "5",
        "rollen",
        "onbekende rol ‘tovenaar’; kies uit beheerder, begeleide, werkbegeleider, opdrachtgever, praktijkopleider, trainer, bpv-docent of netwerkbeheerder",
      ],
    ]);

    const preview = page.getByRole("region", { name: "Voorbeeld" }).getByRole("table");
    expect((await rowsOf(preview)).map((cells) => cells.slice(0, 4))).toEqual([
      ["2", "Iris de Boer", "iris.deboer@delinde.example", "Begeleide"],
      ["3", "Tom Kuipers", "tom.kuipers@delinde.example", "Werkbegeleider, Trainer"],
      ["6", "Lotte Meijer", "lotte.meijer@delinde.example", "Opdrachtgever"],
    ]);
    const confirm = page.getByRole("region", { name: "Importeren" });
    await textOf(confirm).toContain("3 mensen worden toegevoegd aan Zorggroep De Linde.");
    await expectAccessible(page, "import, checked");

    await confirm.getByRole("button", { name: "Importeren" }).click();
    const done = page.getByRole("region", { name: "Klaar" });
    await textOf(done).toContain("3 van 3 geïmporteerd");
    await textOf(done).toContain(
      "3 mensen geïmporteerd en uitgenodigd: ieder heeft een uitnodiging per e-mail gekregen.",
    );
    expect(await page.getByRole("progressbar", { name: "Voortgang van de import" }).getAttribute("aria-valuenow")).toBe(
      "100",
    );
    await expectAccessible(page, "import, done");

    // The three are among the people; the bad rows are not.
    await done.getByRole("link", { name: "Naar de lijst met mensen" }).click();
    await visible(page.getByRole("heading", { name: "Mensen", level: 2 }));
    const people = page.getByRole("table", { name: "Mensen in deze organisatie" });
    for (const name of ["Iris de Boer", "Tom Kuipers", "Lotte Meijer"]) {
      await visible(people.getByRole("link", { name, exact: true }));
    }
    expect(await people.getByRole("link", { name: "Ruben Vos" }).count()).toBe(0);
    expect(await people.getByRole("link", { name: "Femke Jacobs" }).count()).toBe(0);

    await page.getByLabel("Zoek op naam of e-mailadres").fill("kuipers");
    await expect.poll(() => rowsOf(people).then((rows) => rows.length)).toBe(1);
    const tom = people.getByRole("row").filter({ has: page.getByRole("link", { name: "Tom Kuipers" }) });
    await textOf(tom).toContain("tom.kuipers@delinde.example");
    await textOf(tom).toContain("Gedragswetenschapper");
    await textOf(tom).toContain("Werkbegeleider");
    // Imported is invited: no access until Tom accepts the invitation mailed to him.
    await textOf(tom).toContain("Uitgenodigd");
    await expectAccessible(page, "people, search after import");

    // The same file again: now the three are members already, and nothing is left to import.
    await openMenuItem(page, "Mensen importeren");
    await chooseFile(page, "CSV-bestand", file);
    await textOf(page.getByRole("region", { name: "Controle" })).toContain("0 klaar om te importeren");
    await textOf(page.getByRole("region", { name: "Fouten" })).toContain("deze persoon is al lid van deze organisatie");
    await textOf(page.getByRole("region", { name: "Importeren" })).toContain(
      "Er zijn geen rijen zonder fouten om te importeren.",
    );
    await expectAccessible(page, "import, all known");
  });
});
