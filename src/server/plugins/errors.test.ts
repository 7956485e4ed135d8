import { describe, expect, it } from "vitest";
import { findNulCharacter } from "./errors.js";

describe("finding a NUL character in a request", () => {
  it("names the path of the text or key that holds it", () => {
    expect(findNulCharacter({ name: "Anna", roles: ["admin"] })).toBeNull();
    expect(findNulCharacter({ name: "An\u0000na" })).toEqual(["name"]);
    expect(findNulCharacter({ rows: [{ email: "a@b.nl" }, { email: "x\u0000" }] })).toEqual(["rows", 1, "email"]);
    expect(findNulCharacter({ plan: { "re\u0000den": "x" } })).toEqual(["plan", "re\u0000den"]);
    expect(findNulCharacter("\u0000")).toEqual([]);
  });

  it("walks a body nested 100,000 deep without running out of stack", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}"\\u0000"${"]".repeat(100_000)}`);
    expect(findNulCharacter(deep)).toHaveLength(100_000);
  });
});
