import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { invitations, memberships, organisations, users } from "../../db/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { PASSWORD_MIN } from "../auth/schemas.js";
import { createSession } from "../auth/session.js";
import { clearFailures, isLocked, recordFailure } from "../auth/throttle.js";
import { hashPassword, sha256, verifyPassword } from "../auth/tokens.js";
import { conflict, HttpProblem, invalid } from "../http/problem.js";
import type { Locale } from "../messages.js";
import { inTenant } from "../tenancy.js";

const tokenInvalid = () => invalid({ token: "auth.tokenInvalid" }, "auth.tokenInvalid");

const openFor = (tokenHash: string) =>
  and(
    eq(invitations.tokenHash, tokenHash),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, new Date()),
  );

/**
 * The one lookup without an organisation: by the token's hash, on the owner connection, since
 * the invitee has no session yet. Used, revoked, replaced or expired links all look the same.
 */
async function findOpenInvitation(db: Db, token: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      organisationId: invitations.organisationId,
      email: invitations.email,
      name: invitations.name,
      expiresAt: invitations.expiresAt,
      organisationName: organisations.name,
      primaryColor: organisations.primaryColor,
      userId: users.id,
      passwordHash: users.passwordHash,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(sql`lower(${users.email})`, invitations.email))
    .where(openFor(sha256(token)))
    .limit(1);
  if (!row) throw tokenInvalid();
  return row;
}

/** What the invitee sees before accepting: who invites them, and whether they already have an account. */
export async function describeInvitation(db: Db, token: string) {
  const row = await findOpenInvitation(db, token);
  return {
    organisation: { name: row.organisationName, primaryColor: row.primaryColor },
    name: row.name,
    email: row.email,
    accountExists: Boolean(row.passwordHash),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * Accepts an invitation: a new person chooses a password, someone who already has an account
 * confirms with theirs. Either way they become an active member and get a session there.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; password: string; locale: Locale; accountLimit: number },
) {
  const found = await findOpenInvitation(db, input.token);
  const existingHash = found.passwordHash;
  let newHash: string | null = null;
  if (existingHash) {
    if (await isLocked(db, found.email)) throw new HttpProblem(429, "auth.locked");
    if (!(await verifyPassword(existingHash, input.password))) {
      await recordFailure(db, found.email, input.accountLimit);
      throw invalid({ password: "auth.invalidCredentials" });
    }
    await clearFailures(db, found.email);
  } else {
    if (input.password.length < PASSWORD_MIN) {
      throw invalid({ password: { key: "field.passwordTooShort", values: { min: PASSWORD_MIN } } });
    }
    newHash = await hashPassword(input.password);
  }

  const invitee = { organisationId: found.organisationId, userId: found.userId ?? "", membershipId: "", roles: [] };
  return inTenant(db, invitee, async (tx) => {
    // Claiming is the check: of two simultaneous accepts, only one gets the row.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(invitations.id, found.id),
          eq(invitations.organisationId, found.organisationId),
          openFor(sha256(input.token)),
        ),
      )
      .returning();
    if (!claimed) throw tokenInvalid();

    const [user] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, claimed.email))
      .limit(1);
    let userId: string;
    if (user) {
      userId = user.id;
      // The account changed between the check and now (a password was set meanwhile): start over.
      if ((user.passwordHash ?? null) !== (existingHash ?? null)) throw conflict();
      if (newHash) {
        await tx.update(users).set({ passwordHash: newHash, updatedAt: new Date() }).where(eq(users.id, user.id));
      }
    } else {
      if (!newHash) throw conflict();
      const [created] = await tx
        .insert(users)
        .values({ email: claimed.email, name: claimed.name, passwordHash: newHash, locale: input.locale })
        .returning({ id: users.id });
      if (!created) throw new Error("user not stored");
      userId = created.id;
    }

    const [membership] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.organisationId, claimed.organisationId), eq(memberships.userId, userId)));
    let membershipId: string;
    if (!membership) {
      const [inserted] = await tx
        .insert(memberships)
        .values({ organisationId: claimed.organisationId, userId, roles: claimed.roles, status: "active" })
        .returning({ id: memberships.id });
      if (!inserted) throw new Error("membership not stored");
      membershipId = inserted.id;
    } else {
      membershipId = membership.id;
      if (membership.status !== "active") {
        await tx
          .update(memberships)
          .set({
            status: "active",
            roles: claimed.roles,
            version: sql`${memberships.version} + 1`,
            updatedAt: new Date(),
          })
          .where(and(eq(memberships.id, membership.id), eq(memberships.organisationId, claimed.organisationId)));
      }
    }

    await recordAudit(
      tx,
      { organisationId: claimed.organisationId, userId },
      {
        type: "invitation.accepted",
        subjectType: "invitation",
        subjectId: claimed.id,
        after: { email: claimed.email, roles: claimed.roles, membershipId, newAccount: !existingHash },
      },
    );
    const session = await createSession(tx, userId, claimed.organisationId);
    return { token: session.token, organisationId: claimed.organisationId };
  });
}
