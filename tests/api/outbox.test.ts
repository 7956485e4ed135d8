import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountMail, outbox } from "../../src/db/schema.js";
import { inTenant } from "../../src/server/tenancy.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { invitationTokenFor, newestAccountMail, resetTokenFor } from "../support/mailbox.js";

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("beheer@delinde.example");
});
afterAll(() => t.close());

interface Summary {
  id: string;
  to: string;
  subject: string;
  createdAt: string;
}

async function list(reader: TestClient, page = 1) {
  const response = await reader.get(`/api/v1/outbox?page=${page}`);
  expect(response.statusCode).toBe(200);
  return response.json() as { items: Summary[]; page: number; pageSize: number; total: number };
}

async function forgot(email: string) {
  const client = await t.anonymous();
  expect((await client.post("/api/v1/auth/password/forgot", { email })).statusCode).toBe(202);
}

async function invite(by: TestClient, email: string) {
  const response = await by.post("/api/v1/invitations", { email, name: "Iemand", roles: ["guide"] });
  expect(response.statusCode, response.body).toBe(201);
}

describe("the outbox", () => {
  it("never holds a person's password-reset mail: it goes to them alone, and its link resets the password", async () => {
    // Sanne is in both organisations: neither admin may see her reset mail.
    await forgot("sanne.visser@netwerk.example");
    const other = await t.login("beheer@rivierenland.example");
    for (const reader of [admin, other]) {
      const { items } = await list(reader);
      expect(items.some((m) => m.to === "sanne.visser@netwerk.example")).toBe(false);
    }
    const rows = await t.database.db.select().from(outbox);
    expect(rows.some((r) => r.toAddress === "sanne.visser@netwerk.example")).toBe(false);

    // Her own mail is queued for her, outside every organisation.
    const mail = await newestAccountMail(t, "sanne.visser@netwerk.example");
    expect(mail.subject).toBe("Nieuw wachtwoord voor Koers");
    const token = await resetTokenFor(t, "sanne.visser@netwerk.example");
    const anonymous = await t.anonymous();
    const reset = await anonymous.post("/api/v1/auth/password/reset", { token, password: "Sannes-nieuwe-wachtwoord" });
    expect(reset.statusCode).toBe(204);
    await t.login("sanne.visser@netwerk.example", "Sannes-nieuwe-wachtwoord");
    const old = await anonymous.post("/api/v1/auth/login", {
      email: "sanne.visser@netwerk.example",
      password: "Koers-demo-2026",
    });
    expect(old.statusCode).toBe(401);
  });

  it("keeps the account mail queue out of reach of the role that serves organisations", async () => {
    await forgot("daan.bakker@delinde.example");
    const asTenant = inTenant(
      t.database.db,
      { organisationId: t.orgs.linde, userId: "", membershipId: "", roles: ["admin"] },
      (tx) => tx.select().from(accountMail),
    );
    await expect(asTenant).rejects.toThrow();
  });

  it("masks the invitation link in the admin's view, which still says the mail went out", async () => {
    await invite(admin, "gemaskeerd@example.org");
    const { items } = await list(admin);
    const summary = items.find((m) => m.to === "gemaskeerd@example.org");
    expect(summary).toMatchObject({ subject: "Uitnodiging voor Zorggroep De Linde in Koers" });
    expect(summary).not.toHaveProperty("text");
    const message = (await admin.get(`/api/v1/outbox/${summary?.id}`)).json();
    const token = await invitationTokenFor(t, "gemaskeerd@example.org");
    expect(message.withheld).toBe(true);
    expect(message.text).toContain("/uitnodiging?token=");
    expect(message.text).not.toContain(token);
    expect(message.text).not.toContain(encodeURIComponent(token));
  });

  it("lists newest first, a page at a time", async () => {
    for (const n of [1, 2, 3]) {
      const response = await admin.post("/api/v1/invitations", {
        email: `volgorde${n}@example.org`,
        name: `Volgorde ${n}`,
        roles: ["guide"],
      });
      expect(response.statusCode).toBe(201);
    }
    const first = await list(admin);
    expect(first.items.slice(0, 3).map((m) => m.to)).toEqual([
      "volgorde3@example.org",
      "volgorde2@example.org",
      "volgorde1@example.org",
    ]);
    expect(first.total).toBeGreaterThanOrEqual(4);
    expect(first.page).toBe(1);
    const beyond = await list(admin, Math.ceil(first.total / first.pageSize) + 1);
    expect(beyond.items).toEqual([]);
    expect((await admin.get("/api/v1/outbox?page=0")).statusCode).toBe(422);
  });

  it("is for admins only", async () => {
    await invite(admin, "alleen-beheer@example.org");
    const { items } = await list(admin);
    const id = items.find((m) => m.to === "alleen-beheer@example.org")?.id;
    expect(id).toBeDefined();
    const joost = await t.login("joost.smit@delinde.example");
    expect((await joost.get("/api/v1/outbox")).statusCode).toBe(403);
    expect((await joost.get(`/api/v1/outbox/${id}`)).statusCode).toBe(403);
    const anonymous = await t.anonymous();
    expect((await anonymous.get("/api/v1/outbox")).statusCode).toBe(401);
    // An id is only looked at for someone signed in; to anyone else it does not exist.
    expect((await anonymous.get(`/api/v1/outbox/${id}`)).statusCode).toBe(404);
  });

  it("keeps each organisation's mail to itself", async () => {
    const { items } = await list(admin);
    expect(items.length).toBeGreaterThan(0);
    const other = await t.login("beheer@rivierenland.example");
    const theirs = await list(other);
    const lindeIds = items.map((m) => m.id);
    expect(theirs.items.filter((m) => lindeIds.includes(m.id))).toEqual([]);
    for (const id of lindeIds.slice(0, 3)) {
      expect((await other.get(`/api/v1/outbox/${id}`)).statusCode).toBe(404);
    }

    // Rivierenland's mail lands in Rivierenland's outbox, not De Linde's.
    await invite(other, "voor-rivierenland@example.org");
    expect((await list(other)).items.some((m) => m.to === "voor-rivierenland@example.org")).toBe(true);
    expect((await list(admin)).items.some((m) => m.to === "voor-rivierenland@example.org")).toBe(false);
  });

  it("answers an unknown or malformed id with 404", async () => {
    expect((await admin.get("/api/v1/outbox/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await admin.get("/api/v1/outbox/niet-een-id")).statusCode).toBe(404);
  });
});

describe("outbox when a mail server delivers", () => {
  it("masks invitation links just the same, and keeps reset mail out of it", async () => {
    // Port 1 refuses at once: delivery fails, the mail stays unsent.
    const withSmtp = await createTestApp({ SMTP_URL: "smtp://127.0.0.1:1" });
    try {
      const anonymous = await withSmtp.anonymous();
      expect(
        (await anonymous.post("/api/v1/auth/password/forgot", { email: "daan.bakker@delinde.example" })).statusCode,
      ).toBe(202);
      const anna = await withSmtp.login("beheer@delinde.example");
      const { items } = (await anna.get("/api/v1/outbox")).json() as {
        items: Array<{ id: string; to: string; sentAt: string | null }>;
      };
      expect(items.some((m) => m.to === "daan.bakker@delinde.example")).toBe(false);
      expect((await newestAccountMail(withSmtp, "daan.bakker@delinde.example")).sentAt).toBeNull();

      await invite(anna, "nieuw@delinde.example");
      const after = (await anna.get("/api/v1/outbox")).json() as { items: Array<{ id: string; to: string }> };
      const invitation = after.items.find((m) => m.to === "nieuw@delinde.example");
      const invitationMail = (await anna.get(`/api/v1/outbox/${invitation?.id}`)).json();
      const token = await invitationTokenFor(withSmtp, "nieuw@delinde.example");
      expect(invitationMail.withheld).toBe(true);
      expect(invitationMail.text).not.toContain(token);
      expect(invitationMail.text).not.toContain(encodeURIComponent(token));
    } finally {
      await withSmtp.close();
    }
  });
});
