import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, registrations, users } from "../../src/db/schema.js";
import type { DeclarationList, DeclarationView } from "../../src/domain/declarations/api.js";
import type { EvidenceView } from "../../src/domain/evidence/api.js";
import type { MeetingDetail, ReportView, TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import { DEMO_PASSWORD } from "../../src/server/demo/seed.js";
import type { Mail } from "../../src/server/mail.js";
import { sendDueReminders } from "../../src/server/notifications/reminders.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { at, createTrajectory, day, expectStatus as ok } from "../support/factories.js";
import { pdfText } from "../support/pdf-text.js";
import { samplePdf } from "../support/sample-pdf.js";
import { createTeacherTrajectory, type TeacherCast, teacherCast } from "../support/trajectories.js";

/**
 * Every document Koers hands out shows its reader what the API shows that reader, and nothing
 * more. The documents: the final report PDF; billing as PDF and CSV; a declaration's PDF; an
 * uploaded document (a motivated request); the evidence ledger as PDF and CSV (one's own and
 * someone else's); the calendar feed (ICS); and every e-mail (the re-registration, evaluation and
 * signature reminders, an invitation, a password reset). There is no people or audit log export. Unique markers are planted in the fields the regimes keep from
 * some readers: confidential notes, draft feedback, self-assessments and their scores, an
 * unannounced visit before it takes place, a supervisie's plan and evaluation moment, the
 * addresses signatures were made from. A marker absent from everything the API gives a reader
 * never appears in a document for that reader; where the API shows it and the document carries
 * that field, it does appear, so the check cannot pass by showing nothing.
 */

let t: TestApp;
let cast: TeacherCast;
const mails: Mail[] = [];

const STAMP = Date.now().toString(36).toUpperCase();
const MARK = {
  confidentialNote: `VERTROUWELIJKENOTITIE${STAMP}`,
  draftFeedback: `CONCEPTFEEDBACK${STAMP}`,
  selfNote: `ZELFBEOORDELINGNOTITIE${STAMP}`,
  surpriseLocation: `VERRASSINGSLOCATIE${STAMP}`,
  reportText: `RAPPORTTEKST${STAMP}`,
  supervisionPlan: `SUPERVISIEPLAN${STAMP}`,
  supervisionEvaluation: `SUPERVISIEEVALUATIE${STAMP}`,
  supervisionNote: `SUPERVISIENOTITIE${STAMP}`,
};
const MARKERS = Object.values(MARK);

/** The self-assessment scores of the first goal over two conversations, and the adviser's. */
const SELF = [1, 4];
const GUIDE = [3, 2];
const selfCourse = `zelf: ${SELF.join(" › ")}`;
const guideCourse = GUIDE.join(" › ");

interface Reader {
  name: string;
  email: string;
  client: TestClient;
  /** Everything the API answers this reader about the scenario, as text. */
  api: string;
}

/** The answers a reader gets from these API paths (404s and 403s count as nothing). */
async function apiText(client: TestClient, paths: string[]) {
  const bodies: string[] = [];
  for (const path of paths) {
    const response = await client.get(path);
    if (response.statusCode === 200) bodies.push(response.body);
    else expect([403, 404]).toContain(response.statusCode);
  }
  return bodies.join("\n");
}

/** A document's text as a reader reads it: PDF text, CSV or ICS text (ICS lines unfolded). */
async function documentText(response: { rawPayload: Buffer; headers: Record<string, unknown>; body: string }) {
  const type = String(response.headers["content-type"]);
  if (type.includes("application/pdf")) return pdfText(response.rawPayload);
  return response.body.replace(/\r?\n[ \t]/g, "");
}

/** An IPv4 address as a whole, so 10.0.0.1 is not found inside 10.0.0.12. */
const addressPattern = (address: string) => new RegExp(`(?<![\\d.])${address.replaceAll(".", "\\.")}(?![\\d])`);

/** Nothing the API keeps from this reader is in the document. */
function expectNothingHidden(reader: Reader, document: string, what: string) {
  for (const marker of MARKERS)
    if (!reader.api.includes(marker))
      expect(document, `${what} for ${reader.name} shows ${marker}, which the API hides from them`).not.toContain(
        marker,
      );
}

async function feedOf(client: TestClient) {
  const { url } = ok<{ url: string }>(await client.post("/api/v1/calendar/renew", {}));
  const response = await (await t.anonymous()).get(new URL(url).pathname);
  expect(response.statusCode).toBe(200);
  return documentText(response);
}

beforeAll(async () => {
  t = await createTestApp();
  // Every e-mail the server writes, whatever its kind, passes here: an organisation's mail through
  // the outbox, a person's own account mail through its own queue.
  const queueMany = t.app.mailer.queueMany.bind(t.app.mailer);
  t.app.mailer.queueMany = async (tx, batch) => {
    mails.push(...batch);
    return queueMany(tx, batch);
  };
  const queueAccountMail = t.app.mailer.queueAccountMail.bind(t.app.mailer);
  t.app.mailer.queueAccountMail = async (tx, mail) => {
    mails.push({ organisationId: "", to: mail.to, subject: mail.subject, text: mail.text });
    return queueAccountMail(tx, mail);
  };
  cast = await teacherCast(t);
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------
// A teacher trajectory: the director reads the report, but not the self-assessments or feedback.

describe("a teacher trajectory's documents", () => {
  let trajectory: TrajectoryDetail;
  let meetingIds: string[] = [];
  let readers: Reader[] = [];
  const base = () => `/api/v1/trajectories/${trajectory.id}`;

  const plan = async (type: string, offset: number, extra: Record<string, unknown> = {}) => {
    const made = ok<MeetingDetail>(
      await cast.adviser.post(`${base()}/meetings`, { type, startsAt: at(offset), ...extra }),
      201,
    );
    meetingIds.push(made.id);
    return made;
  };
  const hold = async (id: string, extra: Record<string, unknown> = {}) => {
    const meeting = ok<MeetingDetail>(await cast.adviser.get(`/api/v1/meetings/${id}`));
    return ok<MeetingDetail>(
      await cast.adviser.put(`/api/v1/meetings/${id}`, {
        version: meeting.version,
        startsAt: meeting.startsAt,
        durationMinutes: meeting.durationMinutes,
        preparationMinutes: 10,
        travelMinutes: 5,
        unannounced: meeting.unannounced,
        status: "held",
        location: null,
        notes: null,
        confidential: false,
        observation: null,
        ...extra,
      }),
    );
  };
  const feedback = (rating: number | null, summary: string | null) => ({
    summary,
    goals: (trajectory.goals ?? []).map((g) => ({ goalId: g.id, rating, reflection: null, instructions: null })),
    agreements: [],
  });

  beforeAll(async () => {
    meetingIds = [];
    trajectory = await createTeacherTrajectory(cast, { title: "Zichtbaarheid van documenten", goals: 2 });
    // Two feedback conversations, each with the teacher's self-assessment before it and the
    // adviser's shared feedback after.
    for (const [index, offset] of [-20, -10].entries()) {
      const talk = await plan("feedback_conversation", offset);
      ok(
        await cast.teacher.put(`/api/v1/meetings/${talk.id}/self-assessment`, {
          version: null,
          content: {
            goals: (trajectory.goals ?? []).map((g) => ({ goalId: g.id, rating: SELF[index], note: MARK.selfNote })),
          },
        }),
      );
      const drafted = ok<MeetingDetail>(
        await cast.adviser.put(`/api/v1/meetings/${talk.id}/feedback`, {
          version: null,
          content: feedback(GUIDE[index] ?? null, null),
        }),
      );
      ok(
        await cast.adviser.post(`/api/v1/meetings/${talk.id}/feedback/share`, {
          version: drafted.feedback?.[0]?.version,
        }),
      );
      await hold(talk.id);
    }
    // A visit with confidential notes, and feedback the adviser has not shared yet.
    await hold((await plan("classroom_visit", -15)).id, { notes: MARK.confidentialNote, confidential: true });
    const unshared = await plan("feedback_conversation", -5);
    ok(
      await cast.adviser.put(`/api/v1/meetings/${unshared.id}/feedback`, {
        version: null,
        content: feedback(1, MARK.draftFeedback),
      }),
    );
    await hold(unshared.id);
    // An unannounced visit still to come.
    await plan("classroom_visit", 5, { unannounced: true, location: MARK.surpriseLocation });

    // The report: written by the adviser, final, read by all four.
    ok(
      await cast.adviser.post(`${base()}/transitions`, {
        transition: "report",
        override: true,
        reason: "Rapporteren voor de test van documenten",
      }),
    );
    const draft = ok<ReportView>(await cast.adviser.get(`${base()}/report`));
    const sections = Object.fromEntries(Object.keys(draft.sections).map((key) => [key, `${MARK.reportText} ${key}`]));
    const saved = ok<ReportView>(await cast.adviser.put(`${base()}/report`, { version: draft.version, sections }));
    ok(await cast.adviser.post(`${base()}/report/finalise`, { version: saved.version }));

    const paths = [
      base(),
      `${base()}/report`,
      `${base()}/declarations`,
      ...meetingIds.map((id) => `/api/v1/meetings/${id}`),
      "/api/v1/due",
      "/api/v1/notifications",
    ];
    readers = [];
    for (const [name, email, client] of [
      ["teacher", "lisa.dekker@rivierenland.example", cast.teacher],
      ["adviser", "sanne.visser@netwerk.example", cast.adviser],
      ["director", "mohamed.bouali@rivierenland.example", cast.director],
      ["admin", "beheer@rivierenland.example", cast.admin],
    ] as const)
      readers.push({ name, email, client, api: await apiText(client, paths) });
  });

  const reader = (name: string) => readers.find((r) => r.name === name) as Reader;
  const detailFor = async (r: Reader) => ok<TrajectoryDetail>(await r.client.get(base()));
  const seesSelf = (detail: TrajectoryDetail) => Boolean(detail.ratings?.some((s) => s.points.some((p) => p.self)));
  const seesGuide = (detail: TrajectoryDetail) => Boolean(detail.ratings?.some((s) => s.points.some((p) => p.guide)));

  it("plants every marker where the API shows it to someone", () => {
    const all = readers.map((r) => r.api).join("\n");
    for (const marker of [
      MARK.confidentialNote,
      MARK.draftFeedback,
      MARK.selfNote,
      MARK.surpriseLocation,
      MARK.reportText,
    ])
      expect(all, marker).toContain(marker);
    // The regime keeps these from some: the cases the documents must follow.
    expect(reader("teacher").api).not.toContain(MARK.surpriseLocation);
    expect(reader("teacher").api).not.toContain(MARK.draftFeedback);
    expect(reader("director").api).not.toContain(MARK.confidentialNote);
    expect(reader("director").api).not.toContain(MARK.selfNote);
    // The admin manages: the regime names others for what is confidential.
    for (const marker of [MARK.confidentialNote, MARK.draftFeedback, MARK.selfNote])
      expect(reader("admin").api, marker).not.toContain(marker);
  });

  it("no document for the admin holds confidential notes, draft feedback or self-assessments", async () => {
    const admin = reader("admin");
    const detail = await detailFor(admin);
    expect(seesSelf(detail)).toBe(false);
    expect(seesGuide(detail)).toBe(false);
    const texts: [string, string][] = [["the calendar feed", await feedOf(admin.client)]];
    for (const kind of ["report.pdf", "billing.pdf", "billing.csv"]) {
      const response = await admin.client.get(`${base()}/${kind}`);
      expect(response.statusCode, kind).toBe(200);
      texts.push([kind, await documentText(response)]);
    }
    for (const [what, text] of texts) {
      for (const marker of [MARK.confidentialNote, MARK.draftFeedback, MARK.selfNote])
        expect(text, `${what} for the admin`).not.toContain(marker);
      expect(text, `${what} for the admin`).not.toMatch(/zelf:/);
    }
    // The report itself is the admin's to read, as the director's.
    expect(texts.find(([what]) => what === "report.pdf")?.[1]).toContain(MARK.reportText);
  });

  it("the final report PDF shows each reader the ratings the API shows them, and no more", async () => {
    let withSelf = 0;
    let withoutSelf = 0;
    for (const r of readers) {
      const detail = await detailFor(r);
      const response = await r.client.get(`${base()}/report.pdf`);
      expect(response.statusCode, r.name).toBe(detail.report ? 200 : 404);
      if (response.statusCode !== 200) continue;
      const text = await documentText(response);
      expectNothingHidden(r, text, "the final report");
      expect(text, r.name).toContain(MARK.reportText);
      expect(text, r.name).toContain(trajectory.goals?.[0]?.title ?? "?");
      if (seesSelf(detail)) {
        withSelf++;
        expect(text, `${r.name} sees the self-assessment scores in the API`).toContain(selfCourse);
      } else {
        withoutSelf++;
        expect(text, `${r.name} does not see the self-assessment scores in the API`).not.toMatch(/zelf:/);
      }
      if (seesGuide(detail)) expect(text, r.name).toContain(guideCourse);
      else expect(text, `${r.name} does not see the adviser's ratings in the API`).not.toContain("›");
    }
    // The director reads the report, not the teacher's self-assessment.
    expect(seesSelf(await detailFor(reader("director")))).toBe(false);
    expect(withSelf).toBeGreaterThan(0);
    expect(withoutSelf).toBeGreaterThan(0);
  });

  it("the progress report PDF shows each reader the notes the API shows them, and no more", async () => {
    let withConfidential = 0;
    for (const r of readers) {
      const detail = await detailFor(r);
      const response = await r.client.get(`${base()}/progress.pdf`);
      expect(response.statusCode, r.name).toBe(detail.meetings === null ? 404 : 200);
      if (response.statusCode !== 200) continue;
      const text = await documentText(response);
      expectNothingHidden(r, text, "the progress report");
      // Where the API shows the confidential note, the report carries it: the check is not empty.
      if (r.api.includes(MARK.confidentialNote)) {
        withConfidential++;
        expect(text, r.name).toContain(MARK.confidentialNote);
      }
      // An unannounced visit still to come is no held conversation: in no report.
      expect(text, r.name).not.toContain(MARK.surpriseLocation);
    }
    expect(withConfidential).toBeGreaterThan(0);
  });

  it("billing as PDF and CSV, for those who see billing, holds nothing the API hides", async () => {
    for (const r of readers) {
      const detail = await detailFor(r);
      for (const kind of ["billing.pdf", "billing.csv"]) {
        const response = await r.client.get(`${base()}/${kind}`);
        expect(response.statusCode, `${kind} for ${r.name}`).toBe(detail.abilities.seeBilling ? 200 : 404);
        if (response.statusCode !== 200) continue;
        const text = await documentText(response);
        expectNothingHidden(r, text, kind);
        // The held meetings the API lists are billed.
        expect(text).toContain(kind.endsWith("pdf") ? "Feedbackgesprek" : "Feedbackgesprek");
      }
    }
  });

  it("the calendar feed shows the unannounced visit to those who may know of it, never to the teacher", async () => {
    for (const r of readers) {
      const text = await feedOf(r.client);
      expectNothingHidden(r, text, "the calendar feed");
      const detail = await detailFor(r);
      const surprise = detail.meetings?.find((m) => m.location === MARK.surpriseLocation);
      // A feed holds the trajectories one takes part in.
      if (surprise && detail.viewerRoles.length > 0) expect(text, r.name).toContain(MARK.surpriseLocation);
      else if (!surprise) expect(text, r.name).not.toContain(meetingIds.at(-1));
    }
  });

  it("every e-mail so far holds nothing its recipient may not see in the API", () => {
    for (const mail of mails) {
      const r = readers.find((x) => x.email === mail.to);
      for (const marker of MARKERS)
        if (!r?.api.includes(marker)) expect(`${mail.subject}\n${mail.text}`, mail.to).not.toContain(marker);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// A supervisie: the employer and the admin see its hours and status, not its plan or meetings;
// a signer's address is the admin's and that signer's to see.

describe("a supervisie's documents", () => {
  let trajectory: TrajectoryDetail;
  let sessionId = "";
  let readers: Reader[] = [];
  let daan: TestClient;
  let eva: TestClient;
  let fatima: TestClient;
  let anna: TestClient;
  let joost: TestClient;
  let declarationIds: string[] = [];
  let documentId = "";
  const UPLOADED = samplePdf({ pages: ["Gemotiveerd verzoek"] });
  const base = () => `/api/v1/trajectories/${trajectory.id}`;

  beforeAll(async () => {
    // Eva Mulder supervises: she is not Daan's werkbegeleider, employer or manager.
    const [evaMembership] = await t.database.db
      .select({ id: memberships.id, roles: memberships.roles })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, "eva.mulder@delinde.example"), eq(memberships.organisationId, t.orgs.linde)));
    await t.database.db
      .update(memberships)
      .set({ roles: [...(evaMembership?.roles ?? []), "guide"] })
      .where(eq(memberships.id, evaMembership?.id ?? ""));
    daan = await t.login("daan.bakker@delinde.example");
    eva = await t.login("eva.mulder@delinde.example");
    fatima = await t.login("fatima.yilmaz@delinde.example");
    anna = await t.login("beheer@delinde.example");
    joost = await t.login("joost.smit@delinde.example");

    ({ detail: trajectory } = await createTrajectory(t, {
      by: fatima,
      guide: eva,
      regime: "supervisie",
      title: "Supervisie Daan",
      guides: ["Eva Mulder"],
      startsOn: day(-30),
      endsOn: day(200),
      plan: { group_size: "1", supervisievragen: MARK.supervisionPlan },
      evaluationMoments: [{ date: day(3), label: MARK.supervisionEvaluation }],
      started: true,
    }));
    const session = ok<MeetingDetail>(
      await eva.post(`${base()}/meetings`, { type: "supervisiezitting", startsAt: at(-2) }),
      201,
    );
    sessionId = session.id;
    ok(
      await eva.put(`/api/v1/meetings/${session.id}`, {
        version: session.version,
        startsAt: session.startsAt,
        durationMinutes: 90,
        preparationMinutes: 0,
        travelMinutes: 0,
        unannounced: false,
        status: "held",
        location: null,
        // Face to face, so it counts for supervisie (a video session would be listed as not counted).
        mode: "in_person",
        notes: MARK.supervisionNote,
        confidential: false,
        observation: null,
      }),
    );
    // Both sign the independence declaration, each from their own address.
    const list = ok<DeclarationList>(await daan.get(`${base()}/declarations`));
    declarationIds = list.items.map((d) => d.id);
    const independence = list.items.find((d) => d.key === "independence");
    for (const signer of [daan, eva])
      ok(await signer.post(`/api/v1/declarations/${independence?.id}/sign`, { password: DEMO_PASSWORD }));

    // An uploaded document (a motivated request), served as it was uploaded.
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(UPLOADED)], { type: "application/pdf" }), "verzoek.pdf");
    const uploaded = await eva.request({ method: "POST", url: `${base()}/documents`, payload: form as never });
    expect(uploaded.statusCode).toBe(201);
    documentId = (uploaded.json() as DeclarationList["motivation"]).documents[0]?.id ?? "";

    // The reminders due today: the evaluation moment in three days among them.
    await sendDueReminders(t.database.db, t.app.mailer, new Date(), { publicUrl: "http://koers.test" });
    // And 80 days before Daan's re-registration, after the end: the re-registration reminder and
    // the end declaration's signatures.
    const [registration] = await t.database.db
      .select({ date: registrations.reregistrationDate })
      .from(registrations)
      .innerJoin(memberships, eq(memberships.id, registrations.membershipId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, "daan.bakker@delinde.example"), eq(memberships.organisationId, t.orgs.linde)));
    const later = new Date(Date.parse(`${registration?.date}T11:00:00Z`) - 80 * 86_400_000);
    await sendDueReminders(t.database.db, t.app.mailer, later, { publicUrl: "http://koers.test" });

    const paths = [
      base(),
      `${base()}/declarations`,
      ...declarationIds.map((id) => `/api/v1/declarations/${id}`),
      `/api/v1/meetings/${sessionId}`,
      "/api/v1/due",
      "/api/v1/notifications",
    ];
    readers = [];
    for (const [name, email, client] of [
      ["supervisant", "daan.bakker@delinde.example", daan],
      ["supervisor", "eva.mulder@delinde.example", eva],
      ["employer", "fatima.yilmaz@delinde.example", fatima],
      ["admin", "beheer@delinde.example", anna],
    ] as const)
      readers.push({ name, email, client, api: await apiText(client, paths) });
  });

  const reader = (name: string) => readers.find((r) => r.name === name) as Reader;
  const signerAddresses = () => [daan.address, eva.address];

  it("plants the plan, the evaluation moment, the notes and the addresses where the API shows them", () => {
    for (const marker of [MARK.supervisionPlan, MARK.supervisionEvaluation, MARK.supervisionNote])
      expect(reader("supervisor").api, marker).toContain(marker);
    for (const hidden of ["employer", "admin"]) {
      expect(reader(hidden).api).not.toContain(MARK.supervisionPlan);
      expect(reader(hidden).api).not.toContain(MARK.supervisionEvaluation);
      expect(reader(hidden).api).not.toContain(MARK.supervisionNote);
    }
    expect(reader("admin").api).toMatch(addressPattern(daan.address));
    expect(reader("admin").api).toMatch(addressPattern(eva.address));
    expect(reader("supervisant").api).toMatch(addressPattern(daan.address));
    expect(reader("supervisant").api).not.toMatch(addressPattern(eva.address));
    expect(reader("employer").api).not.toMatch(addressPattern(daan.address));
  });

  it("a declaration's PDF shows the plan and the signers' addresses exactly as the API shows them", async () => {
    for (const r of readers) {
      for (const id of declarationIds) {
        const view = ok<DeclarationView>(await r.client.get(`/api/v1/declarations/${id}`));
        const response = await r.client.get(`/api/v1/declarations/${id}/pdf`);
        expect(response.statusCode).toBe(200);
        const text = await documentText(response);
        expectNothingHidden(r, text, `the ${view.key} declaration`);
        const shownPlan = JSON.stringify(view.content.plan ?? null).includes(MARK.supervisionPlan);
        if (shownPlan) expect(text, `${view.key} for ${r.name}`).toContain(MARK.supervisionPlan);
        else expect(text, `${view.key} for ${r.name}`).not.toContain(MARK.supervisionPlan);
        for (const address of signerAddresses()) {
          const shown = view.slots.some((s) => s.signature?.ip === address);
          // A signed declaration is stored once for every reader's view, with no addresses at all
          // (see decision 0009); a draft or partly signed one shows them to whom the API shows them.
          if (shown && view.status !== "signed")
            expect(text, `${view.key} for ${r.name}`).toMatch(addressPattern(address));
          else if (!shown)
            expect(text, `${view.key} for ${r.name} shows ${address}, which the API hides`).not.toMatch(
              addressPattern(address),
            );
        }
      }
    }
  });

  it("an uploaded document is handed to exactly those whose API lists it, unchanged", async () => {
    expect(documentId).not.toBe("");
    for (const r of readers) {
      const listed = ok<DeclarationList>(await r.client.get(`${base()}/declarations`)).motivation.documents.some(
        (d) => d.id === documentId,
      );
      const response = await r.client.get(`${base()}/documents/${documentId}`);
      expect(response.statusCode, r.name).toBe(listed ? 200 : 404);
      if (listed) expect(response.rawPayload.equals(UPLOADED)).toBe(true);
    }
  });

  it("the calendar feed and the reminders tell only plan readers of the evaluation moment", async () => {
    for (const r of readers) {
      const detail = ok<TrajectoryDetail>(await r.client.get(base()));
      const knows = detail.evaluationMoments.some((m) => m.label === MARK.supervisionEvaluation);
      const feed = await feedOf(r.client);
      expectNothingHidden(r, feed, "the calendar feed");
      if (knows && detail.viewerRoles.length > 0) expect(feed, r.name).toContain(MARK.supervisionEvaluation);
      // Sent by e-mail only to those the API tells of it.
      const evaluationMails = mails.filter(
        (m) => m.to === r.email && m.subject === "Herinnering: er komt een evaluatiemoment aan",
      );
      if (knows) expect(evaluationMails.length, r.name).toBeGreaterThan(0);
      else expect(evaluationMails, `${r.name} may not know of the evaluation moment`).toEqual([]);
    }
  });

  it("the evidence ledger as PDF and CSV holds what its JSON holds, for each who may read it", async () => {
    const evidenceReaders: Reader[] = [
      reader("supervisant"),
      reader("admin"),
      {
        name: "training officer",
        email: "joost.smit@delinde.example",
        client: joost,
        api: await apiText(joost, [base(), `/api/v1/meetings/${sessionId}`]),
      },
    ];
    const [membership] = await t.database.db
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, "daan.bakker@delinde.example"), eq(memberships.organisationId, t.orgs.linde)));
    // Daan's registration counts against the SKJ master profile.
    await t.database.db
      .update(registrations)
      .set({ requirementProfile: "skj_master_under_3648" })
      .where(eq(registrations.membershipId, membership?.id ?? ""));
    for (const r of evidenceReaders) {
      const path = r.name === "supervisant" ? "/api/v1/evidence" : `/api/v1/people/${membership?.id}/evidence`;
      const view = ok<EvidenceView>(await r.client.get(path));
      const record = view.ledger?.lines.flatMap((l) => l.records).find((x) => x.id === sessionId);
      expect(record, r.name).toBeDefined();
      const withEvidence = { ...r, api: `${r.api}\n${JSON.stringify(view)}` };
      for (const kind of ["pdf", "csv"]) {
        const response = await r.client.get(`${path}.${kind}`);
        expect(response.statusCode).toBe(200);
        const text = await documentText(response);
        expectNothingHidden(withEvidence, text, `the evidence ${kind}`);
        expect(text, `${kind} for ${r.name}`).toContain(record?.title);
      }
    }
  });

  it("every e-mail holds nothing its recipient may not see in the API", () => {
    // Every kind of reminder was sent.
    const subjects = mails.map((m) => m.subject);
    for (const subject of [
      "Herinnering: verklaringen nog niet ondertekend vóór de herregistratie",
      "Herinnering: er komt een evaluatiemoment aan",
      "Herinnering: een verklaring wacht op je handtekening",
    ])
      expect(subjects).toContain(subject);
    for (const mail of mails) {
      const r = readers.find((x) => x.email === mail.to);
      const text = `${mail.subject}\n${mail.text}`;
      for (const marker of MARKERS) if (!r?.api.includes(marker)) expect(text, mail.to).not.toContain(marker);
      for (const address of signerAddresses())
        if (!r || !addressPattern(address).test(r.api)) expect(text, mail.to).not.toMatch(addressPattern(address));
    }
  });

  it("an invitation and a password reset carry nothing of anyone's trajectories", async () => {
    const before = mails.length;
    ok(
      await anna.post("/api/v1/invitations", {
        email: `nieuw.${STAMP.toLowerCase()}@delinde.example`,
        name: "Nieuwe Collega",
        roles: ["trainee"],
      }),
      201,
    );
    const forgot = await (await t.anonymous()).post("/api/v1/auth/password/forgot", {
      email: "daan.bakker@delinde.example",
    });
    expect(forgot.statusCode).toBe(202);
    const sent = mails.slice(before);
    expect(sent.map((m) => m.to).sort()).toEqual(
      ["daan.bakker@delinde.example", `nieuw.${STAMP.toLowerCase()}@delinde.example`].sort(),
    );
    for (const mail of sent) {
      const r = readers.find((x) => x.email === mail.to);
      for (const marker of MARKERS)
        if (!r?.api.includes(marker)) expect(`${mail.subject}\n${mail.text}`).not.toContain(marker);
      expect(`${mail.subject}\n${mail.text}`).not.toContain("Supervisie Daan");
    }
  });
});
