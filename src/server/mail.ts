import { eq } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db, Tx } from "../db/connection.js";
import { outbox } from "../db/schema.js";

export interface Mail {
  organisationId: string;
  to: string;
  subject: string;
  text: string;
  /** The text hands over an account (a reset link): hidden in the outbox once a mail server delivers. */
  sensitive?: boolean;
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
  }

  /** Whether mail leaves Koers; if not, the outbox is the only way to read it. */
  get delivers(): boolean {
    return this.transport !== null;
  }

  /**
   * Queues the mail and returns its delivery, to run after commit. Delivery never throws: a
   * failed send leaves the mail unsent in the outbox, and the change that caused it stands.
   */
  async queue(tx: Tx, mail: Mail): Promise<() => Promise<void>> {
    const [row] = await tx
      .insert(outbox)
      .values({
        organisationId: mail.organisationId,
        toAddress: mail.to,
        subject: mail.subject,
        bodyText: mail.text,
        sensitive: mail.sensitive ?? false,
      })
      .returning({ id: outbox.id });
    const transport = this.transport;
    if (!transport || !row) return async () => {};
    return async () => {
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
    };
  }
}
