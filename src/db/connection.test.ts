import { describe, expect, it } from "vitest";
import { openPglite } from "./connection.js";

// Starting PostgreSQL in WebAssembly takes seconds beside the other unit files on two cores.
const STARTING_PGLITE = { timeout: 60_000 };

describe("the embedded database", () => {
  it("keeps PGlite's own start settings and starts with a 32 MB buffer cache", STARTING_PGLITE, async () => {
    const database = await openPglite(undefined);
    try {
      const [buffers] = await database.session((run) => run<{ shared_buffers: string }>("show shared_buffers"));
      const [path] = await database.session((run) => run<{ search_path: string }>("show search_path"));
      expect(buffers?.shared_buffers).toBe("32MB");
      expect(path?.search_path).toBe("public");
    } finally {
      await database.close();
    }
  });
});
