/**
 * Loading rows in bulk as the database owner, on a PostgreSQL server or on PGlite: each batch
 * is one INSERT ... SELECT FROM unnest() with one array parameter per column, so thousands of
 * rows cost one statement. Arrays travel as text in PostgreSQL's array syntax, which both
 * drivers pass on unchanged.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import pg from "pg";
import { openPglite, openPostgres } from "../../src/db/connection.js";
import { migrate } from "../../src/db/migrate.js";

/** Where benchmark data goes: a PostgreSQL database or an embedded data directory. */
export type Target = { databaseUrl: string } | { dataDir: string };

export const describeTarget = (target: Target) =>
  "databaseUrl" in target ? `PostgreSQL ${redact(target.databaseUrl)}` : `PGlite ${target.dataDir}`;

/** The address without its password, for printing. */
export const redact = (url: string) => {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
};

type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface BulkConnection {
  kind: "postgres" | "pglite";
  query: Query;
  /** Runs `work` in one transaction. */
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A column and the type its array is cast to. */
type Column = readonly [name: string, type: string];

const STAMPS: Column[] = [
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
];

/** Every table the generator fills, in an order that satisfies the foreign keys. */
export const TABLES: Record<string, readonly Column[]> = {
  organisations: [["id", "uuid"], ["slug", "text"], ["name", "text"], ["primary_color", "text"], ...STAMPS],
  users: [
    ["id", "uuid"],
    ["email", "text"],
    ["name", "text"],
    ["password_hash", "text"],
    ["locale", "text"],
    ["last_organisation_id", "uuid"],
    ...STAMPS,
  ],
  memberships: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["user_id", "uuid"],
    ["roles", "text[]"],
    ["job_title", "text"],
    ["academic_experience_years", "integer"],
    ["dreyfus_level", "smallint"],
    ["manager_id", "uuid"],
    ...STAMPS,
  ],
  registrations: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["membership_id", "uuid"],
    ["register", "text"],
    ["registration_type", "text"],
    ["number", "text"],
    ["valid_until", "date"],
    ["reregistration_date", "date"],
    ["requirement_profile", "text"],
    ["version", "integer"],
    ...STAMPS,
  ],
  requirement_profiles: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["key", "text"],
    ["based_on", "text"],
    ["document", "jsonb"],
    ["version", "integer"],
    ...STAMPS,
  ],
  regime_versions: [
    ["organisation_id", "uuid"],
    ["hash", "text"],
    ["document", "jsonb"],
  ],
  trajectories: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["regime_hash", "text"],
    ["regime_key", "text"],
    ["title", "text"],
    ["status", "text"],
    ["closed", "boolean"],
    ["starts_on", "date"],
    ["ends_on", "date"],
    ["plan", "jsonb"],
    ["consents", "jsonb"],
    ["intensity", "jsonb"],
    ["evaluation_moments", "jsonb"],
    ["escalated_from_id", "uuid"],
    ["status_reason", "text"],
    ["guide_eligibility", "jsonb"],
    ["version", "integer"],
    ["created_by", "uuid"],
    ...STAMPS,
  ],
  trajectory_participants: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["trajectory_id", "uuid"],
    ["user_id", "uuid"],
    ["role", "text"],
  ],
  goals: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["trajectory_id", "uuid"],
    ["position", "integer"],
    ["title", "text"],
    ["rationale", "text"],
    ["success_criteria", "text"],
    ["origin_goal_id", "uuid"],
    ...STAMPS,
  ],
  goal_list_versions: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["trajectory_id", "uuid"],
    ["number", "integer"],
    ["goals", "jsonb"],
    ["approved_by", "uuid"],
    ["approved_at", "timestamptz"],
  ],
  meetings: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["trajectory_id", "uuid"],
    ["type", "text"],
    ["starts_at", "timestamptz"],
    ["duration_minutes", "integer"],
    ["preparation_minutes", "integer"],
    ["travel_minutes", "integer"],
    ["unannounced", "boolean"],
    ["status", "text"],
    ["held_at", "timestamptz"],
    ["location", "text"],
    ["notes", "text"],
    ["confidential", "boolean"],
    ["observation", "jsonb"],
    ["mode", "text"],
    ["group_size", "integer"],
    ["version", "integer"],
    ["created_by", "uuid"],
    ...STAMPS,
  ],
  feedback_records: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["trajectory_id", "uuid"],
    ["meeting_id", "uuid"],
    ["number", "integer"],
    ["content", "jsonb"],
    ["correction_reason", "text"],
    ["shared_at", "timestamptz"],
    ["version", "integer"],
    ["created_by", "uuid"],
    ...STAMPS,
  ],
  feedback_seen: [
    ["feedback_record_id", "uuid"],
    ["organisation_id", "uuid"],
    ["user_id", "uuid"],
    ["seen_at", "timestamptz"],
  ],
  self_assessments: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["trajectory_id", "uuid"],
    ["meeting_id", "uuid"],
    ["user_id", "uuid"],
    ["content", "jsonb"],
    ["version", "integer"],
    ["submitted_at", "timestamptz"],
    ["updated_at", "timestamptz"],
  ],
  final_reports: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["trajectory_id", "uuid"],
    ["sections", "jsonb"],
    ["status", "text"],
    ["finalised_at", "timestamptz"],
    ["finalised_by", "uuid"],
    ["content_sha256", "text"],
    ["version", "integer"],
    ...STAMPS,
  ],
  trajectory_documents: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["trajectory_id", "uuid"],
    ["kind", "text"],
    ["file_name", "text"],
    ["mime", "text"],
    ["content", "bytea"],
    ["sha256", "text"],
    ["uploaded_by", "uuid"],
    ["created_at", "timestamptz"],
  ],
  declarations: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["trajectory_id", "uuid"],
    ["kind", "text"],
    ["number", "integer"],
    ["status", "text"],
    ["deviation", "text"],
    ["content", "jsonb"],
    ["content_sha256", "text"],
    ["frozen_at", "timestamptz"],
    ["version", "integer"],
    ...STAMPS,
  ],
  declaration_signatures: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["declaration_id", "uuid"],
    ["signer_key", "text"],
    ["user_id", "uuid"],
    ["signer_name", "text"],
    ["content_sha256", "text"],
    ["signed_at", "timestamptz"],
    ["ip", "text"],
    ["user_agent", "text"],
  ],
  intervision_groups: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["name", "text"],
    ["description", "text"],
    ["rhythm_weeks", "integer"],
    ["meeting_minutes", "integer"],
    ["method", "text"],
    ["archived", "boolean"],
    ["version", "integer"],
    ["created_by", "uuid"],
    ...STAMPS,
  ],
  intervision_members: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["group_id", "uuid"],
    ["user_id", "uuid"],
    ["joined_at", "timestamptz"],
    ["left_at", "timestamptz"],
  ],
  intervision_meetings: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["group_id", "uuid"],
    ["starts_at", "timestamptz"],
    ["ends_at", "timestamptz"],
    ["method", "text"],
    ["case_bringer_id", "uuid"],
    ["status", "text"],
    ["notes", "text"],
    ["version", "integer"],
    ["created_by", "uuid"],
    ...STAMPS,
  ],
  intervision_attendance: [
    ["organisation_id", "uuid"],
    ["meeting_id", "uuid"],
    ["user_id", "uuid"],
    ["present", "boolean"],
    ["confirmed_at", "timestamptz"],
  ],
  frameworks: [
    ["id", "uuid"],
    ["owner_organisation_id", "uuid"],
    ["key", "text"],
    ["created_at", "timestamptz"],
  ],
  framework_versions: [
    ["id", "uuid"],
    ["framework_id", "uuid"],
    ["owner_organisation_id", "uuid"],
    ["number", "integer"],
    ["status", "text"],
    ["round", "integer"],
    ["document", "jsonb"],
    ["hash", "text"],
    ["change_note", "text"],
    ["version", "integer"],
    ...STAMPS,
    ["voting_opened_at", "timestamptz"],
    ["published_at", "timestamptz"],
  ],
  competence_scans: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["user_id", "uuid"],
    ["framework_version_id", "uuid"],
    ["extensions", "jsonb"],
    ["variant", "text"],
    ["status", "text"],
    ["ratings", "jsonb"],
    ["examples", "jsonb"],
    ["version", "integer"],
    ["started_at", "timestamptz"],
    ["updated_at", "timestamptz"],
    ["finished_at", "timestamptz"],
  ],
  scan_friends: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["scan_id", "uuid"],
    ["kind", "text"],
    ["user_id", "uuid"],
    ["name", "text"],
    ["email", "text"],
    ["token_hash", "text"],
    ["expires_at", "timestamptz"],
    ["status", "text"],
    ["ratings", "jsonb"],
    ["invited_at", "timestamptz"],
    ["answered_at", "timestamptz"],
  ],
  learning_paths: [
    ["id", "uuid"],
    ["organisation_id", "uuid"],
    ["user_id", "uuid"],
    ["framework_id", "uuid"],
    ["scan_id", "uuid"],
    ["items", "jsonb"],
    ["version", "integer"],
    ...STAMPS,
  ],
};

