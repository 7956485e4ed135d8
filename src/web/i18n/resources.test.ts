import { describe, expect, it } from "vitest";
import { resources } from "./resources";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("translations", () => {
  it("has every Dutch text in English too, and nothing more", () => {
    for (const ns of Object.keys(resources.nl) as Array<keyof typeof resources.nl>) {
      expect(keys(resources.en[ns]).sort(), `namespace ${ns}`).toEqual(keys(resources.nl[ns]).sort());
    }
  });

  it("has no empty texts", () => {
    for (const lang of ["nl", "en"] as const) {
      for (const [ns, tree] of Object.entries(resources[lang])) {
        const walk = (v: unknown, path: string) => {
          if (typeof v === "string") expect(v.trim(), `${lang}:${ns}:${path}`).not.toBe("");
          else if (v && typeof v === "object") for (const [k, c] of Object.entries(v)) walk(c, `${path}.${k}`);
        };
        walk(tree, "");
      }
    }
  });
});
