import { and, asc, count, desc, eq, gte, inArray, lt, ne, or } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import {
  eventAttendance,
  eventEvaluations,
  eventRegistrations,
  eventSessions,
  events,
  eventTrainers,
  memberships,
  users,
} from "../../db/schema.js";
import { AUDIENCES, type CreateEventInput, type EventDetail, type EventSummary } from "../../domain/events/api.js";
import { type PlaceStatus, registrationOpen, waitingPosition } from "../../domain/events/places.js";
import { canOrganiseEvents, eventAbilities, isAudience } from "../../domain/events/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid } from "../http/problem.js";
import { activeColleagues, activeColleaguesAmong } from "../people/colleagues.js";
import { memberName, membershipIn } from "../people/member-name.js";
import { updateVersioned } from "../tenancy.js";
import { type EventRow, type LoadedEvent, loadEvent } from "./load.js";
import { type EventMail, tellPeople } from "./mail.js";

const iso = (at: Date) => at.toISOString();

/** The people an organiser may register or name as trainer: the organisation's active members. */
export async function listCandidates(tx: Tx, actor: Actor) {
  if (!canOrganiseEvents(actor)) throw forbidden();
  return activeColleagues(tx, actor.organisationId);
}

/** When and where, checked as one: the end after the start, the deadline not after it, a place or a link. */
export function checkWhenAndWhere(input: {
  startsAt: string;
  endsAt: string;
  registrationDeadline: string;
  place?: string | null | undefined;
  onlineUrl?: string | null | undefined;
}) {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const deadline = new Date(input.registrationDeadline);
  const place = input.place?.trim() || null;
  const errors: Record<string, "field.endBeforeStart" | "event.deadlineAfterStart" | "event.placeRequired"> = {};
  if (endsAt <= startsAt) errors.endsAt = "field.endBeforeStart";
  if (deadline > startsAt) errors.registrationDeadline = "event.deadlineAfterStart";
  if (!place && !input.onlineUrl) errors.place = "event.placeRequired";
  if (Object.keys(errors).length) throw invalid(errors);
  return { startsAt, endsAt, deadline, place };
}

export async function createEvent(tx: Tx, actor: Actor, input: CreateEventInput) {
  if (!canOrganiseEvents(actor)) throw forbidden();
  const { startsAt, endsAt, deadline, place } = checkWhenAndWhere(input);
  const known = await activeColleaguesAmong(tx, actor.organisationId, input.trainerIds);
  const unknown = input.trainerIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw invalid({ [`trainerIds.${unknown}`]: "field.notColleague" });

  const [event] = await tx
    .insert(events)
    .values({
      organisationId: actor.organisationId,
      kind: input.kind,
      audience: input.audience,
      title: input.title,
      description: input.description,
      startsAt,
      endsAt,
      place,
      onlineUrl: input.onlineUrl,
      registrationDeadline: deadline,
      createdBy: actor.userId,
    })
    .returning({ id: events.id });
  if (!event) throw new Error("insert returned nothing");
  const trainerIds = [...new Set(input.trainerIds)];
  if (trainerIds.length)
    await tx
      .insert(eventTrainers)
      .values(trainerIds.map((userId) => ({ organisationId: actor.organisationId, eventId: event.id, userId })));
  const perRound = new Map<number, number>();
  await tx.insert(eventSessions).values(
    input.sessions.map((s) => {
      const position = (perRound.get(s.round) ?? 0) + 1;
      perRound.set(s.round, position);
      return { ...s, organisationId: actor.organisationId, eventId: event.id, position };
    }),
  );
  await recordAudit(tx, actor, {
    type: "event.created",
    subjectType: "event",
    subjectId: event.id,
    after: {
      title: input.title,
      kind: input.kind,
      startsAt: iso(startsAt),
      member: trainerIds.map((id) => known.get(id)).join(", "),
    },
  });
  return event.id;
}

/** An organiser cancels an event: everyone with a place or on a waiting list is told, by message and e-mail. */
export async function cancelEvent(tx: Tx, actor: Actor, eventId: string, version: number, mail: EventMail) {
  const { event } = await loadEvent(tx, actor, eventId, { forUpdate: true });
  if (!canOrganiseEvents(actor)) throw forbidden();
  if (event.status === "cancelled" && event.version === version) return;
  await updateVersioned(
    tx,
    events,
    { id: eventId, organisationId: actor.organisationId, expectedVersion: version },
    { status: "cancelled" },
  );
  const people = await tx
    .selectDistinct({ userId: eventRegistrations.userId })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.organisationId, actor.organisationId),
        eq(eventRegistrations.eventId, eventId),
        ne(eventRegistrations.status, "cancelled"),
      ),
    );
  await tellPeople(
    tx,
    actor,
    people.map((p) => p.userId),
    { kind: "event.cancelled", event, session: null },
    mail,
  );
  await recordAudit(tx, actor, { type: "event.cancelled", subjectType: "event", subjectId: eventId });
}

