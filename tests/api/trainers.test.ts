import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  moduleProgress,
  moduleVersions,
  organisations,
  outbox,
  trainerCertificates,
  users,
} from "../../src/db/schema.js";
import type { NetworkView } from "../../src/domain/networks/schemas.js";
import type { TrainerOverview, TrainerView } from "../../src/domain/trainers/api.js";
import { validUntilFor } from "../../src/domain/trainers/pool.js";
import { inOrganisation } from "../../src/server/tenancy.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { day, expectStatus as ok } from "../support/factories.js";

/**
 * The trainer pool through the API: the demo network's trainers and the count per member; a
 * trainer keeping their profile; the coordinator certifying a trainer of another member; one
 * member asking another's trainer, which answers; and what each side may not do.
 */

const PEOPLE = {
  officer: { email: "joost.smit@delinde.example", org: "linde" },
  eva: { email: "eva.mulder@delinde.example", org: "linde" },
  sanne: { email: "sanne.visser@netwerk.example", org: "linde" },
  daan: { email: "daan.bakker@delinde.example", org: "linde" },
  ingrid: { email: "ingrid.bos@dewilgen.example", org: "wilgen" },
  rivierAdmin: { email: "beheer@rivierenland.example", org: "rivier" },
  karin: { email: "karin.deboer@rivierenland.example", org: "rivier" },
} as const;
type Who = keyof typeof PEOPLE;

let t: TestApp;
const as = {} as Record<Who, TestClient>;

beforeAll(async () => {
  t = await createTestApp();
  for (const [key, { email, org }] of Object.entries(PEOPLE)) {
    const client = await t.login(email);
    const home = t.orgs[org];
    if ((await client.refreshSession()).organisation?.id !== home)
      await client.post("/api/v1/auth/organisation", { organisationId: home });
    as[key as Who] = client;
  }
});
afterAll(() => t.close());

const overview = async (who: Who) => ok<TrainerOverview>(await as[who].get("/api/v1/trainers"));
const trainer = (view: TrainerOverview, name: string): TrainerView => {
  const found = view.trainers.find((x) => x.name === name);
  if (!found) throw new Error(`no trainer ${name}`);
  return found;
};
const member = (view: TrainerOverview, name: string) => view.members.find((m) => m.name === name);

