import { and, count, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { auditEvents, eventRegistrations, memberships, users } from "../../src/db/schema.js";
import { createTestApp, type TestClient } from "../support/app.js";
import { tenantFixtures } from "../support/fixtures.js";

/**
 * Many people save the same row at the same moment, each from the version they read. Exactly
 * one save wins; every other one is told so (409) instead of silently overwriting it, and the
 * row ends up as the winner left it. On PostgreSQL the requests truly run side by side.
 */
const CLIENTS = 20;

const t = await createTestApp();
afterAll(() => t.close());
const ids = await tenantFixtures(t);
// Twenty browsers of De Linde's admin, each its own session.
const admins: TestClient[] = [];
for (let i = 0; i < CLIENTS; i++) admins.push(await t.login("beheer@delinde.example"));

const auditCount = async (type: string) => {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.organisationId, t.orgs.linde), eq(auditEvents.type, type)));
  return row?.n ?? 0;
};

/** The one 200 among the answers; every other one must be a 409 problem. */
function theWinner(responses: LightMyRequestResponse[]) {
  const statuses = responses.map((r) => r.statusCode);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(CLIENTS - 1);
  for (const lost of responses.filter((r) => r.statusCode === 409)) {
    expect(lost.headers["content-type"]).toContain("application/problem+json");
    expect(lost.json().code).toBe("problem.conflict");
  }
  return responses.findIndex((r) => r.statusCode === 200);
}

describe(`${CLIENTS} people saving the same row at once`, () => {
  it("one edit of a person wins; the others get 409 and the row is the winner's", async () => {
    const url = `/api/v1/people/${ids.personId}`;
    const before = (await admins[0]?.get(url))?.json();
    const audits = await auditCount("person.updated");
    const edits = admins.map((_, i) => ({
      version: before.version,
      displayName: `Gelijktijdige Naam ${i}`,
      roles: ["trainee"],
      jobTitle: `Functie ${i}`,
    }));
    const responses = await Promise.all(admins.map((admin, i) => admin.put(url, edits[i])));
    const winner = theWinner(responses);

    const after = (await admins[0]?.get(url))?.json();
    expect(after).toMatchObject({ name: edits[winner]?.displayName, jobTitle: edits[winner]?.jobTitle });
    expect(after.version).toBe(before.version + 1);
    expect(responses[winner]?.json()).toMatchObject({ name: edits[winner]?.displayName, version: before.version + 1 });
    expect(await auditCount("person.updated")).toBe(audits + 1);
  });

  it("one change of the organisation's branding wins; the others get 409 and the branding is the winner's", async () => {
    const url = "/api/v1/organisation/branding";
    const before = (await admins[0]?.get(url))?.json();
    const audits = await auditCount("branding.updated");
    const edits = admins.map((_, i) => ({
      version: before.version,
      name: `Zorggroep De Linde ${i}`,
      primaryColor: `#1${String(i).padStart(2, "0")}a3c`,
    }));
    const responses = await Promise.all(admins.map((admin, i) => admin.put(url, edits[i])));
    const winner = theWinner(responses);

    const after = (await admins[0]?.get(url))?.json();
    expect(after).toMatchObject({ name: edits[winner]?.name, primaryColor: edits[winner]?.primaryColor });
    expect(after.version).toBe(before.version + 1);
    expect(await auditCount("branding.updated")).toBe(audits + 1);
    expect((await admins[1]?.refreshSession())?.organisation.name).toBe(edits[winner]?.name);
  });

  it("one logo upload wins against the same version; the others get 409", async () => {
    const before = (await admins[0]?.get("/api/v1/organisation/branding"))?.json();
    // Each a different image that decodes: a pixel of its own colour.
    const images = await Promise.all(
      admins.map((_, i) =>
        sharp({ create: { width: 1, height: 1, channels: 3, background: { r: i, g: 0, b: 0 } } })
          .png()
          .toBuffer(),
      ),
    );
    const upload = (admin: TestClient, i: number) => {
      const form = new FormData();
      const bytes = new Uint8Array(images[i] as Buffer);
      form.append("logo", new Blob([bytes], { type: "image/png" }), `logo-${i}.png`);
      return admin.request({
        method: "POST",
        url: `/api/v1/organisation/logo?version=${before.version}`,
        payload: form as never,
      });
    };
    const responses = await Promise.all(admins.map(upload));
    const winner = theWinner(responses);
    const saved = responses[winner]?.json();
    const image = await admins[0]?.get(saved.logoUrl);
    const pixel = await sharp(image?.rawPayload).raw().toBuffer();
    expect(pixel[0]).toBe(winner);
    expect(saved.version).toBe(before.version + 1);
  });
});

