import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportView } from "../../src/domain/trajectories/api.js";
import { expectAccessible, type Koers, startKoers, textOf, visible } from "./support/koers.js";
import { type Api, apiAs, GOALS, type TeacherTrajectory, teacherTrajectory } from "./support/trajectory.js";

let koers: Koers;
let setup: TeacherTrajectory;
let guide: Page;
let guideApi: Api;
let trainee: Page;
let commissioner: Page;

beforeAll(async () => {
  koers = await startKoers();
  const sanne = await koers.newPage({ width: 1280, height: 900 });
  const daan = await koers.newPage();
  const fatima = await koers.newPage();
  guideApi = await apiAs(sanne.context, "sanne.visser@netwerk.example");
  setup = await teacherTrajectory(await apiAs(fatima.context, "fatima.yilmaz@delinde.example"), guideApi);
  await apiAs(daan.context, "daan.bakker@delinde.example");
  guide = sanne.page;
  trainee = daan.page;
  commissioner = fatima.page;
});
afterAll(() => koers.close());

const reportUrl = () => `/trajecten/${setup.trajectory.id}/verslag`;
const TITLE = "Eindverslag: Werkbegeleiding Daan Bakker";
const ATTENTION = "Blijf elke les beginnen met de lesdoelen; vraag een collega om mee te kijken.";

describe("the final report", () => {
  it("is drafted from the trajectory, edited and saved by the adviser", async () => {
    await guide.goto(reportUrl());
    await visible(guide.getByRole("heading", { name: TITLE, level: 2 }));
    const results = guide.getByLabel("Resultaten: mate waarin doelen bereikt zijn");
    await expect.poll(() => results.inputValue()).toContain(`1. ${GOALS[0]}`);
    expect(await guide.getByLabel("Verloop van het proces").inputValue()).toContain("Het traject liep van");
    await expectAccessible(guide, "report, draft");
    await guide.setViewportSize({ width: 375, height: 812 });
    await expectAccessible(guide, "report, draft (phone)");
    await guide.setViewportSize({ width: 1280, height: 900 });

    await guide.getByLabel("Aandachtspunten voor de toekomst").fill(ATTENTION);
    await guide.getByRole("button", { name: "Opslaan", exact: true }).click();
    await visible(guide.getByRole("alert").filter({ hasText: "Verslag opgeslagen." }));
    await guide.reload();
    await expect.poll(() => guide.getByLabel("Aandachtspunten voor de toekomst").inputValue()).toBe(ATTENTION);
  });

  it("keeps the adviser's input when someone saved in between", async () => {
    const current = await guideApi.get<ReportView>(`/trajectories/${setup.trajectory.id}/report`);
    await guideApi.send("PUT", `/trajectories/${setup.trajectory.id}/report`, {
      version: current.version,
      sections: { ...current.sections, next_steps: "Elders ingevuld." },
    });
    const further = guide.getByLabel("Noodzaak van verdere begeleiding");
    await further.fill("Geen verdere begeleiding nodig.");
    await guide.getByRole("button", { name: "Opslaan", exact: true }).click();
    const notice = guide.getByRole("alert").filter({ hasText: "Iemand anders heeft dit intussen gewijzigd" });
    await visible(notice);
    expect(await further.inputValue()).toBe("Geen verdere begeleiding nodig.");
    await expectAccessible(guide, "report, conflict");
    await notice.getByRole("button", { name: "Mijn invoer houden" }).click();
    await guide.getByRole("button", { name: "Opslaan", exact: true }).click();
    await visible(guide.getByRole("alert").filter({ hasText: "Verslag opgeslagen." }));
    const saved = await guideApi.get<ReportView>(`/trajectories/${setup.trajectory.id}/report`);
    expect(saved.sections.further_guidance).toBe("Geen verdere begeleiding nodig.");
  });

  it("is not shown to the director while it is a draft", async () => {
    await commissioner.goto(reportUrl());
    await visible(commissioner.getByRole("heading", { name: TITLE, level: 2 }));
    await textOf(commissioner.getByRole("status")).toContain("Het eindverslag is nog niet definitief.");
    await expectAccessible(commissioner, "report, not yet final (phone)");
  });

  it("is made final after a confirmation, then fixed, with its checksum and PDF", async () => {
    await guide.getByRole("button", { name: "Definitief maken" }).click();
    const dialog = guide.getByRole("dialog", { name: "Verslag definitief maken?" });
    await visible(dialog);
    await textOf(dialog).toContain("kan niemand meer wijzigen");
    await expectAccessible(guide, "report, confirm final");
    await dialog.getByRole("button", { name: "Definitief maken" }).click();
    await visible(guide.getByRole("alert").filter({ hasText: "Het verslag is definitief." }));

    await textOf(guide.locator("main")).toContain("Definitief gemaakt op");
    await textOf(guide.getByTestId("report-sha256")).toMatch(/^[0-9a-f]{64}$/);
    expect(await guide.getByRole("textbox").count()).toBe(0);
    await textOf(guide.getByRole("region", { name: "Aandachtspunten voor de toekomst" })).toContain(ATTENTION);
    await expectAccessible(guide, "report, final");

    const pdf = guide.getByRole("link", { name: "PDF downloaden" });
    const href = await pdf.getAttribute("href");
    expect(href).toBe(`/api/v1/trajectories/${setup.trajectory.id}/report.pdf`);
    const response = await guide.request.get(href ?? "");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/pdf");
  });

  it("is read by the teacher, final and unchangeable", async () => {
    await trainee.goto(reportUrl());
    await visible(trainee.getByRole("heading", { name: TITLE, level: 2 }));
    await textOf(trainee.getByRole("region", { name: "Aandachtspunten voor de toekomst" })).toContain(ATTENTION);
    await textOf(trainee.getByTestId("report-sha256")).toMatch(/^[0-9a-f]{64}$/);
    expect(await trainee.getByRole("textbox").count()).toBe(0);
    expect(await trainee.getByRole("button", { name: "Definitief maken" }).count()).toBe(0);
    await visible(trainee.getByRole("link", { name: "PDF downloaden" }));
    await expectAccessible(trainee, "report, final (phone)");
  });
});
