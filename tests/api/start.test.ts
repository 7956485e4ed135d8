import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileServer } from "../../scripts/compile-server.js";
import { SERVER_BUILD, STAMP, sourcesHash, WEB_BUILD } from "../../scripts/sources.js";
import { serverDatabase, testDatabaseKind } from "../support/database.js";

/**
 * `npm start` as a person runs it: its launcher (`scripts/start.js`) finds both builds up to date
 * and runs the compiled server, on the embedded database. The server is compiled here, apart from
 * the checkout's own build, into a directory laid out as a checkout with the packages linked in.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "koers-start-"));
const compiled = mkdtempSync(join(tmpdir(), "koers-compiled-"));
beforeAll(() => {
  compileServer(root, join(compiled, "dist"));
  mkdirSync(join(compiled, WEB_BUILD.outDir), { recursive: true });
  writeFileSync(join(compiled, WEB_BUILD.outDir, WEB_BUILD.entry), "<!doctype html>");
  for (const build of [WEB_BUILD, SERVER_BUILD]) {
    writeFileSync(join(compiled, build.outDir, STAMP), sourcesHash(compiled, build.inputs));
  }
  for (const file of ["start.js", "sources.js"]) cpSync(join(root, "scripts", file), join(compiled, "scripts", file));
  writeFileSync(join(compiled, "package.json"), JSON.stringify({ type: "module" }));
  symlinkSync(join(root, "node_modules"), join(compiled, "node_modules"));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(compiled, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function start(port: number, env: Record<string, string> = {}): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, [join(compiled, "scripts/start.js")], {
    env: {
      ...process.env,
      PORT: String(port),
      KOERS_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      SEED_DEMO: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 60_000;
  // The last lines come at once, after the server listens.
  while (!/Koers draait op[\s\S]*\n\n/.test(output) && Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Koers stopped: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output };
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** Signs in over HTTP as a browser does: session first for the CSRF token, then the login. */
async function signIn(base: string, email: string) {
  const anonymous = await fetch(`${base}/api/v1/auth/session`);
  const { csrfToken } = await anonymous.json();
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-csrf-token": csrfToken, cookie: cookiesOf(anonymous) },
    body: JSON.stringify({ email, password: "Koers-demo-2026" }),
  });
  expect(login.status).toBe(204);
  const cookie = cookiesOf(login);
  const session = await (await fetch(`${base}/api/v1/auth/session`, { headers: { cookie } })).json();
  return { cookie, csrfToken: session.csrfToken as string, session };
}

describe.skipIf(testDatabaseKind() !== "pglite")("starting Koers on the embedded database", () => {
  it("prints the address and the demo logins, serves them, and keeps data across a restart", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await start(port);
    try {
      expect(first.output).toContain(base);
      expect(first.output).toContain("beheer@delinde.example");
      expect(first.output).toContain("Koers-demo-2026");
      expect(first.output).toContain("demonetwerk is klaargezet");
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const fatima = await signIn(base, "fatima.yilmaz@delinde.example");
      const changed = await fetch(`${base}/api/v1/auth/locale`, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-csrf-token": fatima.csrfToken, cookie: fatima.cookie },
        body: JSON.stringify({ locale: "en" }),
      });
      expect(changed.status).toBe(204);
      // A PDF, rendered in a worker thread that loads the compiled renderer.
      const pdf = await fetch(`${base}/api/v1/me/export?format=pdf`, { headers: { cookie: fatima.cookie } });
      expect(pdf.status).toBe(200);
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await stop(first.child);
    }

    const second = await start(port);
    try {
      // The change survived, and the demo data was not seeded a second time.
      const fatima = await signIn(base, "fatima.yilmaz@delinde.example");
      expect(fatima.session.user.locale).toBe("en");
      expect(second.output).not.toContain("demonetwerk is klaargezet");
    } finally {
      await stop(second.child);
    }
  }, 120_000);
});

describe.skipIf(testDatabaseKind() !== "postgres")("starting Koers on an empty PostgreSQL server database", () => {
  it("does not seed the demo unless SEED_DEMO=true asks, and says so at start", async () => {
    const created = await serverDatabase("koers_start");
    const organisations = async () => {
      const client = new pg.Client({ connectionString: created.url });
      await client.connect();
      try {
        return (await client.query("select count(*)::int as n from organisations")).rows[0].n as number;
      } finally {
        await client.end();
      }
    };
    try {
      const port = await freePort();
      const plain = await start(port, { DATABASE_URL: created.url });
      try {
        expect(plain.output).toContain("demonetwerk is niet klaargezet");
        expect(plain.output).toContain("SEED_DEMO=true");
        // No demo, so no demo password on the console either.
        expect(plain.output).not.toContain("Koers-demo-2026");
        expect(await organisations()).toBe(0);
      } finally {
        await stop(plain.child);
      }

      const asked = await start(port, { DATABASE_URL: created.url, SEED_DEMO: "true" });
      try {
        expect(asked.output).toContain("demonetwerk is klaargezet");
        expect(await organisations()).toBeGreaterThan(0);
        await signIn(`http://127.0.0.1:${port}`, "beheer@delinde.example");
      } finally {
        await stop(asked.child);
      }
    } finally {
      await created.drop();
    }
  }, 120_000);
});
