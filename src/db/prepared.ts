import type pg from "pg";

type Query = (...args: unknown[]) => Promise<unknown>;

/** The last answer of a query string that held several statements. */
const lastOf = (result: unknown) => (Array.isArray(result) ? result.at(-1) : result);

/**
 * Two changes to how the pool's connections send statements, neither visible to the code above:
 *
 * - **Prepared statements.** Each statement text with parameters gets a name, so a connection
 *   parses and plans it once and afterwards only binds and runs it. Queries are built by the code,
 *   not by users, so their texts are few; `limit` bounds how many get a name (each named statement
 *   holds memory in every connection of the pool), and any beyond it run unnamed.
 * - **BEGIN travels with the next statement.** A transaction's `begin` is held back and sent in one
 *   round trip with the statement after it when that one has no parameters (the settings of a
 *   tenant transaction: `src/server/tenancy.ts`), and just before it otherwise.
 *
 * Named statements belong to one connection: behind a pooler in transaction mode they need its
 * support for prepared statements (docs/decisions/0043-statements.md).
 */
export function prepareStatements(pool: pg.Pool, limit = 1000) {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    const known = names.get(text);
    if (known || names.size >= limit) return known;
    const name = `koers_${names.size + 1}`;
    names.set(text, name);
    return name;
  };
  const begun = new WeakSet<object>();
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as Query;
    /** Takes back a held BEGIN: true when there was one, which the caller then sends. */
    const takeHeldBegin = () => begun.delete(client);
    client.query = (async (config: unknown, ...rest: unknown[]) => {
      // Plain strings (migrations, scripts) go as they came.
      if (!config || typeof config !== "object" || !("text" in config)) {
        if (takeHeldBegin()) await query("begin");
        return query(config, ...rest);
      }
      const statement = config as pg.QueryConfig;
      const values = (Array.isArray(rest[0]) ? rest[0] : statement.values) as unknown[] | undefined;
      const parameters = Boolean(values?.length);
      // The pool's own `query` passes a callback: it is never a transaction's BEGIN.
      const awaited = typeof rest.at(-1) !== "function";
      if (awaited && statement.text === "begin" && !parameters && !begun.has(client)) {
        begun.add(client);
        return { command: "BEGIN", rowCount: null, rows: [], fields: [] };
      }
      if (takeHeldBegin()) {
        if (awaited && !parameters && !statement.name)
          return lastOf(await query({ ...statement, text: `begin; ${statement.text}` }, ...rest));
        await query("begin");
      }
      const name = parameters && !statement.name ? nameOf(statement.text) : undefined;
      return query(name ? { ...statement, name } : statement, ...rest);
    }) as typeof client.query;
  });
  // A connection goes back to the pool with nothing held back.
  pool.on("release", (_error: unknown, client: pg.PoolClient) => {
    begun.delete(client);
  });
}
