import type pg from "pg";

/**
 * Makes the pool's statements prepared statements: each statement text gets a name, so a
 * connection parses and plans it once and afterwards only binds and runs it. Queries are built
 * by the code, not by users, so their texts are few; `limit` bounds how many get a name (each
 * named statement holds memory in every connection of the pool), and any beyond it run unnamed
 * as before. Named statements belong to one connection: behind a pooler in transaction mode they
 * need its support for prepared statements (BENCHMARKS.md, "Past one machine").
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
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((config: unknown, ...rest: unknown[]) => {
      if (config && typeof config === "object" && "text" in config && !(config as pg.QueryConfig).name) {
        const name = nameOf((config as pg.QueryConfig).text);
        if (name) return query({ ...config, name }, ...rest);
      }
      return query(config, ...rest);
    }) as typeof client.query;
  });
}
