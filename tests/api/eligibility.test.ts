import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/connection.js";
import type { GuideEligibilityAnswer, MeetingDetail, TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { at, candidates, createPerson, day, expectStatus as ok } from "../support/factories.js";

/**
 * Guide eligibility on the registration regimes (SKJ, postmaster, supervisie): judged live for
 * the start page, enforced when a trajectory starts and kept with it; and supervisie's content
 * kept from the employer and the admin, who see only hours and status.
 */

let t: TestApp;
let admin: TestClient;
let client: TestClient;
const person: Record<string, string> = {};

interface Problem {
  code: string;
  errors: Record<string, string>;
}

async function addPerson(key: string, name: string, roles: string[], extra: Record<string, unknown> = {}) {
  const email = `${key}.${Date.now()}@eligibility.example`;
  // The person accepts the invitation, choosing the demo password, and becomes an active member.
  person[key] = (await createPerson(t, { admin, name, email, roles, fields: extra })).id;
  return email;
}

const email: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("beheer@delinde.example");
  client = await t.login("fatima.yilmaz@delinde.example");
  email.eva = await addPerson("eva", "Eva Professional", ["trainee"]);
  email.rik = await addPerson("rik", "Rik Geregistreerd", ["guide"], { academicExperienceYears: 2, dreyfusLevel: 3 });
  email.els = await addPerson("els", "Els Ervaren", ["guide"], { academicExperienceYears: 8, dreyfusLevel: 4 });
  email.bas = await addPerson("bas", "Bas Beginner", ["guide"], { academicExperienceYears: 1, dreyfusLevel: 2 });
  email.max = await addPerson("max", "Max Manager", ["guide", "client"]);
  email.sofie = await addPerson("sofie", "Sofie Supervisor", ["guide"]);
  email.carla = await addPerson("carla", "Carla Clusterhoofd", ["guide", "client"]);
  ok(
    await admin.post(`/api/v1/people/${person.rik}/registrations`, {
      register: "NIP",
      registrationType: "kinder- en jeugdpsycholoog",
      number: "NIP-1",
      validUntil: "2099-12-31",
    }),
    201,
  );
  // Max manages Eva.
  await t.database.db.execute(sql`update memberships set manager_id = ${person.max} where id = ${person.eva}`);
});
afterAll(() => t.close());

const judge = async (regimeKey: string, guides: string[], who: TestClient = admin) => {
  const query = new URLSearchParams({ regimeKey, traineeId: person.eva as string, startsOn: day(0) });
  for (const g of guides) query.append("guideId", person[g] as string);
  return ok<GuideEligibilityAnswer>(await who.get(`/api/v1/trajectories/guide-eligibility?${query}`));
};

const start = (regimeKey: string, guide: string, extra: Record<string, unknown> = {}, who: TestClient = admin) =>
  who.post("/api/v1/trajectories", {
    regimeKey,
    title: `${regimeKey} ${guide}`,
    traineeId: person.eva,
    guideIds: [person[guide]],
    startsOn: day(-10),
    endsOn: day(300),
    ...extra,
  });

describe("judging a guide before starting", () => {
  it("answers each guide's judgement in words; the regime without a rule has none", async () => {
    const answer = await judge("skj_werkbegeleiding", ["rik", "els", "bas"]);
    expect(answer.rule).toBe("registeredOrExperienced");
    expect(answer.items.map((i) => [i.name, i.judgement.verdict])).toEqual([
      ["Rik Geregistreerd", "eligible"],
      ["Els Ervaren", "eligibleWithMotivation"],
      ["Bas Beginner", "notEligible"],
    ]);
    expect(answer.items[1]?.judgement.reasons.map((r) => r.nl).join(" ")).toContain("gemotiveerd verzoek");
    expect(answer.items[2]?.judgement.reasons.map((r) => r.nl).join(" ")).toContain("Maar 1 jaar");
    expect(await judge("coaching", ["bas"])).toEqual({ rule: null, items: [] });
  });

  it("tells nothing of people who are not guides", async () => {
    const answer = await judge("skj_werkbegeleiding", ["eva"]);
    expect(answer.items).toEqual([]);
  });

  it("refuses an unknown regime at the field, and those who may not start trajectories", async () => {
    const query = `regimeKey=nope&traineeId=${person.eva}&guideId=${person.rik}&startsOn=${day(0)}`;
    const unknown = await admin.get(`/api/v1/trajectories/guide-eligibility?${query}`);
    expect(unknown.statusCode).toBe(422);
    expect((unknown.json() as Problem).errors.regimeKey).toBeTruthy();
    const trainee = await t.login("daan.bakker@delinde.example");
    expect((await trainee.get(`/api/v1/trajectories/guide-eligibility?${query}`)).statusCode).toBe(403);
  });
});

