import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  MeetingDetail,
  NetworkRetentionView,
  RetentionView,
  TrajectoryDetail,
  TrajectorySummary,
} from "../../src/domain/trajectories/api.js";
import { cohortOf } from "../../src/domain/trajectories/retention.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { at, createMeeting, createPerson, day, expectStatus as ok, signIn } from "../support/factories.js";
import { pdfText } from "../support/pdf-text.js";

/**
 * The BPV trajectory through the API: the praktijkopleider starts it with the school's
 * BPV-docent, who sees their own students only and writes their part of the three-way
 * conversation; a stop records a reason from the list and its date.
 */

let t: TestApp;
let officer: TestClient;
let guide: TestClient;
let peter: TestClient;
let otherTutor: TestClient;
let student: TestClient;
let people: { student: string; secondStudent: string; otherTutor: string };
let before: RetentionView;

interface Candidates {
  trainees: { id: string; name: string }[];
  guides: { id: string; name: string }[];
  commissioners: { id: string; name: string }[];
  schoolContacts: { id: string; name: string }[];
}

const idOf = (list: { id: string; name: string }[], name: string) => {
  const found = list.find((p) => p.name === name);
  if (!found) throw new Error(`no ${name} among ${list.map((p) => p.name).join(", ")}`);
  return found.id;
};

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, "joost.smit@delinde.example");
  guide = await signIn(t, "sanne.visser@netwerk.example");
  peter = await signIn(t, "peter.jansen@rocwest.example");
  const first = await createPerson(t, { name: "Noor Student", roles: ["trainee"] });
  const second = await createPerson(t, { name: "Sem Student", roles: ["trainee"] });
  const tutor = await createPerson(t, { name: "Anna Docent", roles: ["school_contact"] });
  student = await signIn(t, first.email);
  otherTutor = await signIn(t, tutor.email);
  people = { student: first.id, secondStudent: second.id, otherTutor: tutor.id };
  before = ok<RetentionView>(await officer.get("/api/v1/trajectories/retention"));
});
afterAll(() => t.close());

async function startBpv(traineeId: string, schoolContactId: string | null, title: string) {
  const found = ok<Candidates>(await officer.get("/api/v1/trajectories/candidates"));
  return ok<TrajectoryDetail>(
    await officer.post("/api/v1/trajectories", {
      regimeKey: "bpv",
      title,
      traineeId,
      guideIds: [idOf(found.guides, "Sanne Visser")],
      commissionerId: idOf(found.commissioners, "Joost Smit"),
      schoolContactId,
      startsOn: day(-200),
      endsOn: day(500),
    }),
    201,
  );
}

/** A week of seven days ending `offset` days from today, inside one school year. */
function weekEnding(offset: number): { from: string; to: string } {
  const to = day(offset);
  const from = day(offset - 6);
  return cohortOf(from) === cohortOf(to) ? { from, to } : weekEnding(offset - 7);
}

