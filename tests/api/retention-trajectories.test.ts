import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/connection.js";
import { addDays, addMonths, dutchToday } from "../../src/domain/dutch-time.js";
import type { RetentionOverview } from "../../src/domain/privacy/retention-api.js";
import { DEMO_PASSWORD } from "../../src/server/demo/seed.js";
import { applyRetentionFor, TRAJECTORY_PARTS } from "../../src/server/privacy/retention.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { refusal } from "../support/database.js";
import { createTrajectory, day, expectStatus, signIn } from "../support/factories.js";
import { idsOf, rowsPerPart, tablesHangingOff } from "../support/retention.js";

/**
 * Trajectories past their time (decision 0042): once the guidance ended longer ago than the
 * organisation keeps guidance, and no register may still audit it, a trajectory leaves whole —
 * its meetings, shared feedback, final report, signed declarations and their issued PDFs with it.
 * One a register may still audit stays; so does every other organisation's.
 */

let t: TestApp;
let admin: TestClient;
const today = dutchToday();

const one = async <T>(query: ReturnType<typeof sql>) => {
  const [row] = await queryRows<T>(t.database.db, query);
  if (!row) throw new Error("the demo data lacks what this test needs");
  return row;
};

/** How many rows of each part of the trajectory there are. */
const partsOf = (id: string) => rowsPerPart(t, TRAJECTORY_PARTS, (part) => part.rows(idsOf(id)));

/** The guidance ended on `on`, as a closing status would have it. */
const close = (id: string, on: string) =>
  t.database.db.execute(
    sql`update trajectories set closed = true, status = 'completed', status_on = ${on} where id = ${id}`,
  );

let teacher: string; // Daan's guidance with shared feedback
let skj: string; // Daan's SKJ werkbegeleiding, its start declaration signed by both
let recent: string; // a BPV trajectory of others that ended a year ago
let rivier: string; // another organisation's, ended long ago
const longAgo = addMonths(today, -36);

/** Daan's and Sanne's registrations in De Linde: their re-registration dates, for the register's hold. */
const reregistered = (on: string) =>
  t.database.db.execute(
    sql`update registrations set reregistration_date = ${on} where organisation_id = ${t.orgs.linde}`,
  );

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, "beheer@delinde.example");
  const client = await t.login("fatima.yilmaz@delinde.example");
  const guide = await signIn(t, "sanne.visser@netwerk.example");
  const trainee = await t.login("daan.bakker@delinde.example");
  teacher = (
    await createTrajectory(t, {
      title: "Begeleiding van lang geleden",
      goals: ["Instructie op drie niveaus"],
      meetings: [{ type: "feedback_conversation", feedback: { summary: "Goed gesprek" } }],
    })
  ).id;
  const verdict = "eligible" as const;
  skj = (
    await createTrajectory(t, {
      regime: "skj_werkbegeleiding",
      title: "Werkbegeleiding SKJ van lang geleden",
      by: client,
      guide,
      startsOn: day(-60),
      endsOn: day(300),
      eligibility: { verdict, rule: { nl: "Ervaren", en: "Experienced" }, reasons: [] },
      plan: {
        vorm: "Individueel, elke twee weken.",
        inhoud: "Casuïstiek en handelingsplannen.",
        intensiteit: "Eerst om de twee weken, daarna maandelijks.",
        organisatievorm: "traditioneel",
      },
    })
  ).id;
  const listed = expectStatus<{ items: { id: string; key: string }[] }>(
    await trainee.get(`/api/v1/trajectories/${skj}/declarations`),
  );
  const start = listed.items.find((d) => d.key === "start")?.id;
  for (const signer of [trainee, guide])
    expectStatus(await signer.post(`/api/v1/declarations/${start}/sign`, { password: DEMO_PASSWORD }));
  ({ id: recent } = await one<{ id: string }>(
    sql`select id from trajectories where organisation_id = ${t.orgs.linde} and regime_key = 'bpv' and not closed limit 1`,
  ));
  ({ id: rivier } = await one<{ id: string }>(
    sql`select id from trajectories where organisation_id = ${t.orgs.rivier} limit 1`,
  ));
  await close(teacher, longAgo);
  await close(skj, longAgo);
  await close(recent, addMonths(today, -12));
  await close(rivier, longAgo);
});
afterAll(() => t.close());

