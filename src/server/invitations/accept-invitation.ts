import { and, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/connection.js";
import { invitations, memberships, organisations, users } from "../../db/schema.js";
import type { RequestOrigin } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { PASSWORD_MIN } from "../auth/schemas.js";
import { createSession } from "../auth/session.js";
import { clearFailures, isLocked, recordFailure } from "../auth/throttle.js";
import { dummyPasswordHash, hashPassword, sha256, verifyPassword } from "../auth/tokens.js";
import { conflict, HttpProblem, invalid } from "../http/problem.js";
import type { Locale } from "../messages.js";
import { inOrganisation } from "../tenancy.js";

const tokenInvalid = () => invalid({ token: "auth.tokenInvalid" }, "auth.tokenInvalid");

const openFor = (tokenHash: string) =>
  and(
    eq(invitations.tokenHash, tokenHash),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, new Date()),
  );

/**
 * Whether the account behind an address is established: it has a password, or it joined an
 * organisation. Such an account is someone's, and accepting an invitation never sets its
 * password: the person proves who they are by signing in with the one they have.
 */
async function established(db: Executor, userId: string | null, passwordHash: string | null) {
  if (passwordHash) return true;
  if (!userId) return false;
  const [joined] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), isNotNull(memberships.joinedAt)))
    .limit(1);
  return Boolean(joined);
}

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
  return { ...row, established: await established(db, row.userId, row.passwordHash) };
}

/** What the invitee sees before accepting: who invites them, and whether they sign in or choose a password. */
export async function describeInvitation(db: Db, token: string) {
  const row = await findOpenInvitation(db, token);
  return {
    organisation: { name: row.organisationName, primaryColor: row.primaryColor },
    name: row.name,
    email: row.email,
    accountExists: row.established,
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * Accepts an invitation. A brand-new account (no password, never joined anywhere) chooses its
 * password here; an established account confirms with its own password, or by being signed in
 * as that account already. Either way the membership becomes active and they get a session there.
 */
export async function acceptInvitation(
  db: Db,
  input: {
    token: string;
    password?: string | undefined;
    signedInUserId?: string;
    locale: Locale;
    accountLimit: number;
    request?: RequestOrigin;
  },
) {
  const found = await findOpenInvitation(db, input.token);
  const password = input.password ?? "";
  let newHash: string | null = null;
  if (found.established) {
    const signedInAsThem = Boolean(found.userId) && input.signedInUserId === found.userId;
    if (!signedInAsThem) {
      if (await isLocked(db, found.email)) throw new HttpProblem(429, "auth.locked");
      const ok = await verifyPassword(found.passwordHash ?? (await dummyPasswordHash()), password);
      if (!ok) {
        await recordFailure(db, found.email, input.accountLimit);
        throw invalid({ password: "auth.invalidCredentials" });
      }
      await clearFailures(db, found.email);
    }
  } else {
    if (password.length < PASSWORD_MIN) {
      throw invalid({ password: { key: "field.passwordTooShort", values: { min: PASSWORD_MIN } } });
    }
    newHash = await hashPassword(password);
  }

  // Nobody is signed in to act: the token named the organisation.
  return inOrganisation(db, found.organisationId, async (tx) => {
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

    let userId: string;
    if (newHash) {
      // Only a brand-new account gets a password here, and only if it still has none: a password
      // set meanwhile (joining anywhere takes one) means someone else owns it now.
      await tx
        .insert(users)
        .values({ email: claimed.email, name: claimed.name, locale: input.locale })
        .onConflictDoNothing();
      const [user] = await tx
        .select({ id: users.id, passwordHash: users.passwordHash })
        .from(users)
        .where(eq(sql`lower(${users.email})`, claimed.email))
        .limit(1);
      if (!user || user.passwordHash) throw conflict();
      const [set] = await tx
        .update(users)
        // The new account takes the name of the invitation it accepts, not one another
        // organisation typed for the same address before.
        .set({ passwordHash: newHash, name: claimed.name, locale: input.locale, updatedAt: new Date() })
        .where(and(eq(users.id, user.id), isNull(users.passwordHash)))
        .returning({ id: users.id });
      if (!set) throw conflict();
      userId = user.id;
    } else {
      if (!found.userId) throw conflict();
      userId = found.userId;
    }

    const [membership] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.organisationId, claimed.organisationId), eq(memberships.userId, userId)));
    let membershipId: string;
    if (!membership) {
      const [inserted] = await tx
        .insert(memberships)
        .values({
          organisationId: claimed.organisationId,
          userId,
          roles: claimed.roles,
          status: "active",
          joinedAt: new Date(),
        })
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
            // Joining for the first time: the name the admin typed gives way to the person's own.
            ...(membership.joinedAt ? {} : { joinedAt: new Date(), displayName: null }),
            version: sql`${memberships.version} + 1`,
            updatedAt: new Date(),
          })
          .where(and(eq(memberships.id, membership.id), eq(memberships.organisationId, claimed.organisationId)));
      }
    }

    await recordAudit(
      tx,
      { organisationId: claimed.organisationId, userId, request: input.request },
      {
        type: "invitation.accepted",
        subjectType: "invitation",
        subjectId: claimed.id,
        after: { email: claimed.email, roles: claimed.roles, membershipId },
      },
    );
    const session = await createSession(tx, userId, claimed.organisationId);
    return { token: session.token, organisationId: claimed.organisationId };
  });
}
