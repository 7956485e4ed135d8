import { readFileSync, statSync, writeFileSync } from "node:fs";
import { expect } from "vitest";
import { npmRun, script } from "./cli.js";
import { inspect, snapshot, structuralProblems } from "./inspect.js";
import { HttpClient, type KoersProcess, koersEnv, startKoers, type Target } from "./server.js";

const ADMIN = "beheer@delinde.example";

/** Fills a database through the real server: the demo network, then people added, changed and deactivated. */
export async function fillThroughKoers(target: Target): Promise<void> {
  const server = await startKoers(target);
  const admin = await new HttpClient(server.url).signIn(ADMIN);
  const ids: string[] = [];
  for (let n = 0; n < 5; n++) {
    const created = await admin.request("POST", "/api/v1/people", {
      name: `Bewaard ${n}`,
      email: `kept-${n}@backup.example`,
      roles: n % 2 ? ["guide"] : ["trainee"],
      jobTitle: "Pedagogisch medewerker",
    });
    expect(created.status).toBe(201);
    ids.push((created.json as { id: string }).id);
  }
  const registration = await admin.request("POST", `/api/v1/people/${ids[0]}/registrations`, {
    register: "SKJ",
    registrationType: "Jeugd- en gezinsprofessional",
    number: "110099887",
    validUntil: "2030-01-31",
  });
  expect(registration.status).toBe(201);
  const renamed = await admin.request("PUT", `/api/v1/people/${ids[1]}`, {
    version: 1,
    displayName: "Bewaard 1 (hernoemd)",
    roles: ["guide", "trainer"],
  });
  expect(renamed.status).toBe(200);
  const deactivated = await admin.request("POST", `/api/v1/people/${ids[2]}/deactivate`, { version: 1 });
  expect(deactivated.status).toBe(200);
  await server.stop();
}

async function snapshotOf(target: Target) {
  const db = await inspect(target);
  try {
    return await snapshot(db);
  } finally {
    await db.close();
  }
}

async function addMarker(target: Target) {
  const db = await inspect(target);
  try {
    await db.query("INSERT INTO networks (name) VALUES ('written after the backup')");
  } finally {
    await db.close();
  }
}

async function hasMarker(target: Target): Promise<boolean> {
  const db = await inspect(target);
  try {
    const rows = await db.query("SELECT 1 FROM networks WHERE name = 'written after the backup'");
    return rows.length === 1;
  } finally {
    await db.close();
  }
}

/**
 * Backup, restore into an empty target, compare every table; then restoring over a database
 * that holds data: refused without --force, a damaged backup changes nothing, --force replaces.
 */
export async function roundTrip(options: {
  source: Target;
  emptyTarget: Target;
  backupFile: string;
  extension: string;
  /** More checks while Koers runs on the restored copy. */
  whileRunning?: (server: KoersProcess, target: Target) => Promise<void>;
}): Promise<void> {
  const { source, emptyTarget, backupFile } = options;
  expect(backupFile.endsWith(options.extension)).toBe(true);
  const before = await snapshotOf(source);
  const content = before.content as Record<string, { rows: number }>;
  expect(content.users?.rows).toBeGreaterThan(10);
  expect(content.audit_events?.rows).toBeGreaterThan(0);
  expect(content.registrations?.rows).toBeGreaterThan(0);

  const backup = await npmRun("backup", [backupFile], koersEnv(source));
  expect(backup.stderr).toBe("");
  expect(backup.code).toBe(0);
  expect(backup.stdout).toContain(backupFile);
  expect(statSync(backupFile).size).toBeGreaterThan(0);
  const again = await script("backup", [backupFile], koersEnv(source));
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("already exists");

  const restored = await npmRun("restore", [backupFile], koersEnv(emptyTarget));
  expect(restored.stderr).toBe("");
  expect(restored.code).toBe(0);
  const db = await inspect(emptyTarget);
  try {
    expect(await snapshot(db)).toEqual(before);
    expect(await structuralProblems(db)).toEqual([]);
  } finally {
    await db.close();
  }

  // Koers runs on the restored copy: people sign in and see what was backed up.
  const server = await startKoers(emptyTarget);
  const admin = await new HttpClient(server.url).signIn(ADMIN);
  const people = await admin.request("GET", "/api/v1/people?search=backup.example");
  expect(people.status).toBe(200);
  expect(JSON.stringify(people.json)).toContain("Bewaard 1 (hernoemd)");
  await options.whileRunning?.(server, emptyTarget);
  await server.stop();

  // Over a database with data: refused without --force, the data untouched.
  await addMarker(source);
  const refused = await script("restore", [backupFile], koersEnv(source));
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("--force");
  expect(await hasMarker(source)).toBe(true);

  // A backup cut short fails as a whole, even with --force.
  const damaged = `${backupFile}.cut${options.extension}`;
  const bytes = readFileSync(backupFile);
  writeFileSync(damaged, bytes.subarray(0, bytes.length - 300));
  const broken = await script("restore", [damaged, "--force"], koersEnv(source));
  expect(broken.code).toBe(1);
  expect(broken.stderr).toContain("unchanged");
  expect(await hasMarker(source)).toBe(true);

  const forced = await script("restore", [backupFile, "--force"], koersEnv(source));
  expect(forced.stderr).toBe("");
  expect(forced.code).toBe(0);
  expect(await snapshotOf(source)).toEqual(before);
}
