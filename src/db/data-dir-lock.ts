import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

/** The file in an embedded data directory that names the process using it. */
export const LOCK_FILE = "koers.lock";

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The database in ${dataDir} is in use by process ${pid} (a running Koers, or a backup or restore). ` +
        `Stop it first: the embedded database belongs to one process at a time. If no such process runs, ` +
        `remove ${join(dataDir, LOCK_FILE)}.`,
    );
  }
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no lock of its own: two processes opening one data directory would each run
 * PostgreSQL over the same files (the second even replays the first's WAL and checkpoints) and
 * corrupt them. The first process writes its id into the lock file; another one, or a second
 * open in the same process, is refused. A lock left by a process that no longer runs, after a
 * crash or kill, is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return () => {
        if (ownerOf(path) === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = ownerOf(path);
      if (owner !== undefined && isRunning(owner)) throw new DataDirInUseError(dataDir, owner);
      rmSync(path, { force: true });
    }
  }
  throw new DataDirInUseError(dataDir, ownerOf(path) ?? 0);
}
