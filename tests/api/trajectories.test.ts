import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/connection.js";
import { finalReports, regimeVersions, trajectories } from "../../src/db/schema.js";
import { addDays, dutchInstant } from "../../src/domain/dutch-time.js";
import type { MeetingDetail, ReportView, TrajectoryDetail } from "../../src/domain/trajectories/api.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { at, day, expectStatus as ok, startTrajectory } from "../support/factories.js";
import { pdfText } from "../support/pdf-text.js";
import { createTeacherTrajectory, type TeacherCast, teacherCast } from "../support/trajectories.js";

let t: TestApp;
let cast: TeacherCast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await teacherCast(t);
});
afterAll(() => t.close());

const url = (id: string, rest = "") => `/api/v1/trajectories/${id}${rest}`;

async function planMeeting(id: string, type: string, offset: number, extra: Record<string, unknown> = {}) {
  return ok<MeetingDetail>(
    await cast.adviser.post(url(id, "/meetings"), { type, startsAt: at(offset), ...extra }),
    201,
  );
}

async function hold(meeting: MeetingDetail, extra: Record<string, unknown> = {}) {
  return ok<MeetingDetail>(
    await cast.adviser.put(`/api/v1/meetings/${meeting.id}`, {
      version: meeting.version,
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
      preparationMinutes: 15,
      travelMinutes: 20,
      unannounced: meeting.unannounced,
      status: "held",
      location: null,
      notes: null,
      confidential: false,
      observation: null,
      ...extra,
    }),
  );
}

