import { and, eq, isNotNull, ne, or } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import {
  declarationSignatures,
  declarations,
  memberships,
  notifications,
  organisations,
  regimeVersions,
  registrations,
  remindersSent,
  trajectories,
  trajectoryParticipants,
  users,
} from "../../db/schema.js";
import { reregistrationDate } from "../../domain/declarations/reregistration.js";
import { upgradeRegime } from "../../domain/regimes/upgrade.js";
import {
  type DeclarationRuleSpec,
  type DeclarationVersion,
  type DueReminder,
  dueReminders,
  type ReminderSnapshot,
} from "../../domain/reminders/rules.js";
import { eventReminders } from "../events/reminders.js";
import { consensusReminders } from "../frameworks/consensus/reminders.js";
import type { Mailer } from "../mail.js";
import { inOrganisation } from "../tenancy.js";
import { hasUnsignedDatedDeclaration } from "../trajectories/declaration-due-facts.js";
import { reminderMail } from "./mail-text.js";

export interface ReminderOptions {
  /** Where links in the e-mails point to. */
  publicUrl: string;
}

const byKey = <T, K>(rows: T[], key: (row: T) => K) => {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
};

/**
 * Every open trajectory of the organisation, and every closed one with a dated declaration still
 * unsigned, as the reminder rules read it.
 */
async function loadSnapshots(tx: Tx, organisationId: string): Promise<ReminderSnapshot[]> {
  const open = and(
    eq(trajectories.organisationId, organisationId),
    or(eq(trajectories.closed, false), hasUnsignedDatedDeclaration),
  );
  const rows = await tx
    .select({
      id: trajectories.id,
      title: trajectories.title,
      closed: trajectories.closed,
      startsOn: trajectories.startsOn,
      endsOn: trajectories.endsOn,
      evaluationMoments: trajectories.evaluationMoments,
      regime: regimeVersions.document,
    })
    .from(trajectories)
    .innerJoin(
      regimeVersions,
      and(eq(regimeVersions.organisationId, organisationId), eq(regimeVersions.hash, trajectories.regimeHash)),
    )
    .where(open);
  if (rows.length === 0) return [];

  // Only active members are reminded.
  const participants = await tx
    .select({
      trajectoryId: trajectoryParticipants.trajectoryId,
      userId: trajectoryParticipants.userId,
      role: trajectoryParticipants.role,
    })
    .from(trajectoryParticipants)
    .innerJoin(trajectories, eq(trajectories.id, trajectoryParticipants.trajectoryId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.userId, trajectoryParticipants.userId),
        eq(memberships.status, "active"),
      ),
    )
    .where(and(eq(trajectoryParticipants.organisationId, organisationId), open));

  const versions = await tx
    .select({
      id: declarations.id,
      trajectoryId: declarations.trajectoryId,
      kind: declarations.kind,
      number: declarations.number,
      status: declarations.status,
      createdAt: declarations.createdAt,
    })
    .from(declarations)
    .innerJoin(trajectories, eq(trajectories.id, declarations.trajectoryId))
    .where(and(eq(declarations.organisationId, organisationId), ne(declarations.status, "superseded"), open));
  const signatures = versions.length
    ? await tx
        .select({
          declarationId: declarationSignatures.declarationId,
          signerKey: declarationSignatures.signerKey,
          userId: declarationSignatures.userId,
          signedAt: declarationSignatures.signedAt,
        })
        .from(declarationSignatures)
        .where(
          and(
            eq(declarationSignatures.organisationId, organisationId),
            oneOf(
              declarationSignatures.declarationId,
              versions.map((v) => v.id),
            ),
          ),
        )
    : [];

  // A trainee's re-registration dates, from their registrations in this organisation.
  const trainees = [...new Set(participants.filter((p) => p.role === "trainee").map((p) => p.userId))];
  const dates = trainees.length
    ? await tx
        .select({ userId: memberships.userId, date: registrations.reregistrationDate })
        .from(registrations)
        .innerJoin(memberships, eq(memberships.id, registrations.membershipId))
        .where(
          and(
            eq(registrations.organisationId, organisationId),
            eq(memberships.organisationId, organisationId),
            oneOf(memberships.userId, trainees),
            isNotNull(registrations.reregistrationDate),
          ),
        )
    : [];

  const participantsOf = byKey(participants, (p) => p.trajectoryId);
  const versionsOf = byKey(versions, (v) => v.trajectoryId);
  const signaturesOf = byKey(signatures, (s) => s.declarationId);
  const datesOf = byKey(dates, (d) => d.userId);

  return rows.map((stored) => {
    const row = { ...stored, regime: upgradeRegime(stored.regime) };
    const people = participantsOf.get(row.id) ?? [];
    const traineeIds = new Set(people.filter((p) => p.role === "trainee").map((p) => p.userId));
    // The earliest re-registration on or after the start: the one this trajectory counts towards.
    const traineeDates = [...traineeIds]
      .flatMap((id) => datesOf.get(id) ?? [])
      .map((d) => ({ reregistrationDate: d.date }));
    const declarationSpecs: DeclarationRuleSpec[] = row.regime.declarations.map((d) => ({
      key: d.key,
      moment: d.moment,
      signers: d.signers,
      dueBy: d.dueBy,
      dueDaysAfterStart: d.dueDaysAfterStart ?? null,
    }));
    const declarationVersions: DeclarationVersion[] = (versionsOf.get(row.id) ?? []).map((v) => ({
      ...v,
      signatures: signaturesOf.get(v.id) ?? [],
    }));
    return {
      id: row.id,
      title: row.title,
      closed: row.closed,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      evaluationMoments: row.evaluationMoments,
      participants: people.map((p) => ({ userId: p.userId, role: p.role })),
      visibility: { participants: row.regime.participants, admin: row.regime.admin },
      declarationSpecs,
      declarations: declarationVersions,
      reregistrationDate: reregistrationDate(traineeDates, row.startsOn),
    };
  });
}

