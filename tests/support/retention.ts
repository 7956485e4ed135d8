import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../src/db/connection.js";
import type { TestApp } from "./app.js";

/** A part the retention job removes: its table, and how its rows are found. */
interface Part {
  table: string;
  rows: (selection: SQL) => SQL;
}

/** Per part, how many of its rows `where` finds: what the test sees of what the job would touch. */
export async function rowsPerPart(t: TestApp, parts: readonly Part[], where: (part: Part) => SQL) {
  const counts: Record<string, number> = {};
  for (const part of parts) {
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.identifier(part.table)} where ${where(part)}`,
    );
    counts[part.table] = row?.n ?? 0;
  }
  return counts;
}

/** The one id as the array parameter the parts' `rows` take. */
export const idsOf = (id: string) => sql`${sql.param([id])}::uuid[]`;

/** The tables that hang off `table` by foreign keys, directly or through one another, `table` itself included. */
export async function tablesHangingOff(t: TestApp, table: string) {
  const rows = await queryRows<{ child: string }>(
    t.database.db,
    sql`with recursive hanging(child) as (
          select ${table}::text
          union
          select c.conrelid::regclass::text from pg_constraint c join hanging h on c.confrelid::regclass::text = h.child
          where c.contype = 'f'
        )
        select child from hanging`,
  );
  return rows.map((r) => r.child);
}
