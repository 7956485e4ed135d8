import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, learningPaths, moduleVersions, notifications, organisations } from "../../src/db/schema.js";
import type {
  LearnerView,
  ModuleDetail,
  ModuleList,
  ModuleVersionView,
  QuizResult,
} from "../../src/domain/modules/api.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { corruptPng } from "../support/images.js";
import { everyBlockModule, photo, submitAssignment } from "../support/modules.js";
import { samplePdf } from "../support/sample-pdf.js";
import { demoFramework, userIdOf } from "../support/scans.js";

const TRAINER = "eva.mulder@delinde.example";
const PRAKTIJKOPLEIDER = "joost.smit@delinde.example";
const LEARNER = "sanne.visser@netwerk.example";

let t: TestApp;
let trainer: TestClient;
let learner: TestClient;
let praktijkopleider: TestClient;
let frameworkId: string;
beforeAll(async () => {
  t = await createTestApp();
  trainer = await signIn(t, TRAINER, "linde");
  learner = await signIn(t, LEARNER, "linde");
  praktijkopleider = await signIn(t, PRAKTIJKOPLEIDER, "linde");
  frameworkId = (await demoFramework(t)).framework.id;
});
afterAll(() => t.close());

/** Creates a network module by the trainer with every block kind and publishes it; answers its detail. */
async function publishedModule(
  title = "Feedback geven op de werkvloer",
  owner: "network" | "organisation" = "network",
) {
  const made = expectStatus<ModuleDetail>(
    await trainer.post("/api/v1/modules", {
      title,
      owner,
      tags: { frameworkId, competences: [{ key: "feedback", level: 3 }] },
    }),
    201,
  );
  const draftId = made.versions[0]?.id ?? "";
  const url = `/api/v1/modules/${made.module.id}/versions/${draftId}`;
  const draft = expectStatus<ModuleVersionView>(await trainer.get(url));
  const saved = expectStatus<ModuleVersionView>(
    await trainer.put(url, { version: draft.version, document: everyBlockModule(frameworkId, title) }),
  );
  expectStatus(await trainer.post(`${url}/publish`, { version: saved.version }));
  return made.module.id;
}

