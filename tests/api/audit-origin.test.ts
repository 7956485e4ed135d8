import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, users } from "../../src/db/schema.js";
import { USER_AGENT_MAX } from "../../src/domain/roles.js";
import { recordAudit } from "../../src/server/audit/record-audit.js";
import { inTenant } from "../../src/server/tenancy.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";

let t: TestApp;
let admin: TestClient;

interface Entry {
  type: string;
  ip: string | null;
  userAgent: string | null;
}

const browser = "Mozilla/5.0 (X11; Linux x86_64) Koers-test";

async function entries(type: string) {
  const response = await admin.get(`/api/v1/audit-events?type=${type}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: Entry[] }).items;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("beheer@delinde.example");
});
afterAll(() => t.close());

describe("where an audit entry came from", () => {
  it("keeps the address and browser of the request that made the change, and the admin sees them", async () => {
    const branding = (await admin.get("/api/v1/organisation/branding")).json();
    const put = await admin.request({
      method: "PUT",
      url: "/api/v1/organisation/branding",
      payload: { name: branding.name, primaryColor: "#0b7285", version: branding.version },
      headers: { "user-agent": browser },
    });
    expect(put.statusCode, put.body).toBe(200);
    const [entry] = await entries("branding.updated");
    expect(entry).toMatchObject({ ip: admin.address, userAgent: browser });
  });

  it("cuts a long user agent short", async () => {
    const joost = await t.login("joost.smit@delinde.example");
    const long = `${browser} ${"x".repeat(400)}`;
    const put = await joost.request({
      method: "PUT",
      url: "/api/v1/auth/profile",
      payload: { name: "Joost P. Smit", email: "joost.smit@delinde.example" },
      headers: { "user-agent": long },
    });
    expect(put.statusCode, put.body).toBe(204);
    const [entry] = await entries("person.accountUpdated");
    expect(entry).toMatchObject({ ip: joost.address, userAgent: long.slice(0, USER_AGENT_MAX) });
  });

  it("leaves both empty where no request made the change", async () => {
    const [anna] = await t.database.db.select().from(users).where(eq(users.email, "beheer@delinde.example"));
    const actor = { organisationId: t.orgs.linde, userId: anna?.id ?? "", membershipId: "", roles: ["admin" as const] };
    await inTenant(t.database.db, actor, (tx, a) =>
      recordAudit(tx, a, { type: "calendar.renewed", subjectType: "calendar", subjectId: actor.userId }),
    );
    const [stored] = await t.database.db
      .select({ ip: auditEvents.ip, userAgent: auditEvents.userAgent })
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, t.orgs.linde), eq(auditEvents.type, "calendar.renewed")));
    expect(stored).toEqual({ ip: null, userAgent: null });
    const [listed] = await entries("calendar.renewed");
    expect(listed).toMatchObject({ ip: null, userAgent: null });
  });

  it("is not shown to someone who is not the organisation's admin", async () => {
    const joost = await t.login("joost.smit@delinde.example");
    expect((await joost.get("/api/v1/audit-events")).statusCode).toBe(403);
  });
});
