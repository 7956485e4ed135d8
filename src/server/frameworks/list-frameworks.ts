import { desc } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { frameworkVersions } from "../../db/schema.js";
import type { FrameworkDetail, FrameworkList } from "../../domain/competences/api.js";
import { canViewFrameworks } from "../../domain/competences/policy.js";
import type { Actor } from "../../domain/roles.js";
import { readableFrameworks } from "../competences/versions.js";
import { forbidden } from "../http/problem.js";
import { mayEditFramework, mayReadVersion, type VersionRow, versionSummary } from "./present.js";

type FrameworkRow = Awaited<ReturnType<typeof readableFrameworks>>[number];

/** A framework as a list shows it, from its versions newest first. */
export function frameworkSummary(actor: Actor, framework: FrameworkRow, versions: readonly VersionRow[]) {
  const mayEdit = mayEditFramework(actor, framework);
  const published = versions.find((v) => v.status === "published") ?? null;
  const open = versions.find((v) => v.status === "draft" || v.status === "voting") ?? null;
  const shownOpen = open && mayReadVersion(mayEdit, open) ? open : null;
  const named = published ?? shownOpen ?? versions[0];
  return {
    id: framework.id,
    key: framework.key,
    name: named?.document.name ?? { nl: framework.key, en: framework.key },
    owner: framework.ownerNetworkId ? ("network" as const) : ("organisation" as const),
    published: published && versionSummary(published),
    open: shownOpen && versionSummary(shownOpen),
  } satisfies FrameworkDetail["framework"];
}

/** The frameworks the actor's organisation reads: its network's and its own, two statements whatever their number. */
export async function listFrameworks(tx: Tx, actor: Actor): Promise<FrameworkList> {
  if (!canViewFrameworks(actor)) throw forbidden();
  const rows = await readableFrameworks(tx, actor);
  const versions = rows.length
    ? await tx
        .select()
        .from(frameworkVersions)
        .where(
          oneOf(
            frameworkVersions.frameworkId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(desc(frameworkVersions.number))
    : [];
  return {
    frameworks: rows.map((framework) =>
      frameworkSummary(
        actor,
        framework,
        versions.filter((v) => v.frameworkId === framework.id),
      ),
    ),
  };
}