describe("the trainer pool", () => {
  it("shows the organisation's trainers first, the network's after, and the count per member", async () => {
    const view = await overview("officer");
    expect(view.inNetwork).toBe(true);
    expect(view.minimum).toBe(2);
    const own = view.trainers.filter((x) => x.own).map((x) => x.name);
    expect(own.sort()).toEqual(["Eva Mulder", "Joost Smit"]);
    expect(view.trainers.slice(0, 2).every((x) => x.own)).toBe(true);
    const karin = trainer(view, "Karin de Boer");
    expect(karin).toMatchObject({
      own: false,
      organisationName: "Onderwijsstichting Rivierenland",
      topics: ["Feedback geven", "Coachen op de werkvloer"],
      weekdays: [3, 5],
      mayEdit: false,
      version: null,
    });
    expect(karin.certificate?.state).toBe("valid");
    // Joost's certificate ends within three months: still counted, with a warning.
    expect(trainer(view, "Joost Smit").certificate?.state).toBe("expiring");
    // Eva gave the demo's past festival (for werkbegeleiders and trainers); Joost was ticked off there.
    expect(trainer(view, "Eva Mulder").trainingsGiven).toBe(1);
    expect(trainer(view, "Joost Smit").trainingsAttended).toBe(1);
    expect(member(view, "Zorggroep De Linde")).toMatchObject({
      own: true,
      trainers: 2,
      certified: 2,
      expiring: 1,
      belowMinimum: false,
    });
    expect(member(view, "Zorggroep De Wilgen")).toMatchObject({ trainers: 1, certified: 0, belowMinimum: true });
    expect(view.abilities).toEqual({ certify: false, request: true, answer: true, editProfiles: true });
  });

  it("counts the modules a trainer completed, the other half of the trainer learning line, as a number only", async () => {
    const before = trainer(await overview("ingrid"), "Eva Mulder").modulesCompleted;
    const [version] = await t.database.db
      .select({ id: moduleVersions.id, moduleId: moduleVersions.moduleId })
      .from(moduleVersions)
      .where(eq(moduleVersions.status, "published"))
      .limit(1);
    const [eva] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "eva.mulder@delinde.example"));
    const state = { seen: ["intro"], reflections: {}, quizzes: {}, attended: [], last: "intro" };
    await t.database.db.insert(moduleProgress).values({
      organisationId: t.orgs.linde,
      userId: eva?.id ?? "",
      moduleId: version?.moduleId ?? "",
      moduleVersionId: version?.id ?? "",
      state,
      completedAt: new Date(),
    });
    // Another member sees the number, never which module.
    const seen = trainer(await overview("ingrid"), "Eva Mulder");
    expect(seen.modulesCompleted).toBe(before + 1);
    expect(JSON.stringify(seen)).not.toContain(version?.moduleId ?? "-");
  });

  it("gives another member's people nothing but the pool's fields", async () => {
    const view = await overview("ingrid");
    const eva = trainer(view, "Eva Mulder");
    expect(Object.keys(eva).sort()).toEqual(
      [
        "availability",
        "certificate",
        "mayEdit",
        "name",
        "organisationName",
        "own",
        "personId",
        "supervised",
        "supervisedSignedOff",
        "topics",
        "trainingsAttended",
        "trainingsGiven",
        "modulesCompleted",
        "version",
        "weekdays",
      ].sort(),
    );
    // Nobody but trainers is in the pool: no guide, trainee or admin of another member.
    expect(view.trainers.map((x) => x.name)).not.toContain("Daan Bakker");
    expect(view.trainers.map((x) => x.name)).not.toContain("Anna de Vries");
  });

  it("is for organisers, coordinators and trainers, not for a trainee", async () => {
    expect((await as.daan.get("/api/v1/trainers")).statusCode).toBe(403);
    expect((await overview("eva")).abilities).toEqual({
      certify: false,
      request: false,
      answer: false,
      editProfiles: false,
    });
  });
});

describe("a trainer's profile", () => {
  it("is kept by the trainer, deduplicated, and versioned", async () => {
    const eva = trainer(await overview("eva"), "Eva Mulder");
    expect(eva.mayEdit).toBe(true);
    const body = {
      topics: ["Feedback geven", "feedback geven", "Intervisie leiden"],
      weekdays: [4, 2, 4],
      availability: "Dinsdag en donderdag.",
      version: eva.version,
    };
    const after = trainer(ok(await as.eva.put(`/api/v1/trainers/${eva.personId}/profile`, body)), "Eva Mulder");
    expect(after).toMatchObject({
      topics: ["Feedback geven", "Intervisie leiden"],
      weekdays: [2, 4],
      availability: "Dinsdag en donderdag.",
      version: (eva.version ?? 0) + 1,
    });
    // The same version again is a conflict: someone changed it in between.
    expect((await as.eva.put(`/api/v1/trainers/${eva.personId}/profile`, body)).statusCode).toBe(409);
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.type, "trainer.profileUpdated"))
      .orderBy(desc(auditEvents.createdAt))
      .limit(1);
    expect(audit?.after).toMatchObject({ topics: ["Feedback geven", "Intervisie leiden"] });
  });

  it("is not another trainer's to change, but the praktijkopleider's", async () => {
    const view = await overview("eva");
    const joost = trainer(view, "Joost Smit");
    expect(joost.mayEdit).toBe(false);
    const body = { topics: ["Werkplekleren"], weekdays: [1], availability: "", version: joost.version };
    expect((await as.eva.put(`/api/v1/trainers/${joost.personId}/profile`, body)).statusCode).toBe(403);
    const byOfficer = ok<TrainerOverview>(await as.officer.put(`/api/v1/trainers/${joost.personId}/profile`, body));
    expect(trainer(byOfficer, "Joost Smit").topics).toEqual(["Werkplekleren"]);
  });

  it("cannot be changed for another member's trainer", async () => {
    const karin = trainer(await overview("officer"), "Karin de Boer");
    const response = await as.officer.put(`/api/v1/trainers/${karin.personId}/profile`, {
      topics: [],
      weekdays: [],
      availability: "",
    });
    expect(response.statusCode).toBe(404);
  });

  it("says at the field what is wrong", async () => {
    const eva = trainer(await overview("eva"), "Eva Mulder");
    const response = await as.eva.put(`/api/v1/trainers/${eva.personId}/profile`, {
      topics: [""],
      weekdays: [8],
      availability: "",
      version: eva.version,
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const problem = (await response.json()) as { errors: Record<string, string> };
    expect(Object.keys(problem.errors)).toEqual(expect.arrayContaining(["topics.0", "weekdays.0"]));
  });
});

