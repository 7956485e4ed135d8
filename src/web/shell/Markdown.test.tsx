import { MantineProvider } from "@mantine/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./Markdown";

const render = (text: string) =>
  renderToStaticMarkup(
    <MantineProvider>
      <Markdown>{text}</Markdown>
    </MantineProvider>,
  );

describe("Markdown as Koers shows it", () => {
  it("renders the markup people write", () => {
    const html = render("# Kop\n\nDit is **vet** en een [link](https://example.org).\n\n- een\n- twee");
    expect(html).toContain("<h3>Kop</h3>");
    expect(html).toContain("<strong>vet</strong>");
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">link</a>');
    expect(html).toContain("<li>een</li>");
  });

  it("drops scripts, event handlers and raw HTML, and empties javascript: and data: addresses", () => {
    const html = render(
      [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(2)">',
        '<a href="https://example.org" onclick="alert(3)">klik</a>',
        "<iframe src='https://evil.example'></iframe>",
        "[klik](javascript:alert(4))",
        "[ook](JaVaScRiPt:alert(5))",
        "![plaatje](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
        "[vbscript](vbscript:msgbox(6))",
      ].join("\n\n"),
    );
    for (const bad of [
      "<script",
      "onerror",
      "onclick",
      "<iframe",
      "javascript:",
      "JaVaScRiPt",
      "data:image",
      "vbscript:",
      "alert(1)",
    ])
      expect(html, bad).not.toContain(bad);
    expect(html).toContain("klik");
  });

  it("escapes what looks like HTML inside text", () => {
    const html = render("Gebruik `<b>` niet, en 3 < 4 & 5 > 2.");
    expect(html).toContain("<code>&lt;b&gt;</code>");
    expect(html).toContain("3 &lt; 4 &amp; 5 &gt; 2");
  });
});
