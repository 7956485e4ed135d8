import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, invitations } from "../../src/db/schema.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { invitationTokenFor } from "../support/mailbox.js";

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("beheer@delinde.example");
});
afterAll(() => t.close());

const PASSWORD = "Een-nieuw-wachtwoord-1";

/** Reads the newest mail to `to` from the outbox, as the admin would. */
async function latestMailTo(reader: TestClient, to: string) {
  const list = await reader.get("/api/v1/outbox");
  expect(list.statusCode).toBe(200);
  const item = list.json().items.find((m: { to: string }) => m.to === to);
  expect(item, `no mail to ${to}`).toBeDefined();
  const message = await reader.get(`/api/v1/outbox/${item.id}`);
  expect(message.statusCode).toBe(200);
  return message.json() as { id: string; to: string; subject: string; text: string; withheld: boolean };
}

/** The token of the invitation link in the newest mail to `to`, as the invitee would click it. */
const invitationToken = (to: string) => invitationTokenFor(t, to);

async function invite(email: string, name = "Nieuwe Collega", roles = ["guide"], by: TestClient = admin) {
  const response = await by.post("/api/v1/invitations", { email, name, roles });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; email: string; status: string };
}

async function statusOf(id: string, by: TestClient = admin) {
  const list = await by.get("/api/v1/invitations");
  return list.json().items.find((i: { id: string }) => i.id === id)?.status;
}

