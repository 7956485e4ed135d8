import { eq, sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, users } from "../../src/db/schema.js";
import { addDays, dutchToday } from "../../src/domain/dutch-time.js";
import { expectAccessible, type Koers, openMenuItem, startKoers, textOf, visible } from "./support/koers.js";
import { apiAs } from "./support/trajectory.js";

/**
 * A learning festival with two rounds, on phones: the praktijkopleider makes it, a werkbegeleider
 * takes the one place of a workshop and a trainer joins its waiting list; when the place comes free
 * the trainer has it at once and is told. On the day the trainer ticks people off on a phone;
 * afterwards a participant evaluates and the praktijkopleider reads the summary. Every page is
 * checked with axe-core at 375 px.
 */

let koers: Koers;
const pages: Record<string, Page> = {};
let eventUrl = "";

const PEOPLE = {
  joost: "joost.smit@delinde.example",
  sanne: "sanne.visser@netwerk.example",
  eva: "eva.mulder@delinde.example",
  daan: "daan.bakker@delinde.example",
} as const;

beforeAll(async () => {
  koers = await startKoers();
  for (const [name, email] of Object.entries(PEOPLE)) {
    const { page, context } = await koers.newPage();
    await apiAs(context, email);
    pages[name] = page;
  }
});
afterAll(() => koers.close());

const as = (name: keyof typeof PEOPLE) => pages[name] as Page;
const told = (page: Page, text: string) => visible(page.getByRole("alert").filter({ hasText: text }));
const session = (page: Page, title: string) => page.getByRole("article", { name: title });