describe("authoring a module", () => {
  it("goes from an outline through a saved draft to a published, frozen version", async () => {
    const id = await publishedModule();
    const detail = expectStatus<ModuleDetail>(await trainer.get(`/api/v1/modules/${id}`));
    expect(detail.module).toMatchObject({
      owner: "network",
      title: "Feedback geven op de werkvloer",
      minutes: 90,
      competences: [{ key: "feedback", level: 3, name: { nl: expect.any(String) } }],
      published: { number: 1, status: "published" },
      draft: null,
    });
    expect(detail.module.blockKinds).toEqual(["text", "video", "reflection", "quiz", "assignment", "training"]);
    // Frozen: the database refuses any change to a published version, whoever asks.
    await expect(
      t.database.db
        .update(moduleVersions)
        .set({ document: everyBlockModule(frameworkId, "Anders") })
        .where(eq(moduleVersions.moduleId, id)),
    ).rejects.toThrow();
    const version = detail.versions[0];
    expectStatus(
      await trainer.put(`/api/v1/modules/${id}/versions/${version?.id}`, {
        version: 2,
        document: everyBlockModule(frameworkId),
      }),
      409,
    );
    const audit = await t.database.db
      .select({ type: auditEvents.type, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, id));
    expect(audit.map((a) => a.type)).toEqual(["module.draftStarted", "module.versionSaved", "module.published"]);
    expect(JSON.stringify(audit)).not.toContain("concreet");
  });

  it("names the field of every rule a draft breaks, and keeps the draft as it was", async () => {
    const made = expectStatus<ModuleDetail>(
      await trainer.post("/api/v1/modules", {
        title: "Kladversie",
        tags: { frameworkId, competences: [{ key: "feedback", level: 2 }] },
      }),
      201,
    );
    const url = `/api/v1/modules/${made.module.id}/versions/${made.versions[0]?.id}`;
    const before = expectStatus<ModuleVersionView>(await trainer.get(url));
    const document = everyBlockModule(frameworkId);
    const broken = {
      ...document,
      tags: { frameworkId, competences: [{ key: "bestaat_niet", level: 3 }] },
      blocks: document.blocks.map((b) => {
        if (b.kind === "video") return { ...b, url: "https://evil.example/film.mp4" };
        if (b.kind === "quiz")
          return {
            ...b,
            passMark: 5,
            questions: b.questions.map((q) => ({ ...q, options: q.options.map((o) => ({ ...o, correct: false })) })),
          };
        return b;
      }),
    };
    const problem = expectStatus(await trainer.put(url, { version: before.version, document: broken }), 422);
    expect(problem.errors).toMatchObject({
      "document.blocks.1.url": expect.any(String),
      "document.blocks.3.passMark": expect.any(String),
      "document.blocks.3.questions.0.options": expect.any(String),
    });
    const tagsOnly = expectStatus(
      await trainer.put(url, { version: before.version, document: { ...document, tags: broken.tags } }),
      422,
    );
    expect(Object.keys(tagsOnly.errors)).toEqual(["document.tags.competences.0.key"]);
    expect(expectStatus<ModuleVersionView>(await trainer.get(url)).document).toEqual(before.document);
  });

  it("is for trainers and praktijkopleiders: a werkbegeleider or an admin may not begin one", async () => {
    for (const [email, org] of [
      [LEARNER, "rivier"],
      ["beheer@delinde.example", "linde"],
    ] as const) {
      const client = await signIn(t, email, org);
      expectStatus(
        await client.post("/api/v1/modules", {
          title: "X",
          tags: { frameworkId, competences: [{ key: "feedback", level: 2 }] },
        }),
        403,
      );
    }
  });

  it("lets another member's praktijkopleider copy a network module to adapt it locally", async () => {
    const id = await publishedModule("Om te kopiëren");
    const ingrid = await signIn(t, "ingrid.bos@dewilgen.example", "wilgen");
    const shared = expectStatus<ModuleDetail>(await ingrid.get(`/api/v1/modules/${id}`));
    expect(shared.policies).toMatchObject({ edit: true, copy: true, follow: true });
    const copy = expectStatus<ModuleDetail>(
      await ingrid.post("/api/v1/modules", { title: "Om te kopiëren (De Wilgen)", from: shared.versions[0]?.id }),
      201,
    );
    expect(copy.module).toMatchObject({ owner: "organisation", copiedFrom: id, draft: { number: 1 } });
    // Its own copy is its own: De Linde does not see it.
    const linde = expectStatus<ModuleList>(await trainer.get("/api/v1/modules"));
    expect(linde.modules.map((m) => m.id)).not.toContain(copy.module.id);
    expectStatus(await trainer.get(`/api/v1/modules/${copy.module.id}`), 404);
  });
});

