import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, learningPaths } from "../../src/db/schema.js";
import type { LearningPathView } from "../../src/domain/competences/path-api.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { databaseFingerprint } from "../support/fixtures.js";
import { createFinishedScan, demoFramework, setTeamLeader, withoutDemoScans } from "../support/scans.js";

const SANNE = "sanne.visser@netwerk.example";
const MONTH = 30 * 86_400_000;

let t: TestApp;
let sanne: TestClient;
let frameworkId: string;
beforeAll(async () => {
  t = await createTestApp();
  // These tests follow Sanne from her first scan: without the demo's scans and path.
  await withoutDemoScans(t, SANNE);
  sanne = await signIn(t, SANNE, "linde");
  frameworkId = (await demoFramework(t)).framework.id;
});
afterAll(() => t.close());

/** Self-ratings per behaviour of the demo framework: a competence's behaviours all alike, or one by one. */
function ratings(levels: Record<string, number | Record<string, number>>) {
  const behaviours: Record<string, string[]> = {
    relatie: ["welkom", "afspraken", "vragen", "signaleren"],
    theorie_praktijk: ["kent_opdrachten", "koppelt", "hardop", "stapsgewijs"],
    feedback: ["gedrag", "direct", "eerst_student", "vervolg"],
    beoordelen: ["voorbeelden", "criteria", "op_tijd", "zorgen"],
    samenwerken: ["driegesprek", "beeld", "overdracht", "team_feedback"],
    voorbeeldrol: ["werkwijze", "grenzen", "vraagt_feedback", "intervisie"],
  };
  return Object.fromEntries(
    Object.entries(behaviours).flatMap(([competence, keys]) => {
      const level = levels[competence] ?? 3;
      return keys.map((key) => [key, typeof level === "number" ? level : (level[key] ?? 3)]);
    }),
  );
}

/** Four months ago: gaps in feedback (largest), theorie_praktijk and beoordelen, a little in voorbeeldrol. */
const FIRST = ratings({
  theorie_praktijk: 2,
  feedback: { gedrag: 1, direct: 2, eerst_student: 1, vervolg: 2 },
  beoordelen: 2,
  voorbeeldrol: { werkwijze: 2, grenzen: 3, vraagt_feedback: 2, intervisie: 3 },
});
/** Now: feedback reached, samenwerken fell behind. */
const SECOND = ratings({
  theorie_praktijk: 2,
  beoordelen: 2,
  samenwerken: 2,
  voorbeeldrol: { werkwijze: 2, grenzen: 3, vraagt_feedback: 2, intervisie: 3 },
});

const read = async (client: TestClient = sanne, query = "") =>
  expectStatus<LearningPathView>(await client.get(`/api/v1/learning-path${query}`));
const pathRows = () => t.database.db.select().from(learningPaths);
const auditOf = (type: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organisationId, t.orgs.linde), eq(auditEvents.type, type)));
const inputOf = (view: LearningPathView) =>
  (view.path?.items ?? []).map((i) => ({ competence: i.competence, status: i.status, note: i.note }));

let firstScanId = "";
let secondScanId = "";