describe("a learning festival with two rounds", () => {
  it("the praktijkopleider makes it, told at the field what is missing, without losing what was typed", async () => {
    const page = as("joost");
    await page.goto("/");
    await visible(page.getByRole("heading", { name: "Overzicht", level: 2 }));
    await openMenuItem(page, "Leerfestivals en trainingen");
    await visible(page.getByRole("heading", { name: "Leerfestivals en trainingen", level: 2 }));
    await textOf(page.getByRole("region", { name: "Dit jaar in cijfers" })).toContain("Opkomst");
    await expectAccessible(page, "events list (phone)");
    await page.getByRole("link", { name: "Nieuwe activiteit" }).click();
    await visible(page.getByRole("heading", { name: "Nieuwe activiteit", level: 2 }));

    const day = addDays(dutchToday(), 14);
    await page.getByLabel(/^Titel\s*\*?$/).fill("Leerfestival Werkplezier");
    await page.getByLabel("Voor wie").selectOption({ label: "Voor werkbegeleiders en trainers" });
    await page.getByLabel(/^Datum\s*\*?$/).fill(day);
    await page.getByLabel("Begintijd").fill("13:00");
    await page.getByLabel("Eindtijd").fill("12:00");
    await page.getByLabel("Inschrijven kan tot en met").fill(addDays(day, -3));
    const trainers = page.getByRole("combobox", { name: "Trainers", exact: true });
    await trainers.click();
    await trainers.fill("Eva");
    await page.getByRole("option", { name: "Eva Mulder", exact: true }).click();
    await page.keyboard.press("Escape");
    const first = page.getByRole("group", { name: "Sessie 1" });
    await first.getByLabel("Titel van de sessie").fill("Feedback die landt");
    await first.getByLabel("Plaatsen").fill("1");
    await page.getByRole("button", { name: "Sessie toevoegen" }).click();
    const second = page.getByRole("group", { name: "Sessie 2" });
    await second.getByLabel("Titel van de sessie").fill("Het zorgteam activeren");
    await second.getByLabel("Plaatsen").fill("12");
    await page.getByRole("button", { name: "Sessie toevoegen" }).click();
    const third = page.getByRole("group", { name: "Sessie 3" });
    await third.getByLabel("Ronde").selectOption("2");
    await third.getByLabel("Titel van de sessie").fill("Reflecteren met STARR");
    await third.getByLabel("Plaatsen").fill("20");
    await expectAccessible(page, "new event form (phone)");
    await page.getByRole("button", { name: "Activiteit maken" }).click();

    // The end before the start, and no place: said at the fields; everything typed stays.
    await visible(page.getByText("De eindtijd moet na de begintijd liggen."));
    await visible(page.getByText("Geef een plaats of een link voor online deelname."));
    expect(await page.getByLabel(/^Titel\s*\*?$/).inputValue()).toBe("Leerfestival Werkplezier");
    expect(await third.getByLabel("Titel van de sessie").inputValue()).toBe("Reflecteren met STARR");
    await expectAccessible(page, "new event form with errors (phone)");
    await page.getByLabel("Eindtijd").fill("17:00");
    await page.getByLabel("Plaats", { exact: true }).fill("Theaterzaal De Linde");
    await page.getByRole("button", { name: "Activiteit maken" }).click();

    await visible(page.getByRole("heading", { name: "Leerfestival Werkplezier", level: 2 }));
    eventUrl = new URL(page.url()).pathname;
    await textOf(page.getByText(/^Trainers:/)).toContain("Eva Mulder");
    await visible(page.getByRole("heading", { name: "Ronde 2", level: 3 }));
    await expectAccessible(page, "event page for its organiser (phone)");

    // The room changes: the organiser changes the event, its sessions keep their places.
    await page.getByRole("link", { name: "Wijzigen" }).click();
    await visible(page.getByRole("heading", { name: "Activiteit wijzigen", level: 2 }));
    expect(await page.getByLabel(/^Titel\s*\*?$/).inputValue()).toBe("Leerfestival Werkplezier");
    await page.getByLabel("Plaats", { exact: true }).fill("Zalencentrum De Linde");
    // A second trainer and a session added to the second round, after the event was made.
    const moreTrainers = page.getByRole("combobox", { name: "Trainers", exact: true });
    await moreTrainers.click();
    await moreTrainers.fill("Joost");
    await page.getByRole("option", { name: "Joost Smit", exact: true }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Sessie toevoegen" }).click();
    const fourth = page.getByRole("group", { name: "Sessie 4" });
    await fourth.getByLabel("Ronde").selectOption("2");
    await fourth.getByLabel("Titel van de sessie").fill("Het driegesprek met school");
    await fourth.getByLabel("Plaatsen").fill("10");
    await expectAccessible(page, "change event form (phone)");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await visible(page.getByRole("heading", { name: "Leerfestival Werkplezier", level: 2 }));
    await visible(page.getByText("Zalencentrum De Linde"));
    await textOf(page.getByText(/^Trainers:/)).toContain("Eva Mulder, Joost Smit");
    await visible(session(page, "Het driegesprek met school"));
  });

  it("a werkbegeleider takes the last place; a trainer joins the waiting list and moves up when it comes free", async () => {
    const sanne = as("sanne");
    await sanne.goto(eventUrl);
    await session(sanne, "Feedback die landt")
      .getByRole("button", { name: "Inschrijven voor Feedback die landt" })
      .click();
    await told(sanne, "Je bent ingeschreven.");
    await textOf(session(sanne, "Feedback die landt")).toContain("1 van 1 plaatsen bezet");

    const eva = as("eva");
    await eva.goto(eventUrl);
    await session(eva, "Feedback die landt")
      .getByRole("button", { name: "Op de wachtlijst voor Feedback die landt" })
      .click();
    await textOf(session(eva, "Feedback die landt")).toContain("Je staat op de wachtlijst, plaats 1.");
    await expectAccessible(eva, "event page with a place on the waiting list (phone)");

    // The praktijkopleider puts Daan in the other workshop of the first round.
    const joost = as("joost");
    await joost.goto(eventUrl);
    const other = joost.getByRole("region", { name: "Iemand inschrijven" });
    await other.getByLabel("Collega").selectOption({ label: "Daan Bakker" });
    await other.getByLabel("Sessie").selectOption({ label: "Ronde 1: Het zorgteam activeren" });
    await other.getByRole("button", { name: "Inschrijven" }).click();
    await visible(joost.getByRole("list", { name: "Deelnemers van Het zorgteam activeren" }).getByText("Daan Bakker"));

    await sanne.reload();
    await session(sanne, "Feedback die landt")
      .getByRole("button", { name: "Afmelden voor Feedback die landt" })
      .click();
    await told(sanne, "Je bent afgemeld.");

    await eva.reload();
    await textOf(session(eva, "Feedback die landt")).toContain("Je bent ingeschreven.");
    await eva
      .getByRole("link", { name: /Meldingen/ })
      .first()
      .click();
    await visible(eva.getByText(/Er kwam een plek vrij in “Feedback die landt”/));
  });

  it("a participant with a place has a code for the check-in", async () => {
    const daan = as("daan");
    await daan.goto(eventUrl);
    const code = daan.getByRole("region", { name: "Je code voor de aanwezigheid" });
    await visible(code.getByRole("img", { name: "QR-code om je aanwezig te laten tekenen" }));
    await expectAccessible(daan, "event page with the check-in code (phone)");
  });

  it("on the day the trainer ticks people off on a phone, searching by name or from a scanned code", async () => {
    // The festival's day has come.
    await koers.database.db
      .update(events)
      .set({
        startsAt: sql`now() - interval '30 minutes'`,
        endsAt: sql`now() + interval '3 hours'`,
        registrationDeadline: sql`now() - interval '3 days'`,
      })
      .where(eq(events.title, "Leerfestival Werkplezier"));
    const eva = as("eva");
    await eva.goto(eventUrl);
    await eva.getByRole("link", { name: "Aanwezigheid aftekenen" }).click();
    await visible(eva.getByRole("heading", { name: "Aanwezigheid: Leerfestival Werkplezier", level: 2 }));
    await textOf(eva.getByRole("status")).toContain("0 van 2 aanwezig");
    await eva.getByLabel("Zoek op naam").fill("daan");
    expect(await eva.getByRole("checkbox").count()).toBe(1);
    await eva.getByRole("checkbox", { name: "Daan Bakker is aanwezig" }).check();
    await textOf(eva.getByRole("status")).toContain("1 van 2 aanwezig");
    await expectAccessible(eva, "check-in (phone)");

    // A scanned code opens the list with its person first: one tap ticks them off.
    const [evaUser] = await koers.database.db.select({ id: users.id }).from(users).where(eq(users.email, PEOPLE.eva));
    await eva.goto(`${eventUrl}/aanwezig?persoon=${evaUser?.id}`);
    await eva.getByRole("button", { name: "Eva Mulder aanwezig tekenen" }).click();
    await visible(eva.getByText("Eva Mulder is aanwezig getekend."));
    await textOf(eva.getByRole("status")).toContain("2 van 2 aanwezig");
    await expectAccessible(eva, "check-in from a scanned code (phone)");
  });

  it("afterwards a participant evaluates, and the praktijkopleider reads it without names", async () => {
    const daan = as("daan");
    await daan.goto(eventUrl);
    const form = daan.getByRole("region", { name: "Evaluatie" });
    await form
      .getByRole("radiogroup", { name: /als geheel/ })
      .getByRole("radio", { name: "4" })
      .check();
    await form
      .getByRole("radiogroup", { name: /bruikbaar/ })
      .getByRole("radio", { name: "5" })
      .check();
    await form.getByLabel("Wat neem je mee naar je werk?").fill("Het zorgteam vaker laten meekijken.");
    await expectAccessible(daan, "evaluation form (phone)");
    await form.getByRole("button", { name: "Evaluatie versturen" }).click();
    await told(daan, "Bedankt voor je evaluatie.");
    await visible(daan.getByText("Je hebt deze activiteit geëvalueerd. Bedankt!"));

    const joost = as("joost");
    await joost.goto(eventUrl);
    const summary = joost.getByRole("region", { name: "Evaluaties" });
    await textOf(summary).toContain("1 van 2 aanwezigen vulden de evaluatie in.");
    await visible(
      summary.getByRole("list", { name: "Wat mensen meenemen" }).getByText("Het zorgteam vaker laten meekijken."),
    );
    expect(await summary.getByText("Daan").count()).toBe(0);
    await expectAccessible(joost, "evaluation summary (phone)");

    await joost.getByRole("button", { name: /English/ }).click();
    await visible(joost.getByRole("region", { name: "Evaluations" }));
    await textOf(joost.getByRole("region", { name: "Evaluations" })).toContain(
      "1 of 2 attendees filled in the evaluation.",
    );
    await expectAccessible(joost, "evaluation summary in English (phone)");
  });

  it("the network page shows every member's festival figures, counts only", async () => {
    // Sanne coordinates the network.
    const sanne = as("sanne");
    await sanne.goto("/netwerk");
    // On a phone a card per member, the network's sum last.
    const figures = sanne.getByRole("list", { name: /Per lid van het netwerk/ });
    await visible(figures.getByText("Zorggroep De Linde"));
    await visible(figures.getByText("Netwerk samen"));
    await expectAccessible(sanne, "network page with event figures (phone)");
  });
});
