import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, type OpenOptions, openPglite, openPostgres } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";

/** Which database this test run uses: PGlite, or a PostgreSQL server when asked for. */
export const testDatabaseKind = (): "pglite" | "postgres" =>
  process.env.KOERS_TEST_DB === "postgres" ? "postgres" : "pglite";

export const serverUrl = () => process.env.TEST_DATABASE_URL;

/**
 * A fresh database for one test file. On PGlite a copy of the migrated template; on a
 * PostgreSQL server a new database, created here and dropped on close.
 */
export async function freshDatabase(options: OpenOptions = {}): Promise<Database> {
  if (testDatabaseKind() === "pglite") {
    const template = readFileSync(inject("pgliteTemplate"));
    return openPglite(undefined, new Blob([template]), options);
  }
  const base = serverUrl();
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `koers_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), options);
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
