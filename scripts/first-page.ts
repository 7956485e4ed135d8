import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The most JavaScript the first page may load, gzipped. */
export const FIRST_PAGE_TARGET_BYTES = 250_000;

export interface FirstPageScript {
  src: string;
  bytes: number;
  gzipped: number;
}

/**
 * The JavaScript the first page loads from a built web app (`dist/web`): the module script of
 * `index.html` and its `modulepreload` links, each as served and gzipped with zlib at its default
 * level. Pages loaded later (their own chunks) are not counted.
 */
export function firstPageScripts(webRoot: string): FirstPageScript[] {
  const html = readFileSync(join(webRoot, "index.html"), "utf8");
  const sources = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] as string);
  return sources.map((src) => {
    const content = readFileSync(join(webRoot, src.replace(/^\//, "")));
    return { src, bytes: content.length, gzipped: gzipSync(content).length };
  });
}
