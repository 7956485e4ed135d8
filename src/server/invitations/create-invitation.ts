import { and, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { invitations, memberships, users } from "../../db/schema.js";
import { invitationExpiry } from "../../domain/invitations/status.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AuthContext } from "../auth/session.js";
import { newToken, sha256 } from "../auth/tokens.js";
import { invalid } from "../http/problem.js";
import { inTenant } from "../tenancy.js";
import type { CreateInvitationInput } from "./schemas.js";
import { type InvitationContext, invitationView, queueInvitationMail } from "./service.js";

/**
 * Invites a person into the actor's organisation and mails them a link. Someone who is already
 * an active member with a password, or who already has an open invitation, is refused on the
 * e-mail field; a member added without a password is invited to choose one.
 */
export async function createInvitation(ctx: InvitationContext, auth: AuthContext, input: CreateInvitationInput) {
  const token = newToken();
  const { view, send } = await inTenant(ctx.db, auth.actor, async (tx, actor) => {
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.organisationId, actor.organisationId),
          eq(memberships.status, "active"),
          // A member without a password (added by an admin or an import) is invited to choose one.
          isNotNull(users.passwordHash),
          eq(sql`lower(${users.email})`, input.email),
        ),
      )
      .limit(1);
    if (member) throw invalid({ email: "field.emailTaken" });

    const [open] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.organisationId, actor.organisationId),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .limit(1);
    if (open) throw invalid({ email: "field.alreadyInvited" });

    const [row] = await tx
      .insert(invitations)
      .values({
        organisationId: actor.organisationId,
        email: input.email,
        name: input.name,
        roles: input.roles,
        tokenHash: sha256(token),
        invitedBy: actor.userId,
        expiresAt: invitationExpiry(),
      })
      .returning();
    if (!row) throw new Error("invitation not stored");
    await recordAudit(tx, actor, {
      type: "invitation.created",
      subjectType: "invitation",
      subjectId: row.id,
      after: { email: row.email, name: row.name, roles: row.roles },
    });
    const send = await queueInvitationMail(tx, ctx, auth, row, token);
    return { view: invitationView(row, auth.user.name), send };
  });
  // Delivery never throws: the invitation stands, its mail in the outbox.
  await send();
  return view;
}
