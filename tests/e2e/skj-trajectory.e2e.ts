import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, users } from "../../src/db/schema.js";
import type { MeetingDetail, TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import { hashPassword } from "../../src/server/auth/tokens.js";
import { samplePdf } from "../support/sample-pdf.js";
import { DEMO_PASSWORD, expectAccessible, type Koers, signIn, startKoers, textOf, visible } from "./support/koers.js";
import { type Api, apiAs, dayFromToday, momentOn } from "./support/trajectory.js";

/**
 * The whole SKJ story in the browser: the employer starts a werkbegeleiding for Daan with Els,
 * an experienced professional without a qualifying registration; Koers says she may guide with
 * a motivated request, which Els uploads. Daan and Els sign the start declaration (form A); after
 * the sessions Els writes where the guidance deviated from the plan and both sign the end
 * declaration (form B); a visitor without an account checks its PDF on the verification page.
 */

let koers: Koers;
let employer: Page;
let guide: Page;
let professional: Page;
let visitor: Page;
let guideApi: Api;
let trajectoryId = "";
let endPdf: Buffer;

const TITLE = "SKJ werkbegeleiding Daan Bakker 2027";
const DEVIATION = "Twee gesprekken vervielen door ziekte van de werkbegeleider; ze zijn in de maand erna ingehaald.";
const MOTIVATION = samplePdf({ pages: ["Gemotiveerd verzoek: Els Ervaren als werkbegeleider"] });

beforeAll(async () => {
  koers = await startKoers();
  const admin = await koers.newPage({ width: 1280, height: 900 });
  const adminApi = await apiAs(admin.context, "beheer@delinde.example");
  // An experienced professional (9 years at academic level, Dreyfus 4) without a registration.
  await adminApi.send("POST", "/people", {
    name: "Els Ervaren",
    email: "els.ervaren@delinde.example",
    roles: ["guide"],
    academicExperienceYears: 9,
    dreyfusLevel: 4,
  });
  // Els accepts her invitation (the invitation journey covers that page) with the demo password.
  const [elsAccount] = await koers.database.db
    .update(users)
    .set({ passwordHash: await hashPassword(DEMO_PASSWORD) })
    .where(eq(users.email, "els.ervaren@delinde.example"))
    .returning({ id: users.id });
  await koers.database.db
    .update(memberships)
    .set({ status: "active", joinedAt: new Date() })
    .where(eq(memberships.userId, elsAccount?.id ?? ""));

  employer = (await koers.newPage({ width: 1280, height: 900 })).page;
  await signIn(employer, "fatima.yilmaz@delinde.example");
  const els = await koers.newPage();
  guideApi = await apiAs(els.context, "els.ervaren@delinde.example");
  guide = els.page;
  const daan = await koers.newPage();
  await apiAs(daan.context, "daan.bakker@delinde.example");
  professional = daan.page;
  visitor = (await koers.newPage()).page;
});
afterAll(() => koers.close());

async function choose(page: Page, label: string, option: string) {
  const field = page.getByRole("combobox", { name: label, exact: true });
  await field.click();
  await field.fill(option.split(" ")[0] ?? option);
  await page.getByRole("option", { name: option, exact: true }).click();
}

async function sign(page: Page, declaration: string) {
  await page.goto(`/trajecten/${trajectoryId}?deel=verklaringen`);
  await page.getByRole("region", { name: declaration }).getByRole("link", { name: "Bekijken en ondertekenen" }).click();
  await visible(page.getByRole("heading", { name: declaration, level: 2 }));
  await page.getByLabel("Je wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Ondertekenen" }).click();
  await visible(page.getByRole("alert").filter({ hasText: "Je handtekening is vastgelegd." }));
}

