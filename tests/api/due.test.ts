import { eq, getTableName, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/connection.js";
import { organisations, trajectories, trajectoryParticipants, users } from "../../src/db/schema.js";
import type { DueItemView } from "../../src/domain/trajectories/api.js";
import { DUE_PART_TABLES, KEPT_FOR_MS, keptDueParts } from "../../src/server/trajectories/load-due.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { at, createTrajectory, day, expectStatus, holdMeeting, signIn } from "../support/factories.js";

/**
 * The home page's to-do list reads the trajectories more narrowly than their page does
 * (`loadDueSources`: no texts, only the facts the to-do rules use). Both must come to the same
 * list: for everyone taking part in the demo's open trajectories, what `/due` lists for a
 * trajectory is exactly what that trajectory's page shows as due for them.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_LIMIT_PER_ADDRESS: "1000" });
  // More kinds of to-do than the demo has at hand: a trajectory just started (consent, intake),
  // and one with goals the opdrachtgever has not approved and a meeting past its time.
  await createTrajectory(t, { title: "Net begonnen" });
  await createTrajectory(t, {
    title: "Doelen wachten",
    startsOn: day(-30),
    goals: 2,
    meetings: [{ startsAt: at(-2) }],
  });
});
afterAll(() => t.close());

describe("what is due", () => {
  it("is the same on the home page as on each trajectory's page, for everyone taking part", async () => {
    const taking = await t.database.db
      .selectDistinct({ email: users.email, trajectoryId: trajectories.id, slug: organisations.slug })
      .from(trajectoryParticipants)
      .innerJoin(users, eq(users.id, trajectoryParticipants.userId))
      .innerJoin(trajectories, eq(trajectories.id, trajectoryParticipants.trajectoryId))
      .innerJoin(organisations, eq(organisations.id, trajectories.organisationId))
      .where(eq(trajectories.closed, false));
    const people = [...new Set(taking.map((p) => `${p.slug} ${p.email}`))];
    expect(people.length).toBeGreaterThan(10);

    const organisationOf: Record<string, keyof TestApp["orgs"]> = {
      "de-linde": "linde",
      rivierenland: "rivier",
      "de-wilgen": "wilgen",
    };
    const kinds = new Set<string>();
    let compared = 0;
    for (const person of people) {
      const [slug, email] = person.split(" ") as [string, string];
      const organisation = organisationOf[slug];
      if (!organisation) throw new Error(`an organisation the test does not know: ${slug}`);
      const client = await signIn(t, email, organisation);
      const due = expectStatus<{ items: DueItemView[] }>(await client.get("/api/v1/due")).items;
      for (const item of due) kinds.add(item.kind);
      for (const { trajectoryId } of taking.filter((p) => p.email === email && p.slug === slug)) {
        const detail = expectStatus<{ due: DueItemView[] }>(await client.get(`/api/v1/trajectories/${trajectoryId}`));
        expect(
          due.filter((item) => item.trajectoryId === trajectoryId),
          `${email}: ${trajectoryId}`,
        ).toEqual(detail.due);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    // So the comparison has something to compare: ten of the twelve kinds of to-do. Not here: a
    // late declaration (its facts come from one function for both reads, declarationDueFacts)
    // and the final report (of the report, the rules ask only whether it is final).
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        "agreement",
        "approveGoals",
        "consent",
        "evaluation",
        "feedbackUnseen",
        "intake",
        "recordMeeting",
        "selfAssessment",
        "shareFeedback",
        "writeGoals",
      ]),
    );
  });

  it("follows every change to a trajectory's parts, also one made by another process", async () => {
    // The parts of a trajectory the to-do list read are kept for as long as its revision stands
    // (decision 0045). After each change, the home page must list what the trajectory's page
    // (read whole, nothing kept) shows as due, for each person taking part.
    const created = await createTrajectory(t, {
      title: "Bij de tijd",
      startsOn: day(-30),
      goals: 1,
      meetings: [{ type: "feedback_conversation", startsAt: at(-1) }],
    });
    const [meeting] = created.meetings;
    if (!meeting) throw new Error("no meeting");
    const guide = await signIn(t, "sanne.visser@netwerk.example");
    const trainee = await signIn(t, "daan.bakker@delinde.example");
    const commissioner = await signIn(t, "fatima.yilmaz@delinde.example");
    const dueHere = async (client: TestClient) => {
      const due = expectStatus<{ items: DueItemView[] }>(await client.get("/api/v1/due")).items;
      const detail = expectStatus<{ due: DueItemView[] }>(await client.get(created.url));
      const here = due.filter((item) => item.trajectoryId === created.id);
      expect(here).toEqual(detail.due);
      return here.map((item) => item.kind);
    };

    expect(await dueHere(guide)).toContain("recordMeeting");
    expect(await dueHere(trainee)).toContain("selfAssessment");
    expect(await dueHere(commissioner)).toContain("approveGoals");

    // Self-assessments.
    expectStatus(
      await trainee.put(`/api/v1/meetings/${meeting.id}/self-assessment`, {
        version: null,
        content: { goals: created.goalIds.map((goalId) => ({ goalId, rating: 2, note: "Gaat beter" })) },
      }),
    );
    expect(await dueHere(trainee)).not.toContain("selfAssessment");

    // Goal lists, then goals.
    expectStatus(await commissioner.post(`${created.url}/goals/approve`, {}));
    expect(await dueHere(commissioner)).not.toContain("approveGoals");
    expectStatus(
      await guide.post(`${created.url}/goals`, {
        title: "Nog een doel",
        rationale: "necessity",
        successCriteria: "Zichtbaar",
      }),
      201,
    );
    expect(await dueHere(commissioner)).toContain("approveGoals");

    // Meetings.
    const current = expectStatus(await guide.get(`/api/v1/meetings/${meeting.id}`));
    await holdMeeting(guide, current);
    const held = await dueHere(guide);
    expect(held).not.toContain("recordMeeting");
    expect(held).toContain("shareFeedback");

    // Feedback, then who saw it.
    const written = expectStatus(
      await guide.put(`/api/v1/meetings/${meeting.id}/feedback`, {
        version: null,
        content: {
          summary: "Goed gesprek",
          goals: [],
          agreements: [{ text: "Dagplanning op het bord", dueOn: day(7) }],
        },
      }),
    );
    const record = written.feedback?.[0];
    expectStatus(await guide.post(`/api/v1/meetings/${meeting.id}/feedback/share`, { version: record?.version }));
    expect(await dueHere(guide)).not.toContain("shareFeedback");
    expect(await dueHere(trainee)).toEqual(expect.arrayContaining(["feedbackUnseen", "agreement"]));
    expectStatus(await trainee.post(`/api/v1/feedback/${record?.id}/seen`, {}));
    expect(await dueHere(trainee)).not.toContain("feedbackUnseen");

    // Another process (here: straight in the database) takes the mark away again: the revision
    // is the database's, so this process does not answer from what it kept.
    await t.database.db.execute(sql`delete from feedback_seen where feedback_record_id = ${record?.id}`);
    expect(await dueHere(trainee)).toContain("feedbackUnseen");

    // What was read stays in memory an hour at most, whatever happens to it in the database (give
    // or take the clock the cache reads now and then, not at every look).
    const left = keptDueParts(t.database.db).getRemainingTTL(created.id);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(KEPT_FOR_MS + 60_000);
  });

  it("has every table the kept parts come from change the trajectory's revision", async () => {
    const rows = await queryRows<{ table: string; trigger: string }>(
      t.database.db,
      sql`select c.relname as "table", t.tgname as "trigger" from pg_trigger t
        join pg_class c on c.oid = t.tgrelid where not t.tgisinternal and t.tgname like 'revised_on_%'`,
    );
    for (const table of DUE_PART_TABLES.map(getTableName))
      expect(
        rows
          .filter((r) => r.table === table)
          .map((r) => r.trigger)
          .sort(),
        table,
      ).toEqual(["revised_on_delete", "revised_on_insert", "revised_on_update"]);
  });
});
