import { eq, inArray } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  meetings,
  regimeVersions,
  requirementProfiles,
  trajectories,
  trajectoryParticipants,
} from "../../src/db/schema.js";
import type { EvidenceView, ProfileList, ProfileView } from "../../src/domain/evidence/api.js";
import { formatPoints } from "../../src/domain/evidence/ledger.js";
import { BUILTIN_REGIMES } from "../../src/domain/regimes/builtin.js";
import type { Regime } from "../../src/domain/regimes/schema.js";
import { regimeHash } from "../../src/server/regimes/service.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { day, expectStatus as ok } from "../support/factories.js";
import { pdfPages } from "../support/pdf-text.js";

let t: TestApp;
let statements = 0;
let admin: TestClient;
let daan: TestClient;
let trainer: TestClient;
let officer: TestClient;
beforeAll(async () => {
  t = await createTestApp({}, { onQuery: () => statements++ });
  admin = await t.login("beheer@delinde.example");
  daan = await t.login("daan.bakker@delinde.example");
  trainer = await t.login("eva.mulder@delinde.example");
  officer = await t.login("joost.smit@delinde.example");
});
afterAll(() => t.close());

const profilePath = (id: string) => `/api/v1/requirement-profiles/${id}`;

async function copy(basedOn: string, name: string) {
  return ok<ProfileView>(await admin.post("/api/v1/requirement-profiles", { basedOn, name }), 201);
}

describe("requirement profiles", () => {
  it("lists the built-in profiles with suggestions for registration types", async () => {
    const list = ok<ProfileList>(await admin.get("/api/v1/requirement-profiles"));
    expect(list.items.filter((p) => p.builtIn).map((p) => p.key)).toEqual([
      "skj_master_under_3648",
      "skj_master_over_3648",
    ]);
    expect(list.canManage).toBe(true);
    // Read from the built-in regimes' guide rules, each once.
    expect(list.registrationTypes).toContainEqual({ register: "NVO", type: "Orthopedagoog-Generalist" });
    expect(new Set(list.registrationTypes.map((r) => `${r.register} ${r.type}`)).size).toBe(
      list.registrationTypes.length,
    );
    const officerList = ok<ProfileList>(await officer.get("/api/v1/requirement-profiles"));
    expect(officerList.canManage).toBe(false);
    expect((await daan.get("/api/v1/requirement-profiles")).statusCode).toBe(403);
  });

  it("copies a built-in profile, edits it versioned, and records both", async () => {
    const copied = await copy("skj_master_over_3648", "SKJ master (De Linde)");
    expect(copied).toMatchObject({ builtIn: false, basedOn: "skj_master_over_3648", version: 1 });
    expect(copied.key).toBe("skj_master_over_3648_1");
    expect(copied.document.name).toEqual({ nl: "SKJ master (De Linde)", en: "SKJ master (De Linde)" });

    const document = structuredClone(copied.document);
    const supervisie = document.requirements.find((r) => r.key === "supervisie");
    if (supervisie) supervisie.minimum = 25;
    const saved = ok<ProfileView>(await admin.put(profilePath(copied.id as string), { version: 1, document }));
    expect(saved.version).toBe(2);
    expect(saved.document.requirements.find((r) => r.key === "supervisie")?.minimum).toBe(25);

    const stale = await admin.put(profilePath(copied.id as string), { version: 1, document });
    expect(stale.statusCode).toBe(409);

    const types = (
      await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, copied.id as string))
    ).map((e) => e.type);
    expect(types.sort()).toEqual(["requirementProfile.copied", "requirementProfile.updated"]);
  });

  it("refuses bad input with errors at the fields and loses nothing", async () => {
    const copied = await copy("skj_master_under_3648", "Te bewerken");
    const document = structuredClone(copied.document) as unknown as Record<string, unknown> & {
      requirements: Record<string, unknown>[];
      supervisieConversion: Record<string, unknown>[];
    };
    document.periodYears = 0;
    (document.requirements[1] as Record<string, unknown>).minimum = -5;
    (document.requirements[2] as Record<string, unknown>).key = (document.requirements[0] as { key: string }).key;
    (document.supervisieConversion[0] as Record<string, unknown>).hoursPerFortyPoints = 0;
    const response = await admin.put(profilePath(copied.id as string), { version: 1, document });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const errors = Object.keys(response.json().errors);
    expect(errors).toEqual(
      expect.arrayContaining([
        "document.periodYears",
        "document.requirements.1.minimum",
        "document.supervisieConversion.0.hoursPerFortyPoints",
      ]),
    );
    const keyChange = await admin.put(profilePath(copied.id as string), {
      version: 1,
      document: { ...copied.document, key: "iets_anders" },
    });
    expect(keyChange.statusCode).toBe(422);
    expect(Object.keys(keyChange.json().errors)).toEqual(["document.key"]);
    const duplicate = structuredClone(copied.document);
    (duplicate.requirements[1] as { key: string }).key = (duplicate.requirements[0] as { key: string }).key;
    const dup = await admin.put(profilePath(copied.id as string), { version: 1, document: duplicate });
    expect(Object.keys(dup.json().errors)).toEqual(["document.requirements.1.key"]);

    const [stored] = await t.database.db
      .select()
      .from(requirementProfiles)
      .where(eq(requirementProfiles.id, copied.id as string));
    expect(stored?.version).toBe(1);
    expect(stored?.document).toEqual(copied.document);
  });

  it("keeps copying and editing to the admin, and a copy of an unknown profile is a field error", async () => {
    expect(
      (await officer.post("/api/v1/requirement-profiles", { basedOn: "skj_master_over_3648", name: "x" })).statusCode,
    ).toBe(403);
    const unknown = await admin.post("/api/v1/requirement-profiles", { basedOn: "bestaat_niet", name: "x" });
    expect(unknown.statusCode).toBe(422);
    expect(Object.keys(unknown.json().errors)).toEqual(["basedOn"]);
  });
});

