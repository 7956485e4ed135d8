import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { startOfDay } from "../../db/dutch-days.js";
import { meetings, memberships, registrations, trajectories, trajectoryParticipants, users } from "../../db/schema.js";
import { dutchToday } from "../../domain/dutch-time.js";
import type { EvidenceRecordView, EvidenceView } from "../../domain/evidence/api.js";
import {
  buildLedger,
  type EvidenceRecord,
  hoursPerFortyPoints,
  lastDay,
  type Period,
  pointsHundredthsOf,
  registrationPeriod,
} from "../../domain/evidence/ledger.js";
import { canReadEvidence } from "../../domain/evidence/policy.js";
import type { RequirementProfile } from "../../domain/evidence/profile.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { TIME_ZONE } from "../../domain/time-zone.js";
import { meetingType } from "../../domain/trajectories/evaluate.js";
import { forbidden, notFound } from "../http/problem.js";
import { intervisionRecords } from "../intervision/ledger-source.js";
import { organisationOf } from "../organisations/service.js";
import { memberName } from "../people/member-name.js";
import { logRead } from "../privacy/access-log.js";
import { regimeVersionsByHash } from "../regimes/service.js";
import type { EvidenceDocumentInput } from "./documents.js";
import { profilesByKey } from "./profiles.js";

/**
 * The held meetings of trajectories where `userId` is a trainee and whose regime counts as
 * evidence, inside the period: face-to-face minutes only (not preparation or travel). One
 * statement, plus one for regime versions not read before.
 */
