import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, competenceScans, notifications, scanFriends } from "../../src/db/schema.js";
import type { FriendRequest, FriendRequestList, ScanDetail, ScanList } from "../../src/domain/competences/scan-api.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { friendTokenFor, newestOutboxMail } from "../support/mailbox.js";
import { demoFramework, userIdOf } from "../support/scans.js";

let t: TestApp;
let sanne: TestClient;
let frameworkId: string;
beforeAll(async () => {
  t = await createTestApp();
  sanne = await signIn(t, "sanne.visser@netwerk.example", "linde");
  frameworkId = (await demoFramework(t)).framework.id;
});
afterAll(() => t.close());

const SANNE = "sanne.visser@netwerk.example";
const JOOST = "joost.smit@delinde.example";
const FATIMA = "fatima.yilmaz@delinde.example";

const behaviours = (scan: ScanDetail) =>
  scan.framework.competences.flatMap((c) => c.skills.flatMap((s) => s.behaviours.map((b) => b.key)));

/** Sanne's open scan, started if there is none. */
async function openScan(): Promise<ScanDetail> {
  const list = expectStatus<ScanList>(await sanne.get("/api/v1/scans"));
  if (list.open) return expectStatus<ScanDetail>(await sanne.get(`/api/v1/scans/${list.open.id}`));
  return expectStatus<ScanDetail>(await sanne.post("/api/v1/scans", { frameworkId, variant: "mbo3" }), 201);
}

async function auditTypes(scanId: string) {
  const rows = await t.database.db
    .select({ type: auditEvents.type, after: auditEvents.after })
    .from(auditEvents)
    .where(eq(auditEvents.subjectId, scanId));
  return rows;
}

async function membershipIdOf(email: string) {
  const scan = await openScan();
  const userId = await userIdOf(t, email);
  const name = { [JOOST]: "Joost Smit", [FATIMA]: "Fatima Yılmaz" }[email];
  const candidate = scan.candidates.find((c) => c.name === name);
  if (!candidate) throw new Error(`${email} (${userId}) is no candidate`);
  return candidate.membershipId;
}

describe("starting a self-scan", () => {
  it("lists what a werkbegeleider may start, and starts one with the organisation's extensions", async () => {
    const list = expectStatus<ScanList>(await sanne.get("/api/v1/scans"));
    const startable = list.startable.find((f) => f.frameworkId === frameworkId);
    expect(startable?.variants.map((v) => v.key)).toEqual(["mbo2", "mbo3", "mbo4"]);
    expect(startable?.versionNumber).toBe(1);

    const scan = await openScan();
    expect(scan.status).toBe("open");
    expect(scan.variant.key).toBe("mbo3");
    expect(scan.framework.scale.length).toBeGreaterThanOrEqual(2);
    // De Linde's own core-value behaviours are in the scan.
    expect(behaviours(scan)).toContain("linde_aandacht");
    const [row] = await t.database.db.select().from(competenceScans).where(eq(competenceScans.id, scan.id));
    expect(row?.extensions).toHaveLength(1);
    expect((await auditTypes(scan.id)).map((a) => a.type)).toContain("scan.started");
    expect(expectStatus<ScanList>(await sanne.get("/api/v1/scans")).open?.id).toBe(scan.id);
  });

  it("allows one open scan at a time, and refuses an unknown variant or framework", async () => {
    await openScan();
    const again = expectStatus(await sanne.post("/api/v1/scans", { frameworkId, variant: "mbo3" }), 409);
    expect(again.code).toBe("scan.openExists");
    const variant = expectStatus(await sanne.post("/api/v1/scans", { frameworkId, variant: "hbo" }), 422);
    expect(variant.errors.variant).toBeTruthy();
    const unknown = expectStatus(
      await sanne.post("/api/v1/scans", { frameworkId: "00000000-0000-4000-8000-000000000000", variant: "mbo3" }),
      422,
    );
    expect(unknown.errors.frameworkId).toEqual(expect.any(String));
  });

  it("is for werkbegeleiders only", async () => {
    for (const email of [JOOST, FATIMA, "daan.bakker@delinde.example"]) {
      const client = await signIn(t, email, "linde");
      expectStatus(await client.get("/api/v1/scans"), 403);
      expectStatus(await client.post("/api/v1/scans", { frameworkId, variant: "mbo3" }), 403);
    }
  });
});

