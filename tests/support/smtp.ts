import { SMTPServer } from "smtp-server";

/** A mail as the server took it: the envelope's recipient and the headers the tests look at. */
export interface ReceivedMail {
  to: string;
  subject: string;
  messageId: string;
  raw: string;
}

export interface TestSmtpServer {
  /** The `SMTP_URL` that points at this server. */
  url: string;
  /** Every mail the server accepted, in order. */
  received: ReceivedMail[];
  /** The mails accepted for this recipient. */
  receivedBy(to: string): ReceivedMail[];
  /** Stops listening: connections are refused, as when the mail server is down. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /** Refuses mail to this recipient with this reply code (550: no such user, 451: try later); null accepts again. */
  refuse(to: string, code: number | null): void;
  close(): Promise<void>;
}

const header = (raw: string, name: string) => {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  // Folded header lines continue with whitespace.
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(head);
  return match?.[1]?.replace(/\r?\n[ \t]+/g, " ").trim() ?? "";
};

/**
 * A real SMTP server for the tests (the `smtp-server` package), on a free port of 127.0.0.1:
 * plain SMTP without sign-in, as a mail catcher in front of Koers would be.
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refused = new Map<string, number>();
  let server: SMTPServer | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const instance = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        closeTimeout: 2_000,
        onRcptTo(address, _session, callback) {
          const code = refused.get(address.address.toLowerCase());
          if (!code) return callback();
          const error = Object.assign(new Error(code >= 500 ? "No such mailbox here" : "Try again later"), {
            responseCode: code,
          });
          callback(error);
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            const raw = Buffer.concat(chunks).toString("utf8");
            for (const recipient of session.envelope.rcptTo) {
              received.push({
                to: recipient.address.toLowerCase(),
                subject: header(raw, "Subject"),
                messageId: header(raw, "Message-ID"),
                raw,
              });
            }
            callback();
          });
        },
      });
      instance.on("error", () => {});
      const net = instance.listen(port, "127.0.0.1", () => {
        const address = net.address();
        if (typeof address === "object" && address) port = address.port;
        server = instance;
        resolve();
      });
      net.once("error", reject);
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const instance = server;
      server = null;
      if (!instance) return resolve();
      instance.close(() => resolve());
    });

  await listen();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    receivedBy: (to) => received.filter((mail) => mail.to === to.toLowerCase()),
    down: stop,
    up: listen,
    refuse(to, code) {
      if (code === null) refused.delete(to.toLowerCase());
      else refused.set(to.toLowerCase(), code);
    },
    close: stop,
  };
}
