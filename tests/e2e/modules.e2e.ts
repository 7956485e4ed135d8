import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../support/pdf-text.js";
import { samplePdf } from "../support/sample-pdf.js";
import { expectAccessible, type Koers, openMenuItem, signIn, startKoers, textOf, visible } from "./support/koers.js";

const TRAINER = "eva.mulder@delinde.example";
const LEARNER = "sanne.visser@netwerk.example";
const PRAKTIJKOPLEIDER = "joost.smit@delinde.example";
const TITLE = "Feedback vragen aan je student";

let koers: Koers;
beforeAll(async () => {
  koers = await startKoers();
});
afterAll(() => koers.close());

async function atLinde(page: Page, email: string) {
  await signIn(page, email);
  const switcher = page.getByRole("combobox", { name: "Organisatie wisselen" });
  if (await switcher.isVisible()) {
    await switcher.selectOption({ label: "Zorggroep De Linde" });
    await textOf(page.getByRole("heading", { level: 1 })).toBe("Zorggroep De Linde");
  }
}

const part = (page: Page, name: RegExp | string) =>
  page.getByRole("group", { name: typeof name === "string" ? new RegExp(`^${name}`) : name });
const block = (page: Page, n: number) => page.getByRole("region", { name: new RegExp(`^${n}\\. `) });

