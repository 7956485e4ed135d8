import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { competenceScans, frameworkVersions, memberships, scanFriends } from "../../db/schema.js";
import type { FriendRating } from "../../domain/competences/anonymity.js";
import type { Framework } from "../../domain/competences/framework.js";
import { type CompetenceLevel, competenceLevels, type Scan } from "../../domain/competences/path.js";
import { type ScanReader, scanReader } from "../../domain/competences/policy.js";
import type { Actor } from "../../domain/roles.js";
import { frameworkAsScanned } from "../competences/versions.js";

export interface ReadableScan {
  scan: typeof competenceScans.$inferSelect;
  reader: ScanReader;
  /** The version the scan was made on, with the extensions it copied: what it is read against, always. */
  framework: Framework;
  version: { id: string; frameworkId: string; number: number; hash: string | null };
}

/**
 * One scan of the actor's organisation with how the actor may read it (owner, praktijkopleider,
 * team leader), or null when they may not read it at all: the one door every scan read goes
 * through. Friends rate through their own invitation, not through this.
 */
export async function readableScan(tx: Tx, actor: Actor, scanId: string): Promise<ReadableScan | null> {
  const [row] = await tx
    .select({
      scan: competenceScans,
      managerId: memberships.managerId,
      document: frameworkVersions.document,
      version: {
        id: frameworkVersions.id,
        frameworkId: frameworkVersions.frameworkId,
        number: frameworkVersions.number,
        hash: frameworkVersions.hash,
      },
    })
    .from(competenceScans)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, competenceScans.frameworkVersionId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.organisationId, competenceScans.organisationId),
        eq(memberships.userId, competenceScans.userId),
      ),
    )
    .where(and(eq(competenceScans.id, scanId), eq(competenceScans.organisationId, actor.organisationId)));
  if (!row) return null;
  const reader = scanReader(actor, { userId: row.scan.userId, managerId: row.managerId });
  if (!reader) return null;
  return {
    scan: row.scan,
    reader,
    framework: frameworkAsScanned(row.document, row.scan.extensions),
    version: row.version,
  };
}

/**
 * The answers of some scans' friends who answered, per scan and behaviour, as the anonymity rule
 * reads them (`shownGroups`, `friendsMean`): each with a rater id and kind, never a name. Only for
 * results; one friend's answers never leave the server. One statement however many scans.
 */
export async function friendRatingsOf(tx: Tx, organisationId: string, scanIds: readonly string[]) {
  const byScan = new Map<string, Record<string, FriendRating[]>>();
  if (!scanIds.length) return byScan;
  const rows = await tx
    .select({ id: scanFriends.id, scanId: scanFriends.scanId, kind: scanFriends.kind, ratings: scanFriends.ratings })
    .from(scanFriends)
    .where(
      and(
        eq(scanFriends.organisationId, organisationId),
        oneOf(scanFriends.scanId, [...scanIds]),
        eq(scanFriends.status, "answered"),
      ),
    );
  for (const row of rows) {
    const byBehaviour = byScan.get(row.scanId) ?? {};
    for (const [behaviour, value] of Object.entries(row.ratings))
      byBehaviour[behaviour] = [...(byBehaviour[behaviour] ?? []), { raterId: row.id, kind: row.kind, value }];
    byScan.set(row.scanId, byBehaviour);
  }
  return byScan;
}

/** One scan's friends' answers per behaviour (`friendRatingsOf`). */
export async function friendRatings(tx: Tx, organisationId: string, scanId: string) {
  return (await friendRatingsOf(tx, organisationId, [scanId])).get(scanId) ?? {};
}

/**
 * A scan as its result reads it: the owner's and the friends' answers (`scan`), and each
 * competence's level and gap, self and friends combined by the framework's rule (`levels`).
 */
export async function scanLevels(tx: Tx, readable: ReadableScan): Promise<{ scan: Scan; levels: CompetenceLevel[] }> {
  const friends = await friendRatings(tx, readable.scan.organisationId, readable.scan.id);
  const scan = { self: readable.scan.ratings, friends };
  return { scan, levels: competenceLevels(readable.framework, readable.scan.variant, scan) };
}
