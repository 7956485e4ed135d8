import { spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readSync } from "node:fs";
import { parseArgs } from "node:util";
import { DataDirInUseError } from "../src/db/data-dir-lock.js";

/** A failure the person running the command can act on: printed without a stack trace. */
export class CliError extends Error {}

/** Runs a command's main function: its own errors as one readable message and exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const known = error instanceof CliError || error instanceof DataDirInUseError;
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${known ? message : ((error as Error)?.stack ?? message)}\n`);
      process.exit(1);
    },
  );
}

export function parseCommand(usage: string): { file?: string; force: boolean } {
  try {
    const { values, positionals } = parseArgs({
      options: { force: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    if (positionals.length > 1) throw new CliError(`One file at most.\n\n${usage}`);
    return { file: positionals[0], force: values.force ?? false };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
}

/** 2026-03-01T14-05-09Z: sortable, and valid in a file name everywhere. */
export function timestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19).replaceAll(":", "-")}Z`;
}

/**
 * A PostgreSQL URL split for the client tools: the password goes in PGPASSWORD, so it never
 * shows in the process list, and the rest is the connection string.
 */
export function pgToolConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = "";
  return { dbname: url.toString(), env };
}

/** Fails with an installable answer when a PostgreSQL client tool is not on PATH. */
export function requireTool(name: "pg_dump" | "pg_restore" | "psql"): void {
  const result = spawnSync(name, ["--version"], { stdio: "ignore" });
  if (result.error)
    throw new CliError(
      `${name} was not found. Backup and restore on a PostgreSQL server use the PostgreSQL client tools ` +
        `(pg_dump, pg_restore, psql) of the server's major version or newer: install them ` +
        `(Debian/Ubuntu: apt install postgresql-client) or put them on PATH.`,
    );
}

/** Runs a tool to its end; a non-zero exit becomes an error carrying what the tool wrote to stderr. */
export function runTool(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(name, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new CliError(`${name} failed (${signal ?? `exit code ${code}`}):\n${stderr.trim()}`));
    });
  });
}

export type BackupKind = "postgres" | "pglite";

/** Which kind of backup a file is, from its first bytes: pg_dump's custom format, or a (gzipped) tar. */
export function backupKind(file: string): BackupKind | undefined {
  const head = Buffer.alloc(512);
  const fd = openSync(file, "r");
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (length >= 5 && head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  if (length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  if (length >= 262 && head.subarray(257, 262).toString("latin1") === "ustar") return "pglite";
  return undefined;
}