describe("starting with the guide rule enforced", () => {
  it("starts an SKJ trajectory with a registered guide and keeps the judgement", async () => {
    const detail = ok<TrajectoryDetail>(await start("skj_werkbegeleiding", "rik"), 201);
    expect(detail.guideEligibility).toMatchObject({ verdict: "eligible", judgedOn: day(-10) });
    // Written as "kinder- en jeugdpsycholoog", it is stored as the register names the type.
    expect(detail.guideEligibility?.reasons[0]?.nl).toContain("NIP Kinder- en Jeugdpsycholoog NIP");
    // The trainee sees it too.
    const eva = await t.login(email.eva as string);
    const seen = ok<TrajectoryDetail>(await eva.get(`/api/v1/trajectories/${detail.id}`));
    expect(seen.guideEligibility?.verdict).toBe("eligible");
  });

  it("starts with an experienced unregistered guide and records that a motivated request is needed", async () => {
    const detail = ok<TrajectoryDetail>(await start("skj_werkbegeleiding", "els"), 201);
    expect(detail.guideEligibility?.verdict).toBe("eligibleWithMotivation");
    const [row] = await queryRows<{ verdict: string; guide: string }>(
      t.database.db,
      sql`select guide_eligibility->>'verdict' as verdict, guide_eligibility->>'guideUserId' as guide
          from trajectories where id = ${detail.id}`,
    );
    expect(row?.verdict).toBe("eligibleWithMotivation");
    expect(detail.participants.find((p) => p.role === "guide")?.userId).toBe(row?.guide);
  });

  it("refuses a postmaster guide without a registration at the guide field, in the requester's language", async () => {
    const before = await count();
    const refused = await start("postmaster_werkbegeleiding", "els");
    expect(refused.statusCode).toBe(422);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    const message = (refused.json() as Problem).errors.guideIds;
    expect(message).toContain("Els Ervaren");
    expect(message).toContain("nooit geschikt");
    // In the requester's language: Carla (an opdrachtgever) reads English.
    const carla = await t.login(email.carla as string);
    expect((await carla.put("/api/v1/auth/locale", { locale: "en" })).statusCode).toBe(204);
    const english = await start("postmaster_werkbegeleiding", "els", {}, carla);
    expect((english.json() as Problem).errors.guideIds).toContain("never eligible");
    expect(await count()).toBe(before);
  });

  it("refuses a supervisor who is the supervisant's manager, werkbegeleider or employer", async () => {
    const manager = await start("supervisie", "max");
    expect(manager.statusCode).toBe(422);
    expect((manager.json() as Problem).errors.guideIds).toContain("leidinggevende");
    // Rik guides Eva in an open SKJ trajectory.
    ok(await start("skj_werkbegeleiding", "rik"), 201);
    const werkbegeleider = await start("supervisie", "rik");
    expect(werkbegeleider.statusCode).toBe(422);
    expect((werkbegeleider.json() as Problem).errors.guideIds).toContain("werkbegeleider");
    const employer = await start("supervisie", "carla", { commissionerId: person.carla });
    expect(employer.statusCode).toBe(422);
    expect((employer.json() as Problem).errors.guideIds).toContain("werkgever");
    const judged = await judge("supervisie", ["sofie", "carla", "max"]);
    expect(judged.items.map((i) => i.judgement.verdict)).toEqual(["eligible", "eligible", "notEligible"]);
  });
});

