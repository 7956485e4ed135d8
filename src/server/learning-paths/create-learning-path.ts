import type { Tx } from "../../db/connection.js";
import { learningPaths } from "../../db/schema.js";
import { proposePath } from "../../domain/competences/path.js";
import type { CreatePathInput } from "../../domain/competences/path-api.js";
import { canScanSelf } from "../../domain/competences/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { conflict, forbidden, invalid } from "../http/problem.js";
import { getLearningPath } from "./get-learning-path.js";
import { ownFinishedScans, ownPath, scanPicture } from "./load.js";

/**
 * The werkbegeleider makes their path from one of their finished scans: the competences with a
 * gap in the order the scan suggests. One path per framework: a second is 409 with the first.
 */
export async function createLearningPath(tx: Tx, actor: Actor, input: CreatePathInput) {
  if (!canScanSelf(actor)) throw forbidden();
  const scans = await ownFinishedScans(tx, actor);
  const scan = scans.find((s) => s.id === input.scanId && s.frameworkId === input.frameworkId);
  if (!scan) throw invalid({ scanId: "field.scanUnknown" });
  if (await ownPath(tx, actor, input.frameworkId))
    throw conflict(await getLearningPath(tx, actor, { frameworkId: input.frameworkId }));
  const picture = await scanPicture(tx, actor, scan.id);
  if (!picture) throw invalid({ scanId: "field.scanUnknown" });
  const items = proposePath([], picture.order, picture.behaviours).path;
  const [made] = await tx
    .insert(learningPaths)
    .values({
      organisationId: actor.organisationId,
      userId: actor.userId,
      frameworkId: input.frameworkId,
      scanId: scan.id,
      items,
    })
    .onConflictDoNothing()
    .returning({ id: learningPaths.id });
  if (!made) throw conflict();
  await recordAudit(tx, actor, {
    type: "learningPath.created",
    subjectType: "learningPath",
    subjectId: made.id,
    after: { competences: items.map((i) => i.competence) },
  });
  return input.frameworkId;
}
