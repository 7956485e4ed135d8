import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type PgBoss from "pg-boss";
import type { Database } from "../../db/connection.js";

/**
 * pg-boss's way into Koers's own database connection: the embedded PGlite or the server pool.
 * PGlite's `query` takes one statement with parameters; pg-boss also sends scripts of several
 * statements without parameters (its schema, its locked sections), which PGlite runs with `exec`.
 */
export function bossDb(database: Database): PgBoss.Db {
  const client = (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
  if (database.kind === "postgres") {
    const pool = client as pg.Pool;
    return { executeSql: (text, values) => pool.query(text, values) };
  }
  const lite = client as PGlite;
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return lite.query(text, values);
      const results = await lite.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}
