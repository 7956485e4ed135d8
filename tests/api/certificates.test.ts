import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archivedDocuments, auditEvents, certificates } from "../../src/db/schema.js";
import type { CertificateList, CertificateView } from "../../src/domain/certificates/api.js";
import type { LearningPathView } from "../../src/domain/competences/path-api.js";
import type { Verification } from "../../src/domain/declarations/api.js";
import { bytesHash } from "../../src/domain/declarations/hash.js";
import type { LearnerView, ModuleDetail, ModuleVersionView } from "../../src/domain/modules/api.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { everyBlockModule } from "../support/modules.js";
import { demoFramework } from "../support/scans.js";

const TRAINER = "eva.mulder@delinde.example";
const LEARNER = "sanne.visser@netwerk.example";

let t: TestApp;
let trainer: TestClient;
let learner: TestClient;
let frameworkId: string;
let moduleId: string;
beforeAll(async () => {
  t = await createTestApp();
  trainer = await signIn(t, TRAINER, "linde");
  learner = await signIn(t, LEARNER, "linde");
  frameworkId = (await demoFramework(t)).framework.id;
  moduleId = await oneBlockModule("Kort: feedback in één les");
});
afterAll(() => t.close());

/** A published network module of one text block: read it and it is complete. */
async function oneBlockModule(title: string) {
  const made = expectStatus<ModuleDetail>(
    await trainer.post("/api/v1/modules", {
      title,
      owner: "network",
      tags: { frameworkId, competences: [{ key: "feedback", level: 3 }] },
    }),
    201,
  );
  const url = `/api/v1/modules/${made.module.id}/versions/${made.versions[0]?.id}`;
  const draft = expectStatus<ModuleVersionView>(await trainer.get(url));
  const document = everyBlockModule(frameworkId, title);
  const saved = expectStatus<ModuleVersionView>(
    await trainer.put(url, {
      version: draft.version,
      document: { ...document, minutes: 25, blocks: document.blocks.slice(0, 1) },
    }),
  );
  expectStatus(await trainer.post(`${url}/publish`, { version: saved.version }));
  return made.module.id;
}

const verify = async (hash: string) =>
  expectStatus<Verification>(await (await t.anonymous()).post("/api/v1/verify", { hash }));

