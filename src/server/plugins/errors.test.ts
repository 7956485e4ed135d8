import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { findNulCharacter, registerErrorHandling } from "./errors.js";

describe("finding a NUL character in a request", () => {
  it("names the path of the text or key that holds it", () => {
    expect(findNulCharacter({ name: "Anna", roles: ["admin"] })).toBeNull();
    expect(findNulCharacter({ name: "An\u0000na" })).toEqual(["name"]);
    expect(findNulCharacter({ rows: [{ email: "a@b.nl" }, { email: "x\u0000" }] })).toEqual(["rows", 1, "email"]);
    expect(findNulCharacter({ plan: { "re\u0000den": "x" } })).toEqual(["plan", "re\u0000den"]);
    expect(findNulCharacter("\u0000")).toEqual([]);
  });

  it("walks a body nested 100,000 deep without running out of stack", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}"\\u0000"${"]".repeat(100_000)}`);
    expect(findNulCharacter(deep)).toHaveLength(100_000);
  });
});

describe("a unique violation that reaches the error handler", () => {
  it("is a 409 problem that says so, never a 500, in the reader's language", async () => {
    const app = Fastify();
    registerErrorHandling(app);
    // As drizzle throws it: the driver's error (SQLSTATE 23505) as the cause of its own.
    app.get("/twice", async () => {
      const driver = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" });
      throw Object.assign(new Error("Failed query: insert into ..."), { cause: driver });
    });
    const nl = await app.inject({ method: "GET", url: "/twice" });
    expect(nl.statusCode).toBe(409);
    expect(nl.headers["content-type"]).toContain("application/problem+json");
    expect(nl.json()).toMatchObject({ status: 409, code: "problem.duplicate" });
    expect(nl.json().title).toContain("intussen al vastgelegd");
    expect(nl.body).not.toContain("duplicate key");
    const en = await app.inject({ method: "GET", url: "/twice", headers: { "accept-language": "en" } });
    expect(en.json().title).toContain("already recorded");
    await app.close();
  });
});
