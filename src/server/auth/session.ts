import { and, eq, gt, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db, Executor } from "../../db/connection.js";
import { memberships, organisations, sessions, users } from "../../db/schema.js";
import type { Actor } from "../../domain/roles.js";
import { newToken, sha256 } from "./tokens.js";

export const SESSION_COOKIE = "koers_session";
export const SESSION_DAYS = 14;

export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  user: { id: string; email: string; name: string; locale: "nl" | "en" };
  actor: Actor;
}

export async function createSession(db: Executor, userId: string, organisationId: string) {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(sessions).values({
    id: sha256(token),
    userId,
    organisationId,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  });
  return { token, csrfToken };
}

export async function destroySession(db: Executor, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function destroyUserSessions(db: Executor, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * One query: the session, its person, and their active membership of the session's organisation;
 * with `owns`, also whether what the request's path names is theirs (the tenancy check of the
 * path's parameters), so a request reads both in one round trip.
 */
export async function loadSession(
  db: Db,
  token: string,
  owns?: (asker: { organisationId: PgColumn; userId: PgColumn }) => SQL,
): Promise<{ auth: AuthContext; ownsPath: boolean } | null> {
  const sessionId = sha256(token);
  const rows = await db
    .select({
      csrfToken: sessions.csrfToken,
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      organisationId: sessions.organisationId,
      membershipId: memberships.id,
      roles: memberships.roles,
      ownsPath: owns
        ? sql<boolean>`${owns({ organisationId: sessions.organisationId, userId: sessions.userId })}`
        : sql<boolean>`true`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, sessions.userId),
        eq(memberships.organisationId, sessions.organisationId),
        eq(memberships.status, "active"),
      ),
    )
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return {
    auth: {
      sessionId,
      csrfToken: row.csrfToken,
      user: { id: row.userId, email: row.email, name: row.name, locale: row.locale },
      actor: {
        userId: row.userId,
        organisationId: row.organisationId,
        membershipId: row.membershipId,
        roles: row.roles,
      },
    },
    ownsPath: row.ownsPath === true,
  };
}

/** The organisations a person may switch to, with their look. */
export async function listUserOrganisations(db: Db, userId: string) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      slug: organisations.slug,
      primaryColor: organisations.primaryColor,
      logoUpdatedAt: organisations.logoUpdatedAt,
      roles: memberships.roles,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(organisations.name);
}
