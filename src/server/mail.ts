import { eq } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db, Tx } from "../db/connection.js";
import { accountMail, outbox } from "../db/schema.js";

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
 * Every mail is written to the organisation's outbox in the caller's transaction. With SMTP
 * configured it is also sent, after commit; without, the outbox is where the demo reads it.
 */
export class Mailer {
  private transport: Transporter | null;
  constructor(
    private db: Db,
    smtpUrl: string | undefined,
    private from: string,
    private log: FastifyBaseLogger,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
    if (!this.transport) {
      // No address, no link: only that this kind of mail stays undelivered.
      this.log.warn("SMTP_URL is not set: account mail (password resets) cannot be delivered and stays queued");
    }
  }

  /** Whether mail leaves Koers; if not, the outbox is the only way to read it. */
  get delivers(): boolean {
    return this.transport !== null;
  }

  /**
   * Queues a person's account mail outside every organisation (the caller's transaction runs as
   * the owner: the application role cannot read this queue) and returns its delivery.
   */
  async queueAccountMail(tx: Tx, mail: AccountMail): Promise<() => Promise<void>> {
    const [row] = await tx
      .insert(accountMail)
      .values({ userId: mail.userId, toAddress: mail.to, subject: mail.subject, bodyText: mail.text })
      .returning({ id: accountMail.id });
    const transport = this.transport;
    if (!transport || !row) return async () => {};
    return async () => {
      try {
        await transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
        await this.db.update(accountMail).set({ sentAt: new Date() }).where(eq(accountMail.id, row.id));
      } catch (error) {
        this.log.error(
          { err: { name: (error as Error).name, code: (error as { code?: string }).code } },
          "account mail not sent",
        );
      }
    };
  }

  /**
   * Queues the mail and returns its delivery, to run after commit. Delivery never throws: a
   * failed send leaves the mail unsent in the outbox, and the change that caused it stands.
   */
  async queue(tx: Tx, mail: Mail): Promise<() => Promise<void>> {
    return this.queueMany(tx, [mail]);
  }

  /** Queues several mails with one statement (an import invites hundreds at once). */
  async queueMany(tx: Tx, mails: readonly Mail[]): Promise<() => Promise<void>> {
    if (!mails.length) return async () => {};
    const rows = await tx
      .insert(outbox)
      .values(
        mails.map((mail) => ({
          organisationId: mail.organisationId,
          toAddress: mail.to,
          subject: mail.subject,
          bodyText: mail.text,
          sensitive: mail.sensitive ?? false,
        })),
      )
      .returning({ id: outbox.id });
    const transport = this.transport;
    if (!transport) return async () => {};
    return async () => {
      for (const [i, mail] of mails.entries()) {
        const row = rows[i];
        if (!row) continue;
        try {
          await transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
          await this.db.update(outbox).set({ sentAt: new Date() }).where(eq(outbox.id, row.id));
        } catch (error) {
          // The SMTP error text can quote the address; log only what kind of failure it was.
          this.log.error(
            { err: { name: (error as Error).name, code: (error as { code?: string }).code } },
            "mail not sent",
          );
        }
      }
    };
  }
}
