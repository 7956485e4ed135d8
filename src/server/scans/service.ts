import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { competenceScans, frameworkVersions, memberships, notifications, scanFriends, users } from "../../db/schema.js";
import { activeCompetences } from "../../domain/competences/framework.js";
import { canScanSelf } from "../../domain/competences/policy.js";
import {
  FRIEND_DAYS,
  type InviteFriendInput,
  type SaveScanInput,
  type ScanDetail,
  type ScanList,
  type ScanSummary,
  type StartScanInput,
} from "../../domain/competences/scan-api.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { newToken, sha256 } from "../auth/tokens.js";
import { effectiveFramework, frameworkAsScanned, readableFrameworks } from "../competences/versions.js";
import { conflict, forbidden, HttpProblem, invalid, notFound } from "../http/problem.js";
import type { Mailer } from "../mail.js";
import { type Locale, t } from "../messages.js";
import { memberName, membershipIn } from "../people/member-name.js";
import { requireAuth } from "../plugins/auth.js";
import { afterCommit } from "../tenancy.js";
import { readableScan } from "./access.js";
import { behaviourKeys, friendStatus, ratingErrors, scanFramework, variantOf } from "./present.js";

/**
 * A werkbegeleider's self-scans: start one on a published framework, rate as they go, ask
 * critical friends, finish. A finished scan never changes. Every query is scoped by the actor's
 * organisation as well as by row-level security.
 */

/** What a friend's mail needs: the mailer, the site's address, who asks. */
export interface FriendMail {
  mailer: Mailer;
  publicUrl: string;
  inviter: { name: string; locale: Locale };
}

export function friendMail(request: FastifyRequest): FriendMail {
  const { user } = requireAuth(request);
  return {
    mailer: request.server.mailer,
    publicUrl: request.server.publicUrl,
    inviter: { name: user.name, locale: user.locale },
  };
}

export const friendLink = (publicUrl: string, token: string) =>
  `${publicUrl}/kritische-vriend?token=${encodeURIComponent(token)}`;

const own = (actor: Actor) =>
  and(eq(competenceScans.organisationId, actor.organisationId), eq(competenceScans.userId, actor.userId));

/** My scans here (the open one, then the finished ones newest first) and what I may start. */
export async function listScans(tx: Tx, actor: Actor): Promise<ScanList> {
  if (!canScanSelf(actor)) throw forbidden();
  const rows = await tx
    .select({ scan: competenceScans, document: frameworkVersions.document, number: frameworkVersions.number })
    .from(competenceScans)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, competenceScans.frameworkVersionId))
    .where(own(actor))
    .orderBy(desc(competenceScans.finishedAt), desc(competenceScans.startedAt), desc(competenceScans.id));
  const ids = rows.map((r) => r.scan.id);
  const counts = ids.length
    ? await tx
        .select({
          scanId: scanFriends.scanId,
          asked: sql<number>`count(*) filter (where ${scanFriends.status} <> 'withdrawn')`.mapWith(Number),
          answered: sql<number>`count(*) filter (where ${scanFriends.status} = 'answered')`.mapWith(Number),
        })
        .from(scanFriends)
        .where(and(eq(scanFriends.organisationId, actor.organisationId), oneOf(scanFriends.scanId, ids)))
        .groupBy(scanFriends.scanId)
    : [];
  const byScan = new Map(counts.map((c) => [c.scanId, c]));
  const summaries: ScanSummary[] = rows.map(({ scan, document, number }) => {
    const framework = frameworkAsScanned(document, scan.extensions);
    const keys = behaviourKeys(framework);
    return {
      id: scan.id,
      status: scan.status,
      frameworkName: framework.name,
      versionNumber: number,
      variant: variantOf(framework, scan.variant),
      rated: keys.filter((k) => typeof scan.ratings[k] === "number").length,
      total: keys.length,
      friendsAnswered: byScan.get(scan.id)?.answered ?? 0,
      friendsAsked: byScan.get(scan.id)?.asked ?? 0,
      startedAt: scan.startedAt.toISOString(),
      finishedAt: scan.finishedAt?.toISOString() ?? null,
    };
  });

  const frameworks = await readableFrameworks(tx, actor);
  const published = frameworks.length
    ? await tx
        .selectDistinctOn([frameworkVersions.frameworkId], {
          frameworkId: frameworkVersions.frameworkId,
          number: frameworkVersions.number,
          document: frameworkVersions.document,
        })
        .from(frameworkVersions)
        .where(
          and(
            oneOf(
              frameworkVersions.frameworkId,
              frameworks.map((f) => f.id),
            ),
            eq(frameworkVersions.status, "published"),
          ),
        )
        .orderBy(frameworkVersions.frameworkId, desc(frameworkVersions.number))
    : [];
  return {
    open: summaries.find((s) => s.status === "open") ?? null,
    history: summaries.filter((s) => s.status === "finished"),
    startable: published.map((p) => ({
      frameworkId: p.frameworkId,
      name: p.document.name,
      versionNumber: p.number,
      variants: p.document.variants.map((v) => ({ key: v.key, name: v.name })),
    })),
  };
}