describe("rating as one goes", () => {
  it("merges ratings and examples, versioned", async () => {
    const scan = await openScan();
    const [first, second] = behaviours(scan);
    const competence = scan.framework.competences[0]?.key ?? "";
    const saved = expectStatus<ScanDetail>(
      await sanne.put(`/api/v1/scans/${scan.id}`, {
        ratings: { [first as string]: 2 },
        examples: { [competence]: "Ik voer elke week een begeleidingsgesprek met Daan." },
        version: scan.version,
      }),
    );
    expect(saved.version).toBe(scan.version + 1);
    const again = expectStatus<ScanDetail>(
      await sanne.put(`/api/v1/scans/${scan.id}`, { ratings: { [second as string]: 3 }, version: saved.version }),
    );
    expect(again.ratings).toMatchObject({ [first as string]: 2, [second as string]: 3 });
    expect(again.examples[competence]).toContain("Daan");

    // A stale save: 409 with the current scan, nothing stored.
    const stale = expectStatus(
      await sanne.put(`/api/v1/scans/${scan.id}`, { ratings: { [first as string]: 4 }, version: saved.version }),
      409,
    );
    expect(stale.current.ratings[first as string]).toBe(2);
    // Cleared again with null.
    const cleared = expectStatus<ScanDetail>(
      await sanne.put(`/api/v1/scans/${scan.id}`, { ratings: { [second as string]: null }, version: again.version }),
    );
    expect(cleared.ratings[second as string]).toBeNull();
  });

  it("refuses a rating off the scale or a key outside the framework, at the field, storing nothing", async () => {
    const scan = await openScan();
    const [first, second] = behaviours(scan);
    const bad = expectStatus(
      await sanne.put(`/api/v1/scans/${scan.id}`, {
        ratings: { [first as string]: 4, [second as string]: 9, onbekend: 2 },
        examples: { geen_competentie: "tekst" },
        version: scan.version,
      }),
      422,
    );
    expect(Object.keys(bad.errors).sort()).toEqual(
      [`ratings.${second}`, "ratings.onbekend", "examples.geen_competentie"].sort(),
    );
    const after = expectStatus<ScanDetail>(await sanne.get(`/api/v1/scans/${scan.id}`));
    expect(after.version).toBe(scan.version);
    expect(after.ratings[first as string]).toBe(scan.ratings[first as string]);
  });

  it("is the owner's only: the praktijkopleider and the team leader get 404 here", async () => {
    const scan = await openScan();
    for (const email of [JOOST, FATIMA]) {
      const other = await signIn(t, email, "linde");
      expectStatus(await other.get(`/api/v1/scans/${scan.id}`), 404);
      expectStatus(await other.put(`/api/v1/scans/${scan.id}`, { ratings: {}, version: scan.version }), 404);
    }
  });
});