describe("starting a trajectory", () => {
  it("lets the director start one with the regime as it is today, and lists it for the participants only", async () => {
    const detail = await createTeacherTrajectory(cast, { until: "draft", title: "Start en lijst" });
    expect(detail.status).toBe("draft");
    expect(detail.regime.key).toBe("werkbegeleiding_leerkracht");
    expect(detail.participants.map((p) => [p.role, p.name]).sort()).toEqual([
      ["commissioner", "Mohamed Bouali"],
      ["guide", "Sanne Visser"],
      ["trainee", "Lisa Dekker"],
    ]);
    for (const who of [cast.director, cast.teacher, cast.adviser, cast.admin]) {
      const list = ok<{ items: { id: string }[] }>(await who.get("/api/v1/trajectories"));
      expect(list.items.map((i) => i.id)).toContain(detail.id);
    }
  });

  it("lists a page at a time, with the total", async () => {
    const one = await createTeacherTrajectory(cast, { until: "draft", title: "Pagina's" });
    await t.database.db.execute(sql`
      insert into trajectories (organisation_id, regime_hash, regime_key, title, status, starts_on, ends_on)
      select organisation_id, regime_hash, regime_key, 'Pagina ' || n, status, starts_on, ends_on
      from trajectories, generate_series(1, 60) n where id = ${one.id}`);
    const first = ok<{ items: { id: string }[]; total: number; pageSize: number }>(
      await cast.admin.get("/api/v1/trajectories?search=Pagina"),
    );
    expect(first.total).toBe(61);
    expect(first.items).toHaveLength(first.pageSize);
    const second = ok<{ items: { id: string }[] }>(await cast.admin.get("/api/v1/trajectories?search=Pagina&page=2"));
    expect(second.items).toHaveLength(61 - first.pageSize);
    const ids = new Set([...first.items, ...second.items].map((i) => i.id));
    expect(ids.size).toBe(61);
    // The search box also finds trajectories by the people in them.
    const byName = ok<{ items: { title: string }[] }>(await cast.admin.get("/api/v1/trajectories?search=bouali"));
    expect(byName.items.map((i) => i.title)).toContain("Pagina's");
    const nobody = ok<{ total: number }>(await cast.admin.get("/api/v1/trajectories?search=Niemand%20Bekend"));
    expect(nobody.total).toBe(0);
    // The copies go again, so the lists of the other tests show their own trajectories on the first page.
    await t.database.db.execute(sql`delete from trajectories where title like 'Pagina %' and id <> ${one.id}`);
  });

  it("finds a trajectory by the name a participant goes by in the organisation, not by their account name", async () => {
    await createTeacherTrajectory(cast, { until: "draft", title: "Weergavenaam" });
    const people = ok<{ items: { id: string; version: number; roles: string[] }[] }>(
      await cast.admin.get("/api/v1/people?search=bouali"),
    );
    const mohamed = people.items[0];
    if (!mohamed) throw new Error("Mohamed Bouali is not in the demo");
    const renamed = await cast.admin.put(`/api/v1/people/${mohamed.id}`, {
      version: mohamed.version,
      displayName: "Directeur Westerkwartier",
      roles: mohamed.roles,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    try {
      const byDisplayName = ok<{ items: { title: string }[] }>(
        await cast.admin.get("/api/v1/trajectories?search=westerkwartier"),
      );
      expect(byDisplayName.items.map((i) => i.title)).toContain("Weergavenaam");
      const byAccountName = ok<{ items: { title: string }[] }>(
        await cast.admin.get("/api/v1/trajectories?search=bouali"),
      );
      expect(byAccountName.items.map((i) => i.title)).not.toContain("Weergavenaam");
    } finally {
      await cast.admin.put(`/api/v1/people/${mohamed.id}`, {
        version: renamed.json().version,
        displayName: null,
        roles: mohamed.roles,
      });
    }
  });

  it("refuses a trainee without the trainee role, at the field", async () => {
    const candidates = ok<{ guides: { id: string }[] }>(await cast.director.get("/api/v1/trajectories/candidates"));
    const response = await cast.director.post("/api/v1/trajectories", {
      regimeKey: "werkbegeleiding_leerkracht",
      title: "Verkeerde rol",
      traineeId: candidates.guides[0]?.id,
      guideIds: [candidates.guides[0]?.id],
      startsOn: day(0),
      endsOn: day(30),
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors.traineeId).toMatch(/rol/);
  });

  it("is not for a teacher to start", async () => {
    const response = await cast.teacher.post("/api/v1/trajectories", {
      regimeKey: "coaching",
      title: "Mijn eigen traject",
      traineeId: "00000000-0000-4000-8000-000000000000",
      guideIds: ["00000000-0000-4000-8000-000000000000"],
      startsOn: day(0),
      endsOn: day(30),
    });
    expect(response.statusCode).toBe(403);
    expect((await cast.teacher.get("/api/v1/trajectories/candidates")).statusCode).toBe(403);
  });
});

describe("intake, consent and goals", () => {
  it("moves to agreed only after the intake is written and the teacher consented to every item", async () => {
    const draft = await createTeacherTrajectory(cast, { until: "draft", title: "Intake" });
    const blocked = await cast.adviser.post(url(draft.id, "/transitions"), { transition: "agree" });
    expect(blocked.statusCode).toBe(422);
    const texts = blocked
      .json()
      .blockers.map((b: { text: string }) => b.text)
      .join(" ");
    expect(texts).toMatch(/intake is nog niet compleet/);
    expect(texts).toMatch(/7 open/);

    // Nobody consents for the teacher.
    expect((await cast.adviser.post(url(draft.id, "/consents"), { consents: ["visits"] })).statusCode).toBe(403);
    const consented = ok<TrajectoryDetail>(
      await cast.teacher.post(url(draft.id, "/consents"), { consents: ["visits", "self_assessment"] }),
    );
    expect(Object.keys(consented.consents).sort()).toEqual(["self_assessment", "visits"]);
    expect(consented.consents.visits?.given).toBe(true);
  });

  it("allows 15 goals and refuses the 16th with a message that says so", async () => {
    const detail = await createTeacherTrajectory(cast, { until: "agreed", title: "Vijftien doelen" });
    for (let i = 1; i <= 15; i++)
      ok(
        await cast.adviser.post(url(detail.id, "/goals"), {
          title: `Doel ${i}`,
          rationale: "necessity",
          successCriteria: "Zichtbaar in de les",
        }),
        201,
      );
    const sixteenth = await cast.adviser.post(url(detail.id, "/goals"), {
      title: "Doel 16",
      rationale: "wish",
      successCriteria: "Zichtbaar",
    });
    expect(sixteenth.statusCode).toBe(422);
    expect(sixteenth.json().errors.title).toBe(
      "Er mogen hoogstens 15 doelen op de lijst staan. Voeg doelen samen of haal er een weg.",
    );
    const after = ok<TrajectoryDetail>(await cast.adviser.get(url(detail.id)));
    expect(after.goals).toHaveLength(15);
  });

  it("asks for rationale and success criteria where the regime demands them", async () => {
    const detail = await createTeacherTrajectory(cast, { until: "agreed", title: "Verplichte velden" });
    const response = await cast.adviser.post(url(detail.id, "/goals"), { title: "Zonder onderbouwing" });
    expect(response.statusCode).toBe(422);
    expect(Object.keys(response.json().errors).sort()).toEqual(["rationale", "successCriteria"]);
  });

  it("needs the director's approval again after a change, and keeps both approved versions", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Goedkeuring" });
    expect(running.status).toBe("running");
    expect(running.goalList.state).toBe("approved");
    const goal = running.goals?.[0];
    if (!goal) throw new Error("no goal");
    const changed = ok<TrajectoryDetail>(
      await cast.adviser.put(`/api/v1/goals/${goal.id}`, {
        version: goal.version,
        title: "Doel 1, scherper: de leerkracht start elke les met een leswissel",
        rationale: goal.rationale,
        successCriteria: goal.successCriteria,
      }),
    );
    expect(changed.goalList.state).toBe("changed");
    expect(changed.goalList.unapprovedGoalIds).toEqual([goal.id]);
    expect((await cast.teacher.post(url(running.id, "/goals/approve"), {})).statusCode).toBe(403);
    const directorView = ok<TrajectoryDetail>(await cast.director.get(url(running.id)));
    expect(directorView.due.map((d) => d.kind)).toContain("approveGoals");
    const approved = ok<TrajectoryDetail>(await cast.director.post(url(running.id, "/goals/approve"), {}));
    expect(approved.goalList.state).toBe("approved");
    expect(approved.goalList.versions.map((v) => v.goals[0]?.title)).toEqual([
      goal.title,
      "Doel 1, scherper: de leerkracht start elke les met een leswissel",
    ]);
    expect(approved.goalList.versions[1]?.approvedBy).toBe("Mohamed Bouali");
  });
});

describe("meetings", () => {
  it("keeps an unannounced visit out of the teacher's sight and calendar until it is held", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Onaangekondigd" });
    const announced = await planMeeting(running.id, "classroom_visit", 3);
    // Yesterday's visit, not yet recorded: a meeting is recorded as held only after its start.
    const surprise = await planMeeting(running.id, "classroom_visit", -1, { unannounced: true });

    const teacherView = ok<TrajectoryDetail>(await cast.teacher.get(url(running.id)));
    expect(teacherView.meetings?.map((m) => m.id)).toEqual([announced.id]);
    expect((await cast.teacher.get(`/api/v1/meetings/${surprise.id}`)).statusCode).toBe(404);
    const adviserView = ok<TrajectoryDetail>(await cast.adviser.get(url(running.id)));
    expect(adviserView.meetings?.map((m) => m.id)).toEqual([surprise.id, announced.id]);

    const { url: feed } = ok<{ url: string }>(await cast.teacher.post("/api/v1/calendar/renew", {}));
    const path = new URL(feed).pathname;
    const calendar = await (await t.anonymous()).get(path);
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers["content-type"]).toContain("text/calendar");
    expect(calendar.body).toContain(`${announced.id}@koers`);
    expect(calendar.body).not.toContain(surprise.id);

    await hold(surprise);
    const after = ok<TrajectoryDetail>(await cast.teacher.get(url(running.id)));
    expect(after.meetings?.map((m) => m.id)).toContain(surprise.id);

    // Deadlines are in the feed too: an evaluation moment the adviser plans.
    const current = ok<TrajectoryDetail>(await cast.adviser.get(url(running.id)));
    ok(
      await cast.adviser.put(url(running.id, "/plan"), {
        version: current.version,
        plan: current.plan,
        intensity: current.intensity,
        evaluationMoments: [{ date: day(20), label: "Tussenevaluatie met de directeur" }],
      }),
    );
    const withDeadline = await (await t.anonymous()).get(path);
    expect(withDeadline.body).toContain("Evaluatiemoment: Tussenevaluatie met de directeur");
    expect(withDeadline.body).toContain(`DTSTART;VALUE=DATE:${day(20).replaceAll("-", "")}`);
    const director = ok<{ items: { kind: string; text?: string }[] }>(await cast.director.get("/api/v1/due"));
    expect(director.items).toContainEqual(
      expect.objectContaining({ kind: "evaluation", text: "Tussenevaluatie met de directeur" }),
    );

    // The owner is shown the same address again, as often as asked, without it changing.
    const again = () => cast.teacher.get("/api/v1/calendar/address");
    expect(ok<{ url: string }>(await again()).url).toBe(feed);
    expect(ok<{ url: string }>(await again()).url).toBe(feed);
    expect(ok<{ showable: boolean }>(await cast.teacher.get("/api/v1/calendar")).showable).toBe(true);
    expect((await (await t.anonymous()).get(path)).statusCode).toBe(200);
    // Nobody else is shown it: the adviser is asked for their own, which they have not made.
    const other = ok<{ url: string | null }>(await cast.adviser.get("/api/v1/calendar/address"));
    expect(other.url).toBeNull();

    // A renewed address replaces the old one, and is the one shown from then on.
    const renewed = ok<{ url: string }>(await cast.teacher.post("/api/v1/calendar/renew", {}));
    expect((await (await t.anonymous()).get(path)).statusCode).toBe(404);
    expect(renewed.url).not.toBe(feed);
    expect(ok<{ url: string }>(await again()).url).toBe(renewed.url);
  });

  it("lists the next planned meeting as each participant may see it", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Volgende afspraak" });
    const nextOf = async (who: typeof cast.adviser) => {
      const list = ok<{ items: { id: string; nextMeetingAt: string | null }[] }>(
        await who.get("/api/v1/trajectories?search=Volgende afspraak"),
      );
      return list.items.find((i) => i.id === running.id)?.nextMeetingAt;
    };
    expect(await nextOf(cast.adviser)).toBeNull();

    const announced = await planMeeting(running.id, "classroom_visit", 5);
    const surprise = await planMeeting(running.id, "classroom_visit", 2, { unannounced: true });
    // Meetings past their start are no longer the next one, held or not.
    await planMeeting(running.id, "classroom_visit", -1);
    expect(await nextOf(cast.adviser)).toBe(surprise.startsAt);
    // The teacher is not told of the unannounced visit before it happens.
    expect(await nextOf(cast.teacher)).toBe(announced.startsAt);

    // A finished trajectory has no next meeting, whatever was still planned.
    await t.database.db.update(trajectories).set({ closed: true }).where(eq(trajectories.id, running.id));
    expect(await nextOf(cast.adviser)).toBeNull();
  });

  it("refuses to record a visit as held before it starts, so the teacher does not see it early nor is it billed", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Te vroeg gehouden" });
    const surprise = await planMeeting(running.id, "classroom_visit", 3, { unannounced: true });
    const early = await cast.adviser.put(`/api/v1/meetings/${surprise.id}`, {
      version: surprise.version,
      startsAt: surprise.startsAt,
      durationMinutes: surprise.durationMinutes,
      preparationMinutes: 15,
      travelMinutes: 20,
      unannounced: true,
      status: "held",
      location: null,
      notes: null,
      confidential: false,
      observation: null,
    });
    expect(early.statusCode).toBe(422);
    expect(early.headers["content-type"]).toContain("application/problem+json");
    expect(early.json().errors.status).toMatch(/pas als gehouden worden vastgelegd wanneer ze is begonnen/);
    // Nothing changed: still planned, still out of the teacher's sight, not billed.
    expect(ok<MeetingDetail>(await cast.adviser.get(`/api/v1/meetings/${surprise.id}`)).status).toBe("planned");
    expect((await cast.teacher.get(`/api/v1/meetings/${surprise.id}`)).statusCode).toBe(404);
    expect(ok<TrajectoryDetail>(await cast.director.get(url(running.id))).hours?.total).toMatchObject({ meetings: 0 });
    expect((await cast.director.get(url(running.id, "/billing.csv"))).body).not.toContain("Klassenbezoek");

    // Moving a held visit to a day still to come is refused at the date.
    const held = await hold(await planMeeting(running.id, "classroom_visit", -2));
    const moved = await cast.adviser.put(`/api/v1/meetings/${held.id}`, {
      version: held.version,
      startsAt: at(2),
      durationMinutes: held.durationMinutes,
      preparationMinutes: 0,
      travelMinutes: 0,
      unannounced: false,
      status: "held",
      location: null,
      notes: null,
      confidential: false,
      observation: null,
    });
    expect(moved.statusCode).toBe(422);
    expect(Object.keys(moved.json().errors)).toEqual(["startsAt"]);
    // A few minutes before the start is close enough for clocks that differ.
    const soon = ok<MeetingDetail>(
      await cast.adviser.post(url(running.id, "/meetings"), {
        type: "classroom_visit",
        startsAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      }),
      201,
    );
    expect((await hold(soon)).status).toBe("held");
  });

  it("lets the admin move a meeting, but leaves the record of what happened to the adviser", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Beheerder verplaatst" });
    const visit = await planMeeting(running.id, "classroom_visit", 4);
    const moved = ok<MeetingDetail>(
      await cast.admin.put(`/api/v1/meetings/${visit.id}`, {
        version: visit.version,
        startsAt: at(6),
        durationMinutes: visit.durationMinutes,
        preparationMinutes: 0,
        travelMinutes: 0,
        unannounced: false,
        status: "planned",
        location: "Lokaal 12",
        notes: null,
        confidential: false,
        observation: null,
      }),
    );
    expect(moved.startsAt).toBe(at(6));
    for (const change of [{ status: "held" }, { notes: "Gezien door de beheerder" }]) {
      const refused = await cast.admin.put(`/api/v1/meetings/${visit.id}`, {
        version: moved.version,
        startsAt: moved.startsAt,
        durationMinutes: moved.durationMinutes,
        preparationMinutes: 0,
        travelMinutes: 0,
        unannounced: false,
        status: "planned",
        location: "Lokaal 12",
        notes: null,
        confidential: false,
        observation: null,
        ...change,
      });
      expect(refused.statusCode).toBe(403);
    }
  });

  it("refuses an unannounced intake and a date outside the period", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Planning" });
    const intake = await cast.adviser.post(url(running.id, "/meetings"), {
      type: "intake",
      startsAt: at(1),
      unannounced: true,
    });
    expect(intake.statusCode).toBe(422);
    expect(intake.json().errors.unannounced).toBeTruthy();
    const late = await cast.adviser.post(url(running.id, "/meetings"), { type: "classroom_visit", startsAt: at(400) });
    expect(late.statusCode).toBe(422);
    expect(late.json().errors.startsAt).toMatch(/buiten de periode/);
  });

  it("places a meeting in the period by its Dutch day: just after midnight on the first day is inside", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Middernacht" });
    const [first, last] = [running.startsOn, running.endsOn];
    // 00:30 Dutch time on the first day is the evening before in UTC.
    const early = dutchInstant(first, "00:30") as string;
    expect(early.slice(0, 10)).not.toBe(first);
    const made = ok<MeetingDetail>(
      await cast.adviser.post(url(running.id, "/meetings"), { type: "classroom_visit", startsAt: early }),
      201,
    );
    expect(made.startsAt).toBe(new Date(early).toISOString());
    // Late on the last day is inside too; a minute before the first day and just after the last are not.
    for (const [startsAt, status] of [
      [dutchInstant(last, "23:30"), 201],
      [dutchInstant(addDays(first, -1), "23:59"), 422],
      [dutchInstant(addDays(last, 1), "00:30"), 422],
    ] as const) {
      const response = await cast.adviser.post(url(running.id, "/meetings"), { type: "evaluation", startsAt });
      expect(response.statusCode, String(startsAt)).toBe(status);
    }
    // A series planned at 00:15 from the first day on starts on that day.
    const series = await cast.adviser.post(url(running.id, "/meetings/schedule"), {
      type: "evaluation",
      dates: [first],
      time: "00:15",
    });
    expect(series.statusCode).toBe(200);
    // Moving a meeting to the first minutes of the first day is inside as well.
    const moved = await cast.adviser.put(`/api/v1/meetings/${made.id}`, {
      version: made.version,
      startsAt: dutchInstant(first, "00:00"),
      durationMinutes: made.durationMinutes,
      preparationMinutes: 0,
      travelMinutes: 0,
      unannounced: false,
      status: "planned",
      location: null,
      notes: null,
      confidential: false,
      observation: null,
    });
    expect(moved.statusCode).toBe(200);
  });

  it("records observation scores on the form's scale", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Observatie" });
    const visit = await planMeeting(running.id, "diagnosis_visit", -2);
    const bad = await cast.adviser.put(`/api/v1/meetings/${visit.id}`, {
      version: visit.version,
      startsAt: visit.startsAt,
      durationMinutes: 60,
      preparationMinutes: 0,
      travelMinutes: 0,
      unannounced: false,
      status: "held",
      location: null,
      notes: null,
      confidential: false,
      observation: { lesson_change: { score: 5, note: null } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors["observation.lesson_change.score"]).toMatch(/1 tot en met 4/);
    const held = await hold(visit, { observation: { lesson_change: { score: 2, note: "Rommelige overgang" } } });
    expect(held.status).toBe("held");
    expect(held.observation?.lesson_change?.score).toBe(2);
  });

  it("hides notes marked confidential from the director, not from the teacher", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Vertrouwelijk" });
    const visit = await planMeeting(running.id, "classroom_visit", -1);
    await hold(visit, { notes: "Persoonlijke omstandigheden besproken", confidential: true });
    const director = ok<MeetingDetail>(await cast.director.get(`/api/v1/meetings/${visit.id}`));
    expect(director.notes).toBeNull();
    expect(director.notesHidden).toBe(true);
    expect(JSON.stringify(director)).not.toContain("Persoonlijke omstandigheden");
    const teacher = ok<MeetingDetail>(await cast.teacher.get(`/api/v1/meetings/${visit.id}`));
    expect(teacher.notes).toBe("Persoonlijke omstandigheden besproken");
  });
});

