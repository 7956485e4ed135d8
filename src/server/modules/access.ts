import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { modules, moduleVersions } from "../../db/schema.js";
import { canAuthorModules, canAuthorNetworkModules } from "../../domain/modules/policy.js";
import type { Actor } from "../../domain/roles.js";
import { ownedByOrganisationOrNetwork } from "../competences/versions.js";

/**
 * The one door to modules (decision 0026): which the actor's organisation may read (its own and
 * its network's), and who may edit one. Scoped here and by row-level security.
 */

export type ModuleRow = typeof modules.$inferSelect;
export type ModuleVersionRow = typeof moduleVersions.$inferSelect;

export async function readableModules(tx: Tx, actor: Pick<Actor, "organisationId">, ids?: readonly string[]) {
  const scope = await ownedByOrganisationOrNetwork(tx, actor, modules);
  return tx
    .select()
    .from(modules)
    .where(ids ? and(scope, oneOf(modules.id, [...ids])) : scope)
    .orderBy(modules.createdAt, modules.id);
}

export async function readableModule(tx: Tx, actor: Pick<Actor, "organisationId">, moduleId: string) {
  const [row] = await readableModules(tx, actor, [moduleId]);
  return row ?? null;
}

/** Whether the actor edits this module: its organisation's authors, or for the network's any member's. */
export const mayEditModule = (
  actor: Pick<Actor, "organisationId" | "roles">,
  module: Pick<ModuleRow, "ownerOrganisationId" | "ownerNetworkId">,
) =>
  module.ownerNetworkId
    ? canAuthorNetworkModules(actor)
    : module.ownerOrganisationId === actor.organisationId && canAuthorModules(actor);

/** Every version of some modules, newest first. */
export async function versionsOf(tx: Tx, moduleIds: readonly string[]) {
  if (!moduleIds.length) return [];
  return tx
    .select()
    .from(moduleVersions)
    .where(oneOf(moduleVersions.moduleId, [...moduleIds]))
    .orderBy(desc(moduleVersions.number));
}

/** One version of a module the actor reads (a draft only when they may edit it), or null. */
export async function readableModuleVersion(tx: Tx, actor: Actor, moduleId: string, versionId: string) {
  const module = await readableModule(tx, actor, moduleId);
  if (!module) return null;
  const [version] = await tx
    .select()
    .from(moduleVersions)
    .where(and(eq(moduleVersions.id, versionId), eq(moduleVersions.moduleId, moduleId)));
  if (!version || (version.status === "draft" && !mayEditModule(actor, module))) return null;
  return { module, version };
}

export async function latestPublishedModule(tx: Tx, moduleId: string) {
  const [row] = await tx
    .select()
    .from(moduleVersions)
    .where(and(eq(moduleVersions.moduleId, moduleId), eq(moduleVersions.status, "published")))
    .orderBy(desc(moduleVersions.number))
    .limit(1);
  return row ?? null;
}
