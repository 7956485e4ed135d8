import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/connection.js";
import { accessLog, declarations, memberships, trajectoryParticipants, users } from "../../src/db/schema.js";
import { dutchToday } from "../../src/domain/dutch-time.js";
import type { AccessKind, AccessLog } from "../../src/domain/privacy/access.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { createTrajectory, expectStatus, signIn } from "../support/factories.js";
import { tenantFixtures } from "../support/fixtures.js";

/**
 * The access log (decision 0036): every read of a person's data by someone else is written
 * down, the person reads who viewed their data, the admin searches the log, and reading the log
 * is itself written down. One organisation never sees another's.
 */

const ADMIN = "beheer@delinde.example";
const GUIDE = "sanne.visser@netwerk.example";
const TRAINEE = "daan.bakker@delinde.example";
const OFFICER = "joost.smit@delinde.example";

let t: TestApp;
let ids: Record<string, string>;
let admin: TestClient;
let guide: TestClient;
let trainee: TestClient;

beforeAll(async () => {
  t = await createTestApp({ PDF_LIMIT_PER_SESSION: "1000" });
  ids = await tenantFixtures(t);
  admin = await signIn(t, ADMIN);
  guide = await signIn(t, GUIDE);
  trainee = await signIn(t, TRAINEE);
});
afterAll(() => t.close());

const userIdOf = async (email: string) => {
  const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id ?? "";
};

/** The trainees of a trajectory: whose data its pages and documents show. */
const traineesOf = async (trajectoryId: string) =>
  (
    await t.database.db
      .select({ userId: trajectoryParticipants.userId })
      .from(trajectoryParticipants)
      .where(and(eq(trajectoryParticipants.trajectoryId, trajectoryId), eq(trajectoryParticipants.role, "trainee")))
  )
    .map((r) => r.userId)
    .sort();

/** The rows one request added to the access log. */
async function loggedBy(request: () => Promise<{ statusCode: number; body: string }>) {
  const [mark] = await queryRows<{ at: string }>(t.database.db, sql`select clock_timestamp()::text as at`);
  const response = await request();
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  return t.database.db.select().from(accessLog).where(sql`${accessLog.at} >= ${mark?.at}::timestamptz`);
}

