import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  intervisionAttendance,
  intervisionGroups,
  intervisionMeetings,
  intervisionMembers,
  memberships,
  users,
} from "../../src/db/schema.js";
import { addDays, dutchToday } from "../../src/domain/dutch-time.js";
import type { GroupDetail, GroupMeetingDetail } from "../../src/domain/intervision/api.js";
import { intervisionRecords } from "../../src/server/intervision/ledger-source.js";
import { inTenant } from "../../src/server/tenancy.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus as ok } from "../support/factories.js";

/**
 * Intervisie through the API: a training officer makes a group, its members plan meetings in
 * turn with the rotation's proposal, record who was there, confirm their own line, write notes
 * only members read, and get the hours credited.
 */

const EMAILS = {
  officer: "joost.smit@delinde.example",
  daan: "daan.bakker@delinde.example",
  fatima: "fatima.yilmaz@delinde.example",
  eva: "eva.mulder@delinde.example",
  admin: "beheer@delinde.example",
  outsider: "peter.jansen@rocwest.example",
} as const;

let t: TestApp;
const as: Record<keyof typeof EMAILS, TestClient> = {} as never;
const ids = {} as Record<keyof typeof EMAILS, string>;

beforeAll(async () => {
  t = await createTestApp();
  for (const [key, email] of Object.entries(EMAILS)) {
    const client = await t.login(email);
    if ((await client.refreshSession()).organisation?.id !== t.orgs.linde)
      await client.post("/api/v1/auth/organisation", { organisationId: t.orgs.linde });
    as[key as keyof typeof EMAILS] = client;
  }
  const rows = await t.database.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, Object.values(EMAILS)));
  for (const [key, email] of Object.entries(EMAILS))
    ids[key as keyof typeof EMAILS] = rows.find((r) => r.email === email)?.id ?? "";
});
afterAll(() => t.close());

const at = (day: string, time: string) => `${day}T${time}:00+01:00`;

/** The groups a test made, removed after it: each test sees only its own, and so do Daan's minutes. */
const madeGroups: string[] = [];
afterEach(async () => {
  const db = t.database.db;
  const groups = madeGroups.splice(0);
  if (!groups.length) return;
  const meetingIds = db
    .select({ id: intervisionMeetings.id })
    .from(intervisionMeetings)
    .where(inArray(intervisionMeetings.groupId, groups));
  await db.delete(intervisionAttendance).where(inArray(intervisionAttendance.meetingId, meetingIds));
  await db.delete(intervisionMeetings).where(inArray(intervisionMeetings.groupId, groups));
  await db.delete(intervisionMembers).where(inArray(intervisionMembers.groupId, groups));
  await db.delete(intervisionGroups).where(inArray(intervisionGroups.id, groups));
});

/** A group made by the training officer: Daan and Fatima, the incident method every six weeks. */
async function makeGroup() {
  const group = ok<GroupDetail>(
    await as.officer.post("/api/v1/intervision/groups", {
      name: "Intervisie jeugd",
      rhythmWeeks: 6,
      meetingMinutes: 90,
      method: "incident",
      memberIds: [ids.daan, ids.fatima],
    }),
    201,
  );
  madeGroups.push(group.id);
  return group;
}

/** The group as the training officer completes it: Joost and then Eva join, and it meets every four weeks by balint. */
async function fullGroup() {
  let group = await makeGroup();
  for (const userId of [ids.officer, ids.eva])
    group = ok<GroupDetail>(await as.officer.post(`/api/v1/intervision/groups/${group.id}/members`, { userId }));
  return ok<GroupDetail>(
    await as.officer.put(`/api/v1/intervision/groups/${group.id}`, {
      name: "Intervisie jeugd en gezin",
      rhythmWeeks: 4,
      meetingMinutes: 120,
      method: "balint",
      version: group.version,
    }),
  );
}

const DAYS = ["2026-03-02", "2026-04-13", "2026-05-25"];

/** Three meetings of the full group, planned in turn by Daan, Fatima and Eva. */
async function threeMeetings() {
  const group = await fullGroup();
  const meetings: GroupMeetingDetail[] = [];
  for (const [i, day] of DAYS.entries())
    meetings.push(
      ok<GroupMeetingDetail>(
        await ([as.daan, as.fatima, as.eva][i] as TestClient).post(`/api/v1/intervision/groups/${group.id}/meetings`, {
          startsAt: at(day, "13:30"),
          endsAt: at(day, "15:00"),
        }),
        201,
      ),
    );
  return { group, meetings };
}

