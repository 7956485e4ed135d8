import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, events, notifications, outbox, users } from "../../src/db/schema.js";
import type {
  AttendedEvent,
  CheckInList,
  EvaluationSummary,
  EventDetail,
  EventSummary,
} from "../../src/domain/events/api.js";
import { sendDueReminders } from "../../src/server/notifications/reminders.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { at, expectStatus as ok } from "../support/factories.js";

/**
 * Learning festivals and trainings through the API: the training officer makes a festival with
 * two rounds; people register, wait, cancel and move up; the trainer ticks people off on the day;
 * those who came evaluate and the organiser reads the summary without names.
 */

const EMAILS = {
  officer: "joost.smit@delinde.example",
  sanne: "sanne.visser@netwerk.example",
  eva: "eva.mulder@delinde.example",
  daan: "daan.bakker@delinde.example",
  admin: "beheer@delinde.example",
  lisa: "lisa.dekker@rivierenland.example",
} as const;
type Who = keyof typeof EMAILS;

let t: TestApp;
const as = {} as Record<Who, TestClient>;
const ids = {} as Record<Who, string>;

beforeAll(async () => {
  t = await createTestApp();
  for (const [key, email] of Object.entries(EMAILS)) {
    const client = await t.login(email);
    const home = key === "lisa" ? t.orgs.rivier : t.orgs.linde;
    if ((await client.refreshSession()).organisation?.id !== home)
      await client.post("/api/v1/auth/organisation", { organisationId: home });
    as[key as Who] = client;
  }
  const rows = await t.database.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, Object.values(EMAILS)));
  for (const [key, email] of Object.entries(EMAILS)) ids[key as Who] = rows.find((r) => r.email === email)?.id ?? "";
});
afterAll(() => t.close());

const festival = (overrides: Record<string, unknown> = {}) => ({
  title: "Leerfestival werkbegeleiding",
  kind: "festival",
  audience: "both",
  description: "Twee rondes workshops over begeleiden op de werkvloer.",
  startsAt: at(20, "13:00"),
  endsAt: at(20, "17:00"),
  place: "Theater De Linde",
  onlineUrl: null,
  registrationDeadline: at(18, "17:00"),
  trainerIds: [ids.eva],
  sessions: [
    { round: 1, title: "Feedback geven", capacity: 1 },
    { round: 1, title: "Het driegesprek", capacity: 5 },
    { round: 2, title: "Reflecteren met STARR", capacity: 2 },
  ],
  ...overrides,
});

async function makeFestival(overrides: Record<string, unknown> = {}) {
  return ok<EventDetail>(await as.officer.post("/api/v1/events", festival(overrides)), 201);
}

const session = (event: EventDetail, title: string) => {
  const found = event.sessions.find((s) => s.title === title);
  if (!found) throw new Error(`no session ${title}`);
  return found;
};

/** Moves an event to have begun an hour ago (deadline yesterday), as if its day had come. */
async function beganAnHourAgo(eventId: string) {
  await t.database.db
    .update(events)
    .set({
      startsAt: sql`now() - interval '1 hour'`,
      endsAt: sql`now() + interval '2 hours'`,
      registrationDeadline: sql`now() - interval '1 day'`,
    })
    .where(eq(events.id, eventId));
}

describe("making an event", () => {
  it("makes a festival with rounds of sessions, each with its own capacity, and logs it", async () => {
    const event = await makeFestival();
    expect(event).toMatchObject({ kind: "festival", status: "planned", registrationOpen: true });
    expect(event.trainers).toEqual([{ userId: ids.eva, name: "Eva Mulder" }]);
    expect(event.sessions.map((s) => [s.round, s.title, s.capacity, s.registered])).toEqual([
      [1, "Feedback geven", 1, 0],
      [1, "Het driegesprek", 5, 0],
      [2, "Reflecteren met STARR", 2, 0],
    ]);
    const [logged] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, event.id), eq(auditEvents.type, "event.created")));
    expect(logged?.after).toMatchObject({ title: "Leerfestival werkbegeleiding", member: "Eva Mulder" });
  });

  it("refuses an end before the start, a deadline after it, no place at all and a stranger as trainer, at the field", async () => {
    const response = await as.officer.post(
      "/api/v1/events",
      festival({ endsAt: at(20, "12:00"), registrationDeadline: at(21), place: null }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(Object.keys(response.json().errors).sort()).toEqual(["endsAt", "place", "registrationDeadline"]);
    const stranger = await as.officer.post("/api/v1/events", festival({ trainerIds: [ids.lisa] }));
    expect(stranger.json().errors).toHaveProperty("trainerIds.0");
    const empty = await as.officer.post("/api/v1/events", festival({ sessions: [] }));
    expect(empty.statusCode).toBe(422);
  });

  it("is for organisers only", async () => {
    expect((await as.sanne.post("/api/v1/events", festival())).statusCode).toBe(403);
    expect((await as.eva.post("/api/v1/events", festival())).statusCode).toBe(403);
  });
});

