import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { competenceScans, learningPaths } from "../../src/db/schema.js";
import type { LearningPathView } from "../../src/domain/competences/path-api.js";
import { seedDemoPaths } from "../../src/server/demo/seed-paths.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { createFinishedScan, userIdOf } from "../support/scans.js";

const SANNE = "sanne.visser@netwerk.example";

/**
 * What `npm start` adds to the demo for the learning path, as Sanne sees it at De Linde. The
 * demo's scans come from their own seed; where it has not given Sanne two, they are made here
 * first (four months apart) and the path's seed run again, as `seedDemo` runs it after the scans.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const sanne = await userIdOf(t, SANNE);
  const finished = await t.database.db
    .select({ id: competenceScans.id })
    .from(competenceScans)
    .where(
      and(
        eq(competenceScans.organisationId, t.orgs.linde),
        eq(competenceScans.userId, sanne),
        eq(competenceScans.status, "finished"),
      ),
    );
  if (finished.length < 2) {
    expect(await t.database.db.select().from(learningPaths)).toEqual([]);
    await createFinishedScan(t, {
      email: SANNE,
      self: 2,
      friends: [
        { kind: "colleague", rating: 2 },
        { kind: "colleague", rating: 3 },
      ],
      finishedAt: new Date(Date.now() - 120 * 86_400_000),
    });
    await createFinishedScan(t, { email: SANNE, self: 3, friends: [{ kind: "student", rating: 2 }] });
    await seedDemoPaths(t.database.db);
  }
});
afterAll(() => t.close());

describe("the learning path demo", () => {
  it("gives Sanne a path from her first scan with a step done, one postponed and a note, and her newer scan's proposal", async () => {
    const sanne = await signIn(t, SANNE, "linde");
    const view = expectStatus<LearningPathView>(await sanne.get("/api/v1/learning-path"));
    expect(view.path?.id).toBeTruthy();
    const statuses = view.path?.items.map((i) => i.status) ?? [];
    expect(statuses).toContain("done");
    expect(statuses).toContain("postponed");
    expect(view.path?.items.some((i) => i.note)).toBe(true);
    expect(view.proposal).not.toBeNull();
    expect(view.progress.length).toBeGreaterThan(0);
  });

  it("does nothing a second time", async () => {
    const before = await t.database.db.select().from(learningPaths);
    await seedDemoPaths(t.database.db);
    expect(await t.database.db.select().from(learningPaths)).toEqual(before);
  });
});
