import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, discussionPosts, modules, notifications, organisations } from "../../src/db/schema.js";
import type { CaseView } from "../../src/domain/cases/api.js";
import type { DiscussionView } from "../../src/domain/discussions/api.js";
import { createTestApp, type TestApp, type TestClient } from "../support/app.js";
import { expectStatus, signIn } from "../support/factories.js";
import { demoFramework, userIdOf } from "../support/scans.js";

const SANNE = "sanne.visser@netwerk.example";
const EVA = "eva.mulder@delinde.example";
const JOOST = "joost.smit@delinde.example";
const DAAN = "daan.bakker@delinde.example";
const LISA = "lisa.dekker@rivierenland.example";

let t: TestApp;
let sanne: TestClient;
let eva: TestClient;
let frameworkId: string;
beforeAll(async () => {
  t = await createTestApp();
  sanne = await signIn(t, SANNE, "linde");
  eva = await signIn(t, EVA, "linde");
  frameworkId = (await demoFramework(t)).framework.id;
});
afterAll(() => t.close());

async function approvedCase(owner: "network" | "organisation", title: string) {
  const made = expectStatus<CaseView>(
    await sanne.post("/api/v1/cases", {
      owner,
      title,
      situation: "Een student werd stil na feedback.",
      question: "Wat doe je de volgende dag?",
      whatHappened: "",
      setting: "vvt",
      frameworkId,
      competences: ["feedback"],
    }),
    201,
  );
  const sent = expectStatus<CaseView>(await sanne.post(`/api/v1/cases/${made.id}/submit`, { version: made.version }));
  expectStatus(await eva.post(`/api/v1/cases/${made.id}/review`, { decision: "approve", version: sent.version }));
  return made.id;
}

/** A person's notifications of a kind about one thread (the demo's threads have their own). */
const notificationsOf = async (email: string, kind: string, link: string, organisationId = t.orgs.linde) =>
  t.database.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.organisationId, organisationId),
        eq(notifications.userId, await userIdOf(t, email)),
        eq(notifications.kind, kind),
        eq(notifications.link, link),
      ),
    );

