import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirInUseError, LOCK_FILE, lockDataDir } from "./data-dir-lock.js";

const dirs: string[] = [];
function dataDir() {
  const dir = mkdtempSync(join(tmpdir(), "koers-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The id of a process that has run and ended. */
function endedPid(): number {
  const result = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(result.stdout.toString());
}

describe("lockDataDir", () => {
  it("writes this process's id and refuses a second holder while it is held", () => {
    const dir = dataDir();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow(`in use by process ${process.pid}`);
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir)();
  });

  it("refuses a lock held by another running process", () => {
    const dir = dataDir();
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid}\n`);
    expect(() => lockDataDir(dir)).toThrow(`in use by process ${process.ppid}`);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.ppid));
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dir = dataDir();
    writeFileSync(join(dir, LOCK_FILE), `${endedPid()}\n`);
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
    release();
  });

  it("takes over an empty or unreadable lock file", () => {
    const dir = dataDir();
    writeFileSync(join(dir, LOCK_FILE), "");
    lockDataDir(dir)();
  });

  it("releases only its own lock", () => {
    const dir = dataDir();
    const release = lockDataDir(dir);
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid}\n`);
    release();
    expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.ppid));
  });
});
