import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { moduleProgress, moduleVersions } from "../../db/schema.js";
import { activeCompetences, type Framework } from "../../domain/competences/framework.js";
import type { ModuleDetail, ModuleList, ModuleSummary, ModuleVersionSummary } from "../../domain/modules/api.js";
import { type Block, blockChanges, blockTitle } from "../../domain/modules/module.js";
import { canAuthorModules, canAuthorNetworkModules, canFollowModules } from "../../domain/modules/policy.js";
import { forLearner, moduleProgress as progressOf } from "../../domain/modules/progress.js";
import type { Actor } from "../../domain/roles.js";
import { caseIdsOf, caseTexts } from "../cases/service.js";
import { frameworksOf } from "../competences/versions.js";
import { forbidden, notFound } from "../http/problem.js";
import { ownNetworkId } from "../networks/service.js";
import { type ModuleRow, type ModuleVersionRow, mayEditModule, readableModules, versionsOf } from "./access.js";
import { assignmentStatuses, learnerView, ownProgress, submissionsOf } from "./learning.js";

/** The module library as the actor's organisation reads it (decision 0026). */

const presentVersion = (v: ModuleVersionRow): ModuleVersionSummary => ({
  id: v.id,
  number: v.number,
  status: v.status,
  changeNote: v.changeNote,
  updatedAt: v.updatedAt.toISOString(),
  publishedAt: v.publishedAt?.toISOString() ?? null,
});

/** The actor's progress in some modules, summarised: one statement for the rows, one for their versions and one for the assignments. */
async function progressSummaries(tx: Tx, actor: Actor, moduleIds: readonly string[]) {
  const summaries = new Map<string, NonNullable<ModuleSummary["progress"]>>();
  if (!moduleIds.length) return summaries;
  const rows = await tx
    .select({ progress: moduleProgress, document: moduleVersions.document })
    .from(moduleProgress)
    .innerJoin(moduleVersions, eq(moduleVersions.id, moduleProgress.moduleVersionId))
    .where(
      and(
        eq(moduleProgress.organisationId, actor.organisationId),
        eq(moduleProgress.userId, actor.userId),
        oneOf(moduleProgress.moduleId, [...moduleIds]),
      ),
    );
  const submissions = await submissionsOf(
    tx,
    actor.organisationId,
    rows.map((r) => r.progress.id),
  );
  for (const { progress, document } of rows) {
    const statuses = assignmentStatuses(submissions.filter((s) => s.progressId === progress.id));
    const { done, total, complete } = progressOf(document, progress.state, statuses);
    summaries.set(progress.moduleId, {
      done,
      total,
      complete,
      completedAt: progress.completedAt?.toISOString() ?? null,
    });
  }
  return summaries;
}

function summarise(
  actor: Actor,
  module: ModuleRow,
  versions: readonly ModuleVersionRow[],
  frameworks: Map<string, Framework>,
  progress: ModuleSummary["progress"],
): ModuleSummary | null {
  const mayEdit = mayEditModule(actor, module);
  const published = versions.find((v) => v.status === "published") ?? null;
  const draft = mayEdit ? (versions.find((v) => v.status === "draft") ?? null) : null;
  const shown = published ?? draft;
  if (!shown) return null;
  const { document } = shown;
  const framework = frameworks.get(document.tags.frameworkId);
  const names = new Map(framework ? activeCompetences(framework).map((c) => [c.key, c.name]) : []);
  return {
    id: module.id,
    owner: module.ownerNetworkId ? "network" : "organisation",
    title: document.title,
    summary: document.summary,
    minutes: document.minutes,
    blockKinds: [...new Set(document.blocks.map((b) => b.kind))],
    frameworkId: document.tags.frameworkId,
    competences: document.tags.competences.map((c) => ({ ...c, name: names.get(c.key) ?? null })),
    published: published && presentVersion(published),
    draft: draft && presentVersion(draft),
    copiedFrom: module.copiedFrom,
    progress,
    mayEdit,
  };
}

async function summaries(tx: Tx, actor: Actor, modules: readonly ModuleRow[]) {
  const ids = modules.map((m) => m.id);
  const versions = await versionsOf(tx, ids);
  const frameworks = await frameworksOf(
    tx,
    versions.map((v) => v.document.tags.frameworkId),
  );
  const progress = await progressSummaries(tx, actor, ids);
  return modules.flatMap((module) => {
    const own = versions.filter((v) => v.moduleId === module.id);
    const summary = summarise(actor, module, own, frameworks, progress.get(module.id) ?? null);
    return summary ? [{ summary, versions: own }] : [];
  });
}

export async function listModules(tx: Tx, actor: Actor): Promise<ModuleList> {
  if (!canFollowModules(actor)) throw forbidden();
  const listed = await summaries(tx, actor, await readableModules(tx, actor));
  return {
    modules: listed.map((l) => l.summary).sort((a, b) => a.title.localeCompare(b.title, "nl")),
    policies: {
      create: canAuthorModules(actor),
      createForNetwork: canAuthorNetworkModules(actor) && (await ownNetworkId(tx, actor)) !== null,
    },
  };
}

/** For authors: what the draft changes against the newest published version. */
function draftChanges(versions: readonly ModuleVersionRow[], mayEdit: boolean): ModuleDetail["draftChanges"] {
  const draft = versions.find((v) => v.status === "draft");
  const published = versions.find((v) => v.status === "published");
  if (!mayEdit || !draft || !published) return null;
  const changes = blockChanges(published.document, draft.document);
  const list = (blocks: readonly Block[]) => blocks.map((b) => ({ key: b.key, kind: b.kind, title: blockTitle(b) }));
  return {
    from: published.number,
    added: list(changes.added),
    changed: list(changes.changed),
    removed: list(changes.removed),
  };
}

export async function getModule(tx: Tx, actor: Actor, moduleId: string): Promise<ModuleDetail> {
  if (!canFollowModules(actor)) throw forbidden();
  const [module] = await readableModules(tx, actor, [moduleId]);
  const [listed] = module ? await summaries(tx, actor, [module]) : [];
  if (!module || !listed) throw notFound();
  const mayEdit = listed.summary.mayEdit;
  const visible = listed.versions.filter((v) => mayEdit || v.status === "published");
  const published = visible.find((v) => v.status === "published");
  const progress = await ownProgress(tx, actor, moduleId);
  const previewCases = await caseTexts(tx, actor, published ? caseIdsOf(published.document.blocks) : []);
  return {
    module: listed.summary,
    versions: visible.map(presentVersion),
    preview: published ? published.document.blocks.map((block) => forLearner(block, previewCases)) : [],
    learner: progress ? await learnerView(tx, actor, progress) : null,
    draftChanges: draftChanges(listed.versions, mayEdit),
    policies: {
      edit: mayEdit,
      follow: canFollowModules(actor) && !!published,
      copy: canAuthorModules(actor) && module.ownerNetworkId !== null && !!published,
    },
  };
}