describe("a module's certificate", () => {
  let certificate: CertificateView;

  it("is not issued before the module is completed", async () => {
    const url = `/api/v1/modules/${moduleId}/certificate`;
    expectStatus(await learner.post(url), 404);
    const view = expectStatus<LearnerView>(await learner.post(`/api/v1/modules/${moduleId}/progress`));
    expect(view.progress.complete).toBe(false);
    expect(expectStatus(await learner.post(url), 409).code).toBe("certificate.moduleNotCompleted");
  });

  it("is issued once the module is completed, once, saying who completed which version and what it serves", async () => {
    const done = expectStatus<LearnerView>(
      await learner.put(`/api/v1/modules/${moduleId}/progress/blocks`, { block: "intro", action: "seen" }),
    );
    expect(done.progress.complete).toBe(true);
    certificate = expectStatus<CertificateView>(await learner.post(`/api/v1/modules/${moduleId}/certificate`), 201);
    expect(certificate).toMatchObject({
      moduleId,
      frameworkId: null,
      content: {
        kind: "module",
        holder: "Sanne Visser",
        organisation: expect.stringMatching(/Linde/),
        title: { nl: "Kort: feedback in één les", en: "Kort: feedback in één les" },
        version: 1,
        minutes: 25,
        competences: [{ key: "feedback", level: 3, module: null, name: { nl: expect.any(String) } }],
      },
    });
    expect(certificate.content.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Asked again: the same certificate, not a second one.
    const again = expectStatus<CertificateView>(await learner.post(`/api/v1/modules/${moduleId}/certificate`), 200);
    expect(again.id).toBe(certificate.id);
    const list = expectStatus<CertificateList>(await learner.get("/api/v1/certificates"));
    expect(list.certificates.filter((c) => c.moduleId === moduleId)).toHaveLength(1);
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, "certificate.issued"), eq(auditEvents.subjectId, certificate.id)));
    expect(audited).toHaveLength(1);
    // What a certificate says is frozen: the database refuses a change, whoever asks.
    await expect(
      t.database.db.update(certificates).set({ contentSha256: "x" }).where(eq(certificates.id, certificate.id)),
    ).rejects.toThrow();
  });

  it("is a PDF stored at issue, the same bytes every time, that the public verification page recognises", async () => {
    const url = `/api/v1/certificates/${certificate.id}/pdf`;
    const first = await learner.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toBe("application/pdf");
    expect(first.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytesHash((await learner.get(url)).rawPayload)).toBe(bytesHash(first.rawPayload));
    // Made at issue in Dutch and English: the reader gets their language, and both are known.
    const stored = await t.database.db
      .select({ sha256: archivedDocuments.sha256 })
      .from(archivedDocuments)
      .where(eq(archivedDocuments.subjectId, certificate.id));
    expect(stored).toHaveLength(2);
    expect(stored.map((s) => s.sha256)).toContain(bytesHash(first.rawPayload));

    for (const { sha256 } of stored) {
      const byFile = await verify(sha256);
      expect(byFile).toMatchObject({
        match: true,
        matchedBy: "file",
        signedAndCurrent: false,
        certificate: { holder: "Sanne Visser", kind: "module", contentSha256: certificate.contentSha256 },
      });
      expect(byFile.declaration).toBeUndefined();
    }
    const byContent = await verify(certificate.contentSha256);
    expect(byContent).toMatchObject({ match: true, matchedBy: "content", certificate: { version: 1 } });
    // Nothing personal beyond what the certificate itself shows.
    expect(Object.keys(byContent.certificate ?? {}).sort()).toEqual([
      "competences",
      "completedOn",
      "contentSha256",
      "holder",
      "issuedAt",
      "kind",
      "minutes",
      "organisation",
      "title",
      "version",
    ]);
    const tampered = Buffer.concat([first.rawPayload, Buffer.from("\n")]);
    expect(await verify(bytesHash(tampered))).toEqual({ match: false, signedAndCurrent: false });
  });

  it("is its holder's alone: a colleague, an admin or another organisation gets 404", async () => {
    const url = `/api/v1/certificates/${certificate.id}/pdf`;
    const colleague = await signIn(t, "joost.smit@delinde.example", "linde");
    expect((await colleague.get(url)).statusCode).toBe(404);
    expect(expectStatus<CertificateList>(await colleague.get("/api/v1/certificates")).certificates).toEqual([]);
    const elsewhere = await signIn(t, LEARNER, "rivier");
    expect((await elsewhere.get(url)).statusCode).toBe(404);
    expect(expectStatus<CertificateList>(await elsewhere.get("/api/v1/certificates")).certificates).toEqual([]);
  });
});

describe("a learning line's certificate", () => {
  it("waits until everything on the path is done, then names each competence with its module", async () => {
    const read = async () =>
      expectStatus<LearningPathView>(await learner.get(`/api/v1/learning-path?framework=${frameworkId}`));
    const view = await read();
    const items = view.path?.items ?? [];
    expect(items.length).toBeGreaterThan(1);
    const url = "/api/v1/learning-path/certificate";
    const postponed = items.map((item, i) => ({
      competence: item.competence,
      status: i === 0 ? ("postponed" as const) : ("done" as const),
      note: item.note,
    }));
    const saved = expectStatus<LearningPathView>(
      await learner.put("/api/v1/learning-path", { frameworkId, items: postponed, version: view.path?.version }),
    );
    expect(expectStatus(await learner.post(url, { frameworkId }), 409).code).toBe("certificate.lineNotCompleted");

    const allDone = postponed.map((item) => ({ ...item, status: "done" as const }));
    expectStatus(
      await learner.put("/api/v1/learning-path", { frameworkId, items: allDone, version: saved.path?.version }),
    );
    const certificate = expectStatus<CertificateView>(await learner.post(url, { frameworkId }), 201);
    expect(certificate).toMatchObject({
      frameworkId,
      moduleId: null,
      // The one module the line was completed through: its estimated time.
      content: {
        kind: "learning_line",
        holder: "Sanne Visser",
        version: null,
        title: view.framework?.name,
        minutes: 25,
      },
    });
    expect(certificate.content.competences.map((c) => c.key)).toEqual(items.map((i) => i.competence));
    const feedback = certificate.content.competences.find((c) => c.key === "feedback");
    expect(feedback?.module).toBe("Kort: feedback in één les");
    expect(expectStatus<CertificateView>(await learner.post(url, { frameworkId })).id).toBe(certificate.id);
    expect((await verify(certificate.contentSha256)).certificate?.kind).toBe("learning_line");
  });

  it("is only for werkbegeleiders with a path on the framework", async () => {
    const admin = await signIn(t, "joost.smit@delinde.example", "linde");
    expect([403, 404]).toContain((await admin.post("/api/v1/learning-path/certificate", { frameworkId })).statusCode);
  });
});
