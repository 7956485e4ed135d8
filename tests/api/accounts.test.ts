import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, declarations, memberships, users } from "../../src/db/schema.js";
import { seedDemoRegistrationEvidence } from "../../src/server/demo/seed-registration-evidence.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { invitationTokenFor } from "../support/mailbox.js";
import { pdfText } from "../support/pdf-text.js";

/**
 * An account (e-mail, password, name) is the person's own; memberships are per organisation.
 * Each attack of one organisation's admin on another organisation's people, step by step, fails;
 * the legitimate flows work.
 */
let t: TestApp;
let lindeAdmin: TestClient;
let rivierAdmin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  // Brings a start declaration signed by Daan and Sanne.
  await seedDemoRegistrationEvidence(t.database.db);
  lindeAdmin = await t.login("beheer@delinde.example");
  rivierAdmin = await t.login("beheer@rivierenland.example");
});
afterAll(() => t.close());

const ATTACKER_PASSWORD = "Gekozen-door-de-aanvaller-1";

async function account(email: string) {
  const [row] = await t.database.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  return row;
}

async function membershipIn(organisationId: string, email: string) {
  const user = await account(email);
  const [row] = await t.database.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, user?.id ?? "")));
  return row;
}

async function personByEmail(admin: TestClient, email: string) {
  const list = await admin.get(`/api/v1/people?search=${encodeURIComponent(email)}`);
  expect(list.statusCode).toBe(200);
  const found = list.json().items.find((p: { email: string }) => p.email === email);
  expect(found, `no person ${email}`).toBeDefined();
  return found as { id: string; name: string; status: string; hasPassword: boolean; version: number };
}

/** Everything an admin's organisation-scoped API tells about its people and its log. */
async function whatAdminSees(admin: TestClient) {
  const people = await admin.get("/api/v1/people?pageSize=100");
  const audit = await admin.get("/api/v1/audit-events");
  const invitations = await admin.get("/api/v1/invitations");
  const details = await Promise.all(
    (people.json().items as Array<{ id: string }>).map((p) => admin.get(`/api/v1/people/${p.id}`)),
  );
  return [people.body, audit.body, invitations.body, ...details.map((d) => d.body)].join("\n");
}

