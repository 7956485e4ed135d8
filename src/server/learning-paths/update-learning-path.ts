import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { learningPaths } from "../../db/schema.js";
import { activeCompetences } from "../../domain/competences/framework.js";
import { type PathItem, pathChanges } from "../../domain/competences/path.js";
import type { UpdatePathInput } from "../../domain/competences/path-api.js";
import { canScanSelf } from "../../domain/competences/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { conflict, type FieldErrors, forbidden, invalid, notFound } from "../http/problem.js";
import { getLearningPath } from "./get-learning-path.js";
import { ownPath, scanPicture } from "./load.js";

/**
 * The owner changes their path: picks, reorders, postpones, marks done, adds a competence of the
 * framework, writes a note. Every change is theirs and kept; what the scan says of an item (its
 * behaviours, whether it is closed) stays the server's. An item a scan suggested may be
 * postponed but not removed; one the owner added may go. Versioned: a stale version is 409 with
 * the current path; a wrong item is 422 at its field and nothing is stored.
 */
export async function updateLearningPath(tx: Tx, actor: Actor, input: UpdatePathInput) {
  if (!canScanSelf(actor)) throw forbidden();
  const row = await ownPath(tx, actor, input.frameworkId, true);
  if (!row) throw notFound();
  if (row.version !== input.version)
    throw conflict(await getLearningPath(tx, actor, { frameworkId: input.frameworkId }));
  const picture = row.scanId ? await scanPicture(tx, actor, row.scanId) : null;
  if (!picture) throw notFound();
  const stored = new Map(row.items.map((i) => [i.competence, i]));
  const known = new Set([...activeCompetences(picture.framework).map((c) => c.key), ...stored.keys()]);
  const errors: FieldErrors = {};
  input.items.forEach((item, index) => {
    if (!known.has(item.competence)) errors[`items.${index}.competence`] = "field.unknownCompetence";
  });
  const sent = new Set(input.items.map((i) => i.competence));
  if (row.items.some((i) => !i.own && !sent.has(i.competence))) errors.items = "path.itemMissing";
  if (Object.keys(errors).length) throw invalid(errors as never);

  const items = input.items.map((item): PathItem => {
    const was = stored.get(item.competence);
    const note = item.note === undefined ? (was?.note ?? null) : item.note || null;
    return was
      ? { ...was, status: item.status, note }
      : {
          competence: item.competence,
          status: item.status === "suggested" ? "chosen" : item.status,
          own: true,
          behaviours: picture.behaviours[item.competence] ?? [],
          note,
          module: null,
          closed: false,
        };
  });
  const [after] = await tx
    .update(learningPaths)
    .set({ items, version: sql`${learningPaths.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(learningPaths.id, row.id), eq(learningPaths.version, input.version)))
    .returning({ version: learningPaths.version });
  if (!after) throw conflict();
  await recordAudit(tx, actor, {
    type: "learningPath.updated",
    subjectType: "learningPath",
    subjectId: row.id,
    before: { version: row.version },
    after: { version: after.version, ...pathChanges(row.items, items) },
  });
}
