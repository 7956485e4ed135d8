import { describe, expect, it } from "vitest";
import { attachment, downloadName, safeFileName } from "./files.js";

describe("file names", () => {
  it("keep letters, digits, dot, dash and underscore, and drop accents", () => {
    expect(safeFileName("Motivatie Émile (v2).pdf", "x")).toBe("Motivatie-Emile-v2-.pdf");
    expect(safeFileName("../../etc/passwd", "x")).toBe("etc-passwd");
    expect(safeFileName('a"; b\r\nc', "x")).toBe("a-b-c");
  });

  it("fall back when nothing is left, and are never longer than asked", () => {
    expect(safeFileName("???", "motivatie")).toBe("motivatie");
    expect(safeFileName("a".repeat(300), "x")).toHaveLength(100);
    expect(safeFileName(`${"a".repeat(59)}-b`, "x", 60)).toBe("a".repeat(59));
  });

  it("name a download after its subject, in lower case", () => {
    expect(downloadName("Traject Fatima Yılmaz", "uren.csv")).toBe("traject-fatima-y-lmaz-uren.csv");
    expect(downloadName("", "uren.pdf")).toBe("traject-uren.pdf");
  });

  it("give a header no one can break out of", () => {
    expect(attachment('x"\r\nSet-Cookie: a=b')).toBe('attachment; filename="x-Set-Cookie-a-b"');
  });
});
