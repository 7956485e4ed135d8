/**
 * npm run restore -- <file> [--force]
 *
 * Puts a backup made by `npm run backup` back into the database Koers is configured for. A
 * target that holds data is only replaced with --force; the replacement is all or nothing.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import pg from "pg";
import { openPglite } from "../src/db/connection.js";
import { LOCK_FILE, lockDataDir } from "../src/db/data-dir-lock.js";
import { loadConfig } from "../src/server/config.js";
import { backupKind, CliError, parseCommand, pgToolConnection, requireTool, runCli, runTool } from "./backup-tools.js";

const USAGE = `Usage: npm run restore -- <file> [--force]

Restores a backup made by npm run backup into the database Koers is configured for:
  DATABASE_URL set     a pg_dump file (.dump) into that database, which must exist
  otherwise            a data-directory archive (.tar.gz) into KOERS_DATA_DIR (default ./data);
                       stop Koers first
A database that already holds data is replaced only with --force.`;

/** The application's role, created by the first migration; a new server may not have it yet. */
const ENSURE_ROLE = `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'koers_app') THEN
    CREATE ROLE koers_app NOLOGIN;
  END IF;
END;
$$;
`;

/**
 * Empties the public schema (tables with their policies and triggers, views, sequences,
 * functions, types) but keeps the schema itself and its grants. Extensions' objects stay.
 * The background jobs' own schema (pg-boss) is dropped whole; the backup brings it back.
 * The schema's default privileges go too: the backup sets them again after its tables, so
 * each table gets exactly the grants it had (a table kept from the application role, such as
 * the account mail, would otherwise be granted to it as it is created).
 */
const EMPTY_PUBLIC_SCHEMA = `DROP SCHEMA IF EXISTS pgboss CASCADE;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'koers_app') THEN
    ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM koers_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM koers_app;
  END IF;
END;
$$;
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT format('%I.%I', n.nspname, c.relname) AS name,
      CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
        WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
    ORDER BY c.relkind
  LOOP
    EXECUTE format('DROP %s IF EXISTS %s CASCADE', r.kind, r.name);
  END LOOP;
  FOR r IN
    SELECT p.oid::regprocedure::text AS name
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', r.name);
  END LOOP;
  FOR r IN
    SELECT format('%I.%I', n.nspname, t.typname) AS name, CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END AS kind
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r', 'c')
      AND (t.typrelid = 0 OR EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('DROP %s IF EXISTS %s CASCADE', r.kind, r.name);
  END LOOP;
END;
$$;
`;

async function serverRelations(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new CliError(`Cannot connect to the database in DATABASE_URL: ${(error as Error).message}`);
  }
  try {
    const result = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')`,
    );
    return result.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * pg_restore writes the backup as SQL, psql runs it in one transaction after the role check
 * (and, with --force, after emptying the schema). COMMIT is sent only when pg_restore has read
 * the whole file without error; psql stops at the first failing statement. Either way a failed
 * restore leaves the database as it was.
 */
function restoreServer(databaseUrl: string, file: string, replace: boolean): Promise<void> {
  const { dbname, env } = pgToolConnection(databaseUrl);
  return new Promise((resolvePromise, reject) => {
    const psql = spawn("psql", ["--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", `--dbname=${dbname}`], {
      env,
      stdio: ["pipe", "ignore", "pipe"],
    });
    const dump = spawn("pg_restore", ["--no-owner", "--file=-", file], { env, stdio: ["ignore", "pipe", "pipe"] });
    let psqlErrors = "";
    let dumpErrors = "";
    psql.stderr.on("data", (chunk) => {
      psqlErrors += chunk;
    });
    dump.stderr.on("data", (chunk) => {
      dumpErrors += chunk;
    });
    // psql may stop early (ON_ERROR_STOP); what is still being piped to it then has nowhere to go.
    psql.stdin.on("error", () => {});
    psql.on("error", reject);
    dump.on("error", reject);

    psql.stdin.write(`SET client_min_messages = warning;\nBEGIN;\n${ENSURE_ROLE}${replace ? EMPTY_PUBLIC_SCHEMA : ""}`);
    dump.stdout.pipe(psql.stdin, { end: false });
    dump.on("close", (code) => {
      if (code === 0) psql.stdin.end("COMMIT;\n");
      else psql.stdin.end();
    });
    psql.on("close", (code) => {
      if (code !== 0) {
        dump.kill();
        reject(
          new CliError(`The restore failed and was rolled back; the database is unchanged:\n${psqlErrors.trim()}`),
        );
      } else if (dump.exitCode !== 0) {
        reject(new CliError(`pg_restore could not read ${file}; the database is unchanged:\n${dumpErrors.trim()}`));
      } else resolvePromise();
    });
  });
}