/** Starts a scan on the framework's newest published version, with the organisation's extensions copied in. */
export async function startScan(tx: Tx, actor: Actor, input: StartScanInput): Promise<string> {
  if (!canScanSelf(actor)) throw forbidden();
  const effective = await effectiveFramework(tx, actor, input.frameworkId);
  if (!effective) throw invalid({ frameworkId: "field.notAnOption" });
  if (!effective.framework.variants.some((v) => v.key === input.variant))
    throw invalid({ variant: "field.notAnOption" });
  const [open] = await tx
    .select({ id: competenceScans.id })
    .from(competenceScans)
    .where(and(own(actor), eq(competenceScans.status, "open")))
    .limit(1);
  if (open) throw new HttpProblem(409, "scan.openExists", {}, { scanId: open.id });
  const [scan] = await tx
    .insert(competenceScans)
    .values({
      organisationId: actor.organisationId,
      userId: actor.userId,
      frameworkVersionId: effective.version.id,
      extensions: effective.extensions,
      variant: input.variant,
    })
    .onConflictDoNothing()
    .returning({ id: competenceScans.id });
  // Two starts at once: the unique index lets one through.
  if (!scan) throw new HttpProblem(409, "scan.openExists");
  await recordAudit(tx, actor, {
    type: "scan.started",
    subjectType: "scan",
    subjectId: scan.id,
    after: { frameworkId: input.frameworkId, versionNumber: effective.version.number, variant: input.variant },
  });
  return scan.id;
}

/**
 * The owner's own scan, to rate and to ask friends. Only its owner reads it here: the
 * praktijkopleider and the team leader read its result (levels, never one friend's answers and
 * never the owner's per-behaviour ratings) through the results route; here they get 404.
 */
async function ownScan(tx: Tx, actor: Actor, scanId: string) {
  const readable = await readableScan(tx, actor, scanId);
  if (readable?.reader !== "owner") throw notFound();
  return readable;
}

export async function getScan(tx: Tx, actor: Actor, scanId: string): Promise<ScanDetail> {
  const { scan, framework, version } = await ownScan(tx, actor, scanId);
  const friends = await tx
    .select({
      friend: scanFriends,
      memberName: sql<string | null>`${memberName}`,
    })
    .from(scanFriends)
    .leftJoin(users, eq(users.id, scanFriends.userId))
    .leftJoin(memberships, membershipIn(scanFriends.userId, actor.organisationId))
    .where(
      and(
        eq(scanFriends.organisationId, actor.organisationId),
        eq(scanFriends.scanId, scan.id),
        ne(scanFriends.status, "withdrawn"),
      ),
    )
    .orderBy(asc(scanFriends.invitedAt), asc(scanFriends.id));
  const candidates = await tx
    .select({ membershipId: memberships.id, name: memberName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, actor.organisationId),
        eq(memberships.status, "active"),
        ne(memberships.userId, actor.userId),
      ),
    )
    .orderBy(asc(memberName), asc(memberships.id));
  const now = new Date();
  return {
    id: scan.id,
    status: scan.status,
    version: scan.version,
    variant: variantOf(framework, scan.variant),
    framework: scanFramework(framework, version.number),
    ratings: scan.ratings,
    examples: scan.examples,
    friends: friends.map(({ friend, memberName: name }) => ({
      id: friend.id,
      kind: friend.kind,
      name: (friend.userId ? name : friend.name) ?? "",
      member: friend.userId !== null,
      status: friendStatus(friend, now),
      invitedAt: friend.invitedAt.toISOString(),
      expiresAt: friend.expiresAt.toISOString(),
      answeredAt: friend.answeredAt?.toISOString() ?? null,
    })),
    candidates,
    startedAt: scan.startedAt.toISOString(),
    finishedAt: scan.finishedAt?.toISOString() ?? null,
  };
}