/** One value as an element of PostgreSQL's array text: quoted, with quotes and backslashes escaped. */
function element(value: unknown, type: string): string {
  if (value === null || value === undefined) return "NULL";
  let raw: string;
  if (type === "jsonb") raw = JSON.stringify(value);
  // bytea in its hex form; the backslash is escaped below like any other.
  else if (value instanceof Uint8Array) raw = `\\x${Buffer.from(value).toString("hex")}`;
  else if (value instanceof Date) raw = value.toISOString();
  else if (Array.isArray(value)) raw = `{${value.map((v) => element(v, "text")).join(",")}}`;
  else raw = String(value);
  return `"${raw.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const arrayText = (values: unknown[], type: string) => `{${values.map((v) => element(v, type)).join(",")}}`;

/** Inserts `rows` into `table` in batches of `batch` rows; answers how many went in. */
export async function insertRows(
  query: Query,
  table: string,
  rows: readonly Record<string, unknown>[],
  batch = 5_000,
): Promise<number> {
  const columns = TABLES[table];
  if (!columns) throw new Error(`no column list for ${table}`);
  const names = columns.map(([name]) => name).join(", ");
  // A text[] column cannot sit inside unnest() as a two-dimensional array: it comes in as text.
  const inputs = columns.map(([, type], i) => `$${i + 1}::text::${type === "text[]" ? "text" : type}[]`).join(", ");
  const outputs = columns.map(([name, type]) => (type === "text[]" ? `${name}::text[]` : name)).join(", ");
  const statement = `INSERT INTO ${table} (${names}) SELECT ${outputs} FROM unnest(${inputs}) AS u(${names})`;
  for (let from = 0; from < rows.length; from += batch) {
    const slice = rows.slice(from, from + batch);
    await query(
      statement,
      columns.map(([name, type]) =>
        arrayText(
          slice.map((row) => row[name]),
          type === "text[]" ? "text" : type,
        ),
      ),
    );
  }
  return rows.length;
}

const isPgliteDir = (dir: string) => existsSync(join(dir, "PG_VERSION"));

/**
 * Opens the target for loading, migrated. `fresh` first removes what is there: the database is
 * dropped and made again (only one whose name says "bench"), a data directory is removed (only
 * an empty one or a PGlite data directory).
 */
export async function openTarget(target: Target, options: { fresh: boolean }): Promise<BulkConnection> {
  if ("databaseUrl" in target) {
    await prepareServerDatabase(target.databaseUrl, options.fresh);
    const database = await openPostgres(target.databaseUrl);
    await migrate(database);
    await database.close();
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    const query: Query = (sql, params) => client.query(sql, params);
    return {
      kind: "postgres",
      query,
      async transaction(work) {
        await client.query("BEGIN");
        try {
          const result = await work(query);
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      },
      close: () => client.end(),
    };
  }
  const dir = target.dataDir;
  if (options.fresh && existsSync(dir)) {
    if (!isPgliteDir(dir) && readdirSync(dir).length > 0)
      throw new Error(`${dir} is neither empty nor a PGlite data directory; not removing it`);
    rmSync(dir, { recursive: true, force: true });
  }
  const database = await openPglite(dir);
  await migrate(database);
  const client: PGlite = database.client;
  const on =
    (runner: PGlite | Transaction): Query =>
    (sql, params) =>
      runner.query<Record<string, unknown>>(sql, params).then((r) => ({ rows: r.rows }));
  return {
    kind: "pglite",
    query: on(client),
    transaction: (work) => client.transaction((tx) => work(on(tx))),
    close: () => database.close(),
  };
}

/** Creates the database when it is missing; with `fresh`, drops and recreates a bench database. */
async function prepareServerDatabase(databaseUrl: string, fresh: boolean) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`database name "${name}": use lower-case letters, digits and _`);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
    if (exists && fresh) {
      if (!name.includes("bench"))
        throw new Error(`refusing to drop "${name}": only a database named *bench* is dropped`);
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
    if (!exists || fresh) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}