describe("certification", () => {
  it("is the network coordinator's, for a trainer of any member", async () => {
    const ingrid = trainer(await overview("sanne"), "Ingrid Bos");
    expect(ingrid.certificate).toBeNull();
    const body = { personId: ingrid.personId, certifiedOn: day(0), validUntil: day(3 * 365) };
    expect((await as.officer.post("/api/v1/trainer-certificates", body)).statusCode).toBe(403);
    const view = ok<TrainerOverview>(await as.sanne.post("/api/v1/trainer-certificates", body));
    expect(trainer(view, "Ingrid Bos").certificate).toEqual({
      certifiedOn: day(0),
      validUntil: day(3 * 365),
      state: "valid",
    });
    expect(member(view, "Zorggroep De Wilgen")).toMatchObject({ certified: 1, belowMinimum: true });
    // De Wilgen sees its trainer certified, and is told it is still below two.
    const wilgen = await overview("ingrid");
    expect(trainer(wilgen, "Ingrid Bos")).toMatchObject({ own: true, certificate: { state: "valid" } });
    expect(member(wilgen, "Zorggroep De Wilgen")).toMatchObject({ own: true, certified: 1, belowMinimum: true });
  });

  it("ends a certificate after the network's validity when the coordinator gives no end date", async () => {
    const current = ok<NetworkView>(await as.sanne.get("/api/v1/network")).network;
    const set = ok<NetworkView>(
      await as.sanne.put("/api/v1/network", {
        name: current?.name,
        version: current?.version,
        certificateValidityMonths: 24,
      }),
    );
    expect(set.network?.certificateValidityMonths).toBe(24);
    // Only a coordinator sets it; a praktijkopleider's attempt is refused.
    const refused = await as.officer.put("/api/v1/network", {
      name: "X",
      version: set.network?.version,
      certificateValidityMonths: 1,
    });
    expect(refused.statusCode).toBe(403);
    const view = await overview("sanne");
    expect(view.certificateValidityMonths).toBe(24);
    const karin = trainer(view, "Karin de Boer");
    const certified = ok<TrainerOverview>(
      await as.sanne.post("/api/v1/trainer-certificates", { personId: karin.personId, certifiedOn: day(-10) }),
    );
    expect(trainer(certified, "Karin de Boer").certificate).toMatchObject({
      certifiedOn: day(-10),
      validUntil: validUntilFor(day(-10), 24),
    });
    // Said outright, no end date stays no end date.
    const open = ok<TrainerOverview>(
      await as.sanne.post("/api/v1/trainer-certificates", {
        personId: karin.personId,
        certifiedOn: day(0),
        validUntil: null,
      }),
    );
    expect(trainer(open, "Karin de Boer").certificate).toMatchObject({ certifiedOn: day(0), validUntil: null });
    const [logged] = await t.database.db
      .select({ before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.type, "network.certificateValidityChanged"))
      .orderBy(desc(auditEvents.createdAt));
    expect(logged).toEqual({ before: { months: null }, after: { months: 24 } });
    ok(
      await as.sanne.put("/api/v1/network", {
        name: set.network?.name,
        version: set.network?.version,
        certificateValidityMonths: null,
      }),
    );
  });

  it("refuses a date in the future, an end before the start and someone not in the pool, at the field", async () => {
    const view = await overview("sanne");
    const karin = trainer(view, "Karin de Boer");
    const problems = [
      [{ personId: karin.personId, certifiedOn: day(1), validUntil: null }, "certifiedOn"],
      [{ personId: karin.personId, certifiedOn: day(0), validUntil: day(0) }, "validUntil"],
      [{ personId: t.orgs.linde, certifiedOn: day(0), validUntil: null }, "personId"],
    ] as const;
    for (const [body, field] of problems) {
      const response = await as.sanne.post("/api/v1/trainer-certificates", body);
      expect(response.statusCode).toBe(422);
      expect(Object.keys(((await response.json()) as { errors: object }).errors)).toEqual([field]);
    }
  });

  it("cannot be written past the service by someone who coordinates nothing", async () => {
    const ingrid = (await as.ingrid.refreshSession()).user.id as string;
    const [wilgen] = await t.database.db
      .select({ networkId: organisations.networkId })
      .from(organisations)
      .where(eq(organisations.id, t.orgs.wilgen));
    const refused = inOrganisation(t.database.db, t.orgs.wilgen, (tx) =>
      tx.insert(trainerCertificates).values({
        networkId: wilgen?.networkId ?? "",
        organisationId: t.orgs.wilgen,
        userId: ingrid,
        certifiedOn: day(0),
        certifiedBy: ingrid,
      }),
    );
    const error = await refused.then(
      () => null,
      (e: Error & { cause?: { message?: string } }) => e,
    );
    expect(error?.cause?.message ?? error?.message).toMatch(/row-level security/);
  });
});