/** The audiences a person belongs to: the events they see without being named on them. */
const audiencesOf = (actor: Actor) => AUDIENCES.filter((a) => isAudience(actor, a));

/** The events I may see, coming and past; an organiser sees all of the organisation. */
export async function listEvents(tx: Tx, actor: Actor, now = new Date()) {
  const org = actor.organisationId;
  const mineIds = tx
    .select({ id: eventRegistrations.eventId })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.organisationId, org),
        eq(eventRegistrations.userId, actor.userId),
        ne(eventRegistrations.status, "cancelled"),
      ),
    );
  const trainerIds = tx
    .select({ id: eventTrainers.eventId })
    .from(eventTrainers)
    .where(and(eq(eventTrainers.organisationId, org), eq(eventTrainers.userId, actor.userId)));
  const audiences = audiencesOf(actor);
  const visible = canOrganiseEvents(actor)
    ? undefined
    : or(
        audiences.length ? inArray(events.audience, audiences) : undefined,
        inArray(events.id, mineIds),
        inArray(events.id, trainerIds),
      );
  const columns = {
    id: events.id,
    title: events.title,
    kind: events.kind,
    audience: events.audience,
    startsAt: events.startsAt,
    endsAt: events.endsAt,
    place: events.place,
    onlineUrl: events.onlineUrl,
    status: events.status,
    registrationDeadline: events.registrationDeadline,
  };
  const upcoming = await tx
    .select(columns)
    .from(events)
    .where(and(eq(events.organisationId, org), visible, gte(events.endsAt, now)))
    .orderBy(asc(events.startsAt))
    .limit(200);
  const past = await tx
    .select(columns)
    .from(events)
    .where(and(eq(events.organisationId, org), visible, lt(events.endsAt, now)))
    .orderBy(desc(events.startsAt))
    .limit(50);
  const ids = [...upcoming, ...past].map((e) => e.id);
  const lines = ids.length
    ? await tx
        .select({ eventId: eventRegistrations.eventId, status: eventRegistrations.status, n: count() })
        .from(eventRegistrations)
        .where(
          and(
            eq(eventRegistrations.organisationId, org),
            eq(eventRegistrations.userId, actor.userId),
            oneOf(eventRegistrations.eventId, ids),
            ne(eventRegistrations.status, "cancelled"),
          ),
        )
        .groupBy(eventRegistrations.eventId, eventRegistrations.status)
    : [];
  const mine = (eventId: string, status: "registered" | "waiting") =>
    lines.filter((l) => l.eventId === eventId && l.status === status).reduce((n, l) => n + Number(l.n), 0);
  const present = (e: (typeof upcoming)[number]): EventSummary => ({
    id: e.id,
    title: e.title,
    kind: e.kind,
    audience: e.audience,
    startsAt: iso(e.startsAt),
    endsAt: iso(e.endsAt),
    place: e.place,
    online: e.onlineUrl !== null,
    status: e.status,
    registrationDeadline: iso(e.registrationDeadline),
    mine: { registered: mine(e.id, "registered"), waiting: mine(e.id, "waiting") },
  });
  return { upcoming: upcoming.map(present), past: past.map(present), canCreate: canOrganiseEvents(actor) };
}

/** The lines of an event, open ones, in the order of the waiting list, with the person's name. */
export async function openLines(tx: Tx, organisationId: string, eventId: string) {
  return tx
    .select({
      id: eventRegistrations.id,
      sessionId: eventRegistrations.sessionId,
      round: eventRegistrations.round,
      userId: eventRegistrations.userId,
      status: eventRegistrations.status,
      registeredAt: eventRegistrations.registeredAt,
      name: memberName,
    })
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .leftJoin(memberships, membershipIn(eventRegistrations.userId, organisationId))
    .where(
      and(
        eq(eventRegistrations.organisationId, organisationId),
        eq(eventRegistrations.eventId, eventId),
        ne(eventRegistrations.status, "cancelled"),
      ),
    )
    .orderBy(asc(eventRegistrations.registeredAt), asc(eventRegistrations.id));
}

export async function eventSessionsOf(tx: Tx, organisationId: string, eventId: string) {
  return tx
    .select()
    .from(eventSessions)
    .where(and(eq(eventSessions.organisationId, organisationId), eq(eventSessions.eventId, eventId)))
    .orderBy(asc(eventSessions.round), asc(eventSessions.position));
}

