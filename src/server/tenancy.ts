import { and, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { FastifyRequest } from "fastify";
import type { Db, Tx } from "../db/connection.js";
import type { Actor } from "../domain/roles.js";
import { conflict, notFound } from "./http/problem.js";
import { requireAuth } from "./plugins/auth.js";

/**
 * The one door to tenant data. Runs `work` in a transaction bound to the actor's organisation:
 * row-level security sees only that organisation's rows, and services scope every query by
 * `actor.organisationId` as well.
 */
export async function inTenant<T>(db: Db, actor: Actor, work: (tx: Tx, actor: Actor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // One round trip: the organisation for the policies, and the role they apply to
    // (setting `role` for the transaction is what SET LOCAL ROLE does).
    await tx.execute(
      sql`select set_config('app.org_id', ${actor.organisationId}, true), set_config('role', 'koers_app', true)`,
    );
    return work(tx as Tx, actor);
  });
}

/** For routes: the signed-in person's organisation, or 401. */
export function withTenant<T>(request: FastifyRequest, work: (tx: Tx, actor: Actor) => Promise<T>): Promise<T> {
  const { actor } = requireAuth(request);
  return inTenant(request.server.db, actor, work);
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
