import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diff } from "./audit.js";

describe("audit diff", () => {
  it("keeps only the fields that changed", () => {
    expect(diff({ name: "Anna", roles: ["admin"], x: 1 }, { name: "Anna B", roles: ["admin"], x: 1 })).toEqual({
      before: { name: "Anna" },
      after: { name: "Anna B" },
    });
  });

  it("is empty for equal objects and names every changed key on both sides", () => {
    const record = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 5 }),
      fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
    );
    fc.assert(
      fc.property(record, record, (a, b) => {
        expect(diff(a, a)).toEqual({ before: {}, after: {} });
        const d = diff(a, b);
        expect(Object.keys(d.before).sort()).toEqual(Object.keys(d.after).sort());
        for (const key of Object.keys(d.after))
          expect(JSON.stringify(a[key] ?? null)).not.toBe(JSON.stringify(b[key] ?? null));
      }),
    );
  });
});