describe("the BPV trajectory", () => {
  let mine: TrajectoryDetail;
  let theirs: TrajectoryDetail;

  it("is started by the praktijkopleider with the school's BPV-docent, who must be one", async () => {
    const found = ok<Candidates>(await officer.get("/api/v1/trajectories/candidates"));
    expect(found.schoolContacts.map((p) => p.name)).toEqual(["Anna Docent", "Peter Jansen"]);
    // A praktijkopleider may commission, and so be chosen as one.
    expect(found.commissioners.map((p) => p.name)).toContain("Joost Smit");
    const refused = await officer.post("/api/v1/trajectories", {
      regimeKey: "bpv",
      title: "BPV Noor",
      traineeId: people.student,
      guideIds: [idOf(found.guides, "Sanne Visser")],
      schoolContactId: people.secondStudent,
      startsOn: day(-200),
      endsOn: day(500),
    });
    expect(refused.statusCode).toBe(422);
    expect(Object.keys(refused.json().errors)).toEqual(["schoolContactId"]);

    mine = await startBpv(people.student, idOf(found.schoolContacts, "Peter Jansen"), "BPV Noor");
    theirs = await startBpv(people.secondStudent, people.otherTutor, "BPV Sem");
    expect(mine.participants.map((p) => [p.role, p.name]).sort()).toEqual([
      ["commissioner", "Joost Smit"],
      ["guide", "Sanne Visser"],
      ["school", "Peter Jansen"],
      ["trainee", "Noor Student"],
    ]);
    expect(mine.status).toBe("intake");
    // The guide fills in the intake; the start asks it complete.
    const planned = ok<TrajectoryDetail>(
      await guide.put(`/api/v1/trajectories/${mine.id}/plan`, {
        version: mine.version,
        plan: { level: "mbo3", qualification: "Verzorgende IG", school: "ROC West" },
        intensity: null,
        evaluationMoments: [],
      }),
    );
    mine = ok<TrajectoryDetail>(
      await guide.post(`/api/v1/trajectories/${mine.id}/transitions`, { transition: "start" }),
    );
    expect([planned.plan?.level, mine.status]).toEqual(["mbo3", "running"]);
  });

  it("shows the BPV-docent their own students only, and lets them change nothing but their part", async () => {
    const list = ok<{ items: TrajectorySummary[]; total: number }>(await peter.get("/api/v1/trajectories?page=1"));
    const titles = list.items.map((x) => x.title);
    // Noor, and the demo's students of De Linde with Peter as their BPV-docent; not Sem, whose docent is Anna.
    expect(titles).toContain("BPV Noor");
    expect(titles).not.toContain("BPV Sem");
    expect(list.items.every((x) => x.viewerRoles.join() === "school")).toBe(true);
    expect((await peter.get(`/api/v1/trajectories/${theirs.id}`)).statusCode).toBe(404);
    expect((await otherTutor.get(`/api/v1/trajectories/${mine.id}`)).statusCode).toBe(404);
    const seen = ok<TrajectoryDetail>(await peter.get(`/api/v1/trajectories/${mine.id}`));
    expect(seen.viewerRoles).toEqual(["school"]);
    expect(seen.abilities).toMatchObject({
      editPlan: false,
      editGoals: false,
      planMeetings: false,
      writeReport: false,
    });
    expect(seen.transitions).toEqual([]);
    const plan = await peter.put(`/api/v1/trajectories/${mine.id}/plan`, {
      version: seen.version,
      plan: { level: "mbo3" },
      intensity: null,
      evaluationMoments: [],
    });
    expect(plan.statusCode).toBe(403);
    expect((await peter.get("/api/v1/trajectories/candidates")).statusCode).toBe(403);
  });

  it("lets the BPV-docent write their part of a three-way conversation, which the others read", async () => {
    const planned = await createMeeting(guide, mine, {
      type: "driegesprek",
      startsAt: at(-10),
      held: { notes: "Op de werkvloer gaat het goed.", minutes: 45 },
    });
    const asTutor = ok<MeetingDetail>(await peter.get(`/api/v1/meetings/${planned.id}`));
    expect(asTutor.abilities).toMatchObject({ writePart: "school", edit: false, writeFeedback: false });
    const written = ok<MeetingDetail>(
      await peter.put(`/api/v1/meetings/${planned.id}/part`, {
        version: null,
        text: "Noor werkt zelfstandiger; op school loopt de theorie van kerntaak 2 achter.",
      }),
    );
    expect(written.parts).toMatchObject([{ role: "school", writtenBy: "Peter Jansen", version: 1 }]);
    // A second first version is a conflict: someone wrote in between.
    expect((await peter.put(`/api/v1/meetings/${planned.id}/part`, { version: null, text: "Ander" })).statusCode).toBe(
      409,
    );
    const empty = await peter.put(`/api/v1/meetings/${planned.id}/part`, { version: 1, text: "   " });
    expect(empty.statusCode).toBe(422);
    expect(ok<MeetingDetail>(await peter.get(`/api/v1/meetings/${planned.id}`)).parts[0]?.text).toContain("kerntaak 2");

    for (const reader of [guide, student, officer]) {
      const read = ok<MeetingDetail>(await reader.get(`/api/v1/meetings/${planned.id}`));
      expect(read.parts.map((p) => p.text)).toEqual([
        "Noor werkt zelfstandiger; op school loopt de theorie van kerntaak 2 achter.",
      ]);
      expect(read.abilities.writePart).toBeNull();
    }
    // The guide's part is the notes and the feedback, not the school's part.
    expect((await guide.put(`/api/v1/meetings/${planned.id}/part`, { version: 1, text: "Nee" })).statusCode).toBe(403);
    // A progress conversation has no part for the school.
    const progress = await createMeeting(guide, mine, { type: "voortgangsgesprek", startsAt: at(-5) });
    expect(ok<MeetingDetail>(await peter.get(`/api/v1/meetings/${progress.id}`)).abilities.writePart).toBeNull();
    expect((await peter.put(`/api/v1/meetings/${progress.id}/part`, { version: null, text: "Ja" })).statusCode).toBe(
      403,
    );
  });

  it("lets the guide add a care team colleague as co-guide, who adds to a progress conversation", async () => {
    const found = ok<Candidates & { coGuides: { id: string; name: string }[] }>(
      await guide.get("/api/v1/trajectories/candidates"),
    );
    expect(found.coGuides.map((p) => p.name)).toContain("Eva Mulder");
    // Nobody from outside: the school's people are not colleagues of the care team.
    expect(found.coGuides.map((p) => p.name)).not.toContain("Peter Jansen");
    const eva = idOf(found.coGuides, "Eva Mulder");
    const url = `/api/v1/trajectories/${mine.id}/participants`;
    // Not the student, nor the BPV-docent, changes who takes part; a fixed part is not added later.
    expect((await student.post(url, { personId: eva, role: "co_guide" })).statusCode).toBe(403);
    expect((await peter.post(url, { personId: eva, role: "co_guide" })).statusCode).toBe(403);
    const fixed = await guide.post(url, { personId: eva, role: "guide" });
    expect(Object.keys(fixed.json().errors)).toEqual(["role"]);
    const outsider = await guide.post(url, { personId: idOf(found.schoolContacts, "Peter Jansen"), role: "co_guide" });
    expect(Object.keys(outsider.json().errors)).toEqual(["personId"]);

    const added = ok<TrajectoryDetail>(await guide.post(url, { personId: eva, role: "co_guide" }));
    expect(added.participants.filter((p) => p.role === "co_guide").map((p) => p.name)).toEqual(["Eva Mulder"]);
    expect((await guide.post(url, { personId: eva, role: "co_guide" })).json().errors).toEqual({
      personId: expect.any(String),
    });

    const evaClient = await signIn(t, "eva.mulder@delinde.example");
    const progress = await createMeeting(guide, mine, {
      type: "voortgangsgesprek",
      startsAt: at(-2),
      held: { notes: "Rapporteren gaat beter.", minutes: 30 },
    });
    const seen = ok<MeetingDetail>(await evaClient.get(`/api/v1/meetings/${progress.id}`));
    expect(seen.abilities).toMatchObject({ writePart: "co_guide", edit: false });
    const written = ok<MeetingDetail>(
      await evaClient.put(`/api/v1/meetings/${progress.id}/part`, {
        version: null,
        text: "In de avonddienst nam Noor de overdracht zelf; rustig en volledig.",
      }),
    );
    expect(written.parts).toMatchObject([{ role: "co_guide", writtenBy: "Eva Mulder", own: true }]);
    expect(ok<MeetingDetail>(await guide.get(`/api/v1/meetings/${progress.id}`)).parts[0]?.own).toBe(false);
    // The co-guide reads the path and changes nothing but their own part.
    const asEva = ok<TrajectoryDetail>(await evaClient.get(`/api/v1/trajectories/${mine.id}`));
    expect(asEva.viewerRoles).toEqual(["co_guide"]);
    expect(asEva.abilities).toMatchObject({ editPlan: false, manageParticipants: false });

    // Removed, Eva no longer sees the trajectory; what she wrote stays.
    ok(await guide.post(`${url}/remove`, { personId: eva, role: "co_guide" }));
    expect((await evaClient.get(`/api/v1/trajectories/${mine.id}`)).statusCode).toBe(404);
    const kept = ok<MeetingDetail>(await guide.get(`/api/v1/meetings/${progress.id}`));
    expect(kept.parts.map((p) => p.writtenBy)).toEqual(["Eva Mulder"]);
  });

  it("has the workplace record the hours worked, per school year against the 610 hours, which school and student read", async () => {
    const url = `/api/v1/trajectories/${mine.id}/work-hours`;
    const [first, second] = [weekEnding(-10), weekEnding(-30)];
    const recorded = ok<TrajectoryDetail>(
      await guide.post(url, { ...first, minutes: 32 * 60, note: "Vier diensten van acht uur" }),
    );
    expect(recorded.workHours?.lines).toEqual([
      {
        id: expect.any(String),
        ...first,
        minutes: 32 * 60,
        note: "Vier diensten van acht uur",
        recordedBy: "Sanne Visser",
      },
    ]);
    // The praktijkopleider records too; the year's sum counts both, against BBL's 610 hours.
    const both = ok<TrajectoryDetail>(await officer.post(url, { ...second, minutes: 24 * 60 + 30 }));
    const year = both.workHours?.years.find((y) => y.schoolYear === cohortOf(first.from));
    expect(both.workHours?.totalMinutes).toBe(56 * 60 + 30);
    if (cohortOf(first.from) === cohortOf(second.from))
      expect(year).toMatchObject({ minutes: 56 * 60 + 30, minimumMinutes: 610 * 60, missingMinutes: 610 * 60 - 3390 });

    // Every wrong field at once: an overlap names the period already there, a future day is refused.
    const wrong = await guide.post(url, { from: first.to, to: day(3), minutes: 60 });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual({
      from: expect.stringContaining(first.from),
      to: expect.any(String),
    });
    const tooMany = await guide.post(url, { from: day(-2), to: day(-2), minutes: 25 * 60 });
    expect(Object.keys(tooMany.json().errors)).toEqual(["minutes"]);

    // The student and the BPV-docent read the hours and record none.
    for (const reader of [student, peter]) {
      const seen = ok<TrajectoryDetail>(await reader.get(`/api/v1/trajectories/${mine.id}`));
      expect(seen.workHours?.totalMinutes).toBe(56 * 60 + 30);
      expect(seen.abilities.recordWorkHours).toBe(false);
      expect((await reader.post(url, { from: day(-2), to: day(-2), minutes: 60 })).statusCode).toBe(403);
    }
    // A line recorded by mistake is removed, and said so in the audit log.
    const line = both.workHours?.lines.find((l) => l.from === second.from);
    expect((await student.post(`${url}/remove`, { id: line?.id })).statusCode).toBe(403);
    const removed = ok<TrajectoryDetail>(await guide.post(`${url}/remove`, { id: line?.id }));
    expect(removed.workHours?.lines.map((l) => l.from)).toEqual([first.from]);
    expect((await guide.post(`${url}/remove`, { id: line?.id })).json().errors).toEqual({ id: expect.any(String) });
    const admin = await signIn(t, "beheer@delinde.example");
    const log = ok<{ items: { type: string }[] }>(
      await admin.get("/api/v1/audit-events?type=trajectory.workHoursRemoved"),
    );
    expect(log.items.map((e) => e.type)).toContain("trajectory.workHoursRemoved");
  });

  it("records a stop with a reason from the list and its date, asked at the fields", async () => {
    const detail = ok<TrajectoryDetail>(await guide.get(`/api/v1/trajectories/${mine.id}`));
    const stop = detail.transitions.find((x) => x.key === "stop");
    expect(stop).toMatchObject({ allowed: true, needsDate: true });
    expect(stop?.reasons.map((r) => r.label)).toEqual([
      "Verkeerde studiekeuze",
      "Werkdruk",
      "Begeleiding",
      "Persoonlijke omstandigheden",
      "Anders",
    ]);
    const url = `/api/v1/trajectories/${mine.id}/transitions`;
    const bare = await guide.post(url, { transition: "stop" });
    expect(bare.statusCode).toBe(422);
    expect(Object.keys(bare.json().errors).sort()).toEqual(["on", "reasonCode"]);
    // Every answer missing or wrong at once, at its field.
    const both = await guide.post(url, { transition: "stop", on: day(3) });
    expect(both.json().errors).toEqual({ reasonCode: expect.any(String), on: expect.stringContaining("toekomst") });
    const unknown = await guide.post(url, { transition: "stop", reasonCode: "boredom", on: day(-1) });
    expect(Object.keys(unknown.json().errors)).toEqual(["reasonCode"]);
    const future = await guide.post(url, { transition: "stop", reasonCode: "workload", on: day(3) });
    expect(future.json().errors).toEqual({ on: expect.stringContaining("toekomst") });
    const early = await guide.post(url, { transition: "stop", reasonCode: "workload", on: day(-201) });
    expect(early.json().errors).toEqual({ on: expect.stringContaining("begin") });
    // The student and the school do not record an outcome.
    const byTutor = await peter.post(url, { transition: "stop", reasonCode: "workload", on: day(3) });
    expect(byTutor.statusCode).toBe(422);
    expect(byTutor.json().blockers.map((b: { code: string }) => b.code)).toContain("notYourStep");

    const stopped = ok<TrajectoryDetail>(
      await guide.post(url, { transition: "stop", reasonCode: "workload", on: day(-1), reason: "Te veel diensten." }),
    );
    expect(stopped).toMatchObject({
      status: "stopped",
      statusChoice: "Werkdruk",
      statusOn: day(-1),
      statusReason: "Te veel diensten.",
    });
    expect(ok<TrajectoryDetail>(await peter.get(`/api/v1/trajectories/${mine.id}`)).statusChoice).toBe("Werkdruk");
    // Closed: the school's part is written no more.
    const meetings = ok<TrajectoryDetail>(await peter.get(`/api/v1/trajectories/${mine.id}`)).meetings;
    const three = meetings?.find((m) => m.type === "driegesprek");
    expect((await peter.put(`/api/v1/meetings/${three?.id}/part`, { version: 1, text: "Later" })).statusCode).toBe(409);
  });

  it("counts the students per cohort and level for the praktijkopleider, numbers only", async () => {
    const cohort = cohortOf(day(-200));
    const row = (view: RetentionView, level?: string) => {
      const bpv = view.regimes.find((r) => r.key === "bpv");
      const rows = level ? bpv?.byLevel[level] : bpv?.cohorts;
      const empty: Record<string, number> = {};
      return rows?.find((r) => r.cohort === cohort) ?? { started: 0, ongoing: 0, stopped: 0, reasons: empty };
    };
    const after = ok<RetentionView>(await officer.get("/api/v1/trajectories/retention"));
    const was = row(before);
    const now = row(after);
    expect(now.started - was.started).toBe(2);
    expect(now.ongoing - was.ongoing).toBe(1);
    expect(now.stopped - was.stopped).toBe(1);
    expect((now.reasons.workload ?? 0) - (was.reasons.workload ?? 0)).toBe(1);
    // Noor is at level 3; Sem's intake names none yet.
    expect(row(after, "mbo3").stopped - row(before, "mbo3").stopped).toBe(1);
    expect(row(after, "mbo3").started - row(before, "mbo3").started).toBe(1);
    const bpv = after.regimes.find((r) => r.key === "bpv");
    expect(bpv?.reasons.map((r) => r.value)).toEqual(["wrong_choice", "workload", "guidance", "personal", "other"]);
    expect(bpv?.levels.map((l) => l.label)).toEqual(["Mbo-niveau 2", "Mbo-niveau 3", "Mbo-niveau 4", "Zij-instromer"]);
    expect(JSON.stringify(after)).not.toContain("Noor");
    for (const who of [peter, guide, student])
      expect((await who.get("/api/v1/trajectories/retention")).statusCode).toBe(403);
  });

  it("gives the school a progress report of its student: the path, both parts of the three-way conversation, the stop", async () => {
    const response = await peter.get(`/api/v1/trajectories/${mine.id}/progress.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const text = await pdfText(response.rawPayload);
    for (const expected of [
      "Voortgangsverslag",
      "Gewerkte BPV-uren",
      "32:00",
      "BPV Noor",
      "Mbo-niveau 3",
      "Verzorgende IG",
      "Driegesprek",
      "Op de werkvloer gaat het goed.",
      "Inbreng BPV-docent",
      "kerntaak 2",
      "Werkdruk",
      "Te veel diensten.",
    ])
      expect(text, expected).toContain(expected);
    expect((await otherTutor.get(`/api/v1/trajectories/${mine.id}/progress.pdf`)).statusCode).toBe(404);
  });

  it("shows the network every member's students per cohort, counts only", async () => {
    const coordinator = ok<NetworkRetentionView>(await guide.get("/api/v1/trajectories/network-retention"));
    expect(coordinator.members.map((m) => [m.name, m.own])).toEqual([
      ["Zorggroep De Linde", true],
      ["Zorggroep De Wilgen", false],
    ]);
    const wilgen = coordinator.members[1]?.cohorts ?? [];
    // The demo's six students of De Wilgen, over three cohorts.
    expect(wilgen.reduce((n, r) => n + r.started, 0)).toBe(6);
    expect(wilgen.reduce((n, r) => n + r.stopped, 0)).toBe(3);
    expect(coordinator.reasons.map((r) => r.label)).toContain("Werkdruk");
    const text = JSON.stringify(coordinator);
    for (const name of ["Noor", "Bas Hendriks", "Iris Willemsen", "BPV "]) expect(text).not.toContain(name);
    // The school and the student see no network figures.
    for (const who of [peter, student])
      expect((await who.get("/api/v1/trajectories/network-retention")).statusCode).toBe(403);
  });
});
