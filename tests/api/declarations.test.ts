import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  archivedDocuments,
  auditEvents,
  declarationSignatures,
  declarations,
  memberships,
  organisations,
  registrations,
  users,
} from "../../src/db/schema.js";
import type { DeclarationList, DeclarationView, Verification } from "../../src/domain/declarations/api.js";
import { bytesHash } from "../../src/domain/declarations/hash.js";
import type { TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import { DEMO_PASSWORD } from "../../src/server/demo/seed.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import {
  createTrajectory,
  day,
  type Judgement,
  expectStatus as ok,
  recordGuideEligibility,
} from "../support/factories.js";
import { pdfPages } from "../support/pdf-text.js";
import { samplePdf } from "../support/sample-pdf.js";

let t: TestApp;
let client: TestClient; // Fatima Yilmaz: opdrachtgever, starts the trajectory and is its commissioner
let guide: TestClient; // Sanne Visser
let trainee: TestClient; // Daan Bakker
let admin: TestClient;
let outsider: TestClient; // the admin of Rivierenland

beforeAll(async () => {
  t = await createTestApp();
  client = await t.login("fatima.yilmaz@delinde.example");
  guide = await t.login("sanne.visser@netwerk.example");
  if ((await guide.refreshSession()).organisation?.id !== t.orgs.linde)
    await guide.post("/api/v1/auth/organisation", { organisationId: t.orgs.linde });
  await guide.refreshSession();
  trainee = await t.login("daan.bakker@delinde.example");
  admin = await t.login("beheer@delinde.example");
  outsider = await t.login("beheer@rivierenland.example");
});
afterAll(() => t.close());

const PLAN = {
  vorm: "Individueel, elke twee weken.",
  inhoud: "Casuïstiek en handelingsplannen.",
  intensiteit: "Eerst om de twee weken, daarna maandelijks.",
  organisatievorm: "traditioneel",
};

/** The guide as the trajectories' start judged her, unless a test says otherwise. */
const judged = (verdict: Judgement["verdict"]): Judgement => ({
  verdict,
  rule: { nl: "Ervaren professional", en: "Experienced professional" },
  reasons: [{ nl: "Vijf jaar ervaring als master", en: "Five years of experience" }],
});

async function skjTrajectory(title: string) {
  const { detail } = await createTrajectory(t, {
    regime: "skj_werkbegeleiding",
    title,
    by: client,
    guide,
    startsOn: day(-60),
    endsOn: day(300),
    eligibility: judged("eligible"),
    plan: PLAN,
    evaluationMoments: [{ date: day(30), label: "Tussenevaluatie" }],
  });
  return detail;
}

const setEligibility = (trajectoryId: string, verdict: Judgement["verdict"]) =>
  recordGuideEligibility(t, trajectoryId, verdict, undefined, judged(verdict));

const list = async (who: TestClient, trajectoryId: string) =>
  ok<DeclarationList>(await who.get(`/api/v1/trajectories/${trajectoryId}/declarations`));
const find = async (who: TestClient, trajectoryId: string, key: string) => {
  const found = (await list(who, trajectoryId)).items.find((d) => d.key === key);
  if (!found) throw new Error(`no declaration ${key}`);
  return found;
};
const sign = (who: TestClient, id: string, password = DEMO_PASSWORD, slot?: string) =>
  who.post(`/api/v1/declarations/${id}/sign`, { password, ...(slot ? { slot } : {}) });

function pdfForm(bytes: Uint8Array, name = "motivatie.pdf", field = "file") {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), name);
  return form;
}
const upload = (who: TestClient, url: string, form: FormData) =>
  who.request({ method: "POST", url, payload: form as never });
const MOTIVATION = samplePdf({ pages: ["Gemotiveerd verzoek"] });

