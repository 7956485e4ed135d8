import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * The rows of `table` that `where` selects, as one JSON array: a column of a larger statement, so
 * that several tables are read in one round trip. Read them back with `decodeRows`.
 */
export const rowsAsJson = (table: PgTable, where: SQL | undefined, orderBy?: SQL): SQL =>
  sql`(select coalesce(json_agg(${table}${orderBy ? sql` order by ${orderBy}` : sql``}), '[]'::json) from ${table} where ${where ?? sql`true`})`;

/** A JSON value a statement made (`json_agg`, `json_build_object`): parsed by the driver, or text to parse. */
export const parsedJson = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

/** Rows that `rowsAsJson` read, as a select of the table gives them: by field name, dates as dates. */
export function decodeRows<T extends PgTable>(table: T, json: unknown): T["$inferSelect"][] {
  const columns = Object.entries(getTableColumns(table));
  const rows = parsedJson<Array<Record<string, unknown>>>(json);
  return rows.map((row) => {
    const decoded: Record<string, unknown> = {};
    for (const [field, column] of columns) {
      const value = row[column.name];
      // JSON columns arrive parsed already: a string in one is a string, not JSON to parse again.
      const parsed = column.columnType === "PgJsonb" || column.columnType === "PgJson";
      decoded[field] = value === null || value === undefined ? null : parsed ? value : column.mapFromDriverValue(value);
    }
    return decoded as T["$inferSelect"];
  });
}
