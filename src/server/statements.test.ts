import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const serverCode = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serverCode(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });

describe("statements (docs/decisions/0043-statements.md)", () => {
  it("are awaited one after the other: no Promise.all, whose queries would share the request's one connection", () => {
    const root = join(import.meta.dirname, "..");
    const offenders = [...serverCode(join(root, "server")), ...serverCode(join(root, "db"))].filter((file) =>
      readFileSync(file, "utf8").includes("Promise.all("),
    );
    expect(offenders).toEqual([]);
  });
});