describe("the declarations of an SKJ trajectory", () => {
  it("lists the start and end declaration as drafts following the trajectory's data", async () => {
    const detail = await skjTrajectory("Verklaringen lijst");
    const { items, motivation } = await list(trainee, detail.id);
    expect(items.map((d) => [d.key, d.form, d.number, d.status])).toEqual([
      ["start", "A", 1, "open"],
      ["end", "B", 1, "open"],
    ]);
    const start = items[0] as DeclarationView;
    expect(start.contentSha256).toBeNull();
    expect(start.content.plan?.fields.find((f) => f.key === "organisatievorm")?.value).toBe(
      "Traditionele organisatievorm",
    );
    expect(start.content.parties?.map((p) => p.name).sort()).toEqual(["Daan Bakker", "Fatima Yılmaz", "Sanne Visser"]);
    expect(start.signableSlots).toEqual(["professional"]);
    expect(motivation).toMatchObject({ required: false, documents: [] });
    // Listing again makes nothing new.
    expect((await list(guide, detail.id)).items.map((d) => d.id)).toEqual(items.map((d) => d.id));
  });

  it("exist from the trajectory's start, so two first loads at once both see every one", async () => {
    const detail = await skjTrajectory("Verklaringen bij de start");
    const stored = await t.database.db
      .select({ kind: declarations.kind, number: declarations.number })
      .from(declarations)
      .where(eq(declarations.trajectoryId, detail.id));
    expect(stored.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "end", number: 1 },
      { kind: "start", number: 1 },
    ]);
    const [first, second] = await Promise.all([list(trainee, detail.id), list(guide, detail.id)]);
    expect(first.items.map((d) => d.key)).toEqual(["start", "end"]);
    expect(second.items.map((d) => d.id)).toEqual(first.items.map((d) => d.id));
  });

  it("refuses a wrong password at the field and stores nothing", async () => {
    const detail = await skjTrajectory("Verkeerd wachtwoord");
    const start = await find(trainee, detail.id, "start");
    const response = await sign(trainee, start.id, "niet-het-wachtwoord");
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors.password).toBe("Dit wachtwoord klopt niet.");
    const [row] = await t.database.db.select().from(declarations).where(eq(declarations.id, start.id));
    expect(row?.contentSha256).toBeNull();
    expect(row?.content).toBeNull();
    const signatures = await t.database.db
      .select()
      .from(declarationSignatures)
      .where(eq(declarationSignatures.declarationId, start.id));
    expect(signatures).toEqual([]);
  });

  it("is signed by both parties, frozen at the first signature, with who, when and from where", async () => {
    const detail = await skjTrajectory("Beide ondertekenen");
    const start = await find(trainee, detail.id, "start");
    const first = ok<DeclarationView>(await sign(trainee, start.id));
    expect(first.status).toBe("open");
    expect(first.contentSha256).toBe(start.liveContentSha256);
    expect(first.frozenAt).not.toBeNull();
    expect(first.slots[0]?.signature?.name).toBe("Daan Bakker");
    expect(first.slots[0]?.signature?.ip).toBe(trainee.address);
    expect(first.signableSlots).toEqual([]);

    // The guide sees who signed, not from where; the guide's own slot is waiting.
    const seenByGuide = await find(guide, detail.id, "start");
    expect(seenByGuide.slots[0]?.signature?.ip).toBeNull();
    expect(seenByGuide.signableSlots).toEqual(["employer_or_guide"]);
    // The trainee cannot take the other slot too.
    expect((await sign(trainee, start.id, DEMO_PASSWORD, "employer_or_guide")).statusCode).toBe(409);

    const done = ok<DeclarationView>(await sign(guide, start.id));
    expect(done.status).toBe("signed");
    expect(done.fullySigned).toBe(true);
    expect(done.slots.map((s) => s.signature?.name)).toEqual(["Daan Bakker", "Sanne Visser"]);
    const rows = await t.database.db
      .select()
      .from(declarationSignatures)
      .where(eq(declarationSignatures.declarationId, start.id));
    expect(rows.map((r) => r.contentSha256)).toEqual([first.contentSha256, first.contentSha256]);
    expect(rows.every((r) => r.ip && r.userAgent !== undefined)).toBe(true);
    // The employer, who could have signed instead, no longer can.
    expect((await sign(client, start.id)).statusCode).toBe(409);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, start.id), eq(auditEvents.type, "declaration.signed")));
    expect(audit).toHaveLength(2);
  });

  it("keeps the signed content when the plan changes, says so, and needs a new version signed again", async () => {
    const detail = await skjTrajectory("Gewijzigd na ondertekening");
    const start = await find(trainee, detail.id, "start");
    const signed = ok<DeclarationView>(await sign(trainee, start.id));
    const current = ok<TrajectoryDetail>(await guide.get(`/api/v1/trajectories/${detail.id}`));
    ok(
      await guide.put(`/api/v1/trajectories/${detail.id}/plan`, {
        version: current.version,
        plan: { ...PLAN, inhoud: "Iets heel anders." },
        intensity: current.intensity,
        evaluationMoments: current.evaluationMoments,
      }),
    );
    const after = await find(guide, detail.id, "start");
    expect(after.contentSha256).toBe(signed.contentSha256);
    expect(after.content.plan?.fields.find((f) => f.key === "inhoud")?.value).toBe(PLAN.inhoud);
    expect(after.changedSinceSigning).toBe(true);
    expect(after.needsNewVersion).toBe(true);
    expect(after.abilities.newVersion).toBe(true);
    const refused = await sign(guide, start.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("declaration.changed");

    const next = ok<DeclarationView>(await guide.post(`/api/v1/declarations/${start.id}/new-version`, {}), 201);
    expect(next.number).toBe(2);
    expect(next.contentSha256).toBeNull();
    expect(next.content.plan?.fields.find((f) => f.key === "inhoud")?.value).toBe("Iets heel anders.");
    expect(next.history.map((h) => [h.number, h.status])).toEqual([
      [2, "open"],
      [1, "superseded"],
    ]);
    // The old version is kept as it was signed.
    const old = ok<DeclarationView>(await guide.get(`/api/v1/declarations/${start.id}`));
    expect(old).toMatchObject({ status: "superseded", latest: false, contentSha256: signed.contentSha256 });
    expect((await sign(trainee, start.id)).statusCode).toBe(409);
    // Nothing changed since: no newer version.
    expect((await guide.post(`/api/v1/declarations/${next.id}/new-version`, {})).statusCode).toBe(409);
    ok(await sign(trainee, next.id));
    expect(ok<DeclarationView>(await sign(guide, next.id)).status).toBe("signed");
  });

  it("lets the end declaration carry a deviation text until the first signature", async () => {
    const detail = await skjTrajectory("Afwijking");
    const end = await find(guide, detail.id, "end");
    expect(end.abilities.editDeviation).toBe(true);
    const written = ok<DeclarationView>(
      await guide.put(`/api/v1/declarations/${end.id}/deviation`, {
        version: end.version,
        deviation: "Drie gesprekken vervielen door ziekte.",
      }),
    );
    expect(written.content.deviation?.text).toBe("Drie gesprekken vervielen door ziekte.");
    const stale = await guide.put(`/api/v1/declarations/${end.id}/deviation`, { version: end.version, deviation: "x" });
    expect(stale.statusCode).toBe(409);
    const start = await find(guide, detail.id, "start");
    expect(
      (await guide.put(`/api/v1/declarations/${start.id}/deviation`, { version: start.version, deviation: "x" }))
        .statusCode,
    ).toBe(422);
    ok(await sign(trainee, end.id));
    const frozen = await guide.put(`/api/v1/declarations/${end.id}/deviation`, {
      version: written.version,
      deviation: "Later",
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe("declaration.frozen");
  });
});

describe("the motivated request for a guide", () => {
  it("must be uploaded before the start declaration can be signed, and is named in it by its hash", async () => {
    const detail = await skjTrajectory("Motivatie nodig");
    await setEligibility(detail.id, "eligibleWithMotivation");
    const start = await find(trainee, detail.id, "start");
    expect(start.motivationMissing).toBe(true);
    const refused = await sign(trainee, start.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("declaration.motivationMissing");
    expect(refused.json().title).toContain("gemotiveerd verzoek");

    const url = `/api/v1/trajectories/${detail.id}/documents`;
    const notPdf = await upload(guide, url, pdfForm(Buffer.from("GIF89a..."), "plaatje.pdf"));
    expect(notPdf.statusCode).toBe(422);
    expect(notPdf.json().errors.file).toBeTruthy();
    // What only starts like a PDF is read whole and refused at the field.
    const fake = await upload(guide, url, pdfForm(Buffer.from("%PDF-1.4\n% gemotiveerd verzoek\n%%EOF\n")));
    expect(fake.statusCode).toBe(422);
    expect(fake.json().errors.file).toMatch(/^Koers kan dit PDF-bestand niet helemaal lezen/);
    expect((await upload(outsider, url, pdfForm(MOTIVATION))).statusCode).toBe(404);

    const uploaded = ok<DeclarationList["motivation"]>(await upload(guide, url, pdfForm(MOTIVATION)), 201);
    expect(uploaded.required).toBe(true);
    expect(uploaded.documents).toHaveLength(1);
    const document = uploaded.documents[0];
    const download = await trainee.get(`${url}/${document?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.equals(MOTIVATION)).toBe(true);
    expect((await outsider.get(`${url}/${document?.id}`)).statusCode).toBe(404);

    const signed = ok<DeclarationView>(await sign(trainee, start.id));
    expect(signed.content.guideEligibility).toMatchObject({
      verdict: "eligibleWithMotivation",
      motivationUploaded: true,
      motivationSha256: document?.sha256,
    });
  });
});

describe("the PDF and the verification page", () => {
  it("prints the declaration with an audit page, and anyone can verify it by hash or by the file", async () => {
    const detail = await skjTrajectory("PDF en controle");
    const start = await find(trainee, detail.id, "start");

    const draft = await trainee.get(`/api/v1/declarations/${start.id}/pdf`);
    expect(draft.statusCode).toBe(200);
    const draftText = (await pdfPages(draft.rawPayload)).join(" ");
    expect(draftText).toContain("CONCEPT — niet ondertekend");

    ok(await sign(trainee, start.id));
    const signed = ok<DeclarationView>(await sign(guide, start.id));
    const response = await client.get(`/api/v1/declarations/${start.id}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const pages = await pdfPages(response.rawPayload);
    const audit = pages.at(-1) ?? "";
    expect(pages[0]).toContain("Verklaring plan werkbegeleiding");
    expect(audit).toContain("Controlepagina");
    expect(audit).toContain("Daan Bakker");
    expect(audit).toContain("Sanne Visser");
    expect(audit).toContain("wachtwoord opnieuw ingevoerd");
    // The signed document is stored once per reader view: the commissioner signed nothing, so
    // the signers' addresses are not theirs to read.
    expect(audit).not.toContain(trainee.address);
    expect(audit).toContain(signed.contentSha256 as string);
    expect(audit).toContain("http://koers.test/verifieren");
    expect(pages.join(" ")).not.toContain("CONCEPT");
    const own = (await pdfPages((await trainee.get(`/api/v1/declarations/${start.id}/pdf`)).rawPayload)).at(-1);
    // The signed document is the one stored at signing, the same for every reader: no addresses.
    expect(own).not.toContain(trainee.address);

    const visitor = await t.anonymous();
    const byHash = ok<Verification>(await visitor.post("/api/v1/verify", { hash: signed.contentSha256 }));
    expect(byHash).toMatchObject({
      match: true,
      matchedBy: "content",
      declaration: {
        title: "Verklaring plan werkbegeleiding",
        form: "A",
        organisation: "Zorggroep De Linde",
        number: 1,
        status: "signed",
        contentSha256: signed.contentSha256,
      },
    });
    expect(byHash.declaration?.signers.map((s) => [s.name, s.slot])).toEqual([
      ["Daan Bakker", "Professional"],
      ["Sanne Visser", "Werkgever of werkbegeleider"],
    ]);
    expect(JSON.stringify(byHash)).not.toContain(trainee.address);

    const byFile = ok<Verification>(
      await upload(visitor, "/api/v1/verify", pdfForm(response.rawPayload, "verklaring.pdf")),
    );
    expect(byFile).toMatchObject({
      match: true,
      matchedBy: "file",
      signedAndCurrent: true,
      declaration: { status: "signed", current: true },
    });
    // Upper case is the same hash.
    expect(
      ok<Verification>(await visitor.post("/api/v1/verify", { hash: signed.contentSha256?.toUpperCase() })).match,
    ).toBe(true);

    expect(ok<Verification>(await visitor.post("/api/v1/verify", { hash: "0".repeat(64) }))).toEqual({
      match: false,
      signedAndCurrent: false,
    });
    expect(ok<Verification>(await upload(visitor, "/api/v1/verify", pdfForm(MOTIVATION)))).toEqual({
      match: false,
      signedAndCurrent: false,
    });
    const bad = await visitor.post("/api/v1/verify", { hash: "abc" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.hash).toBeTruthy();
  });

  it("keeps another organisation out: no reading, no signing, only verifying by hash", async () => {
    const detail = await skjTrajectory("Andere organisatie");
    const start = await find(trainee, detail.id, "start");
    const signed = ok<DeclarationView>(await sign(trainee, start.id));
    expect((await outsider.get(`/api/v1/declarations/${start.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/declarations/${start.id}/pdf`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/trajectories/${detail.id}/declarations`)).statusCode).toBe(404);
    expect((await sign(outsider, start.id)).statusCode).toBe(404);
    // Nor can someone of the same organisation outside the trajectory.
    const trainer = await t.login("eva.mulder@delinde.example");
    expect((await sign(trainer, start.id)).statusCode).toBe(404);
    // The admin sees it all but signs nothing as admin.
    expect((await sign(admin, start.id)).statusCode).toBe(403);
    const verified = ok<Verification>(await outsider.post("/api/v1/verify", { hash: signed.contentSha256 }));
    expect(verified.match).toBe(true);
  });
});

describe("an end declaration past the re-registration date", () => {
  it("is flagged as late in the declarations and on the to-do list, not silently accepted", async () => {
    const detail = await skjTrajectory("Te laat");
    const [daan] = await t.database.db
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, "daan.bakker@delinde.example"), eq(memberships.organisationId, t.orgs.linde)));
    await t.database.db.insert(registrations).values({
      organisationId: t.orgs.linde,
      membershipId: daan?.id ?? "",
      register: "SKJ",
      registrationType: "Jeugdprofessional",
      number: "110099999",
      reregistrationDate: day(-5),
    });
    const end = await find(guide, detail.id, "end");
    expect(end).toMatchObject({ overdue: true, dueDate: day(-5), fullySigned: false });
    expect(end.content.trajectory.reregistrationDate).toBe(day(-5));
    expect(end.dueReason).toBe("reregistration");
    // Form A was due at the start, sixty days ago, and is late as well.
    const start = await find(guide, detail.id, "start");
    expect(start).toMatchObject({ overdue: true, dueDate: day(-60), dueReason: "start" });
    const due = ok<{ items: { kind: string; trajectoryId: string; dueAt: string | null }[] }>(
      await guide.get("/api/v1/due"),
    );
    expect(due.items.filter((i) => i.trajectoryId === detail.id && i.kind === "declarationOverdue")).toEqual([
      expect.objectContaining({ dueAt: day(-60) }),
      expect.objectContaining({ dueAt: day(-5) }),
    ]);
  });
});

describe("guessing a password through the signing form", () => {
  it("counts towards the same lockout as signing in", async () => {
    const detail = await skjTrajectory("Raden");
    const start = await find(client, detail.id, "start");
    for (let i = 0; i < 5; i++) expect((await sign(client, start.id, `fout-${i}`)).statusCode).toBe(422);
    const locked = await sign(client, start.id);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe("auth.locked");
    const [row] = await t.database.db.select().from(declarations).where(eq(declarations.id, start.id));
    expect(row?.contentSha256).toBeNull();
  });
});

describe("the declarations of a supervisie", () => {
  it("keep the plan from the employer and the admin, who see the rest", async () => {
    // Eva Mulder supervises: she is not Daan's werkbegeleider, employer or manager.
    const [eva] = await t.database.db
      .select({ id: memberships.id, roles: memberships.roles })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, "eva.mulder@delinde.example"), eq(memberships.organisationId, t.orgs.linde)));
    await t.database.db
      .update(memberships)
      .set({ roles: [...(eva?.roles ?? []), "guide"] })
      .where(eq(memberships.id, eva?.id ?? ""));
    const supervisor = await t.login("eva.mulder@delinde.example");
    const candidates = ok<{ trainees: { id: string; name: string }[]; guides: { id: string; name: string }[] }>(
      await client.get("/api/v1/trajectories/candidates"),
    );
    const detail = ok<TrajectoryDetail>(
      await client.post("/api/v1/trajectories", {
        regimeKey: "supervisie",
        title: "Supervisie Daan",
        traineeId: candidates.trainees.find((p) => p.name === "Daan Bakker")?.id,
        guideIds: [candidates.guides.find((p) => p.name === "Eva Mulder")?.id],
        startsOn: day(-10),
        endsOn: day(200),
      }),
      201,
    );
    ok(
      await supervisor.put(`/api/v1/trajectories/${detail.id}/plan`, {
        version: detail.version,
        plan: { ...Object.fromEntries(detail.regime.planFields.map((f) => [f.key, "Vertrouwelijk"])), group_size: "1" },
        intensity: detail.intensity,
        evaluationMoments: [],
      }),
    );
    const forGuide = await find(supervisor, detail.id, "end");
    expect(forGuide.content.plan?.fields.some((f) => f.value === "Vertrouwelijk")).toBe(true);
    for (const who of [admin, client]) {
      const end = await find(who, detail.id, "end");
      expect(end.content.plan).toBeUndefined();
      expect(end.content.hours).toBeDefined();
      expect(end.liveContentSha256).toBe(forGuide.liveContentSha256);
      const pdf = await who.get(`/api/v1/declarations/${end.id}/pdf`);
      expect((await pdfPages(pdf.rawPayload)).join(" ")).not.toContain("Vertrouwelijk");
    }
  });
});

describe("a signed document is made once", () => {
  it("serves the signed declaration's stored bytes unchanged to every download, and the page accepts them", async () => {
    const detail = await skjTrajectory("Eenmaal gemaakt");
    const start = await find(trainee, detail.id, "start");
    ok(await sign(trainee, start.id));
    // Partly signed: made anew while it still changes, and not stored.
    expect(await archived(start.id)).toEqual([]);
    ok(await sign(guide, start.id));
    const stored = await archived(start.id);
    expect(stored.length).toBeGreaterThan(0);

    const first = await client.get(`/api/v1/declarations/${start.id}/pdf`);
    const second = await client.get(`/api/v1/declarations/${start.id}/pdf`);
    expect(first.statusCode).toBe(200);
    expect(Buffer.compare(first.rawPayload, second.rawPayload)).toBe(0);
    const sha256 = bytesHash(first.rawPayload);
    expect(stored.map((d) => d.sha256)).toContain(sha256);
    // Another signer with the same view gets the same file; the organisation's new colour does not change it.
    await t.database.db
      .update(organisations)
      .set({ primaryColor: "#aa3300" })
      .where(eq(organisations.id, t.orgs.linde));
    const later = await trainee.get(`/api/v1/declarations/${start.id}/pdf`);
    expect(bytesHash(later.rawPayload)).toBe(sha256);

    const visitor = await t.anonymous();
    const verified = ok<Verification>(await upload(visitor, "/api/v1/verify", pdfForm(first.rawPayload, "a.pdf")));
    expect(verified).toMatchObject({
      match: true,
      matchedBy: "file",
      signedAndCurrent: true,
      declaration: { status: "signed", current: true },
    });
    expect(ok<Verification>(await visitor.post("/api/v1/verify", { hash: sha256 })).signedAndCurrent).toBe(true);
  });

  it("stores the final report's bytes when it is finalised and serves them unchanged", async () => {
    const detail = await skjTrajectory("Eindverslag eenmaal");
    const draft = ok<{ version: number; status: string }>(await guide.get(`/api/v1/trajectories/${detail.id}/report`));
    const final = ok<{ status: string }>(
      await guide.post(`/api/v1/trajectories/${detail.id}/report/finalise`, { version: draft.version }),
    );
    expect(final.status).toBe("final");
    const stored = await t.database.db
      .select({ sha256: archivedDocuments.sha256 })
      .from(archivedDocuments)
      .where(and(eq(archivedDocuments.kind, "final_report"), eq(archivedDocuments.subjectId, detail.id)));
    expect(stored.length).toBeGreaterThan(0);
    const first = await guide.get(`/api/v1/trajectories/${detail.id}/report.pdf`);
    const second = await guide.get(`/api/v1/trajectories/${detail.id}/report.pdf`);
    expect(first.statusCode).toBe(200);
    expect(Buffer.compare(first.rawPayload, second.rawPayload)).toBe(0);
    expect(stored.map((d) => d.sha256)).toContain(bytesHash(first.rawPayload));
  });
});

describe("verification says whether it is a signed, current declaration", () => {
  const verifyFile = async (pdf: Buffer) =>
    ok<Verification>(await upload(await t.anonymous(), "/api/v1/verify", pdfForm(pdf, "verklaring.pdf")));
  const verifyHash = async (hash: string) =>
    ok<Verification>(await (await t.anonymous()).post("/api/v1/verify", { hash }));

  it("a draft's PDF is known, but a draft: not signed, not in force", async () => {
    const detail = await skjTrajectory("Controle concept");
    const start = await find(trainee, detail.id, "start");
    const draft = await trainee.get(`/api/v1/declarations/${start.id}/pdf`);
    expect(await verifyFile(draft.rawPayload)).toMatchObject({
      match: true,
      signedAndCurrent: false,
      declaration: { status: "draft", current: true, signers: [] },
    });
  });

  it("a partly signed version, and a copy downloaded before the last signature, are partially signed", async () => {
    const detail = await skjTrajectory("Controle half");
    const start = await find(trainee, detail.id, "start");
    const signed = ok<DeclarationView>(await sign(trainee, start.id));
    const interim = await trainee.get(`/api/v1/declarations/${start.id}/pdf`);
    expect(await verifyHash(signed.contentSha256 as string)).toMatchObject({
      match: true,
      signedAndCurrent: false,
      declaration: { status: "partially_signed", current: true },
    });
    ok(await sign(guide, start.id));
    // Signed now: the content hash says so, the copy from before the second signature does not.
    expect(await verifyHash(signed.contentSha256 as string)).toMatchObject({
      signedAndCurrent: true,
      declaration: { status: "signed" },
    });
    const copy = await verifyFile(interim.rawPayload);
    expect(copy).toMatchObject({ match: true, signedAndCurrent: false, declaration: { status: "partially_signed" } });
    expect(copy.declaration?.signers.map((s) => s.name)).toEqual(["Daan Bakker"]);
  });

  it("a superseded version, and a signed one a newer version replaces, are not in force", async () => {
    const detail = await skjTrajectory("Controle vervangen");
    const start = await find(trainee, detail.id, "start");
    const partly = ok<DeclarationView>(await sign(trainee, start.id));
    await changePlan(detail.id, "Anders dan getekend.");
    const next = ok<DeclarationView>(await guide.post(`/api/v1/declarations/${start.id}/new-version`, {}), 201);
    expect(await verifyHash(partly.contentSha256 as string)).toMatchObject({
      match: true,
      signedAndCurrent: false,
      declaration: { status: "superseded", current: false },
    });
    ok(await sign(trainee, next.id));
    const full = ok<DeclarationView>(await sign(guide, next.id));
    const signedPdf = await trainee.get(`/api/v1/declarations/${next.id}/pdf`);
    expect((await verifyFile(signedPdf.rawPayload)).signedAndCurrent).toBe(true);
    await changePlan(detail.id, "Nog eens anders.");
    ok(await guide.post(`/api/v1/declarations/${next.id}/new-version`, {}), 201);
    for (const answer of [await verifyHash(full.contentSha256 as string), await verifyFile(signedPdf.rawPayload)])
      expect(answer).toMatchObject({
        match: true,
        signedAndCurrent: false,
        declaration: { status: "signed", current: false, number: 2 },
      });
  });

  it("something unknown is no match and not signed", async () => {
    expect(await verifyHash("f".repeat(64))).toEqual({ match: false, signedAndCurrent: false });
  });
});

async function archived(declarationId: string) {
  return t.database.db
    .select({ sha256: archivedDocuments.sha256 })
    .from(archivedDocuments)
    .where(and(eq(archivedDocuments.kind, "declaration"), eq(archivedDocuments.subjectId, declarationId)));
}

async function changePlan(trajectoryId: string, inhoud: string) {
  const current = ok<TrajectoryDetail>(await guide.get(`/api/v1/trajectories/${trajectoryId}`));
  ok(
    await guide.put(`/api/v1/trajectories/${trajectoryId}/plan`, {
      version: current.version,
      plan: { ...PLAN, inhoud },
      intensity: current.intensity,
      evaluationMoments: current.evaluationMoments,
    }),
  );
}
