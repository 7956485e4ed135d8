import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { competenceScans, frameworkVersions, memberships, organisations, scanFriends, users } from "../../db/schema.js";
import type { AnswerInput, FriendRequest, FriendRequestList } from "../../domain/competences/scan-api.js";
import type { Actor, RequestOrigin } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { sha256 } from "../auth/tokens.js";
import { frameworkAsScanned } from "../competences/versions.js";
import { HttpProblem, invalid, notFound } from "../http/problem.js";
import { memberName, membershipIn } from "../people/member-name.js";
import { inOrganisation } from "../tenancy.js";
import { friendStatus, ratingErrors, scanFramework } from "./present.js";

/**
 * A critical friend's side: a member answers or declines in the app; someone without an account
 * by the link in their mail, its token the only credential. A friend sees whose scan it is, the
 * behaviours and the scale: never the owner's ratings or examples, never other friends.
 */

/** One friend's request with the scan's framework and its owner's name, within one organisation. */
async function requestRow(tx: Tx, organisationId: string, where: ReturnType<typeof and>) {
  const [row] = await tx
    .select({
      friend: scanFriends,
      document: frameworkVersions.document,
      number: frameworkVersions.number,
      extensions: competenceScans.extensions,
      ownerName: memberName,
      organisationName: organisations.name,
    })
    .from(scanFriends)
    .innerJoin(competenceScans, eq(competenceScans.id, scanFriends.scanId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, competenceScans.frameworkVersionId))
    .innerJoin(users, eq(users.id, competenceScans.userId))
    .innerJoin(memberships, membershipIn(competenceScans.userId, organisationId))
    .innerJoin(organisations, eq(organisations.id, scanFriends.organisationId))
    .where(and(eq(scanFriends.organisationId, organisationId), where));
  return row ?? null;
}

type RequestRow = NonNullable<Awaited<ReturnType<typeof requestRow>>>;

function requestView(row: RequestRow): FriendRequest {
  const framework = frameworkAsScanned(row.document, row.extensions);
  return {
    id: row.friend.id,
    ownerName: row.ownerName,
    organisationName: row.organisationName,
    status: friendStatus(row.friend),
    expiresAt: row.friend.expiresAt.toISOString(),
    framework: scanFramework(framework, row.number),
  };
}

/** A closed request as a clear problem: answered or declined (used), withdrawn, or expired. */
function closedProblem(row: RequestRow) {
  const status = friendStatus(row.friend);
  if (status === "answered" || status === "declined") return new HttpProblem(410, "scanFriend.used");
  if (status === "withdrawn") return new HttpProblem(410, "scanFriend.withdrawn");
  if (status === "expired") return new HttpProblem(410, "scanFriend.expired");
  return null;
}