/**
 * The three meetings with the first held (Daan, Fatima and Joost there; Daan and Fatima
 * confirmed) and the second held (Daan and Eva there; Daan confirmed); the third planned.
 */
async function heldMeetings() {
  const { group, meetings } = await threeMeetings();
  const [first, second] = meetings as [GroupMeetingDetail, GroupMeetingDetail];
  const held = async (who: TestClient, meeting: GroupMeetingDetail, presentIds: string[]) =>
    ok(await who.post(`/api/v1/intervision/meetings/${meeting.id}/held`, { version: meeting.version, presentIds }));
  const confirm = async (who: TestClient, meeting: GroupMeetingDetail, userId: string) =>
    ok(await who.post(`/api/v1/intervision/meetings/${meeting.id}/attendance/confirm`, { userId }));
  await held(as.daan, first, [ids.daan, ids.fatima, ids.officer]);
  await confirm(as.daan, first, ids.daan);
  await confirm(as.fatima, first, ids.fatima);
  await held(as.eva, second, [ids.daan, ids.eva]);
  await confirm(as.daan, second, ids.daan);
  return { group, meetings };
}

describe("groups", () => {
  it("lets the training officer make a group with members, and warns about its size", async () => {
    const candidates = await ok<Array<{ userId: string; name: string }>>(
      await as.officer.get("/api/v1/intervision/candidates"),
    );
    expect(candidates.map((c) => c.userId)).toContain(ids.daan);
    const group = await ok<GroupDetail>(
      await as.officer.post("/api/v1/intervision/groups", {
        name: "Intervisie jeugd",
        rhythmWeeks: 6,
        meetingMinutes: 90,
        method: "incident",
        memberIds: [ids.daan, ids.fatima],
      }),
      201,
    );
    madeGroups.push(group.id);
    expect(group.members.map((m) => m.name)).toEqual(["Daan Bakker", "Fatima Yılmaz"]);
    expect(group.warnings).toEqual([{ kind: "tooFew", count: 2, min: 3 }]);
    expect(group.abilities.manage).toBe(true);
    expect(group.abilities.plan).toBe(false);
  });

  it("points a stranger among the members at the row that was sent, duplicates before it included", async () => {
    const [rivier] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "lisa.dekker@rivierenland.example"));
    const response = await as.officer.post("/api/v1/intervision/groups", {
      name: "Met een vreemde",
      rhythmWeeks: 6,
      meetingMinutes: 90,
      method: "incident",
      memberIds: [ids.daan, ids.daan, ids.fatima, rivier?.id],
    });
    expect(response.statusCode).toBe(422);
    expect(Object.keys(response.json().errors)).toEqual(["memberIds.3"]);
  });

  it("refuses making groups to others, and hides the group from non-members who do not manage", async () => {
    const group = await makeGroup();
    const refused = await as.daan.post("/api/v1/intervision/groups", {
      name: "Eigen groep",
      rhythmWeeks: 6,
      meetingMinutes: 90,
      method: "incident",
    });
    expect(refused.statusCode).toBe(403);
    expect((await as.eva.get(`/api/v1/intervision/groups/${group.id}`)).statusCode).toBe(404);
    const evaList = await ok<{ items: unknown[] }>(await as.eva.get("/api/v1/intervision/groups"));
    expect(evaList.items).toEqual([]);
    const adminList = await ok<{ items: Array<{ id: string }> }>(await as.admin.get("/api/v1/intervision/groups"));
    expect(adminList.items.map((g) => g.id)).toContain(group.id);
  });

  it("adds and removes members, with field errors for strangers and doubles", async () => {
    let group = await makeGroup();
    group = await ok(await as.officer.post(`/api/v1/intervision/groups/${group.id}/members`, { userId: ids.eva }));
    group = await ok(await as.officer.post(`/api/v1/intervision/groups/${group.id}/members`, { userId: ids.officer }));
    expect(group.members).toHaveLength(4);
    expect(group.warnings).toEqual([]);
    const twice = await as.officer.post(`/api/v1/intervision/groups/${group.id}/members`, { userId: ids.eva });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors.userId).toBeTruthy();
    const [rivier] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "lisa.dekker@rivierenland.example"));
    const stranger = await as.officer.post(`/api/v1/intervision/groups/${group.id}/members`, { userId: rivier?.id });
    expect(stranger.statusCode).toBe(422);
    expect(
      (await as.daan.post(`/api/v1/intervision/groups/${group.id}/members`, { userId: ids.admin })).statusCode,
    ).toBe(403);
    // Remove and add back: one line per person, joined again.
    group = await ok(
      await as.officer.post(`/api/v1/intervision/groups/${group.id}/members/remove`, { userId: ids.eva }),
    );
    expect(group.members.map((m) => m.name)).not.toContain("Eva Mulder");
    group = await ok(await as.officer.post(`/api/v1/intervision/groups/${group.id}/members`, { userId: ids.eva }));
    expect(group.members.map((m) => m.name)).toContain("Eva Mulder");
  });

  it("warns by name when a member manages another (memberships.manager_id)", async () => {
    const group = await fullGroup();
    const rows = await t.database.db
      .select({ id: memberships.id, userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organisationId, t.orgs.linde), inArray(memberships.userId, [ids.daan, ids.fatima])));
    const fatima = rows.find((r) => r.userId === ids.fatima)?.id ?? "";
    const daan = rows.find((r) => r.userId === ids.daan)?.id ?? "";
    await t.database.db.update(memberships).set({ managerId: fatima }).where(eq(memberships.id, daan));
    try {
      const seen = await ok<GroupDetail>(await as.officer.get(`/api/v1/intervision/groups/${group.id}`));
      expect(seen.warnings).toEqual([
        {
          kind: "authority",
          manager: "Fatima Yılmaz",
          managerUserId: ids.fatima,
          report: "Daan Bakker",
          reportUserId: ids.daan,
        },
      ]);
    } finally {
      await t.database.db.update(memberships).set({ managerId: null }).where(eq(memberships.id, daan));
    }
  });

  it("changes the group with its version, 409 on a stale one", async () => {
    const group = await makeGroup();
    const body = { name: "Intervisie jeugd en gezin", rhythmWeeks: 4, meetingMinutes: 120, method: "balint" };
    const saved = await ok<GroupDetail>(
      await as.officer.put(`/api/v1/intervision/groups/${group.id}`, { ...body, version: group.version }),
    );
    expect(saved.version).toBe(group.version + 1);
    expect(saved.method).toBe("balint");
    const stale = await as.officer.put(`/api/v1/intervision/groups/${group.id}`, { ...body, version: group.version });
    expect(stale.statusCode).toBe(409);
    expect(
      (await as.daan.put(`/api/v1/intervision/groups/${group.id}`, { ...body, version: saved.version })).statusCode,
    ).toBe(403);
  });
});

