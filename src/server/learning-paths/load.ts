import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { competenceScans, frameworkVersions, learningPaths } from "../../db/schema.js";
import {
  behavioursPerCompetence,
  type CompetenceLevel,
  competenceLevels,
  suggestedOrder,
} from "../../domain/competences/path.js";
import type { Actor } from "../../domain/roles.js";
import { friendRatings, type ReadableScan, readableScan } from "../scans/access.js";

/**
 * What the learning path's use cases load: the owner's finished scans, their path, and what a
 * scan says for the path (levels, the suggested order, the behaviours to work on). A path is its
 * owner's only: every read here is of the actor's own rows in the actor's organisation.
 */

export interface FinishedScan {
  id: string;
  finishedAt: Date;
  variant: string;
  frameworkId: string;
}

/** The actor's own finished scans in their organisation, newest first, with the framework each was made on. */
export async function ownFinishedScans(tx: Tx, actor: Actor): Promise<FinishedScan[]> {
  const rows = await tx
    .select({
      id: competenceScans.id,
      finishedAt: competenceScans.finishedAt,
      variant: competenceScans.variant,
      frameworkId: frameworkVersions.frameworkId,
    })
    .from(competenceScans)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, competenceScans.frameworkVersionId))
    .where(
      and(
        eq(competenceScans.organisationId, actor.organisationId),
        eq(competenceScans.userId, actor.userId),
        eq(competenceScans.status, "finished"),
      ),
    )
    .orderBy(desc(competenceScans.finishedAt), desc(competenceScans.id));
  return rows.flatMap((row) => (row.finishedAt ? [{ ...row, finishedAt: row.finishedAt }] : []));
}

/** The actor's path on a framework, locked for a change when `forUpdate`. */
export async function ownPath(tx: Tx, actor: Actor, frameworkId: string, forUpdate = false) {
  const query = tx
    .select()
    .from(learningPaths)
    .where(
      and(
        eq(learningPaths.organisationId, actor.organisationId),
        eq(learningPaths.userId, actor.userId),
        eq(learningPaths.frameworkId, frameworkId),
      ),
    );
  const [row] = forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** What one scan says for a learning path. */
export interface ScanPicture {
  readable: ReadableScan;
  levels: CompetenceLevel[];
  order: string[];
  behaviours: Record<string, string[]>;
}

/** One of the actor's own scans as the path reads it; null when it is not theirs to read as its owner. */
export async function scanPicture(tx: Tx, actor: Actor, scanId: string): Promise<ScanPicture | null> {
  const readable = await readableScan(tx, actor, scanId);
  if (readable?.reader !== "owner" || readable.scan.status !== "finished") return null;
  const friends = await friendRatings(tx, readable.scan.organisationId, readable.scan.id);
  const scan = { self: readable.scan.ratings, friends };
  const levels = competenceLevels(readable.framework, readable.scan.variant, scan);
  return {
    readable,
    levels,
    order: suggestedOrder(levels),
    behaviours: behavioursPerCompetence(readable.framework, scan),
  };
}
