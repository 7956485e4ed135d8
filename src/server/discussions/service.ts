import { and, asc, count, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { discussionPosts, discussionReports, memberships, organisations, users } from "../../db/schema.js";
import type { DiscussionView, PostView } from "../../domain/discussions/api.js";
import {
  canModerate,
  canPost,
  type DiscussionSubject,
  EDIT_WINDOW_MINUTES,
  mayEditPost,
  mentionedIn,
} from "../../domain/discussions/rules.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { approvedCase } from "../cases/service.js";
import { conflict, forbidden, HttpProblem, notFound } from "../http/problem.js";
import { latestPublishedModule, readableModule } from "../modules/access.js";
import { membersWithRole, notify } from "../notifications/notify.js";
import { markLinkRead } from "../notifications/service.js";
import { memberName, membershipIn } from "../people/member-name.js";

/**
 * Peer discussion (decision 0029): a thread per approved case and per published module, read by
 * whoever reads the subject: the network's members for the network's, the organisation's for its
 * own. Every query names the subject and the audience as well as row-level security does.
 */

type PostRow = typeof discussionPosts.$inferSelect;

interface Subject {
  kind: DiscussionSubject;
  id: string;
  title: string;
  /** The network whose members read the thread; null: the actor's organisation alone. */
  networkId: string | null;
  link: string;
}

async function subjectOf(tx: Tx, actor: Actor, kind: DiscussionSubject, id: string): Promise<Subject> {
  if (kind === "case") {
    const row = await approvedCase(tx, actor, id);
    if (!row) throw notFound();
    return { kind, id, title: row.title, networkId: row.ownerNetworkId, link: `/casuistiek/${id}#discussie` };
  }
  const module = await readableModule(tx, actor, id);
  const published = module ? await latestPublishedModule(tx, id) : null;
  if (!module || !published) throw notFound();
  return {
    kind,
    id,
    title: published.document.title,
    networkId: module.ownerNetworkId,
    link: `/modules/${id}#discussie`,
  };
}

/** The thread's posts as its audience reads them: the network's, or the organisation's own. */
const inThread = (subject: Subject, actor: Actor): SQL =>
  and(
    eq(discussionPosts.subjectKind, subject.kind),
    eq(discussionPosts.subjectId, subject.id),
    subject.networkId
      ? eq(discussionPosts.networkId, subject.networkId)
      : and(eq(discussionPosts.organisationId, actor.organisationId), isNull(discussionPosts.networkId)),
  ) as SQL;

const mayHide = (actor: Actor, post: PostRow) =>
  canModerate(actor) && (post.networkId !== null || post.organisationId === actor.organisationId);

function present(actor: Actor, post: PostRow, organisation: string, reports: number, now: Date): PostView {
  const state = post.removedAt ? "removed" : post.hiddenAt ? "hidden" : "visible";
  const mine = post.authorId === actor.userId && post.organisationId === actor.organisationId;
  const edit = mine && mayEditPost(post, actor, now);
  return {
    id: post.id,
    parentId: post.parentId,
    author: { name: post.authorName, organisation },
    mine,
    state,
    body: state === "visible" ? post.body : "",
    hiddenReason: state === "hidden" ? post.hiddenReason : null,
    createdAt: post.createdAt.toISOString(),
    editedAt: post.editedAt?.toISOString() ?? null,
    editableUntil: edit ? new Date(post.createdAt.getTime() + EDIT_WINDOW_MINUTES * 60_000).toISOString() : null,
    version: post.version,
    reports: canModerate(actor) ? reports : 0,
    policies: {
      edit,
      remove: mine && state === "visible",
      hide: state === "visible" && mayHide(actor, post),
      report: !mine && state === "visible",
    },
  };
}

export async function getDiscussion(
  tx: Tx,
  actor: Actor,
  kind: DiscussionSubject,
  id: string,
): Promise<DiscussionView> {
  if (!canPost(actor)) throw forbidden();
  const subject = await subjectOf(tx, actor, kind, id);
  const posts = await tx
    .select()
    .from(discussionPosts)
    .where(inThread(subject, actor))
    .orderBy(asc(discussionPosts.createdAt), asc(discussionPosts.id));
  const orgIds = [...new Set(posts.map((p) => p.organisationId))];
  const [orgs, reports] = posts.length
    ? [
        await tx
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(oneOf(organisations.id, orgIds)),
        canModerate(actor)
          ? await tx
              .select({ postId: discussionReports.postId, n: count() })
              .from(discussionReports)
              .where(
                and(
                  eq(discussionReports.organisationId, actor.organisationId),
                  oneOf(
                    discussionReports.postId,
                    posts.map((p) => p.id),
                  ),
                ),
              )
              .groupBy(discussionReports.postId)
          : [],
      ]
    : [[], []];
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const reported = new Map(reports.map((r) => [r.postId, r.n]));
  const now = new Date();
  return {
    subject: { kind, id, title: subject.title },
    audience: subject.networkId ? "network" : "organisation",
    posts: posts.map((p) => present(actor, p, names.get(p.organisationId) ?? "", reported.get(p.id) ?? 0, now)),
    policies: { post: canPost(actor), moderate: canModerate(actor) },
  };
}

/** A new post, or a reply to a post of the thread; mentioned colleagues are told. Answers the thread. */
export async function addPost(
  tx: Tx,
  actor: Actor,
  kind: DiscussionSubject,
  id: string,
  input: { body: string; parentId?: string | null | undefined },
) {
  if (!canPost(actor)) throw forbidden();
  const subject = await subjectOf(tx, actor, kind, id);
  let parentId: string | null = null;
  if (input.parentId) {
    const [parent] = await tx
      .select()
      .from(discussionPosts)
      .where(and(eq(discussionPosts.id, input.parentId), inThread(subject, actor)));
    if (!parent) throw notFound();
    // Replies are one level deep: a reply to a reply joins its thread.
    parentId = parent.parentId ?? parent.id;
  }
  const colleagues = await tx
    .select({ id: users.id, name: memberName })
    .from(users)
    .innerJoin(memberships, membershipIn(users.id, actor.organisationId))
    .where(eq(memberships.status, "active"));
  const me = colleagues.find((c) => c.id === actor.userId);
  if (!me) throw forbidden();
  const [made] = await tx
    .insert(discussionPosts)
    .values({
      organisationId: actor.organisationId,
      networkId: subject.networkId,
      subjectKind: kind,
      subjectId: id,
      parentId,
      authorId: actor.userId,
      authorName: me.name,
      body: input.body,
    })
    .returning({ id: discussionPosts.id });
  if (!made) throw new Error("post not made");
  // Who may be mentioned: one's colleagues, and whoever took part in the thread, by the name the
  // thread shows. Colleagues outside the thread are told here; everyone in it, of whatever member
  // organisation, by app_tell_thread in their own (a mention, or a count of new posts).
  const authors = await tx
    .selectDistinct({
      id: discussionPosts.authorId,
      name: discussionPosts.authorName,
      organisationId: discussionPosts.organisationId,
    })
    .from(discussionPosts)
    .where(inThread(subject, actor));
  const here = (a: { organisationId: string }) => a.organisationId === actor.organisationId;
  const mentioned = mentionedIn(input.body, [
    ...colleagues.filter((c) => c.id !== actor.userId).map((c) => ({ ...c, organisationId: actor.organisationId })),
    ...authors.filter((a) => !here(a)),
  ]);
  const inThreadHere = new Set(authors.filter(here).map((a) => a.id));
  const colleaguesOutside = mentioned
    .filter((m) => m.organisationId === actor.organisationId && !inThreadHere.has(m.id))
    .map((m) => m.id);
  await notify(
    tx,
    actor,
    colleaguesOutside,
    "discussion.mention",
    { name: me.name, title: subject.title },
    subject.link,
  );
  const mentionedIds = `{${[...new Set(mentioned.map((m) => m.id))].join(",")}}`;
  await tx.execute(
    sql`SELECT app_tell_thread(${made.id}::uuid, ${mentionedIds}::uuid[], ${subject.title}, ${subject.link})`,
  );
}

/**
 * The reader opened the thread: their notifications about it (new posts, mentions, reports) are
 * read. A POST the page sends once it has shown the thread, never a side effect of the GET.
 */
export async function markThreadRead(tx: Tx, actor: Actor, kind: DiscussionSubject, id: string) {
  if (!canPost(actor)) throw forbidden();
  const subject = await subjectOf(tx, actor, kind, id);
  await markLinkRead(tx, actor, subject.link);
}

/** A post the actor reads, with its subject: its own organisation's, or its network's. */
async function readablePost(tx: Tx, actor: Actor, postId: string) {
  if (!canPost(actor)) throw forbidden();
  const [post] = await tx.select().from(discussionPosts).where(eq(discussionPosts.id, postId)).for("update");
  if (!post) throw notFound();
  const subject = await subjectOf(tx, actor, post.subjectKind, post.subjectId);
  const [inIt] = await tx
    .select({ id: discussionPosts.id })
    .from(discussionPosts)
    .where(and(eq(discussionPosts.id, postId), inThread(subject, actor)));
  if (!inIt) throw notFound();
  return { post, subject };
}

/** The author changes their post within the edit window (versioned). Answers the subject. */
export async function editPost(tx: Tx, actor: Actor, postId: string, input: { body: string; version: number }) {
  const { post } = await readablePost(tx, actor, postId);
  if (post.authorId !== actor.userId || post.organisationId !== actor.organisationId) throw forbidden();
  if (!mayEditPost(post, actor, new Date())) throw new HttpProblem(409, "discussion.editClosed");
  if (post.version !== input.version) throw conflict();
  await tx
    .update(discussionPosts)
    .set({ body: input.body, editedAt: sql`now()`, version: sql`${discussionPosts.version} + 1` })
    .where(eq(discussionPosts.id, post.id));
  return post;
}

/** The author removes their post: its text is gone, its place in the thread stays. */
export async function removePost(tx: Tx, actor: Actor, postId: string) {
  const { post } = await readablePost(tx, actor, postId);
  if (post.authorId !== actor.userId || post.organisationId !== actor.organisationId) throw forbidden();
  if (post.removedAt) return post;
  await tx
    .update(discussionPosts)
    .set({ body: "", removedAt: sql`now()`, version: sql`${discussionPosts.version} + 1` })
    .where(eq(discussionPosts.id, post.id));
  return post;
}

/** A trainer hides a post with a reason the thread shows; recorded in the audit log. */
export async function hidePost(tx: Tx, actor: Actor, postId: string, input: { reason: string }) {
  const { post } = await readablePost(tx, actor, postId);
  if (!mayHide(actor, post)) throw forbidden();
  if (post.hiddenAt || post.removedAt) throw new HttpProblem(409, "discussion.notVisible");
  await tx
    .update(discussionPosts)
    .set({
      hiddenAt: sql`now()`,
      hiddenBy: actor.userId,
      hiddenReason: input.reason,
      version: sql`${discussionPosts.version} + 1`,
    })
    .where(eq(discussionPosts.id, post.id));
  await recordAudit(tx, actor, {
    type: "discussion.postHidden",
    subjectType: "discussion",
    subjectId: post.id,
    after: { subjectKind: post.subjectKind, subjectId: post.subjectId },
  });
  return post;
}

/** Anyone who reads a post may report it; the trainers of their organisation are told. Once per person. */
export async function reportPost(tx: Tx, actor: Actor, postId: string, input: { reason: string }) {
  const { post, subject } = await readablePost(tx, actor, postId);
  if (post.authorId === actor.userId) throw forbidden();
  const made = await tx
    .insert(discussionReports)
    .values({ organisationId: actor.organisationId, postId, reporterId: actor.userId, reason: input.reason })
    .onConflictDoNothing()
    .returning({ id: discussionReports.id });
  if (made.length) {
    await notify(
      tx,
      actor,
      await membersWithRole(tx, actor.organisationId, "trainer"),
      "discussion.reported",
      { title: subject.title },
      subject.link,
    );
  }
  return post;
}
