import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database, Db } from "../db/connection.js";
import { videoPlayerOrigins } from "../domain/modules/video-hosts.js";
import { LOGO_MAX_BYTES } from "../domain/organisations/logo.js";
import { auditRoutes } from "./audit/routes.js";
import { authRoutes } from "./auth/routes.js";
import { feedSecret } from "./calendar/feed-secret.js";
import { calendarRoutes } from "./calendar/routes.js";
import { calendarFor } from "./calendar/service.js";
import { caseRoutes } from "./cases/routes.js";
import { certificateRoutes } from "./certificates/routes.js";
import { type Config, publicUrl, retryPolicy, trustProxy } from "./config.js";
import { verificationRoutes } from "./declarations/public-routes.js";
import { declarationRoutes } from "./declarations/routes.js";
import { discussionRoutes } from "./discussions/routes.js";
import { createPdfChecker, type PdfChecker } from "./documents/pdf-check.js";
import { createPdfRenderer, type PdfRenderer } from "./documents/render-pool.js";
import { eventRoutes } from "./events/routes.js";
import { evidenceRoutes } from "./evidence/routes.js";
import { consensusRoutes } from "./frameworks/consensus/routes.js";
import { frameworkRoutes } from "./frameworks/routes.js";
import { responseSerializer } from "./http/serializer.js";
import { intervisionRoutes } from "./intervision/routes.js";
import { invitationRoutes } from "./invitations/routes.js";
import { learningPathRoutes } from "./learning-paths/routes.js";
import { Mailer } from "./mail.js";
import { moduleRoutes } from "./modules/routes.js";
import { networkRoutes } from "./networks/routes.js";
import { notificationRoutes } from "./notifications/routes.js";
import { organisationRoutes } from "./organisations/routes.js";
import { outboxRoutes } from "./outbox/routes.js";
import { peopleImportRoutes } from "./people/import/routes.js";
import { peopleRoutes } from "./people/routes.js";
import { registerAuth } from "./plugins/auth.js";
import { frameworkErrors, registerErrorHandling, validatorCompiler } from "./plugins/errors.js";
import { registerTenantParams } from "./plugins/tenant-params.js";
import { privacyRoutes } from "./privacy/routes.js";
import { qualificationRoutes } from "./qualifications/routes.js";
import { regimeRoutes } from "./regimes/routes.js";
import { scanRoutes } from "./scans/routes.js";
import { trainerRoutes } from "./trainers/routes.js";
import { trajectoryRoutes } from "./trajectories/routes.js";

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
    database: Database;
    config: Config;
    mailer: Mailer;
    publicUrl: string;
    /** Renders PDFs in worker threads, a few at a time. */
    pdf: PdfRenderer;
    /** Reads uploaded PDFs whole, in a worker thread, before they are accepted. */
    pdfCheck: PdfChecker;
    /** What calendar feed addresses are derived from; null: an address is shown only when made. */
    feedSecret: string | null;
    /** Every API route, for the tests that must cover all of them. */
    apiRoutes: Array<{ method: string | string[]; url: string }>;
  }
}

const builtWebRoot = join(dirname(fileURLToPath(import.meta.url)), "../../dist/web");

export interface BuildOptions {
  /** Where the built web app is (`npm run build:web`); tests point it elsewhere. */
  webRoot?: string;
}

export async function buildApp(
  config: Config,
  database: Database,
  { webRoot = builtWebRoot }: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    // Only method, path and status are logged: no bodies, no query strings, no personal data.
    logger:
      config.LOG_LEVEL === "silent"
        ? false
        : {
            level: config.LOG_LEVEL,
            serializers: {
              req: (req) => ({ method: req.method, url: req.url.split("?")[0] }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
          },
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: trustProxy(config),
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer({ crossCheck: config.NODE_ENV === "test" }));
  app.decorate("db", database.db);
  app.decorate("database", database);
  app.decorate("config", config);
  app.decorate("mailer", new Mailer(database.db, config.SMTP_URL, config.MAIL_FROM, app.log, retryPolicy(config)));
  app.decorate("publicUrl", publicUrl(config));
  app.decorate("feedSecret", feedSecret(config));
  app.decorate("apiRoutes", []);
  app.decorate("pdf", createPdfRenderer(app.log, { threads: config.PDF_THREADS, queue: config.PDF_QUEUE }));
  app.addHook("onClose", () => app.pdf.close());
  app.decorate("pdfCheck", createPdfChecker(app.log));
  app.addHook("onClose", () => app.pdfCheck.close());

  const secure = app.publicUrl.startsWith("https:");
  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        // Module videos play in their host's own player, from the allowed hosts only.
        frameSrc: videoPlayerOrigins(),
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    hsts: secure,
    referrerPolicy: { policy: "same-origin" },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: LOGO_MAX_BYTES, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Koers API", version: "1" },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "koers_session" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await database.db.execute(sql`select 1`);
      return { status: "ok" };
    } catch {
      return reply.status(503).send({ status: "unavailable" });
    }
  });

  registerAuth(app, database.db);
  registerTenantParams(app);
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/v1/")) app.apiRoutes.push({ method: route.method, url: route.url });
  });
  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(organisationRoutes);
      await api.register(networkRoutes);
      await api.register(qualificationRoutes);
      await api.register(privacyRoutes);
      await api.register(frameworkRoutes);
      await api.register(moduleRoutes);
      await api.register(certificateRoutes);
      await api.register(caseRoutes);
      await api.register(discussionRoutes);
      await api.register(scanRoutes);
      await api.register(learningPathRoutes);
      await api.register(consensusRoutes);
      await api.register(peopleRoutes);
      await api.register(peopleImportRoutes);
      await api.register(invitationRoutes);
      await api.register(outboxRoutes);
      await api.register(auditRoutes);
      await api.register(regimeRoutes);
      await api.register(trajectoryRoutes);
      await api.register(calendarRoutes);
      await api.register(declarationRoutes);
      await api.register(verificationRoutes);
      await api.register(evidenceRoutes);
      await api.register(intervisionRoutes);
      await api.register(eventRoutes);
      await api.register(trainerRoutes);
      await api.register(notificationRoutes);
    },
    { prefix: "/api/v1" },
  );

  // Calendar apps fetch this without a session: the secret address is the key.
  app.get(
    "/calendar/:feed",
    { schema: { hide: true }, config: { rateLimit: { max: 60, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const { feed } = request.params as { feed: string };
      const token = feed.endsWith(".ics") ? feed.slice(0, -4) : feed;
      const body = /^[\w-]{20,100}$/.test(token) ? await calendarFor(database.db, token) : null;
      if (body === null) return reply.callNotFound();
      return reply.type("text/calendar; charset=utf-8").header("cache-control", "private, max-age=300").send(body);
    },
  );

  const webBuilt = existsSync(join(webRoot, "index.html"));
  if (webBuilt) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  // Every other page is the single-page app; unknown API paths stay problem+json 404s. The route
  // is there whether or not the web app is built: the router picks it for paths no API route can
  // take (a parameter over the length limit, for one), so without it the API would answer
  // differently depending on the build.
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    if (!webBuilt || request.url.startsWith("/api/")) return reply.callNotFound();
    return reply.sendFile("index.html");
  });
  return app;
}