describe("the frozen records of a trajectory", () => {
  it("stay frozen for the application, even in a transaction that claims to be the retention job", async () => {
    const attempt = t.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('koers.retention', 'on', true), set_config('role', 'koers_app', true), set_config('app.org_id', ${t.orgs.linde}, true)`,
      );
      await tx.execute(
        sql`delete from feedback_records where organisation_id = ${t.orgs.linde} and shared_at is not null`,
      );
    });
    expect(await refusal(attempt)).toMatch(/shared|permission denied/);
    // On the owner connection too, outside the retention job.
    const signatures = sql`delete from declaration_signatures where organisation_id = ${t.orgs.linde}`;
    expect(await refusal(t.database.db.execute(signatures))).toMatch(/cannot be changed or removed/);
  });
});

describe("a trajectory past its time", () => {
  it("stays, with all its parts, while a register may still audit the guidance", async () => {
    // Daan and Sanne re-register next year: guidance that ended three years ago counts towards that.
    await reregistered(addMonths(today, 12));
    const overview = expectStatus<RetentionOverview>(await admin.get("/api/v1/retention"));
    expect(overview.kinds.find((k) => k.table === "trajectories")?.due).toBe(0);
    const before = [await partsOf(teacher), await partsOf(skj)];
    expect((await applyRetentionFor(t.database.db, t.orgs.linde)).trajectories).toBe(0);
    expect([await partsOf(teacher), await partsOf(skj)]).toEqual(before);
  });

  it("once the re-registration it served has passed by the audit months, leaves whole, as the dry run said", async () => {
    // Re-registered two years ago: the guidance served that one, whose audit ended a year later.
    await reregistered(addMonths(today, -24));
    const parts = [await partsOf(teacher), await partsOf(skj)];
    // What the application may never delete: shared feedback, signatures, issued PDFs.
    expect(parts[0]?.feedback_records).toBeGreaterThan(0);
    expect(parts[1]?.declaration_signatures).toBe(2);
    expect(parts[1]?.archived_documents).toBeGreaterThan(0);
    const recentBefore = await partsOf(recent);
    const rivierBefore = await partsOf(rivier);
    const overview = expectStatus<RetentionOverview>(await admin.get("/api/v1/retention"));
    const due = Object.fromEntries(overview.kinds.map((k) => [k.table, k.due]));
    // With them, the demo's own BPV trajectories that ended long ago.
    expect(due.trajectories).toBeGreaterThanOrEqual(2);

    const removed = await applyRetentionFor(t.database.db, t.orgs.linde);
    for (const part of TRAJECTORY_PARTS.filter((p) => p.table in due)) {
      expect(removed[part.table], part.table).toBe(due[part.table]);
      const ours = (parts[0]?.[part.table] ?? 0) + (parts[1]?.[part.table] ?? 0);
      expect(removed[part.table], part.table).toBeGreaterThanOrEqual(ours);
    }
    expect(Object.values(await partsOf(teacher)).every((n) => n === 0)).toBe(true);
    expect(Object.values(await partsOf(skj)).every((n) => n === 0)).toBe(true);
    expect(await partsOf(recent)).toEqual(recentBefore);
    expect(await partsOf(rivier)).toEqual(rivierBefore);
    expect((await admin.get(`/api/v1/trajectories/${teacher}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/trajectories/${recent}`)).statusCode).toBe(200);
  });

  it("goes by the guidance period the organisation chose, within its range", async () => {
    await t.database.db.execute(sql`delete from registrations where organisation_id = ${t.orgs.linde}`);
    await close(recent, addDays(addMonths(today, -12), -1));
    const before = await partsOf(recent);
    await applyRetentionFor(t.database.db, t.orgs.linde);
    expect(await partsOf(recent)).toEqual(before);
    const outOfRange = await admin.put("/api/v1/retention/periods", { periods: { trajectories: 6 } });
    expect(outOfRange.statusCode).toBe(422);
    expectStatus(await admin.put("/api/v1/retention/periods", { periods: { trajectories: 12 } }));
    const overview = expectStatus<RetentionOverview>(await admin.get("/api/v1/retention"));
    expect(overview.kinds.find((k) => k.table === "trajectories")?.due).toBeGreaterThanOrEqual(1);
    await applyRetentionFor(t.database.db, t.orgs.linde);
    expect(Object.values(await partsOf(recent)).every((n) => n === 0)).toBe(true);
    expect(await partsOf(rivier)).toMatchObject({ trajectories: 1 });
  });
});

describe("the list of a trajectory's parts", () => {
  it("holds every table that hangs off a trajectory, so none is left behind or blocks the delete", async () => {
    // The issued PDFs name their declaration or trajectory without a foreign key.
    expect([...(await tablesHangingOff(t, "trajectories")), "archived_documents"].sort()).toEqual(
      TRAJECTORY_PARTS.map((p) => p.table).sort(),
    );
  });
});
