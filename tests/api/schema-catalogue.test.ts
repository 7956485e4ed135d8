import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../../src/db/connection.js";
import * as schema from "../../src/db/schema.js";
import { freshDatabase } from "../support/database.js";

/**
 * The SQL migrations make the database; `db/schema.ts` tells the code what is in it. These
 * tests compare the migrated catalogue with the schema, so the two cannot drift apart.
 */

// Tables the migrations make for the migrator itself, not for the application.
const NOT_IN_SCHEMA = new Set(["schema_migrations"]);

// information_schema names a column's type by its internal name; drizzle by its SQL name.
const UDT_OF: Record<string, string> = {
  uuid: "uuid",
  text: "text",
  integer: "int4",
  smallint: "int2",
  bigint: "int8",
  bigserial: "int8",
  serial: "int4",
  boolean: "bool",
  date: "date",
  jsonb: "jsonb",
  bytea: "bytea",
  "timestamp with time zone": "timestamptz",
  "text[]": "_text",
  "uuid[]": "_uuid",
  "integer[]": "_int4",
};

const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));

type Column = { table: string; column: string; type: string; nullable: boolean };

function schemaColumns(): Column[] {
  return tables.flatMap((table) => {
    const config = getTableConfig(table);
    return config.columns.map((column) => ({
      table: config.name,
      column: column.name,
      type: UDT_OF[column.getSQLType()] ?? column.getSQLType(),
      nullable: !column.notNull,
    }));
  });
}

/** Each unique key as "table(col, col)"; an expression key as "table(expression)". */
function schemaUniqueKeys(): string[] {
  return tables.flatMap((table) => {
    const config = getTableConfig(table);
    const single = config.columns.filter((column) => column.isUnique).map((column) => [column.name]);
    const composite = config.uniqueConstraints.map((constraint) => constraint.columns.map((column) => column.name));
    const indexes = config.indexes
      .filter((index) => index.config.unique)
      .map((index) =>
        index.config.columns.map((column) =>
          "name" in column ? String(column.name) : normaliseExpression(String(sqlText(column))),
        ),
      );
    return [...single, ...composite, ...indexes].map((columns) => `${config.name}(${columns.join(", ")})`);
  });
}

function sqlText(chunk: unknown): string {
  const queryChunks = (chunk as { queryChunks?: unknown[] }).queryChunks;
  if (!queryChunks) return String(chunk);
  return queryChunks
    .map((part) => {
      if (typeof part === "string") return part;
      if (part && typeof part === "object" && "value" in part) return (part as { value: string[] }).value.join("");
      if (part && typeof part === "object" && "name" in part) return (part as { name: string }).name;
      return sqlText(part);
    })
    .join("");
}

const normaliseExpression = (expression: string) => expression.replace(/[\s"()]/g, "").toLowerCase();

let database: Database;

beforeAll(async () => {
  database = await freshDatabase();
});

afterAll(async () => {
  await database.close();
});

describe("the migrated database and db/schema.ts", () => {
  it("have the same tables and columns, with the same types and nullability", async () => {
    const rows = await queryRows<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
      database.db,
      sql`select table_name, column_name, udt_name, is_nullable
            from information_schema.columns
           where table_schema = 'public'
           order by table_name, ordinal_position`,
    );
    const migrated = rows
      .filter((row) => !NOT_IN_SCHEMA.has(row.table_name))
      .map((row) => ({
        table: row.table_name,
        column: row.column_name,
        type: row.udt_name,
        nullable: row.is_nullable === "YES",
      }));
    const byName = (a: Column, b: Column) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column);
    expect(schemaColumns().sort(byName)).toEqual(migrated.sort(byName));
  });

  it("declare the same unique keys", async () => {
    const rows = await queryRows<{ table_name: string; columns: string[] | null; expression: string | null }>(
      database.db,
      sql`select t.relname as table_name,
                 case when i.indexprs is null then
                   array(select a.attname from unnest(i.indkey) with ordinality as k(attnum, n)
                           join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
                          order by k.n)::text[]
                 end as columns,
                 case when i.indexprs is not null then pg_get_expr(i.indexprs, i.indrelid) end as expression
            from pg_index i
            join pg_class t on t.oid = i.indrelid
            join pg_namespace ns on ns.oid = t.relnamespace
           where ns.nspname = 'public' and i.indisunique and not i.indisprimary`,
    );
    const migrated = rows
      .filter((row) => !NOT_IN_SCHEMA.has(row.table_name))
      .map((row) =>
        row.expression
          ? `${row.table_name}(${normaliseExpression(row.expression)})`
          : `${row.table_name}(${(row.columns ?? []).join(", ")})`,
      );
    expect(schemaUniqueKeys().sort()).toEqual(migrated.sort());
  });
});
