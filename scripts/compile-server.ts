import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { SERVER_SOURCES } from "./sources.js";

const typescriptSource = /\.tsx?$/;

/**
 * Compiles the server to JavaScript under `outDir` (`<outDir>/server/main.js`), laid out as in
 * `src`, so that every path the server finds from its own file (`../../dist/web`, the migrations,
 * the workers, the demo's logos) holds in the compiled code too. The compiler does not check the
 * types here (`npm run typecheck` does); it only writes each file's JavaScript. Every other file
 * of the sources (SQL, images, worker scripts) is copied beside it.
 */
export function compileServer(root: string, outDir: string) {
  for (const dir of SERVER_SOURCES) rmSync(join(outDir, relative("src", dir)), { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.server.json"), "--outDir", outDir], {
    stdio: "inherit",
  });
  for (const dir of SERVER_SOURCES) {
    cpSync(join(root, dir), join(outDir, relative("src", dir)), {
      recursive: true,
      filter: (source) => !typescriptSource.test(source),
    });
  }
}