export async function presentEvent(tx: Tx, actor: Actor, loaded: LoadedEvent, now = new Date()): Promise<EventDetail> {
  const { event, viewer } = loaded;
  const org = actor.organisationId;
  const abilities = eventAbilities(viewer, event.audience);
  const sessions = await eventSessionsOf(tx, org, event.id);
  const lines = await openLines(tx, org, event.id);
  const trainers = await tx
    .select({ userId: eventTrainers.userId, name: memberName })
    .from(eventTrainers)
    .innerJoin(users, eq(users.id, eventTrainers.userId))
    .leftJoin(memberships, membershipIn(eventTrainers.userId, org))
    .where(and(eq(eventTrainers.organisationId, org), eq(eventTrainers.eventId, event.id)))
    .orderBy(asc(memberName));
  const [attended] = await tx
    .select({ userId: eventAttendance.userId })
    .from(eventAttendance)
    .where(
      and(
        eq(eventAttendance.organisationId, org),
        eq(eventAttendance.eventId, event.id),
        eq(eventAttendance.userId, actor.userId),
      ),
    );
  const [evaluated] = await tx
    .select({ userId: eventEvaluations.userId })
    .from(eventEvaluations)
    .where(
      and(
        eq(eventEvaluations.organisationId, org),
        eq(eventEvaluations.eventId, event.id),
        eq(eventEvaluations.userId, actor.userId),
      ),
    );
  const open = event.status === "planned" && registrationOpen(event.registrationDeadline, now);
  return {
    id: event.id,
    title: event.title,
    kind: event.kind,
    audience: event.audience,
    description: event.description,
    startsAt: iso(event.startsAt),
    endsAt: iso(event.endsAt),
    place: event.place,
    onlineUrl: event.onlineUrl,
    registrationDeadline: iso(event.registrationDeadline),
    registrationOpen: open,
    status: event.status,
    version: event.version,
    trainers,
    sessions: sessions.map((s): EventDetail["sessions"][number] => {
      const here = lines.filter((l) => l.sessionId === s.id);
      const own = here.find((l) => l.userId === actor.userId);
      // Open lines only: a line is registered or waiting.
      const openStatus = (status: PlaceStatus) => (status === "waiting" ? "waiting" : "registered");
      return {
        id: s.id,
        round: s.round,
        title: s.title,
        capacity: s.capacity,
        registered: here.filter((l) => l.status === "registered").length,
        waiting: here.filter((l) => l.status === "waiting").length,
        mine: own ? { status: openStatus(own.status), position: waitingPosition(here, own.id) } : null,
        people: abilities.participants
          ? [...here.filter((l) => l.status === "registered"), ...here.filter((l) => l.status === "waiting")].map(
              (l) => ({ userId: l.userId, name: l.name, status: openStatus(l.status) }),
            )
          : null,
      };
    }),
    attended: attended !== undefined,
    evaluation: {
      open: attended !== undefined && evaluated === undefined && now >= event.startsAt && event.status === "planned",
      submitted: evaluated !== undefined,
    },
    abilities: {
      ...abilities,
      registerSelf: abilities.registerSelf && open,
      registerOthers: abilities.registerOthers && open,
    },
  };
}

export async function getEvent(tx: Tx, actor: Actor, eventId: string) {
  return presentEvent(tx, actor, await loadEvent(tx, actor, eventId));
}

export type { EventRow };

/**
 * The events for a person's calendar feed: those they hold a place at, and those they give,
 * with the sessions they hold places in. Never a waiting list: that is no appointment yet.
 */
export async function calendarEvents(tx: Tx, actor: Actor) {
  const org = actor.organisationId;
  const places = await tx
    .select({ eventId: eventRegistrations.eventId, title: eventSessions.title, round: eventSessions.round })
    .from(eventRegistrations)
    .innerJoin(eventSessions, eq(eventSessions.id, eventRegistrations.sessionId))
    .where(
      and(
        eq(eventRegistrations.organisationId, org),
        eq(eventRegistrations.userId, actor.userId),
        eq(eventRegistrations.status, "registered"),
      ),
    )
    .orderBy(asc(eventSessions.round));
  const giving = await tx
    .select({ eventId: eventTrainers.eventId })
    .from(eventTrainers)
    .where(and(eq(eventTrainers.organisationId, org), eq(eventTrainers.userId, actor.userId)));
  const ids = [...new Set([...places.map((p) => p.eventId), ...giving.map((g) => g.eventId)])];
  if (!ids.length) return [];
  const rows = await tx
    .select()
    .from(events)
    .where(and(eq(events.organisationId, org), oneOf(events.id, ids), eq(events.status, "planned")));
  return rows.map((event) => ({
    event,
    sessions: places.filter((p) => p.eventId === event.id).map((p) => p.title),
  }));
}