describe("the registrations that qualify are data", () => {
  it("an admin adds a registration to a copy of the SKJ regime, and a guide holding it becomes eligible", async () => {
    const copy = ok<{ id: string; key: string; version: number; document: Record<string, unknown> }>(
      await admin.post("/api/v1/regimes", { basedOn: "skj_werkbegeleiding", name: "SKJ werkbegeleiding De Linde" }),
      201,
    );
    ok(
      await admin.post(`/api/v1/people/${person.bas}/registrations`, {
        register: "SKJ",
        registrationType: "Jeugd- en gezinsprofessional (master)",
        number: "SKJ-77",
      }),
      201,
    );
    expect((await judge(copy.key, ["bas"])).items[0]?.judgement.verdict).toBe("notEligible");
    const rule = copy.document.guideRule as { registrations: { register: string; type: string }[] };
    const empty = await admin.put(`/api/v1/regimes/${copy.id}`, {
      version: copy.version,
      document: { ...copy.document, guideRule: { ...rule, registrations: [] } },
    });
    expect(empty.statusCode).toBe(422);
    expect(Object.keys((empty.json() as Problem).errors)).toEqual(["document.guideRule.registrations"]);
    ok(
      await admin.put(`/api/v1/regimes/${copy.id}`, {
        version: copy.version,
        document: {
          ...copy.document,
          guideRule: {
            ...rule,
            registrations: [...rule.registrations, { register: "SKJ", type: "Jeugd- en gezinsprofessional (master)" }],
          },
        },
      }),
    );
    expect((await judge(copy.key, ["bas"])).items[0]?.judgement.verdict).toBe("eligible");
    const kind = await admin.put(`/api/v1/regimes/${copy.id}`, {
      version: copy.version + 1,
      document: { ...copy.document, guideRule: null },
    });
    expect(kind.statusCode).toBe(422);
    expect(Object.keys((kind.json() as Problem).errors)).toEqual(["document.guideRule"]);
    // The built-in regime is as shipped.
    expect((await judge("skj_werkbegeleiding", ["bas"])).items[0]?.judgement.verdict).toBe("notEligible");
  });
});

