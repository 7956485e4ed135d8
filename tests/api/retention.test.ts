import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/connection.js";
import {
  accessLog,
  auditEvents,
  notifications,
  retentionRuns,
  sessions,
  trajectories,
  users,
} from "../../src/db/schema.js";
import { PERSONAL_DATA } from "../../src/domain/privacy/registry.js";
import type { RetentionOverview } from "../../src/domain/privacy/retention-api.js";
import { JobRunner } from "../../src/server/jobs/runner.js";
import { Mailer } from "../../src/server/mail.js";
import { applyRetention } from "../../src/server/privacy/retention.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { refusal } from "../support/database.js";
import { expectStatus, signIn } from "../support/factories.js";
import { tenantFixtures } from "../support/fixtures.js";
import { pdfText } from "../support/pdf-text.js";

/**
 * Retention (decision 0038): the admin sees what the next run would remove before it first acts;
 * the nightly job then removes what is past its period, per organisation that turned it on, and
 * writes every run down with its counts. What is within its period, and every other
 * organisation's data, stays.
 */

let t: TestApp;
let admin: TestClient;
let daan: string;
let rivierUser: string;

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

beforeAll(async () => {
  t = await createTestApp();
  await tenantFixtures(t);
  admin = await signIn(t, "beheer@delinde.example");
  const [d] = await t.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "daan.bakker@delinde.example"));
  const [l] = await t.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "beheer@rivierenland.example"));
  daan = d?.id ?? "";
  rivierUser = l?.id ?? "";
});
afterAll(() => t.close());

/** Old and new rows of three kinds kept for a period, in both organisations. */
async function seedAged(organisationId: string, userId: string, tag: string) {
  const note = (createdAt: Date) => ({
    organisationId,
    userId,
    kind: "signatureWaiting",
    params: { tag },
    link: "/",
    createdAt,
  });
  await t.database.db.insert(notifications).values([note(ago(400)), note(ago(300))]);
  await t.database.db.insert(accessLog).values([
    { organisationId, subjectUserId: userId, viewerUserId: userId, kind: "person", at: ago(800) },
    { organisationId, subjectUserId: userId, viewerUserId: userId, kind: "person", at: ago(600) },
  ]);
  await t.database.db.insert(auditEvents).values([
    {
      organisationId,
      actorUserId: userId,
      type: "calendar.renewed",
      subjectType: "calendar",
      subjectId: tag,
      createdAt: ago(800),
    },
    {
      organisationId,
      actorUserId: userId,
      type: "calendar.renewed",
      subjectType: "calendar",
      subjectId: tag,
      createdAt: ago(10),
    },
  ]);
}

const count = async (table: "notifications" | "access_log" | "audit_events", organisationId: string, tag: string) => {
  const where =
    table === "notifications"
      ? sql`organisation_id = ${organisationId} and params->>'tag' = ${tag}`
      : table === "access_log"
        ? sql`organisation_id = ${organisationId} and kind = 'person' and viewer_user_id = subject_user_id`
        : sql`organisation_id = ${organisationId} and subject_id = ${tag}`;
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
  );
  return row?.n ?? 0;
};

describe("the dry run", () => {
  it("shows, per kind of data, what the next run would remove, before the job may act", async () => {
    await seedAged(t.orgs.linde, daan, "linde");
    await seedAged(t.orgs.rivier, rivierUser, "rivier");
    const overview = expectStatus<RetentionOverview>(await admin.get("/api/v1/retention"));
    expect(overview.enabledAt).toBeNull();
    const due = Object.fromEntries(overview.kinds.map((k) => [k.table, k.due]));
    expect(due.notifications).toBe(1);
    expect(due.access_log).toBe(1);
    expect(due.audit_events).toBe(1);
    // Kinds kept with the membership or under a register's audit are not removed by time; the
    // demo's trajectories all ended too recently or a register may still audit them.
    expect(due.users).toBeNull();
    expect(due.trajectories).toBe(0);
    expect(due.meetings).toBe(0);
    // Every kind not kept with its account or membership is applied by the job: none is only promised.
    for (const kind of overview.kinds) {
      const entry = PERSONAL_DATA.find((e) => e.table === kind.table);
      expect(kind.due === null, kind.table).toBe(entry?.retention.kind === "withMembership");
    }
    // Every kind of the organisation's data is listed, the system's own apart.
    expect([...overview.kinds.map((k) => k.table), ...overview.system].sort()).toEqual(
      PERSONAL_DATA.map((e) => e.table).sort(),
    );
    expect(overview.runs).toEqual([]);
  });

  it("is the admin's alone", async () => {
    const guide = await signIn(t, "sanne.visser@netwerk.example");
    expect((await guide.get("/api/v1/retention")).statusCode).toBe(403);
    expect((await guide.put("/api/v1/retention", { enabled: true })).statusCode).toBe(403);
  });
});

