import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { qualifications } from "../../db/schema.js";
import type {
  QualificationList,
  QualificationView,
  SaveQualificationInput,
  UpdateQualificationInput,
} from "../../domain/qualifications/api.js";
import { type CoreTask, parseCoreTasks } from "../../domain/qualifications/parse.js";
import { canManageQualifications } from "../../domain/qualifications/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid, notFound } from "../http/problem.js";
import { updateVersioned } from "../tenancy.js";

const present = (row: typeof qualifications.$inferSelect): QualificationView => ({
  id: row.id,
  name: row.name,
  code: row.code,
  tasks: row.tasks,
  version: row.version,
});

/** The organisation's qualifications, by name: every member reads them (to pick goals from). */
export async function listQualifications(tx: Tx, actor: Actor): Promise<QualificationList> {
  const rows = await tx
    .select()
    .from(qualifications)
    .where(eq(qualifications.organisationId, actor.organisationId))
    .orderBy(asc(qualifications.name), asc(qualifications.id))
    .limit(200);
  return { items: rows.map(present), canManage: canManageQualifications(actor) };
}

/** The tasks in the text, or the first wrong line told at the text field. */
function tasksOf(text: string): CoreTask[] {
  const parsed = parseCoreTasks(text);
  if (!parsed.ok)
    throw invalid({
      text: {
        key: `qualification.${parsed.problem}`,
        values: { line: parsed.line, code: parsed.code ?? "" },
      },
    });
  if (!parsed.tasks.length) throw invalid({ text: "qualification.empty" });
  return parsed.tasks;
}

const counted = (tasks: readonly CoreTask[]) => ({
  coreTasks: tasks.length,
  workProcesses: tasks.reduce((n, t) => n + t.workProcesses.length, 0),
});

export async function createQualification(tx: Tx, actor: Actor, input: SaveQualificationInput) {
  if (!canManageQualifications(actor)) throw forbidden();
  const tasks = tasksOf(input.text);
  const [row] = await tx
    .insert(qualifications)
    .values({
      organisationId: actor.organisationId,
      name: input.name,
      code: input.code || null,
      tasks,
      updatedBy: actor.userId,
    })
    .returning({ id: qualifications.id });
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, actor, {
    type: "qualification.saved",
    subjectType: "qualification",
    subjectId: row.id,
    after: { name: input.name, ...counted(tasks) },
  });
  return row.id;
}

export async function updateQualification(tx: Tx, actor: Actor, id: string, input: UpdateQualificationInput) {
  if (!canManageQualifications(actor)) throw forbidden();
  const tasks = tasksOf(input.text);
  await updateVersioned(
    tx,
    qualifications,
    { id, organisationId: actor.organisationId, expectedVersion: input.version },
    { name: input.name, code: input.code || null, tasks, updatedBy: actor.userId },
  );
  await recordAudit(tx, actor, {
    type: "qualification.saved",
    subjectType: "qualification",
    subjectId: id,
    after: { name: input.name, ...counted(tasks) },
  });
  return id;
}

/** Goals picked from it keep their text: a qualification can go without touching any trajectory. */
export async function deleteQualification(tx: Tx, actor: Actor, id: string) {
  if (!canManageQualifications(actor)) throw forbidden();
  const [removed] = await tx
    .delete(qualifications)
    .where(and(eq(qualifications.id, id), eq(qualifications.organisationId, actor.organisationId)))
    .returning({ name: qualifications.name });
  if (!removed) throw notFound();
  await recordAudit(tx, actor, {
    type: "qualification.deleted",
    subjectType: "qualification",
    subjectId: id,
    before: { name: removed.name },
  });
}
