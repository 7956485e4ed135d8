import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dutchToday } from "../../src/domain/dutch-time.js";
import { expectFieldError } from "./support/fields.js";
import {
  dutchDate,
  expectAccessible,
  type Koers,
  openMenuItem,
  signIn,
  startKoers,
  textOf,
  visible,
} from "./support/koers.js";

/** Today as the app writes a date in Dutch, the day a membership ended when it is deactivated now. */
const today = () => dutchDate(dutchToday());

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

describe("managing a person on a phone", () => {
  it("adds, edits, registers and deactivates a person, filters the list and reads it all in the log", async () => {
    const { page } = await koers.newPage();
    await signIn(page, "beheer@delinde.example");
    await openMenuItem(page, "Mensen");
    await visible(page.getByRole("heading", { name: "Mensen", level: 2 }));
    await expectAccessible(page, "people");

    // Add a person through the dialog.
    await page.getByRole("button", { name: "Persoon toevoegen" }).click();
    const dialog = page.getByRole("dialog", { name: "Persoon toevoegen" });
    await visible(dialog);
    await expectAccessible(page, "add person dialog");
    await dialog.getByRole("textbox", { name: "Naam", exact: true }).fill("Sophie Willems");
    await dialog.getByLabel("E-mailadres").fill("sophie.willems@delinde.example");
    await dialog.getByRole("checkbox", { name: "Begeleide", exact: true }).check();
    await dialog.getByLabel("Functie").fill("Jeugdzorgwerker");
    await dialog.getByRole("button", { name: "Persoon toevoegen" }).click();

    await visible(page.getByRole("heading", { name: "Sophie Willems", level: 2 }));
    // Adding is inviting: she has no access until she accepts.
    await textOf(page.getByRole("alert").filter({ hasText: "is uitgenodigd" })).toContain(
      "Sophie Willems is uitgenodigd: de uitnodiging is per e-mail verstuurd.",
    );
    const status = page.getByRole("region", { name: "Status" });
    await textOf(status).toContain("Uitgenodigd");
    await textOf(status).toContain("heeft pas toegang na het aannemen van de uitnodiging");
    await expectAccessible(page, "new person");

    // Roles, experience and Dreyfus level.
    const details = page.getByRole("region", { name: "Gegevens" });
    await details.getByRole("checkbox", { name: "Werkbegeleider", exact: true }).check();
    await details.getByLabel("Jaren werkervaring op academisch niveau").fill("4");
    await details.getByLabel("Dreyfus-niveau").selectOption({ label: "3 – Competent" });
    await details.getByRole("button", { name: "Opslaan" }).click();
    await textOf(page.getByRole("alert").filter({ hasText: "Wijzigingen opgeslagen" })).toContain(
      "Wijzigingen opgeslagen.",
    );
    expect(await details.getByRole("checkbox", { name: "Begeleide", exact: true }).isChecked()).toBe(true);
    expect(await details.getByRole("checkbox", { name: "Werkbegeleider", exact: true }).isChecked()).toBe(true);
    expect(await details.getByLabel("Jaren werkervaring op academisch niveau").inputValue()).toBe("4");

    // A registration in the SKJ register.
    const registrations = page.getByRole("region", { name: "Registraties" });
    await textOf(registrations).toContain("Nog geen registraties.");
    await registrations.getByRole("button", { name: "Registratie toevoegen" }).click();
    const regDialog = page.getByRole("dialog", { name: "Registratie toevoegen" });
    await visible(regDialog);
    await regDialog.getByLabel("Register").selectOption({ label: "SKJ" });
    await regDialog.getByLabel("Registratienummer").fill("110004567");
    // The SKJ's own list of types; the former name "Jeugdzorgwerker" is not on it any more.
    await regDialog.getByLabel("Soort registratie").selectOption({ label: "Jeugd- en gezinsprofessional" });
    await regDialog.getByLabel("Geldig tot").fill("2030-06-30");
    await regDialog.getByLabel("Herregistratiedatum").fill("2030-01-31");
    await expectAccessible(page, "registration dialog");
    await regDialog.getByRole("button", { name: "Opslaan" }).click();
    await regDialog.waitFor({ state: "hidden" });
    const table = registrations.getByRole("table", { name: "Beroepsregistraties van Sophie Willems" });
    const row = table.getByRole("row").filter({ hasText: "110004567" });
    await visible(row);
    expect((await row.getByRole("cell").allTextContents()).slice(0, 5)).toEqual([
      "SKJ",
      "Jeugd- en gezinsprofessional",
      "110004567",
      "30 jun 2030",
      "31 jan 2030",
    ]);
    await expectAccessible(page, "person with registration");

    // Deactivate, after confirming.
    await status.getByRole("button", { name: "Deactiveren" }).click();
    const confirm = page.getByRole("dialog", { name: "Sophie Willems deactiveren?" });
    await visible(confirm);
    await textOf(confirm).toContain("Sophie Willems kan daarna niet meer inloggen in deze organisatie.");
    await expectAccessible(page, "deactivate dialog");
    await confirm.getByRole("button", { name: "Deactiveren" }).click();
    await confirm.waitFor({ state: "hidden" });
    await textOf(status).toContain("Gedeactiveerd");
    await textOf(status).toContain(`Beëindigd op ${today()}`);
    await visible(status.getByRole("button", { name: "Heractiveren" }));
    await textOf(page.getByRole("main")).toContain("Deze persoon is gedeactiveerd en kan niet meer inloggen.");
    await expectAccessible(page, "deactivated person");

    // The list, filtered by role and by status.
    await page.getByRole("link", { name: "Terug naar mensen" }).click();
    // On a phone the people are a list of cards.
    const people = page.getByRole("list", { name: "Mensen in deze organisatie" });
    await visible(people.getByRole("link", { name: "Anna de Vries" }));
    await page.getByLabel("Rol").selectOption({ label: "Werkbegeleider" });
    await visible(people.getByRole("link", { name: "Sophie Willems" }));
    await expect.poll(() => people.getByRole("link", { name: "Anna de Vries" }).count()).toBe(0);
    // Sanne is a work supervisor in De Linde too.
    await visible(people.getByRole("link", { name: "Sanne Visser" }));

    await page.getByLabel("Status").selectOption({ label: "Gedeactiveerd" });
    await expect.poll(() => people.getByRole("link", { name: "Sanne Visser" }).count()).toBe(0);
    const names = await people.getByRole("link").allTextContents();
    expect(names).toEqual(["Sophie Willems"]);
    // Her card says when her membership ended.
    await textOf(people.getByRole("listitem").filter({ hasText: "Sophie Willems" })).toContain(
      `Beëindigd op ${today()}`,
    );
    await textOf(page.getByRole("main")).toContain("1 persoon");
    expect(new URL(page.url()).searchParams.get("status")).toBe("deactivated");
    await expectAccessible(page, "people filtered");

    // The filters live in the address: a reload keeps them.
    await page.reload();
    await visible(people.getByRole("link", { name: "Sophie Willems" }));
    expect(await page.getByLabel("Rol").inputValue()).toBe("guide");
    expect(await page.getByLabel("Status").inputValue()).toBe("deactivated");

    // On a wide screen the people are a table, and the status column says when it ended.
    const { page: wide } = await koers.newPage({ width: 1280, height: 900 });
    await signIn(wide, "beheer@delinde.example");
    await openMenuItem(wide, "Mensen");
    await wide.getByLabel("Status").selectOption({ label: "Gedeactiveerd" });
    const sophie = wide
      .getByRole("table", { name: "Mensen in deze organisatie" })
      .getByRole("row")
      .filter({ has: wide.getByRole("rowheader", { name: "Sophie Willems" }) });
    await textOf(sophie.getByRole("cell").last()).toContain(`Beëindigd op ${today()}`);
    await expectAccessible(wide, "people with an ended membership, on a wide screen");

    await page.getByLabel("Status").selectOption({ label: "Actief" });
    await visible(people.getByRole("link", { name: "Sanne Visser" }));
    expect(await people.getByRole("link", { name: "Sophie Willems" }).count()).toBe(0);
    await page.getByLabel("Zoek op naam of e-mailadres").fill("Sophie");
    await textOf(page.getByRole("main")).toContain("Niemand gevonden met deze zoekopdracht of filters.");
    await page.getByLabel("Zoek op naam of e-mailadres").fill("");
    await page.getByLabel("Rol").selectOption({ label: "Alle rollen" });
    await visible(people.getByRole("link", { name: "Anna de Vries" }));

    // The log tells the story in words.
    await openMenuItem(page, "Logboek");
    await visible(page.getByRole("heading", { name: "Logboek", level: 2 }));
    const log = page.getByRole("list", { name: "Logboek" });
    const entry = (type: string) =>
      log
        .getByRole("listitem")
        .filter({ has: page.getByText(type, { exact: true }) })
        .filter({ hasText: "Sophie Willems" });

    const created = entry("Persoon toegevoegd");
    await visible(created);
    await textOf(created).toContain("Anna de Vries");
    await textOf(created).toContain("Persoon: Sophie Willems");
    await textOf(created).toContain("Rollen: Begeleide");
    await textOf(created).toContain("Status: Uitgenodigd");

    const updated = entry("Persoon gewijzigd");
    await textOf(updated).toContain("Rollen: Begeleide → Begeleide, Werkbegeleider");
    await textOf(updated).toContain("Jaren werkervaring (academisch): — → 4");
    await textOf(updated).toContain("Dreyfus-niveau: — → 3");

    const registered = entry("Registratie toegevoegd");
    await textOf(registered).toContain("Register: SKJ");
    await textOf(registered).toContain("Registratienummer: 110004567");
    await textOf(registered).toContain("Geldig tot: 30 jun 2030");

    const deactivated = entry("Persoon gedeactiveerd");
    await textOf(deactivated).toContain("Status: Uitgenodigd → Gedeactiveerd");

    // Newest first.
    const order = await log.getByRole("listitem").filter({ hasText: "Sophie Willems" }).allTextContents();
    const types = ["Persoon gedeactiveerd", "Registratie toegevoegd", "Persoon gewijzigd", "Persoon toegevoegd"];
    expect(types.map((type) => order.findIndex((text) => text.startsWith(type)))).toEqual([0, 1, 2, 3]);
    await expectAccessible(page, "audit log");

    // One kind of change, then a day range typed in one go: both fields stay, then all are wiped.
    const kind = page.getByRole("combobox", { name: "Soort wijziging", exact: true });
    await kind.click();
    await page.getByRole("option", { name: "Persoon gedeactiveerd", exact: true }).click();
    await expect.poll(() => log.getByRole("listitem").filter({ hasText: "Persoon toegevoegd" }).count()).toBe(0);
    await visible(deactivated);
    await page.getByLabel("Vanaf").fill("2000-01-01");
    await page.getByLabel("Tot en met").fill("2199-12-31");
    await expect.poll(() => new URL(page.url()).searchParams.toString()).toContain("from=2000-01-01");
    expect(new URL(page.url()).searchParams.get("to")).toBe("2199-12-31");
    await visible(deactivated);
    await page.getByRole("button", { name: "Filters wissen" }).click();
    await visible(created);
  });

  it("lets a person change their own name, and the admin give them a name inside the organisation", async () => {
    // Joost changes his own name: it is his, for every organisation.
    const { page: joost } = await koers.newPage();
    await signIn(joost, "joost.smit@delinde.example");
    await joost.getByRole("button", { name: "Account van Joost Smit" }).click();
    await joost.getByRole("menuitem", { name: "Mijn gegevens", exact: true }).click();
    await visible(joost.getByRole("heading", { name: "Mijn gegevens", level: 2 }));
    await expectAccessible(joost, "my details");
    await joost.getByLabel("Naam").fill("Joost P. Smit");
    // A new e-mail address asks for the current password, at its field.
    await joost.getByLabel("E-mailadres").fill("joost@example.org");
    const password = joost.getByLabel("Huidig wachtwoord");
    await password.fill("niet-mijn-wachtwoord");
    await joost.getByRole("button", { name: "Opslaan" }).click();
    await expectFieldError(password, "E-mailadres of wachtwoord klopt niet.");
    await expectAccessible(joost, "my details, wrong password");
    await joost.getByLabel("E-mailadres").fill("joost.smit@delinde.example");
    await joost.getByRole("button", { name: "Opslaan" }).click();
    await textOf(joost.getByRole("alert").filter({ hasText: "opgeslagen" })).toContain("Je gegevens zijn opgeslagen.");
    await visible(joost.getByRole("button", { name: "Account van Joost P. Smit" }));

    // Anna sees his new name, and gives him a name that only De Linde shows.
    const { page: anna } = await koers.newPage();
    await signIn(anna, "beheer@delinde.example");
    await openMenuItem(anna, "Mensen");
    await anna.getByLabel("Zoek op naam of e-mailadres").fill("joost");
    await anna
      .getByRole("list", { name: "Mensen in deze organisatie" })
      .getByRole("link", { name: "Joost P. Smit" })
      .click();
    await visible(anna.getByRole("heading", { name: "Joost P. Smit", level: 2 }));
    const details = anna.getByRole("region", { name: "Gegevens" });
    const displayName = details.getByLabel("Naam in deze organisatie");
    expect(await displayName.inputValue()).toBe("");
    await displayName.fill("Joost Smit (opleidingen)");
    await details.getByRole("button", { name: "Opslaan" }).click();
    await visible(anna.getByRole("heading", { name: "Joost Smit (opleidingen)", level: 2 }));
    await expectAccessible(anna, "person with display name");
  });
});
