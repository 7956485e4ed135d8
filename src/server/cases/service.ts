import { and, desc, eq, ilike, ne, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { cases, memberships, organisations, users } from "../../db/schema.js";
import type {
  CaseContent,
  CaseList,
  CaseSummary,
  CaseView,
  CreateCaseInput,
  ReviewCaseInput,
  UpdateCaseInput,
  WithdrawCaseInput,
} from "../../domain/cases/api.js";
import { canReadCases, canReviewCases, canWriteCases } from "../../domain/cases/policy.js";
import { privacyWarnings } from "../../domain/cases/privacy.js";
import { activeCompetences, type Framework } from "../../domain/competences/framework.js";
import type { CaseText } from "../../domain/modules/api.js";
import type { Block } from "../../domain/modules/module.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { frameworksOf, readableFramework } from "../competences/versions.js";
import { conflict, forbidden, HttpProblem, invalid, notFound } from "../http/problem.js";
import { ownNetworkId } from "../networks/service.js";
import { membersWithRole, notify } from "../notifications/notify.js";
import { memberName, membershipIn } from "../people/member-name.js";

/**
 * Cases from practice (decision 0028): written in an organisation for it or for its network,
 * reviewed by a trainer of that organisation, and read once approved: a network case by every
 * member of the network, a local one within the organisation. Until then a case is its author's,
 * and while submitted its reviewers' too.
 */

type CaseRow = typeof cases.$inferSelect;

/** The whole text of a case, as the privacy check reads it. */
export const caseText = (c: Pick<CaseContent, "title" | "situation" | "question" | "whatHappened">) =>
  [c.title, c.situation, c.question, c.whatHappened].join("\n");

/** Whether the actor reads this case: approved, their own, waiting for their review, or sent back by them. */
const visible = (actor: Actor, row: CaseRow) =>
  row.status === "approved" ||
  (row.organisationId === actor.organisationId &&
    (row.authorId === actor.userId ||
      row.reviewedBy === actor.userId ||
      (row.status === "submitted" && canReviewCases(actor))));

const mayReview = (actor: Actor, row: CaseRow) =>
  row.status === "submitted" &&
  row.organisationId === actor.organisationId &&
  row.authorId !== actor.userId &&
  canReviewCases(actor);

const mayEdit = (actor: Actor, row: CaseRow) =>
  row.authorId === actor.userId &&
  row.organisationId === actor.organisationId &&
  (row.status === "draft" || row.status === "returned");

/** An approved case is taken back by its author or a trainer of its organisation. */
const mayWithdraw = (actor: Actor, row: CaseRow) =>
  row.status === "approved" &&
  row.organisationId === actor.organisationId &&
  (row.authorId === actor.userId || canReviewCases(actor));

/** The rows the actor's organisation may see at all: its own, and the network's approved ones. */
async function scope(tx: Tx, actor: Actor): Promise<SQL> {
  const networkId = await ownNetworkId(tx, actor);
  const own = eq(cases.organisationId, actor.organisationId);
  return networkId ? (or(own, and(eq(cases.status, "approved"), eq(cases.ownerNetworkId, networkId))) as SQL) : own;
}

interface Context {
  frameworks: Map<string, Framework>;
  organisations: Map<string, string>;
  authors: Map<string, string>;
  reviewers: Map<string, string>;
}

/** Names for some cases: their frameworks' competences, organisations, and the authors of the actor's own organisation. */
async function contextOf(tx: Tx, actor: Actor, rows: readonly CaseRow[]): Promise<Context> {
  const people = [...new Set(rows.flatMap((r) => [r.authorId, ...(r.reviewedBy ? [r.reviewedBy] : [])]))];
  const orgIds = [...new Set(rows.map((r) => r.organisationId))];
  const [frameworks, orgs, names] = [
    await frameworksOf(
      tx,
      rows.map((r) => r.frameworkId),
    ),
    orgIds.length
      ? await tx
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(oneOf(organisations.id, orgIds))
      : [],
    people.length
      ? await tx
          .select({ id: users.id, name: memberName })
          .from(users)
          .innerJoin(memberships, membershipIn(users.id, actor.organisationId))
          .where(oneOf(users.id, people))
      : [],
  ];
  const named = new Map(names.map((n) => [n.id, n.name]));
  return {
    frameworks,
    organisations: new Map(orgs.map((o) => [o.id, o.name])),
    authors: named,
    reviewers: named,
  };
}

function competencesOf(framework: Framework | undefined, keys: readonly string[]) {
  const names = new Map(framework ? activeCompetences(framework).map((c) => [c.key, c.name]) : []);
  return keys.map((key) => ({ key, name: names.get(key) ?? { nl: key, en: key } }));
}

function summarise(actor: Actor, row: CaseRow, context: Context): CaseSummary {
  const ownOrganisation = row.organisationId === actor.organisationId;
  return {
    id: row.id,
    owner: row.ownerNetworkId ? "network" : "organisation",
    status: row.status,
    title: row.title,
    setting: row.setting,
    competences: competencesOf(context.frameworks.get(row.frameworkId), row.competences),
    organisation: context.organisations.get(row.organisationId) ?? "",
    // Another organisation's people are not this organisation's to name.
    author: ownOrganisation ? (context.authors.get(row.authorId) ?? null) : null,
    mine: row.authorId === actor.userId && ownOrganisation,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function present(actor: Actor, row: CaseRow, context: Context): CaseView {
  const framework = context.frameworks.get(row.frameworkId);
  const edit = mayEdit(actor, row);
  return {
    ...summarise(actor, row, context),
    situation: row.situation,
    question: row.question,
    whatHappened: row.whatHappened,
    frameworkId: row.frameworkId,
    version: row.version,
    reviewReason: row.reviewReason,
    reviewedBy:
      row.reviewedBy && row.organisationId === actor.organisationId
        ? (context.reviewers.get(row.reviewedBy) ?? null)
        : null,
    privacy: edit || mayReview(actor, row) ? privacyWarnings(caseText(row)) : [],
    competenceChoices: framework ? activeCompetences(framework).map((c) => ({ key: c.key, name: c.name })) : [],
    policies: { edit, submit: edit, review: mayReview(actor, row), withdraw: mayWithdraw(actor, row) },
  };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The library: approved cases, filtered; the reader's own unfinished ones; those waiting for their review. */
export async function listCases(
  tx: Tx,
  actor: Actor,
  query: { q?: string | undefined; competence?: string | undefined; setting?: string | undefined },
): Promise<CaseList> {
  if (!canReadCases(actor)) throw forbidden();
  const filters: SQL[] = [];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    filters.push(
      or(
        ilike(cases.title, like),
        ilike(cases.situation, like),
        ilike(cases.question, like),
        ilike(cases.whatHappened, like),
      ) as SQL,
    );
  }
  if (query.competence) filters.push(sql`${cases.competences} @> ARRAY[${query.competence}]::text[]`);
  if (query.setting) filters.push(eq(cases.setting, query.setting));
  const own = and(eq(cases.organisationId, actor.organisationId), ne(cases.status, "approved"));
  const rows = await tx
    .select()
    .from(cases)
    .where(
      and(
        await scope(tx, actor),
        or(
          and(eq(cases.status, "approved"), ...filters),
          and(own, or(eq(cases.authorId, actor.userId), eq(cases.status, "submitted"))),
        ),
      ),
    )
    .orderBy(desc(cases.updatedAt), cases.id);
  const shown = rows.filter((row) => visible(actor, row));
  const context = await contextOf(tx, actor, shown);
  const summary = (row: CaseRow) => summarise(actor, row, context);
  const networkId = await ownNetworkId(tx, actor);
  return {
    cases: shown.filter((r) => r.status === "approved").map(summary),
    toReview: shown.filter((r) => mayReview(actor, r)).map(summary),
    mine: shown.filter((r) => r.status !== "approved" && r.authorId === actor.userId).map(summary),
    policies: { create: canWriteCases(actor), createForNetwork: canWriteCases(actor) && networkId !== null },
  };
}

async function readableCase(tx: Tx, actor: Actor, caseId: string, forUpdate = false) {
  const query = tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), await scope(tx, actor)));
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row || !canReadCases(actor) || !visible(actor, row)) throw notFound();
  return row;
}

