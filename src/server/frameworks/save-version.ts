import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { frameworkVersions } from "../../db/schema.js";
import type { SaveVersionInput } from "../../domain/competences/api.js";
import { compareVersions } from "../../domain/competences/compare.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { readableVersion } from "../competences/versions.js";
import { conflict, forbidden, HttpProblem, notFound } from "../http/problem.js";
import { notifyNewRound } from "./consensus/service.js";
import { getVersion } from "./get-framework.js";
import { mayEditFramework } from "./present.js";

/**
 * Saves the document of a version still being drafted or voted on. A change while members vote
 * starts the next consensus round: votes of earlier rounds no longer count, since they were
 * given on another text. A published or withdrawn version never changes (409; the database
 * refuses it too). Versioned: a stale version is 409 with the current one.
 */
export async function saveVersion(
  tx: Tx,
  actor: Actor,
  frameworkId: string,
  versionId: string,
  input: SaveVersionInput,
) {
  const before = await readableVersion(tx, actor, versionId);
  if (before?.frameworkId !== frameworkId) throw notFound();
  const mayEdit = mayEditFramework(actor, before);
  if (!mayEdit) throw before.status === "draft" ? notFound() : forbidden();
  if (before.status !== "draft" && before.status !== "voting") throw new HttpProblem(409, "framework.notEditable");
  if (before.version !== input.version) throw conflict(await getVersion(tx, actor, frameworkId, versionId));
  const round = before.status === "voting" ? before.round + 1 : before.round;
  const [after] = await tx
    .update(frameworkVersions)
    .set({
      document: input.document,
      ...(input.changeNote !== undefined ? { changeNote: input.changeNote } : {}),
      round,
      version: sql`${frameworkVersions.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(frameworkVersions.id, before.id), eq(frameworkVersions.version, input.version)))
    .returning({ id: frameworkVersions.id });
  if (!after) throw conflict(await getVersion(tx, actor, frameworkId, versionId));
  const changes = compareVersions(before.document, input.document);
  await recordAudit(tx, actor, {
    type: "framework.versionSaved",
    subjectType: "framework",
    subjectId: before.frameworkId,
    before: { number: before.number, round: before.round },
    after: {
      number: before.number,
      round,
      added: changes.added.map((c) => c.key),
      changed: changes.changed.map((c) => c.key),
      retired: changes.retired.map((c) => c.key),
    },
  });
  if (round !== before.round) await notifyNewRound(tx, actor, { ...before, round });
}