describe("a module of the learning line", () => {
  it("is written by a trainer with every kind of part, followed by a werkbegeleider on her phone, and signed off at work", async () => {
    // Eva writes the module and publishes it.
    const { page: eva } = await koers.newPage({ width: 1280, height: 900 });
    await atLinde(eva, TRAINER);
    await openMenuItem(eva, "Modules");
    await visible(eva.getByRole("heading", { name: "Modules" }));
    await expectAccessible(eva, "module library");
    await eva.getByLabel("Titel").fill(TITLE);
    await eva.getByRole("combobox", { name: "Competentie", exact: true }).selectOption({ label: "Feedback geven" });
    await eva.getByRole("button", { name: "Module beginnen" }).click();
    await visible(eva.getByRole("button", { name: "Concept bewaren" }));

    const add = async (kind: string) => {
      await eva.getByRole("combobox", { name: "Soort onderdeel" }).selectOption({ label: kind });
      await eva.getByRole("button", { name: "Onderdeel toevoegen" }).click();
    };
    await part(eva, "1. Tekst")
      .getByLabel(/^Tekst/)
      .fill("Vraag je student **na elk gesprek** wat hij van jouw begeleiding vond.");
    await add("Video");
    await part(eva, "2. Video").getByLabel("Titel").fill("Feedback vragen");
    await part(eva, "2. Video")
      .getByLabel(/^Link naar de video/)
      .fill("https://evil.example/film.mp4");
    await add("Reflectievraag");
    await part(eva, "3. Reflectievraag")
      .getByLabel("Vraag")
      .fill("Wanneer vroeg jij je student voor het laatst om feedback?");
    await add("Kennisvragen");
    const quiz = part(eva, "4. Kennisvragen");
    await quiz.getByLabel(/^Vraag\s*\*?$/).fill("Wanneer vraag je om feedback?");
    await quiz.getByLabel(/^Antwoord 1\s*\*?$/).fill("Direct na een begeleidingsmoment");
    await quiz.getByLabel("Feedback bij dit antwoord").first().fill("Ja: dan weet de student nog wat er gebeurde.");
    await quiz.getByLabel(/^Antwoord 2\s*\*?$/).fill("Alleen bij de eindbeoordeling");
    await quiz.getByLabel("Feedback bij dit antwoord").nth(1).fill("Dan is het te laat om iets te veranderen.");
    await add("Werkplekopdracht");
    await part(eva, "5. Werkplekopdracht").getByLabel("Titel").fill("Vraag om feedback");
    await part(eva, "5. Werkplekopdracht")
      .getByLabel(/^Opdracht/)
      .fill("Vraag je student na een dienst om feedback en beschrijf wat hij zei.");
    await add("Training");
    await part(eva, "6. Training").getByLabel("Titel").fill("Training feedback vragen");
    await part(eva, "6. Training").getByLabel("Plaats").fill("De Linde, zaal 2");
    // A case from the library, approved for the network.
    await add("Casus");
    await part(eva, "7. Casus")
      .getByRole("combobox", { name: /^Casus uit de casuïstiek/ })
      .selectOption({ label: "De protocollen kloppen niet met wat ik zie" });

    // A video from elsewhere is refused at the field, and nothing typed is lost.
    await eva.getByRole("button", { name: "Concept bewaren" }).click();
    await visible(eva.getByText("Geef een https-link naar een video op YouTube of Vimeo."));
    await expectAccessible(eva, "module editor with a problem");
    await part(eva, "2. Video")
      .getByLabel(/^Link naar de video/)
      .fill("https://www.youtube.com/watch?v=abcDEF12345");
    await eva.getByRole("button", { name: "Concept bewaren" }).click();
    await visible(eva.getByText("Het concept is bewaard."));
    await textOf(part(eva, "6. Training").getByLabel("Plaats")).toBe("");
    await eva.getByRole("link", { name: "Terug naar de module" }).click();
    await eva.getByRole("button", { name: "Publiceren" }).click();
    await eva.getByRole("dialog").getByRole("button", { name: "Publiceren" }).click();
    await visible(eva.getByText("Versie 1 is gepubliceerd."));

    // Sanne follows it from her learning path, on her phone.
    const { page: sanne } = await koers.newPage({ width: 375, height: 812 });
    await atLinde(sanne, LEARNER);
    await openMenuItem(sanne, "Leerroute");
    await sanne.getByRole("link", { name: TITLE }).first().click();
    await sanne.getByRole("button", { name: "Begin met deze module" }).click();
    await visible(sanne.getByText("0 van 7 onderdelen klaar"));
    await expectAccessible(sanne, "module, started, on a phone");
    await block(sanne, 1).getByRole("button", { name: "Gelezen" }).click();
    // The video's host is reached only when she presses play.
    const toHost: string[] = [];
    await sanne.route("https://www.youtube-nocookie.com/**", (route) => {
      toHost.push(route.request().url());
      return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Speler</title>" });
    });
    await textOf(block(sanne, 2)).toContain("Pas als je op afspelen drukt");
    expect(await sanne.getByTitle("Video: Feedback vragen").count()).toBe(0);
    expect(toHost).toEqual([]);
    await block(sanne, 2).getByRole("button", { name: "Video afspelen" }).click();
    await visible(sanne.getByTitle("Video: Feedback vragen"));
    await expect.poll(() => toHost.length).toBeGreaterThan(0);
    await block(sanne, 2).getByRole("button", { name: "Bekeken" }).click();
    await block(sanne, 3).getByLabel("Jouw antwoord").fill("Gisteren, na de avonddienst met Daan.");
    await block(sanne, 3).getByLabel("Deel mijn antwoord met mijn praktijkopleider").check();
    await block(sanne, 3).getByRole("button", { name: "Antwoord bewaren" }).click();
    await visible(sanne.getByText("3 van 7 onderdelen klaar"));

    // The quiz: wrong first, with the feedback on that choice; then right.
    await block(sanne, 4).getByLabel("Alleen bij de eindbeoordeling").check();
    await block(sanne, 4).getByRole("button", { name: "Antwoorden nakijken" }).click();
    await visible(block(sanne, 4).getByText("Dan is het te laat om iets te veranderen."));
    await visible(block(sanne, 4).getByText(/^Nog niet gehaald/));
    await block(sanne, 4).getByLabel("Direct na een begeleidingsmoment").check();
    await block(sanne, 4).getByRole("button", { name: "Antwoorden nakijken" }).click();
    await visible(block(sanne, 4).getByText(/^Gehaald: 1 van de 1 goed/));
    await textOf(block(sanne, 4)).toContain("Pogingen: 2");

    // The assignment, with a photo taken on the work floor.
    const photo = await sharp({ create: { width: 80, height: 60, channels: 3, background: "#c8a060" } })
      .jpeg()
      .toBuffer();
    await block(sanne, 5)
      .getByLabel("Wat heb je gedaan, en wat gebeurde er?")
      .fill("Daan zei dat hij meer uitleg wil vóór een nieuwe handeling.");
    const chooser = sanne.waitForEvent("filechooser");
    await block(sanne, 5)
      .getByLabel(/^Foto of PDF als bewijs/)
      .click();
    await (await chooser).setFiles({ name: "werkvloer.jpg", mimeType: "image/jpeg", buffer: photo });
    await block(sanne, 5).getByRole("button", { name: "Inleveren voor aftekenen" }).click();
    await visible(block(sanne, 5).getByText("Wacht op aftekenen"));
    await block(sanne, 6).getByRole("button", { name: "Ik heb deelgenomen" }).click();
    await textOf(block(sanne, 7)).toContain("Hoe help je een student theorie en praktijk te verbinden");
    await block(sanne, 7).getByRole("button", { name: "Gelezen" }).click();
    await visible(sanne.getByText("6 van 7 onderdelen klaar"));
    await expectAccessible(sanne, "module under way, on a phone");

    // Joost sends it back once, with a reason; then signs off the second.
    const { page: joost } = await koers.newPage({ width: 1280, height: 900 });
    await atLinde(joost, PRAKTIJKOPLEIDER);
    await openMenuItem(joost, "Werkplekopdrachten");
    const handedIn = joost.getByRole("article", { name: "Sanne Visser: Vraag om feedback" });
    await visible(handedIn.getByRole("img", { name: "Foto van Sanne Visser bij de opdracht" }));
    await textOf(joost.getByRole("region", { name: "Reflecties die met jou zijn gedeeld" })).toContain(
      "Gisteren, na de avonddienst met Daan.",
    );
    await expectAccessible(joost, "assignments to sign off");
    await handedIn.getByRole("button", { name: "Terugsturen" }).click();
    await handedIn.getByRole("button", { name: "Terugsturen met deze reden" }).click();
    await visible(handedIn.getByText("Vul dit in."));
    await handedIn.getByLabel(/^Waarom terug/).fill("Schrijf ook op wat je met zijn feedback gaat doen.");
    await handedIn.getByRole("button", { name: "Terugsturen met deze reden" }).click();
    await visible(joost.getByText("Teruggestuurd.", { exact: true }));

    await sanne.reload();
    await visible(block(sanne, 5).getByText(/Teruggestuurd door Joost Smit: Schrijf ook op/));
    await block(sanne, 5)
      .getByLabel("Wat heb je gedaan, en wat gebeurde er?")
      .fill("Ik leg voortaan eerst uit wat ik ga doen. Daan vond dat prettig.");
    // This time with the observation form as a PDF; a damaged one is refused at the field, her text kept.
    const attach = async (buffer: Buffer) => {
      const chooser = sanne.waitForEvent("filechooser");
      await block(sanne, 5)
        .getByLabel(/^Foto of PDF als bewijs/)
        .click();
      await (await chooser).setFiles({ name: "observatie.pdf", mimeType: "application/pdf", buffer });
    };
    await attach(Buffer.from("%PDF-1.4\n% half verstuurd"));
    await block(sanne, 5).getByRole("button", { name: "Inleveren voor aftekenen" }).click();
    await visible(block(sanne, 5).getByText(/^Koers kan dit PDF-bestand niet helemaal lezen/));
    expect(await block(sanne, 5).getByLabel("Wat heb je gedaan, en wat gebeurde er?").inputValue()).toContain(
      "Daan vond dat prettig.",
    );
    const form = samplePdf({ pages: ["Observatieformulier: feedback na de ochtendzorg"] });
    await attach(form);
    await block(sanne, 5).getByRole("button", { name: "Inleveren voor aftekenen" }).click();
    await visible(block(sanne, 5).getByText("Wacht op aftekenen"));

    await joost.reload();
    const [evidence] = await Promise.all([
      joost.waitForEvent("download"),
      joost.getByRole("link", { name: "Bewijs van Sanne Visser bij de opdracht (PDF) downloaden" }).click(),
    ]);
    expect((await readFile(await evidence.path())).equals(form)).toBe(true);
    await joost
      .getByRole("article", { name: "Sanne Visser: Vraag om feedback" })
      .getByRole("button", { name: "Aftekenen" })
      .click();
    await visible(joost.getByText("Afgetekend.", { exact: true }));

    await sanne.reload();
    await visible(sanne.getByText(/^Je hebt deze module afgerond op/));
    await textOf(block(sanne, 5)).toContain("Afgetekend door Joost Smit");
    // Her certificate: a PDF in De Linde's house style that anyone can check, signed out.
    const [download] = await Promise.all([
      sanne.waitForEvent("download"),
      sanne.getByRole("button", { name: "Certificaat downloaden (PDF)" }).click(),
    ]);
    const certificate = await readFile(await download.path());
    const text = await pdfText(certificate);
    for (const words of ["Certificaat", "Sanne Visser", TITLE, "Zorggroep De Linde", "Feedback geven"])
      expect(text).toContain(words);
    const { page: visitor } = await koers.newPage({ width: 375, height: 812 });
    await visitor.goto("/verifieren");
    await visible(visitor.getByRole("heading", { name: "Verklaring of certificaat controleren", level: 1 }));
    await visitor.locator('input[type="file"]').setInputFiles({
      name: "certificaat.pdf",
      mimeType: "application/pdf",
      buffer: certificate,
    });
    await visitor.getByRole("button", { name: "Bestand controleren" }).click();
    const result = visitor.getByRole("alert").filter({ hasText: "Uitkomst" });
    await textOf(result).toContain("Dit certificaat is door Koers uitgegeven.");
    await textOf(result).toContain(`Sanne Visser heeft de module ${TITLE} (versie 1) afgerond op`);
    await expectAccessible(visitor, "a certificate verified, on a phone");

    await openMenuItem(sanne, "Leerroute");
    await visible(sanne.getByText(new RegExp(`${TITLE} \\(afgerond\\)`)));
    await expectAccessible(sanne, "learning path with a completed module, on a phone");
  });
});