describe("one person copying the same thing twice at once (a double click, two tabs)", () => {
  const copies = 5;

  it("gets a copy of a regime for every request, each under its own key", async () => {
    const responses = await Promise.all(
      admins
        .slice(0, copies)
        .map((admin) => admin.post("/api/v1/regimes", { basedOn: "coaching", name: "Coaching kopie" })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(copies).fill(201));
    const keys = responses.map((r) => r.json().key as string);
    expect(new Set(keys).size).toBe(copies);
    for (const key of keys) expect(key).toMatch(/^coaching_\d+$/);
    expect(await auditCount("regime.copied")).toBeGreaterThanOrEqual(copies);
  });

  it("gets a copy of a requirement profile for every request, each under its own key", async () => {
    const basedOn = "skj_master_under_3648";
    const responses = await Promise.all(
      admins
        .slice(0, copies)
        .map((admin) => admin.post("/api/v1/requirement-profiles", { basedOn, name: "Eisen kopie" })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(copies).fill(201));
    const keys = responses.map((r) => r.json().key as string);
    expect(new Set(keys).size).toBe(copies);
    for (const key of keys) expect(key.startsWith(`${basedOn}_`)).toBe(true);
  });
});

describe(`${CLIENTS} registrations for the last places of a session at once`, () => {
  it("fills the session exactly to its capacity and puts everyone else on the waiting list, in one order", async () => {
    const db = t.database.db;
    const made = await db
      .insert(users)
      .values(
        Array.from({ length: CLIENTS }, (_, i) => ({
          email: `deelnemer.${i}.${Date.now()}@delinde.example`,
          name: `Deelnemer ${i}`,
        })),
      )
      .returning({ id: users.id });
    await db
      .insert(memberships)
      .values(made.map((u) => ({ organisationId: t.orgs.linde, userId: u.id, roles: ["guide" as const] })));
    const officers: TestClient[] = [];
    for (let i = 0; i < CLIENTS; i++) officers.push(await t.login("joost.smit@delinde.example"));
    const capacity = 3;
    const created = await officers[0]?.post("/api/v1/events", {
      title: "Leerfestival, volle zaal",
      kind: "festival",
      audience: "guides",
      startsAt: "2030-03-01T13:00:00+01:00",
      endsAt: "2030-03-01T17:00:00+01:00",
      place: "Theater",
      registrationDeadline: "2030-02-25T17:00:00+01:00",
      sessions: [{ round: 1, title: "Klein gezelschap", capacity }],
    });
    const event = created?.json();
    const sessionId = event.sessions[0].id;
    const responses = await Promise.all(
      officers.map((officer, i) =>
        officer.post(`/api/v1/events/${event.id}/registrations`, { sessionId, userId: made[i]?.id }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 200));
    const lines = await db
      .select({ status: eventRegistrations.status, at: eventRegistrations.registeredAt })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.sessionId, sessionId))
      .orderBy(eventRegistrations.registeredAt);
    expect(lines.filter((l) => l.status === "registered")).toHaveLength(capacity);
    expect(lines.filter((l) => l.status === "waiting")).toHaveLength(CLIENTS - capacity);
    // The places went to the first comers: nobody registered holds a later line than someone waiting.
    expect(lines.slice(0, capacity).every((l) => l.status === "registered")).toBe(true);
  });
});
