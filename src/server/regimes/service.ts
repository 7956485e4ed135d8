import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { regimes, regimeVersions } from "../../db/schema.js";
import { BUILTIN_REGIMES, builtinRegime } from "../../domain/regimes/builtin.js";
import { canManageRegimes, canReadRegimes } from "../../domain/regimes/policy.js";
import { type Regime, regimeSchema } from "../../domain/regimes/schema.js";
import { upgradeRegime } from "../../domain/regimes/upgrade.js";
import type { Actor } from "../../domain/roles.js";
import type { RegimeView } from "../../domain/trajectories/api.js";
import { recordAudit } from "../audit/record-audit.js";
import { contentHash } from "../content-hash.js";
import { forbidden, invalid, notFound } from "../http/problem.js";
import { insertUnderFreeKey } from "../http/unique.js";
import { updateVersioned } from "../tenancy.js";

type RegimeRow = typeof regimes.$inferSelect;

const present = (row: RegimeRow): RegimeView => ({
  id: row.id,
  key: row.key,
  builtIn: false,
  basedOn: row.basedOn,
  version: row.version,
  document: upgradeRegime(row.document),
});

/** An organisation's own regime by key, or else the built-in one. */
export async function findRegime(tx: Tx, actor: Actor, key: string): Promise<Regime | null> {
  const [own] = await tx
    .select()
    .from(regimes)
    .where(and(eq(regimes.organisationId, actor.organisationId), eq(regimes.key, key)))
    .limit(1);
  return own ? upgradeRegime(own.document) : (builtinRegime(key) ?? null);
}

/** The regimes this organisation can start trajectories on, and whether the actor may change them. */
export async function listRegimes(tx: Tx, actor: Actor): Promise<{ items: RegimeView[]; canManage: boolean }> {
  if (!canReadRegimes(actor)) throw forbidden();
  const own = await tx
    .select()
    .from(regimes)
    .where(eq(regimes.organisationId, actor.organisationId))
    .orderBy(asc(regimes.key));
  const items = [
    ...BUILTIN_REGIMES.map((document) => ({
      id: null,
      key: document.key,
      builtIn: true,
      basedOn: null,
      version: document.version,
      document,
    })),
    ...own.map(present),
  ];
  return { items, canManage: canManageRegimes(actor) };
}

