// @ts-check
// Plain JavaScript, typed by its comments: `npm start` (`scripts/start.js`) checks the builds
// before anything is compiled, without loading a TypeScript compiler (decision 0041).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * A build `npm start` needs: what it reads, where it writes, and the file that shows it finished.
 * @typedef {{ inputs: readonly string[]; outDir: string; entry: string }} Build
 */

/**
 * The web app: its sources, the domain code it imports, its configuration, the locked dependencies.
 * @type {Build}
 */
export const WEB_BUILD = {
  inputs: ["src/web", "src/domain", "vite.config.ts", "package-lock.json"],
  outDir: "dist/web",
  entry: "index.html",
};

/** What the server is compiled from; `tsconfig.server.json` includes the same. */
export const SERVER_SOURCES = ["src/server", "src/db", "src/domain"];

/**
 * The server, compiled to JavaScript in `dist` beside the web app (`dist/server`, `dist/db`,
 * `dist/domain`, as in `src`), with the compiler's configuration and the locked dependencies.
 * @type {Build}
 */
export const SERVER_BUILD = {
  inputs: [...SERVER_SOURCES, "tsconfig.json", "tsconfig.server.json", "package-lock.json"],
  outDir: "dist/server",
  entry: "main.js",
};

/** The file a build leaves beside its output, holding the hash of the sources it was built from. */
export const STAMP = ".sources";

/**
 * @param {string} root
 * @param {string} path
 * @returns {string[]}
 */
function files(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * One hash over every input file's path and content, in a fixed order.
 * @param {string} root
 * @param {readonly string[]} inputs
 */
export function sourcesHash(root, inputs) {
  const hash = createHash("sha256");
  for (const file of inputs.flatMap((input) => files(root, input))) {
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(join(root, file)))
      .update("\0");
  }
  return hash.digest("hex");
}

/**
 * Whether the output in `outDir` is whole (its `entry` is there) and was built from sources with this hash.
 * @param {string} outDir
 * @param {string} entry
 * @param {string} hash
 */
export function isBuiltFrom(outDir, entry, hash) {
  const stamp = join(outDir, STAMP);
  return existsSync(join(outDir, entry)) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash;
}
