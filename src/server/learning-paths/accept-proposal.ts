import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { learningPaths } from "../../db/schema.js";
import { proposePath } from "../../domain/competences/path.js";
import type { AcceptProposalInput } from "../../domain/competences/path-api.js";
import { canScanSelf } from "../../domain/competences/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { conflict, forbidden, invalid, notFound } from "../http/problem.js";
import { getLearningPath } from "./get-learning-path.js";
import { ownFinishedScans, ownPath, scanPicture } from "./load.js";

/**
 * The owner takes over what a newer scan proposes (`proposePath`): what they chose, postponed,
 * finished, added or noted stays; new gaps are added; items without a gap any more are marked
 * closed, not dropped. Versioned: a stale version is 409 with the current path.
 */
export async function acceptProposal(tx: Tx, actor: Actor, input: AcceptProposalInput) {
  if (!canScanSelf(actor)) throw forbidden();
  const row = await ownPath(tx, actor, input.frameworkId, true);
  if (!row) throw notFound();
  if (row.version !== input.version)
    throw conflict(await getLearningPath(tx, actor, { frameworkId: input.frameworkId }));
  const scans = await ownFinishedScans(tx, actor);
  const scan = scans.find((s) => s.id === input.scanId && s.frameworkId === input.frameworkId);
  if (!scan) throw invalid({ scanId: "field.scanUnknown" });
  const current = scans.find((s) => s.id === row.scanId);
  if (current && scan.finishedAt <= current.finishedAt) throw invalid({ scanId: "field.noProposal" });
  const picture = await scanPicture(tx, actor, scan.id);
  if (!picture) throw invalid({ scanId: "field.scanUnknown" });
  const proposal = proposePath(row.items, picture.order, picture.behaviours);
  const [after] = await tx
    .update(learningPaths)
    .set({
      items: proposal.path,
      scanId: scan.id,
      version: sql`${learningPaths.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(learningPaths.id, row.id), eq(learningPaths.version, input.version)))
    .returning({ version: learningPaths.version });
  if (!after) throw conflict();
  await recordAudit(tx, actor, {
    type: "learningPath.proposalAccepted",
    subjectType: "learningPath",
    subjectId: row.id,
    before: { version: row.version },
    after: { version: after.version, added: proposal.added, closed: proposal.closed, reordered: proposal.reordered },
  });
}
