import nodemailer, { type Transporter } from "nodemailer";
import type { Tx } from "../db/connection.js";
import { outbox } from "../db/schema.js";

export interface Mail {
  organisationId: string;
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
    smtpUrl: string | undefined,
    private from: string,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  async queue(tx: Tx, mail: Mail): Promise<() => Promise<void>> {
    const [row] = await tx
      .insert(outbox)
      .values({ organisationId: mail.organisationId, toAddress: mail.to, subject: mail.subject, bodyText: mail.text })
      .returning({ id: outbox.id });
    const transport = this.transport;
    if (!transport || !row) return async () => {};
    return async () => {
      await transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
    };
  }
}
