import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, organisations } from "../../src/db/schema.js";
import type { CaseList, CaseView } from "../../src/domain/cases/api.js";
import type { LearnerView, ModuleDetail, ModuleVersionView } from "../../src/domain/modules/api.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { demoFramework, userIdOf } from "../support/scans.js";

const AUTHOR = "sanne.visser@netwerk.example";
const TRAINER = "eva.mulder@delinde.example";

let t: TestApp;
let author: TestClient;
let trainer: TestClient;
let frameworkId: string;
beforeAll(async () => {
  t = await createTestApp();
  author = await signIn(t, AUTHOR, "linde");
  trainer = await signIn(t, TRAINER, "linde");
  frameworkId = (await demoFramework(t)).framework.id;
});
afterAll(() => t.close());

const content = (overrides: Record<string, unknown> = {}) => ({
  title: "Stil na feedback",
  situation: "Een student in het tweede jaar werd stil na feedback van een collega tijdens de avonddienst.",
  question: "Hoe bespreek je dit de volgende dag?",
  whatHappened: "De werkbegeleider vroeg eerst wat de student zelf had gemerkt.",
  setting: "vvt",
  frameworkId,
  competences: ["feedback"],
  ...overrides,
});

async function newCase(owner: "network" | "organisation" = "network", overrides: Record<string, unknown> = {}) {
  return expectStatus<CaseView>(await author.post("/api/v1/cases", { owner, ...content(overrides) }), 201);
}

async function approved(owner: "network" | "organisation", overrides: Record<string, unknown> = {}) {
  const made = await newCase(owner, overrides);
  const sent = expectStatus<CaseView>(await author.post(`/api/v1/cases/${made.id}/submit`, { version: made.version }));
  return expectStatus<CaseView>(
    await trainer.post(`/api/v1/cases/${made.id}/review`, { decision: "approve", version: sent.version }),
  );
}

describe("writing a case", () => {
  it("warns of what looks like personal data, and will not send it for review unchecked", async () => {
    const made = await newCase("network", {
      situation: "Mevrouw Jansen (geboren 12-03-1941, BSN 111222333) belde haar dochter op 06-12345678.",
    });
    expect(made).toMatchObject({ status: "draft", mine: true, author: "Sanne Visser", owner: "network" });
    expect(made.privacy.map((w) => w.kind).sort()).toEqual(["birthDate", "bsn", "nameList", "phone"]);
    const url = `/api/v1/cases/${made.id}`;
    expect(expectStatus(await author.post(`${url}/submit`, { version: made.version }), 422).errors).toHaveProperty(
      "privacy",
    );
    // Nothing was lost: the draft is as it was.
    expect(expectStatus<CaseView>(await author.get(url)).situation).toMatch(/^Mevrouw Jansen/);

    const clean = expectStatus<CaseView>(await author.put(url, { ...content(), version: made.version }));
    expect(clean.privacy).toEqual([]);
    const sent = expectStatus<CaseView>(await author.post(`${url}/submit`, { version: clean.version }));
    expect(sent.status).toBe("submitted");
    expectStatus(await author.put(url, { ...content(), version: sent.version }), 409);
    // The organisation's trainers are told.
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "case.submitted"), eq(notifications.userId, await userIdOf(t, TRAINER))));
    expect(told.map((n) => n.link)).toContain(`/casuistiek/${made.id}`);
  });

  it("names the field of a competence the framework lacks, and of a missing text", async () => {
    const bad = await author.post("/api/v1/cases", { owner: "network", ...content({ competences: ["vliegen"] }) });
    expect(expectStatus(bad, 422).errors).toHaveProperty("competences.0");
    const empty = await author.post("/api/v1/cases", { owner: "network", ...content({ question: " " }) });
    expect(expectStatus(empty, 422).errors).toHaveProperty("question");
  });
});

