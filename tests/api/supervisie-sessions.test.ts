import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvidenceView } from "../../src/domain/evidence/api.js";
import type { MeetingDetail, TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import {
  at,
  createPerson,
  createTrajectory,
  day,
  holdMeeting,
  expectStatus as ok,
  signIn,
} from "../support/factories.js";
import { pdfPages } from "../support/pdf-text.js";

/**
 * What a held supervisie session counts for is recorded on the session when it is held: the
 * group size of the plan at that moment, and how it took place. Changing the plan afterwards
 * does not rewrite the past, and a session that does not count is listed with the reason.
 */

let t: TestApp;
let admin: TestClient;
let client: TestClient; // Fatima Yilmaz, opdrachtgever
let guide: TestClient; // Sanne Visser, the supervisor

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("beheer@delinde.example");
  client = await t.login("fatima.yilmaz@delinde.example");
  guide = await signIn(t, "sanne.visser@netwerk.example");
});
afterAll(() => t.close());

/**
 * A running supervisie with Sanne of a new supervisee with an SKJ registration, for a group of
 * `groupSize`: each test its own person, so its own ledger.
 */
async function supervisie(groupSize: string) {
  const trainee = await createPerson(t, { name: "Supervisant", roles: ["trainee"], admin });
  const registrationId = ok<{ id: string }>(
    await admin.post(`/api/v1/people/${trainee.id}/registrations`, {
      register: "SKJ",
      typeId: "skj_master_orthopedagoog",
      number: "110055555",
      reregistrationDate: day(365),
      requirementProfile: "skj_master_under_3648",
    }),
    201,
  ).id;
  const { url: base } = await createTrajectory(t, {
    by: client,
    guide,
    regime: "supervisie",
    title: "Supervisie in een groep",
    traineeId: trainee.id,
    startsOn: day(-100),
    endsOn: day(200),
  });
  const setGroupSize = async (size: string) => {
    const current = ok<TrajectoryDetail>(await guide.get(base));
    ok<TrajectoryDetail>(
      await guide.put(`${base}/plan`, {
        version: current.version,
        plan: { ...current.plan, group_size: size },
        intensity: current.intensity,
        evaluationMoments: current.evaluationMoments,
      }),
    );
  };
  await setGroupSize(groupSize);
  ok(await guide.post(`${base}/transitions`, { transition: "start" }));
  const evidence = `/api/v1/people/${trainee.id}/evidence`;
  return {
    setGroupSize,
    /** Plans a session and records it as held, as the supervisor does. */
    hold: async (offset: number, minutes: number, mode?: "in_person" | "video" | "phone" | null) => {
      const planned = ok<MeetingDetail>(
        await guide.post(`${base}/meetings`, { type: "supervisiezitting", startsAt: at(offset) }),
        201,
      );
      return holdMeeting(guide, planned, { minutes, ...(mode === undefined ? {} : { mode }) });
    },
    supervisieLine: async () => {
      const view = ok<EvidenceView>(await admin.get(`${evidence}?registration=${registrationId}`));
      return view.ledger?.lines.find((l) => l.requirement.key === "supervisie");
    },
    csv: () => admin.get(`${evidence}.csv?registration=${registrationId}`),
    pdf: () => admin.get(`${evidence}.pdf?registration=${registrationId}`),
  };
}

