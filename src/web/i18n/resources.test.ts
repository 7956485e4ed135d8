import { describe, expect, it } from "vitest";
import { lazyNamespaces } from "./lazy-namespaces";
import { resources as eager } from "./resources";

/** Every feature's texts, those of the first page and those that load with their pages. */
const resources = {
  nl: { ...eager.nl, ...Object.fromEntries(Object.entries(lazyNamespaces).map(([ns, m]) => [ns, m.nl])) },
  en: { ...eager.en, ...Object.fromEntries(Object.entries(lazyNamespaces).map(([ns, m]) => [ns, m.en])) },
};

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("translations", () => {
  it("has every Dutch text in English too, and nothing more", () => {
    for (const ns of Object.keys(resources.nl)) {
      const en = (resources.en as Record<string, unknown>)[ns];
      const nl = (resources.nl as Record<string, unknown>)[ns];
      expect(keys(en).sort(), `namespace ${ns}`).toEqual(keys(nl).sort());
    }
  });

  it("loads a feature's texts either with the first page or with its own pages, not both", () => {
    for (const ns of Object.keys(lazyNamespaces)) expect(Object.keys(eager.nl)).not.toContain(ns);
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