describe("reviewing a case", () => {
  it("is a trainer's: sent back with a reason, changed, then approved; never by its own author", async () => {
    const made = await newCase();
    const url = `/api/v1/cases/${made.id}`;
    let view = expectStatus<CaseView>(await author.post(`${url}/submit`, { version: made.version }));
    // Before approval nobody else in the organisation reads it, and the author cannot approve it.
    const daan = await signIn(t, "daan.bakker@delinde.example", "linde");
    expectStatus(await daan.get(url), 404);
    expect([403, 404]).toContain(
      (await author.post(`${url}/review`, { decision: "approve", version: view.version })).statusCode,
    );
    const asTrainer = expectStatus<CaseView>(await trainer.get(url));
    expect(asTrainer.policies).toEqual({ edit: false, submit: false, review: true, withdraw: false });
    expect(expectStatus<CaseList>(await trainer.get("/api/v1/cases")).toReview.map((c) => c.id)).toContain(made.id);

    expect(
      expectStatus(await trainer.post(`${url}/review`, { decision: "return", version: view.version }), 422).errors,
    ).toHaveProperty("reason");
    view = expectStatus<CaseView>(
      await trainer.post(`${url}/review`, {
        decision: "return",
        reason: "Maak de setting iets algemener.",
        version: view.version,
      }),
    );
    expect(view).toMatchObject({ status: "returned", reviewReason: "Maak de setting iets algemener." });
    view = expectStatus<CaseView>(await author.get(url));
    expect(view).toMatchObject({ reviewedBy: "Eva Mulder", policies: { edit: true } });
    view = expectStatus<CaseView>(
      await author.put(url, { ...content({ setting: "gehandicaptenzorg" }), version: view.version }),
    );
    view = expectStatus<CaseView>(await author.post(`${url}/submit`, { version: view.version }));
    view = expectStatus<CaseView>(await trainer.post(`${url}/review`, { decision: "approve", version: view.version }));
    expect(view.status).toBe("approved");
    expectStatus(await daan.get(url));
  });
});

describe("the case library", () => {
  it("shows a network case to every member once approved, without the author's name elsewhere", async () => {
    const shared = await approved("network", { title: "Netwerkcasus over overdracht" });
    const local = await approved("organisation", { title: "Alleen in De Linde" });
    const rivier = await signIn(t, AUTHOR, "rivier");
    const list = expectStatus<CaseList>(await rivier.get("/api/v1/cases"));
    expect(list.cases.map((c) => c.id)).toContain(shared.id);
    expect(list.cases.map((c) => c.id)).not.toContain(local.id);
    const seen = expectStatus<CaseView>(await rivier.get(`/api/v1/cases/${shared.id}`));
    expect(seen).toMatchObject({ author: null, reviewedBy: null, organisation: "Zorggroep De Linde", mine: false });
    expect(seen.policies).toEqual({ edit: false, submit: false, review: false, withdraw: false });
    expectStatus(await rivier.get(`/api/v1/cases/${local.id}`), 404);
    // A draft of the network is not the network's to see.
    const draft = await newCase("network", { title: "Nog niet klaar" });
    expectStatus(await rivier.get(`/api/v1/cases/${draft.id}`), 404);
  });

  it("searches the text and filters by competence and setting", async () => {
    const hit = await approved("network", {
      title: "Een dag zonder pauze",
      situation: "De student werkte door zonder pauze en raakte uitgeput.",
      setting: "ggz",
      competences: ["feedback", "samenwerken"].filter(Boolean),
    });
    const ids = async (query: string) =>
      expectStatus<CaseList>(await author.get(`/api/v1/cases?${query}`)).cases.map((c) => c.id);
    expect(await ids("q=uitgeput")).toEqual([hit.id]);
    expect(await ids("q=UITGEPUT&setting=ggz")).toEqual([hit.id]);
    expect(await ids("q=uitgeput&setting=vvt")).toEqual([]);
    expect(await ids("competence=samenwerken")).toContain(hit.id);
    expect(await ids("q=100%25")).toEqual([]);
    expect(expectStatus(await author.get("/api/v1/cases?setting=maan"), 422).errors).toHaveProperty("setting");
  });

  it("shows an organisation outside the network none of the network's cases", async () => {
    const shared = await approved("network", { title: "Voor het netwerk" });
    const [before] = await t.database.db
      .select({ networkId: organisations.networkId })
      .from(organisations)
      .where(eq(organisations.id, t.orgs.rivier));
    await t.database.db.update(organisations).set({ networkId: null }).where(eq(organisations.id, t.orgs.rivier));
    try {
      const outsider = await signIn(t, AUTHOR, "rivier");
      expect(expectStatus<CaseList>(await outsider.get("/api/v1/cases")).cases).toEqual([]);
      expectStatus(await outsider.get(`/api/v1/cases/${shared.id}`), 404);
    } finally {
      await t.database.db
        .update(organisations)
        .set({ networkId: before?.networkId ?? null })
        .where(eq(organisations.id, t.orgs.rivier));
    }
  });
});

