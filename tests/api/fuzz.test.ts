import { afterAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../support/app.js";
import {
  changedTables,
  databaseFingerprint,
  paramsWithoutFixture,
  tenantFixtures,
  writeMark,
} from "../support/fixtures.js";
import { casesFor, type FuzzRequest, fillFixtures, operationsOf } from "../support/fuzz.js";

/**
 * Every operation of the API document gets bad input, as De Linde's admin with real ids of De
 * Linde in the path, so validation is reached and not cut short by a 404. The API must never
 * answer 5xx, must refuse what breaks the document's contract, must explain every refusal as
 * problem+json (with a message per field for validation failures), and must leave the database
 * as it was after a refusal. Operations come from /api/openapi.json: a new route is fuzzed
 * without a change here.
 */

/**
 * The same seed draws the same cases, so a failure repeats. To explore other inputs:
 * `FUZZ_SEED=7 npx vitest run --project api tests/api/fuzz.test.ts`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_501);
/** Cases per operation: 30 keeps the file at seconds; FUZZ_BUDGET=500 tries (nearly) everything. */
const BUDGET = Number(process.env.FUZZ_BUDGET ?? 30);

/** Operations whose input cannot be fuzzed meaningfully, with the reason. None so far. */
const NOT_FUZZED: Record<string, string> = {};

/**
 * Parts of a body the API checks itself, one item at a time, instead of refusing the request:
 * bad input there may be accepted (and answered per item), but never with a 5xx.
 */
const CHECKED_PER_ITEM: Record<string, { under: string; reason: string }> = {
  "POST /api/v1/people/import": {
    under: "rows.0",
    reason: "a bad row is skipped with a code in the answer; the good rows of the batch are imported",
  },
};

const t = await createTestApp({ LOGIN_LIMIT_PER_ADDRESS: "100000", LOGIN_LIMIT_PER_ACCOUNT: "100000" });
afterAll(() => t.close());
const ADMIN = "beheer@delinde.example";
const doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
const operations = operationsOf(doc);

let admin: TestClient = await t.login(ADMIN);
let ids: Record<string, string> = await tenantFixtures(t);
const fixtureNames = new Set(Object.keys(ids));

/** Requests that succeed may sign the admin out (logout) or switch organisation: sign in again. */
async function keepAdminSignedIn() {
  const session = await admin.refreshSession();
  if (session.user?.email !== ADMIN || session.organisation?.id !== t.orgs.linde) admin = await t.login(ADMIN);
}

function send(request: FuzzRequest) {
  const payload = typeof request.payload === "string" ? fillFixtures(request.payload, ids) : request.payload;
  return admin.request({
    method: request.method as "GET",
    url: fillFixtures(request.url, ids),
    headers: request.headers,
    ...(payload === undefined ? {} : { payload: payload as never }),
  });
}

type Verdict = { mustRefuse: boolean; field?: string; notFound?: boolean };

/** What is wrong with the answer to one case, if anything. */
function judge(c: Verdict, status: number, contentType: string, body: string): string[] {
  const wrong: string[] = [];
  if (status >= 500) wrong.push(`answered ${status}: ${body.slice(0, 300)}`);
  if (c.mustRefuse && status < 400) wrong.push(`accepted with ${status}, but the request breaks the API document`);
  if (c.notFound && status !== 404) wrong.push(`answered ${status}, expected 404`);
  if (status < 400) return wrong;
  if (!contentType.startsWith("application/problem+json")) {
    wrong.push(`answered ${status} as ${contentType || "nothing"}, not application/problem+json`);
    return wrong;
  }
  let problem: { title?: unknown; status?: unknown; type?: unknown; errors?: Record<string, unknown> };
  try {
    problem = JSON.parse(body);
  } catch {
    return [...wrong, `problem+json that is not JSON: ${body.slice(0, 100)}`];
  }
  if (typeof problem.title !== "string" || !problem.title) wrong.push("problem without a title");
  if (problem.status !== status) wrong.push(`problem says status ${problem.status}, the answer was ${status}`);
  if (typeof problem.type !== "string") wrong.push("problem without a type");
  if (status === 422) {
    const errors = Object.entries(problem.errors ?? {});
    if (!errors.length) wrong.push("422 without an errors map");
    for (const [field, message] of errors)
      if (typeof message !== "string" || !message) wrong.push(`errors.${field} is not a message`);
    if (c.field && c.mustRefuse) {
      const named = errors.some(
        ([key]) => key === c.field || c.field?.startsWith(`${key}.`) || key.startsWith(`${c.field}.`),
      );
      if (!named) wrong.push(`errors name ${errors.map(([k]) => k).join(", ")}, not ${c.field}`);
    }
  } else if (c.field && c.mustRefuse && !c.notFound && status !== 413) {
    wrong.push(`answered ${status} to a bad ${c.field}, expected 422 naming the field`);
  }
  return wrong;
}

describe("bad input on every operation of the API", () => {
  it("fuzzes every route of the app: each is in the API document, or listed with a reason", () => {
    const documented = new Set(operations.map((op) => op.id));
    const undocumented = t.app.apiRoutes
      .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((m) => `${m} ${r.url}`))
      .filter((id) => !id.startsWith("HEAD ") && !documented.has(id));
    expect(undocumented, "routes hidden from /api/openapi.json escape the fuzzer").toEqual([]);
    expect(
      Object.keys(NOT_FUZZED).filter((id) => !documented.has(id)),
      "stale entries in NOT_FUZZED",
    ).toEqual([]);
    expect(paramsWithoutFixture(), "add a finder for these in tests/support/fixtures.ts").toEqual([]);
  });

  for (const op of operations) {
    it.skipIf(op.id in NOT_FUZZED)(`${op.id} refuses bad input with problem+json and changes nothing`, async () => {
      const cases = casesFor(op, { seed: SEED, budget: BUDGET, fixtures: fixtureNames });
      expect(cases.length).toBeGreaterThan(0);
      const failures: string[] = [];
      // The state before a group of refused requests; checked again whenever something was written.
      let before = await databaseFingerprint(t);
      let mark = await writeMark(t);
      for (const c of cases) {
        const { request, ...made } = c.make();
        const perItem = CHECKED_PER_ITEM[op.id];
        const verdict = perItem && made.field?.startsWith(perItem.under) ? { ...made, mustRefuse: false } : made;
        const response = await send(request);
        const wrong = judge(
          verdict,
          response.statusCode,
          String(response.headers["content-type"] ?? ""),
          response.body,
        );
        const written = (await writeMark(t)) !== mark;
        if (response.statusCode >= 400 && written) {
          const after = await databaseFingerprint(t);
          const changed = changedTables(before, after);
          if (changed.length) wrong.push(`refused with ${response.statusCode} but changed ${changed.join(", ")}`);
          before = after;
        } else if (response.statusCode < 400) {
          await keepAdminSignedIn();
          ids = await tenantFixtures(t);
          before = await databaseFingerprint(t);
        }
        mark = await writeMark(t);
        for (const w of wrong) failures.push(`${c.what}: ${w}`);
      }
      expect(({} as Record<string, unknown>).polluted, "Object.prototype was polluted").toBeUndefined();
      expect(failures.join("\n"), `seed ${SEED}`).toBe("");
    });
  }
});