describe("changing an event", () => {
  const changes = (event: EventDetail, overrides: Record<string, unknown> = {}) => ({
    title: event.title,
    kind: event.kind,
    audience: event.audience,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    place: event.place,
    onlineUrl: event.onlineUrl,
    registrationDeadline: event.registrationDeadline,
    version: event.version,
    sessions: event.sessions.map((s) => ({ id: s.id, title: s.title, capacity: s.capacity })),
    ...overrides,
  });

  it("changes what, when and where; a raised capacity fills from the waiting list at once; a stale version is 409", async () => {
    const event = await makeFestival({ title: "Leerfestival om te wijzigen" });
    const url = `/api/v1/events/${event.id}`;
    const feedback = session(event, "Feedback geven").id;
    ok(await as.sanne.post(`${url}/registrations`, { sessionId: feedback }));
    ok(await as.eva.post(`${url}/registrations`, { sessionId: feedback }));
    const current = ok<EventDetail>(await as.officer.get(url));
    const sessions = current.sessions.map((s) => ({
      id: s.id,
      title: s.title === "Feedback geven" ? "Feedback die landt" : s.title,
      capacity: s.title === "Feedback geven" ? 2 : s.capacity,
    }));
    const changed = ok<EventDetail>(
      await as.officer.put(url, changes(current, { place: "Zalencentrum De Linde", sessions })),
    );
    expect(changed.place).toBe("Zalencentrum De Linde");
    expect(session(changed, "Feedback die landt")).toMatchObject({ capacity: 2, registered: 2, waiting: 0 });
    const [told] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ids.eva), eq(notifications.link, `/activiteiten/${event.id}`)));
    expect(told?.kind).toBe("event.promoted");
    const [logged] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, event.id), eq(auditEvents.type, "event.updated")));
    expect(logged?.after).toMatchObject({ place: "Zalencentrum De Linde", session: "Feedback die landt (2)" });

    const stale = await as.officer.put(url, changes(current, { title: "Oud" }));
    expect(stale.statusCode).toBe(409);
  });

  it("adds a session to a round and names other trainers afterwards, who then keep the check-in list", async () => {
    const event = await makeFestival({ title: "Leerfestival dat groeit" });
    const url = `/api/v1/events/${event.id}`;
    const current = ok<EventDetail>(await as.officer.get(url));
    const grown = ok<EventDetail>(
      await as.officer.put(
        url,
        changes(current, {
          trainerIds: [ids.eva, ids.sanne],
          sessions: [
            ...current.sessions.map((s) => ({ id: s.id, title: s.title, capacity: s.capacity })),
            { round: 2, title: "Het zorgteam laten meekijken", capacity: 8 },
          ],
        }),
      ),
    );
    expect(grown.sessions.filter((s) => s.round === 2).map((s) => s.title)).toEqual([
      "Reflecteren met STARR",
      "Het zorgteam laten meekijken",
    ]);
    expect(grown.trainers.map((p) => p.name).sort()).toEqual(["Eva Mulder", "Sanne Visser"]);
    // The new session takes places like the others.
    ok(await as.sanne.post(`${url}/registrations`, { sessionId: session(grown, "Het zorgteam laten meekijken").id }));
    const [logged] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, event.id), eq(auditEvents.type, "event.updated")));
    expect(logged?.before).toMatchObject({ member: "Eva Mulder" });
    expect(logged?.after).toMatchObject({
      member: "Eva Mulder, Sanne Visser",
      session: "Het zorgteam laten meekijken (8)",
    });

    // A new session names its round; a trainer must be a colleague; left out, the trainers stay.
    const again = ok<EventDetail>(await as.officer.get(url));
    const wrong = await as.officer.put(
      url,
      changes(again, {
        trainerIds: [ids.eva, ids.lisa],
        sessions: [{ title: "Zonder ronde", capacity: 5 }],
      }),
    );
    expect(wrong.statusCode).toBe(422);
    expect(Object.keys(wrong.json().errors).sort()).toEqual(["sessions.0.round", "trainerIds.1"]);
    const kept = ok<EventDetail>(await as.officer.put(url, changes(again, { title: "Leerfestival, groter" })));
    expect(kept.trainers.map((p) => p.name).sort()).toEqual(["Eva Mulder", "Sanne Visser"]);
    // Taken off, a trainer no longer keeps the check-in list.
    ok(await as.officer.put(url, changes(kept, { trainerIds: [ids.sanne] })));
    const asEva = await as.eva.get(`${url}/check-in`);
    expect(asEva.statusCode).toBe(403);
  });

  it("never sets a capacity below the places taken, and is for organisers only", async () => {
    const event = await makeFestival({ title: "Leerfestival om te wijzigen" });
    const url = `/api/v1/events/${event.id}`;
    const driegesprek = session(event, "Het driegesprek").id;
    ok(await as.sanne.post(`${url}/registrations`, { sessionId: driegesprek }));
    ok(await as.eva.post(`${url}/registrations`, { sessionId: driegesprek }));
    const current = ok<EventDetail>(await as.officer.get(url));
    const sessions = current.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      capacity: s.id === driegesprek ? 1 : s.capacity,
    }));
    const refused = await as.officer.put(url, changes(current, { sessions }));
    expect(refused.statusCode).toBe(422);
    expect(Object.keys(refused.json().errors)).toEqual([
      `sessions.${current.sessions.findIndex((s) => s.id === driegesprek)}.capacity`,
    ]);
    expect((await as.sanne.put(url, changes(current))).statusCode).toBe(403);
    expect((await as.lisa.put(url, changes(current))).statusCode).toBe(404);
  });
});

