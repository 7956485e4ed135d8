import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, type OpenOptions, openPglite, openPostgres } from "../../src/db/connection.js";

/** Which database this test run uses: PGlite, or a PostgreSQL server when asked for. */
export const testDatabaseKind = (): "pglite" | "postgres" =>
  process.env.KOERS_TEST_DB === "postgres" ? "postgres" : "pglite";

export const serverUrl = () => process.env.TEST_DATABASE_URL;

/**
 * A fresh database for one test file, copied from the migrated template the run made once, or
 * from the one with the demo network on it. On PGlite a loaded copy of the dumped data
 * directory; on a PostgreSQL server a new database made from the template, dropped on close.
 */
export async function freshDatabase(
  options: OpenOptions = {},
  { demo = false }: { demo?: boolean } = {},
): Promise<Database> {
  if (testDatabaseKind() === "pglite") {
    const template = readFileSync(inject(demo ? "pgliteDemoTemplate" : "pgliteTemplate"));
    return openPglite(undefined, new Blob([template]), options);
  }
  const created = await serverDatabase("koers_test", inject(demo ? "postgresDemoTemplate" : "postgresTemplate"));
  const database = await openPostgres(created.url, options);
  return {
    ...database,
    async close() {
      await database.close();
      const watcher = new pg.Client({ connectionString: serverUrl() });
      await watcher.connect();
      // The pool's connections may still be saying goodbye: wait for them (up to 5 s) rather
      // than cut them off, which reaches the test as an unhandled error from a closing client.
      try {
        for (let waited = 0; waited < 5_000; waited += 50) {
          const { rows } = await watcher.query("select count(*)::int as n from pg_stat_activity where datname = $1", [
            created.name,
          ]);
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        await watcher.end();
      }
      await created.drop();
    },
  };
}

/** Runs one statement on the server's own connection: making or dropping a database. */
async function onServer(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * A new database on the test server, named `prefix` and a random part, empty or a copy of
 * `template`; `drop` removes it even while connections are open.
 */
export async function serverDatabase(
  prefix: string,
  template = "template1",
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const base = serverUrl();
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * What the database said when it refused `work` (drizzle wraps the driver's error as its cause),
 * or "" when it was not refused.
 */
export async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "";
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ""}`;
  }
}
