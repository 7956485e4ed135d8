import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  memberships,
  notifications,
  outbox,
  registrations,
  remindersSent,
  trajectories,
  users,
} from "../../src/db/schema.js";
import type { DeclarationList } from "../../src/domain/declarations/api.js";
import type { NotificationList } from "../../src/domain/notifications/api.js";
import { DEMO_PASSWORD } from "../../src/server/demo/seed.js";
import { sendDueReminders } from "../../src/server/notifications/reminders.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { createTrajectory, day, expectStatus as ok, signIn } from "../support/factories.js";

/**
 * Reminders with a controllable clock: the scan runs on chosen dates, and each reminder is sent
 * once, in the app and by e-mail, to the right people of the right organisation only.
 */

let t: TestApp;
let client: TestClient; // Fatima Yilmaz: commissioner
let guide: TestClient; // Sanne Visser
let trainee: TestClient; // Daan Bakker

const PUBLIC_URL = "http://koers.test";
/** Noon in the Netherlands on a day. */
const noon = (isoDay: string) => new Date(`${isoDay}T11:00:00Z`);
const daysBefore = (isoDay: string, days: number) =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const scan = (isoDay: string) => sendDueReminders(t.database.db, t.app.mailer, noon(isoDay), { publicUrl: PUBLIC_URL });

// The trainee's re-registration, well after the trajectory's start.
const REREGISTRATION = day(200);

beforeAll(async () => {
  t = await createTestApp();
  client = await t.login("fatima.yilmaz@delinde.example");
  guide = await signIn(t, "sanne.visser@netwerk.example");
  trainee = await t.login("daan.bakker@delinde.example");

  // Daan's only re-registration date is the one this test sets.
  const [daan] = await t.database.db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, "daan.bakker@delinde.example"), eq(memberships.organisationId, t.orgs.linde)));
  await t.database.db
    .update(registrations)
    .set({ reregistrationDate: null })
    .where(eq(registrations.membershipId, daan?.id ?? ""));
  await t.database.db.insert(registrations).values({
    organisationId: t.orgs.linde,
    membershipId: daan?.id ?? "",
    register: "SKJ",
    registrationType: "Jeugdprofessional",
    number: "110012345",
    reregistrationDate: REREGISTRATION,
  });
});
afterAll(() => t.close());

/**
 * An SKJ trajectory of Daan with Sanne, started 60 days ago, its guide judged eligible. Each test
 * makes its own: a scan reminds about every trajectory, and a test reads those about its own.
 */
async function skjTrajectory(title: string) {
  const { detail } = await createTrajectory(t, {
    by: client,
    regime: "skj_werkbegeleiding",
    title,
    startsOn: day(-60),
    endsOn: day(300),
    eligibility: "eligible",
  });
  return detail;
}

/** An SKJ trajectory as above, closed. */
async function closedTrajectory() {
  const closed = await skjTrajectory("Afgesloten traject");
  await t.database.db.update(trajectories).set({ closed: true }).where(eq(trajectories.id, closed.id));
  return closed;
}

/** How each kind of reminder mail is told apart, by its subject (in Dutch or English). */
const SUBJECTS: Record<string, RegExp> = {
  "reminder.reregistration": /herregistratie|re-registration/i,
  "reminder.signature": /wacht op|waiting/i,
  "reminder.evaluation": /evaluatie|evaluation/i,
};