describe("places and the waiting list", () => {
  it("gives the last place to one, puts the next on the waiting list and moves them up when a place comes free", async () => {
    const event = await makeFestival();
    const url = `/api/v1/events/${event.id}/registrations`;
    const feedback = session(event, "Feedback geven").id;

    const sanne = ok<EventDetail>(await as.sanne.post(url, { sessionId: feedback }));
    expect(session(sanne, "Feedback geven").mine).toEqual({ status: "registered", position: null });
    const eva = ok<EventDetail>(await as.eva.post(url, { sessionId: feedback }));
    expect(session(eva, "Feedback geven")).toMatchObject({ registered: 1, waiting: 1 });
    expect(session(eva, "Feedback geven").mine).toEqual({ status: "waiting", position: 1 });
    // Eva gives the festival: she sees who comes. Sanne only sees the numbers.
    expect(session(eva, "Feedback geven").people).toHaveLength(2);
    expect(
      session(ok<EventDetail>(await as.sanne.get(`/api/v1/events/${event.id}`)), "Feedback geven").people,
    ).toBeNull();
    // The training officer puts Daan on the list too, behind Eva.
    const byOfficer = ok<EventDetail>(await as.officer.post(url, { sessionId: feedback, userId: ids.daan }));
    expect(session(byOfficer, "Feedback geven").people).toEqual([
      { userId: ids.sanne, name: "Sanne Visser", status: "registered" },
      { userId: ids.eva, name: "Eva Mulder", status: "waiting" },
      { userId: ids.daan, name: "Daan Bakker", status: "waiting" },
    ]);
    expect((await as.sanne.post(url, { sessionId: feedback })).json().errors.sessionId).toBeDefined();

    // Sanne cannot come after all: Eva, first on the list, has her place at once.
    const cancelled = ok<EventDetail>(await as.sanne.post(`${url}/cancel`, { sessionId: feedback }));
    expect(session(cancelled, "Feedback geven")).toMatchObject({ registered: 1, waiting: 1, mine: null });
    const evaNow = ok<EventDetail>(await as.eva.get(`/api/v1/events/${event.id}`));
    expect(session(evaNow, "Feedback geven").mine).toEqual({ status: "registered", position: null });

    const [told] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ids.eva), eq(notifications.kind, "event.promoted")))
      .orderBy(desc(notifications.createdAt))
      .limit(1);
    expect(told).toMatchObject({
      link: `/activiteiten/${event.id}`,
      params: { title: event.title, label: "Feedback geven" },
    });
    const mails = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, EMAILS.eva), sql`${outbox.subject} like ${`%${event.title}%`}`));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.bodyText).toContain("Feedback geven");
    expect(mails[0]?.bodyText).not.toContain("Sanne");
    const promoted = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, event.id), eq(auditEvents.type, "event.promoted")));
    expect(promoted.map((a) => a.after)).toEqual([{ member: "Eva Mulder", session: "Feedback geven" }]);
  });

  it("moves a person to another session of the same round, giving their old place to its waiting list", async () => {
    const event = await makeFestival();
    const url = `/api/v1/events/${event.id}/registrations`;
    const feedback = session(event, "Feedback geven").id;
    ok(await as.eva.post(url, { sessionId: feedback }));
    ok(await as.sanne.post(url, { sessionId: feedback }));
    const moved = ok<EventDetail>(await as.eva.post(url, { sessionId: session(event, "Het driegesprek").id }));
    expect(session(moved, "Het driegesprek").mine?.status).toBe("registered");
    expect(session(moved, "Feedback geven")).toMatchObject({ registered: 1, waiting: 0, mine: null });
    // A place is not traded for a waiting list: switching to a full session is refused, the place kept.
    const full = await as.eva.post(url, { sessionId: feedback });
    expect(full.statusCode).toBe(422);
    expect(full.json().errors.sessionId).toMatch(/vol/);
    // A place in the second round is a place of its own.
    const second = ok<EventDetail>(await as.eva.post(url, { sessionId: session(event, "Reflecteren met STARR").id }));
    expect(second.sessions.filter((s) => s.mine).map((s) => s.title)).toEqual([
      "Het driegesprek",
      "Reflecteren met STARR",
    ]);
  });

  it("closes after the deadline, and for a cancelled event, with the reason at the field", async () => {
    const late = await makeFestival({ registrationDeadline: at(-1) });
    expect(late.registrationOpen).toBe(false);
    expect(late.abilities.registerSelf).toBe(false);
    const refused = await as.sanne.post(`/api/v1/events/${late.id}/registrations`, {
      sessionId: late.sessions[0]?.id,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.sessionId).toMatch(/inschrijfdatum|deadline/i);

    const event = await makeFestival();
    ok(await as.sanne.post(`/api/v1/events/${event.id}/registrations`, { sessionId: event.sessions[0]?.id }));
    const cancelled = ok<EventDetail>(
      await as.officer.post(`/api/v1/events/${event.id}/cancel`, { version: event.version }),
    );
    expect(cancelled.status).toBe("cancelled");
    const [told] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ids.sanne), eq(notifications.kind, "event.cancelled")));
    expect(told?.link).toBe(`/activiteiten/${event.id}`);
    const again = await as.eva.post(`/api/v1/events/${event.id}/registrations`, { sessionId: event.sessions[0]?.id });
    expect(again.statusCode).toBe(422);
  });

  it("shows an event to its audience only, and lets nobody else register", async () => {
    const forTrainers = await makeFestival({ audience: "trainers", title: "Trainersdag" });
    // Daan (trainee) is neither audience, trainer nor participant: the event does not exist for him.
    expect((await as.daan.get(`/api/v1/events/${forTrainers.id}`)).statusCode).toBe(404);
    const list = ok<{ upcoming: EventSummary[] }>(await as.daan.get("/api/v1/events"));
    expect(list.upcoming.map((e) => e.id)).not.toContain(forTrainers.id);
    // Sanne guides but does not train.
    const sanneSees = await as.sanne.get(`/api/v1/events/${forTrainers.id}`);
    expect(sanneSees.statusCode).toBe(404);
    const trainer = ok<EventDetail>(await as.eva.get(`/api/v1/events/${forTrainers.id}`));
    expect(trainer.abilities.registerSelf).toBe(true);
    // Registered by the training officer, Daan sees the event, with his own place.
    ok(
      await as.officer.post(`/api/v1/events/${forTrainers.id}/registrations`, {
        sessionId: forTrainers.sessions[0]?.id,
        userId: ids.daan,
      }),
    );
    const daan = ok<EventDetail>(await as.daan.get(`/api/v1/events/${forTrainers.id}`));
    expect(daan.sessions[0]?.mine?.status).toBe("registered");
    expect(daan.abilities).toMatchObject({ registerSelf: false, participants: false });
  });

  it("keeps another organisation out: its people cannot read, register or see the event in a list", async () => {
    const event = await makeFestival();
    expect((await as.lisa.get(`/api/v1/events/${event.id}`)).statusCode).toBe(404);
    expect(
      (await as.lisa.post(`/api/v1/events/${event.id}/registrations`, { sessionId: event.sessions[0]?.id })).statusCode,
    ).toBe(404);
    expect((await as.lisa.get(`/api/v1/events/${event.id}/check-in`)).statusCode).toBe(404);
    const list = ok<{ upcoming: EventSummary[] }>(await as.lisa.get("/api/v1/events"));
    expect(list.upcoming.map((e) => e.id)).not.toContain(event.id);
    // De Linde's organiser cannot register Rivierenland's people either.
    const stranger = await as.officer.post(`/api/v1/events/${event.id}/registrations`, {
      sessionId: event.sessions[0]?.id,
      userId: ids.lisa,
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors).toHaveProperty("userId");
  });
});