async function restoreToServer(databaseUrl: string, file: string, force: boolean): Promise<string> {
  requireTool("pg_restore");
  requireTool("psql");
  const { env } = pgToolConnection(databaseUrl);
  // Reads the archive's table of contents: a damaged file fails here, before anything is touched.
  await runTool("pg_restore", ["--list", file], env).catch((error: Error) => {
    throw new CliError(`${file} cannot be read as a backup; the database is unchanged. ${error.message}`);
  });
  const relations = await serverRelations(databaseUrl);
  if (relations > 0 && !force)
    throw new CliError(
      `The database in DATABASE_URL is not empty (${relations} tables and sequences). ` +
        `Restore into an empty database, or pass --force to replace everything in it.`,
    );
  await restoreServer(databaseUrl, file, relations > 0);
  return "the PostgreSQL database in DATABASE_URL";
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** Moves a directory; where renaming cannot (another file system, a mount point) it copies. */
function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Loads the archive into a new directory next to the target and checks that it opens as a Koers
 * database; only then does it take the target's place. The target is locked throughout, so a
 * running Koers (or backup) stops the restore before anything changes.
 */
async function restoreToDataDir(dataDir: string, file: string, force: boolean): Promise<string> {
  const replace = !isEmptyDir(dataDir);
  if (replace && !force)
    throw new CliError(
      `${dataDir} already holds a database. Restore into an empty or new directory (KOERS_DATA_DIR), ` +
        `or pass --force to replace it.`,
    );
  const release = existsSync(dataDir) ? lockDataDir(dataDir) : () => {};
  const staging = join(dirname(dataDir), `.${basename(dataDir)}.restoring-${process.pid}`);
  try {
    rmSync(staging, { recursive: true, force: true });
    const database = await openPglite(staging, new Blob([readFileSync(file)])).catch((error: Error) => {
      throw new CliError(`${file} cannot be read as a backup; the database is unchanged. ${error.message}`);
    });
    try {
      const [row] = (await database.client.query<{ n: number }>("SELECT count(*)::int AS n FROM schema_migrations"))
        .rows;
      if (!row?.n) throw new CliError(`${file} holds no Koers database.`);
      await database.client.exec("CHECKPOINT");
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${file} holds no Koers database: ${(error as Error).message}`);
    } finally {
      await database.close();
    }
    // The archive carries the lock file of the process that made it.
    rmSync(join(staging, LOCK_FILE), { force: true });

    if (existsSync(dataDir)) {
      const old = join(dirname(dataDir), `.${basename(dataDir)}.replaced-${process.pid}`);
      moveDir(dataDir, old);
      moveDir(staging, dataDir);
      rmSync(old, { recursive: true, force: true });
    } else {
      moveDir(staging, dataDir);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
    release();
  }
  return `the embedded database in ${dataDir}`;
}

runCli(async () => {
  const args = parseCommand(USAGE);
  if (!args.file) throw new CliError(`Which backup? Name the file.\n\n${USAGE}`);
  const file = resolve(args.file);
  if (!existsSync(file)) throw new CliError(`${file} does not exist.`);
  const config = loadConfig();
  const kind = backupKind(file);
  if (!kind) throw new CliError(`${file} is not a Koers backup (neither a pg_dump file nor a data-directory archive).`);
  if (kind === "postgres" && !config.DATABASE_URL)
    throw new CliError(
      `${file} is a PostgreSQL server backup (pg_dump). Set DATABASE_URL to the database to restore it into.`,
    );
  if (kind === "pglite" && config.DATABASE_URL)
    throw new CliError(
      `${file} is an embedded-database archive. Unset DATABASE_URL and set KOERS_DATA_DIR to restore it.`,
    );

  const target = config.DATABASE_URL
    ? await restoreToServer(config.DATABASE_URL, file, args.force)
    : await restoreToDataDir(resolve(config.KOERS_DATA_DIR), file, args.force);
  process.stdout.write(`Restored ${file} into ${target}.\n`);
});
