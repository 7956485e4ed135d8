import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/connection.js";
import {
  declarations,
  frameworkVersions,
  frameworkVotes,
  intervisionGroups,
  intervisionMeetings,
  invitations,
  memberships,
  notifications,
  organisations,
  outbox,
  qualifications,
  registrations,
  requirementProfiles,
  trajectoryDocuments,
  users,
} from "../../src/db/schema.js";
import { BUILTIN_PROFILES } from "../../src/domain/evidence/builtin-profiles.js";
import type { RequirementProfile } from "../../src/domain/evidence/profile.js";
import { paramNames, TENANT_PARAMS } from "../../src/server/plugins/tenant-params.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { createTrajectory, expectStatus, signIn } from "../support/factories.js";
import {
  fixtureCase,
  fixtureCertificate,
  fixtureEvent,
  fixtureFramework,
  fixtureModule,
  fixturePost,
  fixtureScan,
  fixtureSupervisedTraining,
  fixtureTrainerRequest,
} from "../support/fixtures.js";
import { demoFramework } from "../support/scans.js";

/**
 * Someone of Onderwijsstichting Rivierenland tries every route of the API with the ids of
 * Zorggroep De Linde. Routes are read from the app itself, so a route added later is covered
 * without touching this file; a new kind of path parameter must get a fixture below.
 */
let t: TestApp;
let outsider: TestClient;
let fixtures: Record<string, string>;
const secrets: string[] = [];

const TENANT_TABLES = [
  "retention_settings",
  "retention_runs",
  "erasure_requests",
  "memberships",
  "registrations",
  "invitations",
  "outbox",
  "audit_events",
  "regimes",
  "regime_versions",
  "trajectories",
  "trajectory_participants",
  "goals",
  "goal_list_versions",
  "meetings",
  "feedback_records",
  "feedback_seen",
  "self_assessments",
  "final_reports",
  "calendar_feeds",
  "requirement_profiles",
  "trajectory_documents",
  "declarations",
  "declaration_signatures",
  "declaration_files",
  "notifications",
  "reminders_sent",
  "intervision_groups",
  "intervision_members",
  "intervision_meetings",
  "intervision_attendance",
  "framework_extensions",
  "competence_scans",
  "scan_friends",
  "learning_paths",
  "events",
  "event_trainers",
  "event_sessions",
  "event_registrations",
  "event_attendance",
  "event_evaluations",
  "trainer_profiles",
  "trainer_certificates",
  "trainer_requests",
  "supervised_trainings",
  "meeting_parts",
  "work_hours",
  "qualifications",
  "access_log",
] as const;

