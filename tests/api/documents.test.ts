import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations } from "../../src/db/schema.js";
import type { TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { corruptPng } from "../support/images.js";
import { pdfText } from "../support/pdf-text.js";
import { createTeacherTrajectory, type TeacherCast, teacherCast } from "../support/trajectories.js";

/**
 * PDFs are rendered in worker threads: a document the renderer cannot make fails that one
 * request, the server keeps answering, and many documents at once do not hold up other requests.
 */

let t: TestApp;
let cast: TeacherCast;
let running: TrajectoryDetail;
const LIMIT = 30;

beforeAll(async () => {
  t = await createTestApp({ PDF_THREADS: "1", PDF_LIMIT_PER_SESSION: String(LIMIT) });
  cast = await teacherCast(t);
  running = await createTeacherTrajectory(cast, { title: "Documenten", goals: 1 });
});
afterAll(() => t.close());

const billingPdf = () => `/api/v1/trajectories/${running.id}/billing.pdf`;

describe("a logo stored before images were checked at upload", () => {
  it("fails that organisation's PDF with a problem; the server keeps answering and recovers", async () => {
    const [before] = await t.database.db
      .select({ logo: organisations.logo, logoMime: organisations.logoMime })
      .from(organisations)
      .where(eq(organisations.id, t.orgs.rivier));
    await t.database.db
      .update(organisations)
      .set({ logo: corruptPng(), logoMime: "image/png" })
      .where(eq(organisations.id, t.orgs.rivier));

    for (const who of [cast.admin, cast.director]) {
      const failed = await who.get(billingPdf());
      expect(failed.statusCode).toBe(500);
      expect(failed.headers["content-type"]).toContain("application/problem+json");
      expect(failed.json()).toMatchObject({ status: 500, code: "document.renderFailed" });
      expect(failed.json().title).toContain("logo");
    }
    // The process is still there, and answers everything else.
    expect((await t.app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    expect((await cast.director.get(`/api/v1/trajectories/${running.id}`)).statusCode).toBe(200);

    // With a logo that decodes, the same document is made again.
    await t.database.db
      .update(organisations)
      .set({ logo: before?.logo ?? null, logoMime: before?.logoMime ?? null })
      .where(eq(organisations.id, t.orgs.rivier));
    const pdf = await cast.admin.get(billingPdf());
    expect(pdf.statusCode).toBe(200);
    expect(await pdfText(pdf.rawPayload)).toContain("Documenten");
  });
});

describe("many PDFs at once", () => {
  it("are all made while the server keeps answering; past the limit a session gets 429", async () => {
    // Two fresh sessions of the director, each up to its limit.
    const sessions = [
      await t.login("mohamed.bouali@rivierenland.example"),
      await t.login("mohamed.bouali@rivierenland.example"),
    ];
    let finished = 0;
    const downloads = sessions.flatMap((session) =>
      Array.from({ length: LIMIT }, () =>
        session.get(billingPdf()).then((response) => {
          finished++;
          return response;
        }),
      ),
    );
    // Once the first document is done the others are being rendered: the server answers meanwhile.
    await Promise.race(downloads);
    const health = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: "ok" });
    expect(finished).toBeLessThan(downloads.length);
    const other = await cast.teacher.get(`/api/v1/trajectories/${running.id}`);
    expect(other.statusCode).toBe(200);

    const responses = await Promise.all(downloads);
    expect(responses.map((r) => r.statusCode)).toEqual(downloads.map(() => 200));
    expect(responses.every((r) => r.rawPayload.subarray(0, 5).toString("latin1") === "%PDF-")).toBe(true);

    // Each of those sessions has used its PDFs for this minute; another session has not.
    for (const session of sessions) {
      const limited = await session.get(billingPdf());
      expect(limited.statusCode).toBe(429);
      expect(limited.headers["content-type"]).toContain("application/problem+json");
      expect(limited.json()).toMatchObject({ status: 429, code: "problem.rateLimited" });
    }
    expect((await cast.admin.get(billingPdf())).statusCode).toBe(200);
  }, 180_000);
});
