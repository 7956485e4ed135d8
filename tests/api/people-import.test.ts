import { and, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, memberships, registrations, users } from "../../src/db/schema.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const person = (email: string, extra: Record<string, unknown> = {}) => ({
  name: `Persoon ${email.split("@")[0]}`,
  email,
  roles: ["trainee"],
  ...extra,
});

async function membersOf(organisationId: string, emails: string[]) {
  return t.database.db
    .select({
      email: users.email,
      roles: memberships.roles,
      membershipId: memberships.id,
      jobTitle: memberships.jobTitle,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), sql`lower(${users.email}) in ${emails}`));
}

describe("people import", () => {
  it("imports valid rows with their registration and one audit entry each, skipping the rest with codes", async () => {
    const admin = await t.login("beheer@delinde.example");
    // The entries this import writes, whatever other tests imported before.
    const [last] = await t.database.db
      .select({ id: sql<number>`coalesce(max(${auditEvents.id}), 0)` })
      .from(auditEvents);
    const response = await admin.post("/api/v1/people/import", {
      rows: [
        person("nieuw.een@delinde.example", {
          roles: ["trainee", "guide"],
          jobTitle: "Jeugdwerker",
          academicExperienceYears: 3,
          dreyfusLevel: 2,
          registration: {
            register: "SKJ",
            registrationType: "Jeugdzorgwerker",
            number: "1100123",
            validUntil: "2027-12-31",
          },
        }),
        person("Nieuw.Twee@Delinde.example"),
        person("geen-adres"),
        person("nieuw.drie@delinde.example", { roles: ["kapitein"] }),
        person("nieuw.twee@delinde.example"),
        person("daan.bakker@delinde.example"),
        person("nieuw.vier@delinde.example", { dreyfusLevel: 9 }),
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      created: 2,
      skipped: [
        { index: 2, code: "invalidEmail", column: "email" },
        { index: 3, code: "unknownRole", column: "roles" },
        { index: 4, code: "duplicateInFile", column: "email" },
        { index: 5, code: "alreadyMember", column: "email" },
        { index: 6, code: "outOfRange", column: "dreyfusLevel" },
      ],
    });

    const rows = await membersOf(t.orgs.linde, ["nieuw.een@delinde.example", "nieuw.twee@delinde.example"]);
    expect(rows.map((r) => r.email).sort()).toEqual(["nieuw.een@delinde.example", "nieuw.twee@delinde.example"]);
    const een = rows.find((r) => r.email === "nieuw.een@delinde.example");
    expect(een?.roles).toEqual(["trainee", "guide"]);
    expect(een?.jobTitle).toBe("Jeugdwerker");
    const regs = await t.database.db
      .select()
      .from(registrations)
      .where(eq(registrations.membershipId, een?.membershipId ?? ""));
    expect(regs).toMatchObject([
      { register: "SKJ", number: "1100123", validUntil: "2027-12-31", organisationId: t.orgs.linde },
    ]);

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.type, "person.imported"),
          eq(auditEvents.organisationId, t.orgs.linde),
          gt(auditEvents.id, last?.id ?? 0),
        ),
      );
    expect(audit.map((a) => a.subjectId).sort()).toEqual(rows.map((r) => r.membershipId).sort());
    expect(audit.every((a) => a.subjectType === "person")).toBe(true);
  });

  it("gives an existing account from another organisation a membership without a second user", async () => {
    const admin = await t.login("beheer@delinde.example");
    const response = await admin.post("/api/v1/people/import", { rows: [person("LISA.DEKKER@rivierenland.example")] });
    expect(response.json()).toEqual({ created: 1, skipped: [] });
    const count = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`lower(${users.email}) = 'lisa.dekker@rivierenland.example'`);
    expect(count[0]?.n).toBe(1);
    expect(await membersOf(t.orgs.linde, ["lisa.dekker@rivierenland.example"])).toHaveLength(1);
    expect(await membersOf(t.orgs.rivier, ["lisa.dekker@rivierenland.example"])).toHaveLength(1);
  });

  it("tells which addresses already belong to members, of the actor's organisation only", async () => {
    const admin = await t.login("beheer@delinde.example");
    const response = await admin.post("/api/v1/people/import/check", {
      emails: ["Daan.Bakker@delinde.example", "mohamed.bouali@rivierenland.example", "nobody@x.example"],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ members: ["daan.bakker@delinde.example"] });
  });

  it("refuses more than 500 rows or 2,000 addresses per call with 422", async () => {
    const admin = await t.login("beheer@delinde.example");
    const rows = Array.from({ length: 501 }, (_, i) => person(`te.veel.${i}@delinde.example`));
    const response = await admin.post("/api/v1/people/import", { rows });
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const check = await admin.post("/api/v1/people/import/check", {
      emails: Array.from({ length: 2001 }, (_, i) => `x${i}@x.example`),
    });
    expect(check.statusCode).toBe(422);
    expect(await membersOf(t.orgs.linde, ["te.veel.0@delinde.example"])).toHaveLength(0);
  });

  it("is for admins only", async () => {
    const daan = await t.login("daan.bakker@delinde.example");
    const response = await daan.post("/api/v1/people/import", { rows: [person("stiekem@delinde.example")] });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("problem.forbidden");
    expect((await daan.post("/api/v1/people/import/check", { emails: ["beheer@delinde.example"] })).statusCode).toBe(
      403,
    );
    expect(await membersOf(t.orgs.linde, ["stiekem@delinde.example"])).toHaveLength(0);
    const anonymous = await t.anonymous();
    expect((await anonymous.post("/api/v1/people/import", { rows: [person("a@b.example")] })).statusCode).toBe(401);
  });

  it("imports 10,000 people in 20 calls into the actor's organisation only", async () => {
    // An app of its own: ten thousand members and their audit entries would crowd the other tests' organisation.
    const own = await createTestApp();
    try {
      const admin = await own.login("beheer@delinde.example");
      let created = 0;
      for (let batch = 0; batch < 20; batch++) {
        const rows = Array.from({ length: 500 }, (_, i) =>
          person(`bulk.${batch * 500 + i}@delinde.example`, { roles: ["trainee"], jobTitle: "Medewerker" }),
        );
        const response = await admin.post("/api/v1/people/import", { rows });
        expect(response.statusCode).toBe(200);
        expect(response.json().skipped).toEqual([]);
        created += response.json().created;
      }
      expect(created).toBe(10_000);
      const count = async (organisationId: string) =>
        (
          await own.database.db
            .select({ n: sql<number>`count(*)::int` })
            .from(memberships)
            .innerJoin(users, eq(users.id, memberships.userId))
            .where(and(eq(memberships.organisationId, organisationId), sql`${users.email} like 'bulk.%'`))
        )[0]?.n;
      expect(await count(own.orgs.linde)).toBe(10_000);
      expect(await count(own.orgs.rivier)).toBe(0);

      // The other organisation's admin sees none of them, and can import the same addresses for their own.
      const other = await own.login("beheer@rivierenland.example");
      const check = await other.post("/api/v1/people/import/check", {
        emails: ["bulk.0@delinde.example", "bulk.9999@delinde.example"],
      });
      expect(check.json()).toEqual({ members: [] });
      const again = await admin.post("/api/v1/people/import/check", {
        emails: ["bulk.0@delinde.example", "bulk.9999@delinde.example"],
      });
      expect(again.json().members.sort()).toEqual(["bulk.0@delinde.example", "bulk.9999@delinde.example"]);
      const theirs = await other.get("/api/v1/people?search=bulk.");
      expect(theirs.statusCode).toBe(200);
      expect(theirs.json().total).toBe(0);
      const ours = await admin.get("/api/v1/people?search=bulk.");
      expect(ours.json().total).toBe(10_000);
      // Each row is an invitation with its mail as well: more writes than a plain membership.
    } finally {
      await own.close();
    }
  }, 90_000);
});
