/**
 * npm run backup [-- file]
 *
 * With DATABASE_URL: pg_dump of that database in PostgreSQL's custom format
 * (default ./backups/koers-<time>.dump). Without: an archive of the embedded database's data
 * directory, KOERS_DATA_DIR or ./data (default ./backups/koers-<time>.tar.gz); Koers must be
 * stopped for that, as the embedded database belongs to one process at a time.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { openPglite } from "../src/db/connection.js";
import { loadConfig } from "../src/server/config.js";
import { CliError, parseCommand, pgToolConnection, requireTool, runCli, runTool, timestamp } from "./backup-tools.js";

const USAGE = `Usage: npm run backup [-- <file>]

Backs up the database Koers is configured for:
  DATABASE_URL set     pg_dump, custom format    (default ./backups/koers-<time>.dump)
  otherwise            the embedded database in KOERS_DATA_DIR (default ./data), as a
                       data-directory archive    (default ./backups/koers-<time>.tar.gz);
                       stop Koers first
An existing file is never overwritten.`;

async function backupServer(databaseUrl: string, file: string): Promise<void> {
  requireTool("pg_dump");
  const { dbname, env } = pgToolConnection(databaseUrl);
  const partial = `${file}.partial`;
  try {
    await runTool("pg_dump", ["--format=custom", `--file=${partial}`, `--dbname=${dbname}`], env);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

async function backupEmbedded(dataDir: string, file: string): Promise<void> {
  if (!existsSync(join(dataDir, "PG_VERSION")))
    throw new CliError(`There is no Koers database in ${dataDir} (set KOERS_DATA_DIR, or DATABASE_URL for a server).`);
  const database = await openPglite(dataDir);
  let archive: Blob;
  try {
    // Writes every change into the data files, so the archive needs no recovery when loaded.
    await database.client.exec("CHECKPOINT");
    archive = await database.client.dumpDataDir("gzip");
  } finally {
    await database.close();
  }
  const partial = `${file}.partial`;
  writeFileSync(partial, Buffer.from(await archive.arrayBuffer()));
  renameSync(partial, file);
}

runCli(async () => {
  const args = parseCommand(USAGE);
  if (args.force) throw new CliError(`backup has no --force: it never overwrites a file.\n\n${USAGE}`);
  const config = loadConfig();
  const server = Boolean(config.DATABASE_URL);
  const file = resolve(args.file ?? join("backups", `koers-${timestamp()}${server ? ".dump" : ".tar.gz"}`));
  if (existsSync(file)) throw new CliError(`${file} already exists; choose another file name.`);
  mkdirSync(dirname(file), { recursive: true });

  if (config.DATABASE_URL) await backupServer(config.DATABASE_URL, file);
  else await backupEmbedded(resolve(config.KOERS_DATA_DIR), file);

  const size = (statSync(file).size / 1024 / 1024).toFixed(1);
  const source = server ? "the PostgreSQL database" : `the embedded database in ${resolve(config.KOERS_DATA_DIR)}`;
  process.stdout.write(`Backup of ${source} written to ${file} (${size} MB).\n`);
});
