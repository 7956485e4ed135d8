import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { frameworkExtensions } from "../../db/schema.js";
import type { ExtensionsView, SaveExtensionsInput } from "../../domain/competences/api.js";
import { withExtensions } from "../../domain/competences/framework.js";
import { canManageOwnFrameworks, canViewFrameworks } from "../../domain/competences/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { latestPublished, ownExtensions, readableFramework } from "../competences/versions.js";
import { conflict, forbidden, invalid, notFound } from "../http/problem.js";

/**
 * An organisation's own additions to a network framework (seed 002: "kernwaarden vertalen in
 * zichtbaar gedrag"): extra skills with behaviours under the shared competences. The shared
 * version never changes; a scan keeps a copy of the additions as they were when it began.
 */

async function networkFramework(tx: Tx, actor: Actor, frameworkId: string) {
  if (!canViewFrameworks(actor)) throw forbidden();
  const framework = await readableFramework(tx, actor, frameworkId);
  // Only a network's framework is extended; an organisation edits its own frameworks directly.
  if (!framework?.ownerNetworkId) throw notFound();
  return framework;
}

export async function getExtensions(tx: Tx, actor: Actor, frameworkId: string): Promise<ExtensionsView> {
  const framework = await networkFramework(tx, actor, frameworkId);
  const stored = await ownExtensions(tx, actor, framework.id);
  const published = await latestPublished(tx, framework.id);
  return {
    frameworkId: framework.id,
    version: stored?.version ?? 0,
    extensions: stored?.extensions ?? [],
    base: published && {
      number: published.number,
      competences: published.document.competences.filter((c) => !c.retired).map((c) => ({ key: c.key, name: c.name })),
    },
    policies: { edit: canManageOwnFrameworks(actor) && published !== null },
  };
}

/** Saves the additions as a whole, with the version read (409 when another save came first). */
export async function saveExtensions(tx: Tx, actor: Actor, frameworkId: string, input: SaveExtensionsInput) {
  const framework = await networkFramework(tx, actor, frameworkId);
  if (!canManageOwnFrameworks(actor)) throw forbidden();
  const published = await latestPublished(tx, framework.id);
  if (!published) throw invalid({ extensions: "field.required" });
  const checked = withExtensions(published.document, input.extensions);
  if (checked.error) {
    // The request's schema has checked each addition on its own; what is left is how it fits the version.
    const { index, key } = checked.error;
    throw key === "field.unknownCompetence"
      ? invalid({ [`extensions.${index}.competence`]: "field.unknownCompetence" })
      : invalid({ [`extensions.${index}.skill.key`]: "field.keyTaken" });
  }

  const stored = await ownExtensions(tx, actor, framework.id);
  const current = stored?.version ?? 0;
  if (current !== input.version) throw conflict(await getExtensions(tx, actor, frameworkId));
  if (stored) {
    const [updated] = await tx
      .update(frameworkExtensions)
      .set({
        extensions: input.extensions,
        version: sql`${frameworkExtensions.version} + 1`,
        updatedBy: actor.userId,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(frameworkExtensions.id, stored.id),
          eq(frameworkExtensions.organisationId, actor.organisationId),
          eq(frameworkExtensions.version, input.version),
        ),
      )
      .returning({ id: frameworkExtensions.id });
    if (!updated) throw conflict();
  } else {
    await tx.insert(frameworkExtensions).values({
      organisationId: actor.organisationId,
      frameworkId: framework.id,
      extensions: input.extensions,
      updatedBy: actor.userId,
    });
  }
  const before = new Map((stored?.extensions ?? []).map((e) => [e.skill.key, JSON.stringify(e)]));
  const after = new Map(input.extensions.map((e) => [e.skill.key, JSON.stringify(e)]));
  await recordAudit(tx, actor, {
    type: "framework.extended",
    subjectType: "framework",
    subjectId: framework.id,
    after: {
      added: [...after.keys()].filter((k) => !before.has(k)),
      changed: [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)),
      removed: [...before.keys()].filter((k) => !after.has(k)),
    },
  });
}
