import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { memberships, users } from "../../db/schema.js";
import { dutchDay } from "../../domain/dutch-time.js";
import type { Actor } from "../../domain/roles.js";
import type { Mailer } from "../mail.js";
import { type Locale, type MessageKey, t } from "../messages.js";
import { notify } from "../notifications/notify.js";
import { memberName } from "../people/member-name.js";
import { afterCommit } from "../tenancy.js";
import { formatDateTime } from "../trajectories/documents/pdf.js";
import type { EventRow } from "./load.js";

/** What telling people of an event by e-mail needs from the app. */
export interface EventMail {
  mailer: Pick<Mailer, "queueMany">;
  publicUrl: string;
}

export const eventMail = (request: FastifyRequest): EventMail => ({
  mailer: request.server.mailer,
  publicUrl: request.server.publicUrl,
});

export const eventPath = (eventId: string) => `/activiteiten/${eventId}`;

type News = "event.promoted" | "event.cancelled";

const MAIL: Record<News, { subject: MessageKey; body: MessageKey }> = {
  "event.promoted": { subject: "mail.eventPromoted.subject", body: "mail.eventPromoted.body" },
  "event.cancelled": { subject: "mail.eventCancelled.subject", body: "mail.eventCancelled.body" },
};

/**
 * Tells people of the organisation news of an event they hold a line for: a notification in
 * Koers and an e-mail in their own language. The mail says what the event page shows them
 * (the event, the session, when) and nothing of anyone else.
 */
export async function tellPeople(
  tx: Tx,
  actor: Actor,
  userIds: readonly string[],
  news: { kind: News; event: EventRow; session: { title: string } | null },
  mail: EventMail,
) {
  const people = [...new Set(userIds)].filter((id) => id !== actor.userId);
  if (!people.length) return;
  const { event, session } = news;
  const link = eventPath(event.id);
  await notify(
    tx,
    actor,
    people,
    news.kind,
    { title: event.title, label: session?.title ?? null, date: dutchDay(event.startsAt) },
    link,
  );
  const recipients = await tx
    .select({ email: users.email, locale: users.locale, name: memberName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, actor.organisationId),
        eq(memberships.status, "active"),
        oneOf(memberships.userId, people),
      ),
    );
  const texts = MAIL[news.kind];
  const nudge = await mail.mailer.queueMany(
    tx,
    recipients.map((r) => {
      const locale: Locale = r.locale === "en" ? "en" : "nl";
      const values = {
        name: r.name,
        title: event.title,
        session: session?.title ?? "",
        when: formatDateTime(event.startsAt.toISOString(), locale),
        link: `${mail.publicUrl}${link}`,
      };
      return {
        organisationId: actor.organisationId,
        to: r.email,
        subject: t(locale, texts.subject, values),
        text: t(locale, texts.body, values),
      };
    }),
  );
  afterCommit(tx, nudge);
}
