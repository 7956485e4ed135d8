import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "./support/fields.js";
import { expectAccessible, type Koers, startKoers, textOf, visible } from "./support/koers.js";
import { apiAs, GOALS, type TeacherTrajectory, teacherTrajectory } from "./support/trajectory.js";

let koers: Koers;
let setup: TeacherTrajectory;
let guide: Page;
let trainee: Page;
let commissioner: Page;

beforeAll(async () => {
  koers = await startKoers();
  // Each person in a browser of their own: the adviser at a desk, the teacher and the director on a phone.
  const sanne = await koers.newPage({ width: 1280, height: 900 });
  const daan = await koers.newPage();
  const fatima = await koers.newPage();
  setup = await teacherTrajectory(
    await apiAs(fatima.context, "fatima.yilmaz@delinde.example"),
    await apiAs(sanne.context, "sanne.visser@netwerk.example"),
  );
  await apiAs(daan.context, "daan.bakker@delinde.example");
  guide = sanne.page;
  trainee = daan.page;
  commissioner = fatima.page;
});
afterAll(() => koers.close());

const meetingUrl = (meetingId: string) => `/trajecten/${setup.trajectory.id}/bijeenkomsten/${meetingId}`;

async function openMeeting(page: Page, meetingId: string, heading: RegExp) {
  await page.goto(meetingUrl(meetingId));
  await visible(page.getByRole("heading", { name: heading, level: 2 }));
}

/** A notification that says the change was saved. */
const confirmed = (page: Page, text: string) => visible(page.getByRole("alert").filter({ hasText: text }));

