import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, scanFriends } from "../../src/db/schema.js";
import type { ScanDetail, ScanList } from "../../src/domain/competences/scan-api.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { userIdOf } from "../support/scans.js";

/** What `npm start` shows of self-scans: Sanne's history at De Linde, as she sees it. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the self-scan demo", () => {
  it("gives Sanne two finished scans about four months apart, the second better, with friends' answers", async () => {
    const sanne = await signIn(t, "sanne.visser@netwerk.example", "linde");
    const list = expectStatus<ScanList>(await sanne.get("/api/v1/scans"));
    expect(list.open).toBeNull();
    expect(list.history).toHaveLength(2);
    const [newer, older] = list.history;
    const days = (Date.parse(newer?.finishedAt ?? "") - Date.parse(older?.finishedAt ?? "")) / 86_400_000;
    expect(days).toBeGreaterThan(100);
    expect(days).toBeLessThan(135);
    for (const summary of list.history) {
      expect(summary).toMatchObject({ status: "finished", friendsAnswered: 5, versionNumber: 1 });
      expect(summary.rated).toBe(summary.total);
    }

    const mean = (scan: ScanDetail) => {
      const values = Object.values(scan.ratings).filter((v): v is number => typeof v === "number");
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    const second = expectStatus<ScanDetail>(await sanne.get(`/api/v1/scans/${newer?.id}`));
    const first = expectStatus<ScanDetail>(await sanne.get(`/api/v1/scans/${older?.id}`));
    expect(mean(second)).toBeGreaterThan(mean(first));
    // De Linde's own core-value behaviours were rated too.
    expect(second.ratings.linde_aandacht).toEqual(expect.any(Number));
    expect(second.friends.filter((f) => f.kind === "colleague")).toHaveLength(2);
    expect(second.friends.map((f) => f.kind).sort()).toEqual(
      ["colleague", "colleague", "praktijkopleider", "student", "team_leader"].sort(),
    );
    const answers = await t.database.db.select().from(scanFriends).where(eq(scanFriends.scanId, second.id));
    expect(answers.every((a) => a.status === "answered" && Object.keys(a.ratings).length > 20)).toBe(true);
  });

  it("makes Fatima Sanne's team leader", async () => {
    const membership = async (email: string) => {
      const [row] = await t.database.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.organisationId, t.orgs.linde), eq(memberships.userId, await userIdOf(t, email))));
      return row;
    };
    const fatima = await membership("fatima.yilmaz@delinde.example");
    expect((await membership("sanne.visser@netwerk.example"))?.managerId).toBe(fatima?.id);
  });
});
