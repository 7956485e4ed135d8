import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { declarations } from "../../db/schema.js";
import type { DeclarationView } from "../../domain/declarations/api.js";
import { canStartNewVersion } from "../../domain/declarations/policy.js";
import { latestVersion } from "../../domain/declarations/state.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, HttpProblem, notFound } from "../http/problem.js";
import { judge } from "./judge-declaration.js";
import { type DeclarationRow, loadDeclaration } from "./load-declarations.js";
import { presentDeclaration } from "./present-declaration.js";

/**
 * A new version after the trajectory's data changed since the latest was signed. An unsigned
 * or partly signed version is superseded; a fully signed one stays signed. The deviation text is
 * carried over. Answers with the new version as the requester sees it.
 */
export async function startNewVersion(
  tx: Tx,
  actor: Actor,
  declarationId: string,
  locale: Locale,
): Promise<DeclarationView> {
  const { context, row } = await loadDeclaration(tx, actor, declarationId, { forUpdate: true });
  const judged = judge(context, row);
  if (!canStartNewVersion(context.loaded.viewer, judged.spec)) throw forbidden();
  const latest = latestVersion(judged.versions) as DeclarationRow;
  const latestJudged = latest.id === row.id ? judged : judge(context, latest);
  if (!latestJudged.state.needsNewVersion) throw new HttpProblem(409, "declaration.noNewVersionNeeded");
  const [superseded] =
    latest.status === "open"
      ? await tx
          .update(declarations)
          .set({ status: "superseded" })
          .where(and(eq(declarations.id, latest.id), eq(declarations.organisationId, actor.organisationId)))
          .returning()
      : [latest];
  const [made] = await tx
    .insert(declarations)
    .values({
      organisationId: actor.organisationId,
      trajectoryId: context.loaded.row.id,
      kind: latest.kind,
      number: latest.number + 1,
      deviation: latest.deviation,
    })
    .returning();
  if (!made) throw notFound();
  await recordAudit(tx, actor, {
    type: "declaration.versionStarted",
    subjectType: "declaration",
    subjectId: made.id,
    before: { number: latest.number, status: latest.status },
    after: { kind: latest.kind, number: latest.number + 1 },
  });
  const rows = [...context.rows.map((r) => (r.id === latest.id ? (superseded ?? r) : r)), made];
  return presentDeclaration({ ...context, rows }, made, locale);
}