describe("feedback and self-assessment", () => {
  it("keeps shared feedback as it was: a correction is a new version, and the teacher marks each seen", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Feedback" });
    const goals = running.goals ?? [];
    // Yesterday's conversation, recorded as held at the end: a meeting is held only after its start.
    const conversation = await planMeeting(running.id, "feedback_conversation", -1);

    const teacherHome = ok<{ items: { kind: string; meetingId?: string }[] }>(await cast.teacher.get("/api/v1/due"));
    expect(teacherHome.items).toContainEqual(
      expect.objectContaining({ kind: "selfAssessment", meetingId: conversation.id }),
    );
    const assessed = ok<MeetingDetail>(
      await cast.teacher.put(`/api/v1/meetings/${conversation.id}/self-assessment`, {
        version: null,
        content: { goals: goals.map((g) => ({ goalId: g.id, rating: 2, note: "Gaat beter" })) },
      }),
    );
    expect(assessed.selfAssessment?.content.goals).toHaveLength(goals.length);

    const content = {
      summary: "Goed gesprek",
      goals: goals.map((g) => ({
        goalId: g.id,
        rating: 3,
        reflection: "Ik zie het",
        instructions: "Start met de leswissel",
      })),
      agreements: [{ text: "Dagplanning op het bord", dueOn: day(7) }],
    };
    const draft = ok<MeetingDetail>(
      await cast.adviser.put(`/api/v1/meetings/${conversation.id}/feedback`, { version: null, content }),
    );
    // A draft is the adviser's: the teacher does not see it yet.
    expect(ok<MeetingDetail>(await cast.teacher.get(`/api/v1/meetings/${conversation.id}`)).feedback).toEqual([]);
    const first = draft.feedback?.[0];
    if (!first) throw new Error("no draft");
    const shared = ok<MeetingDetail>(
      await cast.adviser.post(`/api/v1/meetings/${conversation.id}/feedback/share`, { version: first.version }),
    );
    expect(shared.feedback?.[0]?.sharedAt).not.toBeNull();

    // The shared record is not edited in place, not by the API and not in the database.
    const edit = await cast.adviser.put(`/api/v1/meetings/${conversation.id}/feedback`, {
      version: first.version,
      content,
    });
    expect(edit.statusCode).toBe(409);
    await expect(
      t.database.db.execute(sql`update feedback_records set content = '{}' where id = ${first.id}`),
    ).rejects.toThrow();

    const withoutReason = await cast.adviser.put(`/api/v1/meetings/${conversation.id}/feedback`, {
      version: null,
      content,
    });
    expect(withoutReason.statusCode).toBe(422);
    expect(withoutReason.json().errors.correctionReason).toBeTruthy();
    const corrected = ok<MeetingDetail>(
      await cast.adviser.put(`/api/v1/meetings/${conversation.id}/feedback`, {
        version: null,
        content: { ...content, summary: "Goed gesprek; afspraak verduidelijkt" },
        correctionReason: "Afspraak was onduidelijk",
      }),
    );
    const second = corrected.feedback?.[0];
    ok(await cast.adviser.post(`/api/v1/meetings/${conversation.id}/feedback/share`, { version: second?.version }));

    const teacherView = ok<MeetingDetail>(await cast.teacher.get(`/api/v1/meetings/${conversation.id}`));
    expect(teacherView.feedback?.map((f) => [f.number, f.content.summary, f.correctionReason])).toEqual([
      [2, "Goed gesprek; afspraak verduidelijkt", "Afspraak was onduidelijk"],
      [1, "Goed gesprek", null],
    ]);
    for (const record of teacherView.feedback ?? [])
      ok(await cast.teacher.post(`/api/v1/feedback/${record.id}/seen`, {}));
    const seen = ok<MeetingDetail>(await cast.teacher.get(`/api/v1/meetings/${conversation.id}`));
    expect(seen.feedback?.every((f) => f.seenAt !== null)).toBe(true);
    expect((await cast.adviser.post(`/api/v1/feedback/${first.id}/seen`, {})).statusCode).toBe(403);

    // Once held, the self-assessment is fixed.
    await hold(seen);
    const late = await cast.teacher.put(`/api/v1/meetings/${conversation.id}/self-assessment`, {
      version: assessed.selfAssessment?.version,
      content: { goals: [] },
    });
    expect(late.statusCode).toBe(409);

    const detail = ok<TrajectoryDetail>(await cast.adviser.get(url(running.id)));
    const series = detail.ratings?.find((r) => r.goalId === goals[0]?.id);
    expect(series?.points).toEqual([expect.objectContaining({ meetingId: conversation.id, guide: 3, self: 2 })]);
  });

  it("refuses a rating outside the regime's scale", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Schaal" });
    const conversation = await planMeeting(running.id, "feedback_conversation", 1);
    const response = await cast.adviser.put(`/api/v1/meetings/${conversation.id}/feedback`, {
      version: null,
      content: {
        summary: null,
        goals: [{ goalId: running.goals?.[0]?.id, rating: 9, reflection: null, instructions: null }],
        agreements: [],
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors["content.goals.0.rating"]).toMatch(/1 tot en met 4/);
  });
});

