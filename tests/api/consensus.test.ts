import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, frameworkVotes, networks, notifications, users } from "../../src/db/schema.js";
import type { VersionView } from "../../src/domain/competences/api.js";
import type { ConsensusView } from "../../src/domain/competences/consensus-api.js";
import { sendDueReminders } from "../../src/server/notifications/reminders.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { demoFramework, withoutDemoRound } from "../support/scans.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // These follow a version from its draft: the demo's round in progress is taken away first.
  await withoutDemoRound(t);
});
afterAll(() => t.close());

const COORDINATOR = "sanne.visser@netwerk.example";
const JOOST = "joost.smit@delinde.example";
const INGRID = "ingrid.bos@dewilgen.example";
const YOUSSEF = "beheer@rivierenland.example";

/** A new draft of the network framework, its URLs, and the coordinator's session. */
async function draft() {
  const { framework } = await demoFramework(t);
  const coordinator = await signIn(t, COORDINATOR);
  const version = expectStatus<VersionView>(
    await coordinator.post(`/api/v1/frameworks/${framework.id}/versions`, {}),
    201,
  );
  const base = `/api/v1/frameworks/${framework.id}/versions/${version.id}`;
  return { framework, version, base, coordinator };
}

const statuses = (view: ConsensusView) => Object.fromEntries(view.members.map((m) => [m.name, m.status]));

async function setRule(rule: { kind: "all" } | { kind: "quorum"; min: number }) {
  await t.database.db.update(networks).set({ consensusRule: rule });
}

