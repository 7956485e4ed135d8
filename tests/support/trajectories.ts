import { addDays, dutchToday } from "../../src/domain/dutch-time.js";
import type { TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import type { TestApp, TestClient } from "./app.js";

/** Days from today (the Dutch day) as an ISO date, so a trajectory's period always holds "now". */
export const day = (offset: number) => addDays(dutchToday(), offset);
export const at = (offset: number, time = "10:00") => new Date(`${day(offset)}T${time}:00+01:00`).toISOString();

export interface TeacherCast {
  director: TestClient;
  teacher: TestClient;
  adviser: TestClient;
  admin: TestClient;
}

/** The people of the teacher trajectory at Onderwijsstichting Rivierenland. */
export async function teacherCast(t: TestApp): Promise<TeacherCast> {
  const adviser = await t.login("sanne.visser@netwerk.example");
  // Sanne works for both organisations; this story is Rivierenland's.
  const switched = await adviser.post("/api/v1/auth/organisation", { organisationId: t.orgs.rivier });
  if (switched.statusCode !== 204) throw new Error(`switch failed: ${switched.body}`);
  await adviser.refreshSession();
  return {
    director: await t.login("mohamed.bouali@rivierenland.example"),
    teacher: await t.login("lisa.dekker@rivierenland.example"),
    adviser,
    admin: await t.login("beheer@rivierenland.example"),
  };
}

function ok<T>(response: { statusCode: number; body: string; json(): unknown }, status = 200): T {
  if (response.statusCode !== status)
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  return response.json() as T;
}

export { ok as expectStatus };

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
  const candidates = ok<{ trainees: { id: string; name: string }[]; guides: { id: string; name: string }[] }>(
    await cast.director.get("/api/v1/trajectories/candidates"),
  );
  const trainee = candidates.trainees.find((p) => p.name === "Lisa Dekker");
  const guide = candidates.guides.find((p) => p.name === "Sanne Visser");
  let detail = ok<TrajectoryDetail>(
    await cast.director.post("/api/v1/trajectories", {
      regimeKey: "werkbegeleiding_leerkracht",
      title,
      traineeId: trainee?.id,
      guideIds: [guide?.id],
      startsOn: day(-60),
      endsOn: day(120),
    }),
    201,
  );
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
