import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config.js";

/** The shortest secret accepted: 32 bytes of randomness, written out. */
const MIN_LENGTH = 32;

/**
 * The server's secret that calendar feed addresses are derived from, so their owner can be shown
 * theirs again without Koers storing it (the database holds only a hash of each address). From
 * KOERS_SECRET or the file KOERS_SECRET_FILE names; on the embedded database, when neither is
 * set, a secret made once and kept in the data directory. On a PostgreSQL server without one
 * there is none: every process must derive the same addresses, so a feed address is then shown
 * only when it is made.
 */
export function feedSecret(config: Config): string | null {
  if (config.KOERS_SECRET) return config.KOERS_SECRET;
  if (config.KOERS_SECRET_FILE) return readSecret(config.KOERS_SECRET_FILE);
  if (config.DATABASE_URL) return null;
  const file = join(config.KOERS_DATA_DIR, "secret");
  if (!existsSync(file)) {
    mkdirSync(config.KOERS_DATA_DIR, { recursive: true });
    // "wx": of two processes starting at once, one writes it and the other reads that one.
    try {
      writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readSecret(file);
}

function readSecret(file: string): string {
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < MIN_LENGTH) throw new Error(`The secret in ${file} is shorter than ${MIN_LENGTH} characters.`);
  return secret;
}