async function count() {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from trajectories`);
  return row?.n ?? 0;
}

describe("supervisie is confidential to supervisor and supervisant", () => {
  let trajectory: TrajectoryDetail;
  let meeting: MeetingDetail;
  let sofie: TestClient;

  beforeAll(async () => {
    sofie = await t.login(email.sofie as string);
    const fatima = (await candidates(client)).me;
    trajectory = ok<TrajectoryDetail>(await start("supervisie", "sofie", { commissionerId: fatima }), 201);
    expect(trajectory.guideEligibility?.verdict).toBe("eligible");
    const base = `/api/v1/trajectories/${trajectory.id}`;
    const wrong = await sofie.put(`${base}/plan`, {
      version: trajectory.version,
      plan: { group_size: "4" },
      intensity: trajectory.intensity,
      evaluationMoments: [],
    });
    expect(wrong.statusCode).toBe(422);
    expect((wrong.json() as Problem).errors["plan.group_size"]).toBeTruthy();
    trajectory = ok(
      await sofie.put(`${base}/plan`, {
        version: trajectory.version,
        plan: { group_size: "2", supervisievragen: "Hoe houd ik afstand?" },
        intensity: trajectory.intensity,
        evaluationMoments: [{ date: day(30), label: "Terugblik op de eerste zittingen" }],
      }),
    );
    trajectory = ok(await sofie.post(`${base}/transitions`, { transition: "start" }));
    meeting = ok<MeetingDetail>(
      await sofie.post(`${base}/meetings`, { type: "supervisiezitting", startsAt: at(-1) }),
      201,
    );
    meeting = ok<MeetingDetail>(
      await sofie.put(`/api/v1/meetings/${meeting.id}`, {
        version: meeting.version,
        startsAt: meeting.startsAt,
        durationMinutes: 75,
        preparationMinutes: 0,
        travelMinutes: 0,
        unannounced: false,
        status: "held",
        location: null,
        notes: "Eva vertelde over een zware casus en haar eigen twijfel.",
        confidential: false,
        observation: null,
      }),
    );
  });

  it("the admin and the employer see the status and the hours, not the plan, meetings, notes or goals", async () => {
    for (const who of [admin, client]) {
      const seen = ok<TrajectoryDetail>(await who.get(`/api/v1/trajectories/${trajectory.id}`));
      expect(seen.status).toBe("running");
      expect(seen.hours?.total.meetingMinutes).toBe(75);
      expect(seen.plan).toBeNull();
      expect(seen.meetings).toBeNull();
      expect(seen.goals).toBeNull();
      expect(JSON.stringify(seen)).not.toContain("zware casus");
      expect(JSON.stringify(seen)).not.toContain("afstand");
      expect(JSON.stringify(seen)).not.toContain("Terugblik");
      expect((await who.get(`/api/v1/meetings/${meeting.id}`)).statusCode).toBe(404);
    }
    const asAdmin = ok<TrajectoryDetail>(await admin.get(`/api/v1/trajectories/${trajectory.id}`));
    expect(asAdmin.abilities).toMatchObject({ editPlan: false, planMeetings: false, writeReport: false });
    const plan = await admin.put(`/api/v1/trajectories/${trajectory.id}/plan`, {
      version: asAdmin.version,
      plan: { group_size: "1" },
      intensity: null,
      evaluationMoments: [],
    });
    expect(plan.statusCode).toBe(403);
  });

  it("the audit log tells the admin that the plan changed, not what it says", async () => {
    const log = ok<{ items: { type: string; after: Record<string, unknown> | null }[] }>(
      await admin.get("/api/v1/audit-events"),
    );
    const planned = log.items.find((e) => e.type === "trajectory.planUpdated" && e.after?.changed);
    expect(planned?.after?.changed).toEqual(expect.arrayContaining(["group_size", "supervisievragen"]));
    expect(JSON.stringify(log)).not.toContain("afstand");
  });

  it("a copy of supervisie cannot let the admin read or do more", async () => {
    const copy = ok<{ id: string; version: number; document: Record<string, unknown> }>(
      await admin.post("/api/v1/regimes", { basedOn: "supervisie", name: "Supervisie De Linde" }),
      201,
    );
    expect(copy.document.admin).toEqual({ sees: ["hours"], does: [] });
    const wider = await admin.put(`/api/v1/regimes/${copy.id}`, {
      version: copy.version,
      document: { ...copy.document, admin: { sees: ["hours", "notes"], does: [] } },
    });
    expect(wider.statusCode).toBe(422);
    expect(Object.keys((wider.json() as Problem).errors)).toEqual(["document.admin.sees.1"]);
    const acting = await admin.put(`/api/v1/regimes/${copy.id}`, {
      version: copy.version,
      document: { ...copy.document, admin: { sees: ["hours", "meetings"], does: ["planMeetings"] } },
    });
    expect(Object.keys((acting.json() as Problem).errors).sort()).toEqual([
      "document.admin.does.0",
      "document.admin.sees.1",
    ]);
    ok(
      await admin.put(`/api/v1/regimes/${copy.id}`, {
        version: copy.version,
        document: { ...copy.document, admin: { sees: [], does: [] } },
      }),
    );
  });

  it("the supervisor and the supervisant see everything of their own", async () => {
    const eva = await t.login(email.eva as string);
    for (const who of [sofie, eva]) {
      const seen = ok<TrajectoryDetail>(await who.get(`/api/v1/trajectories/${trajectory.id}`));
      expect(seen.plan?.group_size).toBe("2");
      expect(seen.meetings).toHaveLength(1);
      const detail = ok<MeetingDetail>(await who.get(`/api/v1/meetings/${meeting.id}`));
      expect(detail.notes).toContain("zware casus");
    }
  });
});

describe("registrations chosen from the register's list of types", () => {
  it("judges a BIG GZ-psycholoog eligible, however the type was written or stored", async () => {
    await addPerson("gz", "Gert GZ", ["guide"]);
    const chosen = ok<{ registrationType: string; typeId: string }>(
      await admin.post(`/api/v1/people/${person.gz}/registrations`, {
        register: "BIG",
        typeId: "big_gz_psycholoog",
        number: "BIG-1",
      }),
      201,
    );
    expect(chosen).toMatchObject({ typeId: "big_gz_psycholoog", registrationType: "Gezondheidszorgpsycholoog" });
    const answer = await judge("postmaster_werkbegeleiding", ["gz"]);
    expect(answer.items[0]?.judgement.verdict).toBe("eligible");

    // A registration stored as free text before the list existed is read through the synonyms.
    await addPerson("gz2", "Greet GZ", ["guide"]);
    await t.database.db.execute(
      sql`insert into registrations (organisation_id, membership_id, register, registration_type, number)
          select organisation_id, id, 'BIG', 'GZ-psycholoog', 'BIG-2' from memberships where id = ${person.gz2}`,
    );
    expect((await judge("postmaster_werkbegeleiding", ["gz2"])).items[0]?.judgement.verdict).toBe("eligible");
    const detail = ok<{ registrations: { typeId: string; registrationType: string }[] }>(
      await admin.get(`/api/v1/people/${person.gz2}`),
    );
    expect(detail.registrations).toEqual([expect.objectContaining({ typeId: "big_gz_psycholoog" })]);

    // Written as free text through the API, a name on the list is stored as that type.
    await addPerson("gz3", "Gijs GZ", ["guide"]);
    const written = ok<{ registrationType: string; typeId: string }>(
      await admin.post(`/api/v1/people/${person.gz3}/registrations`, {
        register: "BIG",
        typeId: "other",
        registrationType: "gz psycholoog",
        number: "BIG-3",
      }),
      201,
    );
    expect(written.typeId).toBe("big_gz_psycholoog");
  });

  it("never matches a type of 'other': the answer says to check it", async () => {
    await addPerson("oth", "Olga Anders", ["guide"]);
    const other = ok<{ registrationType: string; typeId: string }>(
      await admin.post(`/api/v1/people/${person.oth}/registrations`, {
        register: "BIG",
        typeId: "other",
        registrationType: "Psycholoog, bijna GZ",
        number: "BIG-9",
      }),
      201,
    );
    expect(other).toMatchObject({ typeId: "other", registrationType: "Psycholoog, bijna GZ" });
    const judgement = (await judge("postmaster_werkbegeleiding", ["oth"])).items[0]?.judgement;
    expect(judgement?.verdict).toBe("notEligible");
    expect(judgement?.unknownRegistrationTypes).toEqual(["BIG Psycholoog, bijna GZ"]);
    expect(judgement?.reasons.map((r) => r.nl).join(" ")).toContain("Onbekend registratietype");
    // Starting with this guide is refused with the same words.
    const refused = await start("postmaster_werkbegeleiding", "oth");
    expect(refused.statusCode).toBe(422);
    expect((refused.json() as Problem).errors.guideIds).toContain("Onbekend registratietype");
  });

  it("refuses a type the register does not list, and 'other' without a name, at the field", async () => {
    await addPerson("oth", "Olga Andersen", ["guide"]);
    const wrong = await admin.post(`/api/v1/people/${person.oth}/registrations`, {
      register: "SKJ",
      typeId: "big_gz_psycholoog",
      number: "X",
    });
    expect(wrong.statusCode).toBe(422);
    expect((wrong.json() as Problem).errors.typeId).toContain("registratietype");
    const nameless = await admin.post(`/api/v1/people/${person.oth}/registrations`, {
      register: "BIG",
      typeId: "other",
      number: "X",
    });
    expect(nameless.statusCode).toBe(422);
    expect((nameless.json() as Problem).errors.registrationType).toBeTruthy();
  });
});
