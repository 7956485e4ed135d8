import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FIRST_PAGE_TARGET_BYTES, firstPageScripts } from "../../scripts/first-page.js";

const webRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

describe("the first page", () => {
  it("loads less than 250 kB of JavaScript, gzipped, from the build the browser tests use", () => {
    if (!existsSync(join(webRoot, "index.html"))) {
      throw new Error("The web app is not built: run 'npm run build:web' (npm test does it first).");
    }
    const scripts = firstPageScripts(webRoot);
    const gzipped = scripts.reduce((sum, script) => sum + script.gzipped, 0);
    const files = scripts.map((s) => `${s.src} ${s.gzipped}`).join("\n");
    expect(gzipped, `the first page's JavaScript, gzipped:\n${files}`).toBeLessThan(FIRST_PAGE_TARGET_BYTES);
  });
});