describe("a discussion on a network case", () => {
  let caseId: string;
  let url: string;
  let thread: DiscussionView;
  beforeAll(async () => {
    caseId = await approvedCase("network", "Bespreken in het netwerk");
    url = `/api/v1/cases/${caseId}/discussion`;
  });

  it("takes posts and replies from every member organisation, and tells a mentioned colleague", async () => {
    thread = expectStatus<DiscussionView>(await sanne.get(url));
    expect(thread).toMatchObject({ audience: "network", posts: [], subject: { title: "Bespreken in het netwerk" } });
    thread = expectStatus<DiscussionView>(
      await sanne.post(url, { body: "Wat zouden jullie doen? @Joost Smit, jij kent dit." }),
      201,
    );
    const [first] = thread.posts;
    expect(first).toMatchObject({
      author: { name: "Sanne Visser", organisation: "Zorggroep De Linde" },
      mine: true,
      state: "visible",
      policies: { edit: true, remove: true, report: false },
    });
    expect(await notificationsOf(JOOST, "discussion.mention", `/casuistiek/${caseId}#discussie`)).toEqual([
      expect.objectContaining({
        link: `/casuistiek/${caseId}#discussie`,
        params: expect.objectContaining({ name: "Sanne Visser" }),
      }),
    ]);

    // At Rivierenland, another member, the same thread; a reply joins it.
    const rivier = await signIn(t, SANNE, "rivier");
    thread = expectStatus<DiscussionView>(await rivier.get(url));
    expect(thread.posts.map((p) => p.body)).toEqual(["Wat zouden jullie doen? @Joost Smit, jij kent dit."]);
    expect(thread.posts[0]?.mine).toBe(false);
    thread = expectStatus<DiscussionView>(
      await rivier.post(url, { body: "Bij ons vragen we eerst wat de student zelf merkte.", parentId: first?.id }),
      201,
    );
    expect(thread.posts[1]).toMatchObject({
      parentId: first?.id,
      author: { organisation: "Onderwijsstichting Rivierenland" },
    });
  });

  it("counts what is new for those who took part, in one notification per thread", async () => {
    const joost = await signIn(t, JOOST, "linde");
    await joost.post(url, { body: "Eerst luisteren, dan pas uitleggen." });
    await joost.post(url, { body: "En spreek een moment af om erop terug te komen." });
    const told = await notificationsOf(SANNE, "discussion.newPosts", `/casuistiek/${caseId}#discussie`);
    expect(told).toHaveLength(1);
    expect(told[0]?.params).toMatchObject({ count: 2, title: "Bespreken in het netwerk" });
    // Sanne took part from Rivierenland too: she hears of it there, in that organisation's own notifications.
    const there = await notificationsOf(SANNE, "discussion.newPosts", `/casuistiek/${caseId}#discussie`, t.orgs.rivier);
    expect(there.map((n) => n.params)).toEqual([expect.objectContaining({ count: 2 })]);
  });

  it("tells those who took part in another member organisation, mentions them there, and is read when opened", async () => {
    const link = `/casuistiek/${caseId}#discussie`;
    const [{ network = null } = {}] = await t.database.db
      .select({ network: organisations.networkId })
      .from(organisations)
      .where(eq(organisations.id, t.orgs.rivier));
    const lisa = await signIn(t, LISA, "rivier");
    expectStatus(
      await lisa.post(url, { body: "Ik ben student bij Rivierenland. Wat vond de student er zelf van?" }),
      201,
    );
    // Eva, at De Linde, names Lisa by the name the thread shows: Lisa is told at Rivierenland.
    expectStatus(await eva.post(url, { body: "@Lisa Dekker, goede vraag: hij vond het te snel gaan." }), 201);
    expect(await notificationsOf(LISA, "discussion.mention", link, t.orgs.rivier)).toEqual([
      expect.objectContaining({ params: { name: "Eva Mulder", title: "Bespreken in het netwerk" } }),
    ]);
    expect(await notificationsOf(LISA, "discussion.newPosts", link, t.orgs.rivier)).toEqual([]);
    // Nothing is written for her at De Linde, where she is no member.
    const lindeRows = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.organisationId, t.orgs.linde), eq(notifications.userId, await userIdOf(t, LISA))));
    expect(lindeRows).toEqual([]);

    const joost = await signIn(t, JOOST, "linde");
    expectStatus(await joost.post(url, { body: "Dan helpt het om het tempo samen af te spreken." }), 201);
    expect((await notificationsOf(LISA, "discussion.newPosts", link, t.orgs.rivier)).map((n) => n.params)).toEqual([
      { title: "Bespreken in het netwerk", count: 1 },
    ]);

    // Lisa opens the thread: what she was told about it is read, and only that.
    expectStatus(await lisa.post(`${url}/read`), 204);
    const unread = await t.database.db
      .select({ link: notifications.link })
      .from(notifications)
      .where(
        and(
          eq(notifications.organisationId, t.orgs.rivier),
          eq(notifications.userId, await userIdOf(t, LISA)),
          sql`${notifications.readAt} IS NULL`,
        ),
      );
    expect(unread.map((n) => n.link)).not.toContain(link);
    // The next post starts a new count.
    expectStatus(await joost.post(url, { body: "Wij noteren het in het leerplan." }), 201);
    const counts = (await notificationsOf(LISA, "discussion.newPosts", link, t.orgs.rivier)).map((n) => [
      n.params.count,
      n.readAt === null,
    ]);
    expect(counts.sort()).toEqual([
      [1, false],
      [1, true],
    ]);

    // Once Rivierenland has left the network it no longer reads the thread, and nobody there is told.
    await t.database.db.update(organisations).set({ networkId: null }).where(eq(organisations.id, t.orgs.rivier));
    try {
      expectStatus(await joost.post(url, { body: "Nog één gedachte." }), 201);
      const after = (await notificationsOf(LISA, "discussion.newPosts", link, t.orgs.rivier)).map(
        (n) => n.params.count,
      );
      expect(after.sort()).toEqual([1, 1]);
    } finally {
      await t.database.db.update(organisations).set({ networkId: network }).where(eq(organisations.id, t.orgs.rivier));
    }
  });

  it("lets the author change a post for a short while, then no more; removing keeps its place", async () => {
    thread = expectStatus<DiscussionView>(await sanne.get(url));
    const mine = thread.posts.find((p) => p.mine);
    if (!mine) throw new Error("no post of Sanne's");
    thread = expectStatus<DiscussionView>(
      await sanne.put(`/api/v1/posts/${mine.id}`, { body: "Wat zouden jullie doen?", version: mine.version }),
    );
    expect(thread.posts.find((p) => p.id === mine.id)).toMatchObject({
      body: "Wat zouden jullie doen?",
      editedAt: expect.any(String),
    });
    // A colleague may not change it.
    expect([403, 404]).toContain((await eva.put(`/api/v1/posts/${mine.id}`, { body: "x", version: 2 })).statusCode);

    await t.database.db
      .update(discussionPosts)
      .set({ createdAt: sql`now() - interval '20 minutes'` })
      .where(eq(discussionPosts.id, mine.id));
    expect(expectStatus(await sanne.put(`/api/v1/posts/${mine.id}`, { body: "Later", version: 2 }), 409).code).toBe(
      "discussion.editClosed",
    );

    thread = expectStatus<DiscussionView>(await sanne.post(`/api/v1/posts/${mine.id}/remove`));
    expect(thread.posts.find((p) => p.id === mine.id)).toMatchObject({ state: "removed", body: "" });
    expect(thread.posts.filter((p) => p.parentId === mine.id)).toHaveLength(1);
    const [stored] = await t.database.db.select().from(discussionPosts).where(eq(discussionPosts.id, mine.id));
    expect(stored?.body).toBe("");
  });

  it("is reported to the reporter's trainers, and hidden by a trainer with a reason", async () => {
    thread = expectStatus<DiscussionView>(await sanne.get(url));
    const joosts = thread.posts.find((p) => p.author.name === "Joost Smit");
    if (!joosts) throw new Error("no post of Joost's");
    const daan = await signIn(t, DAAN, "linde");
    expectStatus(await daan.post(`/api/v1/posts/${joosts.id}/report`, { reason: "Dit klopt niet." }));
    expect((await notificationsOf(EVA, "discussion.reported", `/casuistiek/${caseId}#discussie`)).length).toBe(1);
    expect(expectStatus<DiscussionView>(await eva.get(url)).posts.find((p) => p.id === joosts.id)?.reports).toBe(1);

    expect([403, 404]).toContain(
      (await daan.post(`/api/v1/posts/${joosts.id}/hide`, { reason: "Weg ermee" })).statusCode,
    );
    expect(expectStatus(await eva.post(`/api/v1/posts/${joosts.id}/hide`, {}), 422).errors).toHaveProperty("reason");
    thread = expectStatus<DiscussionView>(
      await eva.post(`/api/v1/posts/${joosts.id}/hide`, { reason: "Gaat over een cliënt." }),
    );
    expect(thread.posts.find((p) => p.id === joosts.id)).toMatchObject({
      state: "hidden",
      body: "",
      hiddenReason: "Gaat over een cliënt.",
    });
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, "discussion.postHidden"), eq(auditEvents.subjectId, joosts.id)));
    expect(audited).toHaveLength(1);
  });
});

