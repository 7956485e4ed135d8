import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, users } from "../../src/db/schema.js";
import type { MeetingDetail, TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import { expectAccessible, type Koers, signIn, startKoers, textOf, visible } from "./support/koers.js";
import { apiAs } from "./support/trajectory.js";

/**
 * The supervisor records a supervisie session held by video call; the admin reads Daan's
 * evidence and finds the session listed as not counted, with the reason, instead of silently
 * missing (supervisie counts face-to-face contact only).
 */

let koers: Koers;
let supervisor: Page;
let admin: Page;
let daanId: string;
let trajectory: TrajectoryDetail;
let session: MeetingDetail;

const dayFromToday = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  koers = await startKoers();
  const adminContext = await koers.newPage({ width: 1280, height: 900 });
  admin = adminContext.page;
  const adminApi = await apiAs(adminContext.context, "beheer@delinde.example");
  // Eva Mulder supervises: she is not Daan's werkbegeleider, employer or manager.
  const [eva] = await koers.database.db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.email, "eva.mulder@delinde.example"));
  await koers.database.db
    .update(memberships)
    .set({ roles: ["trainer", "guide"] })
    .where(eq(memberships.id, eva?.id ?? ""));
  const supervisorContext = await koers.newPage({ width: 1280, height: 900 });
  supervisor = supervisorContext.page;
  const evaApi = await apiAs(supervisorContext.context, "eva.mulder@delinde.example");

  const candidates = await adminApi.get<{
    trainees: { id: string; name: string }[];
    guides: { id: string; name: string }[];
  }>("/trajectories/candidates");
  daanId = candidates.trainees.find((p) => p.name === "Daan Bakker")?.id ?? "";
  await adminApi.send("POST", `/people/${daanId}/registrations`, {
    register: "SKJ",
    typeId: "skj_master_orthopedagoog",
    number: "110066666",
    reregistrationDate: dayFromToday(300),
    requirementProfile: "skj_master_under_3648",
  });
  trajectory = await adminApi.send<TrajectoryDetail>("POST", "/trajectories", {
    regimeKey: "supervisie",
    title: "Supervisie Daan bij Eva",
    traineeId: daanId,
    guideIds: [candidates.guides.find((p) => p.name === "Eva Mulder")?.id],
    startsOn: dayFromToday(-30),
    endsOn: dayFromToday(200),
  });
  trajectory = await evaApi.send<TrajectoryDetail>("PUT", `/trajectories/${trajectory.id}/plan`, {
    version: trajectory.version,
    plan: { group_size: "2" },
    intensity: trajectory.intensity,
    evaluationMoments: [],
  });
  await evaApi.send("POST", `/trajectories/${trajectory.id}/transitions`, { transition: "start" });
  session = await evaApi.send<MeetingDetail>("POST", `/trajectories/${trajectory.id}/meetings`, {
    type: "supervisiezitting",
    startsAt: new Date(`${dayFromToday(-3)}T10:00:00+01:00`).toISOString(),
  });
  await signIn(supervisor, "eva.mulder@delinde.example");
  await signIn(admin, "beheer@delinde.example");
});
afterAll(() => koers.close());

describe("a supervisie session by video call", () => {
  it("the supervisor records how the session took place when recording it as held", async () => {
    await supervisor.goto(`/trajecten/${trajectory.id}/bijeenkomsten/${session.id}`);
    const details = supervisor.getByRole("region", { name: "Gegevens" });
    await visible(details);
    await details.getByLabel(/^Vorm/).selectOption({ label: "Beeldbellen" });
    await expectAccessible(supervisor, "supervisie session, mode");
    await supervisor.getByRole("button", { name: "Vastleggen als gehouden" }).click();
    await visible(supervisor.getByRole("alert").filter({ hasText: "Bijeenkomst vastgelegd als gehouden." }));
    await supervisor.reload();
    expect(await supervisor.getByRole("region", { name: "Gegevens" }).getByLabel(/^Vorm/).inputValue()).toBe("video");
  });

  it("the evidence lists it as not counted, with the reason, not silently left out", async () => {
    await admin.goto(`/bewijs/${daanId}`);
    const supervisie = admin.getByRole("region", { name: "Supervisie" });
    await visible(supervisie);
    await textOf(supervisie).toContain("Niet meegeteld");
    await textOf(supervisie).toContain("Beeldbellen");
    await textOf(supervisie).toContain("Alleen op locatie telt mee voor deze eis.");
    await textOf(supervisie).toContain("Nog geen activiteiten in deze periode.");
    await expectAccessible(admin, "evidence with a session not counted");
    await admin.setViewportSize({ width: 375, height: 812 });
    await expectAccessible(admin, "evidence with a session not counted (phone)");
  });
});