async function getRow(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(regimes)
    .where(and(eq(regimes.id, id), eq(regimes.organisationId, actor.organisationId)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

export async function getRegime(tx: Tx, actor: Actor, id: string) {
  if (!canReadRegimes(actor)) throw forbidden();
  return present(await getRow(tx, actor, id));
}

/** The code names regimes of this organisation use, built-in ones included. */
async function takenKeys(tx: Tx, actor: Actor) {
  return new Set([
    ...BUILTIN_REGIMES.map((r) => r.key),
    ...(
      await tx.select({ key: regimes.key }).from(regimes).where(eq(regimes.organisationId, actor.organisationId))
    ).map((r) => r.key),
  ]);
}

export async function copyRegime(tx: Tx, actor: Actor, input: { basedOn: string; name: string }) {
  if (!canManageRegimes(actor)) throw forbidden();
  const source = await findRegime(tx, actor, input.basedOn);
  if (!source) throw invalid({ basedOn: "field.unknownRegime" });
  // A copy made at the same moment (a double click) may take the free key first: then the next.
  const { key, row } = await insertUnderFreeKey(input.basedOn.slice(0, 40), await takenKeys(tx, actor), async (key) => {
    const document = regimeSchema.parse({ ...source, key, version: 1, name: { nl: input.name, en: input.name } });
    const [row] = await tx
      .insert(regimes)
      .values({ organisationId: actor.organisationId, key, basedOn: source.key, document })
      .onConflictDoNothing({ target: [regimes.organisationId, regimes.key] })
      .returning();
    return row;
  });
  await recordAudit(tx, actor, {
    type: "regime.copied",
    subjectType: "regime",
    subjectId: row.id,
    after: { key, basedOn: source.key, name: input.name },
  });
  return present(row);
}

/**
 * Saves a changed copy. The key stays, the document's version counts up; trajectories that
 * already started keep the regime they started with.
 */
export async function updateRegime(tx: Tx, actor: Actor, id: string, input: { version: number; document: Regime }) {
  if (!canManageRegimes(actor)) throw forbidden();
  const row = await getRow(tx, actor, id);
  const current = upgradeRegime(row.document);
  if (input.document.key !== row.key) throw invalid({ "document.key": "field.regimeKeyChanged" });
  // Who may guide is judged by a kind of rule in code; its registrations and numbers are the admin's.
  if ((input.document.guideRule?.kind ?? null) !== (current.guideRule?.kind ?? null))
    throw invalid({ "document.guideRule": "field.guideRuleKindChanged" });
  // The admin edits the copy, so a copy never gives the admin more than it did.
  const widened = adminWidening(current, input.document);
  if (Object.keys(widened).length) throw invalid(widened);
  const document = { ...input.document, version: row.version + 1 };
  const updated = await updateVersioned(
    tx,
    regimes,
    { id, organisationId: actor.organisationId, expectedVersion: input.version },
    { document },
  );
  await recordAudit(tx, actor, {
    type: "regime.updated",
    subjectType: "regime",
    subjectId: id,
    before: { version: row.version },
    after: { version: updated.version },
  });
  return present(updated);
}

/** Where a changed document gives the admin more than the current one: reading, acting or a status change. */
export function adminWidening(current: Regime, next: Regime): Record<string, "field.adminWidened"> {
  const fields: Record<string, "field.adminWidened"> = {};
  next.admin.sees.forEach((part, i) => {
    if (!current.admin.sees.includes(part)) fields[`document.admin.sees.${i}`] = "field.adminWidened";
  });
  next.admin.does.forEach((action, i) => {
    if (!current.admin.does.includes(action)) fields[`document.admin.does.${i}`] = "field.adminWidened";
  });
  const adminSteps = new Set(current.transitions.filter((t) => t.by.includes("admin")).map((t) => t.key));
  next.transitions.forEach((transition, i) => {
    if (transition.by.includes("admin") && !adminSteps.has(transition.key))
      fields[`document.transitions.${i}.by`] = "field.adminWidened";
  });
  return fields;
}

/** The SHA-256 of a regime's canonical text: the key its stored version goes by. */
export const regimeHash = (regime: Regime): string => contentHash(regime);

/**
 * Keeps the regime as a trajectory starts on it, once per organisation and content, and
 * answers its hash. Trajectories point at that version, so later edits never move their rules.
 */
export async function storeRegimeVersion(tx: Tx, actor: Actor, regime: Regime): Promise<string> {
  const hash = regimeHash(regime);
  await tx
    .insert(regimeVersions)
    .values({ organisationId: actor.organisationId, hash, document: regime })
    .onConflictDoNothing();
  return hash;
}

/**
 * Regime versions never change (a version is its hash), so they are kept in memory once read.
 * The key holds the organisation, so one organisation's versions are never served to another.
 */
const versionCache = new Map<string, Regime>();
const VERSION_CACHE_SIZE = 1000;

/** The regime documents of these versions of the actor's organisation, from memory where read before. */
export async function regimeVersionsByHash(tx: Tx, actor: Actor, hashes: string[]): Promise<Map<string, Regime>> {
  const key = (hash: string) => `${actor.organisationId}:${hash}`;
  const result = new Map<string, Regime>();
  const missing: string[] = [];
  for (const hash of new Set(hashes)) {
    const cached = versionCache.get(key(hash));
    if (cached) result.set(hash, cached);
    else missing.push(hash);
  }
  if (missing.length) {
    const rows = await tx
      .select({ hash: regimeVersions.hash, document: regimeVersions.document })
      .from(regimeVersions)
      .where(and(eq(regimeVersions.organisationId, actor.organisationId), oneOf(regimeVersions.hash, missing)));
    for (const row of rows) {
      if (versionCache.size >= VERSION_CACHE_SIZE) versionCache.delete(versionCache.keys().next().value as string);
      const document = upgradeRegime(row.document);
      versionCache.set(key(row.hash), document);
      result.set(row.hash, document);
    }
  }
  return result;
}
