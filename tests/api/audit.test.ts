import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, users } from "../../src/db/schema.js";
import { AUDIT_PAGE_SIZE } from "../../src/domain/audit/schemas.js";
import { recordAudit } from "../../src/server/audit/record-audit.js";
import { inTenant } from "../../src/server/tenancy.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { refusal } from "../support/database.js";

let t: TestApp;
let admin: TestClient;
let adminId: string;
let otherAdminId: string;

interface Entry {
  id: number;
  createdAt: string;
  type: string;
  subjectType: string;
  subjectId: string;
  subjectName: string | null;
  actor: { id: string; name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const userId = async (email: string) =>
  (await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? "";

/** The demo's own history in De Linde (Sanne's learning path, made as she would), left out of what these tests count. */
let demoHistory = new Set<string>();

async function list(client: TestClient, query = "") {
  const response = await client.get(`/api/v1/audit-events${query}`);
  expect(response.statusCode, response.body).toBe(200);
  const page = response.json() as { items: Entry[]; page: number; pageSize: number; total: number };
  const items = page.items.filter((e) => !demoHistory.has(String(e.id)));
  return { ...page, items, total: page.total - (page.items.length - items.length) };
}

/** Every entry, page after page: the demo's own history in De Linde is longer than one page. */
async function listAll(client: TestClient) {
  const first = await list(client);
  const pages = Math.ceil((first.total + demoHistory.size) / first.pageSize);
  const items = [...first.items];
  for (let page = 2; page <= pages; page++) items.push(...(await list(client, `?page=${page}`)).items);
  return { ...first, items, total: items.length };
}

beforeAll(async () => {
  t = await createTestApp();
  adminId = await userId("beheer@delinde.example");
  otherAdminId = await userId("beheer@rivierenland.example");
  admin = await t.login("beheer@delinde.example");
  const demo = await t.database.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(eq(auditEvents.organisationId, t.orgs.linde));
  demoHistory = new Set(demo.map((e) => String(e.id)));

  // Known history in De Linde, at fixed times (Dutch winter time is UTC+1).
  await t.database.db.insert(auditEvents).values([
    {
      organisationId: t.orgs.linde,
      actorUserId: adminId,
      type: "person.created",
      subjectType: "person",
      subjectId: "p-1",
      after: { name: "Piet Oud", roles: ["trainee"] },
      createdAt: new Date("2026-01-10T09:00:00Z"),
    },
    {
      organisationId: t.orgs.linde,
      actorUserId: null,
      type: "invitation.accepted",
      subjectType: "invitation",
      subjectId: "i-1",
      createdAt: new Date("2026-01-14T23:30:00Z"),
    },
    {
      organisationId: t.orgs.linde,
      actorUserId: adminId,
      type: "person.updated",
      subjectType: "person",
      subjectId: "p-1",
      before: { jobTitle: null },
      after: { jobTitle: "Trainer" },
      createdAt: new Date("2026-01-20T12:00:00Z"),
    },
  ]);
  // And something in Rivierenland that De Linde must never see.
  await t.database.db.insert(auditEvents).values({
    organisationId: t.orgs.rivier,
    actorUserId: otherAdminId,
    type: "person.created",
    subjectType: "person",
    subjectId: "geheim-rivierenland",
    after: { name: "Geheime Rivierenlander" },
    createdAt: new Date("2026-01-15T10:00:00Z"),
  });

  // A change through the API, which is logged with the actor.
  const branding = (await admin.get("/api/v1/organisation/branding")).json();
  const put = await admin.put("/api/v1/organisation/branding", {
    name: branding.name,
    primaryColor: "#0b7285",
    version: branding.version,
  });
  expect(put.statusCode).toBe(200);
});
afterAll(() => t.close());

describe("audit log browser", () => {
  it("lists the organisation's entries newest first, with the actor's name and the subject in words", async () => {
    const page = await listAll(admin);
    expect(page.total).toBe(4);
    expect(page.items.map((e) => e.type)).toEqual([
      "branding.updated",
      "person.updated",
      "invitation.accepted",
      "person.created",
    ]);
    const [branding] = page.items;
    expect(branding?.actor).toEqual({ id: adminId, name: "Anna de Vries" });
    expect(branding?.subjectType).toBe("organisation");
    expect(branding?.subjectId).toBe(t.orgs.linde);
    expect(branding?.subjectName).toBe("Zorggroep De Linde");
    expect(branding?.before).toEqual({ primaryColor: "#237a35" });
    expect(branding?.after).toEqual({ primaryColor: "#0b7285" });
    expect(page.items[2]?.actor).toBeNull();
    const times = page.items.map((e) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("filters by type, subject type and actor", async () => {
    expect((await list(admin, "?type=person.updated")).items.map((e) => e.type)).toEqual(["person.updated"]);
    expect((await list(admin, "?subjectType=person")).items.map((e) => e.type)).toEqual([
      "person.updated",
      "person.created",
    ]);
    const byAdmin = await list(admin, `?actor=${adminId}`);
    expect(byAdmin.total).toBe(3);
    expect(byAdmin.items.every((e) => e.actor?.id === adminId)).toBe(true);
    expect((await list(admin, "?type=logo.updated")).items).toEqual([]);
  });

  it("filters by date range in whole Dutch days, both ends included", async () => {
    // 23:30 UTC on 14 January is 00:30 on 15 January in Amsterdam.
    expect((await list(admin, "?from=2026-01-15&to=2026-01-20")).items.map((e) => e.type)).toEqual([
      "person.updated",
      "invitation.accepted",
    ]);
    expect((await list(admin, "?to=2026-01-14")).items.map((e) => e.type)).toEqual(["person.created"]);
    expect((await list(admin, "?from=2026-01-10&to=2026-01-10")).total).toBe(1);
  });

  it("refuses filters that make no sense, per field", async () => {
    const reversed = await admin.get("/api/v1/audit-events?from=2026-02-01&to=2026-01-01");
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors.to).toBe("De einddatum ligt vóór de begindatum.");
    const badType = await admin.get("/api/v1/audit-events?type=person.exploded&page=0");
    expect(badType.statusCode).toBe(422);
    expect(Object.keys(badType.json().errors).sort()).toEqual(["page", "type"]);
  });

  it("pages through a long log", async () => {
    // In Rivierenland: the log is append-only, and the tests above count De Linde's entries.
    const other = await t.login("beheer@rivierenland.example");
    await inTenant(
      t.database.db,
      { organisationId: t.orgs.rivier, userId: otherAdminId, membershipId: "", roles: ["admin"] },
      async (tx, actor) => {
        for (let i = 0; i < AUDIT_PAGE_SIZE + 3; i++) {
          await recordAudit(tx, actor, {
            type: "registration.created",
            subjectType: "registration",
            subjectId: `r-${i}`,
            after: {
              personId: "p-1",
              register: "BIG",
              registrationType: null,
              number: String(i),
              validUntil: null,
              reregistrationDate: null,
              requirementProfile: null,
            },
          });
        }
      },
    );
    const first = await list(other, "?type=registration.created");
    const second = await list(other, "?type=registration.created&page=2");
    expect(first.total).toBe(AUDIT_PAGE_SIZE + 3);
    expect(first.items).toHaveLength(AUDIT_PAGE_SIZE);
    expect(second.items).toHaveLength(3);
    expect(second.page).toBe(2);
    const ids = [...first.items, ...second.items].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it("never shows another organisation's entries, whatever the filter", async () => {
    for (const query of [
      "",
      "?type=person.created",
      `?actor=${otherAdminId}`,
      "?from=2026-01-15&to=2026-01-15",
      "?page=2",
    ]) {
      const response = await admin.get(`/api/v1/audit-events${query}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain("geheim-rivierenland");
      expect(response.body).not.toContain("Geheime Rivierenlander");
    }
    const actors = await admin.get("/api/v1/audit-events/actors");
    // Anna, and whoever made the demo's history in De Linde; never Rivierenland's admin.
    expect(actors.json().items).toContainEqual({ id: adminId, name: "Anna de Vries" });
    expect(actors.body).not.toContain(otherAdminId);

    const other = await t.login("beheer@rivierenland.example");
    // Rivierenland sees its own entries (the secret one and its demo trajectory's), none of De Linde's.
    const theirs = await list(other, "?from=2026-01-15&to=2026-01-15");
    expect(theirs.items.map((e) => e.subjectId)).toEqual(["geheim-rivierenland"]);
    const ours = new Set((await list(admin)).items.map((e) => e.id));
    expect((await list(other)).items.filter((e) => ours.has(e.id))).toEqual([]);
  });

  it("is for the admin only", async () => {
    for (const email of ["daan.bakker@delinde.example", "sanne.visser@netwerk.example", "joost.smit@delinde.example"]) {
      const client = await t.login(email);
      expect((await client.get("/api/v1/audit-events")).statusCode, email).toBe(403);
      expect((await client.get("/api/v1/audit-events/actors")).statusCode, email).toBe(403);
    }
    expect((await (await t.anonymous()).get("/api/v1/audit-events")).statusCode).toBe(401);
  });
});

describe("the audit log is append-only", () => {
  it("refuses UPDATE and DELETE at the database, even for the owner connection", async () => {
    const before = await t.database.db.select().from(auditEvents).orderBy(auditEvents.id);
    expect(await refusal(t.database.db.execute(sql`update audit_events set type = 'person.deleted'`))).toMatch(
      /audit_events is append-only/,
    );
    expect(await refusal(t.database.db.execute(sql`delete from audit_events`))).toMatch(/audit_events is append-only/);
    expect(
      await refusal(t.database.db.delete(auditEvents).where(eq(auditEvents.organisationId, t.orgs.linde))),
    ).toMatch(/audit_events is append-only/);
    expect(await t.database.db.select().from(auditEvents).orderBy(auditEvents.id)).toEqual(before);
  });

  it("refuses them inside a tenant transaction as the application role too", async () => {
    const actor = { organisationId: t.orgs.linde, userId: adminId, membershipId: "", roles: ["admin" as const] };
    expect(
      await refusal(
        inTenant(t.database.db, actor, (tx) =>
          tx.update(auditEvents).set({ after: null }).where(eq(auditEvents.organisationId, t.orgs.linde)),
        ),
      ),
    ).toMatch(/audit_events is append-only/);
    expect(await refusal(inTenant(t.database.db, actor, (tx) => tx.execute(sql`delete from audit_events`)))).toMatch(
      /audit_events is append-only/,
    );
    // Adding stays possible: that is how the log grows (in Rivierenland, as the tests above count De Linde's).
    const count = async () => (await t.database.db.select().from(auditEvents)).length;
    const n = await count();
    const adder = { ...actor, organisationId: t.orgs.rivier, userId: otherAdminId };
    await inTenant(t.database.db, adder, (tx, a) =>
      recordAudit(tx, a, {
        type: "person.reactivated",
        subjectType: "person",
        subjectId: "p-1",
        before: { status: "deactivated" },
        after: { status: "active" },
      }),
    );
    expect(await count()).toBe(n + 1);
  });
});
