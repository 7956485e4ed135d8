import { eq, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPostgres, queryRows } from "../../src/db/connection.js";
import { accountMail, outbox } from "../../src/db/schema.js";
import { DEFAULT_RETRY_POLICY } from "../../src/domain/outbox/delivery.js";
import { JobRunner } from "../../src/server/jobs/runner.js";
import { LEASE_SECONDS, MailDelivery } from "../../src/server/outbox/deliver-mail.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { serverUrl, testDatabaseKind } from "../support/database.js";
import { newestAccountMail, newestOutboxMail } from "../support/mailbox.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp.js";

/**
 * Mail delivery against a real SMTP server: the outbox and the account mail are the queue, a job
 * delivers them after commit, retries with backoff while the server is down, and sends each row once.
 */

const FROM = "Koers <no-reply@koers.test>";

let smtp: TestSmtpServer;
let t: TestApp;
let admin: TestClient;

/** Logs kept for a look: no address, no subject, no text may be in them. */
const logged: unknown[] = [];
const recordingLog = {
  error: (...args: unknown[]) => logged.push(args),
  warn: (...args: unknown[]) => logged.push(args),
  info: (...args: unknown[]) => logged.push(args),
  debug() {},
  trace() {},
  fatal: (...args: unknown[]) => logged.push(args),
  child: () => recordingLog,
  level: "info",
} as unknown as FastifyBaseLogger;

/** The delivery's own clock, moved on by hand; never behind the database's, which dates new mail. */
let clock = Date.now();
const now = () => {
  clock = Math.max(clock, Date.now());
  return new Date(clock);
};
const later = (seconds: number) => {
  clock = Math.max(clock, Date.now()) + seconds * 1000;
  return new Date(clock);
};

const delivery = () => t.app.mailer.delivery;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: FROM });
  admin = await t.login("beheer@delinde.example");
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});
afterEach(async () => {
  // Each test leaves the server up and nothing due, so the next one starts clean.
  await smtp.up().catch(() => {});
  await delivery().deliverDue(later(DEFAULT_RETRY_POLICY.retryMaxSeconds + 1));
});

async function invite(email: string, by: TestClient = admin) {
  const response = await by.post("/api/v1/invitations", { email, name: "Iemand Nieuw", roles: ["guide"] });
  expect(response.statusCode, response.body).toBe(201);
  return newestOutboxMail(t, email);
}

async function forgot(email: string) {
  const client = await t.anonymous();
  expect((await client.post("/api/v1/auth/password/forgot", { email })).statusCode).toBe(202);
}

async function outboxRow(id: string) {
  const [row] = await t.database.db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw new Error("no such outbox row");
  return row;
}

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A job runner on the test's database, as a server process starts it (without the schedules). */
function runner(database: Database = t.database) {
  return new JobRunner({
    database,
    mailer: t.app.mailer,
    publicUrl: "http://koers.test",
    log: recordingLog,
    schedule: false,
    pollingIntervalSeconds: 0.5,
  });
}