describe("reads of a person's data by someone else", () => {
  it("are written down for every kind of page and document, naming the reader, the person and the record", async () => {
    const adminId = await userIdOf(ADMIN);
    const daan = (await t.membershipOf(TRAINEE)).id;
    const [skj] = await t.database.db
      .select({ trajectoryId: declarations.trajectoryId })
      .from(declarations)
      .where(eq(declarations.id, ids.declarationId ?? ""));
    const fixtureTrainees = await traineesOf(ids.trajectoryId ?? "");
    const skjTrainees = await traineesOf(skj?.trajectoryId ?? "");
    const documentTrainees = await traineesOf(
      (
        await queryRows<{ trajectory_id: string }>(
          t.database.db,
          sql`select trajectory_id from trajectory_documents where id = ${ids.documentId}`,
        )
      )[0]?.trajectory_id ?? "",
    );
    const reads: Array<[AccessKind, string, string[], string]> = [
      ["person", `/api/v1/people/${daan}`, [await userIdOf(TRAINEE)], daan],
      ["evidence", `/api/v1/people/${daan}/evidence`, [await userIdOf(TRAINEE)], daan],
      ["trajectory", `/api/v1/trajectories/${ids.trajectoryId}`, fixtureTrainees, ids.trajectoryId ?? ""],
      ["meeting", `/api/v1/meetings/${ids.meetingId}`, fixtureTrainees, ids.meetingId ?? ""],
      ["declaration", `/api/v1/trajectories/${skj?.trajectoryId}/declarations`, skjTrainees, skj?.trajectoryId ?? ""],
      ["declaration", `/api/v1/declarations/${ids.declarationId}`, skjTrainees, ids.declarationId ?? ""],
      ["document", `/api/v1/declarations/${ids.declarationId}/pdf`, skjTrainees, ids.declarationId ?? ""],
      [
        "document",
        `/api/v1/trajectories/${ids.trajectoryId}/documents/${ids.documentId}`,
        documentTrainees,
        ids.documentId ?? "",
      ],
      ["document", `/api/v1/trajectories/${ids.trajectoryId}/progress.pdf`, fixtureTrainees, ids.trajectoryId ?? ""],
      ["document", `/api/v1/trajectories/${ids.trajectoryId}/billing.csv`, fixtureTrainees, ids.trajectoryId ?? ""],
    ];
    for (const [kind, url, subjects, recordId] of reads) {
      expect(subjects.length, url).toBeGreaterThan(0);
      const rows = await loggedBy(() => admin.get(url));
      expect(
        rows.map((r) => [r.kind, r.viewerUserId, r.subjectUserId, r.recordId, r.organisationId]).sort(),
        url,
      ).toEqual(subjects.map((s) => [kind, adminId, s, recordId, t.orgs.linde]).sort());
    }
  });

  it("are written down for a self-scan's results and an assignment's evidence, read by the praktijkopleider", async () => {
    const officer = await signIn(t, OFFICER);
    const officerId = await userIdOf(OFFICER);
    const sanne = await userIdOf(GUIDE);
    const reads: Array<[AccessKind, string, string]> = [
      ["scan", `/api/v1/scans/${ids.scanId}/results`, ids.scanId ?? ""],
      ["assignment", `/api/v1/assignments/${ids.assignmentId}/evidence`, ids.assignmentId ?? ""],
    ];
    for (const [kind, url, recordId] of reads) {
      const rows = await loggedBy(() => officer.get(url));
      expect(
        rows.map((r) => [r.kind, r.viewerUserId, r.subjectUserId, r.recordId]),
        url,
      ).toEqual([[kind, officerId, sanne, recordId]]);
    }
    const own = await loggedBy(() => guide.get(`/api/v1/scans/${ids.scanId}/results`));
    expect(own).toEqual([]);
  });

  it("are not written down when a person reads their own data", async () => {
    const made = await createTrajectory(t, { meetings: [{ type: "feedback_conversation" }] });
    const rows = await loggedBy(() => trainee.get(made.url));
    expect(rows).toEqual([]);
    const again = await loggedBy(() => trainee.get(`/api/v1/meetings/${made.meetings[0]?.id}`));
    expect(again).toEqual([]);
  });
});

describe("who viewed my data", () => {
  it("shows the person each read of their data: who, when, what, newest first", async () => {
    const made = await createTrajectory(t, { meetings: [{ type: "feedback_conversation" }] });
    expectStatus(await guide.get(made.url), 200);
    expectStatus(await guide.get(`/api/v1/meetings/${made.meetings[0]?.id}`), 200);
    const log = expectStatus<AccessLog>(await trainee.get("/api/v1/access-log/mine"), 200);
    const [meeting, trajectory] = log.items;
    expect(meeting).toMatchObject({
      kind: "meeting",
      viewer: { name: "Sanne Visser" },
      recordId: made.meetings[0]?.id,
    });
    expect(trajectory).toMatchObject({ kind: "trajectory", viewer: { name: "Sanne Visser" }, recordId: made.id });
    expect(meeting?.person.id).toBe((await t.membershipOf(TRAINEE)).id);
    expect(Date.parse(meeting?.at ?? "")).toBeGreaterThanOrEqual(Date.parse(trajectory?.at ?? ""));
    expect(log.items.every((item) => item.person.id === meeting?.person.id)).toBe(true);
  });

  it("shows someone else's reads to nobody but them and the admin", async () => {
    expectStatus(await admin.get(`/api/v1/people/${(await t.membershipOf(TRAINEE)).id}`), 200);
    const theirs = expectStatus<AccessLog>(await guide.get("/api/v1/access-log/mine"), 200);
    expect(theirs.items.every((item) => item.person.id === null || item.person.name === "Sanne Visser")).toBe(true);
    expect((await guide.get("/api/v1/access-log")).statusCode).toBe(403);
    expect((await trainee.get(`/api/v1/access-log?personId=${(await t.membershipOf(TRAINEE)).id}`)).statusCode).toBe(
      403,
    );
  });
});

