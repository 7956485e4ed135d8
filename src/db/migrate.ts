import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./connection.js";

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** The advisory lock every migrating process takes, whatever database it is on. */
const MIGRATION_LOCK = 72657273;

/** Migrations within this process, one after the other (PGlite has a single session). */
let running: Promise<unknown> = Promise.resolve();

/**
 * Applies every numbered SQL file not yet applied, each in its own transaction.
 *
 * Several processes may start at once on the same empty database. Each takes a session-level
 * advisory lock first and holds it to the end, so the migrations table is created, the applied
 * list read and the files applied by one process at a time: the next one finds them applied.
 */
export function migrate(database: Database): Promise<string[]> {
  const result = running.then(() => migrateLocked(database));
  running = result.catch(() => {});
  return result;
}

async function migrateLocked(database: Database): Promise<string[]> {
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  return database.session(async (run) => {
    await run("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await run(`
        CREATE TABLE IF NOT EXISTS schema_migrations (
          version text PRIMARY KEY,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
      const rows = await run<{ version: string }>("SELECT version FROM schema_migrations", []);
      const applied = new Set(rows.map((r) => r.version));
      const done: string[] = [];
      for (const file of files) {
        if (applied.has(file)) continue;
        const script = readFileSync(join(migrationsDir, file), "utf8");
        await run("BEGIN");
        try {
          await run(script);
          await run("INSERT INTO schema_migrations (version) VALUES ($1)", [file]);
          await run("COMMIT");
        } catch (error) {
          await run("ROLLBACK").catch(() => {});
          throw error;
        }
        done.push(file);
      }
      return done;
    } finally {
      await run("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    }
  });
}
