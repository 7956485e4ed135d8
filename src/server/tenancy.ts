import { and, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { FastifyRequest } from "fastify";
import type { Db, Tx } from "../db/connection.js";
import type { Actor } from "../domain/roles.js";
import { conflict, notFound } from "./http/problem.js";
import { requireAuth } from "./plugins/auth.js";

/**
 * What one request does, as one function: it runs in the transaction of the actor's organisation,
 * checks the actor's policy itself and returns what the answer needs
 * (docs/decisions/0014-use-cases-take-tx-and-actor.md). Inputs come after `actor`.
 */
export type UseCase<T> = (tx: Tx, actor: Actor) => Promise<T>;

/** What runs once a tenant transaction has committed, by the transaction it was asked for in. */
const committed = new WeakMap<Tx, Array<() => Promise<void>>>();

/**
 * Runs `effect` after the transaction `tx` commits, and never if it rolls back: the nudge that
 * sends queued mail at once. `tx` is the one `inTenant`, `withTenant` or `inOrganisation` gave.
 */
export function afterCommit(tx: Tx, effect: () => Promise<void>) {
  const effects = committed.get(tx);
  if (!effects) throw new Error("afterCommit needs the transaction of inTenant or inOrganisation");
  effects.push(effect);
}

/** An id (or none) as an SQL literal; anything else is refused, so nothing can be written into the statement. */
function idLiteral(id: string): string {
  if (!/^[0-9a-f-]*$/i.test(id)) throw new Error("a tenant transaction needs ids");
  return `'${id}'`;
}

/**
 * How PostgreSQL plans the transaction's prepared statements. By default it plans each run for
 * its parameters at first and keeps doing so when that looks cheaper; `generic` plans each
 * statement once for any parameters, for work whose statements are each keyed by one record's id
 * (decision 0043).
 */
export interface TenantOptions {
  plans?: "generic";
}

/**
 * A transaction bound to one organisation: row-level security sees only its rows. Effects asked
 * for with `afterCommit` run once it has committed, before this returns.
 */
async function tenantTransaction<T>(
  db: Db,
  organisationId: string,
  userId: string,
  work: (tx: Tx) => Promise<T>,
  options: TenantOptions = {},
): Promise<T> {
  const effects: Array<() => Promise<void>> = [];
  const result = await db.transaction(async (tx) => {
    committed.set(tx as Tx, effects);
    // One statement: the organisation and person for the policies (the person only where a
    // policy asks who acts, as network content does), and the role they apply to (setting `role`
    // for the transaction is what SET LOCAL ROLE does). Written out rather than passed as
    // parameters, so that on a server it travels with the transaction's BEGIN in one round trip
    // (src/db/prepared.ts); both are ids, checked to be nothing else. The plan choice, if any,
    // goes with them, for this transaction only.
    const plans = options.plans === "generic" ? ", set_config('plan_cache_mode', 'force_generic_plan', true)" : "";
    await tx.execute(
      sql.raw(
        `select set_config('app.org_id', ${idLiteral(organisationId)}, true), set_config('app.user_id', ${idLiteral(userId)}, true), set_config('role', 'koers_app', true)${plans}`,
      ),
    );
    return work(tx as Tx);
  });
  for (const effect of effects) await effect();
  return result;
}

/**
 * The one door to tenant data. Runs `work` in a transaction bound to the actor's organisation:
 * row-level security sees only that organisation's rows, and use cases scope every query by
 * `actor.organisationId` as well.
 */
export function inTenant<T>(
  db: Db,
  actor: Actor,
  work: (tx: Tx, actor: Actor) => Promise<T>,
  options: TenantOptions = {},
): Promise<T> {
  return tenantTransaction(db, actor.organisationId, actor.userId, (tx) => work(tx, actor), options);
}

/**
 * The door for work nobody signed in does: a public flow whose credential (the token of an
 * invitation mail) named the organisation, or a job working through one organisation. There is
 * no actor, so nothing here may depend on one; the credential is looked up on the owner
 * connection first, by its hash, and that lookup is the only query outside a tenant.
 */
export function inOrganisation<T>(db: Db, organisationId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return tenantTransaction(db, organisationId, "", work);
}

/** For routes: the signed-in person's organisation, or 401. */
export function withTenant<T>(request: FastifyRequest, work: UseCase<T>, options: TenantOptions = {}): Promise<T> {
  const { actor } = requireAuth(request);
  return inTenant(request.server.db, actor, work, options);
}

/**
 * Change, then show: the one way a route answers a change with the changed thing as the
 * requester now sees it. Both run in one transaction; `show` gets what `change` returned (the id
 * of what it created, say).
 */
export function changeThenShow<C, T>(
  request: FastifyRequest,
  change: UseCase<C>,
  show: (tx: Tx, actor: Actor, changed: C) => Promise<T>,
): Promise<T> {
  return withTenant(request, async (tx, actor) => show(tx, actor, await change(tx, actor)));
}

type VersionedTable = PgTable & {
  id: PgColumn;
  organisationId: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
};

/**
 * Updates one row of the actor's organisation if its version is still `expectedVersion`.
 * A missing row is 404; a row changed by someone else is 409 with the current row.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  where: { id: string; organisationId: string; expectedVersion: number },
  values: Record<string, unknown>,
) {
  const scope = and(eq(table.id, where.id), eq(table.organisationId, where.organisationId));
  const updated = (await tx
    .update(table as PgTable)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
    .where(and(scope, eq(table.version, where.expectedVersion)))
    .returning()) as unknown as Array<T["$inferSelect"]>;
  if (updated[0]) return updated[0];
  const current = (await tx
    .select({ id: table.id })
    .from(table as PgTable)
    .where(scope)
    .limit(1)) as unknown[];
  if (current.length === 0) throw notFound();
  throw conflict();
}
