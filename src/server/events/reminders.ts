import { and, eq, gt, lte } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { eventRegistrations, events } from "../../db/schema.js";
import { dutchDay } from "../../domain/dutch-time.js";
import { type DueReminder, EVENT_LEAD_DAYS, eventReminderDue } from "../../domain/reminders/rules.js";
import { eventPath } from "./mail.js";

/**
 * Everyone with a place at an event of the organisation is reminded once, EVENT_LEAD_DAYS ahead.
 * The key holds the start: an event moved to another day is recalled again. A waiting list is no
 * place: those on it are told when they move up.
 */
export async function eventReminders(tx: Tx, organisationId: string, now: Date): Promise<DueReminder[]> {
  const until = new Date(now.getTime() + EVENT_LEAD_DAYS * 24 * 60 * 60 * 1000);
  const rows = await tx
    .selectDistinct({
      eventId: events.id,
      title: events.title,
      startsAt: events.startsAt,
      userId: eventRegistrations.userId,
    })
    .from(events)
    .innerJoin(
      eventRegistrations,
      and(eq(eventRegistrations.eventId, events.id), eq(eventRegistrations.organisationId, organisationId)),
    )
    .where(
      and(
        eq(events.organisationId, organisationId),
        eq(events.status, "planned"),
        gt(events.startsAt, now),
        lte(events.startsAt, until),
        eq(eventRegistrations.status, "registered"),
      ),
    );
  return rows
    .filter((r) => eventReminderDue(r.startsAt, now))
    .map((r) => ({
      key: `event:${r.eventId}:${r.startsAt.toISOString()}:${r.userId}`,
      userId: r.userId,
      kind: "reminder.event" as const,
      params: { title: r.title, date: dutchDay(r.startsAt) },
      link: eventPath(r.eventId),
    }));
}
