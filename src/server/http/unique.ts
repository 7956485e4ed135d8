import { conflict } from "./problem.js";

/** Both drivers report a unique violation as SQLSTATE 23505, drizzle wraps it in `cause`. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return true;
  }
  return false;
}

/** How many taken keys a copy steps over before it gives up: far more than clicks at once. */
const MAX_ATTEMPTS = 100;

/**
 * Inserts a copy under the first key `<stem>_<n>` not taken. `taken` is what the reader saw;
 * `insert` answers undefined when the key was taken meanwhile (ON CONFLICT DO NOTHING), by a copy
 * made at the same moment, and the next key is tried. Two clicks make two copies, never an error.
 */
export async function insertUnderFreeKey<T>(
  stem: string,
  taken: ReadonlySet<string>,
  insert: (key: string) => Promise<T | undefined>,
): Promise<{ key: string; row: T }> {
  let attempts = 0;
  for (let n = 1; attempts < MAX_ATTEMPTS; n++) {
    const key = `${stem}_${n}`;
    if (taken.has(key)) continue;
    attempts++;
    const row = await insert(key);
    if (row !== undefined) return { key, row };
  }
  throw conflict();
}
