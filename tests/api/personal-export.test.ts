import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessLog, auditEvents, meetings, memberships, users } from "../../src/db/schema.js";
import { EXPORT_FORMAT, type PersonalExport } from "../../src/domain/privacy/export.js";
import { PERSONAL_DATA } from "../../src/domain/privacy/registry.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { tenantFixtures } from "../support/fixtures.js";
import { pdfText } from "../support/pdf-text.js";

/**
 * The person's own export (decision 0037): every entry of the registry of personal data has its
 * section; what it holds is what the API shows the person, read as them; the admin produces it on
 * request, and that is logged; one organisation's export holds nothing of another's.
 */

const ADMIN = "beheer@delinde.example";
const GUIDE = "sanne.visser@netwerk.example";
const TRAINEE = "daan.bakker@delinde.example";

let t: TestApp;
let admin: TestClient;
let guide: TestClient;
let trainee: TestClient;

beforeAll(async () => {
  t = await createTestApp({ PDF_LIMIT_PER_SESSION: "1000" });
  await tenantFixtures(t);
  admin = await signIn(t, ADMIN);
  guide = await signIn(t, GUIDE);
  trainee = await signIn(t, TRAINEE);
});
afterAll(() => t.close());

const exportOf = async (client: TestClient) => expectStatus<PersonalExport>(await client.get("/api/v1/me/export"));

/** A page's view as the export keeps it: without the regime's rules and the buttons. */
function withoutFrame(view: Record<string, unknown>) {
  const { regime: _r, abilities: _a, due: _d, ...data } = view;
  return data;
}

type Records = { records: Record<string, unknown>[] };
const recordsOf = (made: PersonalExport, table: string) => (made.sections[table] as Records).records;

describe("the person's own export", () => {
  it("has one section for every entry of the registry, in its order, named in the reader's language", async () => {
    const response = await trainee.get("/api/v1/me/export");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/json");
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="daan-bakker-gegevens\.json"$/);
    const made = response.json<PersonalExport>();
    expect(made.format).toBe(EXPORT_FORMAT);
    expect(made.organisation.id).toBe(t.orgs.linde);
    expect(made.person).toMatchObject({ name: "Daan Bakker", email: TRAINEE });
    expect(Object.keys(made.sections)).toEqual(PERSONAL_DATA.map((entry) => entry.table));
    for (const entry of PERSONAL_DATA) expect(made.sections[entry.table]?.what).toBe(entry.what.nl);
    for (const section of Object.values(made.sections)) {
      if ("within" in section) expect(made.sections[section.within], section.what).toHaveProperty("records");
    }
    await t.database.db.update(users).set({ locale: "en" }).where(eq(users.email, TRAINEE));
    try {
      const english = await exportOf(trainee);
      expect(english.sections.meetings?.what).toBe(PERSONAL_DATA.find((e) => e.table === "meetings")?.what.en);
      expect(english.sections.audit_events).toMatchObject({ notShown: expect.stringContaining("admins only") });
    } finally {
      await t.database.db.update(users).set({ locale: "nl" }).where(eq(users.email, TRAINEE));
    }
  });

  it("holds each trajectory and meeting exactly as their pages show them to the person", async () => {
    const made = await exportOf(trainee);
    const trajectories = recordsOf(made, "trajectories");
    expect(trajectories.length).toBeGreaterThan(0);
    let meetingsCompared = 0;
    for (const exported of trajectories) {
      const { meetings: exportedMeetings, declarations, report, ...detail } = exported as Record<string, unknown>;
      const page = expectStatus(await trainee.get(`/api/v1/trajectories/${exported.id}`));
      expect(detail).toEqual(
        withoutFrame({ ...page, meetings: undefined, declarations: undefined, report: undefined }),
      );
      expect(Array.isArray(declarations)).toBe(true);
      if (page.report === null) expect(report).toBeNull();
      for (const meeting of exportedMeetings as Record<string, unknown>[]) {
        const shown = expectStatus(await trainee.get(`/api/v1/meetings/${meeting.id}`));
        expect(meeting).toEqual(withoutFrame(shown));
        meetingsCompared++;
      }
    }
    expect(meetingsCompared).toBeGreaterThan(0);
  });

  it("never holds what the person's role may not see, such as a guide's confidential notes", async () => {
    const commissioner = await signIn(t, "fatima.yilmaz@delinde.example");
    const made = await exportOf(commissioner);
    const theirs = recordsOf(made, "trajectories").find(
      (tr) => (tr.viewerRoles as string[]).includes("commissioner") && (tr.meetings as unknown[]).length > 0,
    );
    const meetingId = (theirs?.meetings as { id: string }[] | undefined)?.[0]?.id ?? "";
    const secret = "Alleen voor de begeleider: zorgen over de werkdruk";
    await t.database.db.update(meetings).set({ notes: secret, confidential: true }).where(eq(meetings.id, meetingId));
    const again = await commissioner.get("/api/v1/me/export");
    expect(again.body).not.toContain(secret);
    const meeting = recordsOf(again.json(), "trajectories")
      .flatMap((tr) => tr.meetings as Record<string, unknown>[])
      .find((m) => m.id === meetingId);
    expect(meeting).toMatchObject({ notes: null, notesHidden: true });
    const pdf = await commissioner.get("/api/v1/me/export?format=pdf");
    expect(await pdfText(pdf.rawPayload)).not.toContain(secret);
  });

  it("is a readable PDF with the same sections", async () => {
    const response = await trainee.get("/api/v1/me/export?format=pdf");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const text = (await pdfText(response.rawPayload)).replace(/\s+/g, " ");
    expect(text).toContain("Mijn gegevens");
    expect(text).toContain("Daan Bakker");
    expect(text).toContain("Begeleidingstraject: plan, periode, status");
    expect(text).toContain("Koers toont dit alleen aan beheerders");
  });

  it("of a guide holds only this organisation's data, though the guide works for two", async () => {
    const made = await exportOf(guide);
    expect(made.organisation.id).toBe(t.orgs.linde);
    const ids = new Set(recordsOf(made, "trajectories").map((tr) => tr.id));
    expect(ids.size).toBeGreaterThan(0);
    const there = await exportOf(await signIn(t, GUIDE, "rivier"));
    expect(there.organisation.id).toBe(t.orgs.rivier);
    expect(recordsOf(there, "trajectories").length).toBeGreaterThan(0);
    for (const tr of recordsOf(there, "trajectories")) expect(ids.has(tr.id)).toBe(false);
    expect(JSON.stringify(there)).not.toContain("Daan Bakker");
  });

  it("asks to be signed in", async () => {
    const anonymous = await t.anonymous();
    const response = await anonymous.get("/api/v1/me/export");
    expect(response.statusCode).toBe(401);
  });
});

