import type { FastifyInstance } from "fastify";
import { type Database, openDatabase } from "../db/connection.js";
import { migrate } from "../db/migrate.js";
import { buildApp } from "./app.js";
import type { Config } from "./config.js";
import { type DemoSeeding, demoSkipReason, demoWanted } from "./demo/demo-seeding.js";
import { hasData, hasDemoPeople, seedDemo } from "./demo/seed.js";
import { seedDemoRegistrationEvidence } from "./demo/seed-registration-evidence.js";
import type { JobRunner } from "./jobs/runner.js";

/** Several processes may start at once on an empty server database: one of them seeds. */
const SEED_LOCK = 72657274;

/**
 * Fills an empty database with the demo network when that is wanted (see `demoWanted`). Holds an
 * advisory lock from the check to the end, so two processes starting together do not both seed.
 */
async function seedIfWanted(config: Config, database: Database): Promise<DemoSeeding> {
  if (!demoWanted(config)) {
    return { seeded: false, reason: (await hasData(database.db)) ? "hasData" : demoSkipReason(config) };
  }
  return database.session(async (run) => {
    await run("SELECT pg_advisory_lock($1)", [SEED_LOCK]);
    try {
      if (await hasData(database.db)) return { seeded: false, reason: "hasData" } as const;
      await seedDemo(database.db);
      // Kept apart from the demo the tests start from, whose fixtures find De Linde's first trajectory.
      await seedDemoRegistrationEvidence(database.db);
      return { seeded: true } as const;
    } finally {
      await run("SELECT pg_advisory_unlock($1)", [SEED_LOCK]).catch(() => {});
    }
  });
}

/**
 * Opens the database, migrates, seeds an empty one with the demo network when wanted, builds the
 * app, and gives the start of the background jobs (none with KOERS_JOBS=false); they stop when
 * the app closes. `demoPeople`: the demo's logins work on this database.
 */
export async function startKoers(config: Config): Promise<{
  app: FastifyInstance;
  demo: DemoSeeding;
  demoPeople: boolean;
  startJobs: () => Promise<void>;
}> {
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.KOERS_DATA_DIR,
    prepare: config.DATABASE_PREPARED_STATEMENTS === "true",
  });
  await migrate(database);
  const demo = await seedIfWanted(config, database);
  const demoPeople = demo.seeded || (await hasDemoPeople(database.db));
  const app = await buildApp(config, database);
  let jobs: JobRunner | null = null;
  let closing = false;
  // Hooks run in order: the jobs stop before the database closes.
  app.addHook("onClose", async () => {
    closing = true;
    await jobs?.stop();
    await database.close();
  });
  // Loaded and started once the app answers, so the jobs do not hold up the first request.
  const startJobs = async () => {
    if (config.KOERS_JOBS !== "true") return;
    const { JobRunner } = await import("./jobs/runner.js");
    if (closing) return;
    jobs = new JobRunner({ database, mailer: app.mailer, publicUrl: app.publicUrl, log: app.log });
    await jobs.start();
    // A scan right away, so a reminder missed while the server was down goes out now; and a
    // mail round, for mail committed but not delivered before a stop.
    await jobs.enqueueReminderScan();
    await jobs.enqueueDelivery();
  };
  return { app, demo, demoPeople, startJobs };
}