/** Stores a friend's answer once, checked against the scan's framework; nothing half. */
async function answer(
  tx: Tx,
  row: RequestRow,
  input: AnswerInput,
  auditActor: { organisationId: string; userId: string | null; request?: RequestOrigin | undefined },
) {
  const closed = closedProblem(row);
  if (closed) throw closed;
  const framework = frameworkAsScanned(row.document, row.extensions);
  const errors = ratingErrors(framework, input.ratings);
  if (Object.keys(errors).length) throw invalid(errors);
  if (!Object.values(input.ratings).some((v) => v !== null)) throw invalid({ ratings: "field.ratingsEmpty" });
  const [saved] = await tx
    .update(scanFriends)
    .set({ status: "answered", ratings: input.ratings, answeredAt: sql`now()` })
    .where(
      and(
        eq(scanFriends.id, row.friend.id),
        eq(scanFriends.organisationId, row.friend.organisationId),
        eq(scanFriends.status, "invited"),
        gt(scanFriends.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: scanFriends.id });
  if (!saved) throw new HttpProblem(410, "scanFriend.used");
  // Only that they answered: never what.
  await recordAudit(tx, auditActor, {
    type: "scanFriend.answered",
    subjectType: "scan",
    subjectId: row.friend.scanId,
    after: { friendId: row.friend.id, kind: row.friend.kind },
  });
}

async function decline(
  tx: Tx,
  row: RequestRow,
  auditActor: { organisationId: string; userId: string | null; request?: RequestOrigin | undefined },
) {
  const closed = closedProblem(row);
  if (closed) throw closed;
  const [saved] = await tx
    .update(scanFriends)
    .set({ status: "declined", answeredAt: sql`now()` })
    .where(
      and(
        eq(scanFriends.id, row.friend.id),
        eq(scanFriends.organisationId, row.friend.organisationId),
        eq(scanFriends.status, "invited"),
      ),
    )
    .returning({ id: scanFriends.id });
  if (!saved) throw new HttpProblem(410, "scanFriend.used");
  await recordAudit(tx, auditActor, {
    type: "scanFriend.declined",
    subjectType: "scan",
    subjectId: row.friend.scanId,
    after: { friendId: row.friend.id, kind: row.friend.kind },
  });
}

// ---------------------------------------------------------------------------------------------
// A member of the organisation, signed in

/** My open requests to rate someone here, oldest first. */
export async function listFriendRequests(tx: Tx, actor: Actor): Promise<FriendRequestList> {
  const rows = await tx
    .select({
      id: scanFriends.id,
      kind: scanFriends.kind,
      invitedAt: scanFriends.invitedAt,
      expiresAt: scanFriends.expiresAt,
      ownerName: memberName,
    })
    .from(scanFriends)
    .innerJoin(competenceScans, eq(competenceScans.id, scanFriends.scanId))
    .innerJoin(users, eq(users.id, competenceScans.userId))
    .innerJoin(memberships, membershipIn(competenceScans.userId, actor.organisationId))
    .where(
      and(
        eq(scanFriends.organisationId, actor.organisationId),
        eq(scanFriends.userId, actor.userId),
        eq(scanFriends.status, "invited"),
        gt(scanFriends.expiresAt, sql`now()`),
      ),
    )
    .orderBy(asc(scanFriends.invitedAt), asc(scanFriends.id));
  return {
    items: rows.map((r) => ({ ...r, invitedAt: r.invitedAt.toISOString(), expiresAt: r.expiresAt.toISOString() })),
  };
}

/** One of my requests: only the person asked reads it (anyone else: 404). */
async function myRequest(tx: Tx, actor: Actor, friendId: string) {
  const row = await requestRow(
    tx,
    actor.organisationId,
    and(eq(scanFriends.id, friendId), eq(scanFriends.userId, actor.userId)),
  );
  if (!row) throw notFound();
  return row;
}

export async function getFriendRequest(tx: Tx, actor: Actor, friendId: string) {
  return requestView(await myRequest(tx, actor, friendId));
}

export async function answerFriendRequest(tx: Tx, actor: Actor, friendId: string, input: AnswerInput) {
  await answer(tx, await myRequest(tx, actor, friendId), input, actor);
}

export async function declineFriendRequest(tx: Tx, actor: Actor, friendId: string) {
  await decline(tx, await myRequest(tx, actor, friendId), actor);
}

// ---------------------------------------------------------------------------------------------
// Someone without an account, by the link in their mail

/**
 * The one lookup without an organisation: the friend by the token's hash, on the owner
 * connection. The hash stays on the row after use, so a used or withdrawn link is told apart
 * from one that never existed.
 */
async function linkOrganisation(db: Db, token: string) {
  const [row] = await db
    .select({ organisationId: scanFriends.organisationId })
    .from(scanFriends)
    .where(eq(scanFriends.tokenHash, sha256(token)))
    .limit(1);
  if (!row) throw invalid({ token: "scanFriend.linkInvalid" }, "scanFriend.linkInvalid");
  return row.organisationId;
}

async function linkRow(tx: Tx, organisationId: string, token: string) {
  const row = await requestRow(tx, organisationId, eq(scanFriends.tokenHash, sha256(token)));
  if (!row) throw invalid({ token: "scanFriend.linkInvalid" }, "scanFriend.linkInvalid");
  return row;
}

/** What the link shows: whose scan, the behaviours, the scale; a closed link is a clear problem. */
export async function describeLink(db: Db, token: string) {
  const organisationId = await linkOrganisation(db, token);
  return inOrganisation(db, organisationId, async (tx) => {
    const row = await linkRow(tx, organisationId, token);
    const closed = closedProblem(row);
    if (closed) throw closed;
    return requestView(row);
  });
}

export async function answerLink(db: Db, token: string, input: AnswerInput, request?: RequestOrigin) {
  const organisationId = await linkOrganisation(db, token);
  await inOrganisation(db, organisationId, async (tx) =>
    answer(tx, await linkRow(tx, organisationId, token), input, { organisationId, userId: null, request }),
  );
}

export async function declineLink(db: Db, token: string, request?: RequestOrigin) {
  const organisationId = await linkOrganisation(db, token);
  await inOrganisation(db, organisationId, async (tx) =>
    decline(tx, await linkRow(tx, organisationId, token), { organisationId, userId: null, request }),
  );
}