describe("status, report and outcomes", () => {
  it("needs the minimum of visits to report, or an override with a written reason kept in the audit trail", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Minimum" });
    const blocked = await cast.adviser.post(url(running.id, "/transitions"), { transition: "report" });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().overridable).toBe(true);
    expect(blocked.json().blockers.map((b: { text: string }) => b.text)).toContain(
      "Er zijn minstens 3 × klassenbezoek nodig; er zijn er 0 gehouden.",
    );
    const withoutReason = await cast.adviser.post(url(running.id, "/transitions"), {
      transition: "report",
      override: true,
    });
    expect(withoutReason.statusCode).toBe(422);
    const reporting = ok<TrajectoryDetail>(
      await cast.adviser.post(url(running.id, "/transitions"), {
        transition: "report",
        override: true,
        reason: "Leerkracht langdurig ziek; opdrachtgever akkoord met eerder rapporteren",
      }),
    );
    expect(reporting.status).toBe("reporting");
    const [entry] = await queryRows<{ after: { override?: boolean; reason?: string } }>(
      t.database.db,
      sql`select after from audit_events where subject_id = ${running.id} and type = 'trajectory.statusChanged' order by id desc limit 1`,
    );
    expect(entry?.after).toMatchObject({ override: true, reason: expect.stringMatching(/langdurig ziek/) });
  });

  it("neither reports, finalises the report nor completes while goal changes wait for the director's approval", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Ongekeurde doelen" });
    const goal = running.goals?.[0];
    if (!goal) throw new Error("no goal");
    ok(
      await cast.adviser.put(`/api/v1/goals/${goal.id}`, {
        version: goal.version,
        title: "Een doel dat de directeur nog niet zag",
        rationale: goal.rationale,
        successCriteria: goal.successCriteria,
      }),
    );
    const refusal = "Eén doel is toegevoegd of gewijzigd sinds de opdrachtgever de doelenlijst goedkeurde.";
    // Even with an override of the visits: approving the goals is the director's, not the adviser's.
    const blocked = await cast.adviser.post(url(running.id, "/transitions"), {
      transition: "report",
      override: true,
      reason: "Rapporteren voor de test",
    });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.headers["content-type"]).toContain("application/problem+json");
    expect(blocked.json().overridable).toBe(false);
    expect(blocked.json().blockers).toEqual([
      expect.objectContaining({ code: "goalChangesNotApproved", text: expect.stringContaining(refusal) }),
    ]);
    expect(blocked.json().detail).toContain(refusal);
    // The page says the same before anyone tries.
    const page = ok<TrajectoryDetail>(await cast.adviser.get(url(running.id)));
    expect(page.transitions.find((tr) => tr.key === "report")?.blockers.map((b) => b.text)).toContainEqual(
      expect.stringContaining(refusal),
    );

    // Approved: the report may start. A goal added while reporting holds up finalising and completing.
    ok(await cast.director.post(url(running.id, "/goals/approve"), {}));
    ok(
      await cast.adviser.post(url(running.id, "/transitions"), {
        transition: "report",
        override: true,
        reason: "Rapporteren voor de test",
      }),
    );
    ok(
      await cast.adviser.post(url(running.id, "/goals"), {
        title: "Nog een doel tijdens de verslaglegging",
        rationale: "wish",
        successCriteria: "Zichtbaar in de les",
      }),
      201,
    );
    const draft = ok<ReportView>(await cast.adviser.get(url(running.id, "/report")));
    const finalise = await cast.adviser.post(url(running.id, "/report/finalise"), { version: draft.version });
    expect(finalise.statusCode).toBe(422);
    expect(finalise.json().title).toMatch(/pas definitief als de opdrachtgever de doelenlijst/);
    expect(finalise.json().detail).toContain(refusal);
    expect(ok<ReportView>(await cast.adviser.get(url(running.id, "/report"))).status).toBe("draft");
    ok(await cast.director.post(url(running.id, "/goals/approve"), {}));
    ok(await cast.adviser.post(url(running.id, "/report/finalise"), { version: draft.version }));

    // Changed again after the report was final: completing waits for the approval too.
    const current = ok<TrajectoryDetail>(await cast.adviser.get(url(running.id)));
    const last = current.goals?.at(-1);
    ok(await cast.adviser.delete(`/api/v1/goals/${last?.id}`));
    const complete = await cast.adviser.post(url(running.id, "/transitions"), { transition: "complete" });
    expect(complete.statusCode).toBe(422);
    expect(complete.json().blockers.map((b: { code: string }) => b.code)).toEqual(["goalChangesNotApproved"]);
    ok(await cast.director.post(url(running.id, "/goals/approve"), {}));
    expect(
      ok<TrajectoryDetail>(await cast.adviser.post(url(running.id, "/transitions"), { transition: "complete" })).status,
    ).toBe("completed");
  });

  it("drafts the final report from the data, freezes it when final, and shares it as a branded PDF", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Eindrapport", goals: 2 });
    const goals = running.goals ?? [];
    for (const offset of [-20, -13, -6]) {
      const visit = await planMeeting(running.id, "classroom_visit", offset);
      await hold(visit);
      const talk = await planMeeting(running.id, "feedback_conversation", offset + 1);
      ok(
        await cast.adviser.put(`/api/v1/meetings/${talk.id}/feedback`, {
          version: null,
          content: {
            summary: null,
            goals: goals.map((g) => ({
              goalId: g.id,
              rating: offset === -6 ? 4 : 2,
              reflection: null,
              instructions: null,
            })),
            agreements: [],
          },
        }),
      );
      const withDraft = ok<MeetingDetail>(await cast.adviser.get(`/api/v1/meetings/${talk.id}`));
      ok(
        await cast.adviser.post(`/api/v1/meetings/${talk.id}/feedback/share`, {
          version: withDraft.feedback?.[0]?.version,
        }),
      );
      await hold(ok<MeetingDetail>(await cast.adviser.get(`/api/v1/meetings/${talk.id}`)));
    }
    for (const type of ["intake", "diagnosis_visit"]) await hold(await planMeeting(running.id, type, -40));
    ok(await cast.adviser.post(url(running.id, "/transitions"), { transition: "report" }));

    // Before it is final, only the adviser sees the report.
    expect((await cast.teacher.get(url(running.id, "/report"))).statusCode).toBe(404);
    const draft = ok<ReportView>(await cast.adviser.get(url(running.id, "/report")));
    expect(draft.sections.results).toContain(goals[0]?.title);
    expect(draft.sections.results).toMatch(/Laatste beoordeling: 4 \/ 4 \(Overwegend sterk\)/);
    expect(draft.sections.process).toMatch(/Klassenbezoek/);
    // Reading the draft stores nothing: it is written from the data until the adviser saves it.
    const stored = async () =>
      t.database.db.select().from(finalReports).where(eq(finalReports.trajectoryId, running.id));
    expect(await stored()).toEqual([]);

    const saved = ok<ReportView>(
      await cast.adviser.put(url(running.id, "/report"), {
        version: draft.version,
        sections: { ...draft.sections, next_steps: "Geen vervolgstappen nodig; borgen in het team." },
      }),
    );
    expect(saved.version).toBe(draft.version + 1);
    expect((await stored()).map((r) => r.sections.next_steps)).toEqual([
      "Geen vervolgstappen nodig; borgen in het team.",
    ]);
    // Someone else who also started from the generated draft is told, not silently overwritten.
    const late = await cast.adviser.put(url(running.id, "/report"), { version: draft.version, sections: {} });
    expect(late.statusCode).toBe(409);
    const blockedComplete = await cast.adviser.post(url(running.id, "/transitions"), { transition: "complete" });
    expect(blockedComplete.json().blockers[0].text).toBe("Het eindverslag is nog niet definitief.");
    const final = ok<ReportView>(
      await cast.adviser.post(url(running.id, "/report/finalise"), { version: saved.version }),
    );
    expect(final.status).toBe("final");
    expect(final.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(
      (await cast.adviser.put(url(running.id, "/report"), { version: final.version, sections: {} })).statusCode,
    ).toBe(409);

    const completed = ok<TrajectoryDetail>(
      await cast.adviser.post(url(running.id, "/transitions"), { transition: "complete" }),
    );
    expect(completed.status).toBe("completed");

    for (const reader of [cast.teacher, cast.director]) {
      const pdf = await reader.get(url(running.id, "/report.pdf"));
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      const text = await pdfText(pdf.rawPayload);
      expect(text).toContain("Onderwijsstichting Rivierenland");
      expect(text).toContain(goals[0]?.title ?? "?");
      expect(text).toContain("Geen vervolgstappen nodig");
      expect(text).not.toContain("CONCEPT");
    }
    // Closed: nothing changes any more.
    expect((await cast.adviser.post(url(running.id, "/goals"), { title: "Nog een" })).statusCode).toBe(409);
  });

  it("bills only the meetings and hours used when a trajectory is aborted", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Afgebroken traject" });
    await hold(await planMeeting(running.id, "classroom_visit", -3), { durationMinutes: 50 });
    await planMeeting(running.id, "classroom_visit", 10);
    const noReason = await cast.director.post(url(running.id, "/transitions"), { transition: "abort" });
    expect(noReason.json().blockers[0].code).toBe("reasonRequired");
    const aborted = ok<TrajectoryDetail>(
      await cast.director.post(url(running.id, "/transitions"), { transition: "abort", reason: "Leerkracht vertrekt" }),
    );
    expect(aborted.status).toBe("aborted");
    expect(aborted.hours?.total).toMatchObject({ meetings: 1, meetingMinutes: 50, totalMinutes: 85 });
    const csv = await cast.director.get(url(running.id, "/billing.csv"));
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("Klassenbezoek");
    expect(csv.body.split("\n").filter((line) => line.includes("Klassenbezoek"))).toHaveLength(1);
    expect(csv.body).toContain("85");
    const pdf = await cast.director.get(url(running.id, "/billing.pdf"));
    expect(await pdfText(pdf.rawPayload)).toContain("1:25");
    // The teacher sees hours, not the bill.
    expect((await cast.teacher.get(url(running.id, "/billing.csv"))).statusCode).toBe(404);
  });

  it("escalates to a guidance-and-assessment trajectory that carries the goals and links back", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Doorzetten", goals: 2 });
    // The course so far: a feedback conversation that rated the first goal 2.
    const talk = await planMeeting(running.id, "feedback_conversation", -5);
    const firstGoal = running.goals?.[0]?.id;
    const drafted = ok<MeetingDetail>(
      await cast.adviser.put(`/api/v1/meetings/${talk.id}/feedback`, {
        version: null,
        content: {
          summary: null,
          goals: [{ goalId: firstGoal, rating: 2, reflection: null, instructions: null }],
          agreements: [],
        },
      }),
    );
    ok(
      await cast.adviser.post(`/api/v1/meetings/${talk.id}/feedback/share`, {
        version: drafted.feedback?.[0]?.version,
      }),
    );
    await hold(ok<MeetingDetail>(await cast.adviser.get(`/api/v1/meetings/${talk.id}`)));
    expect(
      (await cast.adviser.post(url(running.id, "/transitions"), { transition: "escalate", reason: "x" })).statusCode,
    ).toBe(422);
    const escalated = ok<TrajectoryDetail>(
      await cast.director.post(url(running.id, "/transitions"), {
        transition: "escalate",
        reason: "Onvoldoende vorderingen na drie bezoeken",
      }),
    );
    expect(escalated.status).toBe("escalated");
    const next = escalated.escalatedTo;
    if (!next) throw new Error("no follow-up");
    const follow = ok<TrajectoryDetail>(await cast.teacher.get(url(next.id)));
    expect(follow.regime.key).toBe("begeleiding_beoordeling");
    expect(follow.escalatedFrom?.id).toBe(running.id);
    expect(follow.goals?.map((g) => [g.title, g.originGoalId])).toEqual(running.goals?.map((g) => [g.title, g.id]));
    expect(follow.progress.find((p) => p.type === "classroom_visit")?.min).toBe(4);
    // The history comes along: the carried goal's earlier rating, and the earlier meeting in the report.
    const carried = follow.goals?.find((g) => g.originGoalId === firstGoal);
    expect(follow.ratings?.find((r) => r.goalId === carried?.id)?.points).toEqual([
      expect.objectContaining({ meetingId: talk.id, guide: 2 }),
    ]);
    const report = ok<ReportView>(await cast.adviser.get(url(next.id, "/report")));
    expect(report.sections.process).toMatch(/Feedbackgesprek/);
  });
});

