import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { loginThrottle } from "../../db/schema.js";
import { sha256 } from "./tokens.js";

const WINDOW_MINUTES = 15;

/** Per-account lockout; the key is a hash, so the table holds no e-mail addresses. */
export async function isLocked(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select()
    .from(loginThrottle)
    .where(eq(loginThrottle.key, sha256(`login:${email}`)));
  return Boolean(row?.lockedUntil && row.lockedUntil > new Date());
}

export async function recordFailure(db: Db, email: string, limit: number) {
  const key = sha256(`login:${email}`);
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when login_throttle.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                      then 1 else login_throttle.failures + 1 end,
      window_started_at = case when login_throttle.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                      then now() else login_throttle.window_started_at end`);
  await db.execute(sql`
    update login_throttle set locked_until = now() + make_interval(mins => ${WINDOW_MINUTES}), failures = 0,
      window_started_at = now()
    where key = ${key} and failures >= ${limit}`);
}

export async function clearFailures(db: Db, email: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, sha256(`login:${email}`)));
}