// ---------------------------------------------------------------------------------------------

/** A regime that counts as evidence, stored as a version the way a trajectory starts on one. */
async function evidenceRegime(category: "werkbegeleiding" | "supervisie", groupSizeField: string | null) {
  const base = BUILTIN_REGIMES[0] as Regime;
  const regime: Regime = {
    ...base,
    key: `test_${category}`,
    evidence: { category, groupSizeField },
    planFields: groupSizeField ? [...base.planFields.filter((f) => f.key !== groupSizeField)] : base.planFields,
  };
  const hash = regimeHash(regime);
  await t.database.db
    .insert(regimeVersions)
    .values({ organisationId: t.orgs.linde, hash, document: regime })
    .onConflictDoNothing();
  return { regime, hash };
}

async function trajectoryWith(
  regime: { regime: Regime; hash: string },
  traineeUserId: string,
  plan: Record<string, string>,
  held: { offset: number; minutes: number; status?: "held" | "planned" | "cancelled" }[],
) {
  const [trajectory] = await t.database.db
    .insert(trajectories)
    .values({
      organisationId: t.orgs.linde,
      regimeHash: regime.hash,
      regimeKey: regime.regime.key,
      title: `Traject ${regime.regime.key}`,
      status: regime.regime.initialStatus,
      startsOn: day(-3000),
      endsOn: day(1000),
      plan,
    })
    .returning();
  if (!trajectory) throw new Error("no trajectory");
  await t.database.db
    .insert(trajectoryParticipants)
    .values({ organisationId: t.orgs.linde, trajectoryId: trajectory.id, userId: traineeUserId, role: "trainee" });
  const type = regime.regime.meetingTypes[0]?.key ?? "meeting";
  const made = await t.database.db
    .insert(meetings)
    .values(
      held.map((m) => ({
        organisationId: t.orgs.linde,
        trajectoryId: trajectory.id,
        type,
        startsAt: new Date(`${day(m.offset)}T10:00:00+01:00`),
        durationMinutes: m.minutes,
        preparationMinutes: 30,
        travelMinutes: 20,
        status: m.status ?? "held",
        // As recording a session held stores it: face to face, for the plan's group size of that moment.
        mode: "in_person" as const,
        groupSize: (m.status ?? "held") === "held" && plan.group_size ? Number(plan.group_size) : null,
      })),
    )
    .returning({ id: meetings.id });
  return { trajectory, meetingIds: made.map((m) => m.id) };
}

