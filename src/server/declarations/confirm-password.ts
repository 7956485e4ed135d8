import { eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { users } from "../../db/schema.js";
import { clearFailures, isLocked, recordFailure } from "../auth/throttle.js";
import { verifyPassword } from "../auth/tokens.js";
import { HttpProblem, invalid } from "../http/problem.js";

/**
 * The signer proves it is them by entering their password again. Failures count towards the
 * same lockout as signing in, so the form cannot be used to guess a password. A wrong password
 * is answered with the problem rather than thrown, so the failure it counts is kept.
 */
export async function confirmPassword(
  tx: Tx,
  user: { id: string; email: string },
  password: string,
  failureLimit: number,
): Promise<HttpProblem | null> {
  const email = user.email.toLowerCase();
  if (await isLocked(tx, email)) throw new HttpProblem(429, "auth.locked");
  const [account] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  const ok = account?.passwordHash ? await verifyPassword(account.passwordHash, password) : false;
  if (!ok) {
    await recordFailure(tx, email, failureLimit);
    return invalid({ password: "field.passwordWrong" });
  }
  await clearFailures(tx, email);
  return null;
}
