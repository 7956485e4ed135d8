import type { FastifyInstance } from "fastify";
import { openDatabase } from "../db/connection.js";
import { migrate } from "../db/migrate.js";
import { buildApp } from "./app.js";
import type { Config } from "./config.js";
import { hasData, seedDemo } from "./demo/seed.js";
import { seedDemoRegistrationEvidence } from "./demo/seed-registration-evidence.js";
import { JobRunner } from "./jobs/runner.js";

/**
 * Opens the database, migrates, seeds an empty one with the demo network, builds the app, and
 * gives the start of the background jobs (none with KOERS_JOBS=false); they stop when the app closes.
 */
export async function startKoers(
  config: Config,
): Promise<{ app: FastifyInstance; seeded: boolean; startJobs: () => Promise<void> }> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.KOERS_DATA_DIR });
  await migrate(database);
  let seeded = false;
  if (config.SEED_DEMO === "true" && !(await hasData(database.db))) {
    await seedDemo(database.db);
    // Kept apart from the demo the tests start from, whose fixtures find De Linde's first trajectory.
    await seedDemoRegistrationEvidence(database.db);
    seeded = true;
  }
  const app = await buildApp(config, database);
  const jobs =
    config.KOERS_JOBS === "true"
      ? new JobRunner({ database, mailer: app.mailer, publicUrl: app.publicUrl, log: app.log })
      : null;
  // Hooks run in order: the jobs stop before the database closes.
  app.addHook("onClose", async () => {
    await jobs?.stop();
    await database.close();
  });
  // Started once the app answers, so the jobs do not hold up the first request.
  const startJobs = async () => {
    if (!jobs) return;
    await jobs.start();
    // A scan right away, so a reminder missed while the server was down goes out now.
    await jobs.enqueueReminderScan();
  };
  return { app, seeded, startJobs };
}
