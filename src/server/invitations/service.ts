import { and, count, desc, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Tx } from "../../db/connection.js";
import { invitations, memberships, organisations, users } from "../../db/schema.js";
import { canManageInvitations } from "../../domain/invitations/policy.js";
import { canResend, canRevoke, invitationExpiry, invitationStatus } from "../../domain/invitations/status.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { newToken, sha256 } from "../auth/tokens.js";
import { forbidden, HttpProblem, notFound } from "../http/problem.js";
import type { Mailer } from "../mail.js";
import { type Locale, t } from "../messages.js";
import { memberName, membershipIn } from "../people/member-name.js";
import { requireAuth } from "../plugins/auth.js";
import { afterCommit } from "../tenancy.js";

/** What an invitation's mail needs besides the invitation: the mailer, the site's address, who invites. */
export interface InvitationMail {
  mailer: Mailer;
  publicUrl: string;
  inviter: { name: string; locale: Locale };
}

/** The invitation mail of a request: sent by the signed-in person, in their language. */
export function invitationMail(request: FastifyRequest): InvitationMail {
  const { user } = requireAuth(request);
  return {
    mailer: request.server.mailer,
    publicUrl: request.server.publicUrl,
    inviter: { name: user.name, locale: user.locale },
  };
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

/** Writes the invitation mail to the outbox in `tx`; the mail job is nudged once it commits. */
export async function queueInvitationMail(
  tx: Tx,
  actor: Actor,
  mail: InvitationMail,
  invitation: InvitationRow,
  token: string,
) {
  await queueInvitationMails(tx, actor, mail, [{ row: invitation, token }]);
}

/** The mails of several invitations, written with one statement. */
export async function queueInvitationMails(
  tx: Tx,
  actor: Actor,
  mail: InvitationMail,
  list: ReadonlyArray<{ row: InvitationRow; token: string }>,
) {
  const [organisation] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  const locale = mail.inviter.locale ?? "nl";
  const nudge = await mail.mailer.queueMany(
    tx,
    list.map(({ row, token }) => {
      const values = {
        name: row.name,
        inviter: mail.inviter.name,
        organisation: organisation?.name ?? "Koers",
        link: invitationLink(mail.publicUrl, token),
      };
      return {
        organisationId: actor.organisationId,
        to: row.email,
        subject: t(locale, "mail.invite.subject", values),
        text: t(locale, "mail.invite.body", values),
        // The link hands over the membership: the outbox masks it for everyone but the recipient.
        sensitive: true,
      };
    }),
  );
  // Delivery never throws: the invitation stands, its mail in the outbox.
  afterCommit(tx, nudge);
}

export async function listInvitations(tx: Tx, actor: Actor, page: number) {
  if (!canManageInvitations(actor)) throw forbidden();
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

export async function revokeInvitation(tx: Tx, actor: Actor, invitationId: string) {
  if (!canManageInvitations(actor)) throw forbidden();
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
}

/** A new token and a new week: the old link stops working the moment this commits. */
export async function resendInvitation(tx: Tx, actor: Actor, invitationId: string, mail: InvitationMail) {
  if (!canManageInvitations(actor)) throw forbidden();
  const token = newToken();
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
  await queueInvitationMail(tx, actor, mail, renewed, token);
  return invitationView(renewed, await inviterName(tx, renewed.organisationId, renewed.invitedBy));
}