export async function getCase(tx: Tx, actor: Actor, caseId: string): Promise<CaseView> {
  const row = await readableCase(tx, actor, caseId);
  return present(actor, row, await contextOf(tx, actor, [row]));
}

/**
 * The competences name the newest published version of a framework the organisation reads; a
 * network case is tagged on a network framework, which every member reads. 422 at the field.
 */
async function checkTags(tx: Tx, actor: Actor, input: CaseContent, network: boolean) {
  const framework = await readableFramework(tx, actor, input.frameworkId);
  if (!framework || (network && !framework.ownerNetworkId)) throw invalid({ frameworkId: "field.unknownReference" });
  const document = (await frameworksOf(tx, [framework.id])).get(framework.id);
  const keys = new Set(document ? activeCompetences(document).map((c) => c.key) : []);
  const problems: Record<string, "field.unknownReference" | "field.duplicateKey"> = {};
  input.competences.forEach((key, i) => {
    if (!keys.has(key)) problems[`competences.${i}`] = "field.unknownReference";
    else if (input.competences.indexOf(key) !== i) problems[`competences.${i}`] = "field.duplicateKey";
  });
  if (Object.keys(problems).length) throw invalid(problems);
}

const contentOf = (input: CaseContent) => ({
  title: input.title,
  situation: input.situation,
  question: input.question,
  whatHappened: input.whatHappened,
  setting: input.setting,
  frameworkId: input.frameworkId,
  competences: input.competences,
});

