import { createHash } from "node:crypto";

/**
 * The canonical text of a JSON value: object keys sorted, no whitespace, `undefined` object
 * members left out. Two values that mean the same give the same text whatever their key order,
 * so the SHA-256 of a declaration's content is stable.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) return "null";
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
    .join(",")}}`;
}

/** The SHA-256 (hex) of a declaration's content, over its canonical JSON. */
export const contentHash = (content: unknown): string =>
  createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");

/** The SHA-256 (hex) of a file's bytes. */
export const bytesHash = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Whether a text looks like a SHA-256 in hex; upper case is accepted and read as lower case. */
export const isSha256 = (text: string) => /^[0-9a-f]{64}$/i.test(text.trim());
