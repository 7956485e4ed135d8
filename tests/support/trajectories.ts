import type { TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import type { TestApp, TestClient } from "./app.js";
import { day, expectStatus as ok, signIn, startTrajectory } from "./factories.js";

export { at, day, expectStatus } from "./factories.js";

export interface TeacherCast {
  director: TestClient;
  teacher: TestClient;
  adviser: TestClient;
  admin: TestClient;
}

/** The people of the teacher trajectory at Onderwijsstichting Rivierenland. */
export async function teacherCast(t: TestApp): Promise<TeacherCast> {
  // Sanne works for both organisations; this story is Rivierenland's.
  const adviser = await signIn(t, "sanne.visser@netwerk.example", "rivier");
  return {
    director: await t.login("mohamed.bouali@rivierenland.example"),
    teacher: await t.login("lisa.dekker@rivierenland.example"),
    adviser,
    admin: await t.login("beheer@rivierenland.example"),
  };
}

const INTAKE = {
  reason: "Zorgen over klassenmanagement in groep 5.",
  concerns_and_wishes: "Orde en rust; instructie op drie niveaus.",
  working_agreements: "Elke dinsdag een nagesprek van een half uur.",
};

/**
 * A teacher trajectory brought as far as asked: started by the director, intake recorded and
 * consented ("agreed"), and with `goals` goals approved and running ("running").
 */
export async function createTeacherTrajectory(
  cast: TeacherCast,
  options: { until?: "draft" | "agreed" | "running"; goals?: number; title?: string } = {},
): Promise<TrajectoryDetail> {
  const { until = "running", goals = 3, title = "Werkbegeleiding Lisa Dekker" } = options;
  let { detail } = await startTrajectory(cast.director, {
    organisation: "rivier",
    title,
    startsOn: day(-60),
    endsOn: day(120),
  });
  if (until === "draft") return detail;
  const base = `/api/v1/trajectories/${detail.id}`;
  detail = ok(
    await cast.adviser.put(`${base}/plan`, {
      version: detail.version,
      plan: INTAKE,
      intensity: detail.intensity,
      evaluationMoments: [],
    }),
  );
  ok(await cast.teacher.post(`${base}/consents`, { consents: detail.regime.consents.map((c) => c.key) }));
  detail = ok(await cast.adviser.post(`${base}/transitions`, { transition: "agree" }));
  if (until === "agreed") return detail;
  for (let i = 1; i <= goals; i++)
    detail = ok(
      await cast.adviser.post(`${base}/goals`, {
        title: `Doel ${i}: de leerkracht geeft instructie op niveau ${i}`,
        rationale: i % 2 ? "necessity" : "wish",
        successCriteria: `Bij ${i} van de 3 bezoeken zichtbaar`,
      }),
      201,
    );
  ok(await cast.director.post(`${base}/goals/approve`, {}));
  return ok(await cast.adviser.post(`${base}/transitions`, { transition: "start" }));
}
