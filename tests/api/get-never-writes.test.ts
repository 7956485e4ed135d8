import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { declarations } from "../../src/db/schema.js";
import { createTestApp, type TestClient } from "../support/app.js";
import { changedTables, databaseFingerprint, tenantFixtures, writeMark } from "../support/fixtures.js";
import { fillFixtures, operationsOf, validRequest } from "../support/fuzz.js";

/**
 * A GET never writes. Every GET operation of the API document is sent with valid input and real
 * ids, by people of every kind of role, and every table must be byte for byte as it was after
 * each answer, whatever the answer was, but for the access log that records the read. Operations come from /api/openapi.json: a new GET is
 * checked without a change here.
 */

/**
 * GETs that write on purpose, with the table they write and why. Keep this short: a read that
 * needs to remember something is usually a missing step in the write that came before it.
 */
const WRITES_ON_PURPOSE: Record<string, { table: string; reason: string }> = {
  "GET /api/v1/declarations/:declarationId/pdf": {
    table: "declaration_files",
    reason:
      "the hash of every PDF handed out is kept, so that file can be verified later; the bytes of a draft differ per download",
  },
};

/**
 * The one table every GET may add to: the access log, which writes down that someone read a
 * person's data (decision 0036). It only grows; what it holds is tested in access-log.test.ts.
 */
const ACCESS_LOG = "access_log";

const t = await createTestApp({
  LOGIN_LIMIT_PER_ADDRESS: "100000",
  LOGIN_LIMIT_PER_ACCOUNT: "100000",
  PDF_LIMIT_PER_SESSION: "100000",
});
afterAll(() => t.close());
const doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
const reads = operationsOf(doc).filter((op) => op.method === "GET");
const ids = await tenantFixtures(t);
const fixtureNames = new Set(Object.keys(ids));
// The declarations' own trajectory too, so the GETs of a trajectory also run on one with declarations.
const [skj] = await t.database.db
  .select({ trajectoryId: declarations.trajectoryId })
  .from(declarations)
  .where(eq(declarations.id, ids.declarationId ?? ""));
const idSets = [ids, { ...ids, trajectoryId: skj?.trajectoryId ?? ids.trajectoryId ?? "" }];

/** De Linde's people in each kind of role, signed in to De Linde. */
async function readers(): Promise<Array<[string, TestClient]>> {
  const emails = {
    admin: "beheer@delinde.example",
    guide: "sanne.visser@netwerk.example",
    trainee: "daan.bakker@delinde.example",
    client: "fatima.yilmaz@delinde.example",
    trainer: "eva.mulder@delinde.example",
  };
  const signedIn: Array<[string, TestClient]> = [];
  for (const [role, email] of Object.entries(emails)) {
    const client = await t.login(email);
    if ((await client.refreshSession()).organisation?.id !== t.orgs.linde)
      await client.post("/api/v1/auth/organisation", { organisationId: t.orgs.linde });
    signedIn.push([role, client]);
  }
  return signedIn;
}

const clients = await readers();
clients.push(["signed out", await t.anonymous()]);

// The state before a request is the state after the one before it (nothing else runs in
// between), and a request that committed no write leaves it as it was: the tables are
// fingerprinted only after a request that wrote something, such as the access log.
let state = await databaseFingerprint(t);
let mark = await writeMark(t);

describe("a GET never writes", () => {
  it("finds GET operations to check", () => {
    expect(reads.length).toBeGreaterThan(30);
    const known = new Set(reads.map((op) => op.id));
    expect(
      Object.keys(WRITES_ON_PURPOSE).filter((id) => !known.has(id)),
      "stale entries in WRITES_ON_PURPOSE",
    ).toEqual([]);
  });

  for (const op of reads) {
    it(`${op.id} leaves every table as it was, for every role`, async () => {
      const allowed = WRITES_ON_PURPOSE[op.id]?.table;
      const writes: string[] = [];
      for (const [role, client] of clients) {
        for (const set of idSets) {
          const request = validRequest(op, 1, fixtureNames);
          const response = await client.request({ method: "GET", url: fillFixtures(request.url, set) });
          const written = await writeMark(t);
          if (written !== mark) {
            const after = await databaseFingerprint(t);
            const changed = changedTables(state, after).filter((name) => name !== allowed && name !== ACCESS_LOG);
            if (changed.length) writes.push(`as ${role} (${response.statusCode}) wrote ${changed.join(", ")}`);
            state = after;
            mark = written;
          }
          expect(response.statusCode, `as ${role}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
        }
      }
      expect(writes).toEqual([]);
    });
  }
});
