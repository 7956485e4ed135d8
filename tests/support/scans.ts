import { and, eq, gt, inArray, like, sql } from "drizzle-orm";
import {
  competenceScans,
  frameworks,
  frameworkVersions,
  frameworkVotes,
  learningPaths,
  memberships,
  notifications,
  scanFriends,
  users,
} from "../../src/db/schema.js";
import type { RaterKind } from "../../src/domain/competences/anonymity.js";
import { activeBehaviours, activeCompetences } from "../../src/domain/competences/framework.js";
import type { TestApp } from "./app.js";

/** The demo network's framework and its published version 1. */
export async function demoFramework(t: TestApp) {
  const [framework] = await t.database.db.select().from(frameworks);
  const [version] = await t.database.db
    .select()
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, framework?.id ?? ""), eq(frameworkVersions.status, "published")));
  if (!framework || !version) throw new Error("the demo framework is not seeded");
  return { framework, version };
}

export async function userIdOf(t: TestApp, email: string) {
  const [user] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

export interface FinishedScanOptions {
  email: string;
  organisation?: keyof TestApp["orgs"];
  variant?: string;
  /** The werkbegeleider's own rating of every active behaviour, or per behaviour key. */
  self: number | Record<string, number | null>;
  /** Friends who answered: their kind and their rating of every behaviour. */
  friends?: Array<{ kind: RaterKind; rating: number; email?: string }>;
  finishedAt?: Date;
}

/**
 * A finished scan on the demo framework's published version, written straight into the database
 * (as its owner would have made it through the API), with its friends' answers.
 */
export async function createFinishedScan(t: TestApp, options: FinishedScanOptions) {
  const { version } = await demoFramework(t);
  const organisationId = t.orgs[options.organisation ?? "linde"];
  const userId = await userIdOf(t, options.email);
  const behaviours = activeCompetences(version.document).flatMap((c) => activeBehaviours(c).map((b) => b.key));
  const self =
    typeof options.self === "number"
      ? Object.fromEntries(behaviours.map((key) => [key, options.self as number]))
      : options.self;
  const finishedAt = options.finishedAt ?? new Date();
  const [scan] = await t.database.db
    .insert(competenceScans)
    .values({
      organisationId,
      userId,
      frameworkVersionId: version.id,
      variant: options.variant ?? "mbo3",
      status: "finished",
      ratings: self,
      startedAt: finishedAt,
      updatedAt: finishedAt,
      finishedAt,
    })
    .returning();
  if (!scan) throw new Error("scan not made");
  for (const [index, friend] of (options.friends ?? []).entries()) {
    const ratings = Object.fromEntries(behaviours.map((key) => [key, friend.rating]));
    await t.database.db.insert(scanFriends).values({
      organisationId,
      scanId: scan.id,
      kind: friend.kind,
      ...(friend.email
        ? { userId: await userIdOf(t, friend.email) }
        : { name: `Vriend ${index + 1}`, email: `vriend${index + 1}@extern.example` }),
      expiresAt: new Date(finishedAt.getTime() + 14 * 24 * 3600 * 1000),
      status: "answered",
      ratings,
      invitedAt: finishedAt,
      answeredAt: finishedAt,
    });
  }
  return scan;
}

/** Makes `leaderEmail` (a client) the team leader of `email` in the organisation. */
export async function setTeamLeader(
  t: TestApp,
  email: string,
  leaderEmail: string,
  organisation: keyof TestApp["orgs"] = "linde",
) {
  const organisationId = t.orgs[organisation];
  const membershipOf = async (who: string) => {
    const [row] = await t.database.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, await userIdOf(t, who))));
    if (!row) throw new Error(`${who} is no member`);
    return row.id;
  };
  await t.database.db
    .update(memberships)
    .set({ managerId: await membershipOf(leaderEmail) })
    .where(eq(memberships.id, await membershipOf(email)));
}

/**
 * Takes away the demo's scans, critical friends and learning path of `email` in the organisation,
 * for tests that follow a werkbegeleider from her first scan. Finished scans are frozen, so the
 * freeze is lifted for this removal only, in one transaction of the owner connection.
 */
export async function withoutDemoScans(t: TestApp, email: string, organisation: keyof TestApp["orgs"] = "linde") {
  const organisationId = t.orgs[organisation];
  const userId = await userIdOf(t, email);
  await t.database.db.transaction(async (tx) => {
    await tx
      .delete(learningPaths)
      .where(and(eq(learningPaths.organisationId, organisationId), eq(learningPaths.userId, userId)));
    const scans = await tx
      .select({ id: competenceScans.id })
      .from(competenceScans)
      .where(and(eq(competenceScans.organisationId, organisationId), eq(competenceScans.userId, userId)));
    if (!scans.length) return;
    const ids = scans.map((s) => s.id);
    await tx.delete(scanFriends).where(inArray(scanFriends.scanId, ids));
    await tx.execute(sql`ALTER TABLE competence_scans DISABLE TRIGGER frozen`);
    await tx.delete(competenceScans).where(inArray(competenceScans.id, ids));
    await tx.execute(sql`ALTER TABLE competence_scans ENABLE TRIGGER frozen`);
  });
}

/**
 * Takes away the demo's consensus round on version 2 of the network's framework (its votes and
 * notifications with it), for tests that follow a round from its draft. The round is not
 * published, so nothing frozen is touched.
 */
export async function withoutDemoRound(t: TestApp) {
  const { framework } = await demoFramework(t);
  await t.database.db.transaction(async (tx) => {
    const later = await tx
      .select({ id: frameworkVersions.id })
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, framework.id), gt(frameworkVersions.number, 1)));
    for (const { id } of later) {
      await tx.delete(frameworkVotes).where(eq(frameworkVotes.versionId, id));
      await tx.delete(notifications).where(like(notifications.link, `%${id}%`));
      await tx.delete(frameworkVersions).where(eq(frameworkVersions.id, id));
    }
  });
}