describe("a case in a module", () => {
  it("names an approved case the module's readers read, and shows its text to the learner", async () => {
    const made = expectStatus<ModuleDetail>(
      await trainer.post("/api/v1/modules", {
        title: "Leren van een casus",
        owner: "network",
        tags: { frameworkId, competences: [{ key: "feedback", level: 3 }] },
      }),
      201,
    );
    const url = `/api/v1/modules/${made.module.id}/versions/${made.versions[0]?.id}`;
    let draft = expectStatus<ModuleVersionView>(await trainer.get(url));
    const withCase = (caseId: string) => ({
      ...draft.document,
      blocks: [...draft.document.blocks, { key: "casus", kind: "case", title: "", caseId }],
    });
    const save = (caseId: string) => trainer.put(url, { version: draft.version, document: withCase(caseId) });

    const unapproved = await newCase("network", { title: "Nog niet goedgekeurd" });
    expect(expectStatus(await save(unapproved.id), 422).errors).toHaveProperty("document.blocks.1.caseId");
    // A network module is read in every member: De Linde's own case would be missing there.
    const local = await approved("organisation", { title: "Alleen voor De Linde" });
    expect(expectStatus(await save(local.id), 422).errors).toHaveProperty("document.blocks.1.caseId");

    const shared = await approved("network", { title: "Voor de module" });
    draft = expectStatus<ModuleVersionView>(await save(shared.id));
    expectStatus(await trainer.post(`${url}/publish`, { version: draft.version }));

    const elsewhere = await signIn(t, AUTHOR, "rivier");
    const start = expectStatus<LearnerView>(await elsewhere.post(`/api/v1/modules/${made.module.id}/progress`));
    expect(start.blocks[1]).toMatchObject({
      kind: "case",
      title: "Voor de module",
      case: { title: "Voor de module", question: "Hoe bespreek je dit de volgende dag?" },
    });
    const read = expectStatus<LearnerView>(
      await elsewhere.put(`/api/v1/modules/${made.module.id}/progress/blocks`, { block: "casus", action: "seen" }),
    );
    expect(read.progress.blocks.find((b) => b.key === "casus")?.done).toBe(true);

    // It turns out to name a client: a trainer withdraws it, with a reason its author reads.
    const withdraw = (client: TestClient, body: Record<string, unknown>) =>
      client.post(`/api/v1/cases/${shared.id}/withdraw`, body);
    const current = expectStatus<CaseView>(await trainer.get(`/api/v1/cases/${shared.id}`));
    expect(current.policies.withdraw).toBe(true);
    expectStatus(await withdraw(elsewhere, { reason: "Van elders", version: current.version }), 404);
    const daan = await signIn(t, "daan.bakker@delinde.example", "linde");
    expectStatus(await withdraw(daan, { reason: "Niet van mij", version: current.version }), 403);
    expect(expectStatus(await withdraw(trainer, { reason: " ", version: current.version }), 422).errors).toHaveProperty(
      "reason",
    );
    expectStatus(await withdraw(trainer, { reason: "Oud", version: current.version - 1 }), 409);
    const taken = expectStatus<CaseView>(
      await withdraw(trainer, { reason: "De kamer en de dag maken de cliënt herkenbaar.", version: current.version }),
    );
    expect(taken).toMatchObject({ status: "returned", reviewReason: "De kamer en de dag maken de cliënt herkenbaar." });
    expectStatus(await withdraw(trainer, { reason: "Nog eens", version: taken.version }), 409);

    // Nobody else reads it any more: not in the library, not in the module, not its discussion.
    expectStatus(await elsewhere.get(`/api/v1/cases/${shared.id}`), 404);
    expect(expectStatus<CaseList>(await elsewhere.get("/api/v1/cases")).cases.map((c) => c.id)).not.toContain(
      shared.id,
    );
    const after = expectStatus<ModuleDetail>(await elsewhere.get(`/api/v1/modules/${made.module.id}`))
      .learner as LearnerView;
    expect(after.blocks[1]).toMatchObject({ kind: "case", case: null });
    expectStatus(await elsewhere.get(`/api/v1/cases/${shared.id}/discussion`), 404);
    // Its author is told, and may change it and send it for review again.
    const [told] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "case.withdrawn"), eq(notifications.link, `/casuistiek/${shared.id}`)));
    expect(told?.params).toEqual({ title: "Voor de module" });
    const own = expectStatus<CaseView>(await author.get(`/api/v1/cases/${shared.id}`));
    expect(own.policies).toMatchObject({ edit: true, submit: true, withdraw: false });
  });
});
