import { describe, expect, it } from "vitest";
import { diff } from "../audit.js";
import { changedFields, valueAsText } from "./changes.js";

describe("changedFields", () => {
  it("lists only the fields whose value differs", () => {
    expect(changedFields({ name: "Oud", color: "#000000" }, { name: "Nieuw", color: "#000000" })).toEqual([
      { field: "name", before: "Oud", after: "Nieuw" },
    ]);
  });

  it("shows every field of a creation and of a removal", () => {
    expect(changedFields(null, { name: "Daan", roles: ["trainee"] })).toEqual([
      { field: "name", before: undefined, after: "Daan" },
      { field: "roles", before: undefined, after: ["trainee"] },
    ]);
    expect(changedFields({ mime: "image/png" }, null)).toEqual([
      { field: "mime", before: "image/png", after: undefined },
    ]);
  });

  it("treats a field missing on one side as empty, and reads what diff() wrote", () => {
    const stored = diff({ name: "A", jobTitle: null }, { name: "A", jobTitle: "Trainer", roles: ["trainer"] });
    expect(changedFields(stored.before, stored.after)).toEqual([
      { field: "jobTitle", before: null, after: "Trainer" },
      { field: "roles", before: null, after: ["trainer"] },
    ]);
  });

  it("compares lists by content", () => {
    expect(changedFields({ roles: ["admin", "guide"] }, { roles: ["admin", "guide"] })).toEqual([]);
    expect(changedFields({ roles: ["admin"] }, { roles: ["admin", "guide"] })).toHaveLength(1);
  });
});

describe("valueAsText", () => {
  const words = { empty: "—", yes: "ja", no: "nee" };
  it("writes every kind of value as text", () => {
    expect(valueAsText(null, words)).toBe("—");
    expect(valueAsText(undefined, words)).toBe("—");
    expect(valueAsText("", words)).toBe("—");
    expect(valueAsText(true, words)).toBe("ja");
    expect(valueAsText(false, words)).toBe("nee");
    expect(valueAsText(3, words)).toBe("3");
    expect(valueAsText(["a", "b"], words)).toBe("a, b");
    expect(valueAsText([], words)).toBe("—");
    expect(valueAsText({ a: 1 }, words)).toBe('{"a":1}');
  });
});
