import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  intervisionAttendance,
  intervisionGroups,
  intervisionMeetings,
  intervisionMembers,
} from "../../src/db/schema.js";
import { addMonths, dutchToday } from "../../src/domain/dutch-time.js";
import type { RetentionOverview } from "../../src/domain/privacy/retention-api.js";
import { applyRetentionFor, GROUP_PARTS } from "../../src/server/privacy/retention.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { idsOf, rowsPerPart, tablesHangingOff } from "../support/retention.js";

/**
 * An intervision group leaves whole, with its members, meetings and attendance, once it was
 * archived and its last meeting lies longer ago than the guidance is kept, and no register may
 * still audit that intervision (decision 0042). A group still meeting stays, however old.
 */

let t: TestApp;
let admin: TestClient;
const today = dutchToday();
const MONTH = 30 * 86_400_000;

/** A group of De Linde with Daan as member and one meeting he attended, `monthsAgo` months ago. */
async function group(name: string, archived: boolean, monthsAgo: number) {
  const daan = await t.membershipOf("daan.bakker@delinde.example");
  const at = new Date(Date.now() - monthsAgo * MONTH);
  const [made] = await t.database.db
    .insert(intervisionGroups)
    .values({
      organisationId: t.orgs.linde,
      name,
      rhythmWeeks: 6,
      meetingMinutes: 90,
      method: "incident",
      archived,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  const id = made?.id ?? "";
  await t.database.db
    .insert(intervisionMembers)
    .values({ organisationId: t.orgs.linde, groupId: id, userId: daan.userId });
  const [meeting] = await t.database.db
    .insert(intervisionMeetings)
    .values({
      organisationId: t.orgs.linde,
      groupId: id,
      startsAt: at,
      endsAt: new Date(at.getTime() + 90 * 60_000),
      method: "incident",
      status: "held",
    })
    .returning();
  await t.database.db
    .insert(intervisionAttendance)
    .values({ organisationId: t.orgs.linde, meetingId: meeting?.id ?? "", userId: daan.userId, present: true });
  return id;
}

const partsOf = (id: string) => rowsPerPart(t, GROUP_PARTS, (part) => part.rows(idsOf(id)));

/** Daan's registrations in De Linde: their re-registration date, for the register's hold. */
const reregistered = (on: string) =>
  t.database.db.execute(
    sql`update registrations set reregistration_date = ${on} where organisation_id = ${t.orgs.linde}`,
  );

const dueGroups = async () =>
  expectStatus<RetentionOverview>(await admin.get("/api/v1/retention")).kinds.find(
    (k) => k.table === "intervision_groups",
  )?.due;

let ended: string;
let meeting: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, "beheer@delinde.example");
  ended = await group("Intervisie van lang geleden", true, 36);
  meeting = await group("Intervisie die nog bijeenkomt", false, 36);
});
afterAll(() => t.close());

describe("an archived intervision group", () => {
  it("stays while a register may still audit the intervision of its members", async () => {
    await reregistered(addMonths(today, 12));
    expect(await dueGroups()).toBe(0);
    expect((await applyRetentionFor(t.database.db, t.orgs.linde)).intervision_groups).toBe(0);
    expect(await partsOf(ended)).toMatchObject({ intervision_groups: 1, intervision_meetings: 1 });
  });

  it("leaves whole once that audit has passed, as the dry run said; a group still meeting stays", async () => {
    await reregistered(addMonths(today, -24));
    const before = await partsOf(ended);
    const stillMeeting = await partsOf(meeting);
    expect(await dueGroups()).toBe(1);
    const removed = await applyRetentionFor(t.database.db, t.orgs.linde);
    expect(removed).toMatchObject(before);
    expect(Object.values(await partsOf(ended)).every((n) => n === 0)).toBe(true);
    expect(await partsOf(meeting)).toEqual(stillMeeting);
  });

  it("has every table that hangs off a group among its parts", async () => {
    expect((await tablesHangingOff(t, "intervision_groups")).sort()).toEqual(GROUP_PARTS.map((p) => p.table).sort());
  });
});
