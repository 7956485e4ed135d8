import { describe, expect, it } from "vitest";
import { sniffLogoType } from "./logo.js";

const bytes = (...parts: Array<number[] | string>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("sniffLogoType", () => {
  it("recognises PNG, JPEG and WebP by their content", () => {
    expect(sniffLogoType(bytes([0x89], "PNG\r\n", [0x1a, 0x0a], [0, 0, 0, 13], "IHDR"))).toBe("image/png");
    expect(sniffLogoType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF"))).toBe("image/jpeg");
    expect(sniffLogoType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toBe("image/webp");
  });

  it("refuses text, other images and truncated signatures", () => {
    expect(sniffLogoType(bytes("this is not a png at all"))).toBeNull();
    expect(sniffLogoType(bytes("GIF89a", [1, 0, 1, 0]))).toBeNull();
    expect(sniffLogoType(bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffLogoType(bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toBeNull();
    expect(sniffLogoType(bytes([0x89], "PNG"))).toBeNull();
    expect(sniffLogoType(new Uint8Array())).toBeNull();
  });
});