describe("account takeover through an invitation", () => {
  it("fails at every step: an added person has no access, the link is masked, and the account's password is never set by another organisation's link", async () => {
    const email = "doelwit.een@example.org";
    // Step 1: De Linde's admin adds the person by e-mail (no password yet, admin role).
    const added = await lindeAdmin.post("/api/v1/people", { name: "Doelwit Een", email, roles: ["admin"] });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ status: "invited", hasPassword: false });
    // An invited membership is not active: it gives no access and no role acts.
    expect((await membershipIn(t.orgs.linde, email))?.status).toBe("invited");

    // Step 2: Rivierenland's admin invites the same address.
    const invited = await rivierAdmin.post("/api/v1/invitations", { email, name: "Wie Dan Ook", roles: ["guide"] });
    expect(invited.statusCode, invited.body).toBe(201);

    // Step 3: the link is not readable in Rivierenland's outbox.
    const token = await invitationTokenFor(t, email, t.orgs.rivier);
    const outbox = (await rivierAdmin.get("/api/v1/outbox")).json().items as Array<{ id: string; to: string }>;
    const mail = outbox.find((m) => m.to === email);
    const text = (await rivierAdmin.get(`/api/v1/outbox/${mail?.id}`)).json().text as string;
    expect(text).not.toContain(token);
    expect(text).not.toContain(encodeURIComponent(token));

    // Step 4: even with the link (say it leaked another way), accepting it brings no one into De Linde.
    const attacker = await t.anonymous();
    const accepted = await attacker.post("/api/v1/invitations/accept", { token, password: ATTACKER_PASSWORD });
    expect(accepted.statusCode, accepted.body).toBe(204);
    const session = await attacker.refreshSession();
    expect(session.organisations.map((o: { id: string }) => o.id)).toEqual([t.orgs.rivier]);
    expect((await attacker.post("/api/v1/auth/organisation", { organisationId: t.orgs.linde })).statusCode).toBe(404);
    expect((await attacker.get("/api/v1/people")).statusCode).toBe(403);
    expect((await membershipIn(t.orgs.linde, email))?.status).toBe("invited");

    // Step 5: De Linde's own invitation now asks for the account's password, and never sets another one.
    const lindeToken = await invitationTokenFor(t, email, t.orgs.linde);
    const person = await t.anonymous();
    const info = (await person.get(`/api/v1/invitations/accept?token=${encodeURIComponent(lindeToken)}`)).json();
    expect(info.accountExists).toBe(true);
    const before = (await account(email))?.passwordHash;
    const overwrite = await person.post("/api/v1/invitations/accept", {
      token: lindeToken,
      password: "Een-ander-nieuw-wachtwoord",
    });
    expect(overwrite.statusCode).toBe(422);
    expect(Object.keys(overwrite.json().errors)).toEqual(["password"]);
    expect((await account(email))?.passwordHash).toBe(before);
    expect((await membershipIn(t.orgs.linde, email))?.status).toBe("invited");
  });

  it("never sets the password of an account that already has one, whoever's link it is", async () => {
    const email = "daan.bakker@delinde.example";
    const invited = await rivierAdmin.post("/api/v1/invitations", { email, name: "Daan", roles: ["admin"] });
    expect(invited.statusCode, invited.body).toBe(201);
    const token = await invitationTokenFor(t, email, t.orgs.rivier);
    const attacker = await t.anonymous();
    const info = (await attacker.get(`/api/v1/invitations/accept?token=${encodeURIComponent(token)}`)).json();
    expect(info.accountExists).toBe(true);
    const before = (await account(email))?.passwordHash;
    const accepted = await attacker.post("/api/v1/invitations/accept", { token, password: ATTACKER_PASSWORD });
    expect(accepted.statusCode).toBe(422);
    expect((await account(email))?.passwordHash).toBe(before);
    expect((await attacker.refreshSession()).user).toBeNull();
    await t.login(email);
    const membership = await membershipIn(t.orgs.rivier, email);
    expect(membership?.status).toBe("invited");
  });

  it("refuses to make an invited member active by reactivating them", async () => {
    const added = await lindeAdmin.post("/api/v1/people", {
      name: "Nooit Geaccepteerd",
      email: "nooit.geaccepteerd@example.org",
      roles: ["trainee"],
    });
    const person = added.json();
    const off = await lindeAdmin.post(`/api/v1/people/${person.id}/deactivate`, { version: person.version });
    expect(off.statusCode, off.body).toBe(200);
    // Deactivating revoked the open invitation: its link no longer brings them in.
    const token = await invitationTokenFor(t, "nooit.geaccepteerd@example.org", t.orgs.linde);
    const late = await (await t.anonymous()).post("/api/v1/invitations/accept", { token, password: ATTACKER_PASSWORD });
    expect(late.json().code).toBe("auth.tokenInvalid");
    const on = await lindeAdmin.post(`/api/v1/people/${person.id}/reactivate`, { version: off.json().version });
    expect(on.statusCode).toBe(200);
    expect(on.json().status).toBe("invited");
  });

  it("makes imported people invited members with an invitation, not active ones", async () => {
    const response = await lindeAdmin.post("/api/v1/people/import", {
      rows: [
        { name: "Import Nieuw", email: "import.nieuw@example.org", roles: ["trainee"] },
        { name: "Lisa Anders", email: "lisa.dekker@rivierenland.example", roles: ["admin"] },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().created).toBe(2);
    for (const email of ["import.nieuw@example.org", "lisa.dekker@rivierenland.example"]) {
      expect((await membershipIn(t.orgs.linde, email))?.status).toBe("invited");
      expect(await invitationTokenFor(t, email, t.orgs.linde)).toBeTruthy();
    }
    // Lisa's own account and organisation are untouched.
    expect((await account("lisa.dekker@rivierenland.example"))?.name).toBe("Lisa Dekker");
    const lisa = await t.login("lisa.dekker@rivierenland.example");
    expect((await lisa.refreshSession()).organisations.map((o: { id: string }) => o.id)).toEqual([t.orgs.rivier]);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, t.orgs.linde), eq(auditEvents.type, "person.imported")));
    expect(JSON.stringify(audit)).not.toContain("existingUser");
  });
});