describe("the reminder before the event", () => {
  it("recalls everyone with a place once, two days ahead; nobody on the waiting list; the mail names no event", async () => {
    const event = await makeFestival({ title: "Leerfestival met herinnering" });
    const url = `/api/v1/events/${event.id}/registrations`;
    ok(await as.sanne.post(url, { sessionId: session(event, "Feedback geven").id }));
    ok(await as.officer.post(url, { sessionId: session(event, "Feedback geven").id, userId: ids.daan }));
    const starts = new Date(event.startsAt).getTime();
    const scan = (hoursBefore: number) =>
      sendDueReminders(t.database.db, t.app.mailer, new Date(starts - hoursBefore * 3_600_000), {
        publicUrl: "https://koers.example",
      });
    const reminded = async () =>
      t.database.db
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(and(eq(notifications.kind, "reminder.event"), eq(notifications.link, `/activiteiten/${event.id}`)));

    await scan(72);
    expect(await reminded()).toEqual([]);
    await scan(40);
    expect((await reminded()).map((r) => r.userId)).toEqual([ids.sanne]);
    await scan(20);
    expect(await reminded()).toHaveLength(1);
    const [mail] = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, EMAILS.sanne), sql`${outbox.bodyText} like ${`%/activiteiten/${event.id}%`}`));
    expect(mail?.subject).toMatch(/leerfestival of training/);
    expect(`${mail?.subject} ${mail?.bodyText}`).not.toContain("Leerfestival met herinnering");
  });
});

