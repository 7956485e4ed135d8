import { readdirSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Database, openPglite, openPostgres, queryRows } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";
import { serverDatabase, testDatabaseKind } from "../support/database.js";

const files = readdirSync(join(import.meta.dirname, "../../src/db/migrations"))
  .filter((f) => /^\d{4}_.+\.sql$/.test(f))
  .sort();

/** Two migrators started at once on the same empty database: both finish, each file is applied once. */
async function migrateTwiceAtOnce(first: Database, second: Database) {
  const results = await Promise.allSettled([migrate(first), migrate(second)]);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
  const applied = results.flatMap((r) => (r as PromiseFulfilledResult<string[]>).value);
  expect(applied.sort()).toEqual(files);
  const rows = await queryRows<{ version: string }>(
    first.db,
    sql`SELECT version FROM schema_migrations ORDER BY version`,
  );
  expect(rows.map((r) => r.version)).toEqual(files);
  // Migrating again finds nothing to do.
  expect(await migrate(second)).toEqual([]);
}

describe.skipIf(testDatabaseKind() !== "postgres")("two processes migrating an empty PostgreSQL database", () => {
  it("both start: the second waits for the first and then finds everything applied", async () => {
    for (let round = 0; round < 3; round++) {
      const created = await serverDatabase("koers_migrate");
      // Two pools: two sessions, as two processes have.
      const first = await openPostgres(created.url);
      const second = await openPostgres(created.url);
      try {
        await migrateTwiceAtOnce(first, second);
      } finally {
        await first.close();
        await second.close();
        await created.drop();
      }
    }
  });
});

describe.skipIf(testDatabaseKind() !== "pglite")("two migrations at once on an empty embedded database", () => {
  // One process holds the data directory; two starts within it (a test, a script) share the client.
  it("both finish, each file applied once", async () => {
    const database = await openPglite(undefined);
    try {
      await migrateTwiceAtOnce(database, database);
    } finally {
      await database.close();
    }
  });
});
