import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { run, script } from "./support/cli.js";
import { fillThroughKoers, roundTrip } from "./support/round-trip.js";
import { type KoersProcess, killAll, koersEnv, type Target } from "./support/server.js";

const scratch = mkdtempSync(join(tmpdir(), "koers-backup-"));
afterEach(killAll);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The embedded database is one process's: with Koers running, backup, restore and a second Koers are refused. */
async function refusedWhileRunning(server: KoersProcess, target: Target) {
  const inUse = `in use by process ${server.child.pid}`;
  const backup = await script("backup", [join(scratch, "while-running.tar.gz")], koersEnv(target));
  expect(backup.code).toBe(1);
  expect(backup.stderr).toContain(inUse);

  const restore = await script("restore", [join(scratch, "backups", "koers.tar.gz"), "--force"], koersEnv(target));
  expect(restore.code).toBe(1);
  expect(restore.stderr).toContain(inUse);

  const second = await run(
    process.execPath,
    ["--import", "tsx", "src/server/main.ts"],
    koersEnv(target, { PORT: "0" }),
  );
  expect(second.code).not.toBe(0);
  expect(second.stderr).toContain(inUse);

  expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
}

describe("backup and restore of the embedded database", () => {
  it("restores every table as it was backed up, refuses while Koers runs, replaces only with --force", async () => {
    const source = { dataDir: join(scratch, "data") };
    await fillThroughKoers(source);
    await roundTrip({
      source,
      emptyTarget: { dataDir: join(scratch, "restored") },
      backupFile: join(scratch, "backups", "koers.tar.gz"),
      extension: ".tar.gz",
      whileRunning: refusedWhileRunning,
    });
  });

  it("says what is wrong with a file of the other kind, and names the missing PostgreSQL tools", async () => {
    const fakeDump = join(scratch, "server.dump");
    writeFileSync(fakeDump, "PGDMP\u0001\u000e\u0000");
    const restore = await script("restore", [fakeDump], koersEnv({ dataDir: join(scratch, "other") }));
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain("is a PostgreSQL server backup (pg_dump). Set DATABASE_URL");

    // No pg_dump on PATH: only node itself, called by its full path, is found.
    const emptyPath = mkdtempSync(join(scratch, "path-"));
    const env = koersEnv({ databaseUrl: "postgres://koers@127.0.0.1:1/koers" }, { PATH: emptyPath });
    const backup = await script("backup", [join(scratch, "x.dump")], env);
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain("pg_dump was not found");
  });
});
