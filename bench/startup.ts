/**
 * Start-up: the time from spawning `node dist/server/main.js` (what `npm start` runs once its
 * builds are up to date) to the first answered request, on a fresh embedded data directory
 * (initdb, migrations, demo seed) and on an existing one; on the existing one also from the
 * TypeScript with the tsx loader (as `npm run dev`, and `npm start` before the server was compiled),
 * and `npm start` itself on an unchanged checkout, its builds' checks included; and the JavaScript
 * the first page loads, gzipped (the module script and its modulepreload links in
 * dist/web/index.html). Builds the web app and the server first where their sources changed.
 *
 *   npm run bench:startup                      # 3 runs of each
 *   npm run bench:startup -- --runs 5
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { FIRST_PAGE_TARGET_BYTES, firstPageScripts } from "../scripts/first-page.js";
import { loadAverage, machine } from "./support/machine.js";
import { root, spawnKoers } from "./support/server.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error("Usage: npm run bench:startup -- [--runs 3]");
  process.exit(1);
}

const TARGET_START_MS = 3_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

console.log("Start-up benchmark");
console.log(`machine   ${machine()}`);
console.log(`load      ${loadAverage()} (1, 5, 15 min) at the start`);

// The builds `npm start` would make, so that every timed `npm start` below only checks them.
execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: root, stdio: "inherit" });

const fresh: number[] = [];
const existing: number[] = [];
const fromSources: number[] = [];
const npmStart: number[] = [];
const env = { SEED_DEMO: "true" };
for (let run = 1; run <= runs; run++) {
  const dir = mkdtempSync(join(os.tmpdir(), "koers-startup-"));
  const dataDir = join(dir, "data");
  try {
    const first = await spawnKoers({ dataDir }, { launcher: "compiled", path: "/healthz", env });
    await first.stop();
    const again = await spawnKoers({ dataDir }, { launcher: "compiled", path: "/healthz", env });
    await again.stop();
    const typescript = await spawnKoers({ dataDir }, { launcher: "node", path: "/healthz", env });
    await typescript.stop();
    const started = await spawnKoers({ dataDir }, { launcher: "npm start", path: "/healthz", env });
    await started.stop();
    fresh.push(first.readyAfterMs);
    existing.push(again.readyAfterMs);
    fromSources.push(typescript.readyAfterMs);
    npmStart.push(started.readyAfterMs);
    console.log(
      `run ${run}    fresh data directory ${Math.round(first.readyAfterMs)} ms, existing ${Math.round(again.readyAfterMs)} ms (from TypeScript ${Math.round(typescript.readyAfterMs)} ms), npm start on it ${Math.round(started.readyAfterMs)} ms (load ${os.loadavg()[0]?.toFixed(2)})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log("");
console.log("| start | runs | median | min | max |");
console.log("|---|---:|---:|---:|---:|");
for (const [name, times] of [
  ["fresh data directory (initdb, migrations, demo seed)", fresh],
  ["existing data directory", existing],
  ["existing data directory, from the TypeScript (tsx loader, as `npm run dev`)", fromSources],
  ["`npm start`, existing data directory, unchanged checkout", npmStart],
] as const)
  console.log(
    `| ${name} | ${times.length} | ${Math.round(median(times))} ms | ${Math.round(Math.min(...times))} ms | ${Math.round(Math.max(...times))} ms |`,
  );
console.log(
  `${median(npmStart) < TARGET_START_MS ? "met   " : "missed"}  npm start answers after ${Math.round(median(npmStart))} ms (median); target < ${TARGET_START_MS} ms`,
);

const webRoot = join(root, "dist/web");
const scripts = firstPageScripts(webRoot);
let raw = 0;
let gzipped = 0;
console.log(`\nFirst page's JavaScript (dist/web built ${statSync(join(webRoot, "index.html")).mtime.toISOString()}):`);
console.log("| file | bytes | gzipped |");
console.log("|---|---:|---:|");
for (const script of scripts) {
  raw += script.bytes;
  gzipped += script.gzipped;
  console.log(`| ${script.src} | ${script.bytes.toLocaleString("en")} | ${script.gzipped.toLocaleString("en")} |`);
}
console.log(`| total (${scripts.length} files) | ${raw.toLocaleString("en")} | ${gzipped.toLocaleString("en")} |`);
console.log(
  `${gzipped < FIRST_PAGE_TARGET_BYTES ? "met   " : "missed"}  ${(gzipped / 1000).toFixed(1)} kB gzipped (zlib level 6); target < ${FIRST_PAGE_TARGET_BYTES / 1000} kB`,
);
console.log(`load      ${loadAverage()} (1, 5, 15 min) at the end`);
