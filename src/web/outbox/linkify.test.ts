import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

describe("linkify", () => {
  it("turns a web address into a link and keeps the text around it", () => {
    expect(linkify("Kies een wachtwoord:\n\nhttps://koers.example/uitnodiging?token=abc-_12\n\nGroet")).toEqual([
      { kind: "text", text: "Kies een wachtwoord:\n\n" },
      {
        kind: "link",
        text: "https://koers.example/uitnodiging?token=abc-_12",
        href: "https://koers.example/uitnodiging?token=abc-_12",
      },
      { kind: "text", text: "\n\nGroet" },
    ]);
  });

  it("leaves sentence punctuation out of the link", () => {
    expect(linkify("Zie http://a.example/x.")).toEqual([
      { kind: "text", text: "Zie " },
      { kind: "link", text: "http://a.example/x", href: "http://a.example/x" },
      { kind: "text", text: "." },
    ]);
  });

  it("links only http and https, never other schemes", () => {
    expect(linkify("javascript:alert(1) en data:text/html,<b>x</b>")).toEqual([
      { kind: "text", text: "javascript:alert(1) en data:text/html,<b>x</b>" },
    ]);
  });

  it("keeps markup as plain text", () => {
    const segments = linkify('<a href="https://evil.example">klik</a>');
    expect(segments.every((s) => s.kind === "text" || !s.href.includes('"'))).toBe(true);
    expect(segments.map((s) => s.text).join("")).toBe('<a href="https://evil.example">klik</a>');
  });

  it("handles text without links and empty text", () => {
    expect(linkify("Geen link hier")).toEqual([{ kind: "text", text: "Geen link hier" }]);
    expect(linkify("")).toEqual([]);
  });

  it("finds several links", () => {
    const links = linkify("a https://x.example b https://y.example/p?q=1 c").filter((s) => s.kind === "link");
    expect(links.map((l) => l.text)).toEqual(["https://x.example", "https://y.example/p?q=1"]);
  });
});
