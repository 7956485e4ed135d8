import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isBuiltFrom, SERVER_BUILD, STAMP, sourcesHash, WEB_BUILD } from "./sources.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(os.tmpdir(), "koers-sources-"));
  mkdirSync(join(root, "src/web/pages"), { recursive: true });
  mkdirSync(join(root, "src/server"), { recursive: true });
  writeFileSync(join(root, "src/web/main.tsx"), "main");
  writeFileSync(join(root, "src/web/pages/a.tsx"), "a");
  writeFileSync(join(root, "src/server/main.ts"), "server");
  writeFileSync(join(root, "vite.config.ts"), "config");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("a build's sources", () => {
  it("hash the same while nothing changes, and differently when a file's content, name or presence changes", () => {
    const first = sourcesHash(root, WEB_BUILD.inputs);
    expect(sourcesHash(root, WEB_BUILD.inputs)).toBe(first);

    writeFileSync(join(root, "src/web/pages/a.tsx"), "a changed");
    const edited = sourcesHash(root, WEB_BUILD.inputs);
    expect(edited).not.toBe(first);

    writeFileSync(join(root, "src/web/pages/b.tsx"), "");
    expect(sourcesHash(root, WEB_BUILD.inputs)).not.toBe(edited);

    rmSync(join(root, "src/web/pages/b.tsx"));
    expect(sourcesHash(root, WEB_BUILD.inputs)).toBe(edited);
  });

  it("are each build's own: the server's change leaves the web app's hash as it was, and the other way round", () => {
    const web = sourcesHash(root, WEB_BUILD.inputs);
    const server = sourcesHash(root, SERVER_BUILD.inputs);

    writeFileSync(join(root, "src/server/main.ts"), "server changed");
    expect(sourcesHash(root, WEB_BUILD.inputs)).toBe(web);
    const serverEdited = sourcesHash(root, SERVER_BUILD.inputs);
    expect(serverEdited).not.toBe(server);

    writeFileSync(join(root, "vite.config.ts"), "config changed");
    expect(sourcesHash(root, SERVER_BUILD.inputs)).toBe(serverEdited);

    // The domain code goes into both.
    mkdirSync(join(root, "src/domain"));
    writeFileSync(join(root, "src/domain/rules.ts"), "rules");
    expect(sourcesHash(root, SERVER_BUILD.inputs)).not.toBe(serverEdited);
    expect(sourcesHash(root, WEB_BUILD.inputs)).not.toBe(web);
  });

  it("count as built only when the output is whole and was stamped with the same hash", () => {
    const out = join(root, WEB_BUILD.outDir);
    const hash = sourcesHash(root, WEB_BUILD.inputs);
    expect(isBuiltFrom(out, WEB_BUILD.entry, hash)).toBe(false);

    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, STAMP), `${hash}\n`);
    expect(isBuiltFrom(out, WEB_BUILD.entry, hash)).toBe(false);

    writeFileSync(join(out, WEB_BUILD.entry), "<!doctype html>");
    expect(isBuiltFrom(out, WEB_BUILD.entry, hash)).toBe(true);

    writeFileSync(join(root, "vite.config.ts"), "config changed");
    expect(isBuiltFrom(out, WEB_BUILD.entry, sourcesHash(root, WEB_BUILD.inputs))).toBe(false);
  });
});