describe("visibility", () => {
  it("hides a trajectory from people outside it, except the organisation admin", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Zichtbaarheid" });
    const admin = ok<TrajectoryDetail>(await cast.admin.get(url(running.id)));
    expect(admin.id).toBe(running.id);
    for (const email of ["beheer@delinde.example", "fatima.yilmaz@delinde.example"]) {
      const other = await t.login(email);
      expect((await other.get(url(running.id))).statusCode).toBe(404);
    }
  });
});

describe("the admin manages, the opdrachtgever decides", () => {
  const SECRET = "Vertrouwelijk: de leerkracht twijfelt aan het vak";
  const DRAFT = "Concept: nog niet gedeelde feedback";
  const SELF = "Mijn eigen twijfel bij doel 1";

  /** A running trajectory with a confidential note, a self-assessment and unshared feedback. */
  async function withContent(title: string) {
    const running = await createTeacherTrajectory(cast, { title });
    const visit = await hold(await planMeeting(running.id, "classroom_visit", -3), {
      notes: SECRET,
      confidential: true,
    });
    const talk = await planMeeting(running.id, "feedback_conversation", -2);
    const goals = running.goals ?? [];
    ok(
      await cast.teacher.put(`/api/v1/meetings/${talk.id}/self-assessment`, {
        version: null,
        content: { goals: goals.map((g) => ({ goalId: g.id, rating: 2, note: SELF })) },
      }),
    );
    ok(
      await cast.adviser.put(`/api/v1/meetings/${talk.id}/feedback`, {
        version: null,
        content: {
          summary: DRAFT,
          goals: goals.map((g) => ({ goalId: g.id, rating: 3, reflection: null, instructions: null })),
          agreements: [],
        },
      }),
    );
    return { running, visit, talk };
  }

  async function expectContentHiddenFromAdmin(visitId: string, talkId: string) {
    const visit = ok<MeetingDetail>(await cast.admin.get(`/api/v1/meetings/${visitId}`));
    expect(visit.notes).toBeNull();
    expect(visit.notesHidden).toBe(true);
    const talk = ok<MeetingDetail>(await cast.admin.get(`/api/v1/meetings/${talkId}`));
    expect(talk.feedback).toBeNull();
    expect(talk.selfAssessment).toBeNull();
    for (const body of [JSON.stringify(visit), JSON.stringify(talk)])
      for (const secret of [SECRET, DRAFT, SELF]) expect(body).not.toContain(secret);
  }

  it("keeps confidential notes, draft feedback and self-assessments from the admin, not from those the regime names", async () => {
    const { running, visit, talk } = await withContent("Beheerder leest niet mee");
    await expectContentHiddenFromAdmin(visit.id, talk.id);
    const detail = ok<TrajectoryDetail>(await cast.admin.get(url(running.id)));
    expect(detail.ratings).toBeNull();
    expect(JSON.stringify(detail)).not.toContain(SELF);
    // The adviser reads it all; the teacher the note and their own self-assessment.
    const adviserTalk = ok<MeetingDetail>(await cast.adviser.get(`/api/v1/meetings/${talk.id}`));
    expect(JSON.stringify(adviserTalk)).toContain(DRAFT);
    expect(JSON.stringify(adviserTalk)).toContain(SELF);
    expect(ok<MeetingDetail>(await cast.teacher.get(`/api/v1/meetings/${visit.id}`)).notes).toBe(SECRET);
    // The admin still manages: plans and moves meetings, keeps the plan.
    expect(detail.abilities).toMatchObject({
      editPlan: true,
      planMeetings: true,
      approveGoals: false,
      writeReport: false,
    });
  });

  it("leaves approving the goals, escalating and aborting to the opdrachtgever", async () => {
    const running = await createTeacherTrajectory(cast, { title: "Opdrachtgever beslist" });
    const goal = running.goals?.[0];
    if (!goal) throw new Error("no goal");
    ok(
      await cast.adviser.put(`/api/v1/goals/${goal.id}`, {
        version: goal.version,
        title: "Doel 1, aangescherpt",
        rationale: goal.rationale,
        successCriteria: goal.successCriteria,
      }),
    );
    const adminView = ok<TrajectoryDetail>(await cast.admin.get(url(running.id)));
    expect(adminView.abilities.approveGoals).toBe(false);
    expect(adminView.transitions.map((tr) => tr.key)).not.toContain("escalate");
    expect(adminView.transitions.map((tr) => tr.key)).not.toContain("abort");
    expect((await cast.admin.post(url(running.id, "/goals/approve"), {})).statusCode).toBe(403);
    for (const transition of ["abort", "escalate"]) {
      const refused = await cast.admin.post(url(running.id, "/transitions"), {
        transition,
        reason: "Namens de directeur",
      });
      expect(refused.statusCode, transition).toBe(422);
      expect(refused.json().blockers.map((b: { code: string }) => b.code)).toEqual(["notYourStep"]);
    }
    expect(ok<TrajectoryDetail>(await cast.admin.get(url(running.id))).status).toBe("running");

    const directorView = ok<TrajectoryDetail>(await cast.director.get(url(running.id)));
    expect(directorView.abilities.approveGoals).toBe(true);
    expect(directorView.transitions.map((tr) => tr.key)).toEqual(["escalate", "abort"]);
    expect(ok<TrajectoryDetail>(await cast.director.post(url(running.id, "/goals/approve"), {})).goalList.state).toBe(
      "approved",
    );
    const escalated = ok<TrajectoryDetail>(
      await cast.director.post(url(running.id, "/transitions"), {
        transition: "escalate",
        reason: "Te weinig voortgang",
      }),
    );
    expect(escalated.status).toBe("escalated");
  });

  it("gives a trajectory running on a regime stored before these rights the same limits", async () => {
    const { running, visit, talk } = await withContent("Oude regeling");
    // The regime as it was stored then: no admin section, the admin in every status change, and
    // no approved goal list asked to report or complete.
    const { admin: _, ...current } = running.regime;
    const old = {
      ...current,
      adminSees: null,
      transitions: current.transitions.map((tr) => ({
        ...tr,
        by: tr.by.includes("admin") ? tr.by : [...tr.by, "admin"],
        guards: tr.guards.filter((g) => g.kind !== "goalsApproved" || tr.key === "start"),
      })),
    };
    const hash = `legacy-${running.id}`;
    await t.database.db.insert(regimeVersions).values({ organisationId: t.orgs.rivier, hash, document: old as never });
    await t.database.db.update(trajectories).set({ regimeHash: hash }).where(eq(trajectories.id, running.id));

    await expectContentHiddenFromAdmin(visit.id, talk.id);
    const adminView = ok<TrajectoryDetail>(await cast.admin.get(url(running.id)));
    expect(adminView.regime.admin.sees).not.toContain("confidentialNotes");
    expect(adminView.abilities.approveGoals).toBe(false);
    expect(adminView.transitions.map((tr) => tr.key)).toEqual(["report"]);
    const refused = await cast.admin.post(url(running.id, "/transitions"), { transition: "escalate", reason: "Oud" });
    expect(refused.json().blockers.map((b: { code: string }) => b.code)).toEqual(["notYourStep"]);
    // And the goal list as approved is asked to report, as on the current regime.
    const goal = running.goals?.[0];
    ok(
      await cast.adviser.put(`/api/v1/goals/${goal?.id}`, {
        version: goal?.version,
        title: "Gewijzigd onder de oude regeling",
        rationale: goal?.rationale,
        successCriteria: goal?.successCriteria,
      }),
    );
    const report = await cast.adviser.post(url(running.id, "/transitions"), {
      transition: "report",
      override: true,
      reason: "Toch rapporteren",
    });
    expect(report.json().blockers.map((b: { code: string }) => b.code)).toEqual(["goalChangesNotApproved"]);
  });
});