describe("following a module", () => {
  let id = "";
  let view: LearnerView;
  beforeAll(async () => {
    id = await publishedModule("Te volgen");
  });
  const base = () => `/api/v1/modules/${id}/progress`;
  const act = async (block: string, body: object) =>
    (view = expectStatus<LearnerView>(await learner.put(`${base()}/blocks`, { block, ...body })));

  it("starts on the newest published version and shows no quiz answers", async () => {
    view = expectStatus<LearnerView>(await learner.post(base()));
    expect(view.progress).toMatchObject({ done: 0, total: 6, complete: false, resume: "intro" });
    expect(JSON.stringify(view.blocks)).not.toMatch(/"correct"|Dan luistert hij minder/);
    // Starting again answers the same progress.
    expect(expectStatus<LearnerView>(await learner.post(base())).version).toEqual(view.version);
  });

  it("records each block by its kind, resumes where the learner was, and refuses what does not fit", async () => {
    await act("intro", { action: "seen" });
    await act("film", { action: "visit" });
    expect(view.progress).toMatchObject({ done: 1, resume: "film" });
    await act("film", { action: "seen" });
    expectStatus(await learner.put(`${base()}/blocks`, { block: "intro", action: "attended" }), 409);
    expectStatus(await learner.put(`${base()}/blocks`, { block: "nergens", action: "seen" }), 404);
    expectStatus(
      await learner.put(`${base()}/blocks`, { block: "eigen", action: "reflection", answer: "  ", shared: false }),
      422,
    );
    await act("eigen", { action: "reflection", answer: "Bij Daan, na de overdracht.", shared: false });
    expect(view.reflections.eigen).toEqual({ answer: "Bij Daan, na de overdracht.", shared: false });
    // Not shared: the praktijkopleider does not see it; shared: she does, with the question.
    const sharedWith = async () =>
      expectStatus(await praktijkopleider.get("/api/v1/assignments")).reflections.filter(
        (r: { moduleId: string }) => r.moduleId === id,
      );
    expect(await sharedWith()).toEqual([]);
    await act("eigen", { action: "reflection", answer: "Bij Daan, na de overdracht.", shared: true });
    expect(await sharedWith()).toEqual([
      expect.objectContaining({
        answer: "Bij Daan, na de overdracht.",
        learner: expect.objectContaining({ name: "Sanne Visser" }),
      }),
    ]);
    const fatima = await signIn(t, "fatima.yilmaz@delinde.example", "linde");
    expect(expectStatus(await fatima.get("/api/v1/assignments")).reflections).toEqual([]);
    await act("training", { action: "attended" });
    expect(view.progress).toMatchObject({ done: 4, resume: "toets" });
  });

  it("scores a quiz with feedback on the choices, keeps every attempt, and passes on the pass mark", async () => {
    const url = `${base()}/quizzes`;
    const failed = expectStatus<QuizResult>(
      await learner.post(url, { block: "toets", answers: { q1: ["b"], q2: ["a", "b"] } }),
    );
    expect(failed).toMatchObject({ correct: 1, passed: false, passMark: 2 });
    expect(failed.questions[0]).toEqual({
      key: "q1",
      correct: false,
      feedback: [{ option: "b", text: "Dan luistert hij minder." }],
    });
    const passed = expectStatus<QuizResult>(
      await learner.post(url, { block: "toets", answers: { q1: ["a"], q2: ["a", "b"], x: ["y"] } }),
    );
    expect(passed).toMatchObject({ correct: 2, passed: true });
    view = expectStatus<ModuleDetail>(await learner.get(`/api/v1/modules/${id}`)).learner as LearnerView;
    expect(view.quizzes.toets).toMatchObject({ attempts: 2, last: { passed: true } });
  });

  it("takes an assignment with a photo, checked by its content; sent back once, then signed off, it completes the module", async () => {
    const url = `${base()}/assignments`;
    const notAPhoto = { bytes: Buffer.from("GIF89a niet echt"), name: "foto.jpg", type: "image/jpeg" };
    expect(expectStatus(await submitAssignment(learner, url, "opdracht", "Gedaan", notAPhoto), 422).errors).toEqual({
      evidence: "Bewijs moet een foto (JPEG, PNG of WebP) of een PDF zijn.",
    });
    // A file that only starts like a PDF is read whole, and refused.
    const notAPdf = { bytes: Buffer.from("%PDF-1.4 niet echt"), name: "formulier.pdf", type: "application/pdf" };
    expect(
      expectStatus(await submitAssignment(learner, url, "opdracht", "Gedaan", notAPdf), 422).errors.evidence,
    ).toMatch(/^Koers kan dit PDF-bestand niet helemaal lezen/);
    const broken = { bytes: corruptPng(), name: "kapot.png", type: "image/png" };
    expect(expectStatus(await submitAssignment(learner, url, "opdracht", "Gedaan", broken), 422).errors).toHaveProperty(
      "evidence",
    );
    expect(expectStatus(await submitAssignment(learner, url, "opdracht", null), 422).errors).toHaveProperty(
      "description",
    );

    const image = { bytes: await photo(), name: "werkvloer.jpg", type: "image/jpeg" };
    view = expectStatus<LearnerView>(
      await submitAssignment(learner, url, "opdracht", "Feedback gegeven na de ochtendzorg.", image),
      201,
    );
    const submission = view.assignments.opdracht?.[0];
    expect(submission).toMatchObject({ status: "submitted", evidence: "photo" });
    expectStatus(await submitAssignment(learner, url, "opdracht", "Nog eens"), 409);

    // The praktijkopleider was told, sees it, and sends it back with a reason (a reason is required).
    const [told] = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, "assignment.submitted"),
          eq(notifications.userId, await userIdOf(t, PRAKTIJKOPLEIDER)),
        ),
      );
    expect(told?.params).toMatchObject({ name: "Sanne Visser" });
    const queue = expectStatus(await praktijkopleider.get("/api/v1/assignments"));
    const waiting = queue.assignments.find((a: { id: string }) => a.id === submission?.id);
    expect(waiting).toMatchObject({
      status: "submitted",
      learner: { name: "Sanne Visser" },
      blockTitle: "Feedback in de praktijk",
    });
    const evidence = await praktijkopleider.get(`/api/v1/assignments/${submission?.id}/evidence`);
    expect(evidence.statusCode).toBe(200);
    expect((await sharp(evidence.rawPayload).metadata()).format).toBe("jpeg");
    const review = `/api/v1/assignments/${submission?.id}/review`;
    expect(
      expectStatus(await praktijkopleider.post(review, { decision: "return", version: 1 }), 422).errors,
    ).toHaveProperty("reason");
    // The learner cannot sign off their own work.
    expectStatus(await learner.post(review, { decision: "sign_off", version: 1 }), 404);
    expectStatus(
      await praktijkopleider.post(review, {
        decision: "return",
        reason: "Beschrijf ook wat de student deed.",
        version: 1,
      }),
    );

    view = expectStatus<ModuleDetail>(await learner.get(`/api/v1/modules/${id}`)).learner as LearnerView;
    expect(view.assignments.opdracht?.[0]).toMatchObject({
      status: "returned",
      reason: "Beschrijf ook wat de student deed.",
      reviewer: "Joost Smit",
    });
    expect(view.progress.complete).toBe(false);

    // The second time with a filled-in form as a PDF: stored as handed in, downloaded, never shown inline.
    const form = samplePdf({ pages: ["Observatieformulier feedback"] });
    view = expectStatus<LearnerView>(
      await submitAssignment(learner, url, "opdracht", "De student vertelde eerst zelf wat hij zag.", {
        bytes: form,
        name: "formulier.pdf",
        type: "application/pdf",
      }),
      201,
    );
    const second = view.assignments.opdracht?.[0];
    expect(second).toMatchObject({ status: "submitted", evidence: "pdf" });
    const pdf = await praktijkopleider.get(`/api/v1/assignments/${second?.id}/evidence`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toMatch(/^attachment/);
    expect(pdf.rawPayload.equals(form)).toBe(true);
    expectStatus(
      await praktijkopleider.post(`/api/v1/assignments/${second?.id}/review`, { decision: "sign_off", version: 1 }),
    );
    expectStatus(
      await praktijkopleider.post(`/api/v1/assignments/${second?.id}/review`, { decision: "sign_off", version: 2 }),
      409,
    );

    view = expectStatus<ModuleDetail>(await learner.get(`/api/v1/modules/${id}`)).learner as LearnerView;
    expect(view.progress).toMatchObject({ done: 6, total: 6, complete: true, resume: null });
    expect(view.progress.completedAt).not.toBeNull();
    // The path's item for the competence the module serves is done and names the module.
    const [path] = await t.database.db
      .select()
      .from(learningPaths)
      .where(and(eq(learningPaths.organisationId, t.orgs.linde), eq(learningPaths.userId, await userIdOf(t, LEARNER))));
    const item = path?.items.find((i) => i.competence === "feedback");
    expect(item).toMatchObject({ module: id, status: "done" });
  });

  it("keeps the learner on the version they started when a newer one is published", async () => {
    const detail = expectStatus<ModuleDetail>(await trainer.get(`/api/v1/modules/${id}`));
    const draft = expectStatus<ModuleVersionView>(await trainer.post(`/api/v1/modules/${id}/versions`), 201);
    expectStatus(await trainer.post(`/api/v1/modules/${id}/versions`), 409);
    const url = `/api/v1/modules/${id}/versions/${draft.id}`;
    const document = { ...draft.document, blocks: draft.document.blocks.filter((b) => b.kind !== "training") };
    const saved = expectStatus<ModuleVersionView>(await trainer.put(url, { version: draft.version, document }));
    // The authors see what the draft changes; someone who does not write modules sees no draft at all
    // (Sanne coordinates the network, so she may write its modules).
    expect(expectStatus<ModuleDetail>(await trainer.get(`/api/v1/modules/${id}`)).draftChanges).toEqual({
      from: 1,
      added: [],
      changed: [],
      removed: [{ key: "training", kind: "training", title: "Vaardigheidstraining feedback" }],
    });
    const daan = await signIn(t, "daan.bakker@delinde.example", "linde");
    const seen = expectStatus<ModuleDetail>(await daan.get(`/api/v1/modules/${id}`));
    expect(seen.draftChanges).toBeNull();
    expect(seen.versions.map((v) => v.status)).toEqual(["published"]);
    expectStatus(await daan.get(url), 404);
    expectStatus(await trainer.post(`${url}/publish`, { version: saved.version }));
    view = expectStatus<ModuleDetail>(await learner.get(`/api/v1/modules/${id}`)).learner as LearnerView;
    expect(view.version.number).toBe(detail.versions[0]?.number);
    expect(view.newerVersion).toBe(2);
    expect(view.blocks.map((b) => b.key)).toContain("training");
  });
});

