import type { FastifyInstance } from "fastify";
import { openDatabase } from "../db/connection.js";
import { migrate } from "../db/migrate.js";
import { buildApp } from "./app.js";
import type { Config } from "./config.js";
import { hasData, seedDemo } from "./demo/seed.js";

/** Opens the database, migrates, seeds an empty one with the demo network, builds the app. */
export async function startKoers(config: Config): Promise<{ app: FastifyInstance; seeded: boolean }> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.KOERS_DATA_DIR });
  await migrate(database);
  let seeded = false;
  if (config.SEED_DEMO === "true" && !(await hasData(database.db))) {
    await seedDemo(database.db);
    seeded = true;
  }
  const app = await buildApp(config, database);
  app.addHook("onClose", async () => database.close());
  return { app, seeded };
}