describe("a consensus round", () => {
  it("runs from a rejection through a change (a new round) and approvals to publication", async () => {
    await setRule({ kind: "all" });
    const { base, coordinator, version } = await draft();
    const ingrid = await signIn(t, INGRID, "wilgen");
    const joost = await signIn(t, JOOST);
    const youssef = await signIn(t, YOUSSEF, "rivier");

    // Not open yet: nobody votes on a draft.
    expect(expectStatus(await ingrid.post(`${base}/votes`, { kind: "approve" }), 404)).toBeTruthy();
    const opened = expectStatus<ConsensusView>(await coordinator.post(`${base}/voting`, {}));
    expect(opened).toMatchObject({
      status: "voting",
      round: 1,
      state: "open",
      policies: { open: false, publish: false },
    });
    expect(Object.values(statuses(opened))).toEqual(["waiting", "waiting", "waiting"]);
    expect(expectStatus(await coordinator.post(`${base}/voting`, {}), 409).code).toBe("consensus.notDraft");

    // A rejection needs a reason, at the field; nothing stored.
    const noReason = expectStatus(await ingrid.post(`${base}/votes`, { kind: "reject" }), 422);
    expect(noReason.errors).toHaveProperty("body");
    const rejected = expectStatus<ConsensusView>(
      await ingrid.post(`${base}/votes`, { kind: "reject", body: "Feedback mist een gedragsindicator" }),
      201,
    );
    expect(rejected.state).toBe("rejected");
    const wilgen = rejected.members.find((m) => m.status === "rejected");
    expect(wilgen).toMatchObject({ reason: "Feedback mist een gedragsindicator" });
    expect(expectStatus(await coordinator.post(`${base}/publish`, {}), 409).code).toBe("consensus.notAgreed");

    // Others approve: still rejected while De Wilgen's rejection stands.
    expectStatus(await joost.post(`${base}/votes`, { kind: "approve" }), 201);
    expectStatus(await youssef.post(`${base}/votes`, { kind: "approve" }), 201);
    const stands = expectStatus<ConsensusView>(await joost.get(`${base}/consensus`));
    expect(stands.state).toBe("rejected");

    // The coordinator changes the text: round 2, earlier votes no longer count.
    const current = expectStatus<VersionView>(await coordinator.get(base));
    const document = structuredClone(current.document);
    const skill = document.competences[0]?.skills[0];
    skill?.behaviours.push({
      key: "vraagt_zelf_feedback_ronde",
      text: { nl: "Vraagt zelf om feedback", en: "Asks for feedback" },
      retired: false,
    });
    expectStatus(await coordinator.put(base, { document, version: current.version }));
    const round2 = expectStatus<ConsensusView>(await ingrid.get(`${base}/consensus`));
    expect(round2).toMatchObject({ round: 2, state: "open" });
    expect(Object.values(statuses(round2))).toEqual(["waiting", "waiting", "waiting"]);
    expect(round2.history[0]?.votes.map((v) => v.kind).sort()).toEqual(["approve", "approve", "reject"]);

    for (const session of [joost, ingrid]) expectStatus(await session.post(`${base}/votes`, { kind: "approve" }), 201);
    expect(expectStatus(await coordinator.post(`${base}/publish`, {}), 409).code).toBe("consensus.notAgreed");
    const agreed = expectStatus<ConsensusView>(await youssef.post(`${base}/votes`, { kind: "approve" }), 201);
    expect(agreed).toMatchObject({ state: "agreed", policies: { vote: true, publish: false } });

    // Only a coordinator publishes.
    expectStatus(await joost.post(`${base}/publish`, {}), 403);
    const published = expectStatus<ConsensusView>(await coordinator.post(`${base}/publish`, {}));
    expect(published).toMatchObject({ status: "published", policies: { vote: false, publish: false } });

    // Voting on a published version is refused clearly.
    expect(expectStatus(await ingrid.post(`${base}/votes`, { kind: "approve" }), 409).code).toBe(
      "consensus.alreadyPublished",
    );
    const types = (await t.database.db.select({ type: auditEvents.type }).from(auditEvents)).map((e) => e.type);
    for (const type of ["framework.votingOpened", "framework.voteCast", "framework.published"])
      expect(types).toContain(type);
    expect(version.number).toBe(2);

    // Notified in-app, each in their own organisation, linked to the consensus page.
    const link = `/kaders/${version.frameworkId}/versies/${version.id}/consensus`;
    const kindsOf = async (email: string) =>
      (
        await t.database.db
          .select({ kind: notifications.kind, link: notifications.link })
          .from(notifications)
          .innerJoin(users, eq(users.id, notifications.userId))
          .where(and(eq(users.email, email), eq(notifications.link, link)))
      ).map((n) => n.kind);
    expect((await kindsOf(INGRID)).sort()).toEqual([
      "consensus.newRound",
      "consensus.published",
      "consensus.votingOpened",
    ]);
    expect(await kindsOf(YOUSSEF)).toContain("consensus.votingOpened");
    expect(await kindsOf(COORDINATOR)).toEqual(expect.arrayContaining(["consensus.reject", "consensus.approve"]));
    // A werkbegeleider who does not speak for an organisation is not notified.
    expect(await kindsOf("daan.bakker@delinde.example")).toEqual([]);
  });

  it("is agreed with a quorum before every member has voted", async () => {
    await setRule({ kind: "quorum", min: 2 });
    const { base, coordinator } = await draft();
    expectStatus(await coordinator.post(`${base}/voting`, {}));
    expectStatus(await (await signIn(t, INGRID, "wilgen")).post(`${base}/votes`, { kind: "approve" }), 201);
    const one = expectStatus<ConsensusView>(await coordinator.get(`${base}/consensus`));
    expect(one).toMatchObject({ state: "open", rule: { kind: "quorum", min: 2 } });
    const two = expectStatus<ConsensusView>(
      await (await signIn(t, JOOST)).post(`${base}/votes`, { kind: "approve" }),
      201,
    );
    expect(two.state).toBe("agreed");
    expect(Object.values(statuses(two)).filter((s) => s === "waiting")).toHaveLength(1);
    expectStatus(await coordinator.post(`${base}/withdraw`, {}));
    await setRule({ kind: "all" });
  });

  it("takes comments on items the version has, refuses unknown ones, and names the author only to their own organisation", async () => {
    const { base, coordinator, version } = await draft();
    expectStatus(await coordinator.post(`${base}/voting`, {}));
    const youssef = await signIn(t, YOUSSEF, "rivier");
    const item = version.document.competences[0]?.skills[0]?.behaviours[0]?.key ?? "";
    const unknown = expectStatus(
      await youssef.post(`${base}/votes`, { kind: "comment", itemKey: "bestaat_niet", body: "?" }),
      422,
    );
    expect(unknown.errors).toHaveProperty("itemKey");
    expect(
      expectStatus(await youssef.post(`${base}/votes`, { kind: "comment", itemKey: item }), 422).errors,
    ).toHaveProperty("body");
    const own = expectStatus<ConsensusView>(
      await youssef.post(`${base}/votes`, { kind: "comment", itemKey: item, body: "Graag concreter" }),
      201,
    );
    expect(own.comments).toEqual([
      expect.objectContaining({ itemKey: item, body: "Graag concreter", authorName: expect.any(String) }),
    ]);
    // A comment is not a vote.
    expect(own.members.every((m) => m.status === "waiting")).toBe(true);
    const other = expectStatus<ConsensusView>(await (await signIn(t, JOOST)).get(`${base}/consensus`));
    expect(other.comments[0]).toMatchObject({
      organisationName: expect.stringContaining("Rivierenland"),
      authorName: null,
    });
    // No id of another organisation or person leaves the server: the version's is the only one.
    expect(JSON.stringify({ ...other, versionId: "" })).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
    expectStatus(await coordinator.post(`${base}/withdraw`, {}));
    expect(expectStatus(await youssef.post(`${base}/votes`, { kind: "approve" }), 409).code).toBe("consensus.notOpen");
  });

  it("refuses someone who does not speak for a member organisation", async () => {
    const { base, coordinator } = await draft();
    expectStatus(await coordinator.post(`${base}/voting`, {}));
    // Sanne is coordinator and werkbegeleider, not a representative.
    expectStatus(await coordinator.post(`${base}/votes`, { kind: "approve" }), 403);
    expectStatus(
      await (await signIn(t, "daan.bakker@delinde.example")).post(`${base}/votes`, { kind: "approve" }),
      403,
    );
    expectStatus(await (await signIn(t, INGRID, "wilgen")).post(`${base}/withdraw`, {}), 403);
    const votes = await t.database.db
      .select()
      .from(frameworkVotes)
      .where(and(eq(frameworkVotes.round, 1), eq(frameworkVotes.kind, "approve")));
    expect(votes.every((v) => v.userId)).toBe(true);
    expectStatus(await coordinator.post(`${base}/withdraw`, {}));
  });

  it("reminds a member that has not voted after a few days, once, and not a member that voted", async () => {
    const { base, coordinator, version } = await draft();
    expectStatus(await coordinator.post(`${base}/voting`, {}));
    expectStatus(await (await signIn(t, INGRID, "wilgen")).post(`${base}/votes`, { kind: "approve" }), 201);
    const reminded = async () =>
      (
        await t.database.db
          .select({ email: users.email })
          .from(notifications)
          .innerJoin(users, eq(users.id, notifications.userId))
          .where(
            and(
              eq(notifications.kind, "reminder.consensusVote"),
              eq(notifications.link, `/kaders/${version.frameworkId}/versies/${version.id}/consensus`),
            ),
          )
      ).map((r) => r.email);
    const options = { publicUrl: "http://koers.test" };
    await sendDueReminders(t.database.db, t.app.mailer, new Date(), options);
    expect(await reminded()).toEqual([]);
    const later = new Date(Date.now() + 4 * 24 * 60 * 60 * 1000);
    await sendDueReminders(t.database.db, t.app.mailer, later, options);
    await sendDueReminders(t.database.db, t.app.mailer, later, options);
    const emails = await reminded();
    expect(emails.filter((e) => e === YOUSSEF)).toHaveLength(1);
    expect(emails.filter((e) => e === JOOST)).toHaveLength(1);
    expect(emails).not.toContain(INGRID);
    expect(emails).not.toContain("daan.bakker@delinde.example");
    expectStatus(await coordinator.post(`${base}/withdraw`, {}));
  });

  it("takes its rule from the network, set by a coordinator within the number of members", async () => {
    const coordinator = await signIn(t, COORDINATOR);
    const network = expectStatus(await coordinator.get("/api/v1/network")).network;
    expect(network.consensusRule).toEqual({ kind: "all" });
    const tooMany = expectStatus(
      await coordinator.put("/api/v1/network", {
        name: network.name,
        consensusRule: { kind: "quorum", min: 4 },
        version: network.version,
      }),
      422,
    );
    expect(tooMany.errors).toHaveProperty(["consensusRule.min"]);
    const saved = expectStatus(
      await coordinator.put("/api/v1/network", {
        name: network.name,
        consensusRule: { kind: "quorum", min: 2 },
        version: network.version,
      }),
    );
    expect(saved.network.consensusRule).toEqual({ kind: "quorum", min: 2 });
    const seen = expectStatus(await (await signIn(t, INGRID, "wilgen")).get("/api/v1/network"));
    expect(seen.network.consensusRule).toEqual({ kind: "quorum", min: 2 });
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.type, "network.consensusRuleChanged"));
    expect(audit).toHaveLength(1);
    await setRule({ kind: "all" });
  });
});
