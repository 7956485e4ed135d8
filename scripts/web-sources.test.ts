import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isBuiltFrom, STAMP, sourcesHash } from "./web-sources.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(os.tmpdir(), "koers-web-sources-"));
  mkdirSync(join(root, "src/web/pages"), { recursive: true });
  writeFileSync(join(root, "src/web/main.tsx"), "main");
  writeFileSync(join(root, "src/web/pages/a.tsx"), "a");
  writeFileSync(join(root, "vite.config.ts"), "config");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the web build's sources", () => {
  it("hash the same while nothing changes, and differently when a file's content, name or presence changes", () => {
    const first = sourcesHash(root);
    expect(sourcesHash(root)).toBe(first);

    writeFileSync(join(root, "src/web/pages/a.tsx"), "a changed");
    const edited = sourcesHash(root);
    expect(edited).not.toBe(first);

    writeFileSync(join(root, "src/web/pages/b.tsx"), "");
    expect(sourcesHash(root)).not.toBe(edited);

    rmSync(join(root, "src/web/pages/b.tsx"));
    expect(sourcesHash(root)).toBe(edited);
  });

  it("count as built only when the output is there and was stamped with the same hash", () => {
    const out = join(root, "dist/web");
    const hash = sourcesHash(root);
    expect(isBuiltFrom(out, hash)).toBe(false);

    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "index.html"), "<!doctype html>");
    expect(isBuiltFrom(out, hash)).toBe(false);

    writeFileSync(join(out, STAMP), `${hash}\n`);
    expect(isBuiltFrom(out, hash)).toBe(true);

    writeFileSync(join(root, "vite.config.ts"), "config changed");
    expect(isBuiltFrom(out, sourcesHash(root))).toBe(false);
  });
});