describe("requests for another member's trainer", () => {
  it("go from the asking organisation to the trainer's, which accepts", async () => {
    const linde = await overview("officer");
    const karin = trainer(linde, "Karin de Boer");
    const asked = ok<TrainerOverview>(
      await as.officer.post("/api/v1/trainer-requests", {
        personId: karin.personId,
        topic: "Feedback in het jeugdteam",
        wantedOn: day(30),
        message: "Voor het teamoverleg van de jeugdteams.",
      }),
    );
    const outgoing = asked.requests.find((r) => r.direction === "outgoing" && r.topic === "Feedback in het jeugdteam");
    expect(outgoing).toMatchObject({
      trainerName: "Karin de Boer",
      trainerOrganisationName: "Onderwijsstichting Rivierenland",
      fromOrganisationName: "Zorggroep De Linde",
      status: "open",
    });

    // Rivierenland's organisers and Karin herself are told, in Rivierenland.
    const news = async (who: Who, kind: string) =>
      ok<{ items: Array<{ kind: string; params: Record<string, unknown>; link: string }> }>(
        await as[who].get("/api/v1/notifications"),
      ).items.filter((n) => n.kind === kind && n.params.title === "Feedback in het jeugdteam");
    for (const who of ["rivierAdmin", "karin"] as const) {
      expect(await news(who, "trainerRequest.received")).toEqual([
        expect.objectContaining({
          params: { organisation: "Zorggroep De Linde", title: "Feedback in het jeugdteam", date: day(30) },
          link: "/trainers",
        }),
      ]);
    }
    expect(await news("officer", "trainerRequest.received")).toEqual([]);
    // And by e-mail, in Rivierenland's own outbox and each person's language: the topic, the day,
    // the asking organisation and the link; De Linde's outbox holds none of it.
    const mailAbout = async (topic: string) =>
      t.database.db
        .select({
          organisationId: outbox.organisationId,
          to: outbox.toAddress,
          subject: outbox.subject,
          body: outbox.bodyText,
        })
        .from(outbox)
        .where(sql`${outbox.bodyText} like ${`%${topic}%`}`);
    const mails = await mailAbout("Feedback in het jeugdteam");
    expect(mails.map((m) => m.to).sort()).toEqual(
      expect.arrayContaining(["beheer@rivierenland.example", "karin.deboer@rivierenland.example"]),
    );
    expect(mails.every((m) => m.organisationId === t.orgs.rivier)).toBe(true);
    const toKarin = mails.find((m) => m.to === "karin.deboer@rivierenland.example");
    expect(toKarin?.subject).toBe("Zorggroep De Linde vraagt een trainer");
    expect(toKarin?.body).toMatch(/^Hallo Karin de Boer,/);
    expect(toKarin?.body).toContain("/trainers");
    expect(toKarin?.body).not.toContain("Voor het teamoverleg");

    const rivier = await overview("rivierAdmin");
    const incoming = rivier.requests.find((r) => r.id === outgoing?.id);
    expect(incoming).toMatchObject({ direction: "incoming", message: "Voor het teamoverleg van de jeugdteams." });
    // Karin herself sees the request that names her; she cannot answer it.
    expect((await overview("karin")).requests.map((r) => r.id)).toContain(outgoing?.id);
    expect(
      (await as.karin.post(`/api/v1/trainer-requests/${outgoing?.id}/answer`, { accept: true, version: 1 })).statusCode,
    ).toBe(403);
    // The asking side cannot answer its own request.
    expect(
      (await as.officer.post(`/api/v1/trainer-requests/${outgoing?.id}/answer`, { accept: true, version: 1 }))
        .statusCode,
    ).toBe(404);

    const answered = ok<TrainerOverview>(
      await as.rivierAdmin.post(`/api/v1/trainer-requests/${outgoing?.id}/answer`, {
        accept: true,
        answer: "Karin komt graag.",
        version: incoming?.version,
      }),
    );
    expect(answered.requests.find((r) => r.id === outgoing?.id)).toMatchObject({
      status: "accepted",
      answer: "Karin komt graag.",
    });
    expect((await overview("officer")).requests.find((r) => r.id === outgoing?.id)?.status).toBe("accepted");
    // De Linde's organisers are told of the answer; its other trainers are not.
    expect(await news("officer", "trainerRequest.accepted")).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ organisation: "Onderwijsstichting Rivierenland" }) }),
    ]);
    expect(await news("eva", "trainerRequest.accepted")).toEqual([]);
    const answerMails = (await mailAbout("Feedback in het jeugdteam")).filter((m) => m.organisationId === t.orgs.linde);
    expect(answerMails.map((m) => m.subject)).toContain("Onderwijsstichting Rivierenland geeft de training");
    expect(answerMails.map((m) => m.to)).not.toContain("eva.mulder@delinde.example");
    const again = await as.rivierAdmin.post(`/api/v1/trainer-requests/${outgoing?.id}/answer`, {
      accept: false,
      version: 2,
    });
    expect(again.statusCode).toBe(422);
    expect(await again.json()).toMatchObject({
      code: "trainer.requestClosed",
      title: expect.stringContaining("al beantwoord"),
    });
  });

  it("are not seen by a member outside the two", async () => {
    const linde = await overview("officer");
    const request = linde.requests.find((r) => r.direction === "outgoing");
    expect(request).toBeDefined();
    const wilgen = await overview("ingrid");
    expect(wilgen.requests.map((r) => r.id)).not.toContain(request?.id);
    const answer = await as.ingrid.post(`/api/v1/trainer-requests/${request?.id}/answer`, {
      accept: false,
      version: request?.version,
    });
    expect(answer.statusCode).toBe(404);
  });

  it("may be withdrawn by the asking organisation while open", async () => {
    const bram = trainer(await overview("officer"), "Bram Willems");
    const asked = ok<TrainerOverview>(
      await as.officer.post("/api/v1/trainer-requests", {
        personId: bram.personId,
        topic: "Het driegesprek",
        wantedOn: day(60),
      }),
    );
    const request = asked.requests.find((r) => r.topic === "Het driegesprek");
    const withdrawn = ok<TrainerOverview>(
      await as.officer.post(`/api/v1/trainer-requests/${request?.id}/withdraw`, { version: request?.version }),
    );
    expect(withdrawn.requests.find((r) => r.id === request?.id)?.status).toBe("withdrawn");
  });

  it("refuse one's own trainer and a date in the past, at the field", async () => {
    const view = await overview("officer");
    const eva = trainer(view, "Eva Mulder");
    const karin = trainer(view, "Karin de Boer");
    const own = await as.officer.post("/api/v1/trainer-requests", {
      personId: eva.personId,
      topic: "X",
      wantedOn: day(5),
    });
    expect(own.statusCode).toBe(422);
    expect(((await own.json()) as { errors: object }).errors).toHaveProperty("personId");
    const past = await as.officer.post("/api/v1/trainer-requests", {
      personId: karin.personId,
      topic: "X",
      wantedOn: day(-1),
    });
    expect(((await past.json()) as { errors: object }).errors).toHaveProperty("wantedOn");
    expect(
      (await as.eva.post("/api/v1/trainer-requests", { personId: karin.personId, topic: "X", wantedOn: day(5) }))
        .statusCode,
    ).toBe(403);
  });
});

