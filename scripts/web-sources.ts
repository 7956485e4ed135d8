import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** What the web build reads: the web app, the domain code it imports, its configuration, the locked dependencies. */
export const WEB_INPUTS = ["src/web", "src/domain", "vite.config.ts", "package-lock.json"];

/** The file a build leaves beside its output, holding the hash of the sources it was built from. */
export const STAMP = ".sources";

function files(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** One hash over every input file's path and content, in a fixed order. */
export function sourcesHash(root: string, inputs: readonly string[] = WEB_INPUTS) {
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

/** Whether the output in `outDir` was built from sources with this hash. */
export function isBuiltFrom(outDir: string, hash: string) {
  const stamp = join(outDir, STAMP);
  return existsSync(join(outDir, "index.html")) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash;
}
