import { and, count, desc, eq } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Db, Tx } from "../../db/connection.js";
import { invitations, memberships, organisations, users } from "../../db/schema.js";
import { canResend, canRevoke, invitationExpiry, invitationStatus } from "../../domain/invitations/status.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AuthContext } from "../auth/session.js";
import { newToken, sha256 } from "../auth/tokens.js";
import { HttpProblem, notFound } from "../http/problem.js";
import type { Mailer } from "../mail.js";
import { t } from "../messages.js";
import { memberName, membershipIn } from "../people/member-name.js";
import { inTenant } from "../tenancy.js";

/** What the invitation services need from the app. */
export interface InvitationContext {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  log: FastifyBaseLogger;
}

export const PAGE_SIZE = 25;

type InvitationRow = typeof invitations.$inferSelect;

export function invitationView(row: InvitationRow, invitedBy: string | null, now = new Date()) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    status: invitationStatus(row, now),
    invitedBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export const invitationLink = (publicUrl: string, token: string) =>
  `${publicUrl}/uitnodiging?token=${encodeURIComponent(token)}`;

/** Writes the invitation mail to the outbox in `tx`; the returned function sends it after commit. */
export async function queueInvitationMail(
  tx: Tx,
  ctx: InvitationContext,
  auth: AuthContext,
  invitation: InvitationRow,
  token: string,
) {
  return queueInvitationMails(tx, ctx, auth, [{ row: invitation, token }]);
}

/** The mails of several invitations, written with one statement. */
export async function queueInvitationMails(
  tx: Tx,
  ctx: InvitationContext,
  auth: AuthContext,
  list: ReadonlyArray<{ row: InvitationRow; token: string }>,
) {
  const [organisation] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, auth.actor.organisationId));
  const locale = auth.user.locale ?? "nl";
  return ctx.mailer.queueMany(
    tx,
    list.map(({ row, token }) => {
      const values = {
        name: row.name,
        inviter: auth.user.name,
        organisation: organisation?.name ?? "Koers",
        link: invitationLink(ctx.publicUrl, token),
      };
      return {
        organisationId: auth.actor.organisationId,
        to: row.email,
        subject: t(locale, "mail.invite.subject", values),
        text: t(locale, "mail.invite.body", values),
        // The link hands over the membership: the outbox masks it for everyone but the recipient.
        sensitive: true,
      };
    }),
  );
}

export async function listInvitations(db: Db, auth: AuthContext, page: number) {
  return inTenant(db, auth.actor, async (tx, actor) => {
    const scope = eq(invitations.organisationId, actor.organisationId);
    const rows = await tx
      .select({ invitation: invitations, invitedBy: memberName })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedBy))
      .leftJoin(memberships, membershipIn(invitations.invitedBy, actor.organisationId))
      .where(scope)
      .orderBy(desc(invitations.createdAt), desc(invitations.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE);
    const [total] = await tx.select({ n: count() }).from(invitations).where(scope);
    const now = new Date();
    return {
      items: rows.map((r) => invitationView(r.invitation, r.invitedBy, now)),
      page,
      pageSize: PAGE_SIZE,
      total: total?.n ?? 0,
    };
  });
}

async function lockInvitation(tx: Tx, organisationId: string, invitationId: string) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organisationId, organisationId)))
    .for("update");
  if (!row) throw notFound();
  return row;
}

async function inviterName(tx: Tx, organisationId: string, userId: string | null) {
  if (!userId) return null;
  const [row] = await tx
    .select({ name: memberName })
    .from(users)
    .leftJoin(memberships, membershipIn(users.id, organisationId))
    .where(eq(users.id, userId));
  return row?.name ?? null;
}

export async function revokeInvitation(db: Db, auth: AuthContext, invitationId: string) {
  return inTenant(db, auth.actor, async (tx, actor) => {
    const row = await lockInvitation(tx, actor.organisationId, invitationId);
    if (!canRevoke(row)) throw new HttpProblem(409, "invitation.notPending");
    const before = invitationStatus(row);
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, row.id), eq(invitations.organisationId, actor.organisationId)))
      .returning();
    if (!revoked) throw notFound();
    await recordAudit(tx, actor, {
      type: "invitation.revoked",
      subjectType: "invitation",
      subjectId: row.id,
      before: { email: row.email, status: before },
      after: { email: row.email, status: "revoked" },
    });
    return invitationView(revoked, await inviterName(tx, revoked.organisationId, revoked.invitedBy));
  });
}

/** A new token and a new week: the old link stops working the moment this commits. */
export async function resendInvitation(ctx: InvitationContext, auth: AuthContext, invitationId: string) {
  const token = newToken();
  const { view, send } = await inTenant(ctx.db, auth.actor, async (tx, actor) => {
    const row = await lockInvitation(tx, actor.organisationId, invitationId);
    if (!canResend(row)) throw new HttpProblem(409, "invitation.notPending");
    const [renewed] = await tx
      .update(invitations)
      .set({ tokenHash: sha256(token), expiresAt: invitationExpiry() })
      .where(and(eq(invitations.id, row.id), eq(invitations.organisationId, actor.organisationId)))
      .returning();
    if (!renewed) throw notFound();
    await recordAudit(tx, actor, {
      type: "invitation.resent",
      subjectType: "invitation",
      subjectId: row.id,
      before: { email: row.email, expiresAt: row.expiresAt.toISOString() },
      after: { email: row.email, expiresAt: renewed.expiresAt.toISOString() },
    });
    const send = await queueInvitationMail(tx, ctx, auth, renewed, token);
    return { view: invitationView(renewed, await inviterName(tx, renewed.organisationId, renewed.invitedBy)), send };
  });
  // Delivery never throws: the invitation stands, its mail in the outbox.
  await send();
  return view;
}