async function trajectoryRecords(
  tx: Tx,
  actor: Actor,
  userId: string,
  period: Period,
  locale: Locale,
): Promise<EvidenceRecord[]> {
  const rows = await tx
    .select({
      meetingId: meetings.id,
      type: meetings.type,
      minutes: meetings.durationMinutes,
      date: sql<string>`to_char(${meetings.startsAt} at time zone ${TIME_ZONE}, 'YYYY-MM-DD')`,
      trajectoryId: trajectories.id,
      title: trajectories.title,
      regimeHash: trajectories.regimeHash,
      groupSize: meetings.groupSize,
      mode: meetings.mode,
    })
    .from(meetings)
    .innerJoin(
      trajectories,
      and(eq(trajectories.id, meetings.trajectoryId), eq(trajectories.organisationId, actor.organisationId)),
    )
    .innerJoin(
      trajectoryParticipants,
      and(
        eq(trajectoryParticipants.trajectoryId, trajectories.id),
        eq(trajectoryParticipants.organisationId, actor.organisationId),
        eq(trajectoryParticipants.userId, userId),
        eq(trajectoryParticipants.role, "trainee"),
      ),
    )
    .where(
      and(
        eq(meetings.organisationId, actor.organisationId),
        eq(meetings.status, "held"),
        gte(meetings.startsAt, startOfDay(period.from)),
        lt(meetings.startsAt, startOfDay(period.to)),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
  const regimes = await regimeVersionsByHash(
    tx,
    actor,
    rows.map((r) => r.regimeHash),
  );
  const records: EvidenceRecord[] = [];
  for (const row of rows) {
    const regime = regimes.get(row.regimeHash);
    if (!regime?.evidence) continue;
    const typeLabel = meetingType(regime, row.type)?.label[locale] ?? row.type;
    records.push({
      category: regime.evidence.category,
      source: {
        kind: "trajectoryMeeting",
        id: row.meetingId,
        link: `/trajecten/${row.trajectoryId}/bijeenkomsten/${row.meetingId}`,
        title: `${row.title} – ${typeLabel}`,
      },
      date: row.date,
      minutes: row.minutes,
      // As recorded on the session when it was held, never today's plan.
      groupSize: regime.evidence.groupSizeField ? row.groupSize : null,
      mode: row.mode,
    });
  }
  return records;
}

async function loadPerson(tx: Tx, actor: Actor, personId: string) {
  const [person] = await tx
    .select({ id: memberships.id, userId: memberships.userId, name: memberName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, personId), eq(memberships.organisationId, actor.organisationId)))
    .limit(1);
  if (!person) throw notFound();
  return person;
}

type RegistrationRow = Pick<
  typeof registrations.$inferSelect,
  "id" | "register" | "registrationType" | "number" | "reregistrationDate" | "requirementProfile"
>;

/**
 * The registration whose ledger to show when none is chosen: the nearest re-registration date
 * from today on with a profile; else the latest one that has passed.
 */
export function defaultRegistration<R extends RegistrationRow>(usable: readonly R[], today: string): R | undefined {
  const byDate = [...usable].sort((a, b) => String(a.reregistrationDate).localeCompare(String(b.reregistrationDate)));
  return byDate.find((r) => String(r.reregistrationDate) >= today) ?? byDate.at(-1);
}

/**
 * Everything the evidence page and the exports show, for one person and one registration: one's
 * own ledger, and someone else's for the admin and the training officer.
 */
export async function evidenceOf(
  tx: Tx,
  actor: Actor,
  personId: string,
  registrationId: string | undefined,
  locale: Locale,
  today = dutchToday(),
): Promise<EvidenceView> {
  if (!canReadEvidence(actor, personId)) throw forbidden();
  const person = await loadPerson(tx, actor, personId);
  await logRead(tx, actor, "evidence", [person.userId], person.id);
  const regs: RegistrationRow[] = await tx
    .select({
      id: registrations.id,
      register: registrations.register,
      registrationType: registrations.registrationType,
      number: registrations.number,
      reregistrationDate: registrations.reregistrationDate,
      requirementProfile: registrations.requirementProfile,
    })
    .from(registrations)
    .where(and(eq(registrations.organisationId, actor.organisationId), eq(registrations.membershipId, person.id)))
    .orderBy(asc(registrations.reregistrationDate), asc(registrations.id));
  const profiles = await profilesByKey(tx, actor);
  const isUsable = (r: RegistrationRow) =>
    Boolean(r.reregistrationDate && r.requirementProfile && profiles.has(r.requirementProfile));
  const choices = regs.map((r) => ({ ...r, usable: isUsable(r) }));
  // A registration that is not (or no longer) the person's, as from an old link: the default one.
  const chosen =
    choices.find((r) => r.id === registrationId) ??
    defaultRegistration(
      choices.filter((r) => r.usable),
      today,
    );
  const view: EvidenceView = { person: { id: person.id, name: person.name }, registrations: choices, ledger: null };
  if (!chosen?.usable) return view;

  const profile = profiles.get(chosen.requirementProfile as string) as RequirementProfile;
  const period = registrationPeriod(chosen.reregistrationDate as string, profile.periodYears);
  const fromTrajectories = await trajectoryRecords(tx, actor, person.userId, period, locale);
  const fromIntervision = await intervisionRecords(
    tx,
    actor.organisationId,
    person.userId,
    period.from,
    lastDay(period),
  );
  const records: EvidenceRecord[] = [
    ...fromTrajectories,
    ...fromIntervision.map(
      (r): EvidenceRecord => ({
        category: "intervisie",
        source: { kind: "intervisionMeeting", id: r.meetingId, link: r.link, title: r.groupName },
        date: r.date,
        minutes: r.minutes,
      }),
    ),
  ];
  const ledger = buildLedger(profile, period, records, today);
  const recordView = (r: EvidenceRecord): EvidenceRecordView => ({
    ...r.source,
    date: r.date,
    minutes: r.minutes,
    groupSize: r.groupSize ?? null,
    mode: r.mode ?? null,
    pointsHundredths: pointsHundredthsOf(
      r.minutes,
      r.category === "supervisie" ? hoursPerFortyPoints(profile, r.groupSize) : 40,
    ),
  });
  return {
    ...view,
    ledger: {
      registrationId: chosen.id,
      profile: { key: profile.key, document: profile },
      period: { ...period, lastDay: lastDay(period) },
      daysLeft: ledger.daysLeft,
      complete: ledger.complete,
      lines: ledger.lines.map((line) => ({
        ...line,
        records: line.records.map(recordView),
        notCounted: line.notCounted.map((n) => ({ ...recordView(n.record), reason: n.reason })),
      })),
    },
  };
}

/** What the evidence exports (CSV and PDF) show: the ledger, with the organisation and the registration in words. */
export async function evidenceDocument(
  tx: Tx,
  actor: Actor,
  personId: string,
  registrationId: string | undefined,
  locale: Locale,
): Promise<EvidenceDocumentInput> {
  const evidence = await evidenceOf(tx, actor, personId, registrationId, locale);
  const reg = evidence.registrations.find((r) => r.id === evidence.ledger?.registrationId);
  return {
    organisation: await organisationOf(tx, actor),
    locale,
    evidence,
    registration: reg ? `${reg.register} ${reg.registrationType} (${reg.number})` : "",
    generatedOn: dutchToday(),
  };
}