describe("critical friends", () => {
  it("asks a member in-app; they see only the behaviours and the scale, and answer once", async () => {
    const scan = await openScan();
    const membershipId = await membershipIdOf(JOOST);
    const asked = expectStatus<ScanDetail>(
      await sanne.post(`/api/v1/scans/${scan.id}/friends`, { kind: "praktijkopleider", membershipId }),
      201,
    );
    const friend = asked.friends.find((f) => f.name === "Joost Smit");
    expect(friend).toMatchObject({ kind: "praktijkopleider", member: true, status: "invited" });
    const again = expectStatus(
      await sanne.post(`/api/v1/scans/${scan.id}/friends`, { kind: "colleague", membershipId }),
      422,
    );
    expect(again.errors.membershipId).toEqual(expect.any(String));

    const joost = await signIn(t, JOOST, "linde");
    const [note] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, await userIdOf(t, JOOST)), eq(notifications.kind, "scan.friendRequest")));
    expect(note?.link).toBe(`/beoordelen/${friend?.id}`);
    const list = expectStatus<FriendRequestList>(await joost.get("/api/v1/friend-requests"));
    expect(list.items.map((i) => i.id)).toContain(friend?.id);
    const request = expectStatus<FriendRequest>(await joost.get(`/api/v1/friend-requests/${friend?.id}`));
    expect(request.ownerName).toBe("Sanne Visser");
    // Nothing of the owner's own ratings or examples.
    expect(JSON.stringify(request)).not.toContain("begeleidingsgesprek");
    expect(request).not.toHaveProperty("ratings");
    // Someone else cannot read Joost's request.
    expectStatus(await (await signIn(t, FATIMA, "linde")).get(`/api/v1/friend-requests/${friend?.id}`), 404);

    const keys = request.framework.competences.flatMap((c) => c.skills.flatMap((s) => s.behaviours.map((b) => b.key)));
    const offScale = expectStatus(
      await joost.put(`/api/v1/friend-requests/${friend?.id}`, { ratings: { [keys[0] as string]: 7 } }),
      422,
    );
    expect(offScale.errors[`ratings.${keys[0]}`]).toBeTruthy();
    expectStatus(
      await joost.put(`/api/v1/friend-requests/${friend?.id}`, {
        ratings: Object.fromEntries(keys.map((k) => [k, 3])),
      }),
      204,
    );
    const twice = expectStatus(
      await joost.put(`/api/v1/friend-requests/${friend?.id}`, { ratings: { [keys[0] as string]: 2 } }),
      410,
    );
    expect(twice.code).toBe("scanFriend.used");
    const [row] = await t.database.db
      .select()
      .from(scanFriends)
      .where(eq(scanFriends.id, friend?.id ?? ""));
    expect(row?.status).toBe("answered");
    expect(row?.ratings[keys[0] as string]).toBe(3);
    // The owner sees that Joost answered, never what.
    const seen = expectStatus<ScanDetail>(await sanne.get(`/api/v1/scans/${scan.id}`));
    expect(seen.friends.find((f) => f.id === friend?.id)?.status).toBe("answered");
    expect(JSON.stringify(seen.friends)).not.toContain('"ratings"');
    expect(expectStatus(await sanne.delete(`/api/v1/scans/${scan.id}/friends/${friend?.id}`), 409).code).toBe(
      "scanFriend.notOpen",
    );
    const audit = await auditTypes(scan.id);
    expect(audit.map((a) => a.type)).toEqual(expect.arrayContaining(["scanFriend.invited", "scanFriend.answered"]));
    // The audit log never holds a rating.
    expect(JSON.stringify(audit)).not.toMatch(/"ratings"/);
  });

  it("lets a member decline, and the owner withdraw an unanswered request", async () => {
    const scan = await openScan();
    const asked = expectStatus<ScanDetail>(
      await sanne.post(`/api/v1/scans/${scan.id}/friends`, {
        kind: "team_leader",
        membershipId: await membershipIdOf(FATIMA),
      }),
      201,
    );
    const friend = asked.friends.find((f) => f.name === "Fatima Yılmaz");
    const fatima = await signIn(t, FATIMA, "linde");
    expectStatus(await fatima.post(`/api/v1/friend-requests/${friend?.id}/decline`), 204);
    expect(expectStatus<FriendRequestList>(await fatima.get("/api/v1/friend-requests")).items).toEqual([]);
    expect(expectStatus(await fatima.post(`/api/v1/friend-requests/${friend?.id}/decline`), 410).code).toBe(
      "scanFriend.used",
    );

    const eva = expectStatus<ScanDetail>(
      await sanne.post(`/api/v1/scans/${scan.id}/friends`, {
        kind: "colleague",
        name: "Eva de Wit",
        email: "eva@extern.example",
      }),
      201,
    );
    const evaFriend = eva.friends.find((f) => f.name === "Eva de Wit");
    const token = await friendTokenFor(t, "eva@extern.example");
    const withdrawn = expectStatus<ScanDetail>(await sanne.delete(`/api/v1/scans/${scan.id}/friends/${evaFriend?.id}`));
    expect(withdrawn.friends.map((f) => f.id)).not.toContain(evaFriend?.id);
    expect(expectStatus(await (await t.anonymous()).get(`/api/v1/friend-links?token=${token}`), 410).code).toBe(
      "scanFriend.withdrawn",
    );
    const types = (await auditTypes(scan.id)).map((a) => a.type);
    expect(types).toEqual(expect.arrayContaining(["scanFriend.declined", "scanFriend.withdrawn"]));
  });

  it("mails someone without an account a single-use link that expires", async () => {
    const scan = await openScan();
    expectStatus(
      await sanne.post(`/api/v1/scans/${scan.id}/friends`, {
        kind: "colleague",
        name: "Mirjam Kok",
        email: "Mirjam.Kok@extern.example",
      }),
      201,
    );
    const mail = await newestOutboxMail(t, "mirjam.kok@extern.example");
    expect(mail.subject).toContain("Sanne Visser");
    const token = await friendTokenFor(t, "mirjam.kok@extern.example");
    // Only the hash is stored.
    const rows = await t.database.db
      .select()
      .from(scanFriends)
      .where(eq(scanFriends.email, "mirjam.kok@extern.example"));
    expect(rows[0]?.tokenHash).not.toContain(token);

    const stranger = await t.anonymous();
    const shown = expectStatus<FriendRequest>(
      await stranger.get(`/api/v1/friend-links?token=${encodeURIComponent(token)}`),
    );
    expect(shown.ownerName).toBe("Sanne Visser");
    expect(JSON.stringify(shown)).not.toContain("begeleidingsgesprek");
    const keys = shown.framework.competences.flatMap((c) => c.skills.flatMap((s) => s.behaviours.map((b) => b.key)));
    const bad = expectStatus(
      await stranger.post("/api/v1/friend-links/answer", { token, ratings: { [keys[0] as string]: 0, nee: 2 } }),
      422,
    );
    expect(Object.keys(bad.errors).sort()).toEqual([`ratings.${keys[0]}`, "ratings.nee"].sort());
    expectStatus(
      await stranger.post("/api/v1/friend-links/answer", {
        token,
        ratings: Object.fromEntries(keys.map((k) => [k, 2])),
      }),
      204,
    );
    // A reused link: a clear problem, and nothing changes.
    expect(
      expectStatus(
        await stranger.post("/api/v1/friend-links/answer", { token, ratings: { [keys[0] as string]: 4 } }),
        410,
      ).code,
    ).toBe("scanFriend.used");
    expect(expectStatus(await stranger.get(`/api/v1/friend-links?token=${encodeURIComponent(token)}`), 410).code).toBe(
      "scanFriend.used",
    );
    const [row] = await t.database.db
      .select()
      .from(scanFriends)
      .where(eq(scanFriends.email, "mirjam.kok@extern.example"));
    expect(row?.ratings[keys[0] as string]).toBe(2);
    const answered = (await auditTypes(scan.id)).find(
      (a) => a.type === "scanFriend.answered" && (a.after as { friendId: string }).friendId === row?.id,
    );
    expect(answered).toBeTruthy();

    expect(expectStatus(await stranger.get("/api/v1/friend-links?token=nonsense"), 422).code).toBe(
      "scanFriend.linkInvalid",
    );
  });

  it("refuses an expired link, and lets an outsider decline", async () => {
    const scan = await openScan();
    for (const email of ["laat@extern.example", "nee@extern.example"])
      expectStatus(
        await sanne.post(`/api/v1/scans/${scan.id}/friends`, { kind: "student", name: "Student", email }),
        201,
      );
    const late = await friendTokenFor(t, "laat@extern.example");
    await t.database.db
      .update(scanFriends)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(scanFriends.email, "laat@extern.example"));
    const stranger = await t.anonymous();
    expect(expectStatus(await stranger.get(`/api/v1/friend-links?token=${encodeURIComponent(late)}`), 410).code).toBe(
      "scanFriend.expired",
    );
    expect(
      expectStatus(await stranger.post("/api/v1/friend-links/answer", { token: late, ratings: {} }), 410).code,
    ).toBe("scanFriend.expired");
    const seen = expectStatus<ScanDetail>(await sanne.get(`/api/v1/scans/${scan.id}`));
    expect(seen.friends.find((f) => f.status === "expired")).toBeTruthy();

    const no = await friendTokenFor(t, "nee@extern.example");
    expectStatus(await stranger.post("/api/v1/friend-links/decline", { token: no }), 204);
    expect(expectStatus(await stranger.post("/api/v1/friend-links/decline", { token: no }), 410).code).toBe(
      "scanFriend.used",
    );
  });
});