describe("regimes", () => {
  it("lets the admin copy a regime and change its numbers; new trajectories follow the copy, running ones keep theirs", async () => {
    const before = await createTeacherTrajectory(cast, { title: "Oude regels" });
    const copy = ok<{ id: string; key: string; version: number; document: TrajectoryDetail["regime"] }>(
      await cast.admin.post("/api/v1/regimes", {
        basedOn: "werkbegeleiding_leerkracht",
        name: "Werkbegeleiding 6 bezoeken",
      }),
      201,
    );
    const document = {
      ...copy.document,
      meetingTypes: copy.document.meetingTypes.map((m) => (m.key === "classroom_visit" ? { ...m, min: 6, max: 8 } : m)),
    };
    const bad = await cast.admin.put(`/api/v1/regimes/${copy.id}`, {
      version: copy.version,
      document: {
        ...document,
        meetingTypes: document.meetingTypes.map((m) => (m.key === "intake" ? { ...m, min: 2 } : m)),
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors["document.meetingTypes.0.max"]).toBe("Het maximum mag niet lager zijn dan het minimum.");
    ok(await cast.admin.put(`/api/v1/regimes/${copy.id}`, { version: copy.version, document }));
    expect((await cast.director.put(`/api/v1/regimes/${copy.id}`, { version: 2, document })).statusCode).toBe(403);

    const { detail: created } = await startTrajectory(cast.director, {
      organisation: "rivier",
      regime: copy.key,
      title: "Nieuwe regels",
      startsOn: day(0),
      endsOn: day(90),
    });
    expect(created.progress.find((p) => p.type === "classroom_visit")?.min).toBe(6);
    const old = ok<TrajectoryDetail>(await cast.admin.get(url(before.id)));
    expect(old.progress.find((p) => p.type === "classroom_visit")?.min).toBe(3);
  });
});