describe("the evidence ledger", () => {
  let daanId: string;
  let registrationId: string;
  let supervisieMeetings: string[] = [];
  let trajectoryId: string;

  beforeAll(async () => {
    const person = await t.membershipOf("daan.bakker@delinde.example");
    daanId = person.id;
    const profile = await copy("skj_master_under_3648", "Master onder 3648 uur");
    const registration = ok<{ id: string; requirementProfile: string }>(
      await admin.post(`/api/v1/people/${daanId}/registrations`, {
        register: "SKJ",
        registrationType: "Orthopedagoog",
        number: "110012345",
        reregistrationDate: day(365),
        requirementProfile: profile.key,
      }),
      201,
    );
    expect(registration.requirementProfile).toBe(profile.key);
    registrationId = registration.id;

    const supervisie = await evidenceRegime("supervisie", "group_size");
    const made = await trajectoryWith(supervisie, person.userId, { group_size: "2" }, [
      { offset: -100, minutes: 90 },
      { offset: -50, minutes: 90 },
      { offset: -10, minutes: 90 },
      { offset: 5, minutes: 90, status: "planned" },
      { offset: -20, minutes: 90, status: "cancelled" },
      // Before the period (five years before the re-registration date) and on that date: never counted.
      { offset: 365 - 5 * 366 - 10, minutes: 600 },
      { offset: 365, minutes: 600 },
    ]);
    supervisieMeetings = made.meetingIds.slice(0, 3);
    trajectoryId = made.trajectory.id;
    await trajectoryWith(await evidenceRegime("werkbegeleiding", null), person.userId, {}, [
      { offset: -30, minutes: 60 },
    ]);
  });

  const line = (view: EvidenceView, key: string) => view.ledger?.lines.find((l) => l.requirement.key === key);

  it("counts held face-to-face minutes inside the period, supervisie in points by group size", async () => {
    const view = ok<EvidenceView>(await admin.get(`/api/v1/people/${daanId}/evidence`));
    expect(view.person.name).toBe("Daan Bakker");
    expect(view.ledger?.registrationId).toBe(registrationId);
    expect(view.ledger?.period.to).toBe(day(365));
    const supervisie = line(view, "supervisie");
    // 3 × 90 minutes with two supervisees: 4.5 hours × 40 / 45 = 4 points.
    expect(supervisie).toMatchObject({
      status: "missing",
      minutes: 270,
      sessions: 3,
      pointsHundredths: 400,
      have: 400,
      minimum: 4000,
      missing: 3600,
      deadline: day(365),
    });
    expect(supervisie?.records.map((r) => r.id).sort()).toEqual([...supervisieMeetings].sort());
    expect(supervisie?.records[0]).toMatchObject({
      kind: "trajectoryMeeting",
      groupSize: 2,
      link: `/trajecten/${trajectoryId}/bijeenkomsten/${supervisie?.records[0]?.id}`,
    });
    expect(line(view, "werkbegeleiding")).toMatchObject({ status: "met", minutes: 60, sessions: 1 });
    expect(line(view, "training")).toMatchObject({ status: "notTracked", records: [] });
  });

  it("shows a person their own ledger, the same as the admin sees it", async () => {
    const own = ok<EvidenceView>(await daan.get(`/api/v1/evidence?registration=${registrationId}`));
    const theirs = ok<EvidenceView>(await officer.get(`/api/v1/people/${daanId}/evidence`));
    expect(own).toEqual(theirs);
  });

  it("exports the figures as CSV and PDF", async () => {
    const csv = await daan.get("/api/v1/evidence.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
    const rows = Papa.parse<string[]>(csv.body.slice(1), { delimiter: ";", skipEmptyLines: true }).data;
    expect(rows[0]?.slice(0, 4)).toEqual(["Eis", "Regel", "Datum", "Activiteit"]);
    const total = rows.find((r) => r[0] === "Supervisie" && r[1] === "Totaal");
    expect(total?.slice(4, 11)).toEqual(["3", "270", "4:30", "", "4", "40", "36"]);
    expect(rows.filter((r) => r[0] === "Supervisie" && r[1] === "Activiteit")).toHaveLength(3);

    const pdf = await admin.get(`/api/v1/people/${daanId}/evidence.pdf?registration=${registrationId}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toContain("application/pdf");
    const text = (await pdfPages(pdf.rawPayload)).join(" ");
    expect(text).toContain("Daan Bakker");
    expect(text).toContain("Master onder 3648 uur");
    expect(text).toContain("Supervisie");
    expect(text).toContain("4:30");
    expect(text).toContain("3 bijeenkomsten");
  });

  it("agrees in CSV, PDF and JSON: the re-registration date as deadline, points only where counted in points", async () => {
    const view = ok<EvidenceView>(await daan.get(`/api/v1/evidence?registration=${registrationId}`));
    const csv = await daan.get(`/api/v1/evidence.csv?registration=${registrationId}`);
    const rows = Papa.parse<string[]>(csv.body.slice(1), { delimiter: ";", skipEmptyLines: true }).data;
    const header = rows[0] ?? [];
    const column = (name: string) => header.indexOf(name);
    const pdf = (await pdfPages((await daan.get(`/api/v1/evidence.pdf?registration=${registrationId}`)).rawPayload))
      .join(" ")
      .replace(/Zorggroep De Linde Overzicht herregistratie Pagina \d+ van \d+/g, " ");
    const labels = view.ledger?.lines.map((l) => l.requirement.label.nl) ?? [];
    // The part of the PDF about one requirement: from its heading to the next one.
    const section = (label: string) => {
      const from = pdf.indexOf(`${label} Status`);
      const next = labels.map((l) => pdf.indexOf(`${l} Status`, from + 1)).filter((i) => i > from);
      return pdf.slice(from, next.length ? Math.min(...next) : undefined);
    };
    const longDate = (iso: string) =>
      new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));

    for (const line of view.ledger?.lines ?? []) {
      const label = line.requirement.label.nl;
      const total = rows.find((r) => r[0] === label && r[1] === "Totaal");
      const records = rows.filter((r) => r[0] === label && r[1] === "Activiteit");
      expect(total, label).toBeDefined();
      expect(records.map((r) => r[column("Link")])).toEqual(line.records.map((r) => r.link));
      // The deadline is the re-registration date everywhere, not the last day that counts.
      expect(line.deadline).toBe(view.ledger?.period.to);
      expect(total?.[column("Uiterlijk vóór")], label).toBe(line.deadline);
      const part = section(label);
      expect(part, label).toContain(line.status === "notTracked" ? "Niet bijgehouden" : longDate(line.deadline));
      if (line.status === "notTracked") continue;
      expect(total?.[column("Bijeenkomsten")]).toBe(String(line.sessions));
      expect(total?.[column("Minuten")]).toBe(String(line.minutes));
      for (const record of line.records) expect(part).toContain(record.title);
      if (line.requirement.unit === "points") {
        expect(total?.[column("Punten")], label).toBe(formatPoints(line.pointsHundredths, "nl"));
        expect(part, label).toContain("Punten");
      } else {
        // Werkbegeleiding counts sessions: no points in either document.
        expect(total?.[column("Punten")], label).toBe("");
        expect(records.every((r) => r[column("Punten")] === "")).toBe(true);
        expect(part, label).not.toContain("Punten");
      }
    }
    expect(labels).toContain("Werkbegeleiding");
    expect(pdf).toContain(`Uiterlijk vóór ${longDate(view.ledger?.period.to ?? "")}`);
  });

  it("offers an empty ledger when no registration has a date and a profile", async () => {
    const view = ok<EvidenceView>(await trainer.get("/api/v1/evidence"));
    expect(view.ledger).toBeNull();
    const csv = await trainer.get("/api/v1/evidence.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("Er is geen registratie met een herregistratiedatum en een eisenprofiel");
  });

  it("keeps a ledger to the person, the admin and the training officer", async () => {
    expect((await trainer.get(`/api/v1/people/${daanId}/evidence`)).statusCode).toBe(403);
    expect((await trainer.get(`/api/v1/people/${daanId}/evidence.csv`)).statusCode).toBe(403);
    const rivier = await t.membershipOf("lisa.dekker@rivierenland.example", t.orgs.rivier);
    expect((await admin.get(`/api/v1/people/${rivier.id}/evidence`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/people/${rivier.id}/evidence.pdf`)).statusCode).toBe(404);
    // A registration that is not the person's (an old link): their default period instead.
    const other = ok<EvidenceView>(
      await admin.get(`/api/v1/people/${daanId}/evidence?registration=${crypto.randomUUID()}`),
    );
    expect(other.ledger?.registrationId).toBe(registrationId);
  });

  it("reads a ledger in as many statements with many more meetings and trajectories (no N+1)", async () => {
    const measure = async () => {
      statements = 0;
      ok(await admin.get(`/api/v1/people/${daanId}/evidence`));
      return statements;
    };
    await measure();
    const before = await measure();
    const person = await t.membershipOf("daan.bakker@delinde.example");
    const supervisie = await evidenceRegime("supervisie", "group_size");
    const added: string[] = [];
    try {
      for (let i = 0; i < 3; i++)
        added.push(
          (
            await trajectoryWith(
              supervisie,
              person.userId,
              { group_size: "3" },
              Array.from({ length: 10 }, (_, n) => ({ offset: -200 - n, minutes: 60 })),
            )
          ).trajectory.id,
        );
      expect(await measure()).toBe(before);
      const view = ok<EvidenceView>(await admin.get(`/api/v1/people/${daanId}/evidence`));
      expect(line(view, "supervisie")?.sessions).toBe(33);
      // 270 minutes with two (4 points) and 30 hours with three (30 × 40 / 50 = 24 points).
      expect(line(view, "supervisie")?.pointsHundredths).toBe(2800);
    } finally {
      // Daan's ledger as the other tests of this block expect it, whatever ran first.
      const db = t.database.db;
      await db.delete(meetings).where(inArray(meetings.trajectoryId, added));
      await db.delete(trajectoryParticipants).where(inArray(trajectoryParticipants.trajectoryId, added));
      await db.delete(trajectories).where(inArray(trajectories.id, added));
    }
  });
});

