import { and, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { memberships, passwordResets, sessions, users } from "../../db/schema.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { HttpProblem, invalid } from "../http/problem.js";
import type { Mailer } from "../mail.js";
import { type Locale, t } from "../messages.js";
import { createSession, destroyUserSessions, listUserOrganisations } from "./session.js";
import { clearFailures, isLocked, recordFailure } from "./throttle.js";
import { dummyPasswordHash, hashPassword, newToken, sha256, verifyPassword } from "./tokens.js";

const RESET_MINUTES = 60;

/** Signs a person in; every failure looks the same from outside. */
export async function signIn(db: Db, email: string, password: string, accountLimit: number) {
  if (await isLocked(db, email)) throw new HttpProblem(429, "auth.locked");
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const organisations = user && ok ? await listUserOrganisations(db, user.id) : [];
  const first = organisations.find((o) => o.id === user?.lastOrganisationId) ?? organisations[0];
  if (!user || !ok || !first) {
    await recordFailure(db, email, accountLimit);
    throw new HttpProblem(401, "auth.invalidCredentials");
  }
  await clearFailures(db, email);
  return createSession(db, user.id, first.id);
}

export async function switchOrganisation(db: Db, sessionId: string, userId: string, organisationId: string) {
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organisationId, organisationId),
        eq(memberships.status, "active"),
      ),
    );
  if (!member) throw new HttpProblem(404, "auth.notMember");
  await db.update(sessions).set({ organisationId }).where(eq(sessions.id, sessionId));
  await db.update(users).set({ lastOrganisationId: organisationId }).where(eq(users.id, userId));
}

export async function setLocale(db: Db, userId: string, locale: Locale) {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
}

/** Always answers the same; mails a link only to an active person. */
export async function requestPasswordReset(db: Db, mailer: Mailer, email: string, baseUrl: string, fallback: Locale) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (!user) return;
  const [organisation] = await listUserOrganisations(db, user.id);
  if (!organisation) return;
  const token = newToken();
  const locale = user.locale ?? fallback;
  const link = `${baseUrl}/wachtwoord-herstellen?token=${encodeURIComponent(token)}`;
  // The person's own mail: queued for them alone, never in one of their organisations' outboxes.
  const send = await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      tokenHash: sha256(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
    });
    return mailer.queueAccountMail(tx, {
      userId: user.id,
      to: user.email,
      subject: t(locale, "mail.reset.subject"),
      text: t(locale, "mail.reset.body", { name: user.name, link }),
    });
  });
  await send();
}

export async function resetPassword(db: Db, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResets.tokenHash, sha256(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!reset) throw invalid({ token: "auth.tokenInvalid" }, "auth.tokenInvalid");
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, reset.userId));
    await destroyUserSessions(tx, reset.userId);
  });
}

/**
 * The person changes their own account: name and e-mail, for every organisation at once. The
 * e-mail is the sign-in, so changing it takes the current password. Each organisation they
 * joined gets the change in its audit log.
 */
export async function updateProfile(
  db: Db,
  who: Pick<Actor, "userId" | "request">,
  input: { name: string; email: string; password?: string | undefined },
  accountLimit: number,
) {
  const { userId } = who;
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new HttpProblem(401, "auth.invalidCredentials");
  const emailChanges = input.email !== user.email.toLowerCase();
  if (emailChanges) {
    if (await isLocked(db, user.email)) throw new HttpProblem(429, "auth.locked");
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password ?? ""))) {
      await recordFailure(db, user.email.toLowerCase(), accountLimit);
      throw invalid({ password: "auth.invalidCredentials" });
    }
  }
  if (!emailChanges && input.name === user.name) return;
  await db
    .transaction(async (tx) => {
      if (emailChanges) {
        const [taken] = await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(sql`lower(${users.email})`, input.email))
          .limit(1);
        if (taken) throw invalid({ email: "field.emailInUse" });
      }
      await tx
        .update(users)
        .set({ name: input.name, email: input.email, updatedAt: new Date() })
        .where(eq(users.id, userId));
      const joined = await tx
        .select({ id: memberships.id, organisationId: memberships.organisationId })
        .from(memberships)
        .where(and(eq(memberships.userId, userId), isNotNull(memberships.joinedAt)));
      const before = { name: user.name, ...(emailChanges ? { email: user.email } : {}) };
      const after = { name: input.name, ...(emailChanges ? { email: input.email } : {}) };
      for (const m of joined) {
        await recordAudit(
          tx as Tx,
          { organisationId: m.organisationId, userId, request: who.request },
          {
            type: "person.accountUpdated",
            subjectType: "person",
            subjectId: m.id,
            before,
            after,
          },
        );
      }
    })
    .catch((error: unknown) => {
      // Someone took the address at the same moment: the unique key decides.
      for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
        if (e.code === "23505") throw invalid({ email: "field.emailInUse" });
      }
      throw error;
    });
}