describe("inviting a new person", () => {
  it("mails a link; accepting sets a password and signs the person in to that organisation", async () => {
    const created = await invite("Kim.Peeters@Example.org", "Kim Peeters", ["trainee", "guide"]);
    expect(created.email).toBe("kim.peeters@example.org");
    expect(created.status).toBe("pending");

    const mail = await latestMailTo(admin, "kim.peeters@example.org");
    expect(mail.subject).toBe("Uitnodiging voor Zorggroep De Linde in Koers");
    expect(mail.text).toContain("Anna de Vries nodigt je uit");
    const token = await invitationToken("kim.peeters@example.org");
    // The admin's outbox shows that the mail went out, never the link itself.
    expect(mail.withheld).toBe(true);
    expect(mail.text).not.toContain(token);
    expect(mail.text).not.toContain(encodeURIComponent(token));

    // Only the hash of the token is stored.
    const [stored] = await t.database.db.select().from(invitations).where(eq(invitations.id, created.id));
    expect(stored?.tokenHash).not.toContain(token);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const invitee = await t.anonymous();
    const info = await invitee.get(`/api/v1/invitations/accept?token=${encodeURIComponent(token)}`);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({
      organisation: { name: "Zorggroep De Linde", primaryColor: "#237a35" },
      name: "Kim Peeters",
      email: "kim.peeters@example.org",
      accountExists: false,
    });

    const short = await invitee.post("/api/v1/invitations/accept", { token, password: "kort" });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors.password).toContain("10");

    const accepted = await invitee.post("/api/v1/invitations/accept", { token, password: PASSWORD });
    expect(accepted.statusCode, accepted.body).toBe(204);
    const session = await invitee.refreshSession();
    expect(session.user).toMatchObject({ email: "kim.peeters@example.org", name: "Kim Peeters" });
    expect(session.organisation.id).toBe(t.orgs.linde);
    expect(session.organisation.roles.sort()).toEqual(["guide", "trainee"]);

    // The new password works for signing in later.
    await t.login("kim.peeters@example.org", PASSWORD);
    expect(await statusOf(created.id)).toBe("accepted");

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, created.id), eq(auditEvents.organisationId, t.orgs.linde)));
    expect(audit.map((a) => a.type).sort()).toEqual(["invitation.accepted", "invitation.created"]);
    expect(audit.find((a) => a.type === "invitation.accepted")?.actorUserId).toBe(session.user.id);

    // Accepting twice: the link is used up.
    const again = await (await t.anonymous()).post("/api/v1/invitations/accept", { token, password: PASSWORD });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe("auth.tokenInvalid");
    expect(again.json().title).toContain("ongeldig of verlopen");
  });

  it("adds a membership to an existing account after confirming its own password", async () => {
    const created = await invite("lisa.dekker@rivierenland.example", "Lisa Dekker", ["guide"]);
    const token = await invitationToken("lisa.dekker@rivierenland.example");
    const invitee = await t.anonymous();
    const info = await invitee.get(`/api/v1/invitations/accept?token=${encodeURIComponent(token)}`);
    expect(info.json().accountExists).toBe(true);

    const wrong = await invitee.post("/api/v1/invitations/accept", { token, password: "niet-het-goede-wachtwoord" });
    expect(wrong.statusCode).toBe(422);
    expect(Object.keys(wrong.json().errors)).toEqual(["password"]);
    expect(await statusOf(created.id)).toBe("pending");

    const accepted = await invitee.post("/api/v1/invitations/accept", { token, password: "Koers-demo-2026" });
    expect(accepted.statusCode, accepted.body).toBe(204);
    const session = await invitee.refreshSession();
    expect(session.user.email).toBe("lisa.dekker@rivierenland.example");
    expect(session.organisation.id).toBe(t.orgs.linde);
    expect(session.organisations.map((o: { id: string }) => o.id).sort()).toEqual([t.orgs.linde, t.orgs.rivier].sort());

    // Her password is unchanged.
    await t.login("lisa.dekker@rivierenland.example", "Koers-demo-2026");
  });

  it("refuses an expired link, and resending gives a new week", async () => {
    const created = await invite("verlopen@example.org");
    const token = await invitationToken("verlopen@example.org");
    await t.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitations.id, created.id));
    expect(await statusOf(created.id)).toBe("expired");

    const invitee = await t.anonymous();
    const info = await invitee.get(`/api/v1/invitations/accept?token=${encodeURIComponent(token)}`);
    expect(info.statusCode).toBe(422);
    expect(info.json().code).toBe("auth.tokenInvalid");
    const accept = await invitee.post("/api/v1/invitations/accept", { token, password: PASSWORD });
    expect(accept.statusCode).toBe(422);
    expect(accept.json().code).toBe("auth.tokenInvalid");

    const resent = await admin.post(`/api/v1/invitations/${created.id}/resend`);
    expect(resent.statusCode).toBe(200);
    expect(resent.json().status).toBe("pending");
    const log = (await admin.get("/api/v1/audit-events?type=invitation.resent")).json();
    expect(log.items.map((e: { subjectId: string }) => e.subjectId)).toContain(created.id);
    const fresh = await invitationToken("verlopen@example.org");
    expect(fresh).not.toBe(token);
    expect((await invitee.post("/api/v1/invitations/accept", { token: fresh, password: PASSWORD })).statusCode).toBe(
      204,
    );
  });

  it("refuses a revoked link; revoking twice is a conflict", async () => {
    const created = await invite("ingetrokken@example.org");
    const token = await invitationToken("ingetrokken@example.org");
    const revoked = await admin.post(`/api/v1/invitations/${created.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().status).toBe("revoked");
    expect(await statusOf(created.id)).toBe("revoked");

    const invitee = await t.anonymous();
    const accept = await invitee.post("/api/v1/invitations/accept", { token, password: PASSWORD });
    expect(accept.statusCode).toBe(422);
    expect(accept.json().code).toBe("auth.tokenInvalid");

    expect((await admin.post(`/api/v1/invitations/${created.id}/revoke`)).statusCode).toBe(409);
    expect((await admin.post(`/api/v1/invitations/${created.id}/resend`)).statusCode).toBe(409);
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, created.id), eq(auditEvents.type, "invitation.revoked")));
    expect(audit?.organisationId).toBe(t.orgs.linde);
  });

  it("kills the old link when an invitation is resent", async () => {
    const created = await invite("opnieuw@example.org");
    const old = await invitationToken("opnieuw@example.org");
    expect((await admin.post(`/api/v1/invitations/${created.id}/resend`)).statusCode).toBe(200);
    const fresh = await invitationToken("opnieuw@example.org");
    expect(fresh).not.toBe(old);

    const invitee = await t.anonymous();
    const stale = await invitee.post("/api/v1/invitations/accept", { token: old, password: PASSWORD });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().code).toBe("auth.tokenInvalid");
    expect((await invitee.get(`/api/v1/invitations/accept?token=${encodeURIComponent(fresh)}`)).statusCode).toBe(200);
    expect((await invitee.post("/api/v1/invitations/accept", { token: fresh, password: PASSWORD })).statusCode).toBe(
      204,
    );
    expect((await invitee.refreshSession()).organisation.id).toBe(t.orgs.linde);
  });

  it("refuses to invite an active member or someone already invited, on the e-mail field", async () => {
    const member = await admin.post("/api/v1/invitations", {
      email: "Daan.Bakker@DeLinde.example",
      name: "Daan Bakker",
      roles: ["trainee"],
    });
    expect(member.statusCode).toBe(422);
    expect(member.json().errors.email).toBe("Er is al iemand met dit e-mailadres in deze organisatie.");

    await invite("dubbel@example.org");
    const twice = await admin.post("/api/v1/invitations", {
      email: "dubbel@example.org",
      name: "Dubbel",
      roles: ["guide"],
    });
    expect(twice.statusCode).toBe(422);
    expect(Object.keys(twice.json().errors)).toEqual(["email"]);
  });

  it("validates the input per field", async () => {
    const response = await admin.post("/api/v1/invitations", { email: "geen-adres", name: "", roles: [] });
    expect(response.statusCode).toBe(422);
    expect(Object.keys(response.json().errors)).toEqual(expect.arrayContaining(["email", "name", "roles"]));
    const badRole = await admin.post("/api/v1/invitations", { email: "x@example.org", name: "X", roles: ["koning"] });
    expect(badRole.statusCode).toBe(422);
  });

  it("answers unknown and malformed tokens with the same invalid-link problem", async () => {
    const anonymous = await t.anonymous();
    const unknown = await anonymous.get("/api/v1/invitations/accept?token=dezetokenbestaatniet");
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe("auth.tokenInvalid");
    const post = await anonymous.post("/api/v1/invitations/accept", {
      token: "dezetokenbestaatniet",
      password: PASSWORD,
    });
    expect(post.json().code).toBe("auth.tokenInvalid");
  });
});

describe("who may manage invitations", () => {
  it("refuses people who are not admins with 403", async () => {
    const created = await invite("voor-daan@example.org");
    const daan = await t.login("daan.bakker@delinde.example");
    expect((await daan.get("/api/v1/invitations")).statusCode).toBe(403);
    expect(
      (await daan.post("/api/v1/invitations", { email: "a@example.org", name: "A", roles: ["guide"] })).statusCode,
    ).toBe(403);
    expect((await daan.post(`/api/v1/invitations/${created.id}/revoke`)).statusCode).toBe(403);
    expect((await daan.post(`/api/v1/invitations/${created.id}/resend`)).statusCode).toBe(403);
    expect(await statusOf(created.id)).toBe("pending");
  });

  it("requires signing in", async () => {
    const anonymous = await t.anonymous();
    expect((await anonymous.get("/api/v1/invitations")).statusCode).toBe(401);
    expect(
      (await anonymous.post("/api/v1/invitations", { email: "a@example.org", name: "A", roles: ["guide"] })).statusCode,
    ).toBe(401);
  });

  it("hides one organisation's invitations from the other's admin", async () => {
    const created = await invite("alleen-linde@example.org");
    const other = await t.login("beheer@rivierenland.example");
    expect((await other.post(`/api/v1/invitations/${created.id}/revoke`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/invitations/${created.id}/resend`)).statusCode).toBe(404);
    const list = await other.get("/api/v1/invitations");
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    expect(await statusOf(created.id)).toBe("pending");

    // The other organisation can invite the same address into its own organisation.
    const own = await invite("alleen-linde@example.org", "Alleen Linde", ["trainee"], other);
    expect((await admin.get("/api/v1/invitations")).json().items.map((i: { id: string }) => i.id)).not.toContain(
      own.id,
    );
  });
});

