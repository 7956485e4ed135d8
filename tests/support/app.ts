import { and, eq } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Database, OpenOptions } from "../../src/db/connection.js";
import { memberships, organisations, users } from "../../src/db/schema.js";
import { buildApp } from "../../src/server/app.js";
import { type Config, loadConfig } from "../../src/server/config.js";
import { DEMO_PASSWORD } from "../../src/server/demo/seed.js";
import { freshDatabase } from "./database.js";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  orgs: { linde: string; rivier: string; wilgen: string };
  /** A client signed in as this person (demo password unless given). */
  login(email: string, password?: string): Promise<TestClient>;
  anonymous(): Promise<TestClient>;
  /** The membership (and account) of the person with this address in an organisation (De Linde unless given). */
  membershipOf(email: string, organisationId?: string): Promise<{ id: string; userId: string }>;
  close(): Promise<void>;
}

let addressCounter = 1;

/** Speaks to the app as one browser would: keeps cookies, sends the CSRF token. */
export class TestClient {
  cookies: Record<string, string> = {};
  csrfToken = "";
  // Each client its own address, so per-address rate limits don't leak between tests.
  readonly address = `10.0.${Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`;
  constructor(readonly app: FastifyInstance) {}

  async request(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (options.method && options.method !== "GET" && !("x-csrf-token" in headers))
      headers["x-csrf-token"] = this.csrfToken;
    const response = await this.app.inject({ ...options, headers, cookies: this.cookies, remoteAddress: this.address });
    for (const cookie of response.cookies) {
      if (cookie.value === "" || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) delete this.cookies[cookie.name];
      else this.cookies[cookie.name] = cookie.value;
    }
    return response;
  }

  async refreshSession() {
    const response = await this.request({ method: "GET", url: "/api/v1/auth/session" });
    this.csrfToken = response.json().csrfToken;
    return response.json();
  }

  get = (url: string, headers: Record<string, string> = {}) => this.request({ method: "GET", url, headers });
  post = (url: string, payload?: unknown) => this.request({ method: "POST", url, payload: payload as never });
  put = (url: string, payload?: unknown) => this.request({ method: "PUT", url, payload: payload as never });
  patch = (url: string, payload?: unknown) => this.request({ method: "PATCH", url, payload: payload as never });
  delete = (url: string) => this.request({ method: "DELETE", url });
}

export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    PUBLIC_URL: "http://koers.test",
    KOERS_SECRET: "test-secret-for-calendar-feed-addresses",
    ...overrides,
  });
}

/** A migrated database with the demo network, and the app on top of it; `options` may hook every query. */
export async function createTestApp(
  overrides: Partial<Record<keyof Config, string>> = {},
  options: OpenOptions = {},
): Promise<TestApp> {
  const database = await freshDatabase(options, { demo: true });
  const app = await buildApp(testConfig(overrides), database);
  await app.ready();
  const rows = await database.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations);
  const org = (slug: string) => rows.find((r) => r.slug === slug)?.id ?? "";
  const orgs = { linde: org("de-linde"), rivier: org("rivierenland"), wilgen: org("de-wilgen") };

  return {
    app,
    database,
    orgs,
    async anonymous() {
      const client = new TestClient(app);
      await client.refreshSession();
      return client;
    },
    async login(email, password = DEMO_PASSWORD) {
      const client = new TestClient(app);
      await client.refreshSession();
      const response = await client.post("/api/v1/auth/login", { email, password });
      if (response.statusCode !== 204)
        throw new Error(`login failed for ${email}: ${response.statusCode} ${response.body}`);
      await client.refreshSession();
      return client;
    },
    async membershipOf(email, organisationId = orgs.linde) {
      const [row] = await database.db
        .select({ id: memberships.id, userId: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(users.email, email), eq(memberships.organisationId, organisationId)));
      if (!row) throw new Error(`no membership for ${email}`);
      return row;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export async function organisationBySlug(database: Database, slug: string) {
  const [row] = await database.db.select().from(organisations).where(eq(organisations.slug, slug));
  return row;
}
