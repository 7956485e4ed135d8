import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { invitations, memberships, users } from "../../db/schema.js";
import { invitationExpiry } from "../../domain/invitations/status.js";
import type { Actor, Role } from "../../domain/roles.js";
import { newToken, sha256 } from "../auth/tokens.js";

/** Whom an organisation invites: what its admin typed, nothing read from an account. */
export interface Invitee {
  email: string;
  name: string;
  roles: Role[];
  jobTitle?: string | null;
  academicExperienceYears?: number | null;
  dreyfusLevel?: number | null;
}

const lowerEmail = sql<string>`lower(${users.email})`;

/**
 * The account id for an e-mail address, created without a password (and with the typed name)
 * when nobody has it yet. Only the id leaves this function: whether the account existed, its
 * name and whether it has a password stay with the account.
 */
export async function accountIdFor(tx: Tx, email: string, name: string): Promise<string> {
  await tx.insert(users).values({ email, name }).onConflictDoNothing();
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(lowerEmail, email)).limit(1);
  if (!row) throw new Error("account not stored");
  return row.id;
}

/** The membership of this account in the actor's organisation, if any. */
export async function membershipOf(tx: Tx, actor: Actor, userId: string) {
  const [row] = await tx
    .select({ id: memberships.id, status: memberships.status, joinedAt: memberships.joinedAt })
    .from(memberships)
    .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

/**
 * An invited membership: no access and no roles acting until the person accepts. It carries the
 * name the admin typed, shown inside the organisation until then.
 */
export async function insertInvitedMembership(tx: Tx, actor: Actor, userId: string, invitee: Invitee) {
  const [row] = await tx
    .insert(memberships)
    .values({
      organisationId: actor.organisationId,
      userId,
      roles: invitee.roles,
      status: "invited",
      displayName: invitee.name,
      jobTitle: invitee.jobTitle || null,
      academicExperienceYears: invitee.academicExperienceYears ?? null,
      dreyfusLevel: invitee.dreyfusLevel ?? null,
    })
    .returning({ id: memberships.id });
  if (!row) throw new Error("membership not stored");
  return row.id;
}

/** A new invitation row with its token (only its hash is stored). */
export async function insertInvitation(tx: Tx, actor: Actor, invitee: Pick<Invitee, "email" | "name" | "roles">) {
  const token = newToken();
  const [row] = await tx
    .insert(invitations)
    .values({
      organisationId: actor.organisationId,
      email: invitee.email,
      name: invitee.name,
      roles: invitee.roles,
      tokenHash: sha256(token),
      invitedBy: actor.userId,
      expiresAt: invitationExpiry(),
    })
    .returning();
  if (!row) throw new Error("invitation not stored");
  return { row, token };
}
