import { createHash } from "node:crypto";

/** A stable text of a document: keys sorted at every level, so equal content gives an equal hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/**
 * The SHA-256 of a document's canonical text: the name a frozen version goes by (a regime a
 * trajectory runs on, a published competence framework).
 */
export const contentHash = (document: unknown): string =>
  createHash("sha256").update(canonical(document)).digest("hex");
