/**
 * Builds what `npm start` runs, the web app and the compiled server, each only when its sources
 * changed since its last build: on an unchanged checkout it does nothing and the server starts at
 * once. The hash of a build's inputs (`sources.ts`) is kept beside its output; a different hash,
 * or no build at all, builds again.
 *
 *   tsx scripts/build.ts                 # the web app and the server, each if its sources changed
 *   tsx scripts/build.ts web --force     # the web app, changed or not (also: server)
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compileServer } from "./compile-server.js";
import { type Build, isBuiltFrom, SERVER_BUILD, STAMP, sourcesHash, WEB_BUILD } from "./sources.js";

const root = fileURLToPath(new URL("..", import.meta.url));

const builds: Record<string, { label: string; build: Build; run: () => Promise<void> }> = {
  web: {
    label: "web app",
    build: WEB_BUILD,
    run: async () => {
      // Loaded only when needed: importing the bundler costs more than the check itself.
      const { build } = await import("vite");
      await build({ configFile: join(root, "vite.config.ts"), logLevel: "warn" });
    },
  },
  server: { label: "server", build: SERVER_BUILD, run: async () => compileServer(root, join(root, "dist")) },
};

const { values, positionals } = parseArgs({
  options: { force: { type: "boolean", default: false } },
  allowPositionals: true,
});
const unknown = positionals.filter((name) => !(name in builds));
if (unknown.length > 0) {
  console.error(`Usage: tsx scripts/build.ts [${Object.keys(builds).join("|")}]... [--force]`);
  process.exit(1);
}

for (const name of positionals.length > 0 ? positionals : Object.keys(builds)) {
  const { label, build, run } = builds[name]!;
  const outDir = join(root, build.outDir);
  const hash = sourcesHash(root, build.inputs);
  if (!values.force && isBuiltFrom(outDir, build.entry, hash)) {
    console.log(`The ${label} is up to date.`);
    continue;
  }
  console.log(`Building the ${label}…`);
  await run();
  writeFileSync(join(outDir, STAMP), `${hash}\n`);
}
