import { and, eq, max, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { modules, moduleVersions } from "../../db/schema.js";
import { activeCompetences } from "../../domain/competences/framework.js";
import type { CreateModuleInput, ModuleVersionView, SaveModuleVersionInput } from "../../domain/modules/api.js";
import { blockChanges, type ModuleDocument, moduleOutline } from "../../domain/modules/module.js";
import { canAuthorModules, canAuthorNetworkModules } from "../../domain/modules/policy.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { checkCaseBlocks } from "../cases/service.js";
import { latestPublished, readableFramework } from "../competences/versions.js";
import { contentHash } from "../content-hash.js";
import { conflict, forbidden, HttpProblem, invalid, notFound } from "../http/problem.js";
import { ownNetworkId } from "../networks/service.js";
import { latestPublishedModule, mayEditModule, readableModule, readableModuleVersion } from "./access.js";

/**
 * Writing modules (decision 0026): begin one (an outline, or a copy of a published version to
 * adapt locally), draft the next version, save a draft, publish it. A published version is
 * frozen (the database refuses a change); learners keep the version they started.
 */

/** The framework a module is tagged against, as its newest published version: its competences and scale. */
async function tagFramework(tx: Tx, actor: Actor, frameworkId: string, networkOnly = false) {
  const framework = await readableFramework(tx, actor, frameworkId);
  if (networkOnly && !framework?.ownerNetworkId) return null;
  const version = framework ? await latestPublished(tx, framework.id) : null;
  return version?.document ?? null;
}

/**
 * Tags name competences the framework has, at levels of its scale; 422 at the field otherwise.
 * The network's module is tagged against the network's framework, which every member reads.
 */
async function checkTags(tx: Tx, actor: Actor, tags: ModuleDocument["tags"], at: string, network: boolean) {
  const framework = await tagFramework(tx, actor, tags.frameworkId, network);
  if (!framework) throw invalid({ [`${at}.frameworkId`]: "field.unknownReference" });
  const keys = new Set(activeCompetences(framework).map((c) => c.key));
  const levels = new Set(framework.scale.map((l) => l.value));
  const problems: Record<string, "field.unknownReference"> = {};
  tags.competences.forEach((c, i) => {
    if (!keys.has(c.key)) problems[`${at}.competences.${i}.key`] = "field.unknownReference";
    else if (!levels.has(c.level)) problems[`${at}.competences.${i}.level`] = "field.unknownReference";
  });
  if (Object.keys(problems).length) throw invalid(problems);
}

/** A new module of the organisation, or of the network; answers its id. */
export async function createModule(tx: Tx, actor: Actor, input: CreateModuleInput) {
  const network = input.owner === "network";
  if (network ? !canAuthorNetworkModules(actor) : !canAuthorModules(actor)) throw forbidden();
  const networkId = network ? await ownNetworkId(tx, actor) : null;
  if (network && !networkId) throw invalid({ owner: "field.unknownReference" });

  let document: ModuleDocument;
  let copiedFrom: string | null = null;
  let fromNumber: number | null = null;
  if (input.from) {
    const [source] = await tx.select().from(moduleVersions).where(eq(moduleVersions.id, input.from));
    const readable = source ? await readableModuleVersion(tx, actor, source.moduleId, source.id) : null;
    if (readable?.version.status !== "published") throw invalid({ from: "field.unknownReference" });
    document = { ...structuredClone(readable.version.document), title: input.title };
    copiedFrom = readable.module.id;
    fromNumber = readable.version.number;
  } else {
    if (!input.tags) throw invalid({ tags: "field.required" });
    await checkTags(tx, actor, input.tags, "tags", network);
    document = moduleOutline(input.title, input.tags);
  }

  const owner = { ownerNetworkId: networkId, ownerOrganisationId: networkId ? null : actor.organisationId };
  const [module] = await tx
    .insert(modules)
    .values({ ...owner, copiedFrom })
    .returning({ id: modules.id });
  if (!module) throw new Error("module not made");
  await tx
    .insert(moduleVersions)
    .values({ moduleId: module.id, ...owner, number: 1, document, createdBy: actor.userId });
  await recordAudit(tx, actor, {
    type: "module.draftStarted",
    subjectType: "module",
    subjectId: module.id,
    after: { number: 1, from: fromNumber, copiedFrom },
  });
  return module.id;
}

/** The next version as a draft, from the newest published one; one draft at a time. Answers its id. */
export async function startModuleDraft(tx: Tx, actor: Actor, moduleId: string) {
  const module = await readableModule(tx, actor, moduleId);
  if (!module) throw notFound();
  if (!mayEditModule(actor, module)) throw forbidden();
  const [open] = await tx
    .select({ id: moduleVersions.id })
    .from(moduleVersions)
    .where(and(eq(moduleVersions.moduleId, moduleId), eq(moduleVersions.status, "draft")));
  if (open) throw new HttpProblem(409, "module.draftOpen");
  const source = await latestPublishedModule(tx, moduleId);
  if (!source) throw new HttpProblem(409, "module.nothingPublished");
  const [{ last } = { last: 0 }] = await tx
    .select({ last: max(moduleVersions.number) })
    .from(moduleVersions)
    .where(eq(moduleVersions.moduleId, moduleId));
  const number = (last ?? 0) + 1;
  const [draft] = await tx
    .insert(moduleVersions)
    .values({
      moduleId,
      ownerNetworkId: module.ownerNetworkId,
      ownerOrganisationId: module.ownerOrganisationId,
      number,
      document: source.document,
      createdBy: actor.userId,
    })
    .returning({ id: moduleVersions.id });
  if (!draft) throw new Error("draft not made");
  await recordAudit(tx, actor, {
    type: "module.draftStarted",
    subjectType: "module",
    subjectId: moduleId,
    after: { number, from: source.number, copiedFrom: null },
  });
  return draft.id;
}

async function editableDraft(tx: Tx, actor: Actor, moduleId: string, versionId: string) {
  const readable = await readableModuleVersion(tx, actor, moduleId, versionId);
  if (!readable) throw notFound();
  if (!mayEditModule(actor, readable.module)) throw forbidden();
  if (readable.version.status !== "draft") throw new HttpProblem(409, "module.notEditable");
  return readable;
}

const changedKeys = (before: ModuleDocument, after: ModuleDocument) => {
  const changes = blockChanges(before, after);
  const keys = (blocks: readonly { key: string }[]) => blocks.map((b) => b.key);
  return { added: keys(changes.added), changed: keys(changes.changed), removed: keys(changes.removed) };
};

/** Saves a draft's document (versioned: a stale version is 409 with the current one). */
export async function saveModuleVersion(
  tx: Tx,
  actor: Actor,
  moduleId: string,
  versionId: string,
  input: SaveModuleVersionInput,
) {
  const { module, version: before } = await editableDraft(tx, actor, moduleId, versionId);
  if (before.version !== input.version) throw conflict(await getModuleVersion(tx, actor, moduleId, versionId));
  await checkTags(tx, actor, input.document.tags, "document.tags", module.ownerNetworkId !== null);
  await checkCaseBlocks(tx, actor, input.document.blocks, "document.blocks", module.ownerNetworkId !== null);
  const [after] = await tx
    .update(moduleVersions)
    .set({
      document: input.document,
      ...(input.changeNote !== undefined ? { changeNote: input.changeNote } : {}),
      version: sql`${moduleVersions.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(moduleVersions.id, before.id), eq(moduleVersions.version, input.version)))
    .returning({ id: moduleVersions.id });
  if (!after) throw conflict(await getModuleVersion(tx, actor, moduleId, versionId));
  await recordAudit(tx, actor, {
    type: "module.versionSaved",
    subjectType: "module",
    subjectId: moduleId,
    before: { number: before.number },
    after: { number: before.number, ...changedKeys(before.document, input.document) },
  });
}

/** Publishes a draft: frozen from now on, named by its hash; new learners start on it. */
export async function publishModuleVersion(
  tx: Tx,
  actor: Actor,
  moduleId: string,
  versionId: string,
  input: { version: number },
) {
  const { module, version: draft } = await editableDraft(tx, actor, moduleId, versionId);
  if (draft.version !== input.version) throw conflict(await getModuleVersion(tx, actor, moduleId, versionId));
  await checkTags(tx, actor, draft.document.tags, "document.tags", module.ownerNetworkId !== null);
  await checkCaseBlocks(tx, actor, draft.document.blocks, "document.blocks", module.ownerNetworkId !== null);
  const hash = contentHash(draft.document);
  await tx
    .update(moduleVersions)
    .set({
      status: "published",
      hash,
      publishedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${moduleVersions.version} + 1`,
    })
    .where(eq(moduleVersions.id, draft.id));
  await recordAudit(tx, actor, {
    type: "module.published",
    subjectType: "module",
    subjectId: moduleId,
    after: { number: draft.number, hash },
  });
}

/** One version with its document, for the editor: and the competences and levels to tag it with. */
export async function getModuleVersion(
  tx: Tx,
  actor: Actor,
  moduleId: string,
  versionId: string,
): Promise<ModuleVersionView> {
  const readable = await readableModuleVersion(tx, actor, moduleId, versionId);
  if (!readable) throw notFound();
  const { module, version } = readable;
  const framework = await tagFramework(tx, actor, version.document.tags.frameworkId);
  return {
    moduleId: module.id,
    id: version.id,
    number: version.number,
    status: version.status,
    changeNote: version.changeNote,
    updatedAt: version.updatedAt.toISOString(),
    publishedAt: version.publishedAt?.toISOString() ?? null,
    version: version.version,
    document: version.document,
    competences: framework ? activeCompetences(framework).map((c) => ({ key: c.key, name: c.name })) : [],
    levels: framework ? framework.scale.map((l) => ({ value: l.value, label: l.name })) : [],
    mayEdit: mayEditModule(actor, module) && version.status === "draft",
  };
}