describe("the admin's search of the access log", () => {
  it("finds the reads of one person, by one reader, on given days", async () => {
    const daan = (await t.membershipOf(TRAINEE)).id;
    const sanne = (await t.membershipOf(GUIDE)).id;
    const made = await createTrajectory(t, {});
    expectStatus(await guide.get(made.url), 200);
    const found = expectStatus<AccessLog>(
      await admin.get(`/api/v1/access-log?personId=${daan}&viewerId=${sanne}`),
      200,
    );
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((item) => item.person.id === daan && item.viewer.id === sanne)).toBe(true);
    expect(found.items.some((item) => item.recordId === made.id)).toBe(true);

    const before = expectStatus<AccessLog>(
      await admin.get(`/api/v1/access-log?personId=${daan}&from=2000-01-01&to=2000-12-31`),
      200,
    );
    expect(before.items).toEqual([]);
    const today = dutchToday();
    const onTheDay = expectStatus<AccessLog>(
      await admin.get(`/api/v1/access-log?personId=${daan}&from=${today}&to=${today}`),
      200,
    );
    expect(onTheDay.items.some((item) => item.recordId === made.id)).toBe(true);
  });

  it("is itself written down, as a read of everyone it showed", async () => {
    const daan = (await t.membershipOf(TRAINEE)).id;
    expectStatus(await guide.get(`/api/v1/trajectories/${ids.trajectoryId}`), 200);
    expectStatus(await admin.get(`/api/v1/access-log?personId=${daan}`), 200);
    const mine = expectStatus<AccessLog>(await trainee.get("/api/v1/access-log/mine"), 200);
    expect(mine.items[0]).toMatchObject({ kind: "accessLog", viewer: { name: expect.any(String) }, recordId: null });
    expect(mine.items[0]?.viewer.id).toBe((await t.membershipOf(ADMIN)).id);
  });

  it("says which field is wrong: days in the wrong order, a day PostgreSQL would refuse, a person not of this organisation", async () => {
    const order = await admin.get("/api/v1/access-log?from=2026-05-02&to=2026-05-01");
    expect(order.statusCode).toBe(422);
    expect(order.headers["content-type"]).toContain("application/problem+json");
    expect(Object.keys(order.json().errors)).toEqual(["to"]);
    const far = await admin.get("/api/v1/access-log?from=0001-01-01");
    expect(far.statusCode).toBe(422);
    expect(Object.keys(far.json().errors)).toEqual(["from"]);
    const lisa = (
      await t.database.db
        .select({ id: memberships.id })
        .from(memberships)
        .where(eq(memberships.organisationId, t.orgs.rivier))
        .limit(1)
    )[0]?.id;
    expect((await admin.get(`/api/v1/access-log?personId=${lisa}`)).statusCode).toBe(404);
  });
});

describe("one organisation's access log", () => {
  it("is never seen from another, not even by someone who works for both", async () => {
    expectStatus(await guide.get(`/api/v1/trajectories/${ids.trajectoryId}`), 200);
    const rivierAdmin = await signIn(t, "beheer@rivierenland.example", "rivier");
    const search = expectStatus<AccessLog>(await rivierAdmin.get("/api/v1/access-log"), 200);
    expect(search.items.map((item) => item.recordId)).not.toContain(ids.trajectoryId);
    const daan = (await t.membershipOf(TRAINEE)).id;
    expect((await rivierAdmin.get(`/api/v1/access-log?personId=${daan}`)).statusCode).toBe(404);
    const sanneThere = await signIn(t, GUIDE, "rivier");
    const theirs = expectStatus<AccessLog>(await sanneThere.get("/api/v1/access-log/mine"), 200);
    expect(theirs.items.map((item) => item.recordId)).not.toContain(ids.trajectoryId);
    const rows = await t.database.db.select().from(accessLog).where(eq(accessLog.organisationId, t.orgs.rivier));
    expect(rows.map((r) => r.recordId)).not.toContain(ids.trajectoryId);
  });

  it("can be added to and read by the application, never changed or removed", async () => {
    const [grants] = await queryRows<Record<string, boolean>>(
      t.database.db,
      sql`select has_table_privilege('koers_app', 'access_log', 'INSERT') as insert,
                 has_table_privilege('koers_app', 'access_log', 'SELECT') as select,
                 has_table_privilege('koers_app', 'access_log', 'UPDATE') as update,
                 has_table_privilege('koers_app', 'access_log', 'DELETE') as delete`,
    );
    expect(grants).toEqual({ insert: true, select: true, update: false, delete: false });
  });
});