/** The reminders about one trajectory: its notifications, and the mails linking to it. */
async function sentAbout(trajectoryId: string, kind?: string) {
  const rows = await t.database.db
    .select({
      userId: notifications.userId,
      email: users.email,
      kind: notifications.kind,
      params: notifications.params,
      organisationId: notifications.organisationId,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(like(notifications.link, `/trajecten/${trajectoryId}%`));
  const mails = await t.database.db
    .select()
    .from(outbox)
    .where(like(outbox.bodyText, `%/trajecten/${trajectoryId}%`));
  return {
    notes: kind ? rows.filter((r) => r.kind === kind) : rows,
    mails: kind ? mails.filter((m) => SUBJECTS[kind]?.test(m.subject)) : mails,
    allMails: mails,
  };
}

const PEOPLE = ["daan.bakker@delinde.example", "fatima.yilmaz@delinde.example", "sanne.visser@netwerk.example"];

describe("re-registration reminders", () => {
  it("are sent at 90 days to the trainee and every missing signer, once, in the app and by e-mail", async () => {
    const skj = await skjTrajectory("Herinneringen");
    // Only the re-registration reminders here; form A, due at the start, also asks its signers.
    const rereg = () => sentAbout(skj.id, "reminder.reregistration");
    await scan(daysBefore(REREGISTRATION, 91));
    expect((await rereg()).notes).toEqual([]);

    await scan(daysBefore(REREGISTRATION, 90));
    const { notes, mails: allMails } = await rereg();
    expect(notes.map((n) => n.email).sort()).toEqual(PEOPLE);
    expect(notes.every((n) => n.kind === "reminder.reregistration" && n.params.threshold === 90)).toBe(true);
    expect(notes.every((n) => n.organisationId === t.orgs.linde)).toBe(true);
    expect(allMails.map((m) => m.toAddress).sort()).toEqual(PEOPLE);
    expect(allMails.every((m) => m.organisationId === t.orgs.linde)).toBe(true);

    // Again the same day, and a month later: nothing new.
    await scan(daysBefore(REREGISTRATION, 90));
    await scan(daysBefore(REREGISTRATION, 60));
    expect((await rereg()).notes).toHaveLength(3);
    expect((await rereg()).mails).toHaveLength(3);
  });

  it("says in the e-mail what kind of reminder waits and where, in the person's language, nothing confidential", async () => {
    const skj = await skjTrajectory("Herinneringen");
    await scan(daysBefore(REREGISTRATION, 90));
    const mails = (await sentAbout(skj.id, "reminder.reregistration")).mails;
    const toDaan = mails.find((m) => m.toAddress === "daan.bakker@delinde.example");
    expect(toDaan?.subject).toBe("Herinnering: verklaringen nog niet ondertekend vóór de herregistratie");
    expect(toDaan?.bodyText).toContain(`${PUBLIC_URL}/trajecten/${skj.id}`);
    expect(toDaan?.bodyText).not.toContain("Herinneringen"); // the trajectory's title
    expect(toDaan?.bodyText).not.toContain(REREGISTRATION);
    // Sent at 90, 30 and 7 days: the mail does not claim it comes once.
    expect(toDaan?.bodyText).toContain("krijg je deze herinnering 90, 30 en 7 dagen vóór de herregistratiedatum");
    expect(toDaan?.bodyText).not.toContain("één keer");
  });

  it("sends a threshold missed while the scan did not run late, once, and never an earlier one after it", async () => {
    const skj = await skjTrajectory("Herinneringen");
    await scan(daysBefore(REREGISTRATION, 90));
    // Nothing ran at 30 days; at 25 days the 30-day reminder goes out.
    await scan(daysBefore(REREGISTRATION, 25));
    const thirty = (await sentAbout(skj.id, "reminder.reregistration")).notes.filter((n) => n.params.threshold === 30);
    expect(thirty.map((n) => n.email).sort()).toEqual(PEOPLE);
    await scan(daysBefore(REREGISTRATION, 20));
    const all = (await sentAbout(skj.id, "reminder.reregistration")).notes;
    expect(all.map((n) => n.params.threshold).sort()).toEqual([30, 30, 30, 90, 90, 90]);
    expect((await sentAbout(skj.id, "reminder.reregistration")).mails).toHaveLength(6);
  });
});

describe("signatures waiting", () => {
  it("ask each missing signer of a started declaration once, after two days", async () => {
    const fresh = await skjTrajectory("Handtekeningen");
    const { items } = ok<DeclarationList>(await trainee.get(`/api/v1/trajectories/${fresh.id}/declarations`));
    const start = items.find((d) => d.key === "start");
    ok(await trainee.post(`/api/v1/declarations/${start?.id}/sign`, { password: DEMO_PASSWORD }));
    const sign = () => sentAbout(fresh.id, "reminder.signature");
    // Signed today; the scan a day later asks nobody.
    await scan(day(1));
    expect((await sign()).notes).toEqual([]);
    await scan(day(2));
    // The guide or the commissioner may sign the other slot; both are asked, the trainee not.
    expect((await sign()).notes.map((n) => n.email).sort(), "the employer-or-guide slot is missing").toEqual([
      "fatima.yilmaz@delinde.example",
      "sanne.visser@netwerk.example",
    ]);
    await scan(day(3));
    expect((await sign()).notes).toHaveLength(2);
    ok(await guide.post(`/api/v1/declarations/${start?.id}/sign`, { password: DEMO_PASSWORD }));
    await scan(day(10));
    expect((await sign()).notes).toHaveLength(2);
  });
});

describe("re-registration reminders, once signed", () => {
  it("stops once the declarations due by the re-registration are signed", async () => {
    const skj = await skjTrajectory("Herinneringen");
    await scan(daysBefore(REREGISTRATION, 90));
    await scan(daysBefore(REREGISTRATION, 25));
    const { items } = ok<DeclarationList>(await trainee.get(`/api/v1/trajectories/${skj.id}/declarations`));
    for (const key of ["start", "end"]) {
      const declaration = items.find((d) => d.key === key);
      ok(await trainee.post(`/api/v1/declarations/${declaration?.id}/sign`, { password: DEMO_PASSWORD }));
      ok(await guide.post(`/api/v1/declarations/${declaration?.id}/sign`, { password: DEMO_PASSWORD }));
    }
    await scan(daysBefore(REREGISTRATION, 7));
    await scan(REREGISTRATION);
    const rereg = (await sentAbout(skj.id, "reminder.reregistration")).notes;
    expect(rereg.filter((n) => n.params.threshold === 7)).toEqual([]);
  });

  it("still reach a closed trajectory whose declarations are not signed: the register needs them all the same", async () => {
    const closedOne = await closedTrajectory();
    for (const days of [90, 30, 7]) await scan(daysBefore(REREGISTRATION, days));
    const { notes } = await sentAbout(closedOne.id, "reminder.reregistration");
    expect([...new Set(notes.map((n) => n.email))].sort()).toEqual(PEOPLE);
    expect(new Set(notes.map((n) => n.params.threshold))).toEqual(new Set([90, 30, 7]));
  });
});

describe("every declaration due before re-registration, whatever the status", () => {
  it("reminds form A (start) when form B is signed and A is not, and lists A as late", async () => {
    const onlyB = await skjTrajectory("Alleen formulier B");
    const { items } = ok<DeclarationList>(await trainee.get(`/api/v1/trajectories/${onlyB.id}/declarations`));
    const end = items.find((d) => d.key === "end");
    ok(await trainee.post(`/api/v1/declarations/${end?.id}/sign`, { password: DEMO_PASSWORD }));
    ok(await guide.post(`/api/v1/declarations/${end?.id}/sign`, { password: DEMO_PASSWORD }));
    // Form A was due on the start day, 60 days ago.
    const start = ok<DeclarationList>(await trainee.get(`/api/v1/trajectories/${onlyB.id}/declarations`)).items.find(
      (d) => d.key === "start",
    );
    expect(start).toMatchObject({ overdue: true, dueDate: day(-60), dueReason: "start", fullySigned: false });
    const dueOf = async (who: TestClient) =>
      ok<{ items: { kind: string; trajectoryId: string; dueAt: string | null }[] }>(
        await who.get("/api/v1/due"),
      ).items.filter((i) => i.kind === "declarationOverdue" && i.trajectoryId === onlyB.id);
    expect(await dueOf(trainee)).toEqual([expect.objectContaining({ dueAt: day(-60) })]);

    await scan(daysBefore(REREGISTRATION, 30));
    const { notes } = await sentAbout(onlyB.id, "reminder.reregistration");
    expect(notes.map((n) => n.email).sort()).toEqual(PEOPLE);

    // Completed, with form A still open: still late on the lists, still reminded at the next threshold.
    await t.database.db
      .update(trajectories)
      .set({ status: "completed", closed: true })
      .where(eq(trajectories.id, onlyB.id));
    expect(await dueOf(trainee)).toEqual([expect.objectContaining({ dueAt: day(-60) })]);
    expect(await dueOf(guide)).toHaveLength(1);
    await scan(daysBefore(REREGISTRATION, 7));
    const after = (await sentAbout(onlyB.id, "reminder.reregistration")).notes;
    expect(
      after
        .filter((n) => n.params.threshold === 7)
        .map((n) => n.email)
        .sort(),
    ).toEqual(PEOPLE);
  });
});

describe("evaluation moments", () => {
  it("are announced to the participants a week ahead, once", async () => {
    const skj = await skjTrajectory("Herinneringen");
    const closedOne = await closedTrajectory();
    const moment = day(40);
    await t.database.db
      .update(trajectories)
      .set({ evaluationMoments: [{ date: moment, label: "Tussenevaluatie" }] })
      .where(inArray(trajectories.id, [skj.id, closedOne.id]));
    const evaluation = () => sentAbout(skj.id, "reminder.evaluation");
    await scan(daysBefore(moment, 8));
    expect((await evaluation()).notes).toEqual([]);
    await scan(daysBefore(moment, 7));
    await scan(daysBefore(moment, 3));
    const { notes } = await evaluation();
    expect(notes.map((n) => n.email).sort()).toEqual(PEOPLE);
    expect(notes[0]?.params).toMatchObject({ date: moment, label: "Tussenevaluatie", days: 7 });
    // A closed trajectory's evaluation moments are over.
    expect((await sentAbout(closedOne.id, "reminder.evaluation")).notes).toEqual([]);
  });
});

describe("organisations apart", () => {
  it("keeps each organisation's reminders, keys and mails in that organisation", async () => {
    const skj = await skjTrajectory("Herinneringen");
    await scan(daysBefore(REREGISTRATION, 90));
    const rivier = await t.database.db
      .select({ key: remindersSent.key })
      .from(remindersSent)
      .where(and(eq(remindersSent.organisationId, t.orgs.rivier), like(remindersSent.key, `%${skj.id}%`)));
    expect(rivier).toEqual([]);
    // Sanne works for both: in Rivierenland she does not see De Linde's reminders.
    expect((await guide.post("/api/v1/auth/organisation", { organisationId: t.orgs.rivier })).statusCode).toBe(204);
    await guide.refreshSession();
    const there = ok<NotificationList>(await guide.get("/api/v1/notifications?limit=100"));
    expect(there.items.some((n) => n.link?.includes(skj.id))).toBe(false);
    expect((await guide.post("/api/v1/auth/organisation", { organisationId: t.orgs.linde })).statusCode).toBe(204);
    await guide.refreshSession();
  });
});

describe("the notifications API", () => {
  it("lists a person's own notifications newest first with the unread count, and marks them read", async () => {
    await skjTrajectory("Herinneringen");
    for (const days of [90, 30, 7]) await scan(daysBefore(REREGISTRATION, days));
    const first = ok<NotificationList>(await trainee.get("/api/v1/notifications"));
    expect(first.unread).toBeGreaterThanOrEqual(3);
    expect(first.items.length).toBeGreaterThanOrEqual(3);
    const times = first.items.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const one = first.items[0];
    expect((await trainee.post(`/api/v1/notifications/${one?.id}/read`)).statusCode).toBe(204);
    const after = ok<NotificationList>(await trainee.get("/api/v1/notifications"));
    expect(after.unread).toBe(first.unread - 1);
    expect(after.items.find((n) => n.id === one?.id)?.readAt).not.toBeNull();
    // Someone else's notification is not found for the guide.
    expect((await guide.post(`/api/v1/notifications/${one?.id}/read`)).statusCode).toBe(404);
    expect((await trainee.post("/api/v1/notifications/read-all")).statusCode).toBe(204);
    expect(ok<NotificationList>(await trainee.get("/api/v1/notifications?limit=1")).unread).toBe(0);
    expect(ok<NotificationList>(await trainee.get("/api/v1/notifications?limit=1")).items).toHaveLength(1);
  });
});
