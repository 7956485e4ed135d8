import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";

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

describe("the outbox", () => {
  it("holds the password-reset mail, whose link resets the password", async () => {
    await forgot("daan.bakker@delinde.example");
    const { items } = await list(admin);
    const summary = items.find((m) => m.to === "daan.bakker@delinde.example");
    expect(summary).toMatchObject({ subject: "Nieuw wachtwoord voor Koers" });
    expect(Number.isNaN(Date.parse(summary?.createdAt ?? ""))).toBe(false);
    expect(summary).not.toHaveProperty("text");

    const message = await admin.get(`/api/v1/outbox/${summary?.id}`);
    expect(message.statusCode).toBe(200);
    expect(message.json()).toMatchObject({ id: summary?.id, to: "daan.bakker@delinde.example" });
    const match = (message.json().text as string).match(/http:\/\/koers\.test\/wachtwoord-herstellen\?token=(\S+)/);
    expect(match).not.toBeNull();
    const token = decodeURIComponent(match?.[1] ?? "");

    const anonymous = await t.anonymous();
    const reset = await anonymous.post("/api/v1/auth/password/reset", { token, password: "Daans-nieuwe-wachtwoord" });
    expect(reset.statusCode).toBe(204);
    await t.login("daan.bakker@delinde.example", "Daans-nieuwe-wachtwoord");
    const old = await anonymous.post("/api/v1/auth/login", {
      email: "daan.bakker@delinde.example",
      password: "Koers-demo-2026",
    });
    expect(old.statusCode).toBe(401);
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
    await forgot("eva.mulder@delinde.example");
    const { items } = await list(admin);
    const id = items.find((m) => m.to === "eva.mulder@delinde.example")?.id;
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

    // Mail for a Rivierenland person lands in Rivierenland's outbox, not De Linde's.
    await forgot("lisa.dekker@rivierenland.example");
    expect((await list(other)).items.some((m) => m.to === "lisa.dekker@rivierenland.example")).toBe(true);
    expect((await list(admin)).items.some((m) => m.to === "lisa.dekker@rivierenland.example")).toBe(false);
  });

  it("answers an unknown or malformed id with 404", async () => {
    expect((await admin.get("/api/v1/outbox/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await admin.get("/api/v1/outbox/niet-een-id")).statusCode).toBe(404);
  });
});

describe("outbox when a mail server delivers", () => {
  it("withholds the text of password-reset mails, which would hand an admin someone's account", async () => {
    // Port 1 refuses at once: delivery fails, the mail stays in the outbox unsent.
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
      const reset = items.find((m) => m.to === "daan.bakker@delinde.example");
      expect(reset?.sentAt).toBeNull();
      const message = (await anna.get(`/api/v1/outbox/${reset?.id}`)).json();
      expect(message.withheld).toBe(true);
      expect(message.text).toBe("");

      const invited = await anna.post("/api/v1/invitations", {
        email: "nieuw@delinde.example",
        name: "Nieuw",
        roles: ["trainee"],
      });
      expect(invited.statusCode).toBe(201);
      const after = (await anna.get("/api/v1/outbox")).json() as { items: Array<{ id: string; to: string }> };
      const invitation = after.items.find((m) => m.to === "nieuw@delinde.example");
      const invitationMail = (await anna.get(`/api/v1/outbox/${invitation?.id}`)).json();
      expect(invitationMail.withheld).toBe(false);
      expect(invitationMail.text).toContain("/uitnodiging?token=");
    } finally {
      await withSmtp.close();
    }
  });
});