describe("the nightly run", () => {
  it("does nothing for an organisation until its admin turns it on, but clears the system's expired records", async () => {
    const [old] = await t.database.db
      .insert(sessions)
      .values({
        id: "expired-long-ago",
        userId: daan,
        organisationId: t.orgs.linde,
        csrfToken: "x",
        createdAt: ago(120),
        expiresAt: ago(90),
      })
      .returning();
    const run = await applyRetention(t.database.db);
    expect(run.organisations).toEqual({});
    expect(run.system.sessions).toBeGreaterThanOrEqual(1);
    expect(
      await t.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, old?.id ?? "")),
    ).toEqual([]);
    expect(await count("notifications", t.orgs.linde, "linde")).toBe(2);
    expect(await count("audit_events", t.orgs.linde, "linde")).toBe(2);
  });

  it("once on, removes what is past its period and nothing else, writes the run down, and leaves other organisations alone", async () => {
    const on = expectStatus<RetentionOverview>(await admin.put("/api/v1/retention", { enabled: true }));
    expect(on.enabledAt).not.toBeNull();
    const [audited] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, t.orgs.linde), eq(auditEvents.type, "privacy.retentionEnabled")));
    expect(audited?.subjectId).toBe(t.orgs.linde);
    const trajectoriesBefore = await t.database.db.select({ id: trajectories.id }).from(trajectories);

    const run = await applyRetention(t.database.db);
    expect(Object.keys(run.organisations)).toEqual([t.orgs.linde]);
    expect(run.organisations[t.orgs.linde]).toMatchObject({ notifications: 1, access_log: 1, audit_events: 1 });
    expect(await count("notifications", t.orgs.linde, "linde")).toBe(1);
    expect(await count("access_log", t.orgs.linde, "linde")).toBe(1);
    expect(await count("audit_events", t.orgs.linde, "linde")).toBe(1);
    expect(await count("notifications", t.orgs.rivier, "rivier")).toBe(2);
    expect(await count("access_log", t.orgs.rivier, "rivier")).toBe(2);
    expect(await count("audit_events", t.orgs.rivier, "rivier")).toBe(2);
    expect(await t.database.db.select({ id: trajectories.id }).from(trajectories)).toEqual(trajectoriesBefore);

    const overview = expectStatus<RetentionOverview>(await admin.get("/api/v1/retention"));
    expect(overview.runs).toHaveLength(1);
    expect(overview.runs[0]?.removed).toMatchObject({ notifications: 1, access_log: 1, audit_events: 1 });
    expect(overview.kinds.find((k) => k.table === "notifications")?.due).toBe(0);

    // A second run finds nothing more, and says so.
    const again = await applyRetention(t.database.db);
    expect(Object.values(again.organisations[t.orgs.linde] ?? {}).every((n) => n === 0)).toBe(true);
    const runs = await t.database.db
      .select()
      .from(retentionRuns)
      .where(inArray(retentionRuns.organisationId, [t.orgs.linde, t.orgs.rivier]));
    expect(runs.map((r) => r.organisationId)).toEqual([t.orgs.linde, t.orgs.linde]);
  });

  it("turned off again, stops", async () => {
    const off = expectStatus<RetentionOverview>(await admin.put("/api/v1/retention", { enabled: false }));
    expect(off.enabledAt).toBeNull();
    expect((await applyRetention(t.database.db)).organisations).toEqual({});
  });
});