describe("a person added by hand", () => {
  it("is an invited member without access until they accept, then signs in to the organisation that added them", async () => {
    const created = await admin.post("/api/v1/people", {
      name: "Romy de Wit",
      email: "romy.dewit@delinde.example",
      roles: ["trainee"],
    });
    expect(created.statusCode).toBe(201);
    const person = created.json();
    expect(person).toMatchObject({ status: "invited", hasPassword: false, name: "Romy de Wit" });

    // Adding her sent the invitation: a second one is refused while it is open.
    const twice = await admin.post("/api/v1/invitations", {
      email: "romy.dewit@delinde.example",
      name: "Romy de Wit",
      roles: ["trainee"],
    });
    expect(twice.statusCode).toBe(422);
    expect(Object.keys(twice.json().errors)).toEqual(["email"]);

    const token = await invitationToken("romy.dewit@delinde.example");
    const invitee = await t.anonymous();
    const info = (await invitee.get(`/api/v1/invitations/accept?token=${encodeURIComponent(token)}`)).json();
    expect(info.accountExists).toBe(false);
    expect((await invitee.post("/api/v1/invitations/accept", { token, password: PASSWORD })).statusCode).toBe(204);

    expect((await admin.get(`/api/v1/people/${person.id}`)).json()).toMatchObject({
      status: "active",
      hasPassword: true,
    });
    const romy = await t.login("romy.dewit@delinde.example", PASSWORD);
    expect((await romy.refreshSession()).organisation.id).toBe(t.orgs.linde);
    // Now she is a member: inviting again is refused.
    const again = await admin.post("/api/v1/invitations", {
      email: "romy.dewit@delinde.example",
      name: "Romy",
      roles: ["trainee"],
    });
    expect(again.statusCode).toBe(422);
    expect(Object.keys(again.json().errors)).toEqual(["email"]);
  });
});
