import { spawn } from "node:child_process";
import { root, track } from "./server.js";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command line in the project, as someone at a terminal would, and collects what it printed. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true }),
      true,
    );
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** `npm run backup -- …` or `npm run restore -- …`, as documented. */
export const npmRun = (script: "backup" | "restore", args: string[], env: NodeJS.ProcessEnv) =>
  run("npm", ["run", "--silent", script, "--", ...args], env);

/** The same script without npm in between (a second less each), for the many calls after the first. */
export const script = (name: "backup" | "restore", args: string[], env: NodeJS.ProcessEnv) =>
  run(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], env);