async function snapshot() {
  const rows: Record<string, unknown> = {};
  for (const table of TENANT_TABLES) {
    rows[table] = await queryRows(
      t.database.db,
      sql`select * from ${sql.identifier(table)} where organisation_id = ${t.orgs.linde} order by 1`,
    );
  }
  rows.organisation = await queryRows(t.database.db, sql`select * from organisations where id = ${t.orgs.linde}`);
  // Content De Linde owns itself (the network's content its members may read).
  for (const table of ["frameworks", "framework_versions"])
    rows[table] = await queryRows(
      t.database.db,
      sql`select * from ${sql.identifier(table)} where owner_organisation_id = ${t.orgs.linde} order by 1`,
    );
  return JSON.stringify(rows);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const [daan] = await db
    .select({ membershipId: memberships.id, userId: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.email, "daan.bakker@delinde.example"));
  const [registration] = await db
    .select()
    .from(registrations)
    .where(eq(registrations.membershipId, daan?.membershipId ?? ""));
  const [invitation] = await db
    .insert(invitations)
    .values({
      organisationId: t.orgs.linde,
      email: "nieuwe.collega@delinde.example",
      name: "Nieuwe Collega",
      roles: ["trainee"],
      tokenHash: "cross-tenant-fixture",
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  const [message] = await db
    .insert(outbox)
    .values({
      organisationId: t.orgs.linde,
      toAddress: "daan.bakker@delinde.example",
      subject: "Vertrouwelijk De Linde",
      bodyText: "geheim",
    })
    .returning();
  const [qualification] = await db
    .select({ id: qualifications.id })
    .from(qualifications)
    .where(eq(qualifications.organisationId, t.orgs.linde))
    .limit(1);
  const linde = await lindeTrajectory();
  const registrationEvidence = await lindeRegistrationEvidence(linde.trajectoryId, daan?.userId ?? "");
  fixtures = {
    ...linde,
    ...registrationEvidence,
    personId: daan?.membershipId ?? "",
    registrationId: registration?.id ?? "",
    invitationId: invitation?.id ?? "",
    messageId: message?.id ?? "",
    organisationId: t.orgs.linde,
    ...(await fixtureFramework(t)),
    ...(await fixtureScan(t)),
    ...(await fixtureModule(t)),
    certificateId: await fixtureCertificate(t),
    caseId: await fixtureCase(t),
    eventId: await fixtureEvent(t),
    trainerRequestId: await fixtureTrainerRequest(t),
    supervisedTrainingId: await fixtureSupervisedTraining(t),
    postId: await fixturePost(t),
    qualificationId: qualification?.id ?? "",
  };
  secrets.push(
    ...Object.values(fixtures),
    "daan.bakker@delinde.example",
    "nieuwe.collega@delinde.example",
    "Vertrouwelijk De Linde",
    "Verzorgende IG (voorbeeld)",
    "Geheim traject De Linde",
  );
  outsider = await t.login("beheer@rivierenland.example");
});
afterAll(() => t.close());

/** A trajectory of De Linde with a goal, a meeting with draft feedback, and a copied regime, made through the API. */
async function lindeTrajectory() {
  const trajectory = await createTrajectory(t, {
    title: "Geheim traject De Linde",
    goals: ["Geheim doel"],
    meetings: [{ type: "feedback_conversation", feedback: { summary: "Geheim", shared: false } }],
  });
  const admin = await t.login("beheer@delinde.example");
  const regime = expectStatus<{ id: string }>(
    await admin.post("/api/v1/regimes", { basedOn: "coaching", name: "Coaching De Linde" }),
    201,
  );
  return {
    trajectoryId: trajectory.id,
    goalId: trajectory.goalIds[0] ?? "",
    meetingId: trajectory.meetings[0]?.id ?? "",
    feedbackId: trajectory.meetings[0]?.feedback?.[0]?.id ?? "",
    regimeId: regime.id,
  };
}

/** Rows of the registration-evidence features of De Linde, written straight to the database. */
async function lindeRegistrationEvidence(trajectoryId: string, userId: string) {
  const db = t.database.db;
  const organisationId = t.orgs.linde;
  const [declaration] = await db
    .insert(declarations)
    .values({ organisationId, trajectoryId, kind: "start", number: 1 })
    .returning();
  const [document] = await db
    .insert(trajectoryDocuments)
    .values({
      organisationId,
      trajectoryId,
      kind: "motivation",
      fileName: "motivatie.pdf",
      mime: "application/pdf",
      content: Buffer.from("%PDF-1.4 geheim"),
      sha256: "0".repeat(64),
      uploadedBy: userId,
    })
    .returning();
  const [group] = await db
    .insert(intervisionGroups)
    .values({
      organisationId,
      name: "Geheime intervisie De Linde",
      rhythmWeeks: 6,
      meetingMinutes: 90,
      method: "incident",
    })
    .returning();
  const [groupMeeting] = await db
    .insert(intervisionMeetings)
    .values({
      organisationId,
      groupId: group?.id ?? "",
      startsAt: new Date(Date.now() + 86_400_000),
      endsAt: new Date(Date.now() + 86_400_000 + 5_400_000),
      method: "incident",
    })
    .returning();
  const [profile] = await db
    .insert(requirementProfiles)
    .values({
      organisationId,
      key: "linde_profiel",
      basedOn: "skj_master_under_3648",
      document: BUILTIN_PROFILES[0] as RequirementProfile,
    })
    .returning();
  const [notification] = await db
    .insert(notifications)
    .values({ organisationId, userId, kind: "signatureWaiting", params: {}, link: "/" })
    .returning();
  return {
    declarationId: declaration?.id ?? "",
    documentId: document?.id ?? "",
    groupId: group?.id ?? "",
    groupMeetingId: groupMeeting?.id ?? "",
    profileId: profile?.id ?? "",
    notificationId: notification?.id ?? "",
  };
}

const methodsOf = (method: string | string[]) => (Array.isArray(method) ? method : [method]);

describe("one organisation never reads or changes another's data", () => {
  it("has a fixture for every kind of path parameter", () => {
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(TENANT_PARAMS).sort());
  });

  it("answers 404 with problem+json on every route and method that takes another organisation's id", async () => {
    const before = await snapshot();
    const routes = t.app.apiRoutes.filter((r) => paramNames(r.url).length > 0);
    expect(routes.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => fixtures[name] ?? "missing");
      for (const method of methodsOf(route.method)) {
        const response = await outsider.request({
          method: method as "GET",
          url,
          payload: method === "GET" || method === "HEAD" ? undefined : {},
        });
        if (response.statusCode !== 404) leaks.push(`${method} ${route.url} -> ${response.statusCode}`);
        else if (method !== "HEAD") expect(response.headers["content-type"]).toContain("application/problem+json");
        if (secrets.some((s) => response.body.includes(s))) leaks.push(`${method} ${route.url} leaked data`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it("shows none of another organisation's data on any list or read without ids", async () => {
    const routes = t.app.apiRoutes.filter((r) => paramNames(r.url).length === 0 && methodsOf(r.method).includes("GET"));
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const response = await outsider.get(route.url);
      for (const secret of secrets) expect(response.body, `GET ${route.url}`).not.toContain(secret);
    }
  });

  it("also refuses when row-level security is the only line: a query without a filter sees one organisation", async () => {
    const { inTenant } = await import("../../src/server/tenancy.js");
    const actor = { organisationId: t.orgs.rivier, userId: "", membershipId: "", roles: [] };
    const seen = await inTenant(t.database.db, actor, (tx) =>
      queryRows<{ organisation_id: string }>(tx, sql`select organisation_id from memberships`),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((r) => r.organisation_id))).toEqual(new Set([t.orgs.rivier]));
  });

  it("lets a member of the same network read the network, still none of another member's people", async () => {
    const view = expectStatus(await outsider.get("/api/v1/network"));
    expect(view.network.members).toHaveLength(3);
    const { inOrganisation } = await import("../../src/server/tenancy.js");
    const seen = await inOrganisation(t.database.db, t.orgs.rivier, (tx) =>
      queryRows<{ organisation_id: string }>(tx, sql`select organisation_id from memberships`),
    );
    expect(new Set(seen.map((r) => r.organisation_id))).toEqual(new Set([t.orgs.rivier]));
  });

  it("shows the network's consensus round to a member without another member's people, and to an outsider nothing", async () => {
    const { inOrganisation } = await import("../../src/server/tenancy.js");
    const [version] = await t.database.db
      .select()
      .from(frameworkVersions)
      .where(and(isNotNull(frameworkVersions.ownerNetworkId), eq(frameworkVersions.status, "published")));
    if (!version?.ownerNetworkId) throw new Error("no network version");
    const [someone] = await t.database.db.select({ id: users.id }).from(users).limit(1);
    await t.database.db.insert(frameworkVotes).values({
      versionId: version.id,
      networkId: version.ownerNetworkId,
      organisationId: t.orgs.linde,
      userId: someone?.id ?? "",
      round: version.round,
      kind: "comment",
      body: "Een opmerking van De Linde",
    });
    const url = `/api/v1/frameworks/${version.frameworkId}/versions/${version.id}/consensus`;
    const view = expectStatus(await outsider.get(url));
    expect(view.comments[0]).toMatchObject({ body: "Een opmerking van De Linde", authorName: null });
    expect(JSON.stringify({ ...view, versionId: "" })).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
    await t.database.db.update(organisations).set({ networkId: null }).where(eq(organisations.id, t.orgs.rivier));
    try {
      expectStatus(await outsider.get(url), 404);
      const seen = await inOrganisation(t.database.db, t.orgs.rivier, (tx) =>
        queryRows<{ id: string }>(tx, sql`select id from framework_votes`),
      );
      expect(seen).toEqual([]);
    } finally {
      await t.database.db
        .update(organisations)
        .set({ networkId: version.ownerNetworkId })
        .where(eq(organisations.id, t.orgs.rivier));
    }
  });

  it("shows an organisation outside the network nothing of it", async () => {
    const { inOrganisation } = await import("../../src/server/tenancy.js");
    const [{ networkId } = { networkId: null }] = await t.database.db
      .select({ networkId: organisations.networkId })
      .from(organisations)
      .where(eq(organisations.id, t.orgs.rivier));
    await t.database.db.update(organisations).set({ networkId: null }).where(eq(organisations.id, t.orgs.rivier));
    try {
      expect(expectStatus(await outsider.get("/api/v1/network")).network).toBeNull();
      const seen = await inOrganisation(t.database.db, t.orgs.rivier, (tx) =>
        queryRows<{ id: string }>(tx, sql`select id from networks`),
      );
      expect(seen).toEqual([]);
    } finally {
      await t.database.db.update(organisations).set({ networkId }).where(eq(organisations.id, t.orgs.rivier));
    }
  });

  it("keeps a werkbegeleider's learning path in its organisation: the same person elsewhere in the network has none of it", async () => {
    const sanne = await signIn(t, "sanne.visser@netwerk.example", "linde");
    const frameworkId = (await demoFramework(t)).framework.id;
    // The demo's path of Sanne at De Linde.
    const made = expectStatus(await sanne.get("/api/v1/learning-path"));
    expect(made.path).not.toBeNull();
    const elsewhere = await signIn(t, "sanne.visser@netwerk.example", "rivier");
    const before = await snapshot();
    for (const query of ["", `?framework=${frameworkId}`]) {
      const response = await elsewhere.get(`/api/v1/learning-path${query}`);
      expect(expectStatus(response).path).toBeNull();
      for (const secret of [made.path.id, fixtures.scanId as string]) expect(response.body).not.toContain(secret);
    }
    const version = made.path.version;
    const items = made.path.items.map((i: { competence: string }) => ({ competence: i.competence, status: "done" }));
    expectStatus(await elsewhere.put("/api/v1/learning-path", { frameworkId, items, version }), 404);
    expectStatus(
      await elsewhere.post("/api/v1/learning-path/accept-proposal", { frameworkId, scanId: fixtures.scanId, version }),
      404,
    );
    expectStatus(await elsewhere.post("/api/v1/learning-path", { frameworkId, scanId: fixtures.scanId }), 422);
    expect(await snapshot()).toBe(before);
  });
  it("keeps scans' results in their organisation: results, comparisons and overviews elsewhere show none of them", async () => {
    const sanne = await signIn(t, "sanne.visser@netwerk.example", "linde");
    const history = expectStatus(await sanne.get("/api/v1/scans")).history as Array<{ id: string }>;
    const [later, earlier] = history;
    expect(expectStatus(await sanne.get(`/api/v1/scans/compare?from=${earlier?.id}&to=${later?.id}`)).to.id).toBe(
      later?.id,
    );
    // The same werkbegeleider at another member of the network, and that member's praktijkopleider.
    const elsewhere = await signIn(t, "sanne.visser@netwerk.example", "rivier");
    const ingrid = await signIn(t, "ingrid.bos@dewilgen.example", "wilgen");
    for (const reader of [elsewhere, ingrid, outsider]) {
      expectStatus(await reader.get(`/api/v1/scans/${later?.id}/results`), 404);
      expectStatus(await reader.get(`/api/v1/scans/compare?from=${earlier?.id}&to=${later?.id}`), 404);
    }
    const overview = await ingrid.get("/api/v1/scan-overview");
    expect(expectStatus(overview).items.map((i: { name: string }) => i.name)).not.toContain("Sanne Visser");
    for (const scan of history) expect(overview.body).not.toContain(scan.id);
  });
});
