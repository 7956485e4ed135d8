import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, type Koers, openMenuItem, signInAt, startKoers, textOf, visible } from "./support/koers.js";

const AUTHOR = "sanne.visser@netwerk.example";
const TRAINER = "eva.mulder@delinde.example";
const TITLE = "Een student die niet durft te bellen";
const DEMO_CASE = "Drie begeleiders, drie meningen";
const NOT_FOUND = "Deze casus bestaat niet of je mag hem niet zien.";

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

/** Closes a notice, as someone would whose phone shows it over the button they want next. */
async function dismiss(page: Page, text: string) {
  await page.getByRole("alert").filter({ hasText: text }).getByRole("button", { name: "Sluiten" }).click();
}

describe("a case from practice", () => {
  it("is written on a phone with a privacy check, sent back and approved by a trainer, and read elsewhere in the network", async () => {
    // Sanne writes it on her phone; the editor warns of a name and a phone number as she types.
    const { page: sanne } = await koers.newPage();
    await signInAt(sanne, AUTHOR, "Zorggroep De Linde");
    await openMenuItem(sanne, "Casuïstiek");
    await visible(sanne.getByRole("heading", { name: "Casuïstiek", level: 2 }));
    await expectAccessible(sanne, "case library, on a phone");
    await sanne.getByRole("link", { name: "Nieuwe casus" }).click();
    await sanne.getByLabel(/^Titel\s*\*?$/).fill(TITLE);
    await sanne
      .getByLabel(/^De situatie\s*\*?$/)
      .fill("De student moest mevrouw Jansen haar dochter bellen op 06-12345678, maar stelde het steeds uit.");
    await sanne.getByLabel(/^De vraag\s*\*?$/).fill("Hoe help je een student over zijn drempel heen?");
    const warning = sanne.getByRole("alert").filter({ hasText: "Controleer de tekst op persoonsgegevens" });
    await textOf(warning).toContain("een telefoonnummer: “06-12345678”");
    await textOf(warning).toContain("een naam of een lijst met namen: “mevrouw Jansen”");
    await sanne.getByRole("combobox", { name: "Setting" }).selectOption({ label: "Gehandicaptenzorg" });
    await sanne.getByRole("checkbox", { name: "Feedback geven" }).check();
    await expectAccessible(sanne, "a new case with privacy warnings, on a phone");
    await sanne.getByRole("button", { name: "Opslaan" }).click();
    await visible(sanne.getByRole("button", { name: "Ter beoordeling aanbieden" }));
    await dismiss(sanne, "Casus opgeslagen.");

    // Sending it asks her to confirm what the check found; she changes the text instead.
    await sanne.getByRole("button", { name: "Ter beoordeling aanbieden" }).click();
    await visible(sanne.getByText("Pas de tekst aan, of bevestig dat je hem hebt gecontroleerd."));
    await sanne
      .getByLabel(/^De situatie\s*\*?$/)
      .fill("De student moest de familie van een bewoner bellen, maar stelde het steeds uit.");
    await visible(sanne.getByRole("heading", { name: TITLE, level: 2 }));
    await textOf(sanne.locator("body")).not.toContain("Controleer de tekst op persoonsgegevens");
    await sanne.getByRole("button", { name: "Ter beoordeling aanbieden" }).click();
    await visible(sanne.getByText("Casus aangeboden ter beoordeling."));
    await visible(sanne.getByText("Deze casus wacht op beoordeling door een trainer."));

    // Eva reviews it: sent back once with a reason, approved after Sanne's change.
    const { page: eva } = await koers.newPage({ width: 1280, height: 900 });
    await signInAt(eva, TRAINER, "Zorggroep De Linde");
    await openMenuItem(eva, "Casuïstiek");
    await eva.getByRole("region", { name: "Te beoordelen" }).getByRole("link", { name: TITLE }).click();
    await visible(eva.getByRole("heading", { name: "Beoordelen" }));
    await expectAccessible(eva, "a case to review");
    await eva.getByRole("button", { name: "Terugsturen" }).click();
    await eva.getByLabel(/^Waarom stuur je de casus terug/).fill("Beschrijf ook wat de werkbegeleider deed.");
    await eva.getByRole("button", { name: "Terugsturen met deze reden" }).click();
    await visible(eva.getByText("Casus teruggestuurd."));

    await sanne.reload();
    await visible(sanne.getByText("Teruggestuurd door Eva Mulder: Beschrijf ook wat de werkbegeleider deed."));
    await sanne
      .getByLabel("Wat er gebeurde")
      .fill("De werkbegeleider belde het eerste gesprek samen met hem; het tweede deed hij alleen.");
    await sanne.getByRole("button", { name: "Ter beoordeling aanbieden" }).click();
    await visible(sanne.getByText("Casus aangeboden ter beoordeling."));

    await eva.reload();
    await eva.getByRole("button", { name: "Goedkeuren" }).click();
    await visible(eva.getByText("Casus goedgekeurd."));

    // At Rivierenland, another member of the network, Sanne finds it by a word and by its setting.
    await signInAt(sanne, AUTHOR, "Onderwijsstichting Rivierenland");
    await openMenuItem(sanne, "Casuïstiek");
    await sanne.getByLabel("Zoeken in casussen").fill("drempel");
    await sanne.getByRole("button", { name: "Zoeken" }).click();
    await sanne.getByRole("combobox", { name: "Setting" }).selectOption({ label: "Gehandicaptenzorg" });
    await sanne.getByRole("link", { name: TITLE }).click();
    await visible(sanne.getByRole("heading", { name: TITLE, level: 2 }));
    await visible(sanne.getByText("Van Zorggroep De Linde"));
    await textOf(sanne.locator("main")).toContain("het tweede deed hij alleen");
    await expectAccessible(sanne, "an approved case read in another organisation, on a phone");

    // Eva takes it back after all: the reason is asked for, then nobody elsewhere reads it.
    await eva.reload();
    await visible(eva.getByRole("heading", { name: "Terugtrekken" }));
    await eva.getByRole("button", { name: "Casus terugtrekken" }).click();
    await eva.getByRole("button", { name: "Terugtrekken met deze reden" }).click();
    await visible(eva.getByText("Vul dit in."));
    await eva.getByLabel(/^Waarom trek je de casus terug/).fill("De dagbesteding maakt de cliënt herkenbaar.");
    await eva.getByRole("button", { name: "Terugtrekken met deze reden" }).click();
    await visible(eva.getByText("Casus teruggetrokken."));
    await expectAccessible(eva, "a withdrawn case, for the trainer");
    await sanne.reload();
    await visible(sanne.getByText(NOT_FOUND));
  });

  it("is discussed by two organisations of the network: a reply, a mention, an edit, and a trainer hiding a post", async () => {
    // Lisa, at Rivierenland, asks on her phone and mentions her colleague.
    const { page: lisa } = await koers.newPage();
    await signInAt(lisa, "lisa.dekker@rivierenland.example", "Onderwijsstichting Rivierenland");
    await openMenuItem(lisa, "Casuïstiek");
    await lisa.getByRole("link", { name: DEMO_CASE }).click();
    const discussion = lisa.getByRole("region", { name: "Discussie" });
    await visible(discussion.getByText("Als student herken ik dit", { exact: false }));
    await discussion.getByLabel("Jouw bericht").fill("Herkenbaar! Hoe verdelen jullie de feedback? @Mohamed Bouali");
    await discussion.getByRole("button", { name: "Plaatsen" }).click();
    await visible(discussion.getByRole("article", { name: "Lisa Dekker, Onderwijsstichting Rivierenland" }));
    await dismiss(lisa, "Je bericht is geplaatst.");
    await discussion.getByLabel("Jouw bericht").fill("Zoals bij mevrouw De Vries op de tweede etage.");
    await discussion.getByRole("button", { name: "Plaatsen" }).click();
    await visible(discussion.getByText("Zoals bij mevrouw De Vries op de tweede etage."));
    await dismiss(lisa, "Je bericht is geplaatst.");
    // What is typed is shown as typed: no markup, no script.
    const markup = '<img src="x" onerror="document.title=1"> <b>vet</b>';
    await discussion.getByLabel("Jouw bericht").fill(markup);
    await discussion.getByRole("button", { name: "Plaatsen" }).click();
    await visible(discussion.getByText(markup));
    expect(await discussion.locator("article img, article b").count()).toBe(0);
    await dismiss(lisa, "Je bericht is geplaatst.");
    await expectAccessible(lisa, "a discussion on a case, on a phone");

    // Eva, a trainer at De Linde, replies, and hides the post that names a client.
    const { page: eva } = await koers.newPage({ width: 1280, height: 900 });
    await signInAt(eva, TRAINER, "Zorggroep De Linde");
    await openMenuItem(eva, "Casuïstiek");
    await eva.getByRole("link", { name: DEMO_CASE }).click();
    const question = eva
      .getByRole("article", { name: "Lisa Dekker, Onderwijsstichting Rivierenland" })
      .filter({ hasText: "Hoe verdelen jullie" });
    await question.getByRole("button", { name: "Reageren" }).click();
    await eva.getByLabel("Jouw reactie aan Lisa Dekker").fill("Bij ons houdt de werkbegeleider de leerdoelen bij.");
    await eva.getByRole("button", { name: "Reactie plaatsen" }).click();
    await visible(eva.getByRole("article", { name: "Eva Mulder, Zorggroep De Linde" }));
    const slip = eva
      .getByRole("article", { name: "Lisa Dekker, Onderwijsstichting Rivierenland" })
      .filter({ hasText: "mevrouw De Vries" });
    await slip.getByRole("button", { name: "Verbergen" }).click();
    await eva.getByLabel(/^Waarom verberg je dit bericht/).fill("Noemt een cliënt.");
    await eva.getByRole("button", { name: "Verbergen met deze reden" }).click();
    await visible(eva.getByText("Verborgen door een trainer: Noemt een cliënt."));
    await expectAccessible(eva, "a discussion with a hidden post");

    // Lisa took part, so De Linde's reply is news to her at Rivierenland; opening the thread reads it.
    await openMenuItem(lisa, "Meldingen");
    await visible(lisa.getByText(`1 nieuw bericht in de discussie over “${DEMO_CASE}”.`));
    // The header's bell says how many are unread ("Meldingen, 3 ongelezen"), or just "Meldingen".
    const unread = async () => {
      const bell = lisa.getByRole("link", { name: /^Meldingen, \d+ ongelezen$/ });
      return (await bell.count()) ? Number((await bell.getAttribute("aria-label"))?.match(/\d+/)?.[0]) : 0;
    };
    const before = await unread();
    expect(before).toBeGreaterThan(0);
    await openMenuItem(lisa, "Casuïstiek");
    await lisa.getByRole("link", { name: DEMO_CASE }).click();
    await expect.poll(unread).toBe(before - 1);

    // Lisa sees the reply; the hidden post shows only why it was hidden. She edits her own post.
    await visible(lisa.getByText("Bij ons houdt de werkbegeleider de leerdoelen bij."));
    await visible(lisa.getByText("Verborgen door een trainer: Noemt een cliënt."));
    await textOf(lisa.locator("main")).not.toContain("mevrouw De Vries");
    const own = lisa
      .getByRole("article", { name: "Lisa Dekker, Onderwijsstichting Rivierenland" })
      .filter({ hasText: "Hoe verdelen jullie" });
    await own.getByRole("button", { name: "Wijzigen" }).first().click();
    await lisa.getByLabel("Bericht wijzigen").fill("Herkenbaar! Hoe verdelen jullie de feedback?");
    await lisa.getByRole("button", { name: "Opslaan" }).click();
    await visible(own.getByText("bewerkt", { exact: false }).first());

    // Mohamed, mentioned, finds it in his notifications.
    const { page: mohamed } = await koers.newPage();
    await signInAt(mohamed, "mohamed.bouali@rivierenland.example", "Onderwijsstichting Rivierenland");
    await openMenuItem(mohamed, "Meldingen");
    await visible(mohamed.getByText(`Lisa Dekker noemde je in de discussie over “${DEMO_CASE}”.`));
  });
});
