import { and, asc, countDistinct, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import {
  eventAttendance,
  eventEvaluations,
  eventRegistrations,
  memberships,
  organisations,
  users,
} from "../../db/schema.js";
import { dutchDay } from "../../domain/dutch-time.js";
import type { CheckInList, EvaluationInput, EvaluationSummary, EventCounts } from "../../domain/events/api.js";
import { summarise } from "../../domain/events/evaluation.js";
import { attendanceRate } from "../../domain/events/places.js";
import { canCheckIn, canOrganiseEvents, canReadEvaluations } from "../../domain/events/policy.js";
import { canViewNetwork } from "../../domain/networks/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid } from "../http/problem.js";
import { memberName, membershipIn } from "../people/member-name.js";
import { openLines } from "./events.js";
import { loadEvent } from "./load.js";

/**
 * Who came, and what they thought of it. The trainer ticks people off on a phone on the day; a
 * person who came evaluates the event once, and the organiser reads the evaluations without names.
 */

/** Everyone holding a place in any session, once, with whether they were ticked off. */
export async function getCheckInList(tx: Tx, actor: Actor, eventId: string): Promise<CheckInList> {
  const { event, viewer } = await loadEvent(tx, actor, eventId);
  if (!canCheckIn(viewer)) throw forbidden();
  const org = actor.organisationId;
  const people = await tx
    .selectDistinct({ userId: eventRegistrations.userId, name: memberName, present: eventAttendance.userId })
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .leftJoin(memberships, membershipIn(eventRegistrations.userId, org))
    .leftJoin(
      eventAttendance,
      and(
        eq(eventAttendance.organisationId, org),
        eq(eventAttendance.eventId, eventRegistrations.eventId),
        eq(eventAttendance.userId, eventRegistrations.userId),
      ),
    )
    .where(
      and(
        eq(eventRegistrations.organisationId, org),
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.status, "registered"),
      ),
    )
    .orderBy(asc(memberName));
  return {
    eventId,
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    people: people.map((p) => ({ userId: p.userId, name: p.name, present: p.present !== null })),
  };
}

/** Ticks a person off as present, or takes the tick back; from the event's day on. */
export async function setPresence(
  tx: Tx,
  actor: Actor,
  eventId: string,
  input: { userId: string; present: boolean },
  now = new Date(),
) {
  const { event, viewer } = await loadEvent(tx, actor, eventId);
  if (!canCheckIn(viewer)) throw forbidden();
  if (event.status === "cancelled") throw invalid({ userId: "event.cancelled" });
  if (dutchDay(now) < dutchDay(event.startsAt)) throw invalid({ userId: "event.checkInNotYet" });
  const org = actor.organisationId;
  const line = (await openLines(tx, org, eventId)).find((l) => l.userId === input.userId && l.status === "registered");
  if (!line) throw invalid({ userId: "event.notRegistered" });
  const changed = input.present
    ? await tx
        .insert(eventAttendance)
        .values({ organisationId: org, eventId, userId: input.userId, checkedInBy: actor.userId })
        .onConflictDoNothing()
        .returning({ userId: eventAttendance.userId })
    : await tx
        .delete(eventAttendance)
        .where(
          and(
            eq(eventAttendance.organisationId, org),
            eq(eventAttendance.eventId, eventId),
            eq(eventAttendance.userId, input.userId),
          ),
        )
        .returning({ userId: eventAttendance.userId });
  if (changed.length)
    await recordAudit(tx, actor, {
      type: "event.attendance",
      subjectType: "event",
      subjectId: eventId,
      after: { member: line.name, present: input.present },
    });
}

