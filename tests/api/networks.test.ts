import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, networks, organisations } from "../../src/db/schema.js";
import type { NetworkView } from "../../src/domain/networks/schemas.js";
import { inOrganisation } from "../../src/server/tenancy.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const COORDINATOR = "sanne.visser@netwerk.example";
const network = async (client: TestClient) => expectStatus<NetworkView>(await client.get("/api/v1/network"));

describe("the network page", () => {
  it("shows admins, training officers and coordinators the members and coordinators", async () => {
    for (const email of ["beheer@delinde.example", "joost.smit@delinde.example", "beheer@rivierenland.example"]) {
      const view = await network(await t.login(email));
      expect(view.network?.name).toBe("Leernetwerk Zuid-Holland Zuid");
      expect(view.network?.members.map((m) => m.name)).toEqual([
        "Onderwijsstichting Rivierenland",
        "Zorggroep De Linde",
        "Zorggroep De Wilgen",
      ]);
      expect(view.network?.members.filter((m) => m.own)).toHaveLength(1);
      expect(view.network?.coordinators).toEqual([{ name: "Sanne Visser", organisationName: "Zorggroep De Linde" }]);
      // Another member's ids never leave the server.
      const other = email.includes("rivierenland") ? t.orgs.linde : t.orgs.rivier;
      expect(JSON.stringify(view)).not.toContain(other);
      expect(view.policies.rename).toBe(false);
    }
  });

  it("is closed to roles without a say in learning", async () => {
    for (const email of [
      "daan.bakker@delinde.example",
      "fatima.yilmaz@delinde.example",
      "eva.mulder@delinde.example",
    ]) {
      expectStatus(await (await t.login(email)).get("/api/v1/network"), 403);
    }
  });

  it("lets a coordinator rename it, once per version, with an audit entry", async () => {
    const coordinator = await signIn(t, COORDINATOR, "linde");
    const before = await network(coordinator);
    expect(before.policies.rename).toBe(true);
    const version = before.network?.version ?? 0;
    const after = expectStatus<NetworkView>(
      await coordinator.put("/api/v1/network", { name: "Leernetwerk Drechtsteden", version }),
    );
    expect(after.network).toMatchObject({ name: "Leernetwerk Drechtsteden", version: version + 1 });
    expect((await network(await t.login("beheer@rivierenland.example"))).network?.name).toBe(
      "Leernetwerk Drechtsteden",
    );

    const stale = expectStatus(await coordinator.put("/api/v1/network", { name: "Te laat", version }), 409);
    expect(stale).toMatchObject({ status: 409, current: { network: { name: "Leernetwerk Drechtsteden" } } });
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, t.orgs.linde), eq(auditEvents.type, "network.renamed")));
    expect(entry?.after).toEqual({ name: "Leernetwerk Drechtsteden" });
  });

  it("refuses a rename by anyone but a coordinator, and an empty name", async () => {
    const admin = await t.login("beheer@delinde.example");
    const version = (await network(admin)).network?.version ?? 0;
    expectStatus(await admin.put("/api/v1/network", { name: "Van de beheerder", version }), 403);
    // The same person works for Rivierenland without the coordinator role there.
    expectStatus(await (await signIn(t, COORDINATOR, "rivier")).put("/api/v1/network", { name: "X", version }), 403);
    const coordinator = await signIn(t, COORDINATOR, "linde");
    expectStatus(await coordinator.put("/api/v1/network", { name: "  ", version }), 422);
    expect((await network(admin)).network?.version).toBe(version);
  });
});

describe("an organisation outside the network", () => {
  it("sees an empty state, and row-level security shows it nothing of the network", async () => {
    const [before] = await t.database.db
      .select({ networkId: organisations.networkId })
      .from(organisations)
      .where(eq(organisations.id, t.orgs.rivier));
    await t.database.db.update(organisations).set({ networkId: null }).where(eq(organisations.id, t.orgs.rivier));
    try {
      const outsider = await t.login("beheer@rivierenland.example");
      expect(await network(outsider)).toEqual({ network: null, policies: { rename: false } });
      const seen = await inOrganisation(t.database.db, t.orgs.rivier, async (tx) => ({
        networks: await tx.select().from(networks),
        organisations: await tx.select({ id: organisations.id }).from(organisations),
      }));
      expect(seen).toEqual({ networks: [], organisations: [{ id: t.orgs.rivier }] });
      // A member sees the network, and of the outsider nothing.
      const member = await network(await t.login("beheer@delinde.example"));
      expect(member.network?.members.map((m) => m.name)).toEqual(["Zorggroep De Linde", "Zorggroep De Wilgen"]);
    } finally {
      await t.database.db
        .update(organisations)
        .set({ networkId: before?.networkId ?? null })
        .where(eq(organisations.id, t.orgs.rivier));
    }
  });
});
