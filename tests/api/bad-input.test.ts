import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { createTestApp, type TestApp, TestClient, testConfig } from "../support/app.js";
import { tenantFixtures } from "../support/fixtures.js";

/**
 * Bad input that once made the API answer 500 or something other than problem+json, found by
 * tests/api/fuzz.test.ts. Each is pinned here by name, so it stays fixed whatever the fuzzer draws.
 */
let t: TestApp;
let admin: TestClient;
let ids: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  ids = await tenantFixtures(t);
  admin = await t.login("beheer@delinde.example");
});
afterAll(() => t.close());

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers["content-type"]).toContain("application/problem+json");
  return response.json() as { title: string; errors?: Record<string, string> };
}

describe("a NUL character, which PostgreSQL text cannot hold", () => {
  it("is refused on its field in a query, a body and a key of a free-form object", async () => {
    const search = expectProblem(await admin.get("/api/v1/people?search=a%00b"), 422);
    expect(search.errors?.search).toBe("Deze tekst bevat een ongeldig teken (NUL).");
    expectProblem(await admin.get("/api/v1/trajectories?status=a%00b"), 422);

    const person = await admin.get(`/api/v1/people/${ids.personId}`);
    const { version } = person.json();
    const update = expectProblem(
      await admin.put(`/api/v1/people/${ids.personId}`, {
        version,
        name: "Vaste\u0000Testpersoon",
        roles: ["trainee"],
      }),
      422,
    );
    expect(Object.keys(update.errors ?? {})).toEqual(["name"]);
    expect((await admin.get(`/api/v1/people/${ids.personId}`)).json().name).toBe("Vaste Testpersoon");

    const plan = expectProblem(
      await admin.put(`/api/v1/trajectories/${ids.trajectoryId}/plan`, {
        version: 1,
        plan: { "re\u0000den": "x" },
        intensity: null,
        evaluationMoments: [],
      }),
      422,
    );
    expect(Object.keys(plan.errors ?? {})).toEqual(["plan.re\u0000den"]);
  });
});

describe("a version beyond PostgreSQL's integer", () => {
  it("is refused as 422 on the version field; the largest integer is merely stale (409)", async () => {
    const person = (await admin.get(`/api/v1/people/${ids.personId}`)).json();
    const body = (version: number) => ({ version, displayName: person.name, roles: person.roles });
    for (const version of [2 ** 31, 2 ** 53 - 1]) {
      const problem = expectProblem(await admin.put(`/api/v1/people/${ids.personId}`, body(version)), 422);
      expect(Object.keys(problem.errors ?? {})).toEqual(["version"]);
    }
    expectProblem(await admin.put(`/api/v1/people/${ids.personId}`, body(2 ** 31 - 1)), 409);

    const logo = expectProblem(await admin.delete(`/api/v1/organisation/logo?version=${2 ** 31}`), 422);
    expect(Object.keys(logo.errors ?? {})).toEqual(["version"]);
    const report = expectProblem(
      await admin.post(`/api/v1/trajectories/${ids.trajectoryId}/report/finalise`, { version: 2 ** 53 - 2 }),
      422,
    );
    expect(Object.keys(report.errors ?? {})).toEqual(["version"]);
  });
});

describe("an upload the multipart parser cannot read", () => {
  it("is a 400 problem, and the logo stays as it was", async () => {
    const before = (await admin.get("/api/v1/organisation/branding")).json();
    const forms = [
      { type: "multipart/form-data", body: "--x\r\n\r\n" },
      { type: "multipart/form-data; boundary=grens", body: "geen delen hier" },
      {
        type: "multipart/form-data; boundary=grens",
        body: '--grens\r\nContent-Disposition: form-data; name="logo"; filename="a.png"\r\n\r\n\x89PNG',
      },
    ];
    for (const form of forms) {
      const response = await admin.request({
        method: "POST",
        url: `/api/v1/organisation/logo?version=${before.version}`,
        headers: { "content-type": form.type },
        payload: form.body,
      });
      expectProblem(response, 400);
    }
    expect((await admin.get("/api/v1/organisation/branding")).json()).toEqual(before);
  });
});

describe("a path the router cannot read", () => {
  it("answers problem+json: 400 for a path that does not decode, 414 for an id over the length limit", async () => {
    const undecodable = expectProblem(await admin.get("/api/v1/people/%ED%A0%80"), 400);
    expect(undecodable.title).toBe("Het verzoek kon niet worden gelezen.");
    expectProblem(await admin.post(`/api/v1/people/${"x".repeat(2000)}/deactivate`, { version: 1 }), 414);
    expectProblem(await admin.get(`/api/v1/people/${"x".repeat(2000)}`), 404);
  });
});

