import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Transporter } from "nodemailer";
import { type Db, queryRows } from "../../db/connection.js";
import {
  classifyFailure,
  DEFAULT_RETRY_POLICY,
  giveUpBefore,
  nextAttemptAt,
  type RetryPolicy,
} from "../../domain/outbox/delivery.js";

/**
 * The one way mail leaves Koers (docs/decisions/0012-mail-delivery.md). Both queues, the
 * organisations' outbox and the people's own account mail, are delivered here, by the mail job:
 * a row is claimed with a lease (`FOR UPDATE SKIP LOCKED`, committed before the send), sent, and
 * its attempt recorded; a failed one waits with a growing backoff. Runs as the database owner:
 * it reads every organisation's outbox and the account mail the application role cannot read.
 */

/** The queues, account mail first: a password reset is waited for. Fixed names, never input. */
const QUEUES = ["account_mail", "outbox"] as const;
export type MailQueue = (typeof QUEUES)[number];

/**
 * How long a claim holds. Longer than the longest send the timeouts below allow, so a second
 * worker never takes a mail that is still being sent; a worker that died frees it when it lapses.
 */
export const LEASE_SECONDS = 300;
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };
/** Mails per round; the job asks for another round when more are due. */
const ROUND_LIMIT = 100;

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  attempts: number;
}

export interface Round {
  sent: number;
  failed: number;
  /** More mail may be due: the round stopped at its limit. */
  more: boolean;
}

const at = (moment: Date) => sql`${moment.toISOString()}::timestamptz`;

export class MailDelivery {
  /** The mail server's connection, its library loaded with it: not at all when no server is set. */
  private transport: Promise<Transporter> | null;
  private domain: string;

  constructor(
    private db: Db,
    smtpUrl: string | undefined,
    private from: string,
    private log: FastifyBaseLogger,
    readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.transport = smtpUrl
      ? import("nodemailer").then(({ default: nodemailer }) =>
          nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS }),
        )
      : null;
    this.domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "koers.local";
  }

  /** Whether mail leaves Koers; if not, every row stays unsent and the outbox is where it is read. */
  get delivers(): boolean {
    return this.transport !== null;
  }

  /**
   * Delivers the mail that is due at `now`, one claimed row at a time, until none is due, the
   * round's limit is reached, or the mail server itself fails (the rest would fail alike).
   */
  async deliverDue(now: Date = new Date()): Promise<Round> {
    const round: Round = { sent: 0, failed: 0, more: false };
    if (!this.transport) return round;
    while (round.sent + round.failed < ROUND_LIMIT) {
      const claim = await this.claimNext(now);
      if (!claim) return round;
      const outcome = await this.attempt(claim.queue, claim.mail, now);
      if (outcome === "sent") round.sent++;
      else round.failed++;
      if (outcome === "serverDown") return round;
    }
    round.more = true;
    return round;
  }

  private async claimNext(now: Date): Promise<{ queue: MailQueue; mail: Claimed } | null> {
    for (const queue of QUEUES) {
      const mail = await this.claim(queue, now);
      if (mail) return { queue, mail };
    }
    return null;
  }

  /**
   * Takes one due row: counts the attempt and leases it, in one statement that commits before the
   * send. A row another worker holds (locked, or leased) is skipped, so no two send the same mail.
   */
  async claim(queue: MailQueue, now: Date): Promise<Claimed | null> {
    const table = sql.raw(queue);
    const [row] = await queryRows<Claimed>(
      this.db,
      sql`update ${table} set attempts = attempts + 1, last_attempt_at = ${at(now)},
            locked_until = ${at(now)} + make_interval(secs => ${LEASE_SECONDS})
          where id = (
            select id from ${table}
            where sent_at is null and next_attempt_at <= ${at(now)}
              and created_at > ${at(giveUpBefore(now, this.policy))}
              and (locked_until is null or locked_until <= ${at(now)})
            order by next_attempt_at, id
            limit 1
            for update skip locked
          )
          returning id, to_address, subject, body_text, attempts`,
    );
    return row ?? null;
  }

  private async attempt(queue: MailQueue, mail: Claimed, now: Date): Promise<"sent" | "failed" | "serverDown"> {
    const table = sql.raw(queue);
    try {
      const transport = await this.transport;
      await transport?.sendMail({
        from: this.from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.body_text,
        // One id per row: a receiver that sees it twice (a crash right after the server accepted) knows.
        messageId: `<${mail.id}@${this.domain}>`,
      });
    } catch (error) {
      const failure = classifyFailure(error);
      await this.db.execute(
        sql`update ${table} set locked_until = null, last_error = ${failure.reason},
              last_error_code = ${failure.code}, next_attempt_at = ${at(nextAttemptAt(now, mail.attempts, this.policy))}
            where id = ${mail.id} and sent_at is null`,
      );
      // The id and the kind only: the address and the text are personal data.
      this.log.warn(
        { mail: mail.id, queue, attempt: mail.attempts, reason: failure.reason, code: failure.code },
        "mail not delivered, it will be tried again",
      );
      return failure.serverWide ? "serverDown" : "failed";
    }
    await this.db.execute(
      sql`update ${table} set sent_at = ${at(now)}, locked_until = null, last_error = null, last_error_code = null
          where id = ${mail.id}`,
    );
    return "sent";
  }
}
