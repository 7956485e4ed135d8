import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanComparison, ScanOverview, ScanResults } from "../../src/domain/competences/scan-api.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { createPerson, expectStatus, signIn } from "../support/factories.js";
import { createFinishedScan, setTeamLeader, withoutDemoScans } from "../support/scans.js";

let t: TestApp;
let sanne: TestClient;
let earlier: string;
let later: string;
const SANNE = "sanne.visser@netwerk.example";

beforeAll(async () => {
  t = await createTestApp();
  await withoutDemoScans(t, SANNE);
  // Earlier: one colleague and one student answered, too few of either kind to be shown apart.
  earlier = (
    await createFinishedScan(t, {
      email: SANNE,
      self: 2,
      friends: [
        { kind: "colleague", rating: 3, email: "joost.smit@delinde.example" },
        { kind: "student", rating: 4 },
      ],
      finishedAt: new Date("2026-03-01T10:00:00Z"),
    })
  ).id;
  // Later: two colleagues answered, so colleagues are shown as a group.
  later = (
    await createFinishedScan(t, {
      email: SANNE,
      self: 3,
      friends: [
        { kind: "colleague", rating: 3 },
        { kind: "colleague", rating: 4 },
      ],
      finishedAt: new Date("2026-10-01T10:00:00Z"),
    })
  ).id;
  sanne = await signIn(t, SANNE, "linde");
});
afterAll(() => t.close());

describe("a finished scan's result", () => {
  it("shows self, friends and target per competence, with gaps and strengths, to its owner", async () => {
    const result = expectStatus<ScanResults>(await sanne.get(`/api/v1/scans/${later}/results`));
    expect(result.ownerName).toBe("Sanne Visser");
    expect(result.friendsAnswered).toBe(2);
    expect(result.competences.length).toBeGreaterThanOrEqual(5);
    for (const competence of result.competences) {
      expect(competence.self).toBe(3);
      expect(competence.others).toBe(3.5);
      expect(competence.groups).toEqual([{ group: "colleague", raters: 2, mean: 3.5 }]);
      expect(competence.gap).toBe(Math.max(0, competence.target - (competence.level ?? 0)));
    }
    const keys = result.competences.map((c) => c.key);
    for (const key of [...result.highlights.gaps, ...result.highlights.strengths]) expect(keys).toContain(key);
    expect(result.scale.map((l) => l.value)).toEqual([1, 2, 3, 4]);
  });

  it("never shows a lone friend of a kind: one colleague and one student are 'others'", async () => {
    const result = expectStatus<ScanResults>(await sanne.get(`/api/v1/scans/${earlier}/results`));
    for (const competence of result.competences)
      expect(competence.groups).toEqual([{ group: "others", raters: 2, mean: 3.5 }]);
    const body = JSON.stringify(result);
    expect(body).not.toContain("Joost");
    expect(body).not.toContain("Vriend");
  });

  it("is read by the praktijkopleider and by the owner's team leader, and by no one else", async () => {
    const joost = await signIn(t, "joost.smit@delinde.example", "linde");
    expect(expectStatus<ScanResults>(await joost.get(`/api/v1/scans/${later}/results`)).id).toBe(later);

    await setTeamLeader(t, SANNE, "fatima.yilmaz@delinde.example");
    const fatima = await signIn(t, "fatima.yilmaz@delinde.example", "linde");
    expect(expectStatus<ScanResults>(await fatima.get(`/api/v1/scans/${later}/results`)).id).toBe(later);

    const otherLeader = await createPerson(t, { name: "Karin de Wit", roles: ["client"] });
    const karin = await signIn(t, otherLeader.email, "linde");
    expectStatus(await karin.get(`/api/v1/scans/${later}/results`), 404);
    const eva = await signIn(t, "eva.mulder@delinde.example", "linde");
    expectStatus(await eva.get(`/api/v1/scans/${later}/results`), 404);
    // Another organisation's praktijkopleider, inside the network, reads nothing of it.
    const ingrid = await signIn(t, "ingrid.bos@dewilgen.example", "wilgen");
    expectStatus(await ingrid.get(`/api/v1/scans/${later}/results`), 404);
  });

  it("is not there while the scan is open: 409 with the reason", async () => {
    const list = expectStatus<{ startable: Array<{ frameworkId: string }> }>(await sanne.get("/api/v1/scans"));
    const frameworkId = list.startable[0]?.frameworkId;
    const open = expectStatus<{ id: string }>(await sanne.post("/api/v1/scans", { frameworkId, variant: "mbo3" }), 201);
    const response = await sanne.get(`/api/v1/scans/${open.id}/results`);
    expect(response.statusCode).toBe(409);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().title).toContain("nog niet afgerond");
  });
});

