import type { Tx } from "../../db/connection.js";
import type { VersionComparisonView } from "../../domain/competences/api.js";
import { compareVersions } from "../../domain/competences/compare.js";
import type { Actor } from "../../domain/roles.js";
import { getVersion } from "./get-framework.js";

/**
 * Two versions of one framework compared: what was added, changed and retired from `from` to `to`,
 * with both documents so the texts can be read side by side. Each is read as the version itself
 * is read: a draft only by its editors.
 */
export async function compareFrameworkVersions(
  tx: Tx,
  actor: Actor,
  frameworkId: string,
  fromId: string,
  toId: string,
): Promise<VersionComparisonView> {
  const from = await getVersion(tx, actor, frameworkId, fromId);
  const to = await getVersion(tx, actor, frameworkId, toId);
  return {
    from: { id: from.id, number: from.number, status: from.status, document: from.document },
    to: { id: to.id, number: to.number, status: to.status, document: to.document },
    changes: compareVersions(from.document, to.document),
  };
}
