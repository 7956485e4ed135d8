import { desc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { frameworkVersions } from "../../db/schema.js";
import type { FrameworkDetail, VersionView } from "../../domain/competences/api.js";
import { canManageOwnFrameworks, canViewFrameworks } from "../../domain/competences/policy.js";
import type { Actor } from "../../domain/roles.js";
import { effectiveFramework, readableFramework, readableVersion } from "../competences/versions.js";
import { forbidden, notFound } from "../http/problem.js";
import { frameworkSummary } from "./list-frameworks.js";
import { mayEditFramework, mayReadVersion, versionSummary } from "./present.js";

/** One framework: its versions as the reader may see them, and the framework as the organisation uses it now. */
export async function getFramework(tx: Tx, actor: Actor, frameworkId: string): Promise<FrameworkDetail> {
  if (!canViewFrameworks(actor)) throw forbidden();
  const framework = await readableFramework(tx, actor, frameworkId);
  if (!framework) throw notFound();
  const versions = await tx
    .select()
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, framework.id))
    .orderBy(desc(frameworkVersions.number));
  const mayEdit = mayEditFramework(actor, framework);
  const effective = await effectiveFramework(tx, actor, framework.id);
  return {
    framework: frameworkSummary(actor, framework, versions),
    versions: versions.filter((v) => mayReadVersion(mayEdit, v)).map(versionSummary),
    effective: effective && {
      versionId: effective.version.id,
      number: effective.version.number,
      document: effective.framework,
      extensions: effective.extensions,
    },
    policies: {
      draft: mayEdit,
      // An organisation extends a network's framework; its own frameworks it simply edits.
      extend: framework.ownerNetworkId !== null && canManageOwnFrameworks(actor),
    },
  };
}

/** One version with its document; a draft only to those who may edit it (404 to others: it is not there for them). */
export async function getVersion(tx: Tx, actor: Actor, frameworkId: string, versionId: string): Promise<VersionView> {
  if (!canViewFrameworks(actor)) throw forbidden();
  const version = await readableVersion(tx, actor, versionId);
  if (version?.frameworkId !== frameworkId) throw notFound();
  const mayEdit = mayEditFramework(actor, version);
  if (!mayReadVersion(mayEdit, version)) throw notFound();
  return {
    ...versionSummary(version),
    frameworkId: version.frameworkId,
    document: version.document,
    version: version.version,
    policies: { edit: mayEdit && (version.status === "draft" || version.status === "voting") },
  };
}
