// @ts-check
/**
 * `npm start`: builds what changed since the last build (the web app, the compiled server; see
 * `build.ts`), then runs the compiled server in this same process. Plain JavaScript, so that on an
 * unchanged checkout nothing but the hash check stands between `npm start` and the server: no
 * TypeScript loader, no second Node process (decision 0041).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isBuiltFrom, SERVER_BUILD, sourcesHash, WEB_BUILD } from "./sources.js";

const root = fileURLToPath(new URL("..", import.meta.url));

const stale = [WEB_BUILD, SERVER_BUILD].some(
  (build) => !isBuiltFrom(join(root, build.outDir), build.entry, sourcesHash(root, build.inputs)),
);
if (stale) {
  const build = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/build.ts")], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await import(pathToFileURL(join(root, SERVER_BUILD.outDir, SERVER_BUILD.entry)).href);
