import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { eventRegistrations } from "../../db/schema.js";
import type { RegisterInput } from "../../domain/events/api.js";
import { placeFor, promotions, registrationOpen } from "../../domain/events/places.js";
import { canRegisterOthers, canRegisterSelf } from "../../domain/events/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid, notFound } from "../http/problem.js";
import { notify } from "../notifications/notify.js";
import { activeColleaguesAmong } from "../people/colleagues.js";
import { eventSessionsOf, openLines } from "./events.js";
import { type LoadedEvent, loadEvent } from "./load.js";
import { type EventMail, eventPath, tellPeople } from "./mail.js";

/**
 * Places at an event. Every change takes the event's row lock first (`loadEvent` with
 * `forUpdate`), then counts and decides with the pure rules of `domain/events/places.ts`: two
 * people registering for the last place at the same moment are decided one after the other, and
 * a session is never over-filled.
 */

type Lines = Awaited<ReturnType<typeof openLines>>;
type Session = Awaited<ReturnType<typeof eventSessionsOf>>[number];

/** The session a line is in: every open line's session belongs to the event loaded with it. */
function sessionOf(sessions: readonly Session[], line: Lines[number]) {
  const session = sessions.find((s) => s.id === line.sessionId);
  if (!session) throw notFound();
  return session;
}

function assertOpen(loaded: LoadedEvent, now: Date, field: string) {
  if (loaded.event.status === "cancelled") throw invalid({ [field]: "event.cancelled" });
  if (!registrationOpen(loaded.event.registrationDeadline, now)) throw invalid({ [field]: "event.registrationClosed" });
}

/**
 * Gives the free places of a session to its waiting list, first come first served, and tells
 * those who moved up. Only before the deadline: after it the organiser knows who comes.
 */
export async function fillFromWaitingList(
  tx: Tx,
  actor: Actor,
  loaded: LoadedEvent,
  session: { id: string; title: string; capacity: number },
  lines: Lines,
  mail: EventMail,
) {
  const moving = promotions(
    session.capacity,
    lines.filter((l) => l.sessionId === session.id),
  );
  if (!moving.length) return;
  await tx
    .update(eventRegistrations)
    .set({ status: "registered", promotedAt: sql`now()` })
    .where(
      and(
        eq(eventRegistrations.organisationId, actor.organisationId),
        oneOf(
          eventRegistrations.id,
          moving.map((l) => l.id),
        ),
      ),
    );
  for (const line of moving)
    await recordAudit(tx, actor, {
      type: "event.promoted",
      subjectType: "event",
      subjectId: loaded.event.id,
      after: { member: line.name, session: session.title },
    });
  await tellPeople(
    tx,
    actor,
    moving.map((l) => l.userId),
    { kind: "event.promoted", event: loaded.event, session },
    mail,
  );
}

async function cancelLine(
  tx: Tx,
  actor: Actor,
  loaded: LoadedEvent,
  line: Lines[number],
  session: Session,
  lines: Lines,
  mail: EventMail,
  now: Date,
) {
  await tx
    .update(eventRegistrations)
    .set({ status: "cancelled", cancelledAt: sql`now()` })
    .where(and(eq(eventRegistrations.organisationId, actor.organisationId), eq(eventRegistrations.id, line.id)));
  await recordAudit(tx, actor, {
    type: "event.registrationCancelled",
    subjectType: "event",
    subjectId: loaded.event.id,
    before: { member: line.name, session: session.title, status: line.status },
  });
  if (line.status === "registered" && registrationOpen(loaded.event.registrationDeadline, now))
    await fillFromWaitingList(
      tx,
      actor,
      loaded,
      session,
      lines.filter((l) => l.id !== line.id),
      mail,
    );
}

/**
 * A place (or a line on the waiting list) in a session, for oneself or, by an organiser, for a
 * colleague. Someone already in another session of the same round moves: their old place goes to
 * that session's waiting list. Returns the event's id.
 */
export async function register(
  tx: Tx,
  actor: Actor,
  eventId: string,
  input: RegisterInput,
  mail: EventMail,
  now = new Date(),
) {
  const loaded = await loadEvent(tx, actor, eventId, { forUpdate: true });
  const userId = input.userId ?? actor.userId;
  const forSelf = userId === actor.userId;
  if (forSelf ? !canRegisterSelf(loaded.viewer, loaded.event.audience) : !canRegisterOthers(actor)) throw forbidden();
  assertOpen(loaded, now, "sessionId");
  const sessions = await eventSessionsOf(tx, actor.organisationId, eventId);
  const session = sessions.find((s) => s.id === input.sessionId);
  if (!session) throw invalid({ sessionId: "event.unknownSession" });
  const names = await activeColleaguesAmong(tx, actor.organisationId, [userId]);
  const name = names.get(userId);
  if (name === undefined) throw invalid({ userId: "field.notColleague" });

  let lines = await openLines(tx, actor.organisationId, eventId);
  const inRound = lines.find((l) => l.userId === userId && l.round === session.round);
  if (inRound?.sessionId === session.id) throw invalid({ sessionId: "event.alreadyRegistered" });
  // A place is never traded for a line on a waiting list by a switch: that takes giving it up first.
  const full = lines.filter((l) => l.sessionId === session.id && l.status === "registered").length >= session.capacity;
  if (inRound?.status === "registered" && full) throw invalid({ sessionId: "event.switchFull" });
  if (inRound) {
    await cancelLine(tx, actor, loaded, inRound, sessionOf(sessions, inRound), lines, mail, now);
    lines = await openLines(tx, actor.organisationId, eventId);
  }
  const taken = lines.filter((l) => l.sessionId === session.id && l.status === "registered").length;
  const status = placeFor(session.capacity, taken);
  await tx.insert(eventRegistrations).values({
    organisationId: actor.organisationId,
    eventId,
    sessionId: session.id,
    round: session.round,
    userId,
    status,
    registeredBy: actor.userId,
  });
  await recordAudit(tx, actor, {
    type: "event.registered",
    subjectType: "event",
    subjectId: eventId,
    after: { member: name, session: session.title, status },
  });
  if (!forSelf)
    await notify(
      tx,
      actor,
      [userId],
      status === "registered" ? "event.registered" : "event.waiting",
      { title: loaded.event.title, label: session.title },
      eventPath(eventId),
    );
  return eventId;
}

/**
 * Gives up a place or a line on a waiting list: one's own, or anyone's by an organiser. Before
 * the deadline the first on the session's waiting list moves up at once and is told.
 */
export async function cancelRegistration(
  tx: Tx,
  actor: Actor,
  eventId: string,
  input: { sessionId: string; userId?: string | undefined },
  mail: EventMail,
  now = new Date(),
) {
  const loaded = await loadEvent(tx, actor, eventId, { forUpdate: true });
  const userId = input.userId ?? actor.userId;
  if (userId !== actor.userId && !canRegisterOthers(actor)) throw forbidden();
  if (loaded.event.status === "cancelled") throw invalid({ sessionId: "event.cancelled" });
  if (now >= loaded.event.startsAt) throw invalid({ sessionId: "event.started" });
  const lines = await openLines(tx, actor.organisationId, eventId);
  const line = lines.find((l) => l.userId === userId && l.sessionId === input.sessionId);
  if (!line) throw invalid({ sessionId: "event.notRegistered" });
  const sessions = await eventSessionsOf(tx, actor.organisationId, eventId);
  await cancelLine(tx, actor, loaded, line, sessionOf(sessions, line), lines, mail, now);
  return eventId;
}