describe("a classroom visit and the feedback conversation after it", () => {
  it("the teacher assesses themself before the conversation", async () => {
    await openMeeting(trainee, setup.feedbackConversation.id, /^Feedbackgesprek op /);
    const self = trainee.getByRole("region", { name: "Zelfbeoordeling" });
    const first = self.getByRole("group", { name: `Doel 1: ${GOALS[0]}` });
    await first.getByRole("radio", { name: "2 – Meer zwak dan sterk" }).check();
    await first.getByLabel("Toelichting").fill("Ik vergeet het bord nog vaak als de les druk begint.");
    await self
      .getByRole("group", { name: `Doel 2: ${GOALS[1]}` })
      .getByRole("radio", { name: "3 – Meer sterk dan zwak" })
      .check();
    await expectAccessible(trainee, "meeting, self-assessment (phone)");
    await self.getByRole("button", { name: "Zelfbeoordeling opslaan" }).click();
    await confirmed(trainee, "Zelfbeoordeling opgeslagen.");
    await textOf(self).toContain("Ingevuld op");

    // What was saved is what the page shows after loading it again.
    await trainee.reload();
    const again = trainee.getByRole("region", { name: "Zelfbeoordeling" });
    await visible(again.getByRole("group", { name: `Doel 1: ${GOALS[0]}` }));
    expect(
      await again
        .getByRole("group", { name: `Doel 1: ${GOALS[0]}` })
        .getByRole("radio", { name: "2 – Meer zwak dan sterk" })
        .isChecked(),
    ).toBe(true);
  });

  it("the adviser records the visit with observation scores, minutes and confidential notes", async () => {
    await openMeeting(guide, setup.classroomVisit.id, /^Klassenbezoek op /);
    await expectAccessible(guide, "classroom visit, to record");
    await guide.setViewportSize({ width: 375, height: 812 });
    await expectAccessible(guide, "classroom visit, to record (phone)");
    await guide.setViewportSize({ width: 1280, height: 900 });

    const observation = guide.getByRole("region", { name: "Observatie: Lesobservatie" });
    const lessonChange = observation.getByRole("group", { name: "Leswissel" });
    await lessonChange.getByRole("radio", { name: "3 – Meer sterk dan zwak" }).check();
    await observation.getByLabel("Toelichting bij Leswissel").fill("Vlotte overgang van taal naar rekenen.");
    await observation
      .getByRole("group", { name: "Gedifferentieerde instructie" })
      .getByRole("radio", { name: "1 – Overwegend zwak" })
      .check();

    const details = guide.getByRole("region", { name: "Gegevens" });
    await details.getByRole("textbox", { name: /^Voorbereiding \(minuten\)/ }).fill("15");
    await details.getByRole("textbox", { name: /^Reistijd \(minuten\)/ }).fill("20");
    const notes = guide.getByRole("region", { name: "Aantekeningen" });
    await notes.getByLabel("Aantekeningen bij deze bijeenkomst").fill("Daan was zichtbaar gespannen bij de start.");
    await notes.getByLabel("Vertrouwelijk (niet zichtbaar voor de opdrachtgever)").check();

    // An emptied duration: the server's message stands at the field, and nothing typed is lost.
    const duration = details.getByRole("textbox", { name: /^Duur \(minuten\)/ });
    await duration.fill("");
    await guide.getByRole("button", { name: "Vastleggen als gehouden" }).click();
    await expect.poll(() => errorOf(duration), { timeout: 10_000 }).not.toBe("");
    expect(await observation.getByLabel("Toelichting bij Leswissel").inputValue()).toBe(
      "Vlotte overgang van taal naar rekenen.",
    );
    await expectAccessible(guide, "classroom visit, with an error");

    await duration.fill("50");
    await guide.getByRole("button", { name: "Vastleggen als gehouden" }).click();
    await confirmed(guide, "Bijeenkomst vastgelegd als gehouden.");
    expect(await guide.getByRole("button", { name: "Vastleggen als gehouden" }).count()).toBe(0);

    await guide.reload();
    const reloaded = guide.getByRole("region", { name: "Observatie: Lesobservatie" });
    await visible(reloaded.getByRole("group", { name: "Leswissel" }));
    expect(
      await reloaded
        .getByRole("group", { name: "Leswissel" })
        .getByRole("radio", { name: "3 – Meer sterk dan zwak" })
        .isChecked(),
    ).toBe(true);
    expect(await reloaded.getByLabel("Toelichting bij Leswissel").inputValue()).toBe(
      "Vlotte overgang van taal naar rekenen.",
    );
    expect(
      await guide.getByRole("region", { name: "Gegevens" }).getByRole("radio", { name: "Gehouden" }).isChecked(),
    ).toBe(true);
    expect(await guide.getByRole("textbox", { name: /^Reistijd \(minuten\)/ }).inputValue()).toBe("20");
  });

  it("the director sees the visit, but not its confidential notes", async () => {
    await openMeeting(commissioner, setup.classroomVisit.id, /^Klassenbezoek op /);
    const details = commissioner.getByRole("region", { name: "Gegevens" });
    await textOf(details).toContain("Groep 5, lokaal 12");
    await textOf(details).toContain("Gehouden");
    await textOf(commissioner.getByRole("region", { name: "Aantekeningen" })).toContain(
      "De aantekeningen bij deze bijeenkomst zijn vertrouwelijk",
    );
    expect(await commissioner.getByText("zichtbaar gespannen").count()).toBe(0);
    expect(await commissioner.getByRole("textbox").count()).toBe(0);
    await expectAccessible(commissioner, "classroom visit, read by the commissioner (phone)");

    // Self-assessments and feedback are between the teacher and the adviser.
    await openMeeting(commissioner, setup.feedbackConversation.id, /^Feedbackgesprek op /);
    expect(await commissioner.getByRole("region", { name: "Zelfbeoordeling" }).count()).toBe(0);
    await textOf(commissioner.getByRole("region", { name: "Feedback" })).toContain("niet voor jou zichtbaar");
    expect(await commissioner.getByText("Ik vergeet het bord").count()).toBe(0);
  });

  it("the adviser writes feedback per goal with an agreement, reads the self-assessment, and shares it", async () => {
    await openMeeting(guide, setup.feedbackConversation.id, /^Feedbackgesprek op /);
    const self = guide.getByRole("region", { name: "Zelfbeoordeling" });
    await textOf(self).toContain("2 – Meer zwak dan sterk");
    await textOf(self).toContain("Ik vergeet het bord nog vaak");
    await guide.getByRole("button", { name: "Vastleggen als gehouden" }).click();
    await confirmed(guide, "Bijeenkomst vastgelegd als gehouden.");

    const feedback = guide.getByRole("region", { name: "Feedback" });
    const first = feedback.getByRole("group", { name: `Doel 1: ${GOALS[0]}` });
    await first.getByRole("radio", { name: "2 – Meer zwak dan sterk" }).check();
    await first.getByLabel("Reflectie van de begeleide").fill("Daan ziet dat de start rommelig is.");
    await first
      .getByLabel("Handelingsaanwijzingen")
      .fill("Schrijf de lesdoelen op het bord vóór de kinderen binnenkomen.");
    const second = feedback.getByRole("group", { name: `Doel 2: ${GOALS[1]}` });
    await second.getByRole("radio", { name: "3 – Meer sterk dan zwak" }).check();
    await feedback.getByRole("button", { name: "Afspraak toevoegen" }).click();
    await feedback.getByLabel("Afspraak 1", { exact: true }).fill("Lesvoorbereiding van maandag mailen");
    await feedback.getByLabel("Uiterlijk op").fill("2030-01-07");
    await expectAccessible(guide, "feedback, draft");

    await feedback.getByRole("button", { name: "Concept opslaan" }).click();
    await confirmed(guide, "Concept opgeslagen.");
    await textOf(feedback).toContain("Concept, nog niet gedeeld.");

    await feedback.getByRole("button", { name: "Delen met begeleide" }).click();
    const dialog = guide.getByRole("dialog", { name: "Feedback delen?" });
    await visible(dialog);
    await expectAccessible(guide, "feedback, confirm sharing");
    await dialog.getByRole("button", { name: "Delen met begeleide" }).click();
    await confirmed(guide, "De feedback is gedeeld met de begeleide.");

    const version = feedback.getByRole("article", { name: "Versie 1" });
    await visible(version);
    await textOf(version).toContain("Gedeeld op");
    await textOf(version).toContain("door Sanne Visser");
    await textOf(version).toContain("Lesvoorbereiding van maandag mailen");
    await textOf(version).toContain("Nog niet gezien door de begeleide");
    // Shared feedback is evidence: no field of it can be changed any more.
    expect(await feedback.getByRole("textbox").count()).toBe(0);
    await visible(feedback.getByRole("button", { name: "Corrigeren" }));
    await expectAccessible(guide, "feedback, shared");
  });

  it("the teacher reads the feedback and marks it seen", async () => {
    await openMeeting(trainee, setup.feedbackConversation.id, /^Feedbackgesprek op /);
    // The meeting was held: the self-assessment is fixed.
    const self = trainee.getByRole("region", { name: "Zelfbeoordeling" });
    await textOf(self).toContain("staat vast");
    expect(await self.getByRole("radio").count()).toBe(0);

    const version = trainee.getByRole("article", { name: "Versie 1" });
    await visible(version);
    await textOf(version).toContain("Schrijf de lesdoelen op het bord");
    await textOf(version).toContain("2 – Meer zwak dan sterk");
    await expectAccessible(trainee, "feedback, to be seen (phone)");
    await version.getByRole("button", { name: "Gezien" }).click();
    await confirmed(trainee, "Gemarkeerd als gezien.");
    await textOf(version).toContain("Gezien op");
    expect(await version.getByRole("button", { name: "Gezien" }).count()).toBe(0);
    await expectAccessible(trainee, "feedback, seen (phone)");
  });

  it("the adviser corrects the shared feedback with a reason; both versions stay", async () => {
    await openMeeting(guide, setup.feedbackConversation.id, /^Feedbackgesprek op /);
    const feedback = guide.getByRole("region", { name: "Feedback" });
    await textOf(feedback.getByRole("article", { name: "Versie 1" })).toContain("Gezien door de begeleide op");
    await feedback.getByRole("button", { name: "Corrigeren" }).click();

    // The correction starts from the shared version.
    const second = feedback.getByRole("group", { name: `Doel 2: ${GOALS[1]}` });
    expect(await second.getByRole("radio", { name: "3 – Meer sterk dan zwak" }).isChecked()).toBe(true);
    await second.getByRole("radio", { name: "2 – Meer zwak dan sterk" }).check();
    const reason = feedback.getByLabel(/^Reden van de correctie/);
    await feedback.getByRole("button", { name: "Concept opslaan" }).click();
    await expect.poll(() => errorOf(reason), { timeout: 10_000 }).not.toBe("");
    await expectAccessible(guide, "feedback, correction without a reason");

    await reason.fill("Doel 2 was bij het verkeerde klassenbezoek beoordeeld.");
    await feedback.getByRole("button", { name: "Delen met begeleide" }).click();
    await guide
      .getByRole("dialog", { name: "Feedback delen?" })
      .getByRole("button", { name: "Delen met begeleide" })
      .click();
    await confirmed(guide, "De feedback is gedeeld met de begeleide.");

    const latest = feedback.getByRole("article", { name: "Versie 2" });
    await visible(latest);
    await textOf(latest).toContain("Reden van de correctie: Doel 2 was bij het verkeerde klassenbezoek beoordeeld.");
    await feedback.getByRole("button", { name: /^Versie 1 · Gedeeld op/ }).click();
    await textOf(feedback.getByRole("region", { name: /^Versie 1 · Gedeeld op/ })).toContain("3 – Meer sterk dan zwak");
    await expectAccessible(guide, "feedback, two versions");

    // The teacher sees the newest first, marks it seen, and still finds the first.
    await trainee.reload();
    const newest = trainee.getByRole("article", { name: "Versie 2" });
    await visible(newest);
    await textOf(newest).toContain("Reden van de correctie");
    await newest.getByRole("button", { name: "Gezien" }).click();
    await textOf(newest).toContain("Gezien op");
    await trainee.getByRole("button", { name: /^Versie 1 · Gedeeld op/ }).click();
    await textOf(trainee.getByRole("region", { name: /^Versie 1 · Gedeeld op/ })).toContain("Gezien op");
    await expectAccessible(trainee, "feedback, two versions (phone)");
  });
});
