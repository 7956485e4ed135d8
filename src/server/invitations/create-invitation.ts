import { and, eq, gt, isNull } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { invitations } from "../../db/schema.js";
import { canManageInvitations } from "../../domain/invitations/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid } from "../http/problem.js";
import { accountIdFor, insertInvitation, insertInvitedMembership, membershipOf } from "./invite-member.js";
import type { CreateInvitationInput } from "./schemas.js";
import { type InvitationMail, invitationView, queueInvitationMail } from "./service.js";

/**
 * Invites a person into the actor's organisation and mails them a link. The person is listed as
 * an invited member at once, without access until they accept. Someone who already joined, or
 * who already has an open invitation, is refused on the e-mail field; whether the address has an
 * account elsewhere is never told.
 */
export async function createInvitation(tx: Tx, actor: Actor, input: CreateInvitationInput, mail: InvitationMail) {
  if (!canManageInvitations(actor)) throw forbidden();
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
  await queueInvitationMail(tx, actor, mail, row, token);
  return invitationView(row, mail.inviter.name);
}