describe("mail delivery", () => {
  it("writes the mail in the request and delivers it once from the job, nudged after commit", async () => {
    const jobs = runner();
    await jobs.start();
    try {
      const mail = await invite("eenmaal@example.org");
      await waitUntil(async () => (await outboxRow(mail.id)).sentAt !== null);
      const row = await outboxRow(mail.id);
      expect(row).toMatchObject({ attempts: 1, lastError: null, lockedUntil: null });
      // Another round finds nothing to send.
      expect(await delivery().deliverDue(later(3600))).toEqual({ sent: 0, failed: 0, more: false });
      const received = smtp.receivedBy("eenmaal@example.org");
      expect(received).toHaveLength(1);
      expect(received[0]?.messageId).toBe(`<${mail.id}@koers.test>`);
      expect(received[0]?.raw).toContain("/uitnodiging?token=");
    } finally {
      await jobs.stop();
    }
  }, 60_000);

  it("retries while the mail server is down, waits its backoff, and delivers once when it is up", async () => {
    await smtp.down();
    const mail = await invite("server-weg@example.org");
    const start = now();
    const first = await delivery().deliverDue(start);
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    let row = await outboxRow(mail.id);
    expect(row).toMatchObject({ sentAt: null, attempts: 1, lastError: "unreachable", lockedUntil: null });
    expect(row.nextAttemptAt.getTime()).toBe(start.getTime() + DEFAULT_RETRY_POLICY.retryMinSeconds * 1000);

    // Before its backoff it is not tried again, even with the server back.
    await smtp.up();
    expect(await delivery().deliverDue(later(DEFAULT_RETRY_POLICY.retryMinSeconds / 2))).toMatchObject({ sent: 0 });
    expect((await outboxRow(mail.id)).attempts).toBe(1);

    // Down again at the second attempt: the wait doubles.
    await smtp.down();
    const second = later(DEFAULT_RETRY_POLICY.retryMinSeconds);
    expect(await delivery().deliverDue(second)).toMatchObject({ failed: 1 });
    row = await outboxRow(mail.id);
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime()).toBe(second.getTime() + 2 * DEFAULT_RETRY_POLICY.retryMinSeconds * 1000);

    await smtp.up();
    expect(await delivery().deliverDue(later(2 * DEFAULT_RETRY_POLICY.retryMinSeconds))).toMatchObject({ sent: 1 });
    row = await outboxRow(mail.id);
    expect(row).toMatchObject({ attempts: 3, lastError: null, lastErrorCode: null });
    expect(row.sentAt).not.toBeNull();
    expect(await delivery().deliverDue(later(3600))).toMatchObject({ sent: 0, failed: 0 });
    expect(smtp.receivedBy("server-weg@example.org")).toHaveLength(1);
  });

  it("delivers mail of a process that stopped between commit and send, when a process starts again", async () => {
    // This app runs no job: its request commits the mail and nothing sends it, as if it stopped there.
    const mail = await invite("na-herstart@example.org");
    expect(smtp.receivedBy("na-herstart@example.org")).toEqual([]);
    expect(await outboxRow(mail.id)).toMatchObject({ sentAt: null, attempts: 0 });

    // The next process starts its jobs and asks for a mail round, as start-up does.
    const jobs = runner();
    await jobs.start();
    try {
      await jobs.enqueueDelivery();
      await waitUntil(async () => (await outboxRow(mail.id)).sentAt !== null);
    } finally {
      await jobs.stop();
    }
    expect(smtp.receivedBy("na-herstart@example.org")).toHaveLength(1);
  }, 60_000);

  it("frees a mail whose worker stopped after claiming it once its lease lapses, and sends it once", async () => {
    const mail = await invite("halverwege@example.org");
    const claimedAt = now();
    const claimed = await delivery().claim("outbox", claimedAt);
    expect(claimed?.id).toBe(mail.id);
    // The worker that claimed it is gone. While its lease holds, nobody else takes the mail.
    expect(await delivery().deliverDue(later(LEASE_SECONDS / 2))).toMatchObject({ sent: 0, failed: 0 });
    expect(smtp.receivedBy("halverwege@example.org")).toEqual([]);
    expect(await delivery().deliverDue(later(LEASE_SECONDS / 2 + 1))).toMatchObject({ sent: 1 });
    expect(await delivery().deliverDue(later(3600))).toMatchObject({ sent: 0 });
    expect(smtp.receivedBy("halverwege@example.org")).toHaveLength(1);
    expect((await outboxRow(mail.id)).attempts).toBe(2);
  });

  it("sends each mail once when two workers deliver at the same time", async () => {
    const addresses = Array.from({ length: 24 }, (_, i) => `tegelijk-${i}@example.org`);
    const send = await t.database.db.transaction((tx) =>
      t.app.mailer.queueMany(
        tx,
        addresses.map((to, i) => ({ organisationId: t.orgs.linde, to, subject: `Bericht ${i}`, text: "Hallo" })),
      ),
    );
    await send();
    // Two workers, each with its own connection to the mail server (and on a server, its own pool).
    let other: Database | null = null;
    if (testDatabaseKind() === "postgres" && serverUrl()) {
      const [current] = await queryRows<{ name: string }>(t.database.db, sql`select current_database() as name`);
      const url = new URL(serverUrl() as string);
      url.pathname = `/${current?.name}`;
      other = await openPostgres(url.toString());
    }
    try {
      const workers = [
        new MailDelivery(t.database.db, smtp.url, FROM, recordingLog),
        new MailDelivery((other ?? t.database).db, smtp.url, FROM, recordingLog),
      ];
      const at = now();
      const rounds = await Promise.all([...workers, ...workers].map((worker) => worker.deliverDue(at)));
      expect(rounds.reduce((sum, round) => sum + round.sent, 0)).toBe(addresses.length);
      expect(rounds.every((round) => round.failed === 0)).toBe(true);
    } finally {
      await other?.close();
    }
    for (const to of addresses) expect(smtp.receivedBy(to), to).toHaveLength(1);
    const rows = await queryRows<{ attempts: number; sent: boolean }>(
      t.database.db,
      sql`select attempts, sent_at is not null as sent from outbox where to_address like 'tegelijk-%'`,
    );
    expect(rows).toHaveLength(addresses.length);
    expect(rows.every((row) => row.attempts === 1 && row.sent)).toBe(true);
  });

  it("shows the admin a delivery that keeps failing, with its attempts and the kind of error", async () => {
    smtp.refuse("bestaat-niet@example.org", 550);
    const mail = await invite("bestaat-niet@example.org");
    await delivery().deliverDue(now());
    await delivery().deliverDue(later(DEFAULT_RETRY_POLICY.retryMinSeconds));

    const list = (await admin.get("/api/v1/outbox")).json();
    expect(list).toMatchObject({ delivers: true });
    expect(list.failing).toBeGreaterThanOrEqual(1);
    const item = list.items.find((m: { id: string }) => m.id === mail.id);
    expect(item).toMatchObject({
      status: "failing",
      attempts: 2,
      lastError: "rejected",
      lastErrorCode: 550,
      sentAt: null,
    });
    expect(item.nextAttemptAt).toEqual(expect.any(String));
    const message = (await admin.get(`/api/v1/outbox/${mail.id}`)).json();
    expect(message).toMatchObject({ status: "failing", attempts: 2, lastError: "rejected", lastErrorCode: 550 });

    // Only De Linde's admin sees De Linde's failing mail.
    const other = await t.login("beheer@rivierenland.example");
    const theirs = (await other.get("/api/v1/outbox")).json();
    expect(theirs.failing).toBe(0);
    expect(theirs.items.some((m: { id: string }) => m.id === mail.id)).toBe(false);

    // Once the server takes it, it shows as sent.
    smtp.refuse("bestaat-niet@example.org", null);
    await delivery().deliverDue(later(3600));
    const after = (await admin.get(`/api/v1/outbox/${mail.id}`)).json();
    expect(after).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(smtp.receivedBy("bestaat-niet@example.org")).toHaveLength(1);
  });

  it("logs a failed delivery without the address, the subject or the text", async () => {
    smtp.refuse("geheim-adres@example.org", 451);
    await invite("geheim-adres@example.org");
    logged.length = 0;
    const worker = new MailDelivery(t.database.db, smtp.url, FROM, recordingLog);
    expect(await worker.deliverDue(now())).toMatchObject({ failed: 1 });
    expect(logged.length).toBeGreaterThan(0);
    const text = JSON.stringify(logged);
    expect(text).not.toContain("geheim-adres");
    expect(text).not.toContain("Uitnodiging");
    expect(text).toContain("deferred");
    smtp.refuse("geheim-adres@example.org", null);
  });

  it("gives up mail it could not deliver for MAIL_GIVE_UP_HOURS and says so", async () => {
    await smtp.down();
    const mail = await invite("te-laat@example.org");
    await delivery().deliverDue(now());
    await smtp.up();
    // Three days on, the mail is no longer tried: a late invitation or reset helps nobody.
    // (A moment of this test alone: the shared clock stays where new mail is still delivered.)
    const beyond = new Date(now().getTime() + (DEFAULT_RETRY_POLICY.giveUpHours * 3600 + 60) * 1000);
    await delivery().deliverDue(beyond);
    expect(smtp.receivedBy("te-laat@example.org")).toEqual([]);
    const { listOutbox } = await import("../../src/server/outbox/service.js");
    const { inTenant } = await import("../../src/server/tenancy.js");
    const actor = { organisationId: t.orgs.linde, userId: "", membershipId: "", roles: ["admin" as const] };
    const list = await inTenant(t.database.db, actor, (tx) => listOutbox(tx, actor, 1, delivery(), beyond));
    expect(list.items.find((m) => m.id === mail.id)).toMatchObject({ status: "abandoned", attempts: 1 });
    await t.database.db.delete(outbox).where(eq(outbox.id, mail.id));
  });

  it("retries a person's own account mail the same way, and never files it in an outbox", async () => {
    await smtp.down();
    await forgot("sanne.visser@netwerk.example");
    expect(await delivery().deliverDue(now())).toMatchObject({ failed: 1 });
    const failed = await newestAccountMail(t, "sanne.visser@netwerk.example");
    expect(failed).toMatchObject({ sentAt: null, attempts: 1, lastError: "unreachable" });

    await smtp.up();
    expect(await delivery().deliverDue(later(DEFAULT_RETRY_POLICY.retryMinSeconds))).toMatchObject({ sent: 1 });
    expect(await delivery().deliverDue(later(3600))).toMatchObject({ sent: 0 });
    const received = smtp.receivedBy("sanne.visser@netwerk.example");
    expect(received).toHaveLength(1);
    expect(received[0]?.messageId).toBe(`<${failed.id}@koers.test>`);
    expect((await newestAccountMail(t, "sanne.visser@netwerk.example")).sentAt).not.toBeNull();

    // Sanne is in both organisations: neither outbox has her mail, failing or sent.
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.toAddress, "sanne.visser@netwerk.example"));
    expect(rows).toEqual([]);
    for (const reader of [admin, await t.login("beheer@rivierenland.example")]) {
      const list = (await reader.get("/api/v1/outbox")).json();
      expect(list.items.some((m: { to: string }) => m.to === "sanne.visser@netwerk.example")).toBe(false);
    }
    const [account] = await t.database.db
      .select()
      .from(accountMail)
      .where(eq(accountMail.toAddress, "sanne.visser@netwerk.example"));
    expect(account?.attempts).toBe(2);
  });
});

describe("without a mail server", () => {
  it("sends nothing: the mail stays in the outbox, shown as not sent", async () => {
    const quiet = await createTestApp();
    try {
      const anna = await quiet.login("beheer@delinde.example");
      const response = await anna.post("/api/v1/invitations", {
        email: "blijft-hier@example.org",
        name: "Blijft Hier",
        roles: ["guide"],
      });
      expect(response.statusCode).toBe(201);
      expect(await quiet.app.mailer.delivery.deliverDue(new Date())).toEqual({ sent: 0, failed: 0, more: false });
      const list = (await anna.get("/api/v1/outbox")).json();
      expect(list).toMatchObject({ delivers: false, failing: 0 });
      expect(list.items.find((m: { to: string }) => m.to === "blijft-hier@example.org")).toMatchObject({
        status: "held",
        attempts: 0,
        sentAt: null,
      });
      expect(smtp.receivedBy("blijft-hier@example.org")).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});
