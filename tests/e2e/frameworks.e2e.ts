import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { competencesToCsv } from "../../src/domain/competences/csv.js";
import { DEMO_FRAMEWORK } from "../../src/domain/competences/demo-framework.js";
import { chooseFile, expectFieldError } from "./support/fields.js";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

let koers: Koers;
let dir: string;
beforeAll(async () => {
  koers = await startKoers();
  dir = mkdtempSync(join(tmpdir(), "koers-frameworks-"));
});
afterAll(async () => {
  await koers.close();
  rmSync(dir, { recursive: true, force: true });
});

async function expectAccessibleBoth(page: Page, label: string) {
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page, `${label} (phone)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("a competence framework in the browser", () => {
  it("the network coordinator drafts the next version: renames, adds, moves and retires, then compares it with the published one", async () => {
    const { page } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(page, "sanne.visser@netwerk.example");
    await page.getByRole("combobox", { name: "Organisatie wisselen" }).selectOption({ label: "Zorggroep De Linde" });
    await textOf(page.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");

    await openMenuItem(page, "Competentiekaders");
    await visible(page.getByRole("heading", { name: "Competentiekaders", level: 2 }));
    await expectAccessibleBoth(page, "frameworks");
    await page.getByRole("link", { name: "Vakbekwaam werkbegeleiden" }).first().click();
    await visible(page.getByRole("heading", { name: "Vakbekwaam werkbegeleiden", level: 2 }));
    // De Linde's own behaviours on the network's framework are marked as its own.
    await visible(page.getByText("eigen aanvulling", { exact: true }));
    await expectAccessibleBoth(page, "framework");

    // The demo's round on version 2 is withdrawn first: one open version at a time.
    await page.getByRole("link", { name: "Naar de stemronde van versie 2" }).click();
    await page.getByRole("button", { name: "Versie intrekken" }).click();
    await visible(page.getByText("Deze versie is ingetrokken."));
    await page.getByRole("link", { name: "Competentiekaders" }).click();
    await page.getByRole("link", { name: "Vakbekwaam werkbegeleiden" }).first().click();
    await page.getByRole("button", { name: "Nieuwe versie beginnen" }).click();
    await visible(page.getByRole("button", { name: "Versie opslaan" }));
    expect(page.url()).toMatch(/\/kaders\/[0-9a-f-]{36}\/versies\/[0-9a-f-]{36}\/bewerken$/);
    await expectAccessibleBoth(page, "framework version editor");

    // Importing: a spreadsheet without its behaviour column is refused, with the problem named; nothing changes.
    const good = competencesToCsv(
      DEMO_FRAMEWORK.competences.map((c, i) =>
        i === 0 ? { ...c, name: { ...c.name, nl: "Een begeleidingsrelatie opbouwen en onderhouden" } } : c,
      ),
    );
    const broken = good
      .split(/\r?\n/)
      .map((line) => line.split(",").slice(0, 10).join(","))
      .join("\n");
    writeFileSync(join(dir, "kader-fout.csv"), broken);
    writeFileSync(join(dir, "kader.csv"), good);
    await chooseFile(page, "Bestand (JSON of CSV)", join(dir, "kader-fout.csv"));
    const problems = page.getByRole("table", { name: "Wat er niet klopt in het bestand" });
    await visible(problems.getByRole("cell", { name: "behaviour", exact: true }));
    await visible(problems.getByRole("cell", { name: "Deze kolom ontbreekt." }).first());
    expect(await page.getByRole("textbox", { name: "Competentie 1 (Nederlands)" }).inputValue()).toBe(
      "Een begeleidingsrelatie opbouwen",
    );
    await chooseFile(page, "Bestand (JSON of CSV)", join(dir, "kader.csv"));
    await visible(page.getByText("6 competenties ingelezen. Controleer ze hieronder en sla de versie op."));
    expect(await page.getByRole("textbox", { name: "Competentie 1 (Nederlands)" }).inputValue()).toBe(
      "Een begeleidingsrelatie opbouwen en onderhouden",
    );

    // A wrong entry is named at the field, and nothing else the user typed is lost.
    const english = page.getByRole("textbox", { name: "Competentie 1 (Engels)" });
    await english.fill("");
    await page.getByRole("textbox", { name: "Toelichting bij deze versie" }).fill("Feedback scherper beschreven.");
    await page.getByRole("button", { name: "Versie opslaan" }).click();
    await expectFieldError(english, "Vul dit in.");
    expect(await page.getByRole("textbox", { name: "Toelichting bij deze versie" }).inputValue()).toBe(
      "Feedback scherper beschreven.",
    );
    await english.fill("Building the guidance relationship");

    // Rename in both languages, add a behaviour, move a competence, retire a behaviour.
    await page.getByRole("textbox", { name: "Competentie 3 (Nederlands)" }).fill("Feedback geven en vragen");
    await page.getByRole("textbox", { name: "Competentie 3 (Engels)" }).fill("Giving and asking feedback");
    const add = page.getByRole("group", { name: "Gedragsindicator toevoegen aan In gesprek" });
    await add
      .getByRole("textbox", { name: "Nieuwe gedragsindicator (Nederlands)" })
      .fill("Vraagt de student om feedback op de eigen begeleiding.");
    await add
      .getByRole("textbox", { name: "Nieuwe gedragsindicator (Engels)" })
      .fill("Asks the student for feedback on their guidance.");
    await add.getByRole("button", { name: "Toevoegen" }).click();
    await visible(page.getByRole("textbox", { name: "Gedragsindicator 3.2.3 (Nederlands)" }));
    await page.getByRole("button", { name: "Feedback geven en vragen omhoog" }).click();
    expect(await page.getByRole("textbox", { name: "Competentie 2 (Nederlands)" }).inputValue()).toBe(
      "Feedback geven en vragen",
    );
    await page.getByRole("checkbox", { name: /^Spreekt samen een volgende stap af\. intrekken$/ }).check();
    await page.getByRole("button", { name: "Versie opslaan" }).click();
    await visible(page.getByText("De versie is opgeslagen."));

    // Reloaded, the draft holds every change.
    await page.reload();
    await visible(page.getByRole("button", { name: "Versie opslaan" }));
    expect(await page.getByRole("textbox", { name: "Competentie 2 (Engels)" }).inputValue()).toBe(
      "Giving and asking feedback",
    );
    expect(
      await page.getByRole("checkbox", { name: /^Spreekt samen een volgende stap af\. intrekken$/ }).isChecked(),
    ).toBe(true);

    // Side by side with the published version.
    await page.getByRole("link", { name: "Terug naar het kader" }).click();
    await page.getByRole("link", { name: "Versies vergelijken" }).click();
    await visible(page.getByRole("heading", { name: /^Versies vergelijken/, level: 2 }));
    // Against the published version 1 (the withdrawn version 2 lies in between).
    await page
      .getByRole("textbox", { name: "Eerdere versie", exact: true })
      .or(page.getByRole("combobox", { name: "Eerdere versie" }))
      .first()
      .click();
    await page.getByRole("option", { name: "Versie 1 (vastgesteld)" }).click();
    await visible(page.getByRole("heading", { name: "Toegevoegd (1)" }));
    await visible(page.getByRole("heading", { name: "Ingetrokken (1)" }));
    await visible(page.getByRole("region", { name: "Toegevoegd (1)" }).getByText(/Vraagt de student om feedback/));
    await visible(page.getByRole("cell", { name: "Feedback geven en vragen" }));
    await expectAccessibleBoth(page, "framework versions compared");
  });
  it("a praktijkopleider adds a behaviour to her organisation's own addition, leaving the shared version as it is", async () => {
    const { page } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(page, "joost.smit@delinde.example");
    await openMenuItem(page, "Competentiekaders");
    await page.getByRole("link", { name: "Vakbekwaam werkbegeleiden" }).first().click();
    await page.getByRole("link", { name: "Eigen aanvulling bewerken" }).click();
    await visible(page.getByRole("heading", { name: "Eigen aanvulling op het kader", level: 2 }));
    await expectAccessibleBoth(page, "own additions");

    const add = page.getByRole("group", { name: "Gedragsindicator toevoegen aan Onze kernwaarden voorleven" });
    await add
      .getByRole("textbox", { name: "Nieuwe gedragsindicator (Nederlands)" })
      .fill("Betrekt de student bij het teamoverleg.");
    await add.getByRole("button", { name: "Toevoegen" }).click();
    // Both languages are needed: the English text is asked for at its field.
    await expectFieldError(add.getByRole("textbox", { name: "Nieuwe gedragsindicator (Engels)" }), "Vul de tekst in");
    await add
      .getByRole("textbox", { name: "Nieuwe gedragsindicator (Engels)" })
      .fill("Involves the student in the team meeting.");
    await add.getByRole("button", { name: "Toevoegen" }).click();
    await page.getByRole("button", { name: "Aanvulling opslaan" }).click();
    await visible(page.getByText("De aanvulling is opgeslagen."));

    await page.getByRole("link", { name: "Terug naar het kader" }).click();
    await visible(page.getByText("Betrekt de student bij het teamoverleg."));
  });
  it("a praktijkopleider begins a framework of her own organisation from an outline", async () => {
    const { page } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(page, "joost.smit@delinde.example");
    await openMenuItem(page, "Competentiekaders");
    const create = page.getByRole("region", { name: "Nieuw kader" });
    await create.getByRole("button", { name: "Kader beginnen" }).click();
    await expectFieldError(create.getByRole("textbox", { name: "Naam (Nederlands)" }), "Vul dit in.");
    await create.getByRole("textbox", { name: "Naam (Nederlands)" }).fill("Leren op de werkvloer");
    await create.getByRole("textbox", { name: "Naam (Engels)" }).fill("Learning at work");
    await create.getByRole("button", { name: "Kader beginnen" }).click();
    await visible(page.getByRole("button", { name: "Versie opslaan" }));
    await visible(page.getByText("Versie 1 (in voorbereiding)."));
    await page.getByRole("textbox", { name: "Competentie 1 (Nederlands)" }).fill("Leren van elkaar");
    await page.getByRole("textbox", { name: "Competentie 1 (Engels)" }).fill("Learning from each other");
    await page.getByRole("button", { name: "Versie opslaan" }).click();
    await visible(page.getByText("De versie is opgeslagen."));
    await page.getByRole("link", { name: "Terug naar het kader" }).click();
    await visible(page.getByRole("heading", { name: "Leren op de werkvloer", level: 2 }));
    await visible(page.getByText("Eigen organisatie", { exact: true }));
  });
});
