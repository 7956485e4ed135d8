import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../../src/db/connection.js";

/**
 * Migration 0011 on a database with sessions held before it: each held session gets the group
 * size its trajectory's plan says now (recorded from then on, never recomputed), and how it took
 * place only where its location says so plainly.
 */
const dir = join(import.meta.dirname, "../../src/db/migrations");
const files = readdirSync(dir)
  .filter((f) => /^\d{4}_.+\.sql$/.test(f))
  .sort();
const before = files.filter((f) => f < "0011");
const migration = files.find((f) => f.startsWith("0011_")) as string;

const ORG = "00000000-0000-4000-8000-00000000000a";
const SUPERVISIE = "00000000-0000-4000-8000-0000000000b1";
const WERKBEGELEIDING = "00000000-0000-4000-8000-0000000000b2";

let database: Awaited<ReturnType<typeof openPglite>>;
beforeAll(async () => {
  database = await openPglite(undefined);
  for (const file of before) await database.execScript(readFileSync(join(dir, file), "utf8"));
  const meeting = (n: number, trajectory: string, status: string, location: string | null) =>
    `('00000000-0000-4000-8000-00000000010${n}', '${ORG}', '${trajectory}', 'zitting', '2026-03-0${n} 10:00+01', 60, '${status}', ${location === null ? "NULL" : `'${location}'`})`;
  await database.client.exec(`
    INSERT INTO organisations (id, slug, name, primary_color) VALUES ('${ORG}', 'a', 'A', '#123456');
    INSERT INTO regime_versions (organisation_id, hash, document) VALUES
      ('${ORG}', 'sup', '{"evidence": {"category": "supervisie", "groupSizeField": "group_size"}}'),
      ('${ORG}', 'wb', '{"evidence": {"category": "werkbegeleiding", "groupSizeField": null}}');
    INSERT INTO trajectories (id, organisation_id, regime_hash, regime_key, title, status, starts_on, ends_on, plan) VALUES
      ('${SUPERVISIE}', '${ORG}', 'sup', 'supervisie', 'S', 'running', '2026-01-01', '2027-01-01', '{"group_size": "2"}'),
      ('${WERKBEGELEIDING}', '${ORG}', 'wb', 'skj', 'W', 'running', '2026-01-01', '2027-01-01', '{"group_size": "3"}');
    INSERT INTO meetings (id, organisation_id, trajectory_id, type, starts_at, duration_minutes, status, location) VALUES
      ${meeting(1, SUPERVISIE, "held", "Online (beeldbellen)")},
      ${meeting(2, SUPERVISIE, "held", "Telefonisch consult")},
      ${meeting(3, SUPERVISIE, "held", "Praktijk Utrecht")},
      ${meeting(4, SUPERVISIE, "planned", "Online via Teams")},
      ${meeting(5, WERKBEGELEIDING, "held", null)};
  `);
  await database.execScript(readFileSync(join(dir, migration), "utf8"));
}, 240_000);
afterAll(() => database.close());

const rows = async <T>(query: string) => (await database.client.query<T>(query)).rows;

describe(`migration ${migration} on existing sessions`, () => {
  it("records each held session's group size from its plan, where the regime reads one", async () => {
    expect(
      await rows<{ id: string; group_size: number | null }>("SELECT id, group_size FROM meetings ORDER BY id"),
    ).toEqual([
      { id: "00000000-0000-4000-8000-000000000101", group_size: 2 },
      { id: "00000000-0000-4000-8000-000000000102", group_size: 2 },
      { id: "00000000-0000-4000-8000-000000000103", group_size: 2 },
      // Not held, or a regime without a group size: none.
      { id: "00000000-0000-4000-8000-000000000104", group_size: null },
      { id: "00000000-0000-4000-8000-000000000105", group_size: null },
    ]);
  });

  it("fills in how a held session took place only where its location says so, and guesses nothing else", async () => {
    expect(await rows<{ mode: string | null }>("SELECT mode FROM meetings ORDER BY id")).toEqual([
      { mode: "video" },
      { mode: "phone" },
      { mode: null },
      { mode: null },
      { mode: null },
    ]);
  });
});