describe("who sees what", () => {
  it("hides a local module and its learners' work from other organisations, and photos from colleagues", async () => {
    const local = await publishedModule("Alleen De Linde", "organisation");
    const rivier = await signIn(t, LEARNER, "rivier");
    const wilgen = await signIn(t, "ingrid.bos@dewilgen.example", "wilgen");
    for (const client of [rivier, wilgen]) {
      expect(expectStatus<ModuleList>(await client.get("/api/v1/modules")).modules.map((m) => m.id)).not.toContain(
        local,
      );
      expectStatus(await client.get(`/api/v1/modules/${local}`), 404);
      expectStatus(await client.post(`/api/v1/modules/${local}/progress`), 404);
      const queue = await client.get("/api/v1/assignments");
      if (queue.statusCode === 200) expect(queue.json().assignments).toEqual([]);
      else expectStatus(queue, 403);
    }
    // Another werkbegeleider of De Linde sees no one's assignment photo.
    const [submitted] = expectStatus(await praktijkopleider.get("/api/v1/assignments")).assignments;
    const daan = await signIn(t, "daan.bakker@delinde.example", "linde");
    expectStatus(await daan.get(`/api/v1/assignments/${submitted.id}/evidence`), 404);
    expectStatus(
      await daan.post(`/api/v1/assignments/${submitted.id}/review`, { decision: "sign_off", version: 1 }),
      404,
    );
  });

  it("shows an organisation outside the network none of the network's modules", async () => {
    const shared = await publishedModule("Van het netwerk");
    const [before] = await t.database.db
      .select({ networkId: organisations.networkId })
      .from(organisations)
      .where(eq(organisations.id, t.orgs.rivier));
    await t.database.db.update(organisations).set({ networkId: null }).where(eq(organisations.id, t.orgs.rivier));
    try {
      const outsider = await signIn(t, LEARNER, "rivier");
      expect(expectStatus<ModuleList>(await outsider.get("/api/v1/modules")).modules).toEqual([]);
      expectStatus(await outsider.get(`/api/v1/modules/${shared}`), 404);
    } finally {
      await t.database.db
        .update(organisations)
        .set({ networkId: before?.networkId ?? null })
        .where(eq(organisations.id, t.orgs.rivier));
    }
  });
});