describe("a held session's group size", () => {
  it("is recorded when it is held and does not change with the plan afterwards", async () => {
    const { hold, setGroupSize, supervisieLine } = await supervisie("3");
    // 25 hours with three supervisees: 25 × 40 / 50 = 20 points.
    const first = await hold(-60, 1440, "in_person");
    const second = await hold(-50, 60, "in_person");
    expect([first.groupSize, second.groupSize]).toEqual([3, 3]);
    expect((await supervisieLine())?.pointsHundredths).toBe(2000);

    // The plan now says one supervisee: the past sessions still count for three.
    await setGroupSize("1");
    const line = await supervisieLine();
    expect(line?.pointsHundredths).toBe(2000);
    expect(line?.records.map((r) => r.groupSize)).toEqual([3, 3]);
    const reread = ok<MeetingDetail>(await guide.get(`/api/v1/meetings/${first.id}`));
    expect(reread.groupSize).toBe(3);

    // Editing a held session leaves its group size as recorded.
    ok(
      await guide.put(`/api/v1/meetings/${first.id}`, {
        version: reread.version,
        startsAt: reread.startsAt,
        durationMinutes: 1440,
        preparationMinutes: 10,
        travelMinutes: 0,
        unannounced: false,
        status: "held",
        location: null,
        notes: null,
        confidential: false,
        observation: null,
      }),
    );
    expect(ok<MeetingDetail>(await guide.get(`/api/v1/meetings/${first.id}`)).groupSize).toBe(3);

    // A session held after the change counts for one: 10 hours alone are 10 points more.
    const third = await hold(-40, 600, "in_person");
    expect(third.groupSize).toBe(1);
    expect((await supervisieLine())?.pointsHundredths).toBe(3000);
  });
});

describe("how a session took place", () => {
  it("counts face-to-face sessions only, and lists the others with the reason", async () => {
    // 30 hours face to face, alone: 30 points.
    const { hold, supervisieLine, csv: evidenceCsv, pdf: evidencePdf } = await supervisie("1");
    await hold(-60, 1440, "in_person");
    await hold(-50, 360, "in_person");
    const video = await hold(-30, 120, "video");
    const unknown = await hold(-20, 90);
    expect(video.mode).toBe("video");
    expect(unknown.mode).toBeNull();
    const line = await supervisieLine();
    expect(line?.requirement.countedModes).toEqual(["in_person"]);
    expect(line?.pointsHundredths).toBe(3000);
    expect(line?.records.every((r) => r.mode === "in_person")).toBe(true);
    expect(line?.notCounted.map((r) => [r.id, r.mode, r.reason])).toEqual([
      [video.id, "video", "modeNotCounted"],
      [unknown.id, null, "modeNotRecorded"],
    ]);

    // The CSV and the PDF say the same.
    const csv = await evidenceCsv();
    const rows = Papa.parse<string[]>(csv.body.slice(1), { delimiter: ";", skipEmptyLines: true }).data;
    const header = rows[0] ?? [];
    const notCounted = rows.filter((r) => r[0] === "Supervisie" && r[1] === "Telt niet mee");
    expect(notCounted.map((r) => r[header.indexOf("Vorm")])).toEqual(["Beeldbellen", "niet vastgelegd"]);
    expect(notCounted[0]?.[header.indexOf("Waarom niet meegeteld")]).toContain("Alleen op locatie telt mee");
    expect(notCounted[0]?.[header.indexOf("Punten")]).toBe("");
    const pdf = await evidencePdf();
    const text = (await pdfPages(pdf.rawPayload)).join(" ");
    expect(text).toContain("Niet meegeteld");
    expect(text).toContain("Beeldbellen");

    // Recording it afterwards makes it count.
    const reread = ok<MeetingDetail>(await guide.get(`/api/v1/meetings/${unknown.id}`));
    ok(
      await guide.put(`/api/v1/meetings/${unknown.id}`, {
        version: reread.version,
        startsAt: reread.startsAt,
        durationMinutes: 90,
        preparationMinutes: 0,
        travelMinutes: 0,
        unannounced: false,
        status: "held",
        location: null,
        notes: null,
        confidential: false,
        observation: null,
        mode: "in_person",
      }),
    );
    expect((await supervisieLine())?.notCounted.map((r) => r.id)).toEqual([video.id]);
  });

  it("is asked only where the regime's meetings count as evidence", async () => {
    const { detail: teacher } = await createTrajectory(t, {
      by: client,
      title: "Leerkracht",
      startsOn: day(-10),
      endsOn: day(100),
    });
    const refused = await guide.post(`/api/v1/trajectories/${teacher.id}/meetings`, {
      type: teacher.regime.meetingTypes[0]?.key,
      startsAt: at(1),
      mode: "video",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.mode).toBeTruthy();
  });
});
