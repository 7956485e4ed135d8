/**
 * Builds the web app when its sources changed since the last build, and does nothing otherwise:
 * `npm start` on an unchanged checkout starts the server at once. The hash of the build's inputs
 * (`web-sources.ts`) is kept beside the output; a different hash, or no build at all, builds again.
 *
 *   tsx scripts/build-web.ts            # build if the sources changed
 *   tsx scripts/build-web.ts --force    # build anyway
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isBuiltFrom, STAMP, sourcesHash } from "./web-sources.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "dist/web");
const hash = sourcesHash(root);

if (!process.argv.includes("--force") && isBuiltFrom(outDir, hash)) {
  console.log("Web app is up to date.");
} else {
  // Loaded only when needed: importing the bundler costs more than the check itself.
  const { build } = await import("vite");
  await build({ configFile: join(root, "vite.config.ts"), logLevel: "warn" });
  writeFileSync(join(outDir, STAMP), `${hash}\n`);
}