describe("who reads a discussion", () => {
  it("keeps an organisation's own case's thread in it, and shows an outsider nothing", async () => {
    const local = await approvedCase("organisation", "Alleen in De Linde bespreken");
    const url = `/api/v1/cases/${local}/discussion`;
    expectStatus(await sanne.post(url, { body: "Alleen voor ons." }), 201);
    const rivier = await signIn(t, SANNE, "rivier");
    expectStatus(await rivier.get(url), 404);
    expectStatus(await rivier.post(url, { body: "Mag ik meedoen?" }), 404);
    const [post] = await t.database.db.select().from(discussionPosts).where(eq(discussionPosts.subjectId, local));
    expectStatus(await rivier.post(`/api/v1/posts/${post?.id}/report`, { reason: "x" }), 404);

    const shared = await approvedCase("network", "Voor het netwerk bespreken");
    expectStatus(await sanne.post(`/api/v1/cases/${shared}/discussion`, { body: "Iedereen welkom." }), 201);
    const [before] = await t.database.db
      .select({ networkId: organisations.networkId })
      .from(organisations)
      .where(eq(organisations.id, t.orgs.rivier));
    await t.database.db.update(organisations).set({ networkId: null }).where(eq(organisations.id, t.orgs.rivier));
    try {
      const outsider = await signIn(t, SANNE, "rivier");
      expectStatus(await outsider.get(`/api/v1/cases/${shared}/discussion`), 404);
      expectStatus(await outsider.post(`/api/v1/cases/${shared}/discussion/read`), 404);
    } finally {
      await t.database.db
        .update(organisations)
        .set({ networkId: before?.networkId ?? null })
        .where(eq(organisations.id, t.orgs.rivier));
    }
  });

  it("has a thread on a published module too", async () => {
    const [module] = await t.database.db.select({ id: modules.id }).from(modules).limit(1);
    const url = `/api/v1/modules/${module?.id}/discussion`;
    const view = expectStatus<DiscussionView>(await sanne.post(url, { body: "Goede module!" }), 201);
    expect(view).toMatchObject({ subject: { kind: "module" }, posts: [{ body: "Goede module!" }] });
  });
});
