import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * `column = any($1)`: the column equals one of `values`, sent as one array parameter. Unlike
 * `inArray`, which sends each value as its own parameter, the statement's text is the same
 * however many values there are, so it is prepared once (docs/decisions/0043-statements.md);
 * no values match nothing. For lists that the code itself writes (`["draft", "voting"]`),
 * `inArray` is as good.
 */
export const oneOf = (column: PgColumn | SQL, values: readonly string[]): SQL =>
  sql`${column} = any(${sql.param(values)})`;