/** A new case, as a draft of its author; answers its id. */
export async function createCase(tx: Tx, actor: Actor, input: CreateCaseInput) {
  if (!canWriteCases(actor)) throw forbidden();
  const networkId = input.owner === "network" ? await ownNetworkId(tx, actor) : null;
  if (input.owner === "network" && !networkId) throw invalid({ owner: "field.unknownReference" });
  await checkTags(tx, actor, input, networkId !== null);
  const [made] = await tx
    .insert(cases)
    .values({
      organisationId: actor.organisationId,
      ownerNetworkId: networkId,
      ownerOrganisationId: networkId ? null : actor.organisationId,
      authorId: actor.userId,
      ...contentOf(input),
    })
    .returning({ id: cases.id });
  if (!made) throw new Error("case not made");
  await recordAudit(tx, actor, { type: "case.created", subjectType: "case", subjectId: made.id });
  return made.id;
}

/** The author changes their draft or a case sent back (versioned: stale is 409 with the current case). */
export async function updateCase(tx: Tx, actor: Actor, caseId: string, input: UpdateCaseInput) {
  const row = await readableCase(tx, actor, caseId, true);
  if (!mayEdit(actor, row)) throw new HttpProblem(409, "case.notEditable");
  if (row.version !== input.version) throw conflict(await getCase(tx, actor, caseId));
  await checkTags(tx, actor, input, row.ownerNetworkId !== null);
  await tx
    .update(cases)
    .set({ ...contentOf(input), version: sql`${cases.version} + 1`, updatedAt: sql`now()` })
    .where(eq(cases.id, row.id));
}

/**
 * Sends the case to the organisation's trainers for review. When its text looks like it names a
 * person, the author must say they checked it (422 at `privacy` otherwise).
 */
export async function submitCase(
  tx: Tx,
  actor: Actor,
  caseId: string,
  input: { version: number; privacyChecked?: boolean | undefined },
) {
  const row = await readableCase(tx, actor, caseId, true);
  if (!mayEdit(actor, row)) throw new HttpProblem(409, "case.notEditable");
  if (row.version !== input.version) throw conflict(await getCase(tx, actor, caseId));
  const warnings = privacyWarnings(caseText(row));
  if (warnings.length && !input.privacyChecked) throw invalid({ privacy: "field.privacyUnchecked" });
  await tx
    .update(cases)
    .set({ status: "submitted", version: sql`${cases.version} + 1`, updatedAt: sql`now()` })
    .where(eq(cases.id, row.id));
  await recordAudit(tx, actor, {
    type: "case.submitted",
    subjectType: "case",
    subjectId: row.id,
    after: { warnings: warnings.map((w) => w.kind) },
  });
  await notify(
    tx,
    actor,
    await membersWithRole(tx, actor.organisationId, "trainer"),
    "case.submitted",
    { title: row.title },
    `/casuistiek/${row.id}`,
  );
}

