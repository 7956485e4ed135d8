import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "./connection.js";

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** Applies every numbered SQL file not yet applied, each in its own transaction. */
export async function migrate(database: Database): Promise<string[]> {
  await database.db.execute(sql`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  const rows = await queryRows<{ version: string }>(database.db, sql`SELECT version FROM schema_migrations`);
  const applied = new Set(rows.map((r) => r.version));
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const script = readFileSync(join(migrationsDir, file), "utf8");
    // The advisory lock keeps two starting processes from applying the same file twice.
    await database.execScript(`SELECT pg_advisory_xact_lock(72657273);\n${script}`, {
      sql: "INSERT INTO schema_migrations (version) VALUES ($1)",
      params: [file],
    });
    done.push(file);
  }
  return done;
}
