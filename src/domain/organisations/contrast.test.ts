import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contrastRatio, parseHexColor, relativeLuminance, whiteTextContrast, whiteTextIsReadable } from "./contrast.js";

describe("parseHexColor", () => {
  it("reads #rrggbb in either case", () => {
    expect(parseHexColor("#1c7ed6")).toEqual([0x1c, 0x7e, 0xd6]);
    expect(parseHexColor("#FFFFFF")).toEqual([255, 255, 255]);
  });
  it("refuses anything else", () => {
    for (const bad of ["", "#fff", "1c7ed6", "#1c7ed", "#1c7ed6a", "#gggggg", "red"])
      expect(parseHexColor(bad)).toBeNull();
  });
});

describe("relativeLuminance", () => {
  it("is 0 for black and 1 for white", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 10);
  });
  it("weighs green heaviest", () => {
    expect(relativeLuminance("#00ff00")).toBeGreaterThan(relativeLuminance("#ff0000"));
    expect(relativeLuminance("#ff0000")).toBeGreaterThan(relativeLuminance("#0000ff"));
  });
});

describe("contrastRatio", () => {
  it("matches the WCAG reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // Known pairs: #767676 on white is the lightest grey that passes AA (4.54:1).
    expect(contrastRatio("#ffffff", "#767676")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#ffffff", "#777777")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#ffffff", "#1c7ed6")).toBeCloseTo(4.2, 1);
  });
  it("is symmetric and between 1 and 21", () => {
    const hex = fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
      .map(([r, g, b]) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`);
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        const ratio = contrastRatio(a, b);
        expect(ratio).toBeCloseTo(contrastRatio(b, a), 10);
        expect(ratio).toBeGreaterThanOrEqual(1);
        expect(ratio).toBeLessThanOrEqual(21);
      }),
    );
  });
});

describe("white text on the organisation colour", () => {
  it("is readable on dark colours and not on light ones", () => {
    expect(whiteTextIsReadable("#1b5e20")).toBe(true);
    expect(whiteTextIsReadable("#7048e8")).toBe(true);
    expect(whiteTextIsReadable("#767676")).toBe(true);
    expect(whiteTextIsReadable("#777777")).toBe(false);
    expect(whiteTextIsReadable("#ffd43b")).toBe(false);
    expect(whiteTextIsReadable("#ffffff")).toBe(false);
    // De Linde's green and Mantine's blue are just under AA: a warning, not a refusal.
    expect(whiteTextIsReadable("#2b8a3e")).toBe(false);
    expect(whiteTextIsReadable("#1c7ed6")).toBe(false);
  });
  it("gives no ratio for something that is not a colour", () => {
    expect(whiteTextContrast("blauw")).toBeNull();
    expect(whiteTextIsReadable("blauw")).toBe(false);
  });
});
