import { and, eq, gte, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, frameworkVersions } from "../../src/db/schema.js";
import type {
  FrameworkDetail,
  FrameworkList,
  VersionComparisonView,
  VersionView,
} from "../../src/domain/competences/api.js";
import { competencesFromCsv } from "../../src/domain/competences/csv.js";
import { DEMO_FRAMEWORK } from "../../src/domain/competences/demo-framework.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { demoFramework, withoutDemoRound } from "../support/scans.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // These follow a version from its draft: the demo's round in progress is taken away first.
  await withoutDemoRound(t);
});
afterAll(() => t.close());

const COORDINATOR = "sanne.visser@netwerk.example";

/** Another test's open version set aside: one open version at a time. */
async function withoutOpenVersion(t: TestApp, frameworkId: string) {
  await t.database.db
    .delete(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), ne(frameworkVersions.status, "published")));
}

describe("the network's frameworks", () => {
  it("are listed for every member by the name of the published version, drafts hidden from non-editors", async () => {
    for (const [email, org] of [
      ["joost.smit@delinde.example", "linde"],
      ["ingrid.bos@dewilgen.example", "wilgen"],
      ["beheer@rivierenland.example", "rivier"],
    ] as const) {
      const list = expectStatus<FrameworkList>(await (await signIn(t, email, org)).get("/api/v1/frameworks"));
      expect(list.frameworks).toHaveLength(1);
      expect(list.frameworks[0]).toMatchObject({
        name: { nl: "Vakbekwaam werkbegeleiden" },
        owner: "network",
        published: { number: 1, status: "published" },
        open: null,
      });
    }
  });

  it("show each member the framework with its own extensions only", async () => {
    const { framework } = await demoFramework(t);
    const skillsOf = (detail: FrameworkDetail) =>
      detail.effective?.document.competences.find((c) => c.key === "voorbeeldrol")?.skills.map((s) => s.key);
    const linde = expectStatus<FrameworkDetail>(
      await (await signIn(t, "joost.smit@delinde.example")).get(`/api/v1/frameworks/${framework.id}`),
    );
    const wilgen = expectStatus<FrameworkDetail>(
      await (await signIn(t, "ingrid.bos@dewilgen.example", "wilgen")).get(`/api/v1/frameworks/${framework.id}`),
    );
    expect(skillsOf(linde)).toContain("kernwaarden_linde");
    expect(skillsOf(wilgen)).not.toContain("kernwaarden_linde");
    expect(linde.policies).toEqual({ draft: false, extend: true });
    expect(wilgen.effective?.extensions).toEqual([]);
  });

  it("are drafted by a coordinator only, one open version at a time, hidden from others while a draft", async () => {
    const { framework } = await demoFramework(t);
    // The demo's own history of the framework (its round in progress, taken away) is not this test's.
    const since = new Date();
    const praktijkopleider = await signIn(t, "joost.smit@delinde.example");
    expectStatus(await praktijkopleider.post(`/api/v1/frameworks/${framework.id}/versions`, {}), 403);

    const coordinator = await signIn(t, COORDINATOR);
    const draft = expectStatus<VersionView>(
      await coordinator.post(`/api/v1/frameworks/${framework.id}/versions`, {}),
      201,
    );
    expect(draft).toMatchObject({ number: 2, status: "draft", round: 0, hash: null, policies: { edit: true } });
    expect(draft.document).toEqual(DEMO_FRAMEWORK);
    expect(expectStatus(await coordinator.post(`/api/v1/frameworks/${framework.id}/versions`, {}), 409)).toMatchObject({
      code: "framework.draftOpen",
    });

    const url = `/api/v1/frameworks/${framework.id}/versions/${draft.id}`;
    expectStatus(await praktijkopleider.get(url), 404);
    const detail = expectStatus<FrameworkDetail>(await praktijkopleider.get(`/api/v1/frameworks/${framework.id}`));
    expect(detail.versions.map((v) => v.number)).toEqual([1]);

    // Saving: a document that breaks the framework's rules is refused at the field, nothing stored.
    const broken = structuredClone(DEMO_FRAMEWORK);
    const second = broken.competences[1];
    if (second) second.key = broken.competences[0]?.key ?? "";
    const refused = expectStatus(await coordinator.put(url, { document: broken, version: draft.version }), 422);
    expect(Object.keys(refused.errors)).toContain("document.competences.1.key");

    const renamed = structuredClone(DEMO_FRAMEWORK);
    if (renamed.competences[0])
      renamed.competences[0].name = { nl: "Begeleidingsrelatie", en: "Guidance relationship" };
    const saved = expectStatus<VersionView>(
      await coordinator.put(url, { document: renamed, changeNote: "Kortere naam", version: draft.version }),
    );
    expect(saved).toMatchObject({ round: 0, changeNote: "Kortere naam", version: draft.version + 1 });
    expect(saved.document.competences[0]?.name.nl).toBe("Begeleidingsrelatie");

    const stale = expectStatus(await coordinator.put(url, { document: DEMO_FRAMEWORK, version: draft.version }), 409);
    expect(stale.current.document.competences[0].name.nl).toBe("Begeleidingsrelatie");

    // A change while members vote starts the next round.
    await t.database.db
      .update(frameworkVersions)
      .set({ status: "voting", round: 1 })
      .where(eq(frameworkVersions.id, draft.id));
    const changed = expectStatus<VersionView>(
      await coordinator.put(url, { document: DEMO_FRAMEWORK, version: saved.version }),
    );
    expect(changed.round).toBe(2);

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, framework.id), gte(auditEvents.createdAt, since)));
    expect(audit.map((a) => a.type)).toEqual([
      "framework.draftStarted",
      "framework.versionSaved",
      "framework.versionSaved",
    ]);
    expect(audit[1]?.after).toMatchObject({ changed: [DEMO_FRAMEWORK.competences[0]?.key] });
  });

  it("never change once published", async () => {
    const { framework, version } = await demoFramework(t);
    const coordinator = await signIn(t, COORDINATOR);
    const url = `/api/v1/frameworks/${framework.id}/versions/${version.id}`;
    const published = expectStatus<VersionView>(await coordinator.get(url));
    expect(published.policies.edit).toBe(false);
    expect(
      expectStatus(await coordinator.put(url, { document: DEMO_FRAMEWORK, version: published.version }), 409),
    ).toMatchObject({ code: "framework.notEditable" });
  });

  it("answer a version under another framework's address with 404", async () => {
    const { version } = await demoFramework(t);
    const admin = await signIn(t, "beheer@delinde.example");
    const own = expectStatus<FrameworkList>(await admin.get("/api/v1/frameworks"));
    const other = own.frameworks.find((f) => f.owner === "organisation");
    if (other) expectStatus(await admin.get(`/api/v1/frameworks/${other.id}/versions/${version.id}`), 404);
  });

  it("export a version as JSON and CSV that read back to the same document, a draft only to its editors", async () => {
    const { framework, version } = await demoFramework(t);
    await withoutOpenVersion(t, framework.id);
    const member = await signIn(t, "ingrid.bos@dewilgen.example", "wilgen");
    const base = `/api/v1/frameworks/${framework.id}/versions/${version.id}`;

    const json = await member.get(`${base}/export.json`);
    expect(json.statusCode).toBe(200);
    expect(String(json.headers?.["content-type"])).toContain("application/json");
    expect(String(json.headers?.["content-disposition"])).toMatch(/^attachment; filename="[\w.-]+-kader\.json"$/);
    expect(JSON.parse(json.body)).toEqual(DEMO_FRAMEWORK);

    const csv = await member.get(`${base}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(String(csv.headers?.["content-type"])).toContain("text/csv");
    expect(String(csv.headers?.["content-disposition"])).toMatch(/-kader\.csv"$/);
    expect(competencesFromCsv(csv.body)).toEqual({ ok: true, competences: DEMO_FRAMEWORK.competences });

    // A draft: its editors export it; to anyone else it is not there.
    const coordinator = await signIn(t, COORDINATOR);
    const draft = expectStatus<VersionView>(
      await coordinator.post(`/api/v1/frameworks/${framework.id}/versions`, {}),
      201,
    );
    const draftUrl = `/api/v1/frameworks/${framework.id}/versions/${draft.id}`;
    expect((await coordinator.get(`${draftUrl}/export.json`)).statusCode).toBe(200);
    for (const format of ["json", "csv"]) expectStatus(await member.get(`${draftUrl}/export.${format}`), 404);
    await withoutOpenVersion(t, framework.id);
  });

  it("compare two versions: added, changed and retired items, with both documents", async () => {
    const { framework, version } = await demoFramework(t);
    await withoutOpenVersion(t, framework.id);
    const coordinator = await signIn(t, COORDINATOR);
    const draft = expectStatus<VersionView>(
      await coordinator.post(`/api/v1/frameworks/${framework.id}/versions`, {}),
      201,
    );
    const next = structuredClone(DEMO_FRAMEWORK);
    const [first, second] = next.competences;
    if (!first || !second) throw new Error("the demo framework has competences");
    first.name = { nl: "Begeleidingsrelatie", en: "Guidance relationship" };
    second.retired = true;
    first.skills[0]?.behaviours.push({
      key: "nieuw_gedrag",
      text: { nl: "Vraagt door", en: "Asks further" },
      retired: false,
    });
    const url = `/api/v1/frameworks/${framework.id}/versions/${draft.id}`;
    expectStatus(await coordinator.put(url, { document: next, version: draft.version }));

    const compared = expectStatus<VersionComparisonView>(
      await coordinator.get(`/api/v1/frameworks/${framework.id}/compare?from=${version.id}&to=${draft.id}`),
    );
    expect(compared.from).toMatchObject({ id: version.id, number: 1, status: "published" });
    expect(compared.to).toMatchObject({ id: draft.id, number: 2, status: "draft" });
    expect(compared.to.document.competences[0]?.name.nl).toBe("Begeleidingsrelatie");
    expect(compared.changes.added).toEqual([{ level: "behaviour", key: "nieuw_gedrag" }]);
    expect(compared.changes.changed).toContainEqual({ level: "competence", key: first.key, fields: ["name"] });
    expect(compared.changes.retired).toContainEqual({ level: "competence", key: second.key });

    // The draft is not there for a member who may not edit it; a bad query is refused.
    const member = await signIn(t, "joost.smit@delinde.example");
    expectStatus(await member.get(`/api/v1/frameworks/${framework.id}/compare?from=${version.id}&to=${draft.id}`), 404);
    expect(
      expectStatus(await member.get(`/api/v1/frameworks/${framework.id}/compare?from=${version.id}&to=nope`), 422)
        .errors,
    ).toHaveProperty("to");
    await withoutOpenVersion(t, framework.id);
  });
});

describe("a new framework", () => {
  it("is begun by a praktijkopleider for her organisation, from an outline or from a published version", async () => {
    const joost = await signIn(t, "joost.smit@delinde.example");
    const made = expectStatus<FrameworkDetail>(
      await joost.post("/api/v1/frameworks", { name: { nl: "Leren op de werkvloer", en: "Learning at work" } }),
      201,
    );
    expect(made.framework).toMatchObject({
      owner: "organisation",
      published: null,
      name: { nl: "Leren op de werkvloer" },
    });
    expect(made.versions.map((v) => [v.number, v.status])).toEqual([[1, "draft"]]);
    expect(made.policies.draft).toBe(true);
    const draft = expectStatus<VersionView>(
      await joost.get(`/api/v1/frameworks/${made.framework.id}/versions/${made.versions[0]?.id}`),
    );
    expect(draft.document.competences).toHaveLength(1);

    const { version } = await demoFramework(t);
    const copied = expectStatus<FrameworkDetail>(
      await joost.post("/api/v1/frameworks", {
        name: { nl: "Leren op de werkvloer", en: "Learning at work (copy)" },
        from: version.id,
      }),
      201,
    );
    expect(copied.framework.key).not.toBe(made.framework.key);
    const copy = expectStatus<VersionView>(
      await joost.get(`/api/v1/frameworks/${copied.framework.id}/versions/${copied.versions[0]?.id}`),
    );
    expect(copy.document.competences).toEqual(version.document.competences);
    expect(copy.document.name.en).toBe("Learning at work (copy)");

    // Another member of the network sees none of it.
    const ingrid = await signIn(t, "ingrid.bos@dewilgen.example", "wilgen");
    const theirs = expectStatus<FrameworkList>(await ingrid.get("/api/v1/frameworks"));
    expect(theirs.frameworks.map((f) => f.id)).not.toContain(made.framework.id);
  });

  it("of the network is begun by its coordinator only; bad input is refused at the field", async () => {
    const sanne = await signIn(t, COORDINATOR);
    const made = expectStatus<FrameworkDetail>(
      await sanne.post("/api/v1/frameworks", { name: { nl: "Trainers", en: "Trainers" }, owner: "network" }),
      201,
    );
    expect(made.framework.owner).toBe("network");
    expectStatus(await sanne.post("/api/v1/frameworks", { name: { nl: "Eigen", en: "Own" } }), 403);
    const joost = await signIn(t, "joost.smit@delinde.example");
    expectStatus(await joost.post("/api/v1/frameworks", { name: { nl: "Net", en: "Net" }, owner: "network" }), 403);
    const eva = await signIn(t, "eva.mulder@delinde.example");
    expectStatus(await eva.post("/api/v1/frameworks", { name: { nl: "Eva", en: "Eva" } }), 403);

    const empty = expectStatus(await joost.post("/api/v1/frameworks", { name: { nl: " ", en: "x" } }), 422);
    expect(Object.keys(empty.errors)).toEqual(["name.nl"]);
    const unknown = expectStatus(
      await joost.post("/api/v1/frameworks", { name: { nl: "x", en: "x" }, from: made.versions[0]?.id }),
      422,
    );
    expect(Object.keys(unknown.errors)).toEqual(["from"]);
  });
});
