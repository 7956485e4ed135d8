import { and, eq, gt, isNull } from "drizzle-orm";
import { invitations } from "../../db/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AuthContext } from "../auth/session.js";
import { invalid } from "../http/problem.js";
import { inTenant } from "../tenancy.js";
import { accountIdFor, insertInvitation, insertInvitedMembership, membershipOf } from "./invite-member.js";
import type { CreateInvitationInput } from "./schemas.js";
import { type InvitationContext, invitationView, queueInvitationMail } from "./service.js";

/**
 * Invites a person into the actor's organisation and mails them a link. The person is listed as
 * an invited member at once, without access until they accept. Someone who already joined, or
 * who already has an open invitation, is refused on the e-mail field; whether the address has an
 * account elsewhere is never told.
 */
export async function createInvitation(ctx: InvitationContext, auth: AuthContext, input: CreateInvitationInput) {
  const { view, send } = await inTenant(ctx.db, auth.actor, async (tx, actor) => {
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

    const userId = await accountIdFor(tx, input.email, input.name);
    const member = await membershipOf(tx, actor, userId);
    if (member?.status === "active") throw invalid({ email: "field.emailTaken" });
    // A deactivated or lapsed member is invited again; their membership stays until they accept.
    if (!member) await insertInvitedMembership(tx, actor, userId, input);

    const { row, token } = await insertInvitation(tx, actor, input);
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