describe("the admin producing a person's export on request", () => {
  it("gives what the person sees, and writes the request and its fulfilment down", async () => {
    const daan = await t.membershipOf(TRAINEE);
    const own = await exportOf(trainee);
    const response = await admin.post(`/api/v1/people/${daan.id}/export`, {
      requestedOn: "2026-11-30",
      format: "json",
    });
    const made = expectStatus<PersonalExport>(response);
    expect(response.headers["content-disposition"]).toContain("daan-bakker-gegevens.json");
    const { access_log: _ownLog, ...ownSections } = own.sections;
    const { access_log: _madeLog, ...madeSections } = made.sections;
    expect(madeSections).toEqual(ownSections);
    expect(made.person).toEqual(own.person);

    const [audited] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, "privacy.exportProduced"), eq(auditEvents.subjectId, daan.id)));
    expect(audited).toMatchObject({
      organisationId: t.orgs.linde,
      subjectType: "person",
      after: { requestedOn: "2026-11-30", format: "json" },
    });
    const log = await t.database.db
      .select({ kind: accessLog.kind, viewer: accessLog.viewerUserId })
      .from(accessLog)
      .where(and(eq(accessLog.subjectUserId, daan.userId), eq(accessLog.kind, "export")));
    const adminAccount = await t.membershipOf(ADMIN);
    expect(log).toEqual([{ kind: "export", viewer: adminAccount.userId }]);
    const mine = expectStatus(await trainee.get("/api/v1/access-log/mine"));
    expect(mine.items[0]).toMatchObject({ kind: "export", viewer: { id: adminAccount.id } });
  });

  it("names the admin, not the person, for the reads of others' data in a guide's export", async () => {
    const sanne = await t.membershipOf(GUIDE);
    const adminAccount = await t.membershipOf(ADMIN);
    const before = await t.database.db.select({ id: accessLog.id }).from(accessLog);
    const pdf = await admin.post(`/api/v1/people/${sanne.id}/export`, { requestedOn: "2026-12-01", format: "pdf" });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const known = new Set(before.map((r) => r.id));
    const added = (await t.database.db.select().from(accessLog)).filter((r) => !known.has(r.id));
    expect(added.length).toBeGreaterThan(1);
    for (const row of added) expect(row.viewerUserId).toBe(adminAccount.userId);
  });

  it("is the admin's alone, refuses a request dated in the future at its field, and knows no other organisation's people", async () => {
    const daan = await t.membershipOf(TRAINEE);
    const refused = await guide.post(`/api/v1/people/${daan.id}/export`, { requestedOn: "2026-11-30", format: "json" });
    expect(refused.statusCode).toBe(403);
    const future = await admin.post(`/api/v1/people/${daan.id}/export`, { requestedOn: "2199-01-01", format: "json" });
    expect(future.statusCode).toBe(422);
    expect(future.headers["content-type"]).toContain("application/problem+json");
    expect(Object.keys(future.json().errors)).toEqual(["requestedOn"]);
    const [stranger] = await t.database.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.organisationId, t.orgs.rivier));
    const across = await admin.post(`/api/v1/people/${stranger?.id}/export`, {
      requestedOn: "2026-11-30",
      format: "json",
    });
    expect(across.statusCode).toBe(404);
  });
});