describe("renaming across organisations", () => {
  it("tells an organisation nothing about an existing account it adds, and its renames stay inside it", async () => {
    const email = "fatima.yilmaz@delinde.example";
    const logBefore = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, t.orgs.linde));

    // Step 1: Rivierenland adds De Linde's Fatima by e-mail and learns nothing of her account.
    const added = await rivierAdmin.post("/api/v1/people", { name: "F. Y.", email, roles: ["client"] });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ name: "F. Y.", status: "invited", hasPassword: false });
    const seen = await whatAdminSees(rivierAdmin);
    expect(seen).not.toContain("Fatima");
    expect(seen).not.toContain("Yılmaz");
    expect(seen).not.toContain("existingUser");
    // Searching by her real name does not find her either (no oracle through search or order).
    expect((await rivierAdmin.get("/api/v1/people?search=Yılmaz")).json().total).toBe(0);
    // The answer for a brand-new address looks the same.
    const fresh = await rivierAdmin.post("/api/v1/people", {
      name: "F. Z.",
      email: "nog.niemand@example.org",
      roles: ["client"],
    });
    expect(Object.keys(fresh.json()).sort()).toEqual(Object.keys(added.json()).sort());
    expect(fresh.json()).toMatchObject({ status: "invited", hasPassword: false });

    // Step 2: Rivierenland renames her: only its own display name changes.
    const person = added.json();
    const renamed = await rivierAdmin.put(`/api/v1/people/${person.id}`, {
      version: person.version,
      displayName: "Hernoemd Door Rivierenland",
      roles: ["client"],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().name).toBe("Hernoemd Door Rivierenland");
    expect((await account(email))?.name).toBe("Fatima Yılmaz");
    // An invited member cannot be shown under the account's own name: that would tell it.
    const reveal = await rivierAdmin.put(`/api/v1/people/${person.id}`, {
      version: renamed.json().version,
      displayName: null,
      roles: ["client"],
    });
    expect(reveal.statusCode).toBe(422);
    expect(Object.keys(reveal.json().errors)).toEqual(["displayName"]);

    // De Linde still shows her own name, and its log holds nothing Rivierenland did.
    expect((await personByEmail(lindeAdmin, email)).name).toBe("Fatima Yılmaz");
    const logAfter = await t.database.db.select().from(auditEvents).where(eq(auditEvents.organisationId, t.orgs.linde));
    expect(logAfter.length).toBe(logBefore.length);
  });

  it("lets an admin set the organisation's display name of an active member, shown inside that organisation only", async () => {
    const email = "sanne.visser@netwerk.example";
    const inLinde = await personByEmail(lindeAdmin, email);
    const saved = await lindeAdmin.put(`/api/v1/people/${inLinde.id}`, {
      version: inLinde.version,
      displayName: "Sanne V. (netwerk)",
      roles: ["guide", "network_coordinator"],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ name: "Sanne V. (netwerk)", displayName: "Sanne V. (netwerk)" });
    expect((await personByEmail(rivierAdmin, email)).name).toBe("Sanne Visser");
    expect((await account(email))?.name).toBe("Sanne Visser");
    const candidates = (
      await (await t.login("fatima.yilmaz@delinde.example")).get("/api/v1/trajectories/candidates")
    ).json();
    expect(candidates.guides.map((g: { name: string }) => g.name)).toContain("Sanne V. (netwerk)");

    // Back to her own name.
    const cleared = await lindeAdmin.put(`/api/v1/people/${inLinde.id}`, {
      version: saved.json().version,
      displayName: null,
      roles: ["guide", "network_coordinator"],
    });
    expect(cleared.json()).toMatchObject({ name: "Sanne Visser", displayName: null });
  });

  it("lets only the person change their own name and e-mail, logged in each organisation they joined", async () => {
    const joost = await t.login("joost.smit@delinde.example");
    const renamed = await joost.put("/api/v1/auth/profile", {
      name: "Joost P. Smit",
      email: "joost.smit@delinde.example",
    });
    expect(renamed.statusCode, renamed.body).toBe(204);
    expect((await joost.refreshSession()).user.name).toBe("Joost P. Smit");
    expect((await personByEmail(lindeAdmin, "joost.smit@delinde.example")).name).toBe("Joost P. Smit");
    const [logged] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, t.orgs.linde), eq(auditEvents.type, "person.accountUpdated")));
    expect(logged).toMatchObject({ before: { name: "Joost Smit" }, after: { name: "Joost P. Smit" } });

    // A new e-mail address takes the current password; one in use is refused on its field.
    const noPassword = await joost.put("/api/v1/auth/profile", { name: "Joost P. Smit", email: "joost@example.org" });
    expect(noPassword.statusCode).toBe(422);
    expect(Object.keys(noPassword.json().errors)).toEqual(["password"]);
    const taken = await joost.put("/api/v1/auth/profile", {
      name: "Joost P. Smit",
      email: "eva.mulder@delinde.example",
      password: "Koers-demo-2026",
    });
    expect(taken.statusCode).toBe(422);
    expect(Object.keys(taken.json().errors)).toEqual(["email"]);
    const moved = await joost.put("/api/v1/auth/profile", {
      name: "Joost P. Smit",
      email: "joost@example.org",
      password: "Koers-demo-2026",
    });
    expect(moved.statusCode, moved.body).toBe(204);
    await t.login("joost@example.org");

    // An admin's person update cannot reach the account.
    const admin = await personByEmail(lindeAdmin, "joost@example.org");
    const overwrite = await lindeAdmin.put(`/api/v1/people/${admin.id}`, {
      version: admin.version,
      roles: ["training_officer", "trainer"],
      name: "Overschreven",
      email: "overschreven@example.org",
    });
    expect(overwrite.statusCode).toBe(422);
    expect(Object.keys(overwrite.json().errors).sort()).toEqual(["email", "name"]);
    expect((await account("joost@example.org"))?.name).toBe("Joost P. Smit");
  });

  it("freezes signers' names at signing: a later rename changes neither the verification page nor the PDF", async () => {
    const [signed] = await t.database.db
      .select()
      .from(declarations)
      .where(and(eq(declarations.organisationId, t.orgs.linde), eq(declarations.status, "signed")))
      .limit(1);
    expect(signed?.contentSha256).toBeTruthy();
    const daan = await t.login("daan.bakker@delinde.example");
    expect(
      (await daan.put("/api/v1/auth/profile", { name: "D. Bakker-Nieuw", email: "daan.bakker@delinde.example" }))
        .statusCode,
    ).toBe(204);

    const visitor = await t.anonymous();
    const verified = (await visitor.post("/api/v1/verify", { hash: signed?.contentSha256 })).json();
    expect(verified.match).toBe(true);
    const names = verified.declaration.signers.map((s: { name: string }) => s.name);
    expect(names).toContain("Daan Bakker");
    expect(names).not.toContain("D. Bakker-Nieuw");

    const pdf = await daan.get(`/api/v1/declarations/${signed?.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain("Daan Bakker");
  });
});

describe("accepting an invitation, the legitimate ways", () => {
  it("lets a new person choose a password and join", async () => {
    const email = "echt.nieuw@example.org";
    await lindeAdmin.post("/api/v1/people", { name: "Echt Nieuw", email, roles: ["trainee"] });
    const token = await invitationTokenFor(t, email, t.orgs.linde);
    const person = await t.anonymous();
    expect(
      (await person.get(`/api/v1/invitations/accept?token=${encodeURIComponent(token)}`)).json().accountExists,
    ).toBe(false);
    expect(
      (await person.post("/api/v1/invitations/accept", { token, password: "Mijn-eigen-wachtwoord" })).statusCode,
    ).toBe(204);
    const seen = await personByEmail(lindeAdmin, email);
    expect(seen).toMatchObject({ status: "active", hasPassword: true, name: "Echt Nieuw" });
  });

  it("gives a new account the name of the invitation it accepts, not one another organisation typed", async () => {
    const email = "twee.keer.getypt@example.org";
    await rivierAdmin.post("/api/v1/people", { name: "Getypt Door Rivierenland", email, roles: ["trainee"] });
    await lindeAdmin.post("/api/v1/people", { name: "Getypt Door De Linde", email, roles: ["trainee"] });
    const token = await invitationTokenFor(t, email, t.orgs.linde);
    const person = await t.anonymous();
    expect(
      (await person.post("/api/v1/invitations/accept", { token, password: "Mijn-eigen-wachtwoord" })).statusCode,
    ).toBe(204);
    expect((await personByEmail(lindeAdmin, email)).name).toBe("Getypt Door De Linde");
    // Rivierenland still sees only what it typed: she has not joined there.
    expect((await personByEmail(rivierAdmin, email)).name).toBe("Getypt Door Rivierenland");
  });

  it("lets an existing person join by signing in as themselves, without typing a password again", async () => {
    const email = "mohamed.bouali@rivierenland.example";
    await lindeAdmin.post("/api/v1/invitations", { email, name: "M. Bouali", roles: ["client"] });
    const token = await invitationTokenFor(t, email, t.orgs.linde);
    // Signed in as someone else: that is no proof.
    const other = await t.login("eva.mulder@delinde.example");
    expect((await other.post("/api/v1/invitations/accept", { token })).statusCode).toBe(422);
    const mohamed = await t.login(email);
    const accepted = await mohamed.post("/api/v1/invitations/accept", { token });
    expect(accepted.statusCode, accepted.body).toBe(204);
    const session = await mohamed.refreshSession();
    expect(session.organisation.id).toBe(t.orgs.linde);
    // Once joined, De Linde sees his own name, not the one its admin typed.
    expect((await personByEmail(lindeAdmin, email)).name).toBe("Mohamed Bouali");
  });

  it("lets an existing person join with their own password", async () => {
    const email = "peter.jansen@rocwest.example";
    await rivierAdmin.post("/api/v1/invitations", { email, name: "Peter", roles: ["school_contact"] });
    const token = await invitationTokenFor(t, email, t.orgs.rivier);
    const person = await t.anonymous();
    expect((await person.post("/api/v1/invitations/accept", { token, password: "Koers-demo-2026" })).statusCode).toBe(
      204,
    );
    expect((await person.refreshSession()).organisation.id).toBe(t.orgs.rivier);
  });
});
