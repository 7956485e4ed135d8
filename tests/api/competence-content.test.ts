import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/connection.js";
import { frameworks, frameworkVersions, memberships, organisations, users } from "../../src/db/schema.js";
import { DEMO_EXTENSION, DEMO_FRAMEWORK } from "../../src/domain/competences/demo-framework.js";
import type { Actor } from "../../src/domain/roles.js";
import { effectiveFramework, publishVersion, readableFrameworks } from "../../src/server/competences/versions.js";
import { inTenant } from "../../src/server/tenancy.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { withoutDemoRound } from "../support/scans.js";

/**
 * Network content at the database: members read what the network published, only its
 * coordinators write it, and a published version is frozen whoever asks (decision 0019).
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // These follow a version from its draft: the demo's round in progress is taken away first.
  await withoutDemoRound(t);
});
afterAll(() => t.close());

async function actorOf(email: string, organisationId: string): Promise<Actor> {
  const [row] = await t.database.db
    .select({ userId: users.id, membershipId: memberships.id, roles: memberships.roles })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, email), eq(memberships.organisationId, organisationId)));
  if (!row) throw new Error(`${email} is no member`);
  return { ...row, organisationId };
}

const demoFramework = async () => {
  const [row] = await t.database.db.select().from(frameworks);
  if (!row) throw new Error("no demo framework");
  return row;
};

describe("a network's framework", () => {
  it("is read by every member as the network published it, with only its own extensions", async () => {
    const framework = await demoFramework();
    const linde = await inTenant(t.database.db, await actorOf("joost.smit@delinde.example", t.orgs.linde), (tx, a) =>
      effectiveFramework(tx, a, framework.id),
    );
    const wilgen = await inTenant(t.database.db, await actorOf("ingrid.bos@dewilgen.example", t.orgs.wilgen), (tx, a) =>
      effectiveFramework(tx, a, framework.id),
    );
    expect(linde?.version.number).toBe(1);
    expect(linde?.extensions).toEqual([DEMO_EXTENSION]);
    const skills = (f: typeof DEMO_FRAMEWORK | undefined) =>
      f?.competences.find((c) => c.key === "voorbeeldrol")?.skills.map((s) => s.key);
    expect(skills(linde?.framework)).toContain("kernwaarden_linde");
    expect(wilgen?.extensions).toEqual([]);
    expect(wilgen?.framework).toEqual(DEMO_FRAMEWORK);
    expect(wilgen?.version.hash).toBe(linde?.version.hash);
  });

  it("is nothing to an organisation outside the network", async () => {
    const framework = await demoFramework();
    const actor = await actorOf("beheer@rivierenland.example", t.orgs.rivier);
    await t.database.db.update(organisations).set({ networkId: null }).where(eq(organisations.id, t.orgs.rivier));
    try {
      const seen = await inTenant(t.database.db, actor, async (tx, a) => ({
        frameworks: await readableFrameworks(tx, a),
        effective: await effectiveFramework(tx, a, framework.id),
        // Row-level security alone, without the service's scoping:
        rows: await queryRows<{ id: string }>(tx, sql`select id from framework_versions`),
      }));
      expect(seen).toEqual({ frameworks: [], effective: null, rows: [] });
    } finally {
      await t.database.db
        .update(organisations)
        .set({ networkId: framework.ownerNetworkId })
        .where(eq(organisations.id, t.orgs.rivier));
    }
  });

  it("is written only by the network's coordinators", async () => {
    const framework = await demoFramework();
    const draft = {
      frameworkId: framework.id,
      ownerNetworkId: framework.ownerNetworkId,
      number: 2,
      document: DEMO_FRAMEWORK,
    };
    const member = await actorOf("joost.smit@delinde.example", t.orgs.linde);
    await expect(inTenant(t.database.db, member, (tx) => tx.insert(frameworkVersions).values(draft))).rejects.toThrow();
    const coordinator = await actorOf("sanne.visser@netwerk.example", t.orgs.linde);
    const id = await inTenant(t.database.db, coordinator, async (tx) => {
      const [row] = await tx.insert(frameworkVersions).values(draft).returning();
      return row?.id ?? "";
    });
    // The same person, acting for a member organisation where she does not coordinate, may not change it.
    const elsewhere = await actorOf("sanne.visser@netwerk.example", t.orgs.rivier);
    const changed = await inTenant(t.database.db, elsewhere, (tx) =>
      tx.update(frameworkVersions).set({ changeNote: "x" }).where(eq(frameworkVersions.id, id)).returning(),
    );
    expect(changed).toEqual([]);
    await inTenant(t.database.db, coordinator, (tx) =>
      tx.delete(frameworkVersions).where(eq(frameworkVersions.id, id)),
    );
  });

  it("is frozen once published: no update or delete gets through, not even the owner's", async () => {
    const framework = await demoFramework();
    const coordinator = await actorOf("sanne.visser@netwerk.example", t.orgs.linde);
    const id = await inTenant(t.database.db, coordinator, async (tx) => {
      const [row] = await tx
        .insert(frameworkVersions)
        .values({
          frameworkId: framework.id,
          ownerNetworkId: framework.ownerNetworkId,
          number: 3,
          document: DEMO_FRAMEWORK,
        })
        .returning();
      await publishVersion(tx, row?.id ?? "");
      return row?.id ?? "";
    });
    const changed = { ...DEMO_FRAMEWORK, scale: DEMO_FRAMEWORK.scale.slice(0, 2) };
    await expect(
      t.database.db.update(frameworkVersions).set({ document: changed }).where(eq(frameworkVersions.id, id)),
    ).rejects.toThrow();
    await expect(t.database.db.delete(frameworkVersions).where(eq(frameworkVersions.id, id))).rejects.toThrow();
    const [stored] = await t.database.db.select().from(frameworkVersions).where(eq(frameworkVersions.id, id));
    expect(stored?.document).toEqual(DEMO_FRAMEWORK);
    expect(stored?.status).toBe("published");
  });
});
