import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, memberships, registrations, users } from "../../src/db/schema.js";
import { dutchToday } from "../../src/domain/dutch-time.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { newestOutboxMail } from "../support/mailbox.js";

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("beheer@delinde.example");
});
afterAll(() => t.close());

interface Person {
  id: string;
  userId: string;
  name: string;
  email: string;
  roles: string[];
  status: string;
  endedOn: string | null;
  version: number;
  jobTitle: string | null;
  academicExperienceYears: number | null;
  dreyfusLevel: number | null;
  abilities: { edit: boolean; deactivate: boolean; reactivate: boolean };
  registrations: Array<{ id: string; register: string; number: string; version: number; validUntil: string | null }>;
}

async function list(client: TestClient, query = "") {
  const response = await client.get(`/api/v1/people${query}`);
  expect(response.statusCode).toBe(200);
  return response.json() as { items: Person[]; total: number; page: number; pageSize: number };
}

async function findByEmail(client: TestClient, email: string): Promise<Person> {
  const { items } = await list(client, `?search=${encodeURIComponent(email)}`);
  const summary = items.find((p) => p.email === email);
  if (!summary) throw new Error(`no person ${email}`);
  return (await client.get(`/api/v1/people/${summary.id}`)).json();
}

async function auditFor(subjectId: string) {
  return t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId));
}

let counter = 0;
const newPerson = (extra: Record<string, unknown> = {}) => ({
  name: `Nieuwe Collega ${++counter}`,
  email: `nieuw${counter}@delinde.example`,
  roles: ["trainee"],
  ...extra,
});

