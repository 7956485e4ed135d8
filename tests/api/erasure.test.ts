import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/connection.js";
import { erasureRequests, notifications, users } from "../../src/db/schema.js";
import type { EvidenceView } from "../../src/domain/evidence/api.js";
import type { ErasureDone, ErasureReview, OwnErasure } from "../../src/domain/privacy/erasure.js";
import type { RetentionOverview } from "../../src/domain/privacy/retention-api.js";
import type { TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import { applyRetentionFor } from "../../src/server/privacy/retention.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { refusal } from "../support/database.js";
import { expectStatus, signIn } from "../support/factories.js";
import { tenantFixtures } from "../support/fixtures.js";
import { pdfText } from "../support/pdf-text.js";

/**
 * Erasure per organisation (decision 0039): the person asks, the admin reviews per kind what
 * goes, what is anonymised and what is kept until when, and applies it. Afterwards the person
 * cannot sign in to the organisation, their name is nowhere in it, and counts and hours are as
 * they were; a person in two organisations keeps the other, and the account goes with the last.
 */

const ADMIN = "beheer@delinde.example";
const GUIDE = "sanne.visser@netwerk.example";
const TRAINEE = "daan.bakker@delinde.example";
const PASSWORD = "Koers-demo-2026";

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp({ PDF_LIMIT_PER_SESSION: "1000" });
  await tenantFixtures(t);
  admin = await signIn(t, ADMIN);
});
afterAll(() => t.close());

/** Everything an admin and the guide read about the organisation's people and guidance, as text. */
async function whatTheOrganisationShows(guide: TestClient, trajectoryIds: string[], personId: string) {
  const parts: string[] = [];
  const read = async (client: TestClient, path: string) => {
    const response = await client.get(path);
    expect(response.statusCode, path).toBe(200);
    return response.body;
  };
  for (const path of [
    "/api/v1/people?pageSize=100",
    "/api/v1/people?search=Bakker",
    `/api/v1/people/${personId}`,
    "/api/v1/trajectories",
    "/api/v1/trajectories?search=Bakker",
    "/api/v1/audit-events",
  ])
    parts.push(await read(admin, path));
  parts.push(await read(admin, "/api/v1/notifications"), await read(guide, "/api/v1/notifications"));
  for (const id of trajectoryIds) {
    parts.push(await read(admin, `/api/v1/trajectories/${id}`));
    parts.push(await read(admin, `/api/v1/trajectories/${id}/billing.csv`));
    const pdf = await admin.get(`/api/v1/trajectories/${id}/progress.pdf`);
    expect(pdf.statusCode).toBe(200);
    parts.push(await pdfText(pdf.rawPayload));
  }
  parts.push(await read(guide, "/api/v1/evidence"));
  return parts.join("\n");
}

/** What counts and hours rest on: each trajectory's meetings, progress and hours, and the guide's evidence ledger. */
async function countsAndHours(guide: TestClient, trajectoryIds: string[]) {
  const trajectories = [];
  for (const id of trajectoryIds) {
    const view = expectStatus<TrajectoryDetail>(await admin.get(`/api/v1/trajectories/${id}`));
    trajectories.push({
      meetings: view.meetings?.length ?? null,
      progress: view.progress,
      hours: view.hours,
      workHours: view.workHours?.lines.map((line) => line.minutes) ?? null,
    });
  }
  const evidence = expectStatus<EvidenceView>(await guide.get("/api/v1/evidence"));
  const ledger = evidence.ledger?.lines.map(({ minutes, pointsHundredths, sessions, have, missing, records }) => ({
    minutes,
    pointsHundredths,
    sessions,
    have,
    missing,
    records: records.length,
  }));
  const list = expectStatus<{ total: number }>(await admin.get("/api/v1/trajectories"));
  return { trajectories, ledger, total: list.total };
}

