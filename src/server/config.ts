import { z } from "zod";
import type { RetryPolicy } from "../domain/outbox/delivery.js";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATABASE_URL: z.url().optional(),
    KOERS_DATA_DIR: z.string().min(1).default("./data"),
    /**
     * On a PostgreSQL server, each statement is prepared once per connection. Turn it off behind a
     * pooler in transaction mode that does not keep prepared statements (PgBouncer before 1.21).
     */
    DATABASE_PREPARED_STATEMENTS: z.enum(["true", "false"], { error: "use true or false" }).default("true"),
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().default("Koers <no-reply@koers.local>"),
    /** The wait after a failed delivery, doubling after each next failure up to the maximum. */
    MAIL_RETRY_MIN_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    MAIL_RETRY_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
    /** Mail not delivered this many hours after it was made is given up (and shown so). */
    MAIL_GIVE_UP_HOURS: z.coerce.number().int().min(1).max(8760).default(72),
    PUBLIC_URL: z.url().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOGIN_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(20),
    LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
    /** Proxies whose X-Forwarded-For names the client: addresses, CIDRs, `loopback`, comma-separated. */
    TRUST_PROXY: z.string().min(1).default("loopback"),
    /**
     * Fill an empty database with the demo network (whose password is public). Unset: only on the
     * embedded database; on a PostgreSQL server only with SEED_DEMO=true.
     */
    SEED_DEMO: z.enum(["true", "false"], { error: "use true or false" }).optional(),
    /** Background jobs (reminders) in this process; several processes may run them side by side. */
    KOERS_JOBS: z.enum(["true", "false"]).default("true"),
    /** PDFs rendered at once, each in its own worker thread; by default one less than the cores (1 to 4). */
    PDF_THREADS: z.coerce.number().int().min(1).max(32).optional(),
    /** PDFs that may wait for a worker; more at once are answered with 503. */
    PDF_QUEUE: z.coerce.number().int().min(1).default(100),
    /**
     * The server's secret that calendar feed addresses are derived from (at least 32 characters),
     * or a file holding it. Unset on the embedded database: one is made in the data directory.
     */
    KOERS_SECRET: z.string().min(32, { error: "use at least 32 characters" }).optional(),
    KOERS_SECRET_FILE: z.string().min(1).optional(),
    /** PDF downloads per session (or address, signed out) per minute. */
    PDF_LIMIT_PER_SESSION: z.coerce.number().int().positive().default(30),
  })
  .refine((c) => c.MAIL_RETRY_MAX_SECONDS >= c.MAIL_RETRY_MIN_SECONDS, {
    path: ["MAIL_RETRY_MAX_SECONDS"],
    message: "must be at least MAIL_RETRY_MIN_SECONDS",
  });

export type Config = z.infer<typeof schema>;

/** The delivery's retry settings, as the mail rules take them. */
export function retryPolicy(config: Config): RetryPolicy {
  return {
    retryMinSeconds: config.MAIL_RETRY_MIN_SECONDS,
    retryMaxSeconds: config.MAIL_RETRY_MAX_SECONDS,
    giveUpHours: config.MAIL_GIVE_UP_HOURS,
  };
}

/** Reads the environment once at boot and fails fast with a readable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in a shell or .env file) means "not set".
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function publicUrl(config: Config): string {
  const host = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
  return config.PUBLIC_URL ?? `http://${host}:${config.PORT}`;
}

/**
 * Fastify's `trustProxy`. Trusting every sender would let any client pick its own address with
 * X-Forwarded-For, and so escape the sign-in limit per address.
 */
export function trustProxy(config: Config): boolean | string {
  if (config.TRUST_PROXY === "false") return false;
  if (config.TRUST_PROXY === "true") return true;
  return config.TRUST_PROXY;
}