describe("list, search and filter", () => {
  // The demo organisation as seeded, in an app of its own: the other tests add and deactivate people.
  let untouched: TestApp;
  let seeded: TestClient;
  beforeAll(async () => {
    untouched = await createTestApp();
    seeded = await untouched.login("beheer@delinde.example");
  });
  afterAll(() => untouched.close());

  it("lists only this organisation's people, sorted by name", async () => {
    const body = await list(seeded);
    const emails = body.items.map((p) => p.email);
    expect(emails).toContain("beheer@delinde.example");
    expect(emails).toContain("sanne.visser@netwerk.example");
    expect(emails).not.toContain("lisa.dekker@rivierenland.example");
    expect(body.total).toBe(body.items.length);
    const names = body.items.map((p) => p.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("searches name and e-mail case-insensitively", async () => {
    const byName = await list(seeded, "?search=DAAN");
    expect(byName.items.map((p) => p.email)).toEqual(["daan.bakker@delinde.example"]);
    const byEmail = await list(seeded, "?search=ROCWEST");
    expect(byEmail.items.map((p) => p.name)).toEqual(["Peter Jansen"]);
    // A LIKE wildcard is searched for literally, not as "anything".
    expect((await list(seeded, "?search=%25")).total).toBe(0);
  });

  it("filters by role and by status, and ignores empty filters", async () => {
    const trainers = await list(seeded, "?role=trainer");
    expect(trainers.items.map((p) => p.email).sort()).toEqual([
      "eva.mulder@delinde.example",
      "joost.smit@delinde.example",
    ]);
    expect((await list(seeded, "?status=deactivated")).total).toBe(0);
    const all = await list(seeded, "?search=&role=&status=");
    // Seven demo people and the demo's eight BPV students.
    expect(all.total).toBe(15);
    expect(all.total).toBe((await list(seeded)).total);
    expect((await seeded.get("/api/v1/people?role=boss")).statusCode).toBe(422);
  });

  it("pages through the list", async () => {
    for (let i = 0; i < 5; i++) expect((await admin.post("/api/v1/people", newPerson())).statusCode).toBe(201);
    const all = await list(admin, "?pageSize=100");
    const first = await list(admin, "?pageSize=10&page=1");
    expect(all.total).toBeGreaterThan(10);
    expect(first.items).toHaveLength(10);
    const second = await list(admin, "?pageSize=10&page=2");
    expect(second.total).toBe(all.total);
    expect(second.items.length).toBe(all.total - 10);
    expect(second.items.map((p) => p.id)).toEqual(all.items.slice(10, 20).map((p) => p.id));
    expect((await admin.get("/api/v1/people?pageSize=7")).statusCode).toBe(422);
  });

  it("says with every person what the admin may do", async () => {
    const { items } = await list(seeded);
    const self = items.find((p) => p.email === "beheer@delinde.example");
    const other = items.find((p) => p.email === "daan.bakker@delinde.example");
    expect(self?.abilities).toEqual({ edit: true, deactivate: false, reactivate: false });
    expect(other?.abilities).toEqual({ edit: true, deactivate: true, reactivate: false });
  });
});

describe("create", () => {
  it("adds a new person as an invited member without a password, mails the invitation and records it", async () => {
    const input = newPerson({
      email: "Nieuw.Persoon@DeLinde.example",
      jobTitle: "Gedragswetenschapper",
      academicExperienceYears: 3,
      dreyfusLevel: 2,
    });
    const response = await admin.post("/api/v1/people", input);
    expect(response.statusCode).toBe(201);
    const person: Person = response.json();
    expect(person).toMatchObject({
      email: "nieuw.persoon@delinde.example",
      name: input.name,
      displayName: input.name,
      roles: ["trainee"],
      status: "invited",
      hasPassword: false,
      jobTitle: "Gedragswetenschapper",
      academicExperienceYears: 3,
      dreyfusLevel: 2,
      version: 1,
      registrations: [],
    });
    const [user] = await t.database.db.select().from(users).where(eq(users.id, person.userId));
    expect(user?.passwordHash).toBeNull();
    const [entry] = await auditFor(person.id);
    expect(entry).toMatchObject({ type: "person.created", subjectType: "person", organisationId: t.orgs.linde });
    expect(entry?.after).toMatchObject({ email: "nieuw.persoon@delinde.example", roles: ["trainee"] });
    expect(entry?.after).not.toHaveProperty("existingUser");
    // The invitation went out with the addition.
    expect((await newestOutboxMail(t, "nieuw.persoon@delinde.example")).subject).toBe(
      "Uitnodiging voor Zorggroep De Linde in Koers",
    );
    const invitations = (await admin.get("/api/v1/invitations")).json().items as Array<{
      email: string;
      status: string;
    }>;
    expect(invitations.find((i) => i.email === "nieuw.persoon@delinde.example")?.status).toBe("pending");
  });

  it("invites someone known from another organisation without reading or touching their account", async () => {
    const [before] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, "lisa.dekker@rivierenland.example"));
    const response = await admin.post("/api/v1/people", {
      name: "Een Andere Naam",
      email: "LISA.DEKKER@rivierenland.example",
      roles: ["guide"],
    });
    expect(response.statusCode).toBe(201);
    const person: Person = response.json();
    expect(person.userId).toBe(before?.id);
    // Nothing of her account is told: the name typed here, no password, invited.
    expect(person).toMatchObject({ name: "Een Andere Naam", status: "invited", hasPassword: false });
    const [after] = await t.database.db.select().from(users).where(eq(users.id, person.userId));
    expect(after?.passwordHash).toBe(before?.passwordHash);
    expect(after?.name).toBe("Lisa Dekker");
    // Her own organisation still sees her unchanged.
    const rivier = await t.login("beheer@rivierenland.example");
    const there = await findByEmail(rivier, "lisa.dekker@rivierenland.example");
    expect(there.roles).toEqual(["trainee"]);
  });

  it("refuses an e-mail address already in this organisation with a field error", async () => {
    const response = await admin.post("/api/v1/people", newPerson({ email: "Daan.Bakker@delinde.example" }));
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(Object.keys(response.json().errors)).toEqual(["email"]);
    expect(response.json().errors.email).toBe("Er is al iemand met dit e-mailadres in deze organisatie.");
  });

  it("lets only one of two simultaneous creates with the same address through", async () => {
    const input = newPerson();
    const responses = await Promise.all([admin.post("/api/v1/people", input), admin.post("/api/v1/people", input)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect(responses.find((r) => r.statusCode === 422)?.json().errors).toHaveProperty("email");
  });

  it("validates the input per field", async () => {
    const response = await admin.post("/api/v1/people", { name: "", email: "geen-adres", roles: [], dreyfusLevel: 9 });
    expect(response.statusCode).toBe(422);
    expect(Object.keys(response.json().errors)).toEqual(
      expect.arrayContaining(["name", "email", "roles", "dreyfusLevel"]),
    );
  });
});

describe("edit", () => {
  it("saves with the current version, records what changed, and refuses a stale version", async () => {
    const created: Person = (await admin.post("/api/v1/people", newPerson({ jobTitle: "Stagiair" }))).json();
    const update = {
      version: created.version,
      displayName: "Hernoemde Collega",
      roles: ["trainee", "trainer"],
      jobTitle: "Orthopedagoog",
      academicExperienceYears: 4,
      dreyfusLevel: 3,
    };
    const saved = await admin.put(`/api/v1/people/${created.id}`, update);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      ...update,
      name: "Hernoemde Collega",
      version: created.version + 1,
      email: created.email,
    });

    const stale = await admin.put(`/api/v1/people/${created.id}`, { ...update, displayName: "Te Laat" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("problem.conflict");
    const current: Person = (await admin.get(`/api/v1/people/${created.id}`)).json();
    expect(current.name).toBe("Hernoemde Collega");

    const entries = (await auditFor(created.id)).filter((e) => e.type === "person.updated");
    expect(entries).toHaveLength(1);
    expect(entries[0]?.before).toEqual({
      displayName: created.name,
      roles: ["trainee"],
      jobTitle: "Stagiair",
      academicExperienceYears: null,
      dreyfusLevel: null,
    });
    expect(entries[0]?.after).toMatchObject({ displayName: "Hernoemde Collega", roles: ["trainee", "trainer"] });
  });

  it("refuses the account's name and e-mail address at their fields, changing nothing", async () => {
    const created: Person = (await admin.post("/api/v1/people", newPerson())).json();
    const response = await admin.put(`/api/v1/people/${created.id}`, {
      version: created.version,
      roles: created.roles,
      name: "Andere Naam",
      email: "ander@delinde.example",
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors).toEqual({
      name: "Dit veld kan hier niet worden gewijzigd.",
      email: "Dit veld kan hier niet worden gewijzigd.",
    });
    const unchanged: Person = (await admin.get(`/api/v1/people/${created.id}`)).json();
    expect(unchanged).toMatchObject({ name: created.name, email: created.email, version: created.version });
  });

  it("keeps an admin from removing their own admin role", async () => {
    const self = await findByEmail(admin, "beheer@delinde.example");
    const response = await admin.put(`/api/v1/people/${self.id}`, {
      version: self.version,
      roles: ["trainer"],
    });
    expect(response.statusCode).toBe(422);
    expect(Object.keys(response.json().errors)).toEqual(["roles"]);
  });
});

describe("deactivate and reactivate", () => {
  it("deactivates, which ends access, and reactivates, never deleting", async () => {
    const eva = await findByEmail(admin, "eva.mulder@delinde.example");
    const evaClient = await t.login("eva.mulder@delinde.example");

    const off = await admin.post(`/api/v1/people/${eva.id}/deactivate`, { version: eva.version });
    expect(off.statusCode).toBe(200);
    expect(eva.endedOn).toBeNull();
    expect(off.json()).toMatchObject({
      status: "deactivated",
      endedOn: dutchToday(),
      abilities: { deactivate: false, reactivate: true },
    });
    expect((await evaClient.refreshSession()).user).toBeNull();
    // The list says when the membership ended, so an admin sees it without opening the person.
    const ended = (await list(admin, "?status=deactivated")).items.find((p) => p.id === eva.id);
    expect(ended?.endedOn).toBe(dutchToday());

    // The old version is stale now.
    expect((await admin.post(`/api/v1/people/${eva.id}/reactivate`, { version: eva.version })).statusCode).toBe(409);
    const on = await admin.post(`/api/v1/people/${eva.id}/reactivate`, { version: off.json().version });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ status: "active", endedOn: null });

    const types = (await auditFor(eva.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["person.deactivated", "person.reactivated"]));
    const rows = await t.database.db.select().from(memberships).where(eq(memberships.id, eva.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses to deactivate yourself", async () => {
    const self = await findByEmail(admin, "beheer@delinde.example");
    const response = await admin.post(`/api/v1/people/${self.id}/deactivate`, { version: self.version });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe("field.cannotDeactivateSelf");
    const [row] = await t.database.db.select().from(memberships).where(eq(memberships.id, self.id));
    expect(row?.status).toBe("active");
  });

  it("answers 409 when the person is already deactivated", async () => {
    const created: Person = (await admin.post("/api/v1/people", newPerson())).json();
    const off = (await admin.post(`/api/v1/people/${created.id}/deactivate`, { version: created.version })).json();
    expect((await admin.post(`/api/v1/people/${created.id}/deactivate`, { version: off.version })).statusCode).toBe(
      409,
    );
  });
});

describe("registrations", () => {
  it("adds, edits (versioned) and deletes a registration, each in the audit log", async () => {
    const person: Person = (await admin.post("/api/v1/people", newPerson())).json();
    const base = `/api/v1/people/${person.id}/registrations`;
    const added = await admin.post(base, {
      register: "SKJ",
      registrationType: "Jeugd- en gezinsprofessional",
      number: "110009999",
      validUntil: "2030-01-31",
      reregistrationDate: "2029-12-01",
    });
    expect(added.statusCode).toBe(201);
    const registration = added.json();
    expect(registration).toMatchObject({ register: "SKJ", validUntil: "2030-01-31", version: 1 });

    const detail: Person = (await admin.get(`/api/v1/people/${person.id}`)).json();
    expect(detail.registrations.map((r) => r.id)).toEqual([registration.id]);

    const edit = {
      register: "NIP",
      registrationType: "Kinder- en jeugdpsycholoog",
      number: "NIP-1",
      validUntil: null,
      version: 1,
    };
    const edited = await admin.put(`${base}/${registration.id}`, edit);
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ register: "NIP", validUntil: null, reregistrationDate: null, version: 2 });
    expect((await admin.put(`${base}/${registration.id}`, edit)).statusCode).toBe(409);

    expect((await admin.delete(`${base}/${registration.id}?version=1`)).statusCode).toBe(409);
    expect((await admin.delete(`${base}/${registration.id}?version=2`)).statusCode).toBe(204);
    expect((await admin.delete(`${base}/${registration.id}?version=2`)).statusCode).toBe(404);
    expect(await t.database.db.select().from(registrations).where(eq(registrations.id, registration.id))).toHaveLength(
      0,
    );

    const types = (await auditFor(registration.id)).map((e) => e.type);
    expect(types.sort()).toEqual(["registration.created", "registration.deleted", "registration.updated"]);
  });

  it("validates a registration per field", async () => {
    const person = await findByEmail(admin, "daan.bakker@delinde.example");
    const response = await admin.post(`/api/v1/people/${person.id}/registrations`, {
      register: "XYZ",
      registrationType: "",
      number: "",
      validUntil: "31-01-2030",
    });
    expect(response.statusCode).toBe(422);
    expect(Object.keys(response.json().errors)).toEqual(
      expect.arrayContaining(["register", "registrationType", "number", "validUntil"]),
    );
  });

  it("does not reach a registration through another person", async () => {
    const daan = await findByEmail(admin, "daan.bakker@delinde.example");
    const other: Person = (await admin.post("/api/v1/people", newPerson())).json();
    const registration = daan.registrations[0];
    if (!registration) throw new Error("demo registration missing");
    const response = await admin.put(`/api/v1/people/${other.id}/registrations/${registration.id}`, {
      register: "SKJ",
      registrationType: "Gekaapt",
      number: "1",
      version: registration.version,
    });
    expect(response.statusCode).toBe(404);
    expect(
      (await admin.delete(`/api/v1/people/${other.id}/registrations/${registration.id}?version=1`)).statusCode,
    ).toBe(404);
  });
});

describe("who may", () => {
  it("refuses people management to someone without the admin role", async () => {
    const trainee = await t.login("daan.bakker@delinde.example");
    const daan = await findByEmail(admin, "daan.bakker@delinde.example");
    const reg = daan.registrations[0]?.id;
    const calls = [
      trainee.get("/api/v1/people"),
      trainee.get(`/api/v1/people/${daan.id}`),
      trainee.post("/api/v1/people", newPerson()),
      trainee.put(`/api/v1/people/${daan.id}`, { version: daan.version, displayName: "Zelf", roles: ["admin"] }),
      trainee.post(`/api/v1/people/${daan.id}/deactivate`, { version: daan.version }),
      trainee.post(`/api/v1/people/${daan.id}/reactivate`, { version: daan.version }),
      trainee.post(`/api/v1/people/${daan.id}/registrations`, { register: "SKJ", registrationType: "x", number: "1" }),
      trainee.put(`/api/v1/people/${daan.id}/registrations/${reg}`, {
        register: "SKJ",
        registrationType: "x",
        number: "1",
        version: 1,
      }),
      trainee.delete(`/api/v1/people/${daan.id}/registrations/${reg}?version=1`),
    ];
    for (const response of await Promise.all(calls)) expect(response.statusCode).toBe(403);
    const [row] = await t.database.db.select().from(memberships).where(eq(memberships.id, daan.id));
    expect(row?.roles).toEqual(["trainee"]);
  });

  it("asks an anonymous caller to sign in", async () => {
    const anonymous = await t.anonymous();
    expect((await anonymous.get("/api/v1/people")).statusCode).toBe(401);
  });

  it("answers 404 for an id that is not a uuid", async () => {
    expect((await admin.get("/api/v1/people/niet-een-id")).statusCode).toBe(404);
  });
});

describe("between organisations", () => {
  it("gives the rivierenland admin a 404 for a de-linde person on every route and changes nothing", async () => {
    const rivier = await t.login("beheer@rivierenland.example");
    const daan = await findByEmail(admin, "daan.bakker@delinde.example");
    const registration = daan.registrations[0];
    if (!registration) throw new Error("demo registration missing");
    const [membershipBefore] = await t.database.db.select().from(memberships).where(eq(memberships.id, daan.id));
    const [registrationBefore] = await t.database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, registration.id));
    const auditBefore = (await t.database.db.select().from(auditEvents)).length;

    const base = `/api/v1/people/${daan.id}`;
    const regBody = { register: "BIG", registrationType: "Gekaapt", number: "0" };
    const calls = [
      rivier.get(base),
      rivier.put(base, { version: daan.version, displayName: "Gekaapt", roles: ["admin"] }),
      rivier.post(`${base}/deactivate`, { version: daan.version }),
      rivier.post(`${base}/reactivate`, { version: daan.version }),
      rivier.post(`${base}/registrations`, regBody),
      rivier.put(`${base}/registrations/${registration.id}`, { ...regBody, version: registration.version }),
      rivier.delete(`${base}/registrations/${registration.id}?version=${registration.version}`),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe("problem.notFound");
    }
    const listed = await list(rivier, "?search=daan");
    expect(listed.total).toBe(0);

    const [membershipAfter] = await t.database.db.select().from(memberships).where(eq(memberships.id, daan.id));
    const [registrationAfter] = await t.database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, registration.id));
    expect(membershipAfter).toEqual(membershipBefore);
    expect(registrationAfter).toEqual(registrationBefore);
    const [daanUser] = await t.database.db.select().from(users).where(eq(users.id, daan.userId));
    expect(daanUser?.name).toBe("Daan Bakker");
    expect((await t.database.db.select().from(auditEvents)).length).toBe(auditBefore);
    const added = await t.database.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.membershipId, daan.id), eq(registrations.registrationType, "Gekaapt")));
    expect(added).toHaveLength(0);
  });

  it("lets a person in two organisations be edited in each without mixing roles", async () => {
    const rivier = await t.login("beheer@rivierenland.example");
    const inLinde = await findByEmail(admin, "sanne.visser@netwerk.example");
    const inRivier = await findByEmail(rivier, "sanne.visser@netwerk.example");
    expect(inLinde.id).not.toBe(inRivier.id);
    const saved = await rivier.put(`/api/v1/people/${inRivier.id}`, {
      version: inRivier.version,
      roles: ["guide", "trainer"],
    });
    expect(saved.statusCode).toBe(200);
    expect((await admin.get(`/api/v1/people/${inLinde.id}`)).json().roles).toEqual(["guide", "network_coordinator"]);
  });

  it("tells each organisation only when its own membership with a person ended", async () => {
    const rivier = await t.login("beheer@rivierenland.example");
    const inRivier = await findByEmail(rivier, "sanne.visser@netwerk.example");
    const off = await rivier.post(`/api/v1/people/${inRivier.id}/deactivate`, { version: inRivier.version });
    expect(off.json().endedOn).toBe(dutchToday());
    const endedInRivier = (await list(rivier, "?status=deactivated")).items.map((p) => p.email);
    expect(endedInRivier).toContain("sanne.visser@netwerk.example");
    // De Linde's membership goes on: nothing of the other organisation's ending shows there.
    const inLinde = (await list(admin, "?search=sanne.visser")).items;
    expect(inLinde.map((p) => [p.status, p.endedOn])).toEqual([["active", null]]);
    await rivier.post(`/api/v1/people/${inRivier.id}/reactivate`, { version: off.json().version });
  });
});

describe("API description", () => {
  it("documents every people route with its parameters", async () => {
    const doc = (await admin.get("/api/openapi.json")).json();
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/v1/people",
        "/api/v1/people/{personId}",
        "/api/v1/people/{personId}/deactivate",
        "/api/v1/people/{personId}/reactivate",
        "/api/v1/people/{personId}/registrations",
        "/api/v1/people/{personId}/registrations/{registrationId}",
      ]),
    );
    const registration = doc.paths["/api/v1/people/{personId}/registrations/{registrationId}"];
    expect(registration.delete.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      "personId",
      "registrationId",
      "version",
    ]);
    expect(doc.paths["/api/v1/people"].get.tags).toEqual(["people"]);
  });
});