describe("erasure from an organisation", () => {
  it("the person asks, with a note; asking again keeps one request", async () => {
    const trainee = await signIn(t, TRAINEE);
    expect(expectStatus<OwnErasure>(await trainee.get("/api/v1/me/erasure")).request).toBeNull();
    const asked = expectStatus<OwnErasure>(await trainee.post("/api/v1/me/erasure", { note: "Ik ben uit dienst." }));
    expect(asked.request).toMatchObject({ note: "Ik ben uit dienst.", bySelf: true });
    expectStatus(await trainee.post("/api/v1/me/erasure", { note: "Nog eens" }));
    const rows = await t.database.db
      .select()
      .from(erasureRequests)
      .where(eq(erasureRequests.membershipId, (await t.membershipOf(TRAINEE)).id));
    expect(rows).toHaveLength(1);
    // The admins hear of it, without the name; the link leads to the person.
    const notified = expectStatus<{ items: { kind: string; text?: string; link: string; params: unknown }[] }>(
      await admin.get("/api/v1/notifications"),
    ).items.filter((n) => n.kind === "privacy.erasureRequested");
    expect(notified).toHaveLength(1);
    expect(notified[0]?.link).toBe(`/mensen/${(await t.membershipOf(TRAINEE)).id}`);
    expect(JSON.stringify(notified[0])).not.toMatch(/Daan|Bakker/);
  });

  it("the review shows per kind what is deleted, anonymised and kept, and until when; a guide may not see it", async () => {
    const { id } = await t.membershipOf(TRAINEE);
    const review = expectStatus<ErasureReview>(await admin.get(`/api/v1/people/${id}/erasure`));
    expect(review.person.name).toBe("Daan Bakker");
    expect(review.request).toMatchObject({ note: "Ik ben uit dienst.", bySelf: true });
    const actionOf = (table: string) => review.lines.filter((l) => l.table === table).map((l) => l.action);
    expect(actionOf("memberships")).toEqual(["anonymise"]);
    expect(actionOf("trajectory_participants")).toEqual(["keep"]);
    expect(actionOf("notifications")).toEqual(["delete"]);
    for (const line of review.lines) expect(line.count).toBeGreaterThan(0);
    expect(review.keptUntil > new Date().toISOString().slice(0, 10)).toBe(true);
    const guide = await signIn(t, GUIDE);
    expect((await guide.get(`/api/v1/people/${id}/erasure`)).statusCode).toBe(403);
    expect((await guide.post(`/api/v1/people/${id}/erasure`, { requestedOn: "2026-01-01" })).statusCode).toBe(403);
  });

  it("refuses a request day in the future at its field, and an admin erasing themselves", async () => {
    const { id } = await t.membershipOf(TRAINEE);
    const future = await admin.post(`/api/v1/people/${id}/erasure`, { requestedOn: "2199-01-01" });
    expect(future.statusCode).toBe(422);
    expect(future.headers["content-type"]).toContain("application/problem+json");
    expect(Object.keys(future.json().errors)).toEqual(["requestedOn"]);
    const self = await t.membershipOf(ADMIN);
    const own = await admin.post(`/api/v1/people/${self.id}/erasure`, { requestedOn: "2026-01-01" });
    expect(own.statusCode).toBe(422);
    expect((await admin.get("/api/v1/people?search=Daan")).body).toContain("Daan Bakker");
  });

  it("another organisation's admin can neither review nor apply it", async () => {
    const { id } = await t.membershipOf(TRAINEE);
    const other = await signIn(t, "beheer@rivierenland.example", "rivier");
    expect((await other.get(`/api/v1/people/${id}/erasure`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/people/${id}/erasure`, { requestedOn: "2026-01-01" })).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/people/${id}`)).json().name).toBe("Daan Bakker");
  });

  it("applied: the name is nowhere in the organisation, counts and hours are unchanged, sign-in ends and the account goes", async () => {
    const trainee = await signIn(t, TRAINEE);
    const guide = await signIn(t, GUIDE);
    const { id, userId } = await t.membershipOf(TRAINEE);
    const rows = await queryRows<{ id: string }>(
      t.database.db,
      sql`select trajectory_id as id from trajectory_participants where user_id = ${userId}`,
    );
    const trajectoryIds = rows.map((r) => r.id);
    expect(trajectoryIds.length).toBeGreaterThan(0);
    // Someone mentioned Daan in a discussion: the guide's notification names him.
    const guideAccount = await t.membershipOf(GUIDE);
    await t.database.db.insert(notifications).values({
      organisationId: t.orgs.linde,
      userId: guideAccount.userId,
      kind: "discussion.mention",
      params: { name: "Daan Bakker", title: "Lastige ouders" },
      link: "/casuistiek",
    });
    const before = await countsAndHours(guide, trajectoryIds);
    expect(before.trajectories.some((view) => (view.meetings ?? 0) > 0)).toBe(true);
    expect(await whatTheOrganisationShows(guide, trajectoryIds, id)).toContain("Daan Bakker");

    const done = expectStatus<ErasureDone>(
      await admin.post(`/api/v1/people/${id}/erasure`, { requestedOn: "2026-12-01" }),
    );
    expect(done.pseudonym).toMatch(/^Verwijderde persoon [0-9A-F]{6}$/);

    const shown = await whatTheOrganisationShows(guide, trajectoryIds, id);
    expect([...shown.matchAll(/.{0,120}(Daan|Bakker|daan\.bakker).{0,60}/gi)].map((m) => m[0])).toEqual([]);
    expect(shown).toContain(done.pseudonym);
    expect(await countsAndHours(guide, trajectoryIds)).toEqual(before);

    expect((await trainee.get("/api/v1/me/export")).statusCode).toBe(401);
    const stranger = await t.anonymous();
    const login = await stranger.post("/api/v1/auth/login", { email: TRAINEE, password: PASSWORD });
    expect(login.statusCode).toBe(401);
    expect(await t.database.db.select().from(users).where(eq(users.id, userId))).toEqual([]);
    const [request] = await t.database.db.select().from(erasureRequests).where(eq(erasureRequests.membershipId, id));
    expect(request?.appliedAt).not.toBeNull();
    expect(request?.sealed).toMatchObject({ name: "Daan Bakker", email: TRAINEE });
    expect(request?.note).toBeNull();
    const erased = expectStatus<{ name: string; erased: boolean; version: number; abilities: Record<string, boolean> }>(
      await admin.get(`/api/v1/people/${id}`),
    );
    expect(erased).toMatchObject({ name: done.pseudonym, erased: true });
    expect(Object.values(erased.abilities)).toEqual([false, false, false]);
    const renamed = await admin.put(`/api/v1/people/${id}`, {
      version: erased.version,
      displayName: "Daan Bakker",
      roles: ["trainee"],
      jobTitle: null,
      academicExperienceYears: null,
      dreyfusLevel: null,
    });
    expect(renamed.statusCode).toBe(409);
    expect((await admin.post(`/api/v1/people/${id}/reactivate`, { version: erased.version })).statusCode).toBe(409);
    expect((await admin.get(`/api/v1/people/${id}/erasure`)).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/people/${id}/erasure`, { requestedOn: "2026-12-01" })).statusCode).toBe(409);
  });

  it("a person in two organisations is erased from one: the other keeps them, and so does the account", async () => {
    const { id, userId } = await t.membershipOf(GUIDE);
    expectStatus(await admin.post(`/api/v1/people/${id}/erasure`, { requestedOn: "2026-12-01" }));
    expect((await admin.get("/api/v1/people?pageSize=100")).body).not.toContain("Sanne");
    const [account] = await t.database.db.select().from(users).where(eq(users.id, userId));
    expect(account?.name).toBe("Sanne Visser");
    const inRivier = await signIn(t, GUIDE, "rivier");
    expect((await inRivier.refreshSession()).organisation?.id).toBe(t.orgs.rivier);
    const rivierAdmin = await signIn(t, "beheer@rivierenland.example", "rivier");
    expect((await rivierAdmin.get("/api/v1/people?pageSize=100")).body).toContain("Sanne Visser");
    const toLinde = await inRivier.post("/api/v1/auth/organisation", { organisationId: t.orgs.linde });
    expect(toLinde.statusCode).toBeGreaterThanOrEqual(400);
  });
});

describe("the retention job", () => {
  it("clears who an erased person was once the register may no longer audit the evidence, and keeps that it happened", async () => {
    const [applied] = await t.database.db
      .select({ id: erasureRequests.id, membershipId: erasureRequests.membershipId })
      .from(erasureRequests)
      .where(and(eq(erasureRequests.organisationId, t.orgs.linde), isNotNull(erasureRequests.sealed)))
      .limit(1);
    if (!applied) throw new Error("an applied erasure is needed");
    const overview = async () => expectStatus<RetentionOverview>(await admin.get("/api/v1/retention"));
    expect((await overview()).kinds.find((k) => k.table === "erasure_requests")?.due).toBe(0);
    await t.database.db
      .update(erasureRequests)
      .set({ keptUntil: "2026-01-01" })
      .where(eq(erasureRequests.id, applied.id));
    expect((await overview()).kinds.find((k) => k.table === "erasure_requests")?.due).toBe(1);
    const removed = await applyRetentionFor(t.database.db, t.orgs.linde);
    expect(removed.erasure_requests).toBe(1);
    const [after] = await t.database.db.select().from(erasureRequests).where(eq(erasureRequests.id, applied.id));
    expect(after).toMatchObject({ sealed: null, membershipId: applied.membershipId });
    expect(after?.appliedAt).not.toBeNull();
  });
});

describe("frozen records", () => {
  it("let only erasure on the owner connection change the columns that named the person, nothing else", async () => {
    // The application role, even claiming to erase, changes no audit line.
    const asApplication = (statement: ReturnType<typeof sql>) =>
      t.database.db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('koers.erasure', 'on', true), set_config('role', 'koers_app', true), set_config('app.org_id', ${t.orgs.linde}, true)`,
        );
        await tx.execute(statement);
      });
    expect(await refusal(asApplication(sql`update audit_events set actor_user_id = null`))).toMatch(
      /append-only|permission denied/,
    );
    // The owner connection without saying so changes nothing either.
    expect(await refusal(t.database.db.execute(sql`update audit_events set after = null`))).toMatch(/append-only/);
    // Saying so, it may change the person's columns, and still nothing else.
    const otherColumn = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('koers.erasure', 'on', true)`);
      await tx.execute(sql`update audit_events set type = type || '.x'`);
    });
    expect(await refusal(otherColumn)).toMatch(/append-only/);
  });
});

describe("erasing everyone", () => {
  it("works for every member of an organisation, whatever they did, and leaves the organisation's counts", async () => {
    const own = await createTestApp();
    try {
      await tenantFixtures(own);
      const rivierAdmin = await signIn(own, "beheer@rivierenland.example", "rivier");
      const [before] = await queryRows<{ meetings: number; hours: number; trajectories: number }>(
        own.database.db,
        sql`select (select count(*)::int from meetings where organisation_id = ${own.orgs.linde}) as meetings,
                   (select coalesce(sum(minutes), 0)::int from work_hours where organisation_id = ${own.orgs.linde}) as hours,
                   (select count(*)::int from trajectories where organisation_id = ${own.orgs.linde}) as trajectories`,
      );
      const linde = await signIn(own, ADMIN);
      const people = expectStatus<{ items: { id: string; userId: string; name: string }[] }>(
        await linde.get("/api/v1/people?pageSize=100"),
      ).items;
      const self = await queryRows<{ id: string }>(
        own.database.db,
        sql`select m.id from memberships m join users u on u.id = m.user_id where u.email = ${ADMIN} and m.organisation_id = ${own.orgs.linde}`,
      );
      for (const person of people.filter((p) => p.id !== self[0]?.id)) {
        const response = await linde.post(`/api/v1/people/${person.id}/erasure`, { requestedOn: "2026-12-01" });
        expect(response.statusCode, `${person.name}: ${response.body}`).toBe(200);
      }
      const [after] = await queryRows<{ meetings: number; hours: number; trajectories: number }>(
        own.database.db,
        sql`select (select count(*)::int from meetings where organisation_id = ${own.orgs.linde}) as meetings,
                   (select coalesce(sum(minutes), 0)::int from work_hours where organisation_id = ${own.orgs.linde}) as hours,
                   (select count(*)::int from trajectories where organisation_id = ${own.orgs.linde}) as trajectories`,
      );
      expect(after).toEqual(before);
      // Another organisation's people are untouched.
      expect((await rivierAdmin.get("/api/v1/people?pageSize=100")).body).toContain("Lisa Dekker");
    } finally {
      await own.close();
    }
  });
});
