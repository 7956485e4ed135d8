import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../../src/db/connection.js";
import { freshDatabase, testDatabaseKind } from "../support/database.js";

// A statement is prepared before it runs, so one that reads the connection's prepared statements finds itself there.
const probe = sql`select name from pg_prepared_statements where statement like ${"%prepared statement probe%"} /* prepared statement probe */`;

describe.skipIf(testDatabaseKind() !== "postgres")("statements on a PostgreSQL server", () => {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const database of opened) await database.close();
  });
  const open = async (prepare: boolean) => {
    const database = await freshDatabase({ prepare });
    opened.push(database);
    return database;
  };

  it("are prepared once per connection by default", async () => {
    const { db } = await open(true);
    const rows = await queryRows<{ name: string }>(db, probe);
    expect(rows).toEqual([{ name: expect.stringMatching(/^koers_\d+$/) }]);
  });

  it("run unprepared when the configuration turns it off", async () => {
    const { db } = await open(false);
    expect(await queryRows(db, probe)).toEqual([]);
  });
});
