import type { FastifyBaseLogger } from "fastify";
import type { Db, Tx } from "../db/connection.js";
import { accountMail, outbox } from "../db/schema.js";
import type { RetryPolicy } from "../domain/outbox/delivery.js";
import { MailDelivery } from "./outbox/deliver-mail.js";

export interface Mail {
  organisationId: string;
  to: string;
  subject: string;
  text: string;
  /** The text holds a link that hands over an account (an invitation): the outbox masks it. */
  sensitive?: boolean;
}

/** A person's own mail about their account (a password reset): no organisation's outbox holds it. */
export interface AccountMail {
  userId: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Writes mail into its queue in the caller's transaction: an organisation's mail into its outbox,
 * a person's own into `account_mail`. Nothing is sent here: the mail job delivers both queues
 * (`MailDelivery`, docs/decisions/0012-mail-delivery.md). What the queue functions return is
 * the nudge to run after commit, so the job looks at once instead of at its next round.
 */
export class Mailer {
  readonly delivery: MailDelivery;
  private nudge: (() => void) | null = null;

  constructor(db: Db, smtpUrl: string | undefined, from: string, log: FastifyBaseLogger, policy?: RetryPolicy) {
    this.delivery = new MailDelivery(db, smtpUrl, from, log, policy);
    if (!this.delivery.delivers) {
      // No address, no link: only that this kind of mail stays undelivered.
      log.warn("SMTP_URL is not set: account mail (password resets) cannot be delivered and stays queued");
    }
  }

  /** Whether mail leaves Koers; if not, the outbox is the only way to read it. */
  get delivers(): boolean {
    return this.delivery.delivers;
  }

  /** The job runner's way to hear of new mail (null: nobody in this process listens). */
  onQueued(nudge: (() => void) | null) {
    this.nudge = nudge;
  }

  /** Never throws: the mail is in its queue, and the job's next round finds it anyway. */
  private afterCommit = async () => {
    if (this.delivery.delivers) this.nudge?.();
  };

  /**
   * Queues a person's account mail outside every organisation (the caller's transaction runs as
   * the owner: the application role cannot read this queue) and returns the nudge for after commit.
   */
  async queueAccountMail(tx: Tx, mail: AccountMail): Promise<() => Promise<void>> {
    await tx
      .insert(accountMail)
      .values({ userId: mail.userId, toAddress: mail.to, subject: mail.subject, bodyText: mail.text });
    return this.afterCommit;
  }

  /**
   * The nudge for mail a database function queued in another organisation's outbox, which this
   * organisation's transaction cannot write itself (a request for a trainer, decision 0033).
   */
  get queuedElsewhere(): () => Promise<void> {
    return this.afterCommit;
  }

  /** Queues the mail in the organisation's outbox and returns the nudge for after commit. */
  async queue(tx: Tx, mail: Mail): Promise<() => Promise<void>> {
    return this.queueMany(tx, [mail]);
  }

  /** Queues several mails with one statement (an import invites hundreds at once). */
  async queueMany(tx: Tx, mails: readonly Mail[]): Promise<() => Promise<void>> {
    if (!mails.length) return async () => {};
    await tx.insert(outbox).values(
      mails.map((mail) => ({
        organisationId: mail.organisationId,
        toAddress: mail.to,
        subject: mail.subject,
        bodyText: mail.text,
        sensitive: mail.sensitive ?? false,
      })),
    );
    return this.afterCommit;
  }
}
