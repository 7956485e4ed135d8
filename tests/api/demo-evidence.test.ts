import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvidenceView } from "../../src/domain/evidence/api.js";
import { seedDemoRegistrationEvidence } from "../../src/server/demo/seed-registration-evidence.js";
import { createTestApp, type TestApp } from "../support/app.js";

/** What `npm start` adds to the demo for registration evidence, checked as Daan Bakker sees it. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoRegistrationEvidence(t.database.db);
});
afterAll(() => t.close());

describe("the registration evidence demo", () => {
  it("gives Daan a ledger with werkbegeleiding and intervisie, a signed start declaration and a group", async () => {
    const daan = await t.login("daan.bakker@delinde.example");
    const evidence = (await daan.get("/api/v1/evidence")).json() as EvidenceView;
    const line = (category: string) => evidence.ledger?.lines.find((l) => l.requirement.category === category);
    expect(evidence.ledger?.profile.key).toBe("skj_master_under_3648");
    expect(line("werkbegeleiding")).toMatchObject({ sessions: 5, minutes: 300, status: "met" });

    const trajectories = (await daan.get("/api/v1/trajectories")).json() as { items: { id: string; title: string }[] };
    const skj = trajectories.items.find((i) => i.title.includes("herregistratie SKJ"));
    expect(skj).toBeDefined();
    const declarations = (await daan.get(`/api/v1/trajectories/${skj?.id}/declarations`)).json() as {
      items: { key: string; status: string }[];
    };
    expect(declarations.items.find((d) => d.key === "start")?.status).toBe("signed");
    expect(declarations.items.find((d) => d.key === "end")?.status).toBe("open");

    const groups = (await daan.get("/api/v1/intervision/groups")).json() as { items: { memberCount: number }[] };
    expect(groups.items).toEqual([expect.objectContaining({ memberCount: 4 })]);
  });

  it("credits the intervisie meetings Daan attended and confirmed to his own ledger", async () => {
    const sanne = await t.login("sanne.visser@netwerk.example");
    await sanne.post("/api/v1/auth/organisation", { organisationId: t.orgs.linde });
    const admin = await t.login("beheer@delinde.example");
    const people = (await admin.get("/api/v1/people?search=Daan")).json() as { items: { id: string }[] };
    const ledger = (await admin.get(`/api/v1/people/${people.items[0]?.id}/evidence`)).json() as EvidenceView;
    const records = ledger.ledger?.lines.flatMap((l) => l.records) ?? [];
    expect(records.filter((r) => r.kind === "intervisionMeeting")).toHaveLength(2);
    expect(records.filter((r) => r.kind === "intervisionMeeting").every((r) => r.minutes === 90)).toBe(true);
  });
});
