import { and, eq, inArray, max } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { frameworkVersions } from "../../db/schema.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { latestPublished, readableFramework, readableVersion } from "../competences/versions.js";
import { forbidden, HttpProblem, invalid, notFound } from "../http/problem.js";
import { mayEditFramework } from "./present.js";

/**
 * Begins the next version of a framework as a draft, from a version the editor names or else
 * the newest published one. One version at a time is drafted or voted on (a unique index
 * keeps it so even under concurrent requests). Answers the new version's id.
 */
export async function startDraft(tx: Tx, actor: Actor, frameworkId: string, input: { from?: string | undefined }) {
  const framework = await readableFramework(tx, actor, frameworkId);
  if (!framework) throw notFound();
  if (!mayEditFramework(actor, framework)) throw forbidden();
  const [open] = await tx
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(
      and(eq(frameworkVersions.frameworkId, framework.id), inArray(frameworkVersions.status, ["draft", "voting"])),
    );
  if (open) throw new HttpProblem(409, "framework.draftOpen");
  const source = input.from ? await readableVersion(tx, actor, input.from) : await latestPublished(tx, framework.id);
  if (input.from && source?.frameworkId !== framework.id) throw invalid({ from: "field.unknownReference" });
  if (!source) throw invalid({ from: "field.required" });
  const [{ last } = { last: 0 }] = await tx
    .select({ last: max(frameworkVersions.number) })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, framework.id));
  const number = (last ?? 0) + 1;
  const [draft] = await tx
    .insert(frameworkVersions)
    .values({
      frameworkId: framework.id,
      ownerNetworkId: framework.ownerNetworkId,
      ownerOrganisationId: framework.ownerOrganisationId,
      number,
      document: source.document,
      createdBy: actor.userId,
    })
    .returning({ id: frameworkVersions.id });
  if (!draft) throw new Error("draft not made");
  await recordAudit(tx, actor, {
    type: "framework.draftStarted",
    subjectType: "framework",
    subjectId: framework.id,
    after: { number, from: source.number },
  });
  return draft.id;
}