/** Saves ratings and examples as the owner goes: merged into what is stored; versioned; only while open. */
export async function saveScan(tx: Tx, actor: Actor, scanId: string, input: SaveScanInput) {
  const { scan, framework } = await ownScan(tx, actor, scanId);
  if (scan.status !== "open") throw new HttpProblem(409, "scan.finished");
  const errors: Record<string, "field.notInFramework" | "field.notOnScale"> = ratingErrors(framework, input.ratings);
  const competences = new Set(activeCompetences(framework).map((c) => c.key));
  for (const key of Object.keys(input.examples))
    if (!competences.has(key)) errors[`examples.${key}`] = "field.notInFramework";
  if (Object.keys(errors).length) throw invalid(errors);
  if (scan.version !== input.version) throw conflict(await getScan(tx, actor, scanId));
  const examples = { ...scan.examples };
  for (const [key, text] of Object.entries(input.examples)) {
    if (text.trim()) examples[key] = text;
    else delete examples[key];
  }
  const [saved] = await tx
    .update(competenceScans)
    .set({
      ratings: { ...scan.ratings, ...input.ratings },
      examples,
      version: sql`${competenceScans.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(competenceScans.id, scan.id),
        eq(competenceScans.organisationId, actor.organisationId),
        eq(competenceScans.version, input.version),
        eq(competenceScans.status, "open"),
      ),
    )
    .returning({ id: competenceScans.id });
  if (!saved) throw conflict(await getScan(tx, actor, scanId));
}

/** Finishes the scan once every active behaviour is rated; from then on it never changes. */
export async function finishScan(tx: Tx, actor: Actor, scanId: string) {
  const { scan, framework } = await ownScan(tx, actor, scanId);
  if (scan.status !== "open") throw new HttpProblem(409, "scan.finished");
  const keys = behaviourKeys(framework);
  const missing = keys.filter((k) => typeof scan.ratings[k] !== "number");
  if (missing.length)
    throw invalid(
      Object.fromEntries(missing.map((k) => [`ratings.${k}`, "field.ratingMissing" as const])),
      "scan.incomplete",
    );
  const [finished] = await tx
    .update(competenceScans)
    .set({
      status: "finished",
      finishedAt: sql`now()`,
      version: sql`${competenceScans.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(competenceScans.id, scan.id),
        eq(competenceScans.organisationId, actor.organisationId),
        eq(competenceScans.status, "open"),
      ),
    )
    .returning({ id: competenceScans.id });
  if (!finished) throw new HttpProblem(409, "scan.finished");
  await recordAudit(tx, actor, {
    type: "scan.finished",
    subjectType: "scan",
    subjectId: scan.id,
    after: { rated: keys.length },
  });
}

/**
 * Asks a critical friend: a member of the organisation (in-app) or someone without an account
 * (a mail with a single-use link that expires; only the token's hash is stored). On an open or a
 * finished scan: answers count whenever they come, until the invitation expires.
 */
export async function inviteFriend(tx: Tx, actor: Actor, scanId: string, input: InviteFriendInput, mail: FriendMail) {
  const { scan } = await ownScan(tx, actor, scanId);
  const expiresAt = new Date(Date.now() + FRIEND_DAYS * 24 * 3600 * 1000);
  const open = await tx
    .select({ userId: scanFriends.userId, email: scanFriends.email })
    .from(scanFriends)
    .where(
      and(
        eq(scanFriends.organisationId, actor.organisationId),
        eq(scanFriends.scanId, scan.id),
        inArray(scanFriends.status, ["invited", "answered"]),
      ),
    );
  let friendId: string;
  if (input.membershipId) {
    const [member] = await tx
      .select({ userId: memberships.userId, status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.id, input.membershipId), eq(memberships.organisationId, actor.organisationId)));
    if (member?.status !== "active") throw invalid({ membershipId: "field.notColleague" });
    if (member.userId === actor.userId) throw invalid({ membershipId: "field.friendSelf" });
    if (open.some((f) => f.userId === member.userId)) throw invalid({ membershipId: "field.alreadyFriend" });
    const [friend] = await tx
      .insert(scanFriends)
      .values({
        organisationId: actor.organisationId,
        scanId: scan.id,
        kind: input.kind,
        userId: member.userId,
        expiresAt,
      })
      .returning({ id: scanFriends.id });
    if (!friend) throw notFound();
    friendId = friend.id;
    await tx.insert(notifications).values({
      organisationId: actor.organisationId,
      userId: member.userId,
      kind: "scan.friendRequest",
      params: { name: mail.inviter.name },
      link: `/beoordelen/${friend.id}`,
    });
  } else {
    const email = (input.email ?? "").toLowerCase();
    const name = input.name ?? "";
    if (open.some((f) => f.email === email)) throw invalid({ email: "field.alreadyFriend" });
    const token = newToken();
    const [friend] = await tx
      .insert(scanFriends)
      .values({
        organisationId: actor.organisationId,
        scanId: scan.id,
        kind: input.kind,
        name,
        email,
        tokenHash: sha256(token),
        expiresAt,
      })
      .returning({ id: scanFriends.id });
    if (!friend) throw notFound();
    friendId = friend.id;
    const values = {
      name,
      inviter: mail.inviter.name,
      link: friendLink(mail.publicUrl, token),
      days: FRIEND_DAYS,
    };
    const nudge = await mail.mailer.queueMany(tx, [
      {
        organisationId: actor.organisationId,
        to: email,
        subject: t(mail.inviter.locale, "mail.scanFriend.subject", values),
        text: t(mail.inviter.locale, "mail.scanFriend.body", values),
        // The link lets anyone holding it answer: the outbox masks it for everyone but the recipient.
        sensitive: true,
      },
    ]);
    afterCommit(tx, nudge);
  }
  await recordAudit(tx, actor, {
    type: "scanFriend.invited",
    subjectType: "scan",
    subjectId: scan.id,
    after: { friendId, kind: input.kind, by: input.membershipId ? "app" : "mail" },
  });
}

/** Withdraws a friend's invitation that is not answered yet; their link stops working. */
export async function withdrawFriend(tx: Tx, actor: Actor, scanId: string, friendId: string) {
  const { scan } = await ownScan(tx, actor, scanId);
  const [friend] = await tx
    .update(scanFriends)
    .set({ status: "withdrawn" })
    .where(
      and(
        eq(scanFriends.id, friendId),
        eq(scanFriends.organisationId, actor.organisationId),
        eq(scanFriends.scanId, scan.id),
        eq(scanFriends.status, "invited"),
      ),
    )
    .returning({ id: scanFriends.id, kind: scanFriends.kind });
  if (!friend) {
    const [exists] = await tx
      .select({ id: scanFriends.id })
      .from(scanFriends)
      .where(
        and(
          eq(scanFriends.id, friendId),
          eq(scanFriends.organisationId, actor.organisationId),
          eq(scanFriends.scanId, scan.id),
        ),
      );
    if (!exists) throw notFound();
    throw new HttpProblem(409, "scanFriend.notOpen");
  }
  await recordAudit(tx, actor, {
    type: "scanFriend.withdrawn",
    subjectType: "scan",
    subjectId: scan.id,
    after: { friendId, kind: friend.kind },
  });
}