/** A trainer of the organisation approves the case (the network or organisation reads it from now on) or sends it back with a reason. */
export async function reviewCase(tx: Tx, actor: Actor, caseId: string, input: ReviewCaseInput) {
  const row = await readableCase(tx, actor, caseId, true);
  if (!canReviewCases(actor) || row.authorId === actor.userId) throw forbidden();
  if (!mayReview(actor, row)) throw new HttpProblem(409, "case.notSubmitted");
  if (row.version !== input.version) throw conflict(await getCase(tx, actor, caseId));
  const approve = input.decision === "approve";
  await tx
    .update(cases)
    .set({
      status: approve ? "approved" : "returned",
      reviewReason: approve ? null : (input.reason ?? null),
      reviewedBy: actor.userId,
      reviewedAt: sql`now()`,
      version: sql`${cases.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(cases.id, row.id));
  await recordAudit(tx, actor, {
    type: "case.reviewed",
    subjectType: "case",
    subjectId: row.id,
    after: { decision: input.decision },
  });
  await notify(
    tx,
    actor,
    [row.authorId],
    approve ? "case.approved" : "case.returned",
    { title: row.title },
    `/casuistiek/${row.id}`,
  );
}

/**
 * An approved case is taken back from its readers, for instance when it turns out to name a client:
 * it goes back to its author as sent back, with the reason, to change and send for review again.
 * Modules that use it show it as no longer available; its discussion is closed with it.
 */
export async function withdrawCase(tx: Tx, actor: Actor, caseId: string, input: WithdrawCaseInput) {
  const row = await readableCase(tx, actor, caseId, true);
  if (!mayWithdraw(actor, row)) {
    if (row.organisationId !== actor.organisationId) throw notFound();
    if (row.status !== "approved") throw new HttpProblem(409, "case.notApproved");
    throw forbidden();
  }
  if (row.version !== input.version) throw conflict(await getCase(tx, actor, caseId));
  await tx
    .update(cases)
    .set({
      status: "returned",
      reviewReason: input.reason,
      reviewedBy: actor.userId,
      reviewedAt: sql`now()`,
      version: sql`${cases.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(cases.id, row.id));
  await recordAudit(tx, actor, { type: "case.withdrawn", subjectType: "case", subjectId: row.id });
  await notify(tx, actor, [row.authorId], "case.withdrawn", { title: row.title }, `/casuistiek/${row.id}`);
}

/** The cases some module blocks name. */
export const caseIdsOf = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.kind === "case" ? [b.caseId] : []));

/** The text of the approved cases among `ids` that the actor's organisation reads: for a module's case blocks. */
export async function caseTexts(tx: Tx, actor: Actor, ids: readonly string[]): Promise<Map<string, CaseText>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select({
      id: cases.id,
      title: cases.title,
      situation: cases.situation,
      question: cases.question,
      whatHappened: cases.whatHappened,
    })
    .from(cases)
    .where(and(oneOf(cases.id, [...new Set(ids)]), eq(cases.status, "approved"), await scope(tx, actor)));
  return new Map(rows.map(({ id, ...text }) => [id, text]));
}

/**
 * A module's case blocks name approved cases that everyone who reads the module reads too: a
 * network module only the network's cases. 422 at the block's `caseId` otherwise.
 */
export async function checkCaseBlocks(tx: Tx, actor: Actor, blocks: readonly Block[], at: string, network: boolean) {
  const ids = caseIdsOf(blocks);
  if (!ids.length) return;
  const rows = await tx
    .select({ id: cases.id, ownerNetworkId: cases.ownerNetworkId })
    .from(cases)
    .where(and(oneOf(cases.id, [...new Set(ids)]), eq(cases.status, "approved"), await scope(tx, actor)));
  const usable = new Set(rows.filter((r) => !network || r.ownerNetworkId !== null).map((r) => r.id));
  const problems: Record<string, "field.unknownReference"> = {};
  blocks.forEach((block, i) => {
    if (block.kind === "case" && !usable.has(block.caseId)) problems[`${at}.${i}.caseId`] = "field.unknownReference";
  });
  if (Object.keys(problems).length) throw invalid(problems);
}

/** An approved case the actor's organisation reads, or null: what a discussion may be about. */
export async function approvedCase(tx: Tx, actor: Actor, caseId: string) {
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.status, "approved"), await scope(tx, actor)));
  return row ?? null;
}