describe("the werkbegeleider's learning path", () => {
  it("is empty without a finished scan, and closed to everyone but werkbegeleiders", async () => {
    const view = await read();
    expect(view).toMatchObject({ framework: null, path: null, proposal: null, progress: [] });
    for (const email of [
      "joost.smit@delinde.example",
      "beheer@delinde.example",
      "fatima.yilmaz@delinde.example",
      "daan.bakker@delinde.example",
      "eva.mulder@delinde.example",
    ]) {
      const other = await signIn(t, email, "linde");
      expectStatus(await other.get("/api/v1/learning-path"), 403);
      expectStatus(await other.post("/api/v1/learning-path", { frameworkId, scanId: frameworkId }), 403);
    }
  });

  it("shows the first path a finished scan proposes, without storing it (a GET never writes)", async () => {
    firstScanId = (
      await createFinishedScan(t, { email: SANNE, self: FIRST, finishedAt: new Date(Date.now() - 4 * MONTH) })
    ).id;
    const before = await databaseFingerprint(t);
    const view = await read();
    expect(await databaseFingerprint(t)).toEqual(before);
    expect(await pathRows()).toEqual([]);
    expect(view.framework?.id).toBe(frameworkId);
    expect(view.path).toMatchObject({ id: null, version: null, scan: { id: firstScanId, variant: "mbo3" } });
    expect(view.path?.items.map((i) => [i.competence, i.status, i.gap])).toEqual([
      ["feedback", "suggested", 1.5],
      ["theorie_praktijk", "suggested", 1],
      ["beoordelen", "suggested", 1],
      ["voorbeeldrol", "suggested", 0.5],
    ]);
    const feedback = view.path?.items[0];
    expect(feedback?.name.nl).toBe("Feedback geven");
    expect(feedback).toMatchObject({ level: 1.5, target: 3, module: null, own: false, closed: false, note: null });
    expect(feedback?.behaviours.map((b) => b.key)).toEqual(["gedrag", "eerst_student", "direct"]);
    expect(feedback?.behaviours[0]?.text.nl).toBeTruthy();
    expect(view.path?.suggestedOrder).toEqual(["feedback", "theorie_praktijk", "beoordelen", "voorbeeldrol"]);
    expect(view.competences).toHaveLength(6);
    expect(view.scale.map((l) => l.value)).toEqual([1, 2, 3, 4]);
    expect(view.proposal).toBeNull();
  });

  it("makes the path from the scan once; another scan, someone else's or none is refused at the field", async () => {
    const stranger = await createFinishedScan(t, { email: "joost.smit@delinde.example", self: 1 });
    for (const scanId of [stranger.id, frameworkId, "00000000-0000-4000-8000-000000000000"]) {
      const refused = expectStatus(await sanne.post("/api/v1/learning-path", { frameworkId, scanId }), 422);
      expect(refused.errors.scanId).toBeTruthy();
    }
    expect(await pathRows()).toEqual([]);
    const made = expectStatus<LearningPathView>(
      await sanne.post("/api/v1/learning-path", { frameworkId, scanId: firstScanId }),
      201,
    );
    expect(made.path?.id).toBeTruthy();
    expect(made.path?.version).toBe(1);
    expect(made.path?.items.map((i) => i.competence)).toEqual([
      "feedback",
      "theorie_praktijk",
      "beoordelen",
      "voorbeeldrol",
    ]);
    const [audit] = await auditOf("learningPath.created");
    expect(audit?.after).toEqual({ competences: ["feedback", "theorie_praktijk", "beoordelen", "voorbeeldrol"] });
    const again = expectStatus(await sanne.post("/api/v1/learning-path", { frameworkId, scanId: firstScanId }), 409);
    expect(again.current.path.id).toBe(made.path?.id);
    expect(await pathRows()).toHaveLength(1);
  });

  it("keeps every change of its owner: order, postponed, done, a note, an added competence", async () => {
    const view = await read();
    const [feedback, theorie, beoordelen, voorbeeldrol] = inputOf(view);
    const items = [
      { ...beoordelen, status: "chosen" },
      { ...feedback, status: "done" },
      { ...theorie, status: "postponed", note: "  Na de zomer, met Joost  " },
      voorbeeldrol,
      { competence: "relatie", status: "suggested", note: null },
    ];
    const saved = expectStatus<LearningPathView>(
      await sanne.put("/api/v1/learning-path", { frameworkId, items, version: 1 }),
    );
    expect(saved.path?.version).toBe(2);
    expect(saved.path?.items.map((i) => [i.competence, i.status, i.own, i.note])).toEqual([
      ["beoordelen", "chosen", false, null],
      ["feedback", "done", false, null],
      ["theorie_praktijk", "postponed", false, "Na de zomer, met Joost"],
      ["voorbeeldrol", "suggested", false, null],
      // Added by the owner: chosen, with the behaviours the scan rates lowest.
      ["relatie", "chosen", true, null],
    ]);
    expect(saved.path?.items[4]?.behaviours).toHaveLength(3);
    expect(saved.progress.find((p) => p.competence === "feedback")).toMatchObject({ done: true, first: 1.5 });
    expect(await read()).toEqual(saved);
    const [audit] = await auditOf("learningPath.updated");
    expect(audit?.after).toEqual({
      version: 2,
      added: ["relatie"],
      removed: [],
      moved: ["beoordelen", "feedback", "theorie_praktijk"],
      statusChanged: ["beoordelen", "feedback", "theorie_praktijk"],
      noteChanged: ["theorie_praktijk"],
    });
    expect(JSON.stringify(audit)).not.toContain("Joost");
  });

  it("refuses a stale version with the current path, and bad items at their field; nothing is stored", async () => {
    const view = await read();
    const items = inputOf(view);
    const stale = expectStatus(await sanne.put("/api/v1/learning-path", { frameworkId, items, version: 1 }), 409);
    expect(stale.current.path.version).toBe(2);
    const cases: Array<[unknown[], string]> = [
      [[...items, { competence: "vliegen", status: "chosen" }], "items.5.competence"],
      [[...items, { ...items[0] }], "items.5.competence"],
      [items.slice(1), "items"],
      [[{ ...items[0], status: "klaar" }, ...items.slice(1)], "items.0.status"],
      [[{ ...items[0], note: "x".repeat(2001) }, ...items.slice(1)], "items.0.note"],
    ];
    for (const [bad, field] of cases) {
      const refused = expectStatus(
        await sanne.put("/api/v1/learning-path", { frameworkId, items: bad, version: 2 }),
        422,
      );
      expect(Object.keys(refused.errors), field).toContain(field);
    }
    expect(await read()).toEqual(view);
    // A competence the owner added may go again.
    const fewer = expectStatus<LearningPathView>(
      await sanne.put("/api/v1/learning-path", {
        frameworkId,
        items: items.filter((i) => i.competence !== "relatie"),
        version: 2,
      }),
    );
    expect(fewer.path?.items.map((i) => i.competence)).not.toContain("relatie");
    // No path on another framework: nothing to change.
    expectStatus(await sanne.put("/api/v1/learning-path", { frameworkId: t.orgs.linde, items, version: 3 }), 404);
  });

  it("shows what a newer scan proposes, applies it only when accepted, and throws away nothing the owner did", async () => {
    secondScanId = (await createFinishedScan(t, { email: SANNE, self: SECOND })).id;
    const before = await databaseFingerprint(t);
    const view = await read();
    expect(await databaseFingerprint(t)).toEqual(before);
    expect(view.path?.scan.id).toBe(firstScanId);
    expect(view.proposal).toMatchObject({
      scan: { id: secondScanId },
      added: ["samenwerken"],
      closed: [],
      reordered: [],
    });
    expect(view.proposal?.items.map((i) => [i.competence, i.status, i.closed])).toEqual([
      ["beoordelen", "chosen", false],
      ["feedback", "done", false],
      ["theorie_praktijk", "postponed", false],
      // Samenwerken has the larger gap now: suggested items follow the new scan's order.
      ["samenwerken", "suggested", false],
      ["voorbeeldrol", "suggested", false],
    ]);
    // Progress per competence: the first scan against the latest.
    expect(view.progress.find((p) => p.competence === "feedback")).toMatchObject({
      first: 1.5,
      latest: 3,
      change: 1.5,
      target: 3,
      scans: 2,
      done: true,
    });

    const version = view.path?.version as number;
    expectStatus(
      await sanne.post("/api/v1/learning-path/accept-proposal", { frameworkId, scanId: secondScanId, version: 1 }),
      409,
    );
    const older = expectStatus(
      await sanne.post("/api/v1/learning-path/accept-proposal", { frameworkId, scanId: firstScanId, version }),
      422,
    );
    expect(older.errors.scanId).toBeTruthy();
    const accepted = expectStatus<LearningPathView>(
      await sanne.post("/api/v1/learning-path/accept-proposal", { frameworkId, scanId: secondScanId, version }),
    );
    expect(accepted.path?.scan.id).toBe(secondScanId);
    expect(accepted.path?.items.map((i) => [i.competence, i.status, i.note])).toEqual([
      ["beoordelen", "chosen", null],
      ["feedback", "done", null],
      ["theorie_praktijk", "postponed", "Na de zomer, met Joost"],
      ["samenwerken", "suggested", null],
      ["voorbeeldrol", "suggested", null],
    ]);
    expect(accepted.proposal).toBeNull();
    const [audit] = await auditOf("learningPath.proposalAccepted");
    expect(audit?.after).toMatchObject({ added: ["samenwerken"], closed: [] });
  });

  it("marks an item a later scan closes, and keeps it", async () => {
    const view = await read();
    // Beoordelen and voorbeeldrol reached; the suggested voorbeeldrol closes, the chosen beoordelen stays as chosen.
    const third = await createFinishedScan(t, { email: SANNE, self: ratings({ theorie_praktijk: 2, samenwerken: 2 }) });
    const proposal = (await read()).proposal;
    expect(proposal?.closed).toEqual(["voorbeeldrol"]);
    expect(proposal?.items.find((i) => i.competence === "voorbeeldrol")).toMatchObject({ closed: true });
    const accepted = expectStatus<LearningPathView>(
      await sanne.post("/api/v1/learning-path/accept-proposal", {
        frameworkId,
        scanId: third.id,
        version: view.path?.version,
      }),
    );
    expect(accepted.path?.items.map((i) => [i.competence, i.closed])).toContainEqual(["voorbeeldrol", true]);
    expect(accepted.path?.items.map((i) => i.competence)).toContain("beoordelen");
  });

  it("is not read by the praktijkopleider or the team leader: the path is its owner's", async () => {
    await setTeamLeader(t, SANNE, "fatima.yilmaz@delinde.example");
    for (const email of ["joost.smit@delinde.example", "fatima.yilmaz@delinde.example"]) {
      const other = await signIn(t, email, "linde");
      expectStatus(await other.get(`/api/v1/learning-path?framework=${frameworkId}`), 403);
      expectStatus(await other.put("/api/v1/learning-path", { frameworkId, items: [], version: 1 }), 403);
      expectStatus(
        await other.post("/api/v1/learning-path/accept-proposal", { frameworkId, scanId: secondScanId, version: 1 }),
        403,
      );
    }
  });

  it("stays in its organisation: in another organisation of the network the same person has none of it", async () => {
    const elsewhere = await signIn(t, SANNE, "rivier");
    const before = await databaseFingerprint(t);
    for (const query of ["", `?framework=${frameworkId}`]) {
      const view = await read(elsewhere, query);
      expect(view.path).toBeNull();
      expect(JSON.stringify(view)).not.toContain(firstScanId);
    }
    const current = await read(sanne);
    expectStatus(
      await elsewhere.put("/api/v1/learning-path", {
        frameworkId,
        items: inputOf(current),
        version: current.path?.version,
      }),
      404,
    );
    const stolen = expectStatus(
      await elsewhere.post("/api/v1/learning-path", { frameworkId, scanId: secondScanId }),
      422,
    );
    expect(stolen.errors.scanId).toBeTruthy();
    expectStatus(
      await elsewhere.post("/api/v1/learning-path/accept-proposal", {
        frameworkId,
        scanId: secondScanId,
        version: current.path?.version,
      }),
      404,
    );
    expect(await databaseFingerprint(t)).toEqual(before);
    // A framework the organisation cannot read has no path.
    expect((await read(sanne, `?framework=${t.orgs.linde}`)).path).toBeNull();
  });
});
