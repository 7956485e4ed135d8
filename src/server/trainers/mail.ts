import { sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Tx } from "../../db/connection.js";
import type { Mailer } from "../mail.js";
import { type Locale, t } from "../messages.js";
import { afterCommit } from "../tenancy.js";
import { formatDate } from "../trajectories/documents/pdf.js";

/** What telling another organisation of a request by e-mail needs from the app. */
export interface TrainerMail {
  mailer: Pick<Mailer, "queuedElsewhere">;
  publicUrl: string;
}

export const trainerMail = (request: FastifyRequest): TrainerMail => ({
  mailer: request.server.mailer,
  publicUrl: request.server.publicUrl,
});

export type RequestNews = "trainerRequest.received" | "trainerRequest.accepted" | "trainerRequest.declined";

const TEXTS = {
  "trainerRequest.received": ["mail.trainerRequest.received.subject", "mail.trainerRequest.received.body"],
  "trainerRequest.accepted": ["mail.trainerRequest.accepted.subject", "mail.trainerRequest.accepted.body"],
  "trainerRequest.declined": ["mail.trainerRequest.declined.subject", "mail.trainerRequest.declined.body"],
} as const;

/**
 * Mails the other organisation's people the news of a request, in their own language: who asks
 * or answers (this organisation), the topic, the day and the link to the trainers page; nothing
 * else. The texts are made here in both languages; `app_mail_trainer_request` (migration 0037)
 * picks per person and writes the mail into their organisation's outbox.
 */
export async function mailTrainerRequest(
  tx: Tx,
  request: { id: string; topic: string; wantedOn: string },
  news: RequestNews,
  /** The name of the organisation that asks or answers: the caller's. */
  organisation: string,
  mail: TrainerMail,
) {
  const [subject, body] = TEXTS[news];
  const text = (locale: Locale) => {
    const values = {
      organisation,
      topic: request.topic,
      date: formatDate(request.wantedOn, locale),
      link: `${mail.publicUrl}/trainers`,
    };
    return [t(locale, subject, values), t(locale, body, values)] as const;
  };
  const [subjectNl, bodyNl] = text("nl");
  const [subjectEn, bodyEn] = text("en");
  await tx.execute(
    sql`SELECT app_mail_trainer_request(${request.id}::uuid, ${news}, ${subjectNl}, ${bodyNl}, ${subjectEn}, ${bodyEn})`,
  );
  afterCommit(tx, mail.mailer.queuedElsewhere);
}
