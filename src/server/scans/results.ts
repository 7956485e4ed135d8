import { and, arrayContains, asc, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { competenceScans, frameworkVersions, memberships, users } from "../../db/schema.js";
import { activeCompetences } from "../../domain/competences/framework.js";
import { highlights } from "../../domain/competences/highlights.js";
import { competenceLevels, growth } from "../../domain/competences/path.js";
import { canOverseeScans, canSeeScanOverview } from "../../domain/competences/policy.js";
import { competenceGroups } from "../../domain/competences/results.js";
import type { ScanComparison, ScanOverview, ScanResults } from "../../domain/competences/scan-api.js";
import type { Actor } from "../../domain/roles.js";
import { frameworkAsScanned } from "../competences/versions.js";
import { forbidden, HttpProblem, notFound } from "../http/problem.js";
import { memberName, membershipIn } from "../people/member-name.js";
import { logRead } from "../privacy/access-log.js";
import { friendRatingsOf, readableScan, scanLevels } from "./access.js";
import { variantOf } from "./present.js";

/**
 * What a finished self-scan says: its result per competence, two scans compared, and the
 * overview a praktijkopleider (everyone) or team leader (their own team) keeps. Levels and the
 * friends' groups under the anonymity rule only; one friend's answers never leave the server.
 */

const notFinished = () => new HttpProblem(409, "scan.notFinished");

/** A finished scan the actor may read, or the reason why not. */
async function finishedScan(tx: Tx, actor: Actor, scanId: string) {
  const readable = await readableScan(tx, actor, scanId);
  if (!readable) throw notFound();
  if (readable.scan.status !== "finished" || !readable.scan.finishedAt) throw notFinished();
  return { ...readable, finishedAt: readable.scan.finishedAt };
}

export async function getScanResults(tx: Tx, actor: Actor, scanId: string): Promise<ScanResults> {
  const readable = await finishedScan(tx, actor, scanId);
  await logRead(tx, actor, "scan", [readable.scan.userId], scanId);
  const { framework } = readable;
  const { scan, levels } = await scanLevels(tx, readable);
  const groups = competenceGroups(framework, scan);
  const [owner] = await tx
    .select({ name: memberName })
    .from(users)
    .innerJoin(memberships, membershipIn(users.id, actor.organisationId))
    .where(eq(users.id, readable.scan.userId));
  const answered = new Set(Object.values(scan.friends).flatMap((ratings) => ratings.map((r) => r.raterId)));
  const names = new Map(activeCompetences(framework).map((c) => [c.key, c.name]));
  return {
    id: readable.scan.id,
    reader: readable.reader,
    ownerName: owner?.name ?? "",
    frameworkName: framework.name,
    versionNumber: readable.version.number,
    variant: variantOf(framework, readable.scan.variant),
    scale: framework.scale.map((l) => ({ value: l.value, name: l.name })),
    finishedAt: readable.finishedAt.toISOString(),
    friendsAnswered: answered.size,
    competences: levels.map(({ competence, ...level }) => ({
      key: competence,
      name: names.get(competence) ?? { nl: competence, en: competence },
      ...level,
      groups: groups[competence] ?? [],
    })),
    highlights: highlights(levels),
  };
}

/** Growth per competence from one finished scan to another of the same person, whoever may read both. */
export async function compareScans(tx: Tx, actor: Actor, fromId: string, toId: string): Promise<ScanComparison> {
  const from = await finishedScan(tx, actor, fromId);
  const to = fromId === toId ? from : await finishedScan(tx, actor, toId);
  if (fromId === toId) throw new HttpProblem(422, "scan.sameScan", { to: "scan.sameScan" });
  if (from.scan.userId !== to.scan.userId) throw new HttpProblem(422, "scan.otherPerson", { to: "scan.otherPerson" });
  await logRead(tx, actor, "scan", [to.scan.userId], toId);
  const before = (await scanLevels(tx, from)).levels;
  const after = (await scanLevels(tx, to)).levels;
  const names = new Map(
    [...activeCompetences(from.framework), ...activeCompetences(to.framework)].map((c) => [c.key, c.name]),
  );
  const nameOf = (key: string) => names.get(key) ?? { nl: key, en: key };
  const targets = new Map(after.map((l) => [l.competence, l.target]));
  const inFrom = new Set(before.map((l) => l.competence));
  const inTo = new Set(after.map((l) => l.competence));
  // `growth` leaves `before` and `change` null for a competence the earlier scan's version lacked.
  const grown = growth(before, after).map((g) => ({
    key: g.competence,
    name: nameOf(g.competence),
    before: g.before,
    after: g.after,
    change: g.change,
    target: targets.get(g.competence) ?? null,
    in: inFrom.has(g.competence) ? ("both" as const) : ("to" as const),
  }));
  const dropped = before
    .filter((l) => !inTo.has(l.competence))
    .map((l) => ({
      key: l.competence,
      name: nameOf(l.competence),
      before: l.level,
      after: null,
      change: null,
      target: null,
      in: "from" as const,
    }));
  const side = (s: typeof from) => ({
    id: s.scan.id,
    finishedAt: s.finishedAt.toISOString(),
    versionNumber: s.version.number,
  });
  return { from: side(from), to: side(to), competences: [...grown, ...dropped] };
}

/**
 * Per werkbegeleider the actor oversees: the praktijkopleider every guide of the organisation,
 * a team leader the guides whose membership names them as manager. Whether a scan is open, how
 * many are finished, and the latest one's result in brief. Five statements however many people.
 */
export async function scanOverview(tx: Tx, actor: Actor): Promise<ScanOverview> {
  if (!canSeeScanOverview(actor)) throw forbidden();
  const allOfThem = canOverseeScans(actor);
  const people = await tx
    .select({ membershipId: memberships.id, userId: memberships.userId, name: memberName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, actor.organisationId),
        eq(memberships.status, "active"),
        arrayContains(memberships.roles, ["guide"]),
        allOfThem ? undefined : eq(memberships.managerId, actor.membershipId),
      ),
    )
    .orderBy(asc(memberName), asc(memberships.id));
  if (!people.length) return { items: [] };
  const scans = await tx
    .select({
      id: competenceScans.id,
      userId: competenceScans.userId,
      status: competenceScans.status,
      finishedAt: competenceScans.finishedAt,
    })
    .from(competenceScans)
    .where(
      and(
        eq(competenceScans.organisationId, actor.organisationId),
        oneOf(
          competenceScans.userId,
          people.map((p) => p.userId),
        ),
      ),
    )
    .orderBy(desc(sql`${competenceScans.finishedAt} is null`), desc(competenceScans.finishedAt));
  const latest = new Map<string, (typeof scans)[number]>();
  for (const scan of scans) if (scan.status === "finished" && !latest.has(scan.userId)) latest.set(scan.userId, scan);
  const latestIds = [...latest.values()].map((s) => s.id);
  // The latest scans' answers, and each framework version they were made on (found through the
  // organisation's own scans; a network's version is shared) once, not once per scan.
  const details = latestIds.length
    ? await tx
        .select({
          id: competenceScans.id,
          variant: competenceScans.variant,
          ratings: competenceScans.ratings,
          extensions: competenceScans.extensions,
          versionId: competenceScans.frameworkVersionId,
        })
        .from(competenceScans)
        .where(and(eq(competenceScans.organisationId, actor.organisationId), oneOf(competenceScans.id, latestIds)))
    : [];
  const versionIds = [...new Set(details.map((d) => d.versionId))];
  const versions = versionIds.length
    ? await tx
        .select({ id: frameworkVersions.id, document: frameworkVersions.document, number: frameworkVersions.number })
        .from(frameworkVersions)
        .where(oneOf(frameworkVersions.id, versionIds))
    : [];
  const detailOf = new Map(details.map((d) => [d.id, d]));
  const versionOf = new Map(versions.map((v) => [v.id, v]));
  const answers = await friendRatingsOf(tx, actor.organisationId, latestIds);
  return {
    items: people.map((person) => {
      const own = scans.filter((s) => s.userId === person.userId);
      const last = latest.get(person.userId);
      let summary: ScanOverview["items"][number]["latest"] = null;
      const detail = last && detailOf.get(last.id);
      const version = detail && versionOf.get(detail.versionId);
      if (last?.finishedAt && detail && version) {
        const friends = answers.get(last.id) ?? {};
        const framework = frameworkAsScanned(version.document, detail.extensions);
        const levels = competenceLevels(framework, detail.variant, { self: detail.ratings, friends });
        summary = {
          scanId: last.id,
          finishedAt: last.finishedAt.toISOString(),
          frameworkName: framework.name,
          versionNumber: version.number,
          competences: levels.length,
          belowTarget: levels.filter((l) => l.gap > 0).length,
        };
      }
      return {
        membershipId: person.membershipId,
        name: person.name,
        openScan: own.some((s) => s.status === "open"),
        finishedScans: own.filter((s) => s.status === "finished").length,
        latest: summary,
      };
    }),
  };
}