describe("the organisation's own periods", () => {
  it("are chosen within the registry's range, told at the field otherwise, and drive the dry run, the run and the register", async () => {
    const outside = await admin.put("/api/v1/retention/periods", { periods: { notifications: 48, sessions: 6 } });
    expect(outside.statusCode).toBe(422);
    expect(outside.headers["content-type"]).toContain("application/problem+json");
    expect(outside.json().errors).toEqual({
      "periods.notifications": "Kies 1 tot en met 24 maanden.",
      "periods.sessions": "Deze termijn is vast; die kan de organisatie niet kiezen.",
    });
    // Nothing of a refused choice is kept.
    expect(expectStatus<RetentionOverview>(await admin.get("/api/v1/retention")).periods).toEqual({});

    // A notification of 300 days: within the default 12 months, past a chosen 6.
    const before = expectStatus<RetentionOverview>(await admin.get("/api/v1/retention"));
    const dueBefore = before.kinds.find((k) => k.table === "notifications")?.due ?? 0;
    const chosen = expectStatus<RetentionOverview>(
      await admin.put("/api/v1/retention/periods", { periods: { notifications: 6, outbox: 3 } }),
    );
    // The default chosen again is no choice of its own.
    expect(chosen.periods).toEqual({ notifications: 6 });
    expect(chosen.kinds.find((k) => k.table === "notifications")?.due).toBe(dueBefore + 1);
    const [audited] = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.organisationId, t.orgs.linde), eq(auditEvents.type, "privacy.retentionPeriodsChanged")),
      );
    expect(audited?.after).toEqual({ periods: { notifications: 6 } });

    const register = await admin.get("/api/v1/processing-register.pdf");
    const text = (await pdfText(register.rawPayload)).replace(/\s+/g, " ");
    expect(text).toContain("6 maanden");

    // Rivierenland keeps the default: its notification of 300 days stays past a run.
    expectStatus(await admin.put("/api/v1/retention", { enabled: true }));
    await applyRetention(t.database.db);
    expect(await count("notifications", t.orgs.linde, "linde")).toBe(0);
    expect(await count("notifications", t.orgs.rivier, "rivier")).toBe(2);
    expectStatus(await admin.put("/api/v1/retention", { enabled: false }));
  });
});

describe("the audit log", () => {
  it("stays append-only for the application, even in a transaction that claims to be the retention job", async () => {
    const attempt = t.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('koers.retention', 'on', true), set_config('role', 'koers_app', true), set_config('app.org_id', ${t.orgs.linde}, true)`,
      );
      await tx.execute(sql`delete from audit_events where organisation_id = ${t.orgs.linde}`);
    });
    expect(await refusal(attempt)).toMatch(/append-only|permission denied/);
    expect(await refusal(t.database.db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
    const updating = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('koers.retention', 'on', true)`);
      await tx.execute(sql`update audit_events set type = type`);
    });
    expect(await refusal(updating)).toMatch(/append-only/);
  });
});

describe("the job runner", () => {
  it("runs the retention job from its queue", async () => {
    expectStatus(await admin.put("/api/v1/retention", { enabled: true }));
    const runsBefore = (await t.database.db.select().from(retentionRuns)).length;
    const log = t.app.log;
    const runner = new JobRunner({
      database: t.database,
      mailer: new Mailer(t.database.db, undefined, "Koers <no-reply@koers.test>", log),
      publicUrl: "http://koers.test",
      log,
      schedule: false,
      pollingIntervalSeconds: 0.5,
    });
    await runner.start();
    try {
      expect(await runner.enqueueRetention()).toBeTruthy();
      await expect
        .poll(async () => (await t.database.db.select().from(retentionRuns)).length, { timeout: 30_000, interval: 200 })
        .toBe(runsBefore + 1);
    } finally {
      await runner.stop();
    }
  }, 60_000);
});