describe("the train-the-trainer path", () => {
  it("a trainer records a training given under supervision; only the supervisor signs it off", async () => {
    const view = await overview("eva");
    const eva = trainer(view, "Eva Mulder");
    const joost = view.supervisors.find((s) => s.name === "Joost Smit");
    expect(joost).toBeDefined();
    // Herself she cannot choose, nor a date to come.
    const self = await as.eva.post(`/api/v1/trainers/${eva.personId}/supervised-trainings`, {
      title: "Feedback geven",
      givenOn: day(-3),
      supervisorId: view.supervisors.find((s) => s.name === "Eva Mulder")?.userId,
    });
    expect(self.statusCode).toBe(422);
    expect(self.json().errors).toHaveProperty("supervisorId");
    const future = await as.eva.post(`/api/v1/trainers/${eva.personId}/supervised-trainings`, {
      title: "Feedback geven",
      givenOn: day(3),
      supervisorId: joost?.userId,
    });
    expect(future.json().errors).toHaveProperty("givenOn");

    const recorded = ok<TrainerOverview>(
      await as.eva.post(`/api/v1/trainers/${eva.personId}/supervised-trainings`, {
        title: "Feedback geven aan stagiairs",
        givenOn: day(-3),
        supervisorId: joost?.userId,
      }),
    );
    const [line] = trainer(recorded, "Eva Mulder").supervised;
    expect(line).toMatchObject({ title: "Feedback geven aan stagiairs", signedOff: false, maySignOff: false });
    expect(
      (await as.eva.post(`/api/v1/supervised-trainings/${line?.id}/sign-off`, { feedback: "Zelf goed" })).statusCode,
    ).toBe(403);

    const forJoost = trainer(await overview("officer"), "Eva Mulder").supervised[0];
    expect(forJoost?.maySignOff).toBe(true);
    const signed = ok<TrainerOverview>(
      await as.officer.post(`/api/v1/supervised-trainings/${line?.id}/sign-off`, { feedback: "Sterk opgebouwd." }),
    );
    expect(trainer(signed, "Eva Mulder")).toMatchObject({
      supervisedSignedOff: 1,
      supervised: [{ signedOff: true, feedback: "Sterk opgebouwd.", maySignOff: false }],
    });
    const again = await as.officer.post(`/api/v1/supervised-trainings/${line?.id}/sign-off`, { feedback: "" });
    expect(again.json()).toMatchObject({ code: "trainer.alreadySignedOff" });

    // Another member sees how many were signed off, never which or the feedback.
    const elsewhere = trainer(await overview("ingrid"), "Eva Mulder");
    expect(elsewhere.supervisedSignedOff).toBe(1);
    expect(elsewhere.supervised).toEqual([]);
    expect(JSON.stringify(await overview("ingrid"))).not.toContain("Sterk opgebouwd.");
  });

  it("keeps one trainer's supervised trainings from another trainer who does not supervise them", async () => {
    const karinView = await overview("karin");
    // Bram's path in the demo was supervised by Karin; Karin reads it, with her feedback.
    expect(trainer(karinView, "Bram Willems").supervised.length).toBeGreaterThan(0);
    const bramId = trainer(karinView, "Bram Willems").personId;
    expect(bramId).toBeTruthy();
    const rivierAdmin = await overview("rivierAdmin");
    expect(trainer(rivierAdmin, "Bram Willems").supervised.length).toBeGreaterThan(0);
    // Eva, of De Linde, supervised none of them: she reads only her own.
    const eva = await overview("eva");
    expect(trainer(eva, "Joost Smit").supervised).toEqual([]);
  });
});