describe("an SKJ werkbegeleiding from its start to both declarations signed", () => {
  it("is started by the employer with a guide who may guide with a motivated request", async () => {
    await employer.goto("/trajecten/nieuw");
    await visible(employer.getByRole("heading", { name: "Traject starten", level: 2 }));
    await employer.getByLabel(/^Soort traject/).selectOption({ label: "SKJ werkbegeleiding (herregistratie master)" });
    await employer.getByLabel(/^Titel/).fill(TITLE);
    await choose(employer, "Professional", "Daan Bakker");
    await choose(employer, "Werkbegeleider", "Els Ervaren");
    await employer.getByLabel(/^Begindatum/).fill(dayFromToday(-200));
    await employer.getByLabel(/^Einddatum/).fill(dayFromToday(-1));
    const judgement = employer.getByRole("region", { name: "Geschiktheid van de begeleiding" });
    await textOf(judgement).toContain("Werkbegeleider Els Ervaren: geschikt met gemotiveerd verzoek");
    await employer.getByRole("button", { name: "Traject starten" }).click();
    await visible(employer.getByRole("heading", { name: TITLE, level: 2 }));
    trajectoryId = new URL(employer.url()).pathname.split("/")[2] ?? "";
    expect(trajectoryId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gets its plan, and the guide uploads the motivated request the start declaration waits for", async () => {
    const trajectory = await guideApi.get<TrajectoryDetail>(`/trajectories/${trajectoryId}`);
    await guideApi.send("PUT", `/trajectories/${trajectoryId}/plan`, {
      version: trajectory.version,
      plan: {
        vorm: "Individueel, om de twee weken een uur, soms mee naar een gezinsgesprek.",
        inhoud: "Diagnostiek, gesprekken met ouders en handelingsgerichte adviezen.",
        intensiteit: "Eerst om de twee weken, na drie maanden maandelijks.",
        organisatievorm: "netwerkorganisatie",
      },
      intensity: trajectory.intensity,
      evaluationMoments: [{ date: dayFromToday(-100), label: "Tussenevaluatie" }],
    });

    await guide.goto(`/trajecten/${trajectoryId}?deel=verklaringen`);
    const motivation = guide.getByRole("region", { name: "Gemotiveerd verzoek voor de werkbegeleider" });
    await textOf(motivation).toContain("Nog niet geüpload.");
    await guide.locator('input[type="file"]').setInputFiles({
      name: "gemotiveerd-verzoek.pdf",
      mimeType: "application/pdf",
      buffer: MOTIVATION,
    });
    await motivation.getByRole("button", { name: "Uploaden" }).click();
    await textOf(motivation).toContain("gemotiveerd-verzoek.pdf, geüpload door Els Ervaren");
    await expectAccessible(guide, "SKJ declarations with the motivation (phone)");
  });

  it("has its start declaration signed by the professional and the guide", async () => {
    await sign(professional, "Verklaring plan werkbegeleiding");
    await textOf(professional.getByRole("region", { name: "De verklaring" })).toContain("Netwerkorganisatie");
    await sign(guide, "Verklaring plan werkbegeleiding");
    await textOf(guide.locator("main")).toContain("Ondertekend");
    await textOf(guide.getByRole("region", { name: "Handtekeningen" })).toContain("Daan Bakker");
    await textOf(guide.getByRole("region", { name: "Handtekeningen" })).toContain("Els Ervaren");
  });

  it("has its end declaration, with where the guidance deviated, signed by both", async () => {
    for (const offset of [-180, -150, -120]) {
      const meeting = await guideApi.send<MeetingDetail>("POST", `/trajectories/${trajectoryId}/meetings`, {
        type: "werkbegeleidingsgesprek",
        startsAt: momentOn(dayFromToday(offset), "14:00"),
      });
      await guideApi.send("PUT", `/meetings/${meeting.id}`, {
        version: meeting.version,
        startsAt: meeting.startsAt,
        durationMinutes: 60,
        preparationMinutes: 0,
        travelMinutes: 0,
        unannounced: false,
        status: "held",
        location: null,
        notes: null,
        confidential: false,
        observation: null,
      });
    }
    await guide.goto(`/trajecten/${trajectoryId}?deel=verklaringen`);
    const end = guide.getByRole("region", { name: "Verklaring werkbegeleiding" });
    await end.getByLabel("Afwijkingen van de voorwaarden").fill(DEVIATION);
    await end.getByRole("button", { name: "Toelichting opslaan" }).click();
    await visible(guide.getByRole("alert").filter({ hasText: "De toelichting is opgeslagen." }));
    await expectAccessible(guide, "SKJ end declaration with its deviation (phone)");

    await sign(guide, "Verklaring werkbegeleiding");
    await textOf(guide.getByRole("region", { name: "De verklaring" })).toContain(DEVIATION);
    await sign(professional, "Verklaring werkbegeleiding");
    await textOf(professional.locator("main")).toContain("Ondertekend");
    await expectAccessible(professional, "SKJ end declaration signed (phone)");

    const href = await professional.getByRole("link", { name: "PDF downloaden" }).getAttribute("href");
    const response = await professional.request.get(href ?? "");
    expect(response.status()).toBe(200);
    endPdf = await response.body();
  });

  it("is confirmed, PDF and all, on the verification page by someone without an account", async () => {
    await visitor.goto("/verifieren");
    await visible(visitor.getByRole("heading", { name: "Verklaring of certificaat controleren", level: 1 }));
    await visitor.locator('input[type="file"]').setInputFiles({
      name: "verklaring-b.pdf",
      mimeType: "application/pdf",
      buffer: endPdf,
    });
    await visitor.getByRole("button", { name: "Bestand controleren" }).click();
    const result = visitor.getByRole("alert").filter({ hasText: "Uitkomst" });
    await textOf(result).toContain("Dit PDF-bestand is door Koers uitgegeven en niet gewijzigd.");
    await textOf(result).toContain("Verklaring werkbegeleiding (formulier B)");
    await textOf(result).toContain("Daan Bakker");
    await textOf(result).toContain("Els Ervaren");
    await expectAccessible(visitor, "verification of the end declaration (phone)");
  });
});
