import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, it } from "vitest";
import { scratchDatabase, serverUrl } from "./support/postgres.js";
import { fillThroughKoers, roundTrip } from "./support/round-trip.js";
import { killAll } from "./support/server.js";

const scratch = mkdtempSync(join(tmpdir(), "koers-backup-"));
const drops: Array<() => Promise<void>> = [];
afterEach(killAll);
afterAll(async () => {
  for (const drop of drops) await drop();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!serverUrl)("backup and restore on a PostgreSQL server", () => {
  it("restores every table as it was backed up, and replaces a database only with --force", async () => {
    const [source, target] = [await scratchDatabase(), await scratchDatabase()];
    drops.push(source.drop, target.drop);
    await fillThroughKoers({ databaseUrl: source.url });
    await roundTrip({
      source: { databaseUrl: source.url },
      emptyTarget: { databaseUrl: target.url },
      backupFile: join(scratch, "backups", "koers.dump"),
      extension: ".dump",
    });
  });
});

// Says so in the report when there is no server to run this on.
it.skipIf(Boolean(serverUrl))(
  "backup and restore on a PostgreSQL server: skipped, TEST_DATABASE_URL is not set",
  () => {},
);
