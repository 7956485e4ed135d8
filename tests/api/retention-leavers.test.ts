import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/connection.js";
import { addDays, addMonths, dutchToday } from "../../src/domain/dutch-time.js";
import type { PersonDetail } from "../../src/domain/people/api.js";
import type { RetentionOverview } from "../../src/domain/privacy/retention-api.js";
import { applyRetentionFor, MEMBERSHIP_PARTS } from "../../src/server/privacy/retention.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { fixtureModule, fixtureScan } from "../support/fixtures.js";
import { rowsPerPart } from "../support/retention.js";

/**
 * What a person kept in an organisation for their own learning (scans and who gave feedback on
 * them, learning paths, modules, events, trainer records) goes 24 months after they left it
 * (decision 0042): counted from the day their membership was deactivated, in that organisation
 * only. Someone who left recently, or still works there, keeps theirs.
 */

let t: TestApp;
let admin: TestClient;
const today = dutchToday();

/** The person's rows of each part in the organisation. */
const rowsOf = (userId: string, organisationId: string) =>
  rowsPerPart(
    t,
    MEMBERSHIP_PARTS,
    (part) => sql`organisation_id = ${organisationId} and (${part.rows(sql`select ${userId}::uuid`)})`,
  );

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Every row of the parts in the organisation, per table. */
const allRows = (organisationId: string) =>
  rowsPerPart(t, MEMBERSHIP_PARTS, () => sql`organisation_id = ${organisationId}`);

const endedOn = async (membershipId: string) => {
  const [row] = await queryRows<{ ended_on: string | null }>(
    t.database.db,
    sql`select ended_on::text from memberships where id = ${membershipId}`,
  );
  return row?.ended_on ?? null;
};

let sanne: { id: string; userId: string };
let eva: { id: string; userId: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, "beheer@delinde.example");
  // Sanne's finished scan with a colleague's feedback, and her module with an assignment.
  await fixtureScan(t);
  await fixtureModule(t);
  sanne = await t.membershipOf("sanne.visser@netwerk.example");
  eva = await t.membershipOf("eva.mulder@delinde.example");
});
afterAll(() => t.close());

const person = async (id: string) => expectStatus<PersonDetail>(await admin.get(`/api/v1/people/${id}`));
const deactivate = async (id: string) =>
  expectStatus<PersonDetail>(
    await admin.post(`/api/v1/people/${id}/deactivate`, { version: (await person(id)).version }),
  );

describe("the day a membership ended", () => {
  it("is set when the person is deactivated and cleared when they come back", async () => {
    await deactivate(sanne.id);
    expect(await endedOn(sanne.id)).toBe(today);
    expectStatus(
      await admin.post(`/api/v1/people/${sanne.id}/reactivate`, { version: (await person(sanne.id)).version }),
    );
    expect(await endedOn(sanne.id)).toBeNull();
  });
});

describe("a person's own records after they left", () => {
  it("stay while the person works there, and for 24 months after they left", async () => {
    expect(sum(await rowsOf(sanne.userId, t.orgs.linde))).toBeGreaterThan(0);
    await deactivate(sanne.id);
    await deactivate(eva.id);
    await t.database.db.execute(sql`update memberships set ended_on = ${addMonths(today, -24)} where id = ${sanne.id}`);
    const overview = expectStatus<RetentionOverview>(await admin.get("/api/v1/retention"));
    for (const part of MEMBERSHIP_PARTS)
      expect(overview.kinds.find((k) => k.table === part.table)?.due, part.table).toBe(0);
  });

  it("go the day after, in the organisation they left only, as the dry run said", async () => {
    await t.database.db.execute(
      sql`update memberships set ended_on = ${addDays(addMonths(today, -24), -1)} where id = ${sanne.id}`,
    );
    const hers = await rowsOf(sanne.userId, t.orgs.linde);
    const evas = await rowsOf(eva.userId, t.orgs.linde);
    const linde = await allRows(t.orgs.linde);
    const rivier = await allRows(t.orgs.rivier);
    // Her scan is finished, which the application may never delete.
    expect(hers.competence_scans).toBeGreaterThan(0);
    expect(hers.scan_friends).toBeGreaterThan(0);
    expect(hers.module_assignments).toBeGreaterThan(0);

    const overview = expectStatus<RetentionOverview>(await admin.get("/api/v1/retention"));
    const due = Object.fromEntries(overview.kinds.map((k) => [k.table, k.due]));
    for (const part of MEMBERSHIP_PARTS) expect(due[part.table], part.table).toBe(hers[part.table]);

    const removed = await applyRetentionFor(t.database.db, t.orgs.linde);
    for (const part of MEMBERSHIP_PARTS) expect(removed[part.table], part.table).toBe(hers[part.table]);
    expect(sum(await rowsOf(sanne.userId, t.orgs.linde))).toBe(0);
    expect(await rowsOf(eva.userId, t.orgs.linde)).toEqual(evas);
    const after = await allRows(t.orgs.linde);
    for (const part of MEMBERSHIP_PARTS)
      expect(after[part.table], part.table).toBe((linde[part.table] ?? 0) - (hers[part.table] ?? 0));
    // Her registration in a register stays while the register may audit what it served.
    const registrations = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from registrations where organisation_id = ${t.orgs.linde} and membership_id = ${sanne.id}`,
    );
    expect(registrations).toHaveLength(1);
    expect(removed.registrations).toBe(0);
    // She still works for Rivierenland: nothing of hers there changes.
    expect(await allRows(t.orgs.rivier)).toEqual(rivier);
    expect((await person(sanne.id)).status).toBe("deactivated");
  });

  it("her registration goes once the register's audit of the re-registration it served has passed", async () => {
    const rivierBefore = await queryRows(
      t.database.db,
      sql`select * from registrations where organisation_id = ${t.orgs.rivier}`,
    );
    await t.database.db.execute(
      sql`update registrations set reregistration_date = ${addMonths(today, -12)}, valid_until = ${addMonths(today, -12)}
          where organisation_id = ${t.orgs.linde} and membership_id = ${sanne.id}`,
    );
    const due = async () =>
      expectStatus<RetentionOverview>(await admin.get("/api/v1/retention")).kinds.find(
        (k) => k.table === "registrations",
      )?.due;
    expect(await due()).toBe(0);
    await t.database.db.execute(
      sql`update registrations set reregistration_date = ${addDays(addMonths(today, -12), -1)}
          where organisation_id = ${t.orgs.linde} and membership_id = ${sanne.id}`,
    );
    expect(await due()).toBe(1);
    expect((await applyRetentionFor(t.database.db, t.orgs.linde)).registrations).toBe(1);
    const left = await queryRows(
      t.database.db,
      sql`select id from registrations where organisation_id = ${t.orgs.linde} and membership_id = ${sanne.id}`,
    );
    expect(left).toEqual([]);
    // Eva left only today; Rivierenland keeps Sanne's.
    expect(
      await queryRows(t.database.db, sql`select * from registrations where organisation_id = ${t.orgs.rivier}`),
    ).toEqual(rivierBefore);
  });
});
