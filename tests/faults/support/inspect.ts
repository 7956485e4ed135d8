import { PGlite } from "@electric-sql/pglite";
import { amcheck } from "@electric-sql/pglite/contrib/amcheck";
import pg from "pg";
import type { Target } from "./server.js";

/** Raw SQL on a stopped embedded data directory or on a server database, for checking what is stored. */
export interface Inspector {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function inspect(target: Target): Promise<Inspector> {
  if ("dataDir" in target) {
    const client = await PGlite.create({ dataDir: target.dataDir, extensions: { amcheck } });
    return {
      query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
      close: () => client.close(),
    };
  }
  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  return {
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params as unknown[])).rows as T[],
    close: () => client.end(),
  };
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Physical soundness: amcheck reads every heap page and every B-tree index of the application's
 * tables (index entries checked against the heap). Returns the problems found; none is healthy.
 */
export async function structuralProblems(db: Inspector): Promise<string[]> {
  await db.query("CREATE EXTENSION IF NOT EXISTS amcheck");
  const problems: string[] = [];
  const tables = await db.query<{ oid: number; name: string }>(
    `SELECT c.oid, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 2`,
  );
  for (const table of tables) {
    const errors = await db.query<{ msg: string }>("SELECT msg FROM verify_heapam($1)", [table.oid]);
    for (const error of errors) problems.push(`${table.name}: ${error.msg}`);
  }
  const indexes = await db.query<{ oid: number; name: string }>(
    `SELECT c.oid, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_am a ON a.oid = c.relam
     WHERE n.nspname = 'public' AND c.relkind = 'i' AND a.amname = 'btree' ORDER BY 2`,
  );
  for (const index of indexes) {
    try {
      await db.query("SELECT bt_index_check($1, true)", [index.oid]);
    } catch (error) {
      problems.push(`${index.name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/**
 * Everything a restore must bring back, in a form two databases can be compared by: per table
 * its row count and a hash of all its rows, each sequence's position, and the schema objects
 * that guard the data (indexes, row-level security and its policies, triggers, grants).
 */
export async function snapshot(db: Inspector): Promise<Record<string, unknown>> {
  const tables = await db.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
  );
  const content: Record<string, { rows: number; hash: string }> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ rows: number; hash: string }>(
      `SELECT count(*)::int AS rows, coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS hash
       FROM ${ident(name)} t`,
    );
    if (row) content[name] = row;
  }
  const sequences = await db.query(
    "SELECT sequencename, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
  );
  const indexes = await db.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
  const security = await db.query(
    `SELECT c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
  const policies = await db.query(
    "SELECT tablename, policyname, qual FROM pg_policies WHERE schemaname = 'public' ORDER BY 1, 2",
  );
  const triggers = await db.query(
    `SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY 1, 2`,
  );
  const grants = await db.query(
    `SELECT table_name, privilege_type FROM information_schema.role_table_grants
     WHERE grantee = 'koers_app' AND table_schema = 'public' ORDER BY 1, 2`,
  );
  return { content, sequences, indexes, security, policies, triggers, grants };
}
