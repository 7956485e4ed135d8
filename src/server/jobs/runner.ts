import type { FastifyBaseLogger } from "fastify";
import PgBoss from "pg-boss";
import type { Database } from "../../db/connection.js";
import { TIME_ZONE } from "../../domain/time-zone.js";
import type { Mailer } from "../mail.js";
import { sendDueReminders } from "../notifications/reminders.js";
import { bossDb } from "./adapter.js";

export const REMINDER_QUEUE = "reminders";
/** Every quarter of an hour; each reminder is still sent once, however often the scan runs. */
export const REMINDER_SCHEDULE = "*/15 * * * *";

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
    await this.ensureQueue();
    if (this.options.schedule ?? true)
      await this.boss.schedule(REMINDER_QUEUE, REMINDER_SCHEDULE, {}, { tz: TIME_ZONE });
    if (this.options.work ?? true) {
      const { database, mailer, publicUrl } = this.options;
      const clock = this.options.clock ?? (() => new Date());
      this.workerId = await this.boss.work(
        REMINDER_QUEUE,
        { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 10 },
        async () => {
          await sendDueReminders(database.db, mailer, clock(), { publicUrl });
        },
      );
    }
  }

  /**
   * Creates the queue unless there. Two processes starting at once can deadlock in pg-boss's
   * queue creation (its partition is made in the same statement); the loser tries again.
   */
  private async ensureQueue(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (await this.boss.getQueue(REMINDER_QUEUE)) return;
        await this.boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, retryLimit: 3, retryDelay: 60 });
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
  }

  /** Asks for a reminder scan now (at start-up, and from tests); this process's worker looks at once. */
  async enqueueReminderScan(): Promise<string | null> {
    const id = await this.boss.send(REMINDER_QUEUE, {});
    if (this.workerId) this.boss.notifyWorker(this.workerId);
    return id;
  }

  /** Waits for a running job to finish, then stops taking new ones. */
  async stop(): Promise<void> {
    // A stop during the start (a signal right after start-up) waits for it, then stops.
    await this.starting?.catch(() => {});
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
