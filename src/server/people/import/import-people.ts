import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/connection.js";
import { oneOf } from "../../../db/one-of.js";
import { invitations, memberships, registrations, users } from "../../../db/schema.js";
import { invitationExpiry } from "../../../domain/invitations/status.js";
import { checkImportRows, type ImportRow } from "../../../domain/people/import.js";
import { canManagePeople } from "../../../domain/people/policy.js";
import { storedTypeName } from "../../../domain/registrations/types.js";
import type { Actor } from "../../../domain/roles.js";
import { recordAuditEvents } from "../../audit/record-audit.js";
import { newToken, sha256 } from "../../auth/tokens.js";
import { forbidden } from "../../http/problem.js";
import { type InvitationMail, queueInvitationMails } from "../../invitations/service.js";
import type { ImportResponse } from "./schemas.js";

/** The answer, and the invitations whose mails are queued in the same transaction. */
type ImportResult = ImportResponse & {
  invitations: Array<{ row: typeof invitations.$inferSelect; token: string }>;
};

const lowerEmail = sql<string>`lower(${users.email})`;

/** Which of these addresses already belong to a member (any status) of the actor's organisation. */
export async function existingMembers(tx: Tx, actor: Actor, emails: readonly string[]): Promise<string[]> {
  if (!canManagePeople(actor)) throw forbidden();
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  if (!wanted.length) return [];
  const rows = await tx
    .select({ email: lowerEmail })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, actor.organisationId), oneOf(lowerEmail, wanted)));
  return rows.map((r) => r.email);
}

const emailOf = (row: unknown) => {
  const email = (row as { email?: unknown } | null)?.email;
  return typeof email === "string" ? email : "";
};

/**
 * Imports one batch in the caller's transaction: every row checked again with the domain rules,
 * then accounts, memberships, invitations, registrations and audit entries each written with one
 * statement. Every imported person is an invited member with an invitation: nothing of an
 * existing account is read or changed, and no one has access before they accept. Their
 * invitation mails go out once the batch is stored.
 */
export async function importPeople(
  tx: Tx,
  actor: Actor,
  rows: readonly unknown[],
  mail: InvitationMail,
): Promise<ImportResponse> {
  if (!canManagePeople(actor)) throw forbidden();
  const { invitations, ...answer } = await importRows(tx, actor, rows);
  await queueInvitationMails(tx, actor, mail, invitations);
  return answer;
}

async function importRows(tx: Tx, actor: Actor, rows: readonly unknown[]): Promise<ImportResult> {
  const members = new Set(await existingMembers(tx, actor, rows.map(emailOf)));
  const checked = checkImportRows(rows, members);
  const skipped: ImportResponse["skipped"] = [];
  const valid: Array<{ index: number; value: ImportRow }> = [];
  for (const result of checked) {
    if (result.ok) valid.push({ index: result.index, value: result.value });
    else {
      const first = result.errors[0];
      skipped.push({ index: result.index, code: first?.code ?? "invalid", column: first?.column ?? "name" });
    }
  }
  if (!valid.length) return { created: 0, skipped, invitations: [] };

  // Accounts: create who is missing (no password, the typed name); ON CONFLICT keeps who exists.
  const emails = valid.map((v) => v.value.email);
  await tx
    .insert(users)
    .values(valid.map((v) => ({ email: v.value.email, name: v.value.name })))
    .onConflictDoNothing();
  const userIds = new Map<string, string>();
  const known = await tx.select({ id: users.id, email: lowerEmail }).from(users).where(oneOf(lowerEmail, emails));
  for (const u of known) userIds.set(u.email, u.id);

  // Memberships: one statement; a membership added meanwhile by someone else is skipped, not an error.
  const created = await tx
    .insert(memberships)
    .values(
      valid.map(({ value }) => ({
        organisationId: actor.organisationId,
        userId: userIds.get(value.email) as string,
        roles: value.roles,
        status: "invited" as const,
        displayName: value.name,
        jobTitle: value.jobTitle || null,
        academicExperienceYears: value.academicExperienceYears ?? null,
        dreyfusLevel: value.dreyfusLevel ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: memberships.id, userId: memberships.userId });
  const membershipByUser = new Map(created.map((m) => [m.userId, m.id]));
  const imported = valid.flatMap((v) => {
    const membershipId = membershipByUser.get(userIds.get(v.value.email) as string);
    if (!membershipId) {
      skipped.push({ index: v.index, code: "alreadyMember", column: "email" });
      return [];
    }
    return [{ ...v, membershipId, token: newToken() }];
  });
  if (!imported.length) return { created: 0, skipped: skipped.sort((a, b) => a.index - b.index), invitations: [] };

  const invited = await tx
    .insert(invitations)
    .values(
      imported.map(({ value, token }) => ({
        organisationId: actor.organisationId,
        email: value.email,
        name: value.name,
        roles: value.roles,
        tokenHash: sha256(token),
        invitedBy: actor.userId,
        expiresAt: invitationExpiry(),
      })),
    )
    .returning();
  const tokenByHash = new Map(imported.map((p) => [sha256(p.token), p.token]));

  const withRegistration = imported.filter((p) => p.value.registration);
  if (withRegistration.length) {
    await tx.insert(registrations).values(
      withRegistration.map(({ value, membershipId }) => {
        const r = value.registration as NonNullable<ImportRow["registration"]>;
        return {
          organisationId: actor.organisationId,
          membershipId,
          register: r.register,
          // Written names on the register's list are stored as that type; anything else is "other".
          registrationType: storedTypeName(r.register, r.typeId, r.registrationType) ?? "",
          number: r.number,
          validUntil: r.validUntil ?? null,
          reregistrationDate: r.reregistrationDate ?? null,
        };
      }),
    );
  }

  // One audit entry per person, in one statement for the batch.
  await recordAuditEvents(
    tx,
    actor,
    imported.map(({ value, membershipId }) => ({
      type: "person.imported",
      subjectType: "person",
      subjectId: membershipId,
      after: {
        email: value.email,
        displayName: value.name,
        roles: value.roles,
        status: "invited",
        jobTitle: value.jobTitle || null,
        academicExperienceYears: value.academicExperienceYears ?? null,
        dreyfusLevel: value.dreyfusLevel ?? null,
        registration: value.registration ?? null,
      },
    })),
  );

  skipped.sort((a, b) => a.index - b.index);
  return {
    created: imported.length,
    skipped,
    invitations: invited.map((row) => ({ row, token: tokenByHash.get(row.tokenHash) as string })),
  };
}