describe("finishing", () => {
  it("needs every behaviour rated, names the missing ones, then never changes", async () => {
    const scan = await openScan();
    const keys = behaviours(scan);
    const missing = expectStatus(await sanne.post(`/api/v1/scans/${scan.id}/finish`), 422);
    expect(missing.code).toBe("scan.incomplete");
    const unrated = keys.filter((k) => typeof scan.ratings[k] !== "number");
    expect(Object.keys(missing.errors).sort()).toEqual(unrated.map((k) => `ratings.${k}`).sort());

    const rated = expectStatus<ScanDetail>(
      await sanne.put(`/api/v1/scans/${scan.id}`, {
        ratings: Object.fromEntries(keys.map((k) => [k, 3])),
        version: scan.version,
      }),
    );
    const finished = expectStatus<ScanDetail>(await sanne.post(`/api/v1/scans/${scan.id}/finish`));
    expect(finished.status).toBe("finished");
    expect(finished.finishedAt).not.toBeNull();
    expect(
      expectStatus(await sanne.put(`/api/v1/scans/${scan.id}`, { ratings: {}, version: finished.version }), 409).code,
    ).toBe("scan.finished");
    expect(expectStatus(await sanne.post(`/api/v1/scans/${scan.id}/finish`), 409).code).toBe("scan.finished");
    expect(rated.version).toBeLessThan(finished.version);

    // Friends may still be asked on a finished scan.
    expectStatus(
      await sanne.post(`/api/v1/scans/${scan.id}/friends`, {
        kind: "colleague",
        name: "Kees",
        email: "kees@extern.example",
      }),
      201,
    );
    const list = expectStatus<ScanList>(await sanne.get("/api/v1/scans"));
    expect(list.open).toBeNull();
    expect(list.history[0]?.id).toBe(scan.id);
    expect((await auditTypes(scan.id)).map((a) => a.type)).toContain("scan.finished");
    // A new one may start now.
    const next = expectStatus<ScanDetail>(await sanne.post("/api/v1/scans", { frameworkId, variant: "mbo4" }), 201);
    expect(next.status).toBe("open");
    void SANNE;
  });
});

describe("a finished scan in the database", () => {
  it("refuses any change to what was rated, whoever asks", async () => {
    const [finished] = await t.database.db
      .select()
      .from(competenceScans)
      .where(and(eq(competenceScans.organisationId, t.orgs.linde), eq(competenceScans.status, "finished")))
      .limit(1);
    if (!finished) throw new Error("no finished scan");
    await expect(
      t.database.db.update(competenceScans).set({ ratings: {} }).where(eq(competenceScans.id, finished.id)),
    ).rejects.toThrow();
    await expect(t.database.db.delete(competenceScans).where(eq(competenceScans.id, finished.id))).rejects.toThrow();
  });
});
