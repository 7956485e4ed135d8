import { mkdirSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { lockDataDir } from "./data-dir-lock.js";
import { prepareStatements } from "./prepared.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

/** The raw side of a database, used by migrations, tests and shutdown. */
export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs a script of several statements in one transaction. */
  execScript(script: string, after?: { sql: string; params: unknown[] }): Promise<void>;
  /**
   * Runs `work` on one connection held for it alone (a session), so session-level state such as
   * an advisory lock lasts across its statements. `run` without params may hold several statements.
   */
  session<T>(work: (run: SessionRun) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type SessionRun = <R = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>;

/** `onQuery` sees every statement the app sends through Drizzle: tests count them to catch N+1 queries. */
export interface OpenOptions {
  onQuery?: (query: string) => void;
  /** On a PostgreSQL server: run each statement text as a prepared statement (the default). */
  prepare?: boolean;
}

const loggerFor = ({ onQuery }: OpenOptions) => (onQuery ? { logQuery: (query: string) => onQuery(query) } : false);

/**
 * PostgreSQL's buffer cache inside PGlite. Its default, 128 MB, is set up on every start (about
 * 0.3 s of the start-up); an organisation's data on the embedded database answers as fast with a
 * quarter of it, the operating system caching the data files besides (BENCHMARKS.md, start-up).
 */
const PGLITE_SHARED_BUFFERS = "32MB";

/**
 * PGlite with data on disk, or in memory (optionally started from a dumped data directory).
 * A data directory on disk is locked to this process until `close`.
 */
export async function openPglite(
  dataDir: string | undefined,
  loadDataDir?: Blob,
  options: OpenOptions = {},
): Promise<Database & { client: PGlite }> {
  // Each driver is loaded only where it is used, so a start-up loads one of the two.
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    });
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    db: drizzlePglite(client, { schema, logger: loggerFor(options) }) as unknown as Db,
    kind: "pglite",
    async execScript(script, after) {
      await client.transaction(async (tx) => {
        await tx.exec(script);
        if (after) await tx.query(after.sql, after.params);
      });
    },
    async session(work) {
      // PGlite is a single connection already: this process is the only one on its data directory.
      return work(async <R>(text: string, params?: unknown[]) => {
        if (params) return (await client.query<R>(text, params)).rows;
        const results = await client.exec(text);
        return (results.at(-1)?.rows ?? []) as R[];
      });
    },
    async close() {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
    client,
  };
}

export async function openPostgres(url: string, options: OpenOptions = {}): Promise<Database> {
  const { default: pg } = await import("pg");
  const { drizzle: drizzlePg } = await import("drizzle-orm/node-postgres");
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (a restart, a failover) is dropped by the pool and the
  // next query opens a new one; without a listener the error would end the process.
  pool.on("error", () => {});
  if (options.prepare !== false) prepareStatements(pool);
  await pool.query("select 1");
  return {
    db: drizzlePg(pool, { schema, logger: loggerFor(options) }) as unknown as Db,
    kind: "postgres",
    async execScript(script, after) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(script);
        if (after) await client.query(after.sql, after.params);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    async session(work) {
      const client = await pool.connect();
      let broken = false;
      try {
        return await work(async <R>(text: string, params?: unknown[]) => {
          try {
            const result = await client.query(text, params);
            // Several statements answer with one result each; the last one is the answer.
            const last = Array.isArray(result) ? result.at(-1) : result;
            return (last?.rows ?? []) as R[];
          } catch (error) {
            // A connection that lost its server must not go back to the pool.
            if (!(error as { code?: string }).code) broken = true;
            throw error;
          }
        });
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

export function openDatabase(options: { url?: string; dataDir?: string; prepare?: boolean }): Promise<Database> {
  return options.url ? openPostgres(options.url, { prepare: options.prepare }) : openPglite(options.dataDir);
}

/** Both drivers answer `execute` with `{ rows }`; this gives them a type. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
