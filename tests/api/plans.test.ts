import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../../src/db/connection.js";
import type { Actor } from "../../src/domain/roles.js";
import { inTenant } from "../../src/server/tenancy.js";
import { freshDatabase } from "../support/database.js";

const actor: Actor = { userId: randomUUID(), organisationId: randomUUID(), membershipId: randomUUID(), roles: [] };
const planMode = sql`select current_setting('plan_cache_mode') as mode`;

describe("a tenant transaction's plan choice", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  const modeIn = (options?: { plans: "generic" }) =>
    inTenant(database.db, actor, async (tx) => (await queryRows<{ mode: string }>(tx, planMode))[0]?.mode, options);

  it("plans once for any parameters where the read asks for it, in that transaction only", async () => {
    expect(await modeIn()).toBe("auto");
    expect(await modeIn({ plans: "generic" })).toBe("force_generic_plan");
    // The setting ends with its transaction: the connection goes back to the pool as it came.
    for (let i = 0; i < 12; i++) expect(await modeIn()).toBe("auto");
  });
});
