import type { FastifyBaseLogger } from "fastify";
import PgBoss from "pg-boss";
import type { Database } from "../../db/connection.js";
import { TIME_ZONE } from "../../domain/time-zone.js";
import type { Mailer } from "../mail.js";
import { sendDueReminders } from "../notifications/reminders.js";
import { applyRetention } from "../privacy/retention.js";
import { bossDb } from "./adapter.js";

export const REMINDER_QUEUE = "reminders";
/** Every quarter of an hour; each reminder is still sent once, however often the scan runs. */
export const REMINDER_SCHEDULE = "*/15 * * * *";
/** Mail delivery: a round every minute picks up retries that came due; new mail nudges it at once. */
export const MAIL_QUEUE = "mail";
export const MAIL_SCHEDULE = "* * * * *";
/** Retention: every night at half past three, Dutch time (decision 0038). */
export const RETENTION_QUEUE = "retention";
export const RETENTION_SCHEDULE = "30 3 * * *";

export interface JobRunnerOptions {
  database: Database;
  mailer: Mailer;
  publicUrl: string;
  log: FastifyBaseLogger;
  /** Takes jobs from the queue; off, the runner only enqueues (and schedules). */
  work?: boolean;
  /** The recurring reminder scan; tests leave it off and enqueue themselves. */
  schedule?: boolean;
  /** The moment the scan takes as now. */
  clock?: () => Date;
  pollingIntervalSeconds?: number;
}

/**
 * Background jobs kept in the database (pg-boss): they survive a restart, and with several
 * server processes each job is taken by one of them.
 */
export class JobRunner {
  readonly boss: PgBoss;
  private started = false;
  private starting: Promise<void> | null = null;
  private workerId: string | null = null;
  private mailWorkerId: string | null = null;
  private retentionWorkerId: string | null = null;

  constructor(private options: JobRunnerOptions) {
    this.boss = new PgBoss({
      db: bossDb(options.database),
      schema: "pgboss",
      schedule: options.schedule ?? true,
      supervise: true,
      migrate: true,
    });
    // Only the kind of failure: messages may quote data.
    this.boss.on("error", (error: Error & { code?: string }) =>
      options.log.error({ err: { name: error.name, code: error.code } }, "background job error"),
    );
  }

  start(): Promise<void> {
    this.starting ??= this.begin();
    return this.starting;
  }

  private async begin(): Promise<void> {
    await this.boss.start();
    this.started = true;
    // The reminder scan may run in several processes at once; mail rounds one at a time, with
    // at most one more waiting (each mail is claimed on its own anyway).
    await this.ensureQueue(REMINDER_QUEUE, { retryLimit: 3, retryDelay: 60 });
    await this.ensureQueue(MAIL_QUEUE, { retryLimit: 2, retryDelay: 30, policy: "stately" });
    // One retention run at a time; a run repeated is harmless (what is gone is not counted twice).
    await this.ensureQueue(RETENTION_QUEUE, { retryLimit: 2, retryDelay: 300, policy: "stately" });
    if (this.options.schedule ?? true) {
      await this.boss.schedule(REMINDER_QUEUE, REMINDER_SCHEDULE, {}, { tz: TIME_ZONE });
      await this.boss.schedule(MAIL_QUEUE, MAIL_SCHEDULE, {}, { tz: TIME_ZONE });
      await this.boss.schedule(RETENTION_QUEUE, RETENTION_SCHEDULE, {}, { tz: TIME_ZONE });
    }
    const { database, mailer, publicUrl } = this.options;
    if (this.options.work ?? true) {
      const clock = this.options.clock ?? (() => new Date());
      const pollingIntervalSeconds = this.options.pollingIntervalSeconds ?? 10;
      this.workerId = await this.boss.work(REMINDER_QUEUE, { pollingIntervalSeconds }, async () => {
        await sendDueReminders(database.db, mailer, clock(), { publicUrl });
      });
      this.retentionWorkerId = await this.boss.work(RETENTION_QUEUE, { pollingIntervalSeconds }, async () => {
        const run = await applyRetention(database.db, clock());
        // Counts only: which organisation and how many, never what.
        this.options.log.info({ organisations: Object.keys(run.organisations).length }, "retention run");
      });
      this.mailWorkerId = await this.boss.work(MAIL_QUEUE, { pollingIntervalSeconds }, async () => {
        const round = await mailer.delivery.deliverDue(new Date());
        // More due than one round takes: another round, right after this one.
        if (round.more) await this.enqueueDelivery();
      });
    }
    // Mail written by this process's requests is delivered at once (by a worker here or elsewhere).
    mailer.onQueued(() => {
      this.enqueueDelivery().catch((error: Error & { code?: string }) =>
        this.options.log.error({ err: { name: error.name, code: error.code } }, "mail delivery not enqueued"),
      );
    });
  }

  /**
   * Creates the queue unless there. Two processes starting at once can deadlock in pg-boss's
   * queue creation (its partition is made in the same statement); the loser tries again.
   */
  private async ensureQueue(name: string, options: Omit<PgBoss.Queue, "name">): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (await this.boss.getQueue(name)) return;
        await this.boss.createQueue(name, { name, ...options });
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
  }

  /** Asks for a retention run now (from tests); this process's worker looks at once. */
  async enqueueRetention(): Promise<string | null> {
    const id = await this.boss.send(RETENTION_QUEUE, {});
    if (this.retentionWorkerId) this.boss.notifyWorker(this.retentionWorkerId);
    return id;
  }

  /** Asks for a reminder scan now (at start-up, and from tests); this process's worker looks at once. */
  async enqueueReminderScan(): Promise<string | null> {
    const id = await this.boss.send(REMINDER_QUEUE, {});
    if (this.workerId) this.boss.notifyWorker(this.workerId);
    return id;
  }

  /**
   * Asks for a mail round now (after a request committed mail, at start-up, from tests). With one
   * round already waiting, that one will do: the answer is then null.
   */
  async enqueueDelivery(): Promise<string | null> {
    const id = await this.boss.send(MAIL_QUEUE, {});
    if (this.mailWorkerId) this.boss.notifyWorker(this.mailWorkerId);
    return id;
  }

  /** Waits for a running job to finish, then stops taking new ones. */
  async stop(): Promise<void> {
    // A stop during the start (a signal right after start-up) waits for it, then stops.
    await this.starting?.catch(() => {});
    if (!this.started) return;
    this.started = false;
    this.options.mailer.onQueued(null);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