describe("in the personal calendar feed", () => {
  async function feedOf(client: TestClient) {
    const { url } = ok<{ url: string }>(await client.post("/api/v1/calendar/renew", {}));
    const response = await (await t.anonymous()).get(new URL(url).pathname);
    expect(response.statusCode).toBe(200);
    return response.body.replace(/\r?\n[ \t]/g, "");
  }

  it("holds the events one has a place at or gives, with one's sessions; not a waiting list, not a cancelled event", async () => {
    const event = await makeFestival({ title: "Leerfestival in de agenda" });
    const url = `/api/v1/events/${event.id}/registrations`;
    ok(await as.sanne.post(url, { sessionId: session(event, "Feedback geven").id }));
    ok(await as.sanne.post(url, { sessionId: session(event, "Reflecteren met STARR").id }));
    ok(await as.officer.post(url, { sessionId: session(event, "Feedback geven").id, userId: ids.daan }));
    const sanne = await feedOf(as.sanne);
    expect(sanne).toContain("SUMMARY:Leerfestival in de agenda");
    expect(sanne).toContain("Feedback geven\\nReflecteren met STARR");
    expect(sanne).toContain("LOCATION:Theater De Linde");
    // Eva gives it; Daan only waits.
    expect(await feedOf(as.eva)).toContain("SUMMARY:Leerfestival in de agenda");
    expect(await feedOf(as.daan)).not.toContain("Leerfestival in de agenda");
    ok(await as.officer.post(`/api/v1/events/${event.id}/cancel`, { version: event.version }));
    expect(await feedOf(as.sanne)).not.toContain("Leerfestival in de agenda");
  });
});

