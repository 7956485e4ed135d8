import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trajectories, users } from "../../src/db/schema.js";
import type { DeclarationList } from "../../src/domain/declarations/api.js";
import type { TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import { samplePdf } from "../support/sample-pdf.js";
import { DEMO_PASSWORD, expectAccessible, type Koers, startKoers, textOf, visible } from "./support/koers.js";
import { type Api, apiAs, dayFromToday } from "./support/trajectory.js";

let koers: Koers;
let guide: Page;
let trainee: Page;
let visitor: Page;
let guideApi: Api;
let trajectory: TrajectoryDetail;
let startId = "";
let signedPdf: Buffer;
let contentHash = "";

const MOTIVATION = samplePdf({ pages: ["Gemotiveerd verzoek werkbegeleider"] });

beforeAll(async () => {
  koers = await startKoers();
  const sanne = await koers.newPage({ width: 1280, height: 900 });
  const daan = await koers.newPage();
  const fatima = await koers.newPage();
  guideApi = await apiAs(sanne.context, "sanne.visser@netwerk.example");
  const clientApi = await apiAs(fatima.context, "fatima.yilmaz@delinde.example");
  await apiAs(daan.context, "daan.bakker@delinde.example");
  guide = sanne.page;
  trainee = daan.page;
  visitor = (await koers.newPage()).page;

  const candidates = await clientApi.get<{
    trainees: { id: string; name: string }[];
    guides: { id: string; name: string }[];
  }>("/trajectories/candidates");
  const created = await clientApi.send<TrajectoryDetail>("POST", "/trajectories", {
    regimeKey: "skj_werkbegeleiding",
    title: "SKJ werkbegeleiding Daan Bakker",
    traineeId: candidates.trainees.find((p) => p.name === "Daan Bakker")?.id,
    guideIds: [candidates.guides.find((p) => p.name === "Sanne Visser")?.id],
    startsOn: dayFromToday(-30),
    endsOn: dayFromToday(330),
  });
  trajectory = await guideApi.send<TrajectoryDetail>("PUT", `/trajectories/${created.id}/plan`, {
    version: created.version,
    plan: {
      vorm: "Individueel, om de twee weken een gesprek.",
      inhoud: "Casuïstiek, diagnostiek en handelingsplannen.",
      intensiteit: "Eerst om de twee weken, daarna maandelijks.",
      organisatievorm: "traditioneel",
    },
    intensity: created.intensity,
    evaluationMoments: [{ date: dayFromToday(60), label: "Tussenevaluatie" }],
  });
  // The guide is an experienced professional without a qualifying registration: eligible with a
  // motivated request, as judged when the trajectory started.
  const [sanneUser] = await koers.database.db
    .select()
    .from(users)
    .where(eq(users.email, "sanne.visser@netwerk.example"));
  await koers.database.db
    .update(trajectories)
    .set({
      guideEligibility: {
        verdict: "eligibleWithMotivation",
        rule: { nl: "Ervaren professional met een gemotiveerd verzoek", en: "Experienced professional" },
        reasons: [{ nl: "Twaalf jaar ervaring op masterniveau", en: "Twelve years of experience" }],
        guideUserId: sanneUser?.id ?? "",
        judgedOn: dayFromToday(-30),
      },
    })
    .where(eq(trajectories.id, trajectory.id));
  const listed = await guideApi.get<DeclarationList>(`/trajectories/${trajectory.id}/declarations`);
  startId = listed.items.find((d) => d.key === "start")?.id ?? "";
});
afterAll(() => koers.close());

const tabUrl = () => `/trajecten/${trajectory.id}?deel=verklaringen`;
const declarationUrl = () => `/trajecten/${trajectory.id}/verklaringen/${startId}`;

describe("declarations signed in Koers", () => {
  it("shows the declarations on the trajectory, and the guide uploads the motivated request", async () => {
    await guide.goto(tabUrl());
    const start = guide.getByRole("region", { name: "Verklaring plan werkbegeleiding" });
    await visible(start);
    await textOf(start).toContain("Concept");
    await textOf(start).toContain("Wacht op handtekening van Professional, Werkgever of werkbegeleider");
    await visible(guide.getByRole("region", { name: "Verklaring werkbegeleiding" }));
    const motivation = guide.getByRole("region", { name: "Gemotiveerd verzoek voor de werkbegeleider" });
    await textOf(motivation).toContain("Nog niet geüpload.");
    await expectAccessible(guide, "declarations tab");

    await guide.locator('input[type="file"]').setInputFiles({
      name: "motivatie.pdf",
      mimeType: "application/pdf",
      buffer: MOTIVATION,
    });
    await motivation.getByRole("button", { name: "Uploaden" }).click();
    await textOf(motivation).toContain("motivatie.pdf, geüpload door Sanne Visser");
    await guide.setViewportSize({ width: 375, height: 812 });
    await expectAccessible(guide, "declarations tab (phone)");
    await guide.setViewportSize({ width: 1280, height: 900 });
  });

  it("is signed by the professional, who re-enters their password", async () => {
    await trainee.goto(tabUrl());
    await trainee
      .getByRole("region", { name: "Verklaring plan werkbegeleiding" })
      .getByRole("link", { name: "Bekijken en ondertekenen" })
      .click();
    await visible(trainee.getByRole("heading", { name: "Verklaring plan werkbegeleiding", level: 2 }));
    const document = trainee.getByRole("region", { name: "De verklaring" });
    await textOf(document).toContain("Casuïstiek, diagnostiek en handelingsplannen.");
    await textOf(document).toContain("Voldoet met een gemotiveerd verzoek");
    await expectAccessible(trainee, "declaration before signing (phone)");

    const password = trainee.getByLabel("Je wachtwoord");
    await password.fill("niet-mijn-wachtwoord");
    await trainee.getByRole("button", { name: "Ondertekenen" }).click();
    await visible(trainee.getByText("Dit wachtwoord klopt niet."));
    await expectAccessible(trainee, "declaration, wrong password (phone)");

    await password.fill(DEMO_PASSWORD);
    await trainee.getByRole("button", { name: "Ondertekenen" }).click();
    await visible(trainee.getByRole("alert").filter({ hasText: "Je handtekening is vastgelegd." }));
    const signatures = trainee.getByRole("region", { name: "Handtekeningen" });
    await textOf(signatures).toContain("Daan Bakker");
    await textOf(trainee.locator("main")).toContain("Wacht op handtekening van Werkgever of werkbegeleider");
    await textOf(trainee.getByTestId("content-hash")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is signed by the guide too, and its PDF downloads", async () => {
    await guide.goto(declarationUrl());
    await visible(guide.getByRole("heading", { name: "Verklaring plan werkbegeleiding", level: 2 }));
    await guide.getByLabel("Je wachtwoord").fill(DEMO_PASSWORD);
    await guide.getByRole("button", { name: "Ondertekenen" }).click();
    await visible(guide.getByRole("alert").filter({ hasText: "Je handtekening is vastgelegd." }));
    await textOf(guide.locator("main")).toContain("Ondertekend");
    await textOf(guide.getByRole("region", { name: "Handtekeningen" })).toContain("Sanne Visser");
    contentHash = ((await guide.getByTestId("content-hash").textContent()) ?? "").trim();
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await guide.getByRole("button", { name: "Ondertekenen" }).count()).toBe(0);
    await expectAccessible(guide, "declaration, signed");

    const href = await guide.getByRole("link", { name: "PDF downloaden" }).getAttribute("href");
    expect(href).toBe(`/api/v1/declarations/${startId}/pdf`);
    const response = await guide.request.get(href ?? "");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/pdf");
    signedPdf = await response.body();
    expect(signedPdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("is confirmed on the verification page, by hash and by the PDF, signed out", async () => {
    await visitor.goto("/inloggen");
    await visitor.getByRole("link", { name: "Een verklaring controleren" }).click();
    await visible(visitor.getByRole("heading", { name: "Verklaring of certificaat controleren", level: 1 }));
    await expectAccessible(visitor, "verification page (phone)");

    await visitor.getByLabel("SHA-256").fill(contentHash);
    await visitor.getByRole("button", { name: "Hash controleren" }).click();
    const result = visitor.getByRole("alert").filter({ hasText: "Uitkomst" });
    await textOf(result).toContain("Deze SHA-256 hoort bij de vastgelegde inhoud van een verklaring.");
    await textOf(result).toContain("Verklaring plan werkbegeleiding (formulier A), versie 1, van Zorggroep De Linde");
    await textOf(result).toContain("Daan Bakker als Professional");
    await textOf(result).toContain("Sanne Visser als Werkgever of werkbegeleider");
    await expectAccessible(visitor, "verification, match (phone)");

    await visitor.locator('input[type="file"]').setInputFiles({
      name: "verklaring.pdf",
      mimeType: "application/pdf",
      buffer: signedPdf,
    });
    await visitor.getByRole("button", { name: "Bestand controleren" }).click();
    await textOf(visitor.getByRole("alert").filter({ hasText: "Uitkomst" })).toContain(
      "Dit PDF-bestand is door Koers uitgegeven en niet gewijzigd.",
    );

    await visitor.getByLabel("SHA-256").fill("0".repeat(64));
    await visitor.getByRole("button", { name: "Hash controleren" }).click();
    await textOf(visitor.getByRole("alert").filter({ hasText: "Uitkomst" })).toContain(
      "Geen verklaring of certificaat gevonden.",
    );
    await expectAccessible(visitor, "verification, no match (phone)");
  });

  it("says so after the plan changed, keeps the signed version and offers a new one to sign", async () => {
    const current = await guideApi.get<TrajectoryDetail>(`/trajectories/${trajectory.id}`);
    await guideApi.send("PUT", `/trajectories/${trajectory.id}/plan`, {
      version: current.version,
      plan: { ...current.plan, inhoud: "Casuïstiek en intervisie." },
      intensity: current.intensity,
      evaluationMoments: current.evaluationMoments,
    });
    await guide.goto(declarationUrl());
    await textOf(guide.locator("main")).toContain("Gewijzigd na ondertekening");
    await textOf(guide.getByRole("region", { name: "De verklaring" })).toContain(
      "Casuïstiek, diagnostiek en handelingsplannen.",
    );
    await expectAccessible(guide, "declaration, changed after signing");
    await guide.getByRole("button", { name: "Nieuwe versie maken" }).click();
    await textOf(guide.locator("main")).toContain("Versie 2");
    await textOf(guide.getByRole("region", { name: "De verklaring" })).toContain("Casuïstiek en intervisie.");
    await textOf(guide.locator("main")).toContain("Concept");
    await visible(guide.getByLabel("Je wachtwoord"));
  });
});
