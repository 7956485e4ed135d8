import type { Tx } from "../../db/connection.js";
import { declarations } from "../../db/schema.js";
import type { DeclarationView } from "../../domain/declarations/api.js";
import { canEditDeviation } from "../../domain/declarations/policy.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, HttpProblem, invalid } from "../http/problem.js";
import { updateVersioned } from "../tenancy.js";
import { judge } from "./judge-declaration.js";
import { loadDeclaration } from "./load-declarations.js";
import { presentDeclaration } from "./present-declaration.js";

/**
 * The deviation explanation of an end declaration, written before the first signature. Answers
 * with the declaration as the requester sees it after the change.
 */
export async function updateDeviation(
  tx: Tx,
  actor: Actor,
  declarationId: string,
  body: { version: number; deviation: string | null },
  locale: Locale,
): Promise<DeclarationView> {
  const { context, row } = await loadDeclaration(tx, actor, declarationId, { forUpdate: true });
  const judged = judge(context, row);
  if (!canEditDeviation(context.loaded.viewer, judged.spec)) throw forbidden();
  if (!judged.spec.includes.includes("deviation")) throw invalid({ deviation: "field.unknownField" });
  if (!judged.isLatest || row.status !== "open") throw new HttpProblem(409, "declaration.notOpen");
  if (row.contentSha256 !== null) throw new HttpProblem(409, "declaration.frozen");
  const deviation = body.deviation?.trim() || null;
  const updated = await updateVersioned(
    tx,
    declarations,
    { id: row.id, organisationId: actor.organisationId, expectedVersion: body.version },
    { deviation },
  );
  await recordAudit(tx, actor, {
    type: "declaration.deviationUpdated",
    subjectType: "declaration",
    subjectId: row.id,
    before: { deviation: row.deviation },
    after: { deviation },
  });
  const rows = context.rows.map((r) => (r.id === updated.id ? updated : r));
  return presentDeclaration({ ...context, rows }, updated, locale);
}
