import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type Database, openPglite, openPostgres } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";
import { seedDemo } from "../../src/server/demo/seed.js";
import { serverDatabase, serverUrl } from "./database.js";

/**
 * Makes the two databases every test file starts from, once per run: one migrated, one migrated
 * with the demo network on it. A test file then copies one (~1 s) instead of migrating and
 * seeding its own (~4 s more). On PGlite the copies are dumped data directories; on a PostgreSQL
 * server they are template databases, dropped again at the end.
 */
export default async function setup(project: TestProject) {
  if (project.config.env?.KOERS_TEST_DB === "postgres") return serverTemplates(project);
  return pgliteTemplates(project);
}

async function pgliteTemplates(project: TestProject) {
  const database = await openPglite(undefined);
  const paths: string[] = [];
  const dump = async (name: string) => {
    const path = join(tmpdir(), `koers-${name}-${process.pid}-${randomBytes(4).toString("hex")}.tar`);
    writeFileSync(path, Buffer.from(await (await database.client.dumpDataDir("none")).arrayBuffer()));
    paths.push(path);
    return path;
  };
  try {
    await migrate(database);
    project.provide("pgliteTemplate", await dump("migrated"));
    await seedDemo(database.db);
    project.provide("pgliteDemoTemplate", await dump("demo"));
  } finally {
    await database.close();
  }
  return () => {
    for (const path of paths) rmSync(path, { force: true });
  };
}

async function serverTemplates(project: TestProject) {
  if (!serverUrl()) return;
  const prepare = async (prefix: string, template: string, work: (database: Database) => Promise<unknown>) => {
    const created = await serverDatabase(prefix, template);
    const database = await openPostgres(created.url);
    try {
      await work(database);
    } finally {
      await database.close();
    }
    return created;
  };
  const migrated = await prepare("koers_template", "template1", migrate);
  const demo = await prepare("koers_template_demo", migrated.name, (database) => seedDemo(database.db));
  project.provide("postgresTemplate", migrated.name);
  project.provide("postgresDemoTemplate", demo.name);
  return async () => {
    await demo.drop();
    await migrated.drop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgliteDemoTemplate: string;
    postgresTemplate: string;
    postgresDemoTemplate: string;
  }
}