describe("three meetings", () => {
  const days = DAYS;

  it("plans three meetings in turn, the proposed case bringer rotating to whoever brought one in least recently", async () => {
    const group = await fullGroup();
    const meetings: GroupMeetingDetail[] = [];
    const planners = [as.daan, as.fatima, as.eva];
    const bringers: string[] = [];
    for (const [i, day] of days.entries()) {
      const before = await ok<GroupDetail>(
        await (planners[i] as TestClient).get(`/api/v1/intervision/groups/${group.id}`),
      );
      const proposed = before.proposal.caseBringer?.userId;
      expect(proposed).toBeTruthy();
      expect(bringers).not.toContain(proposed);
      const planned = await ok<GroupMeetingDetail>(
        await (planners[i] as TestClient).post(`/api/v1/intervision/groups/${group.id}/meetings`, {
          startsAt: at(day, "13:30"),
          endsAt: at(day, "15:00"),
        }),
        201,
      );
      expect(planned.caseBringer?.userId).toBe(proposed);
      expect(planned.method).toBe("balint");
      expect(planned.steps).toHaveLength(10);
      bringers.push(proposed as string);
      meetings.push(planned);
    }
    // Joined first comes first: the initial members, by name, before those added later.
    expect(bringers.slice(0, 2)).toEqual([ids.daan, ids.fatima]);
    const after = await ok<GroupDetail>(await as.daan.get(`/api/v1/intervision/groups/${group.id}`));
    expect(after.proposal.caseBringer?.userId).not.toBe(undefined);
    expect(bringers).not.toContain(after.proposal.caseBringer?.userId);
    // Every 4 weeks after the last meeting, from today on.
    const next = after.proposal.dates[0] as string;
    expect((Date.parse(next) - Date.parse(days[2] as string)) % (28 * 86_400_000)).toBe(0);
    expect(next >= new Date().toISOString().slice(0, 10) || next > (days[2] as string)).toBe(true);
  });

  it("refuses planning to non-members, including the admin and the training officer who is not in the group", async () => {
    const group = await fullGroup();
    const body = { startsAt: at("2026-07-06", "13:30"), endsAt: at("2026-07-06", "15:00") };
    expect((await as.admin.post(`/api/v1/intervision/groups/${group.id}/meetings`, body)).statusCode).toBe(403);
    expect((await as.outsider.post(`/api/v1/intervision/groups/${group.id}/meetings`, body)).statusCode).toBe(404);
    const backwards = await as.daan.post(`/api/v1/intervision/groups/${group.id}/meetings`, {
      startsAt: at("2026-07-06", "15:00"),
      endsAt: at("2026-07-06", "13:30"),
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors.endsAt).toBeTruthy();
    const stranger = await as.daan.post(`/api/v1/intervision/groups/${group.id}/meetings`, {
      ...body,
      caseBringerId: ids.admin,
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors.caseBringerId).toBeTruthy();
  });

  it("records who was there; each present member confirms their own line only", async () => {
    const { meetings } = await threeMeetings();
    const [first] = meetings as [GroupMeetingDetail];
    const url = `/api/v1/intervision/meetings/${first.id}`;
    const notYet = await as.daan.post(`${url}/attendance/confirm`, { userId: ids.daan });
    expect(notYet.statusCode).toBe(422);
    const held = await ok<GroupMeetingDetail>(
      await as.daan.post(`${url}/held`, { version: first.version, presentIds: [ids.daan, ids.fatima, ids.officer] }),
    );
    expect(held.status).toBe("held");
    expect(held.attendance.map((a) => [a.name, a.present])).toEqual([
      ["Daan Bakker", true],
      ["Eva Mulder", false],
      ["Fatima Yılmaz", true],
      ["Joost Smit", true],
    ]);
    expect(held.abilities.confirm).toBe(true);
    // Someone else's line: refused, also for the admin.
    expect((await as.fatima.post(`${url}/attendance/confirm`, { userId: ids.daan })).statusCode).toBe(403);
    expect((await as.admin.post(`${url}/attendance/confirm`, { userId: ids.daan })).statusCode).toBe(403);
    // Absent: nothing to confirm.
    expect((await as.eva.post(`${url}/attendance/confirm`, { userId: ids.eva })).statusCode).toBe(422);
    const confirmed = await ok<GroupMeetingDetail>(
      await as.daan.post(`${url}/attendance/confirm`, { userId: ids.daan }),
    );
    expect(confirmed.attendance.find((a) => a.userId === ids.daan)?.confirmedAt).toBeTruthy();
    expect(confirmed.attendance.find((a) => a.userId === ids.fatima)?.confirmedAt).toBeNull();
    expect(confirmed.abilities.confirm).toBe(false);
    await ok(await as.fatima.post(`${url}/attendance/confirm`, { userId: ids.fatima }));

    // The second meeting: held, confirmed by Daan only; the third stays planned.
    const second = meetings[1] as GroupMeetingDetail;
    await ok(
      await as.eva.post(`/api/v1/intervision/meetings/${second.id}/held`, {
        version: second.version,
        presentIds: [ids.daan, ids.eva],
      }),
    );
    await ok(await as.daan.post(`/api/v1/intervision/meetings/${second.id}/attendance/confirm`, { userId: ids.daan }));
  });

  it("shows notes to members only, not to the admin who is no member", async () => {
    const { meetings } = await heldMeetings();
    const [first] = meetings as [GroupMeetingDetail];
    const url = `/api/v1/intervision/meetings/${first.id}`;
    const current = await ok<GroupMeetingDetail>(await as.daan.get(url));
    const saved = await ok<GroupMeetingDetail>(
      await as.fatima.put(`${url}/notes`, { version: current.version, notes: "Casus over een moeilijk gesprek." }),
    );
    expect(saved.notes).toBe("Casus over een moeilijk gesprek.");
    const stale = await as.daan.put(`${url}/notes`, { version: current.version, notes: "Overschreven" });
    expect(stale.statusCode).toBe(409);
    const adminView = await ok<GroupMeetingDetail>(await as.admin.get(url));
    expect(adminView.notes).toBeNull();
    expect(adminView.abilities.notes).toBe(false);
    expect(adminView.attendance).toHaveLength(4);
    expect((await as.admin.put(`${url}/notes`, { version: saved.version, notes: "x" })).statusCode).toBe(403);
    expect((await as.outsider.get(url)).statusCode).toBe(404);
    // The audit log says notes were saved, never what they say.
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, first.id));
    expect(events.map((e) => e.type)).toContain("intervisionMeeting.notesSaved");
    expect(JSON.stringify(events)).not.toContain("moeilijk gesprek");
  });

  it("credits each present, confirmed member the meeting's minutes", async () => {
    const { group, meetings } = await heldMeetings();
    const seen = await ok<GroupDetail>(await as.officer.get(`/api/v1/intervision/groups/${group.id}`));
    const minutes = Object.fromEntries(seen.members.map((m) => [m.name, m.minutes]));
    expect(minutes).toEqual({ "Daan Bakker": 180, "Fatima Yılmaz": 90, "Joost Smit": 0, "Eva Mulder": 0 });
    const records = await inTenant(
      t.database.db,
      { userId: ids.daan, organisationId: t.orgs.linde, membershipId: "", roles: [] },
      (tx) => intervisionRecords(tx, t.orgs.linde, ids.daan, "2026-01-01", "2026-12-31"),
    );
    expect(records.map((r) => [r.date, r.minutes, r.groupName])).toEqual([
      ["2026-03-02", 90, "Intervisie jeugd en gezin"],
      ["2026-04-13", 90, "Intervisie jeugd en gezin"],
    ]);
    expect(records[0]?.link).toBe(`/intervisie/${group.id}/bijeenkomsten/${meetings[0]?.id}`);
    const march = await inTenant(
      t.database.db,
      { userId: ids.daan, organisationId: t.orgs.linde, membershipId: "", roles: [] },
      (tx) => intervisionRecords(tx, t.orgs.linde, ids.daan, "2026-03-02", "2026-03-02"),
    );
    expect(march).toHaveLength(1);
  });

  it("moving a held meeting asks the members to confirm again; a stale version is 409", async () => {
    const { meetings } = await threeMeetings();
    const third = meetings[2] as GroupMeetingDetail;
    const url = `/api/v1/intervision/meetings/${third.id}`;
    const body = {
      version: third.version,
      startsAt: at("2026-05-26", "13:30"),
      endsAt: at("2026-05-26", "15:30"),
      method: "socratic",
      caseBringerId: third.caseBringer?.userId ?? null,
      status: "planned",
    };
    const moved = await ok<GroupMeetingDetail>(await as.eva.put(url, body));
    expect(moved.minutes).toBe(120);
    expect(moved.steps[0]?.nl).toContain("casus");
    expect((await as.eva.put(url, body)).statusCode).toBe(409);
    const [row] = await t.database.db.select().from(intervisionMeetings).where(eq(intervisionMeetings.id, third.id));
    expect(row?.method).toBe("socratic");
  });

  it("records a meeting as held only once it has started, and keeps a held one from moving ahead", async () => {
    const { group, meetings } = await heldMeetings();
    const inThreeDays = addDays(dutchToday(), 3);
    const coming = await ok<GroupMeetingDetail>(
      await as.daan.post(`/api/v1/intervision/groups/${group.id}/meetings`, {
        startsAt: at(inThreeDays, "13:30"),
        endsAt: at(inThreeDays, "15:00"),
      }),
      201,
    );
    const early = await as.daan.post(`/api/v1/intervision/meetings/${coming.id}/held`, {
      version: coming.version,
      presentIds: [ids.daan, ids.fatima],
    });
    expect(early.statusCode).toBe(422);
    expect(early.headers["content-type"]).toContain("application/problem+json");
    expect(early.json().title).toMatch(/wanneer ze is begonnen/);
    const still = await ok<GroupMeetingDetail>(await as.daan.get(`/api/v1/intervision/meetings/${coming.id}`));
    expect(still.status).toBe("planned");
    expect(still.attendance.filter((a) => a.present)).toEqual([]);

    // The first meeting was held; it cannot be moved to a day still to come.
    const first = await ok<GroupMeetingDetail>(await as.daan.get(`/api/v1/intervision/meetings/${meetings[0]?.id}`));
    expect(first.status).toBe("held");
    const ahead = await as.daan.put(`/api/v1/intervision/meetings/${first.id}`, {
      version: first.version,
      startsAt: at(inThreeDays, "09:00"),
      endsAt: at(inThreeDays, "10:30"),
      method: first.method,
      caseBringerId: first.caseBringer?.userId ?? null,
      status: "planned",
    });
    expect(ahead.statusCode).toBe(422);
    expect(Object.keys(ahead.json().errors)).toEqual(["startsAt"]);
  });

  it("archives the group: no more meetings planned", async () => {
    const group = await makeGroup();
    const current = await ok<GroupDetail>(await as.officer.get(`/api/v1/intervision/groups/${group.id}`));
    const archived = await ok<GroupDetail>(
      await as.officer.post(`/api/v1/intervision/groups/${group.id}/archive`, { version: current.version }),
    );
    expect(archived.archived).toBe(true);
    const refused = await as.daan.post(`/api/v1/intervision/groups/${group.id}/meetings`, {
      startsAt: at("2026-08-03", "13:30"),
      endsAt: at("2026-08-03", "15:00"),
    });
    expect(refused.statusCode).toBe(422);
  });
});