/**
 * Sends one reminder if its key is still free: the key, the notification and the e-mail are
 * written in one transaction, so a second sender (another process) finds the key taken and
 * sends nothing. Returns the e-mail's delivery, to run after commit, or null if already sent.
 */
async function sendOnce(
  db: Db,
  mailer: Mailer,
  organisationId: string,
  reminder: DueReminder,
  recipient: { email: string; name: string; locale: string },
  options: ReminderOptions,
) {
  return inOrganisation(db, organisationId, async (tx) => {
    const claimed = await tx
      .insert(remindersSent)
      .values({ organisationId, key: reminder.key })
      .onConflictDoNothing()
      .returning({ key: remindersSent.key });
    if (claimed.length === 0) return null;
    await tx.insert(notifications).values({
      organisationId,
      userId: reminder.userId,
      kind: reminder.kind,
      params: reminder.params,
      link: reminder.link,
    });
    const mail = reminderMail(recipient.locale, reminder.kind, {
      name: recipient.name,
      link: `${options.publicUrl}${reminder.link}`,
    });
    return mailer.queue(tx, { organisationId, to: recipient.email, ...mail });
  });
}

/** Sends the organisation's due reminders that were not sent before; returns how many it sent. */
export async function sendDueRemindersFor(
  db: Db,
  mailer: Mailer,
  organisationId: string,
  now: Date,
  options: ReminderOptions,
): Promise<number> {
  const { due, recipients } = await inOrganisation(db, organisationId, async (tx) => {
    const candidates = [
      ...(await loadSnapshots(tx, organisationId)).flatMap((s) => dueReminders(s, now)),
      ...(await consensusReminders(tx, organisationId, now)),
      ...(await eventReminders(tx, organisationId, now)),
    ];
    if (candidates.length === 0) return { due: [], recipients: new Map() };
    const sent = await tx
      .select({ key: remindersSent.key })
      .from(remindersSent)
      .where(
        and(
          eq(remindersSent.organisationId, organisationId),
          oneOf(
            remindersSent.key,
            candidates.map((c) => c.key),
          ),
        ),
      );
    const taken = new Set(sent.map((s) => s.key));
    const due = candidates.filter((c) => !taken.has(c.key));
    const people = due.length
      ? await tx
          .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
          .from(users)
          .where(
            oneOf(
              users.id,
              due.map((d) => d.userId),
            ),
          )
      : [];
    return { due, recipients: new Map(people.map((p) => [p.id, p])) };
  });
  let count = 0;
  for (const reminder of due) {
    const recipient = recipients.get(reminder.userId);
    if (!recipient) continue;
    const deliver = await sendOnce(db, mailer, organisationId, reminder, recipient, options);
    if (deliver) {
      count++;
      await deliver();
    }
  }
  return count;
}

/**
 * The reminder job: every organisation's reminders due at `now` that were not sent before.
 * `now` is a parameter so tests can run the scan on any date.
 */
export async function sendDueReminders(db: Db, mailer: Mailer, now: Date, options: ReminderOptions): Promise<number> {
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  let count = 0;
  for (const org of orgs) count += await sendDueRemindersFor(db, mailer, org.id, now, options);
  return count;
}
