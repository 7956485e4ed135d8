import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameworkVersions } from "../../src/db/schema.js";
import type { FrameworkDetail } from "../../src/domain/competences/api.js";
import type { ConsensusView } from "../../src/domain/competences/consensus-api.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { demoFramework } from "../support/scans.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the demo's consensus round", () => {
  it("has version 2 of the network's framework in voting: De Linde approved, Rivierenland commented, De Wilgen still to vote", async () => {
    const { framework } = await demoFramework(t);
    const [draft] = await t.database.db
      .select()
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, framework.id), eq(frameworkVersions.number, 2)));
    expect(draft?.status).toBe("voting");
    expect(draft?.changeNote).toContain("Feedback gaat twee kanten op");

    const ingrid = await signIn(t, "ingrid.bos@dewilgen.example", "wilgen");
    const round = expectStatus<ConsensusView>(
      await ingrid.get(`/api/v1/frameworks/${framework.id}/versions/${draft?.id}/consensus`),
    );
    expect(round.state).toBe("open");
    const status = Object.fromEntries(round.members.map((m) => [m.name, m.status]));
    expect(status).toEqual({
      "Zorggroep De Linde": "approved",
      "Onderwijsstichting Rivierenland": "waiting",
      "Zorggroep De Wilgen": "waiting",
    });
    expect(round.comments).toEqual([
      expect.objectContaining({ itemKey: "feedback_vragen", organisationName: "Onderwijsstichting Rivierenland" }),
    ]);
    // De Wilgen's praktijkopleider may still vote; the framework shows the round to every member.
    expect(round.policies.vote).toBe(true);
    const detail = expectStatus<FrameworkDetail>(await ingrid.get(`/api/v1/frameworks/${framework.id}`));
    expect(detail.framework.open?.status).toBe("voting");
    expect(detail.effective?.number).toBe(1);
  });
});