describe("two scans compared", () => {
  it("gives the growth per competence from the earlier scan to the later one", async () => {
    const comparison = expectStatus<ScanComparison>(
      await sanne.get(`/api/v1/scans/compare?from=${earlier}&to=${later}`),
    );
    expect(comparison.from.id).toBe(earlier);
    expect(comparison.to.id).toBe(later);
    for (const competence of comparison.competences) {
      expect(competence.in).toBe("both");
      // Earlier: self 2, others 3.5 → 2.75, counted as 2.8; later: self 3, others 3.5 → 3.25, counted
      // as 3.3 (equal weights in the demo; levels count to one decimal).
      expect(competence.before).toBe(2.8);
      expect(competence.after).toBe(3.3);
      expect(competence.change).toBeCloseTo(0.5);
    }
  });

  it("refuses the same scan twice and scans of two people, at the field", async () => {
    const same = await sanne.get(`/api/v1/scans/compare?from=${later}&to=${later}`);
    expect(same.statusCode).toBe(422);
    expect(same.json().errors?.to ?? "").not.toBe("");

    const evaScan = await createFinishedScan(t, { email: "eva.mulder@delinde.example", self: 2 });
    const joost = await signIn(t, "joost.smit@delinde.example", "linde");
    const twoPeople = await joost.get(`/api/v1/scans/compare?from=${later}&to=${evaScan.id}`);
    expect(twoPeople.statusCode).toBe(422);
    expectStatus(await sanne.get(`/api/v1/scans/compare?from=${earlier}&to=${evaScan.id}`), 404);
    expectStatus(await sanne.get("/api/v1/scans/compare?from=x&to=y"), 422);
  });
});

describe("the overview of scans", () => {
  it("shows the praktijkopleider every werkbegeleider, scanned or not, with the latest result in brief", async () => {
    const joost = await signIn(t, "joost.smit@delinde.example", "linde");
    const overview = expectStatus<ScanOverview>(await joost.get("/api/v1/scan-overview"));
    const row = overview.items.find((i) => i.name === "Sanne Visser");
    expect(row?.finishedScans).toBe(2);
    expect(row?.latest?.scanId).toBe(later);
    // In brief, what the scan's own results say: as many competences, as many below target.
    const results = expectStatus<ScanResults>(await joost.get(`/api/v1/scans/${later}/results`));
    expect(row?.latest).toMatchObject({
      competences: results.competences.length,
      belowTarget: results.competences.filter((c) => c.gap > 0).length,
      frameworkName: results.frameworkName,
      versionNumber: results.versionNumber,
    });
    expect(JSON.stringify(overview)).not.toContain("ratings");
  });

  it("shows a team leader their own team only, and refuses who oversees no one", async () => {
    await setTeamLeader(t, SANNE, "fatima.yilmaz@delinde.example");
    const fatima = await signIn(t, "fatima.yilmaz@delinde.example", "linde");
    const own = expectStatus<ScanOverview>(await fatima.get("/api/v1/scan-overview"));
    expect(own.items.map((i) => i.name)).toContain("Sanne Visser");
    for (const item of own.items) expect(item.name).not.toBe("Eva Mulder");

    const otherLeader = await createPerson(t, { name: "Bram Kok", roles: ["client"] });
    const bram = await signIn(t, otherLeader.email, "linde");
    expect(expectStatus<ScanOverview>(await bram.get("/api/v1/scan-overview")).items).toEqual([]);

    expectStatus(await sanne.get("/api/v1/scan-overview"), 403);
  });
});