describe("on the day and after", () => {
  it("lets the event's trainer tick people off, then those who came evaluate and the organiser reads it without names", async () => {
    const event = await makeFestival();
    const url = `/api/v1/events/${event.id}`;
    ok(await as.sanne.post(`${url}/registrations`, { sessionId: session(event, "Het driegesprek").id }));
    // Daan is no werkbegeleider (the event is not for him): the training officer registers him.
    expect(
      (await as.daan.post(`${url}/registrations`, { sessionId: session(event, "Het driegesprek").id })).statusCode,
    ).toBe(404);
    ok(
      await as.officer.post(`${url}/registrations`, {
        sessionId: session(event, "Het driegesprek").id,
        userId: ids.daan,
      }),
    );
    ok(
      await as.officer.post(`${url}/registrations`, {
        sessionId: session(event, "Reflecteren met STARR").id,
        userId: ids.daan,
      }),
    );

    // Before its day nobody is ticked off.
    const early = await as.eva.post(`${url}/check-in`, { userId: ids.sanne, present: true });
    expect(early.statusCode).toBe(422);
    await beganAnHourAgo(event.id);

    const list = ok<CheckInList>(await as.eva.get(`${url}/check-in`));
    expect(list.people).toEqual([
      { userId: ids.daan, name: "Daan Bakker", present: false },
      { userId: ids.sanne, name: "Sanne Visser", present: false },
    ]);
    const ticked = ok<CheckInList>(await as.eva.post(`${url}/check-in`, { userId: ids.sanne, present: true }));
    expect(ticked.people.find((p) => p.userId === ids.sanne)?.present).toBe(true);
    // A participant is no trainer: no list, no ticking.
    expect((await as.sanne.get(`${url}/check-in`)).statusCode).toBe(403);
    expect((await as.sanne.post(`${url}/check-in`, { userId: ids.sanne, present: true })).statusCode).toBe(403);
    // Only people with a place can be ticked off.
    const notThere = await as.eva.post(`${url}/check-in`, { userId: ids.admin, present: true });
    expect(notThere.statusCode).toBe(422);

    // Her attendance is her own record, for her learning path, with the session she had a place in.
    const attended = ok<{ items: AttendedEvent[] }>(await as.sanne.get("/api/v1/events/attended"));
    expect(attended.items.find((e) => e.id === event.id)).toEqual({
      id: event.id,
      title: event.title,
      kind: "festival",
      startsAt: expect.any(String),
      sessions: ["Het driegesprek"],
    });
    const daans = ok<{ items: AttendedEvent[] }>(await as.daan.get("/api/v1/events/attended"));
    expect(daans.items.map((e) => e.id)).not.toContain(event.id);

    // Sanne came: she evaluates once. Daan did not come: he cannot.
    const sanne = ok<EventDetail>(await as.sanne.get(url));
    expect(sanne).toMatchObject({ attended: true, evaluation: { open: true, submitted: false } });
    const answers = { overall: 5, usefulness: 4, takeAway: "Ik plan het driegesprek eerder.", suggestion: "" };
    const done = ok<EventDetail>(await as.sanne.post(`${url}/evaluation`, answers));
    expect(done.evaluation).toEqual({ open: false, submitted: true });
    expect((await as.sanne.post(`${url}/evaluation`, answers)).statusCode).toBe(422);
    expect((await as.daan.post(`${url}/evaluation`, answers)).statusCode).toBe(403);

    const summary = ok<EvaluationSummary>(await as.officer.get(`${url}/evaluations`));
    expect(summary).toMatchObject({
      attended: 1,
      responses: 1,
      overall: 5,
      usefulness: 4,
      overallCounts: [0, 0, 0, 0, 1],
      takeAways: ["Ik plan het driegesprek eerder."],
      suggestions: [],
    });
    expect(JSON.stringify(summary)).not.toContain("Sanne");
    expect((await as.sanne.get(`${url}/evaluations`)).statusCode).toBe(403);

    // Taking a tick back is possible, and logged.
    ok(await as.eva.post(`${url}/check-in`, { userId: ids.sanne, present: false }));
    const logged = await t.database.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, event.id), eq(auditEvents.type, "event.attendance")));
    expect(logged.map((l) => l.after)).toEqual([
      { member: "Sanne Visser", present: true },
      { member: "Sanne Visser", present: false },
    ]);
    const untaken = ok<{ items: AttendedEvent[] }>(await as.sanne.get("/api/v1/events/attended"));
    expect(untaken.items.map((e) => e.id)).not.toContain(event.id);
    // Cancelling is over once the event began.
    const tooLate = await as.sanne.post(`${url}/registrations/cancel`, {
      sessionId: session(event, "Het driegesprek").id,
    });
    expect(tooLate.statusCode).toBe(422);
  });

  it("counts events, participants and attendance for the organiser", async () => {
    const before = ok<{ events: number; participants: number; attended: number }>(
      await as.officer.get("/api/v1/events/counts?from=2000-01-01&to=2199-12-31"),
    );
    const event = await makeFestival();
    ok(await as.sanne.post(`/api/v1/events/${event.id}/registrations`, { sessionId: event.sessions[1]?.id }));
    ok(await as.eva.post(`/api/v1/events/${event.id}/registrations`, { sessionId: event.sessions[1]?.id }));
    await beganAnHourAgo(event.id);
    ok(await as.eva.post(`/api/v1/events/${event.id}/check-in`, { userId: ids.sanne, present: true }));
    const after = ok<{ events: number; participants: number; attended: number; attendanceRate: number }>(
      await as.officer.get("/api/v1/events/counts?from=2000-01-01&to=2199-12-31"),
    );
    expect(after.events - before.events).toBe(1);
    expect(after.participants - before.participants).toBe(2);
    expect(after.attended - before.attended).toBe(1);
    expect((await as.sanne.get("/api/v1/events/counts")).statusCode).toBe(403);
  });

  it("shows every member of the network its own and the others' figures, counts only", async () => {
    const ingrid = await t.login("ingrid.bos@dewilgen.example");
    const period = "?from=2000-01-01&to=2199-12-31";
    const network = ok<{
      members: Array<{ name: string; own: boolean; events: number; participants: number; attended: number }>;
      total: { events: number };
    }>(await ingrid.get(`/api/v1/events/network-counts${period}`));
    expect(network.members.map((m) => m.name)).toEqual([
      "Onderwijsstichting Rivierenland",
      "Zorggroep De Linde",
      "Zorggroep De Wilgen",
    ]);
    const linde = network.members.find((m) => m.name === "Zorggroep De Linde");
    const own = ok<{ events: number; participants: number; attended: number }>(
      await as.officer.get(`/api/v1/events/counts${period}`),
    );
    expect(linde).toMatchObject({
      own: false,
      events: own.events,
      participants: own.participants,
      attended: own.attended,
    });
    expect(network.members.find((m) => m.name === "Zorggroep De Wilgen")?.own).toBe(true);
    expect(network.total.events).toBe(network.members.reduce((n, m) => n + m.events, 0));
    expect(JSON.stringify(network)).not.toMatch(/Sanne|Eva|Joost|Daan/);
    expect((await as.daan.get("/api/v1/events/network-counts")).statusCode).toBe(403);
  });
});
