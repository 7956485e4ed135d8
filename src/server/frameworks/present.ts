import type { frameworks, frameworkVersions } from "../../db/schema.js";
import type { VersionSummary } from "../../domain/competences/api.js";
import { canDraftNetworkFramework, canManageOwnFrameworks } from "../../domain/competences/policy.js";
import type { Actor } from "../../domain/roles.js";

type FrameworkRow = typeof frameworks.$inferSelect;
export type VersionRow = typeof frameworkVersions.$inferSelect;

/** Whether the actor may draft and change versions of this framework: the network's coordinators, or the owning organisation's managers. */
export const mayEditFramework = (
  actor: Actor,
  framework: Pick<FrameworkRow, "ownerNetworkId" | "ownerOrganisationId">,
) =>
  framework.ownerNetworkId !== null
    ? canDraftNetworkFramework(actor)
    : framework.ownerOrganisationId === actor.organisationId && canManageOwnFrameworks(actor);

/** A draft is its editors' work in progress; a version put to the vote, published or withdrawn is every reader's. */
export const mayReadVersion = (mayEdit: boolean, version: Pick<VersionRow, "status">) =>
  mayEdit || version.status !== "draft";

export const versionSummary = (row: VersionRow): VersionSummary => ({
  id: row.id,
  number: row.number,
  status: row.status,
  round: row.round,
  hash: row.hash,
  changeNote: row.changeNote,
  updatedAt: row.updatedAt.toISOString(),
  publishedAt: row.publishedAt?.toISOString() ?? null,
});
