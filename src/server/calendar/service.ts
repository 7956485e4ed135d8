import { createHmac, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ical from "ical-generator";
import type { Db, Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import {
  calendarFeeds,
  memberships,
  organisations,
  trajectories,
  trajectoryParticipants,
  users,
} from "../../db/schema.js";
import { dutchDay } from "../../domain/dutch-time.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { meetingType } from "../../domain/trajectories/evaluate.js";
import { recordAudit } from "../audit/record-audit.js";
import { newToken, sha256 } from "../auth/tokens.js";
import { calendarEvents } from "../events/events.js";
import { inTenant } from "../tenancy.js";
import { loadTrajectories } from "../trajectories/load-trajectory.js";
import { NO_LINKS, presentTrajectory } from "../trajectories/present-trajectory.js";

/**
 * The secret part of a feed's address: derived from the server's secret and the feed's own id,
 * which renewing replaces. Without a server secret, a random one that only its hash remembers.
 */
const feedToken = (secret: string | null, feedId: string) =>
  secret ? createHmac("sha256", secret).update(`calendar-feed:${feedId}`).digest("base64url") : newToken();

async function ownFeed(tx: Tx, actor: Actor) {
  const [feed] = await tx
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.organisationId, actor.organisationId), eq(calendarFeeds.userId, actor.userId)));
  return feed ?? null;
}

/**
 * Whether the person has a feed, and whether Koers can show its address again: it can for every
 * address derived from the server's secret, not for one made before that (or without a secret).
 */
export async function feedStatus(tx: Tx, actor: Actor, secret: string | null) {
  const feed = await ownFeed(tx, actor);
  return {
    exists: Boolean(feed),
    createdAt: feed?.createdAt.toISOString() ?? null,
    showable: Boolean(feed && secret && sha256(feedToken(secret, feed.id)) === feed.tokenHash),
  };
}

/** The address of the person's own feed, again; null when there is none Koers can show. */
export async function feedAddress(tx: Tx, actor: Actor, secret: string | null) {
  const feed = await ownFeed(tx, actor);
  if (!feed || !secret) return null;
  const token = feedToken(secret, feed.id);
  return sha256(token) === feed.tokenHash ? token : null;
}

/** A new secret address; the previous one stops working at once. Only its hash is stored. */
export async function renewFeed(tx: Tx, actor: Actor, secret: string | null) {
  const id = randomUUID();
  const token = feedToken(secret, id);
  await tx
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.organisationId, actor.organisationId), eq(calendarFeeds.userId, actor.userId)));
  await tx
    .insert(calendarFeeds)
    .values({ id, organisationId: actor.organisationId, userId: actor.userId, tokenHash: sha256(token) });
  await recordAudit(tx, actor, { type: "calendar.renewed", subjectType: "calendar", subjectId: actor.userId });
  return token;
}

/** The person and organisation a feed address belongs to, if it is current and they are still a member. */
async function feedOwner(db: Db, token: string): Promise<(Actor & { locale: string }) | null> {
  const [row] = await db
    .select({
      userId: calendarFeeds.userId,
      organisationId: calendarFeeds.organisationId,
      membershipId: memberships.id,
      roles: memberships.roles,
      locale: users.locale,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, calendarFeeds.userId),
        eq(memberships.organisationId, calendarFeeds.organisationId),
        eq(memberships.status, "active"),
      ),
    )
    .where(eq(calendarFeeds.tokenHash, sha256(token)))
    .limit(1);
  return row ?? null;
}

/**
 * The calendar behind a feed address, fetched without a session: the address names its owner,
 * and the calendar is made as that person, in their organisation. Null for an unknown address.
 */
export async function calendarFor(db: Db, token: string, now = new Date()): Promise<string | null> {
  const owner = await feedOwner(db, token);
  if (!owner) return null;
  const { locale, ...actor } = owner;
  return inTenant(db, actor, (tx, actor) => ownCalendar(tx, actor, locale === "en" ? "en" : "nl", now));
}

/**
 * The calendar of one person in one organisation: their meetings and their dated deadlines, as
 * the API shows them to that person.
 */
async function ownCalendar(tx: Tx, actor: Actor, locale: Locale, now: Date): Promise<string> {
  const [org] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  const calendar = ical({ name: `Koers – ${org?.name ?? ""}`, prodId: { company: "Koers", product: "Koers" } });
  const mine = await tx
    .selectDistinct({ id: trajectoryParticipants.trajectoryId })
    .from(trajectoryParticipants)
    .where(
      and(
        eq(trajectoryParticipants.organisationId, actor.organisationId),
        eq(trajectoryParticipants.userId, actor.userId),
      ),
    );
  // Learning festivals and trainings this person has a place at or gives.
  for (const { event, sessions } of await calendarEvents(tx, actor)) {
    calendar.createEvent({
      id: `${event.id}@koers`,
      start: event.startsAt,
      end: event.endsAt,
      summary: event.title,
      location: event.place ?? event.onlineUrl ?? undefined,
      description: sessions.join("\n"),
      url: event.onlineUrl ?? undefined,
      sequence: event.version,
    });
  }
  const ids = mine.map((m) => m.id);
  if (!ids.length) return calendar.toString();
  const open = await tx
    .select({ id: trajectories.id })
    .from(trajectories)
    .where(
      and(
        eq(trajectories.organisationId, actor.organisationId),
        oneOf(trajectories.id, ids),
        eq(trajectories.closed, false),
      ),
    );
  // The feed is made from what the API shows this person of each trajectory: its meetings
  // (never an unannounced visit before it happened, for the trainee) and the to-do list.
  for (const loaded of await loadTrajectories(
    tx,
    actor,
    open.map((o) => o.id),
  )) {
    const detail = presentTrajectory(loaded, NO_LINKS, locale, now);
    for (const meeting of detail.meetings ?? []) {
      if (meeting.status === "cancelled") continue;
      const label = meetingType(detail.regime, meeting.type)?.label[locale] ?? meeting.type;
      const start = new Date(meeting.startsAt);
      calendar.createEvent({
        id: `${meeting.id}@koers`,
        start,
        end: new Date(start.getTime() + meeting.durationMinutes * 60_000),
        summary: `${label} – ${detail.title}`,
        location: meeting.location ?? undefined,
        sequence: meeting.version,
      });
    }
    // The same list as the home page's: what this person may know of, nothing more.
    for (const item of detail.due) {
      const label = DEADLINES[item.kind]?.[locale];
      if (!item.dueAt || !label) continue;
      // A date stays itself; a moment (a meeting's start) is on its Dutch day, not its UTC one.
      const day = item.dueAt.length === 10 ? item.dueAt : dutchDay(item.dueAt);
      calendar.createEvent({
        id: `${detail.id}-${item.kind}-${item.meetingId ?? day}@koers`,
        start: new Date(`${day}T00:00:00Z`),
        allDay: true,
        summary: `${label}: ${item.text ?? detail.title}`,
        description: detail.title,
      });
    }
  }
  return calendar.toString();
}

/** The dated deadlines a calendar shows; meetings themselves are events of their own. */
const DEADLINES: Partial<Record<string, Record<Locale, string>>> = {
  evaluation: { nl: "Evaluatiemoment", en: "Evaluation" },
  agreement: { nl: "Afspraak", en: "Agreement" },
  selfAssessment: { nl: "Zelfbeoordeling invullen", en: "Fill in self-assessment" },
};
