/** A piece of a plain-text mail: text as it is, or a web address to show as a link. */
export type Segment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
// Punctuation that ends a sentence is not part of the address before it.
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * Splits text into plain parts and http(s) links. Only http and https become links, so a
 * mail can never smuggle in a javascript: address; React escapes the rest.
 */
export function linkify(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const raw = match[0];
    const href = raw.replace(TRAILING, "");
    if (!isHttpUrl(href)) continue;
    if (start > last) segments.push({ kind: "text", text: text.slice(last, start) });
    segments.push({ kind: "link", text: href, href });
    last = start + href.length;
  }
  if (last < text.length) segments.push({ kind: "text", text: text.slice(last) });
  return segments;
}

function isHttpUrl(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
