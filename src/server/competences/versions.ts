import { and, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { frameworkExtensions, frameworks, frameworkVersions } from "../../db/schema.js";
import { type Extension, type Framework, withExtensions } from "../../domain/competences/framework.js";
import type { Actor } from "../../domain/roles.js";
import { contentHash } from "../content-hash.js";
import { ownNetworkId } from "../networks/service.js";

/**
 * The shared reads and the one write every part of the learning network needs: which frameworks
 * an organisation may read, a version of one, the framework as the organisation uses it (the
 * network's published version with its own extensions), and publishing (freezing) a version.
 * Every query is scoped here as well as by row-level security (decision 0019).
 */

/** Rows owned by the actor's organisation or by its network. */
export async function ownedByOrganisationOrNetwork(
  tx: Tx,
  actor: Pick<Actor, "organisationId">,
  columns: { ownerOrganisationId: PgColumn; ownerNetworkId: PgColumn },
): Promise<SQL> {
  const networkId = await ownNetworkId(tx, actor);
  const own = eq(columns.ownerOrganisationId, actor.organisationId);
  return networkId ? (or(own, eq(columns.ownerNetworkId, networkId)) as SQL) : own;
}

/** The frameworks the actor's organisation may read: its network's and its own. */
export async function readableFrameworks(tx: Tx, actor: Pick<Actor, "organisationId">) {
  const scope = await ownedByOrganisationOrNetwork(tx, actor, frameworks);
  return tx.select().from(frameworks).where(scope).orderBy(frameworks.key, frameworks.id);
}

/** One framework the actor's organisation may read, or null. */
export async function readableFramework(tx: Tx, actor: Pick<Actor, "organisationId">, frameworkId: string) {
  const scope = await ownedByOrganisationOrNetwork(tx, actor, frameworks);
  const [row] = await tx
    .select()
    .from(frameworks)
    .where(and(eq(frameworks.id, frameworkId), scope));
  return row ?? null;
}

/** One version the actor's organisation may read, or null. */
export async function readableVersion(tx: Tx, actor: Pick<Actor, "organisationId">, versionId: string) {
  const scope = await ownedByOrganisationOrNetwork(tx, actor, frameworkVersions);
  const [row] = await tx
    .select()
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.id, versionId), scope));
  return row ?? null;
}

/** The newest published version of a framework, or null while none is. */
export async function latestPublished(tx: Tx, frameworkId: string) {
  const [row] = await tx
    .select()
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.status, "published")))
    .orderBy(desc(frameworkVersions.number))
    .limit(1);
  return row ?? null;
}

/** The organisation's own extensions of a framework, as stored (an empty list when it has none). */
export async function ownExtensions(tx: Tx, actor: Pick<Actor, "organisationId">, frameworkId: string) {
  const [row] = await tx
    .select()
    .from(frameworkExtensions)
    .where(
      and(
        eq(frameworkExtensions.organisationId, actor.organisationId),
        eq(frameworkExtensions.frameworkId, frameworkId),
      ),
    );
  return row ?? null;
}

export interface EffectiveFramework {
  frameworkId: string;
  version: { id: string; number: number; hash: string };
  /** The organisation's extensions as they are now; a scan keeps a copy of them. */
  extensions: Extension[];
  /** The published version with those extensions in place. */
  framework: Framework;
}

/**
 * The framework as the actor's organisation uses it now: the newest published version with the
 * organisation's extensions in place. Null when the framework is not readable or has no
 * published version. An extension that no longer fits the version (its competence was retired
 * or removed) is left out rather than breaking the framework.
 */
export async function effectiveFramework(
  tx: Tx,
  actor: Pick<Actor, "organisationId">,
  frameworkId: string,
): Promise<EffectiveFramework | null> {
  const framework = await readableFramework(tx, actor, frameworkId);
  if (!framework) return null;
  const version = await latestPublished(tx, frameworkId);
  if (!version?.hash) return null;
  const stored = (await ownExtensions(tx, actor, frameworkId))?.extensions ?? [];
  const extensions = stored.filter((extension) => withExtensions(version.document, [extension]).framework);
  const applied = withExtensions(version.document, extensions);
  return {
    frameworkId,
    version: { id: version.id, number: version.number, hash: version.hash },
    extensions,
    framework: applied.framework ?? version.document,
  };
}

/** A stored version with the extensions a scan copied: what that scan was made on, unchanged since. */
export function frameworkAsScanned(document: Framework, extensions: readonly Extension[]): Framework {
  // Most scans have none: the stored document itself, without copying and checking it again.
  if (!extensions.length) return document;
  return withExtensions(document, extensions).framework ?? document;
}

/**
 * Freezes a version: published, named by the hash of its document, never to change again (a
 * trigger refuses any later change to it). The caller has checked that it may be published.
 */
export async function publishVersion(tx: Tx, versionId: string): Promise<string> {
  const [row] = await tx
    .select({ document: frameworkVersions.document })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.id, versionId));
  if (!row) throw new Error(`framework version ${versionId} not found`);
  const hash = contentHash(row.document);
  await tx
    .update(frameworkVersions)
    .set({
      status: "published",
      hash,
      publishedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${frameworkVersions.version} + 1`,
    })
    .where(eq(frameworkVersions.id, versionId));
  return hash;
}

/** The newest published version of each of some frameworks (what content is tagged against): one statement for all. */
export async function frameworksOf(tx: Tx, frameworkIds: readonly string[]) {
  const ids = [...new Set(frameworkIds)];
  if (!ids.length) return new Map<string, Framework>();
  const rows = await tx
    .selectDistinctOn([frameworkVersions.frameworkId], {
      frameworkId: frameworkVersions.frameworkId,
      document: frameworkVersions.document,
    })
    .from(frameworkVersions)
    .where(and(oneOf(frameworkVersions.frameworkId, ids), eq(frameworkVersions.status, "published")))
    .orderBy(frameworkVersions.frameworkId, desc(frameworkVersions.number));
  return new Map(rows.map((r) => [r.frameworkId, r.document]));
}