describe("people: manager and requirement profile", () => {
  it("records a manager who is another active member, and refuses oneself, a cycle and strangers", async () => {
    const daanRow = await t.membershipOf("daan.bakker@delinde.example");
    const fatima = await t.membershipOf("fatima.yilmaz@delinde.example");
    const get = async (id: string) =>
      ok<{ version: number; name: string; roles: string[]; managerId: string | null; managerName: string | null }>(
        await admin.get(`/api/v1/people/${id}`),
      );
    const body = (p: Awaited<ReturnType<typeof get>>, managerId: string | null) => ({
      version: p.version,
      roles: p.roles,
      managerId,
    });
    let person = await get(daanRow.id);
    const saved = ok<{ managerId: string; managerName: string }>(
      await admin.put(`/api/v1/people/${daanRow.id}`, body(person, fatima.id)),
    );
    expect(saved).toMatchObject({ managerId: fatima.id, managerName: "Fatima Yılmaz" });

    person = await get(daanRow.id);
    const self = await admin.put(`/api/v1/people/${daanRow.id}`, body(person, daanRow.id));
    expect(self.statusCode).toBe(422);
    expect(Object.keys(self.json().errors)).toEqual(["managerId"]);

    const boss = await get(fatima.id);
    const cycle = await admin.put(`/api/v1/people/${fatima.id}`, body(boss, daanRow.id));
    expect(cycle.statusCode).toBe(422);
    expect(Object.keys(cycle.json().errors)).toEqual(["managerId"]);

    const stranger = await t.membershipOf("lisa.dekker@rivierenland.example", t.orgs.rivier);
    const foreign = await admin.put(`/api/v1/people/${fatima.id}`, body(boss, stranger.id));
    expect(foreign.statusCode).toBe(422);

    // Leaving it out keeps it; null clears it.
    person = await get(daanRow.id);
    const kept = ok<{ managerId: string | null }>(
      await admin.put(`/api/v1/people/${daanRow.id}`, {
        version: person.version,
        roles: person.roles,
      }),
    );
    expect(kept.managerId).toBe(fatima.id);
    const cleared = ok<{ managerId: string | null; version: number }>(
      await admin.put(`/api/v1/people/${daanRow.id}`, body(await get(daanRow.id), null)),
    );
    expect(cleared.managerId).toBeNull();
  });

  it("refuses a registration's profile that does not exist", async () => {
    const person = await t.membershipOf("eva.mulder@delinde.example");
    const response = await admin.post(`/api/v1/people/${person.id}/registrations`, {
      register: "SKJ",
      registrationType: "Jeugd- en gezinsprofessional",
      number: "1",
      requirementProfile: "bestaat_niet",
    });
    expect(response.statusCode).toBe(422);
    expect(Object.keys(response.json().errors)).toEqual(["requirementProfile"]);
  });
});
