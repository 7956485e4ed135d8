import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("sign-in", () => {
  it("signs in with the right password and shows the person's organisation", async () => {
    const client = await t.login("beheer@delinde.example");
    const session = await client.refreshSession();
    expect(session.user.email).toBe("beheer@delinde.example");
    expect(session.organisation.name).toBe("Zorggroep De Linde");
  });

  it("gives the same generic error for a wrong password and an unknown account", async () => {
    const client = await t.anonymous();
    const wrong = await client.post("/api/v1/auth/login", {
      email: "beheer@delinde.example",
      password: "verkeerd-wachtwoord",
    });
    const unknown = await client.post("/api/v1/auth/login", {
      email: "niemand@nergens.example",
      password: "verkeerd-wachtwoord",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers["content-type"]).toContain("application/problem+json");
    expect(wrong.json().title).toBe(unknown.json().title);
  });

  it("refuses a state-changing request without the CSRF token", async () => {
    const client = await t.anonymous();
    const response = await client.request({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "beheer@delinde.example", password: "Koers-demo-2026" },
      headers: { "x-csrf-token": "wrong" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("problem.csrf");
  });

  it("sets an HttpOnly SameSite session cookie and renews it at every sign-in", async () => {
    const client = await t.anonymous();
    const first = await client.post("/api/v1/auth/login", {
      email: "beheer@delinde.example",
      password: "Koers-demo-2026",
    });
    const cookie = first.cookies.find((c) => c.name === "koers_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    await client.refreshSession();
    const second = await client.post("/api/v1/auth/login", {
      email: "beheer@delinde.example",
      password: "Koers-demo-2026",
    });
    const renewed = second.cookies.find((c) => c.name === "koers_session");
    expect(renewed?.value).not.toBe(cookie?.value);
  });

  it("locks an account after repeated failures, even with the right password", async () => {
    const client = await t.anonymous();
    for (let i = 0; i < 5; i++) {
      await client.post("/api/v1/auth/login", { email: "eva.mulder@delinde.example", password: "fout-fout-fout" });
    }
    const locked = await client.post("/api/v1/auth/login", {
      email: "eva.mulder@delinde.example",
      password: "Koers-demo-2026",
    });
    expect(locked.statusCode).toBe(429);
  });

  it("answers validation errors as problem+json with a message per field", async () => {
    const client = await t.anonymous();
    const response = await client.post("/api/v1/auth/login", { email: "geen-adres", password: "" });
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(Object.keys(response.json().errors)).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("signs out", async () => {
    const client = await t.login("joost.smit@delinde.example");
    expect((await client.post("/api/v1/auth/logout")).statusCode).toBe(204);
    expect((await client.refreshSession()).user).toBeNull();
  });
});

describe("organisations of one person", () => {
  it("lets a member of two organisations switch, and refuses one they are not in", async () => {
    const client = await t.login("sanne.visser@netwerk.example");
    const session = await client.refreshSession();
    expect(session.organisations).toHaveLength(2);
    const other = session.organisations.find((o: { id: string }) => o.id !== session.organisation.id);
    expect((await client.post("/api/v1/auth/organisation", { organisationId: other.id })).statusCode).toBe(204);
    expect((await client.refreshSession()).organisation.id).toBe(other.id);
    // The next sign-in opens where she last worked.
    const later = await t.login("sanne.visser@netwerk.example");
    expect((await later.refreshSession()).organisation.id).toBe(other.id);

    const outsider = await t.login("beheer@rivierenland.example");
    const refused = await outsider.post("/api/v1/auth/organisation", { organisationId: t.orgs.linde });
    expect(refused.statusCode).toBe(404);
  });

  it("remembers the language per person", async () => {
    const client = await t.login("fatima.yilmaz@delinde.example");
    expect((await client.put("/api/v1/auth/locale", { locale: "en" })).statusCode).toBe(204);
    const again = await t.login("fatima.yilmaz@delinde.example");
    expect((await again.refreshSession()).user.locale).toBe("en");
  });
});

describe("health", () => {
  it("answers /healthz and /readyz", async () => {
    expect((await t.app.inject({ url: "/healthz" })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/readyz" })).statusCode).toBe(200);
  });

  it("serves the OpenAPI document", async () => {
    const response = await t.app.inject({ url: "/api/openapi.json" });
    expect(response.json().openapi).toBe("3.1.0");
    expect(Object.keys(response.json().paths)).toContain("/api/v1/auth/login");
  });
});

describe("messages in the requester's language", () => {
  it("fills in the numbers of a field rule, in Dutch and in English", async () => {
    const client = await t.anonymous();
    const nl = await client.post("/api/v1/auth/password/reset", { token: "x".repeat(20), password: "kort" });
    expect(nl.statusCode).toBe(422);
    expect(nl.json().errors.password).toBe("Kies een wachtwoord van minstens 10 tekens.");
    const en = await client.request({
      method: "POST",
      url: "/api/v1/auth/password/reset",
      payload: { token: "x".repeat(20), password: "kort" },
      headers: { "accept-language": "en-GB,en", "x-csrf-token": client.csrfToken },
    });
    expect(en.json().errors.password).toBe("Choose a password of at least 10 characters.");
  });
});
