import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { competenceScans, frameworkVersions, memberships, scanFriends } from "../../db/schema.js";
import type { FriendRating } from "../../domain/competences/anonymity.js";
import type { Framework } from "../../domain/competences/framework.js";
import { type CompetenceLevel, competenceLevels } from "../../domain/competences/path.js";
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
 * The answers of a scan's friends who answered, per behaviour, as the anonymity rule reads them
 * (`shownGroups`, `friendsMean`): each with a rater id and kind, never a name. Only for results;
 * one friend's answers never leave the server.
 */
export async function friendRatings(tx: Tx, organisationId: string, scanId: string) {
  const rows = await tx
    .select({ id: scanFriends.id, kind: scanFriends.kind, ratings: scanFriends.ratings })
    .from(scanFriends)
    .where(
      and(
        eq(scanFriends.organisationId, organisationId),
        eq(scanFriends.scanId, scanId),
        eq(scanFriends.status, "answered"),
      ),
    );
  const byBehaviour: Record<string, FriendRating[]> = {};
  for (const row of rows)
    for (const [behaviour, value] of Object.entries(row.ratings))
      byBehaviour[behaviour] = [...(byBehaviour[behaviour] ?? []), { raterId: row.id, kind: row.kind, value }];
  return byBehaviour;
}

/** Each competence's level and gap for a scan, self and friends combined by the framework's rule. */
export async function scanLevels(tx: Tx, readable: ReadableScan): Promise<CompetenceLevel[]> {
  const friends = await friendRatings(tx, readable.scan.organisationId, readable.scan.id);
  return competenceLevels(readable.framework, readable.scan.variant, { self: readable.scan.ratings, friends });
}
