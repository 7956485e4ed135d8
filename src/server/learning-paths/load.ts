import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { competenceScans, frameworkVersions, learningPaths } from "../../db/schema.js";
import type { Framework } from "../../domain/competences/framework.js";
import {
  behavioursPerCompetence,
  type CompetenceLevel,
  competenceLevels,
  suggestedOrder,
} from "../../domain/competences/path.js";
import type { Actor } from "../../domain/roles.js";
import { frameworkAsScanned } from "../competences/versions.js";
import { friendRatingsOf } from "../scans/access.js";

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
  /** The version the scan was made on, with the extensions it copied. */
  framework: Framework;
  levels: CompetenceLevel[];
  order: string[];
  behaviours: Record<string, string[]>;
}

/**
 * Some of the actor's own finished scans as the path reads them, in two statements however many:
 * each read against the version it was made on (as `readableScan` reads it for its owner), with
 * its friends' answers through the anonymity rule. Scans that are not the actor's own are absent.
 */
export async function scanPictures(tx: Tx, actor: Actor, scanIds: readonly string[]) {
  const pictures = new Map<string, ScanPicture>();
  if (!scanIds.length) return pictures;
  const rows = await tx
    .select({
      id: competenceScans.id,
      variant: competenceScans.variant,
      ratings: competenceScans.ratings,
      extensions: competenceScans.extensions,
      document: frameworkVersions.document,
    })
    .from(competenceScans)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, competenceScans.frameworkVersionId))
    .where(
      and(
        oneOf(competenceScans.id, [...scanIds]),
        eq(competenceScans.organisationId, actor.organisationId),
        eq(competenceScans.userId, actor.userId),
        eq(competenceScans.status, "finished"),
      ),
    );
  const answers = await friendRatingsOf(
    tx,
    actor.organisationId,
    rows.map((r) => r.id),
  );
  for (const row of rows) {
    const friends = answers.get(row.id) ?? {};
    const framework = frameworkAsScanned(row.document, row.extensions);
    const scan = { self: row.ratings, friends };
    const levels = competenceLevels(framework, row.variant, scan);
    pictures.set(row.id, {
      framework,
      levels,
      order: suggestedOrder(levels),
      behaviours: behavioursPerCompetence(framework, scan),
    });
  }
  return pictures;
}

/** One of the actor's own finished scans as the path reads it; null when it is not theirs. */
export async function scanPicture(tx: Tx, actor: Actor, scanId: string) {
  return (await scanPictures(tx, actor, [scanId])).get(scanId) ?? null;
}
