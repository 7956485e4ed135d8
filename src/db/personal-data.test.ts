import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { PERSONAL_DATA, type Retention } from "../domain/privacy/registry.js";
import * as schema from "./schema.js";

/**
 * Every table that names a person is in the registry of personal data, with every column that
 * names one: a new table or column cannot be forgotten by privacy (decision 0031).
 */

/** Columns that name a person: by their id, their membership, their name or their address. */
const PERSON_COLUMN =
  /^(user_id|[a-z_]+_by|author_id|reporter_id|manager_id|case_bringer_id|[a-z_]+_user_id|membership_id|author_name|signer_name|email|to_address)$/;

const tables = Object.values(schema as Record<string, unknown>)
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => {
    const config = getTableConfig(table);
    return { name: config.name, columns: config.columns.map((c) => c.name) };
  });

/** Whether the entry is kept while a register may audit it: itself, or the trajectory or group it is part of. */
const heldForRegister = (retention: Retention): boolean => {
  if (retention.kind === "registerAudit") return true;
  if (retention.kind === "afterGuidance") return retention.registerHold === true;
  if (retention.kind !== "withParent") return false;
  const parent = PERSONAL_DATA.find((e) => e.table === retention.parent);
  return parent !== undefined && heldForRegister(parent.retention);
};

describe("the registry of personal data", () => {
  it("has every table that names a person, with every column that does", () => {
    const missing = tables.flatMap((table) => {
      const entry = PERSONAL_DATA.find((e) => e.table === table.name);
      const listed = new Set([...(entry?.subject ?? []), ...(entry?.others ?? [])]);
      return table.columns.filter((c) => PERSON_COLUMN.test(c) && !listed.has(c)).map((c) => `${table.name}.${c}`);
    });
    expect(missing).toEqual([]);
  });

  it("names only tables and columns that exist, each table once", () => {
    const wrong = PERSONAL_DATA.flatMap((entry) => {
      const table = tables.find((t) => t.name === entry.table);
      if (!table) return [entry.table];
      return [...entry.subject, ...(entry.others ?? [])]
        .filter((c) => !table.columns.includes(c))
        .map((c) => `${entry.table}.${c}`);
    });
    expect(wrong).toEqual([]);
    const names = PERSONAL_DATA.map((e) => e.table);
    expect(names.length).toBe(new Set(names).size);
  });

  it("says in Dutch and English what each is, what for and who sees it", () => {
    for (const entry of PERSONAL_DATA)
      for (const text of [entry.what, entry.purpose, entry.seenBy]) {
        expect(text.nl.trim(), entry.table).not.toBe("");
        expect(text.en.trim(), entry.table).not.toBe("");
      }
  });

  it("keeps evidence a register may audit, and anonymises rather than deletes what others' counts rest on", () => {
    for (const entry of PERSONAL_DATA) {
      if (entry.retention.kind === "registerAudit") expect(["keep", "anonymise"], entry.table).toContain(entry.erasure);
      // Kept under a legal duty: for a register's audit, itself or through the trajectory it is part of.
      if (entry.erasure === "keep") expect(heldForRegister(entry.retention), entry.table).toBe(true);
    }
  });
});