/** One evaluation per person who came, once the event has begun. */
export async function submitEvaluation(
  tx: Tx,
  actor: Actor,
  eventId: string,
  input: EvaluationInput,
  now = new Date(),
) {
  const { event } = await loadEvent(tx, actor, eventId);
  const org = actor.organisationId;
  const [came] = await tx
    .select({ userId: eventAttendance.userId })
    .from(eventAttendance)
    .where(
      and(
        eq(eventAttendance.organisationId, org),
        eq(eventAttendance.eventId, eventId),
        eq(eventAttendance.userId, actor.userId),
      ),
    );
  if (!came || event.status === "cancelled") throw forbidden();
  if (now < event.startsAt) throw invalid({}, "event.evaluationNotYet");
  const inserted = await tx
    .insert(eventEvaluations)
    .values({ organisationId: org, eventId, userId: actor.userId, ...input })
    .onConflictDoNothing()
    .returning({ userId: eventEvaluations.userId });
  if (!inserted.length) throw invalid({}, "event.alreadyEvaluated");
}

export async function getEvaluationSummary(tx: Tx, actor: Actor, eventId: string): Promise<EvaluationSummary> {
  const { event, viewer } = await loadEvent(tx, actor, eventId);
  if (!canReadEvaluations(viewer)) throw forbidden();
  const org = actor.organisationId;
  const rows = await tx
    .select({
      overall: eventEvaluations.overall,
      usefulness: eventEvaluations.usefulness,
      takeAway: eventEvaluations.takeAway,
      suggestion: eventEvaluations.suggestion,
    })
    .from(eventEvaluations)
    .where(and(eq(eventEvaluations.organisationId, org), eq(eventEvaluations.eventId, eventId)));
  const [attended] = await tx
    .select({ n: countDistinct(eventAttendance.userId) })
    .from(eventAttendance)
    .where(and(eq(eventAttendance.organisationId, org), eq(eventAttendance.eventId, eventId)));
  return { eventId, title: event.title, attended: Number(attended?.n ?? 0), ...summarise(rows) };
}

interface CountsRow extends Record<string, unknown> {
  organisation_id: string;
  events: string | number;
  participants: string | number;
  attended: string | number;
}

/**
 * The numbers a region reports to its funder, per organisation: for the actor's own and, in a
 * network, every member's, for events that took place (not cancelled) from `from` to before `to`.
 * Counts only, through app_event_counts (migration 0028): one definition for both uses.
 */
async function countsPerOrganisation(tx: Tx, from: Date, to: Date) {
  const rows = (await tx.execute(
    sql`SELECT * FROM app_event_counts(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`,
  )) as unknown as { rows: CountsRow[] };
  return rows.rows.map((r) => {
    const participants = Number(r.participants);
    const attended = Number(r.attended);
    return {
      organisationId: r.organisation_id,
      counts: {
        events: Number(r.events),
        participants,
        attended,
        attendanceRate: attendanceRate(participants, attended),
      } satisfies EventCounts,
    };
  });
}

/** The organisation's own figures, for its organisers. */
export async function eventCounts(tx: Tx, actor: Actor, from: Date, to: Date): Promise<EventCounts> {
  if (!canOrganiseEvents(actor)) throw forbidden();
  const own = (await countsPerOrganisation(tx, from, to)).find((r) => r.organisationId === actor.organisationId);
  return own?.counts ?? { events: 0, participants: 0, attended: 0, attendanceRate: null };
}

/** Every member's figures, for those who see the network page; empty outside a network. */
export async function networkEventCounts(tx: Tx, actor: Actor, from: Date, to: Date) {
  if (!canViewNetwork(actor)) throw forbidden();
  const rows = await countsPerOrganisation(tx, from, to);
  const names = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      oneOf(
        organisations.id,
        rows.map((r) => r.organisationId),
      ),
    );
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const members = rows
    .map((r) => ({
      name: nameOf.get(r.organisationId) ?? "",
      own: r.organisationId === actor.organisationId,
      ...r.counts,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  const total = members.reduce(
    (sum, m) => ({
      events: sum.events + m.events,
      participants: sum.participants + m.participants,
      attended: sum.attended + m.attended,
    }),
    { events: 0, participants: 0, attended: 0 },
  );
  return { members, total: { ...total, attendanceRate: attendanceRate(total.participants, total.attended) } };
}
