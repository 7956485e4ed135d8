import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Target } from "./bulk.js";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

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

/** Sends `signal` to the process group `child` leads; false when none of its processes is left. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals | 0) {
  try {
    process.kill(-(child.pid as number), signal);
    return true;
  } catch {
    return false;
  }
}

export interface RunningKoers {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawning the process to the first answered request. */
  readyAfterMs: number;
  output(): string;
  /** SIGTERM, and wait until the process has exited (the database is closed cleanly). */
  stop(): Promise<void>;
}

/** How Koers is started: its TypeScript with the tsx loader, the compiled server, or `npm start`. */
export type Launcher = "node" | "compiled" | "npm start";

const commands: Record<Launcher, [string, string[]]> = {
  // Node with the tsx loader: one process, so signals reach the server itself.
  node: [process.execPath, ["--import", "tsx", "src/server/main.ts"]],
  // What `npm start` runs once its builds are up to date (`npm run build:server`).
  compiled: [process.execPath, ["dist/server/main.js"]],
  // The builds' checks included: npm, a shell, the check and the server, in a process group of their own.
  "npm start": ["npm", ["start"]],
};

/**
 * Starts Koers (by default from its TypeScript) in its own process, so the load generator does
 * not share its event loop. Polls `path` every few milliseconds and resolves on the first 200.
 */
export async function spawnKoers(
  target: Target,
  options: {
    env?: Record<string, string>;
    launcher?: Launcher;
    path?: string;
    timeoutMs?: number;
    /** Node's own options before the script, as `--cpu-prof` (not for `npm start`). */
    nodeOptions?: string[];
  } = {},
): Promise<RunningKoers> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: "warn",
    ...options.env,
    PORT: String(port),
    HOST: "127.0.0.1",
  };
  delete env.DATABASE_URL;
  delete env.KOERS_DATA_DIR;
  if ("dataDir" in target) env.KOERS_DATA_DIR = target.dataDir;
  else env.DATABASE_URL = target.databaseUrl;

  const started = performance.now();
  const [command, launch] = commands[options.launcher ?? "node"];
  const group = options.launcher === "npm start";
  if (group && options.nodeOptions?.length) throw new Error("nodeOptions: not through npm start");
  const args = [...(options.nodeOptions ?? []), ...launch];
  const child = spawn(command, args, { cwd: root, env, stdio: "pipe", detached: group });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (!group) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    }
    // The whole group, and until its last process is gone: npm may exit before the server has closed its database.
    signalGroup(child, "SIGTERM");
    while (signalGroup(child, 0)) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = started + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`Koers stopped while starting (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      const response = await fetch(`${url}${options.path ?? "/readyz"}`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`Koers did not answer within ${options.timeoutMs ?? 120_000} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { url, child, readyAfterMs: performance.now() - started, output: () => output, stop };
}
