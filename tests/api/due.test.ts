import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations, trajectories, trajectoryParticipants, users } from "../../src/db/schema.js";
import type { DueItemView } from "../../src/domain/trajectories/api.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { at, createTrajectory, day, expectStatus, signIn } from "../support/factories.js";

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
});
