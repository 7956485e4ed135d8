import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../../src/db/connection.js";

/**
 * Migration 0007 on a database that holds data from before it: people added by hand without a
 * password become invited members, signatures keep the names they were signed under, and reset
 * mail leaves the organisations' outboxes.
 */
const dir = join(import.meta.dirname, "../../src/db/migrations");
const files = readdirSync(dir)
  .filter((f) => /^\d{4}_.+\.sql$/.test(f))
  .sort();
const before = files.filter((f) => f < "0007");
const accounts = files.find((f) => f.startsWith("0007_")) as string;

let database: Awaited<ReturnType<typeof openPglite>>;
beforeAll(async () => {
  database = await openPglite(undefined);
  for (const file of before) await database.execScript(readFileSync(join(dir, file), "utf8"));
  await database.client.exec(`
    INSERT INTO organisations (id, slug, name, primary_color) VALUES
      ('00000000-0000-4000-8000-00000000000a', 'a', 'A', '#123456');
    INSERT INTO users (id, email, name, password_hash) VALUES
      ('00000000-0000-4000-8000-000000000001', 'met@example.org', 'Met Wachtwoord', 'hash'),
      ('00000000-0000-4000-8000-000000000002', 'zonder@example.org', 'Zonder Wachtwoord', NULL);
    INSERT INTO memberships (organisation_id, user_id, roles, status) VALUES
      ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', '{admin}', 'active'),
      ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000002', '{admin}', 'active');
    INSERT INTO regime_versions (organisation_id, hash, document) VALUES
      ('00000000-0000-4000-8000-00000000000a', 'h', '{}');
    INSERT INTO trajectories (id, organisation_id, regime_hash, regime_key, title, status, starts_on, ends_on) VALUES
      ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-00000000000a', 'h', 'k', 'T', 'running', '2026-01-01', '2027-01-01');
    INSERT INTO declarations (id, organisation_id, trajectory_id, kind, number, status, content_sha256) VALUES
      ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000b1', 'start', 1, 'signed', 'abc');
    INSERT INTO declaration_signatures (organisation_id, declaration_id, signer_key, user_id, content_sha256, ip) VALUES
      ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-0000000000c1', 'professional', '00000000-0000-4000-8000-000000000001', 'abc', '127.0.0.1');
    INSERT INTO outbox (organisation_id, to_address, subject, body_text, sensitive) VALUES
      ('00000000-0000-4000-8000-00000000000a', 'met@example.org', 'Reset', 'http://x/wachtwoord-herstellen?token=geheim', true),
      ('00000000-0000-4000-8000-00000000000a', 'zonder@example.org', 'Uitnodiging', 'http://x/uitnodiging?token=ook', false);
  `);
  await database.execScript(readFileSync(join(dir, accounts), "utf8"));
  // A fresh embedded database migrated from scratch: slow on a busy machine.
}, 240_000);
afterAll(() => database.close());

const rows = async <T>(query: string) => (await database.client.query<T>(query)).rows;

describe(`migration ${accounts} on existing data`, () => {
  it("makes a member who never chose a password invited, under the name they were added with", async () => {
    const members = await rows<{ email: string; status: string; display_name: string | null; joined: boolean }>(`
      SELECT u.email, m.status, m.display_name, m.joined_at IS NOT NULL AS joined
      FROM memberships m JOIN users u ON u.id = m.user_id ORDER BY u.email`);
    expect(members).toEqual([
      { email: "met@example.org", status: "active", display_name: null, joined: true },
      { email: "zonder@example.org", status: "invited", display_name: "Zonder Wachtwoord", joined: false },
    ]);
  });

  it("freezes the names of existing signatures, and keeps guarding them", async () => {
    expect(await rows<{ signer_name: string }>("SELECT signer_name FROM declaration_signatures")).toEqual([
      { signer_name: "Met Wachtwoord" },
    ]);
    await expect(database.client.query("UPDATE declaration_signatures SET signer_name = 'x'")).rejects.toThrow(
      /cannot be changed/,
    );
  });

  it("moves reset mail out of the outbox into the account mail queue", async () => {
    expect(await rows<{ to_address: string }>("SELECT to_address FROM outbox")).toEqual([
      { to_address: "zonder@example.org" },
    ]);
    expect(await rows<{ to_address: string }>("SELECT to_address FROM account_mail")).toEqual([
      { to_address: "met@example.org" },
    ]);
  });
});
