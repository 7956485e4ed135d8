import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../../src/db/connection.js";

/**
 * Migration 0013 on trajectories started before declarations were made at the start: each gets
 * version 1 of every declaration its regime version requires and lacks, and nothing else.
 */
const dir = join(import.meta.dirname, "../../src/db/migrations");
const files = readdirSync(dir)
  .filter((f) => /^\d{4}_.+\.sql$/.test(f))
  .sort();
const before = files.filter((f) => f < "0013");
const migration = files.find((f) => f.startsWith("0013_")) as string;

const ORG = "00000000-0000-4000-8000-00000000000a";
const UNTOUCHED = "00000000-0000-4000-8000-0000000000b1";
const HALF = "00000000-0000-4000-8000-0000000000b2";
const NONE_NEEDED = "00000000-0000-4000-8000-0000000000b3";

let database: Awaited<ReturnType<typeof openPglite>>;
beforeAll(async () => {
  database = await openPglite(undefined);
  for (const file of before) await database.execScript(readFileSync(join(dir, file), "utf8"));
  await database.client.exec(`
    INSERT INTO organisations (id, slug, name, primary_color) VALUES ('${ORG}', 'a', 'A', '#123456');
    INSERT INTO regime_versions (organisation_id, hash, document) VALUES
      ('${ORG}', 'skj', '{"declarations": [{"key": "start"}, {"key": "end"}]}'),
      ('${ORG}', 'teacher', '{}');
    INSERT INTO trajectories (id, organisation_id, regime_hash, regime_key, title, status, starts_on, ends_on) VALUES
      ('${UNTOUCHED}', '${ORG}', 'skj', 'skj', 'Nooit geopend', 'running', '2026-01-01', '2027-01-01'),
      ('${HALF}', '${ORG}', 'skj', 'skj', 'Half', 'running', '2026-01-01', '2027-01-01'),
      ('${NONE_NEEDED}', '${ORG}', 'teacher', 'teacher', 'Leraar', 'running', '2026-01-01', '2027-01-01');
    INSERT INTO declarations (organisation_id, trajectory_id, kind, number, status) VALUES
      ('${ORG}', '${HALF}', 'start', 1, 'superseded'),
      ('${ORG}', '${HALF}', 'start', 2, 'open');
  `);
  await database.execScript(readFileSync(join(dir, migration), "utf8"));
}, 240_000);
afterAll(() => database.close());

describe(`migration ${migration} on trajectories started before it`, () => {
  it("makes version 1 of each missing declaration, and leaves existing versions and other regimes alone", async () => {
    const { rows } = await database.client.query<{ trajectory_id: string; kind: string; number: number }>(
      "SELECT trajectory_id, kind, number FROM declarations ORDER BY trajectory_id, kind, number",
    );
    expect(rows).toEqual([
      { trajectory_id: UNTOUCHED, kind: "end", number: 1 },
      { trajectory_id: UNTOUCHED, kind: "start", number: 1 },
      { trajectory_id: HALF, kind: "end", number: 1 },
      { trajectory_id: HALF, kind: "start", number: 1 },
      { trajectory_id: HALF, kind: "start", number: 2 },
    ]);
  });
});