describe("the API's answers without the web app built", () => {
  it("are the same as with it: bad paths answer as above whether dist/web exists or not", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "koers-web-"));
    const built = join(scratch, "built");
    mkdirSync(built);
    writeFileSync(join(built, "index.html"), "<!doctype html><title>Koers</title>");
    const apps = {
      built: await buildApp(testConfig(), t.database, { webRoot: built }),
      missing: await buildApp(testConfig(), t.database, { webRoot: join(scratch, "not-built") }),
    };
    try {
      const answers = { built: [] as Array<[string, number, string]>, missing: [] as Array<[string, number, string]> };
      for (const name of ["built", "missing"] as const) {
        const client = new TestClient(apps[name]);
        client.cookies = admin.cookies;
        client.csrfToken = admin.csrfToken;
        for (const [method, url] of [
          ["GET", `/api/v1/people/${"x".repeat(2000)}`],
          ["POST", `/api/v1/people/${"x".repeat(2000)}/deactivate`],
          ["GET", "/api/v1/people/%ED%A0%80"],
          ["GET", "/api/v1/no-such-thing"],
          ["GET", `/api/v1/no-such-thing/${"x".repeat(2000)}`],
        ] as const) {
          const response = await client.request({
            method,
            url,
            payload: method === "POST" ? { version: 1 } : undefined,
          });
          answers[name].push([
            `${method} ${url.slice(0, 40)}`,
            response.statusCode,
            String(response.headers["content-type"]),
          ]);
        }
      }
      expect(answers.missing).toEqual(answers.built);
      expect(answers.missing.map(([, status]) => status)).toEqual([404, 414, 400, 404, 404]);
      for (const [, , type] of answers.missing) expect(type).toContain("application/problem+json");
      // A page of the web app is the app when built, a problem+json 404 when not.
      expect((await apps.built.inject({ method: "GET", url: "/trajecten" })).body).toContain("<title>Koers");
      expect((await apps.missing.inject({ method: "GET", url: "/trajecten" })).statusCode).toBe(404);
    } finally {
      await apps.built.close();
      await apps.missing.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe("dates PostgreSQL cannot hold (year 0000, an offset rolling past 9999)", () => {
  const outOfRange = "Kies een datum van 1900 tot en met 2199.";
  const refused = (response: Parameters<typeof expectProblem>[0], field: string) => {
    const problem = expectProblem(response, 422);
    expect(problem.errors?.[field], `${field}: ${JSON.stringify(problem.errors)}`).toBe(outOfRange);
  };

  it("are refused on their field in every body that takes a date or a date-time", async () => {
    const registration = { register: "SKJ", registrationType: "Jeugd- en gezinsprofessional", number: "110000001" };
    refused(
      await admin.post(`/api/v1/people/${ids.personId}/registrations`, { ...registration, validUntil: "0000-01-01" }),
      "validUntil",
    );
    refused(
      await admin.post(`/api/v1/people/${ids.personId}/registrations`, {
        ...registration,
        reregistrationDate: "9999-12-31",
      }),
      "reregistrationDate",
    );
    const trajectory = { regimeKey: "coaching", title: "Datumtest", traineeId: ids.personId, guideIds: [ids.personId] };
    refused(
      await admin.post("/api/v1/trajectories", { ...trajectory, startsOn: "0000-01-01", endsOn: "2026-12-31" }),
      "startsOn",
    );
    refused(
      await admin.post(`/api/v1/trajectories/${ids.trajectoryId}/meetings/schedule`, {
        type: "visit",
        dates: ["0000-01-01"],
        time: "09:00",
      }),
      "dates.0",
    );
    refused(
      await admin.post(`/api/v1/trajectories/${ids.trajectoryId}/meetings`, {
        type: "visit",
        startsAt: "9999-12-31T23:00:00-05:00",
      }),
      "startsAt",
    );
    refused(
      await admin.post(`/api/v1/intervision/groups/${ids.groupId}/meetings`, {
        startsAt: "2026-03-01T09:00:00+01:00",
        endsAt: "9999-12-31T23:00:00-05:00",
      }),
      "endsAt",
    );
    refused(
      await admin.put(`/api/v1/trajectories/${ids.trajectoryId}/plan`, {
        version: 1,
        plan: {},
        intensity: null,
        evaluationMoments: [{ date: "0000-01-01", label: "Evaluatie" }],
      }),
      "evaluationMoments.0.date",
    );
  });

  it("are refused on their field in query filters", async () => {
    refused(await admin.get("/api/v1/audit-events?from=0000-01-01"), "from");
    refused(await admin.get("/api/v1/audit-events?to=9999-12-31"), "to");
    refused(
      await admin.get(
        `/api/v1/trajectories/guide-eligibility?regimeKey=coaching&traineeId=${ids.personId}&guideId=${ids.personId}&startsOn=0000-01-01`,
      ),
      "startsOn",
    );
  });

  it("are accepted at the ends of the range", async () => {
    const audit = await admin.get("/api/v1/audit-events?from=1900-01-01&to=2199-12-31");
    expect(audit.statusCode).toBe(200);
  });
});
