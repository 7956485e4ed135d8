import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD } from "../../../src/server/demo/seed.js";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Where the server keeps its data: an embedded data directory or a PostgreSQL database. */
export type Target = { dataDir: string } | { databaseUrl: string };

/** The environment Koers gets for a target, with nothing inherited that could point elsewhere. */
export function koersEnv(target: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // The demo network on purpose, on a server too: the scenarios sign in as its people.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    SEED_DEMO: "true",
    ...extra,
  };
  delete env.DATABASE_URL;
  delete env.KOERS_DATA_DIR;
  if ("dataDir" in target) env.KOERS_DATA_DIR = target.dataDir;
  else env.DATABASE_URL = target.databaseUrl;
  return env;
}

const running = new Set<ChildProcess>();
const groups = new WeakSet<ChildProcess>();

/**
 * Registers a child process for killAll. `group`: it was spawned detached, as the leader of its
 * own process group, and killAll kills the whole group (npm, the shell and tsx under it).
 */
export function track(child: ChildProcess, group = false): ChildProcess {
  running.add(child);
  if (group) groups.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

export interface KoersProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown hook runs, whatever was in flight is cut off. */
  kill9(): Promise<void>;
  /** SIGTERM: the server closes and the database is closed cleanly. */
  stop(): Promise<void>;
}

/**
 * Starts `src/server/main.ts` as its own process (node with the tsx loader, one process, so a
 * signal reaches the server itself and not a wrapper) and waits until /readyz answers.
 */
export async function startKoers(target: Target): Promise<KoersProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: koersEnv(target, { PORT: String(port), HOST: "127.0.0.1" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  track(child);
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`Koers stopped while starting (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Koers did not become ready within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, output: () => output, kill9: () => end("SIGKILL"), stop: () => end("SIGTERM") };
}

/** Kills every process a test started and that still runs: call from afterEach, so a failing test leaves none. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = once(child, "exit");
        if (groups.has(child) && child.pid) process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
        await gone;
      }
      running.delete(child);
    }),
  );
}

/** A browser-like client over real HTTP: keeps cookies and sends the CSRF token. */
export class HttpClient {
  private cookies = new Map<string, string>();
  private csrfToken = "";
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
    };
    if (method !== "GET") headers["x-csrf-token"] = this.csrfToken;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<this> {
    const session = await this.request("GET", "/api/v1/auth/session");
    this.csrfToken = (session.json as { csrfToken: string }).csrfToken;
    const login = await this.request("POST", "/api/v1/auth/login", { email, password });
    if (login.status !== 204) throw new Error(`sign-in failed: ${login.status} ${JSON.stringify(login.json)}`);
    const signedIn = await this.request("GET", "/api/v1/auth/session");
    this.csrfToken = (signedIn.json as { csrfToken: string }).csrfToken;
    return this;
  }
}
