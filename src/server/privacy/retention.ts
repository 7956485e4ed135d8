import { desc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { queryRows } from "../../db/connection.js";
import { startOfDay } from "../../db/dutch-days.js";
import { organisations, requirementProfiles, retentionRuns, retentionSettings } from "../../db/schema.js";
import { dutchToday } from "../../domain/dutch-time.js";
import { BUILTIN_PROFILES } from "../../domain/evidence/builtin-profiles.js";
import { canManageRetention } from "../../domain/privacy/policy.js";
import {
  PERSONAL_DATA,
  type PersonalData,
  personalDataOf,
  REGISTER_AUDIT_MONTHS,
} from "../../domain/privacy/registry.js";
import {
  choosablePeriods,
  cutoff,
  dueGuidance,
  type GuidanceFacts,
  periodProblems,
  retentionOf,
} from "../../domain/privacy/retention.js";
import type { RetentionOverview } from "../../domain/privacy/retention-api.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { forbidden, invalid } from "../http/problem.js";

/**
 * The nightly retention job and its dry run (decision 0038). What it removes comes from the
 * registry of personal data: every entry kept for a fixed period, counted from the column named
 * here. One statement per table, all of an organisation's in one transaction on the owner
 * connection (the access log and the audit log are append-only for the application).
 */
const MOMENTS: Readonly<Record<string, string>> = {
  invitations: "created_at",
  outbox: "created_at",
  audit_events: "created_at",
  access_log: "at",
  notifications: "created_at",
  framework_votes: "created_at",
  discussion_reports: "created_at",
  event_evaluations: "submitted_at",
  trainer_requests: "created_at",
};

/** Kept for Koers to work, not for an organisation: cleared every night for all, counted from these columns. */
const SYSTEM_MOMENTS: Readonly<Record<string, string>> = {
  login_throttle: "window_started_at",
  sessions: "expires_at",
  password_resets: "created_at",
  account_mail: "created_at",
};

const monthsOf = (entry: PersonalData) => {
  if (entry.retention.kind !== "period") throw new Error(`${entry.table} is not kept for a fixed period`);
  return entry.retention.months;
};

const entryOf = (table: string) => {
  const entry = personalDataOf(table);
  if (!entry) throw new Error(`${table} is not in the registry of personal data`);
  return entry;
};

/** The organisation's tables the job applies, each with its column and its period: the organisation's own where it chose one, the registry's otherwise. */
const applied = (chosen: Readonly<Record<string, number>>) =>
  Object.entries(MOMENTS).map(([table, moment]) => ({
    table,
    moment,
    months: chosen[table] ?? monthsOf(entryOf(table)),
  }));
// A table named here that is not kept for a fixed period is a mistake: found at start.
applied({});
const SYSTEM = Object.entries(SYSTEM_MOMENTS).map(([table, moment]) => ({
  table,
  moment,
  months: monthsOf(entryOf(table)),
}));

/** Records of the organisation whose moment lies before the Dutch day `before`. */
const pastIn = (table: string, moment: string, organisationId: string, before: string) =>
  sql`${sql.identifier(table)} where organisation_id = ${organisationId} and ${sql.identifier(moment)} < ${startOfDay(before)}`;

/** The months the organisation chose, per table; the registry's hold for the rest. */
export async function chosenPeriods(tx: Tx | Db, organisationId: string): Promise<Record<string, number>> {
  const [row] = await tx
    .select({ periods: retentionSettings.periods })
    .from(retentionSettings)
    .where(eq(retentionSettings.organisationId, organisationId));
  return row?.periods ?? {};
}

/**
 * A trajectory's records, each table with how its rows are found from the trajectories' ids, in the
 * order they can be deleted (decision 0042). `goals` holds no person and is not in the registry,
 * but goes with its trajectory all the same.
 */
const byTrajectory = (ids: SQL) => sql`trajectory_id = any(${ids})`;
const ofDeclarations = (ids: SQL) => sql`declaration_id in (select id from declarations where ${byTrajectory(ids)})`;
export const TRAJECTORY_PARTS: ReadonlyArray<{ table: string; rows: (ids: SQL) => SQL }> = [
  {
    table: "feedback_seen",
    rows: (ids) => sql`feedback_record_id in (select id from feedback_records where ${byTrajectory(ids)})`,
  },
  { table: "declaration_signatures", rows: ofDeclarations },
  { table: "declaration_files", rows: ofDeclarations },
  {
    table: "archived_documents",
    rows: (ids) =>
      sql`(kind = 'final_report' and subject_id = any(${ids})) or (kind = 'declaration' and subject_id in (select id from declarations where ${byTrajectory(ids)}))`,
  },
  ...[
    "self_assessments",
    "meeting_parts",
    "feedback_records",
    "work_hours",
    "goal_list_versions",
    "final_reports",
    "trajectory_documents",
    "declarations",
    "meetings",
    "goals",
    "trajectory_participants",
  ].map((table) => ({ table, rows: byTrajectory })),
  { table: "trajectories", rows: (ids) => sql`id = any(${ids})` },
];

/**
 * The parts of an intervision group, in the order they can be deleted: attendance, meetings,
 * members, the group (decision 0042).
 */
export const GROUP_PARTS: ReadonlyArray<{ table: string; rows: (ids: SQL) => SQL }> = [
  {
    table: "intervision_attendance",
    rows: (ids) => sql`meeting_id in (select id from intervision_meetings where group_id = any(${ids}))`,
  },
  { table: "intervision_meetings", rows: (ids) => sql`group_id = any(${ids})` },
  { table: "intervision_members", rows: (ids) => sql`group_id = any(${ids})` },
  { table: "intervision_groups", rows: (ids) => sql`id = any(${ids})` },
];

type Part = (typeof TRAJECTORY_PARTS)[number];

interface FactRow {
  id: string;
  closed: boolean;
  status_on: string | null;
  ends_on: string;
  starts_on: string;
  escalated_from_id: string | null;
  duties: Array<{ on: string | null; profile: string | null }>;
}

/**
 * What leaves whole after the guidance, unless a register may still audit it: a trajectory with
 * everything in it, an intervision group with its meetings (decision 0042). Per kind, the facts
 * of the organisation's candidates, one statement; the pure `dueGuidance` decides.
 */
const WHOLES: ReadonlyArray<{ table: string; parts: readonly Part[]; facts: (organisationId: string) => SQL }> = [
  {
    table: "trajectories",
    parts: TRAJECTORY_PARTS,
    // Closed ones could be due; one that continues another could hold it.
    facts: (organisationId) =>
      sql`select t.id, t.closed, t.status_on::text, t.ends_on::text, t.starts_on::text, t.escalated_from_id,
            ${registrationsOf(sql`select p.user_id from trajectory_participants p where p.trajectory_id = t.id`, organisationId)} as duties
          from trajectories t
          where t.organisation_id = ${organisationId} and (t.closed or t.escalated_from_id is not null)`,
  },
  {
    table: "intervision_groups",
    parts: GROUP_PARTS,
    // An archived group ended on its last meeting or its archiving, whichever came later.
    facts: (organisationId) =>
      sql`select g.id, g.archived as closed, null as status_on, g.created_at::date::text as starts_on, null as escalated_from_id,
            greatest((g.updated_at at time zone 'Europe/Amsterdam')::date,
              (select max((x.starts_at at time zone 'Europe/Amsterdam')::date) from intervision_meetings x where x.group_id = g.id))::text as ends_on,
            ${registrationsOf(sql`select i.user_id from intervision_members i where i.group_id = g.id`, organisationId)} as duties
          from intervision_groups g
          where g.organisation_id = ${organisationId} and g.archived`,
  },
];
for (const whole of WHOLES) {
  const { retention } = entryOf(whole.table);
  if (retention.kind !== "afterGuidance" || !retention.registerHold)
    throw new Error(`${whole.table} does not leave after the guidance under a register's hold`);
}

/** The registrations in the organisation of the people `people` selects: their re-registration dates and profiles, as JSON. */
function registrationsOf(people: SQL, organisationId: string) {
  return sql`coalesce((
      select json_agg(json_build_object('on', coalesce(r.reregistration_date, r.valid_until)::text, 'profile', r.requirement_profile))
      from registrations r join memberships m on m.id = r.membership_id
      where r.organisation_id = ${organisationId} and m.organisation_id = ${organisationId} and m.user_id in (${people})
    ), '[]')`;
}

/** The years of each requirement profile the organisation's registrations may follow. */
async function profileYears(tx: Tx | Db, organisationId: string) {
  const own = await tx
    .select({ key: requirementProfiles.key, document: requirementProfiles.document })
    .from(requirementProfiles)
    .where(eq(requirementProfiles.organisationId, organisationId));
  return new Map([
    ...BUILTIN_PROFILES.map((p) => [p.key, p.periodYears] as const),
    ...own.map((p) => [p.key, p.document.periodYears] as const),
  ]);
}

/** The ids of the organisation's records of one kind that leave whole, as one array parameter. */
async function wholesDue(
  tx: Tx | Db,
  organisationId: string,
  whole: (typeof WHOLES)[number],
  years: ReadonlyMap<string, number>,
  chosen: Readonly<Record<string, number>>,
  today: string,
) {
  // A registration without a known profile is taken to have the longest period a profile knows.
  const longest = Math.max(...years.values());
  const facts = (await queryRows<FactRow>(tx, whole.facts(organisationId))).map(
    (row): GuidanceFacts => ({
      id: row.id,
      closed: row.closed,
      statusOn: row.status_on,
      endsOn: row.ends_on,
      startsOn: row.starts_on,
      escalatedFromId: row.escalated_from_id,
      duties: row.duties.map((d) => ({
        reregistrationOn: d.on,
        periodYears: (d.profile ? years.get(d.profile) : undefined) ?? longest,
      })),
    }),
  );
  const ids = dueGuidance(retentionOf(entryOf(whole.table), chosen), facts, today, REGISTER_AUDIT_MONTHS);
  return sql`${sql.param(ids)}::uuid[]`;
}

/** A part's rows of the organisation among the given ids'. */
const partIn = (part: Part, organisationId: string, ids: SQL) =>
  sql`${sql.identifier(part.table)} where organisation_id = ${organisationId} and (${part.rows(ids)})`;

/**
 * What a person kept in the organisation for their own learning and work (scans, learning paths,
 * modules, events, trainer records), each table with how the rows of people who left are found,
 * in the order they can be deleted (decision 0042). `left` selects the people whose membership
 * ended before the cutoff.
 */
const byPerson = (left: SQL) => sql`user_id in (${left})`;
export const MEMBERSHIP_PARTS: ReadonlyArray<{ table: string; rows: (left: SQL) => SQL }> = [
  // Who was asked for feedback on the scan of someone who left: it goes with the scan.
  { table: "scan_friends", rows: (left) => sql`scan_id in (select id from competence_scans where ${byPerson(left)})` },
  ...[
    "learning_paths",
    "competence_scans",
    "module_assignments",
    "module_progress",
    "trainer_certificates",
    "supervised_trainings",
    "event_trainers",
    "event_registrations",
    "event_attendance",
  ].map((table) => ({ table, rows: byPerson })),
];

/** The months a person's records are kept after they left: one for all, so records that refer to each other go together. */
const AFTER_LEAVING = (() => {
  const months = new Set(
    [...MEMBERSHIP_PARTS.map((part) => part.table), "registrations"].map((table) => {
      const { retention } = entryOf(table);
      if (retention.kind !== "afterGuidance" || retention.from !== "membership" || retention.range)
        throw new Error(`${table} is not kept for a fixed time after the person left`);
      return retention.months;
    }),
  );
  const [only] = months;
  if (months.size !== 1 || only === undefined) throw new Error("a person's records after leaving differ in months");
  return only;
})();

/** The memberships of the organisation that ended before the Dutch day `before`. */
const endedBefore = (organisationId: string, before: string) =>
  sql`memberships where organisation_id = ${organisationId} and status = 'deactivated' and ended_on < ${before}`;

/** The people of the organisation whose membership ended before the Dutch day `before`. */
const leftBefore = (organisationId: string, before: string) =>
  sql`select user_id from ${endedBefore(organisationId, before)}`;

/** A part's rows of the organisation for the people who left long enough ago. */
const leftIn = (part: (typeof MEMBERSHIP_PARTS)[number], organisationId: string, today: string) =>
  sql`${sql.identifier(part.table)} where organisation_id = ${organisationId} and (${part.rows(leftBefore(organisationId, cutoff(AFTER_LEAVING, today)))})`;

/**
 * A person's registrations in a register go once they left long enough ago and the register may
 * no longer audit what they served: the re-registration date (or else valid-until) plus the audit
 * months has passed. One with neither date stays: nobody can say.
 */
const registrationsPast = (organisationId: string, today: string) =>
  sql`registrations where organisation_id = ${organisationId}
        and membership_id in (select id from ${endedBefore(organisationId, cutoff(AFTER_LEAVING, today))})
        and coalesce(reregistration_date, valid_until) < ${cutoff(REGISTER_AUDIT_MONTHS, today)}`;

/** Only what the registry names is counted in a run: what an admin can read about. */
const counts = (table: string) => personalDataOf(table) !== undefined;

/**
 * What the next run removes for the organisation, in the order it removes it: per table, its rows
 * past their time (`table where …`). The dry run counts these and the run deletes them, so the
 * dry run is the truth about the next night. Every fact is read before anything is removed.
 */
async function removals(tx: Tx | Db, organisationId: string, today: string) {
  const chosen = await chosenPeriods(tx, organisationId);
  const list = applied(chosen).map(({ table, moment, months }) => ({
    table,
    rows: pastIn(table, moment, organisationId, cutoff(months, today)),
  }));
  // Trajectories and groups past their time leave whole: their parts first, then themselves.
  const years = await profileYears(tx, organisationId);
  for (const whole of WHOLES) {
    const ids = await wholesDue(tx, organisationId, whole, years, chosen, today);
    list.push(...whole.parts.map((part) => ({ table: part.table, rows: partIn(part, organisationId, ids) })));
  }
  list.push(...MEMBERSHIP_PARTS.map((part) => ({ table: part.table, rows: leftIn(part, organisationId, today) })));
  list.push({ table: "registrations", rows: registrationsPast(organisationId, today) });
  return list;
}

/** What the next run would remove for the organisation, per table it applies: the dry run. */
export async function retentionPlan(tx: Tx | Db, organisationId: string, today: string) {
  const due: Record<string, number> = {};
  for (const { table, rows } of await removals(tx, organisationId, today)) {
    if (!counts(table)) continue;
    const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${rows}`);
    due[table] = row?.n ?? 0;
  }
  const [sealed] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from erasure_requests where ${sealedPast(organisationId, today)}`,
  );
  due.erasure_requests = sealed?.n ?? 0;
  return due;
}

/**
 * Erasure requests whose kept evidence a register may no longer audit (decision 0039): who the
 * person was, sealed in the request until then, is cleared; that the erasure happened stays.
 */
const sealedPast = (organisationId: string, today: string) =>
  sql`organisation_id = ${organisationId} and sealed is not null and kept_until < ${today}`;

/** How many rows a statement with `returning` touched, counted in the database: a first run over years of rows sends back one number, not every row. */
async function counted(executor: Tx | Db, statement: SQL) {
  const [row] = await queryRows<{ n: number }>(
    executor,
    sql`with touched as (${statement}) select count(*)::int as n from touched`,
  );
  return row?.n ?? 0;
}

/**
 * One run for one organisation: removes what is past its period and writes the run down with
 * its counts, in one transaction, so a run that fails removes nothing and leaves no line.
 */
export async function applyRetentionFor(db: Db, organisationId: string, now = new Date()) {
  const today = dutchToday(now);
  return db.transaction(async (tx) => {
    // The audit log lets this transaction, and only a transaction on the owner connection that
    // says so, remove its lines past their period (migration 0040).
    await tx.execute(sql`select set_config('koers.retention', 'on', true)`);
    const removed: Record<string, number> = {};
    for (const { table, rows } of await removals(tx, organisationId, today)) {
      const n = await counted(tx, sql`delete from ${rows} returning 1`);
      if (counts(table)) removed[table] = n;
    }
    removed.erasure_requests = await counted(
      tx,
      sql`update erasure_requests set sealed = null where ${sealedPast(organisationId, today)} returning 1`,
    );
    await tx.insert(retentionRuns).values({ organisationId, day: today, removed });
    return removed;
  });
}

/** What Koers keeps only to work (throttles, sessions, reset tokens, account mail), past its period, for everyone. */
export async function clearSystemRecords(db: Db, now = new Date()) {
  const today = dutchToday(now);
  const removed: Record<string, number> = {};
  for (const { table, moment, months } of SYSTEM) {
    removed[table] = await counted(
      db,
      sql`delete from ${sql.identifier(table)} where ${sql.identifier(moment)} < ${startOfDay(cutoff(months, today))} returning 1`,
    );
  }
  return removed;
}

/** The nightly job: the system's own records, then every organisation whose admin turned it on. */
export async function applyRetention(db: Db, now = new Date()) {
  const system = await clearSystemRecords(db, now);
  const enabled = await db
    .select({ id: retentionSettings.organisationId })
    .from(retentionSettings)
    .innerJoin(organisations, eq(organisations.id, retentionSettings.organisationId))
    .where(isNotNull(retentionSettings.enabledAt));
  const organisationsRun: Record<string, Record<string, number>> = {};
  for (const { id } of enabled) organisationsRun[id] = await applyRetentionFor(db, id, now);
  return { system, organisations: organisationsRun };
}

/** The admin's view: each kind of data with its period, what the next run would remove, whether it is on, and the last runs. */
export async function getRetentionOverview(tx: Tx, actor: Actor, now = new Date()): Promise<RetentionOverview> {
  if (!canManageRetention(actor)) throw forbidden();
  const today = dutchToday(now);
  const due = await retentionPlan(tx, actor.organisationId, today);
  const [settings] = await tx
    .select({ enabledAt: retentionSettings.enabledAt, periods: retentionSettings.periods })
    .from(retentionSettings)
    .where(eq(retentionSettings.organisationId, actor.organisationId));
  const runs = await tx
    .select({
      id: retentionRuns.id,
      ranAt: retentionRuns.ranAt,
      day: retentionRuns.day,
      removed: retentionRuns.removed,
    })
    .from(retentionRuns)
    .where(eq(retentionRuns.organisationId, actor.organisationId))
    .orderBy(desc(retentionRuns.ranAt))
    .limit(20);
  const system = new Set(SYSTEM.map((s) => s.table));
  return {
    enabledAt: settings?.enabledAt?.toISOString() ?? null,
    periods: settings?.periods ?? {},
    kinds: PERSONAL_DATA.filter((entry) => !system.has(entry.table)).map((entry) => ({
      table: entry.table,
      due: entry.table in due ? (due[entry.table] ?? 0) : null,
    })),
    system: [...system],
    runs: runs.map((run) => ({ ...run, ranAt: run.ranAt.toISOString() })),
  };
}

/** The admin turns the nightly job on (having seen the dry run) or off; the audit log says who. */
export async function setRetention(tx: Tx, actor: Actor, enabled: boolean, now = new Date()) {
  if (!canManageRetention(actor)) throw forbidden();
  const [before] = await tx
    .select({ enabledAt: retentionSettings.enabledAt })
    .from(retentionSettings)
    .where(eq(retentionSettings.organisationId, actor.organisationId));
  if (Boolean(before?.enabledAt) === enabled) return;
  const values = { enabledAt: enabled ? now : null, enabledBy: enabled ? actor.userId : null, updatedAt: now };
  await tx
    .insert(retentionSettings)
    .values({ organisationId: actor.organisationId, ...values })
    .onConflictDoUpdate({ target: retentionSettings.organisationId, set: values });
  await recordAudit(tx, actor, {
    type: enabled ? "privacy.retentionEnabled" : "privacy.retentionDisabled",
    subjectType: "organisation",
    subjectId: actor.organisationId,
  });
}

/**
 * The admin chooses the organisation's own months for kinds kept for a fixed period, within each
 * kind's range in the registry. A choice equal to the registry's default is no choice: the
 * default then holds, also when it changes.
 */
export async function setPeriods(tx: Tx, actor: Actor, periods: Readonly<Record<string, number>>, now = new Date()) {
  if (!canManageRetention(actor)) throw forbidden();
  const problems = periodProblems(PERSONAL_DATA, periods);
  if (problems.length)
    throw invalid(
      Object.fromEntries(
        problems.map((p) => [
          `periods.${p.table}`,
          p.problem === "outOfRange"
            ? { key: "field.retentionRange" as const, values: { min: p.min, max: p.max } }
            : ("field.retentionFixed" as const),
        ]),
      ),
    );
  const before = await chosenPeriods(tx, actor.organisationId);
  const after = Object.fromEntries(
    Object.entries({ ...before, ...periods }).filter(
      ([table, months]) => months !== choosablePeriods(PERSONAL_DATA).find((c) => c.table === table)?.months,
    ),
  );
  if (JSON.stringify(Object.entries(before).sort()) === JSON.stringify(Object.entries(after).sort())) return;
  const values = { periods: after, periodsBy: actor.userId, updatedAt: now };
  await tx
    .insert(retentionSettings)
    .values({ organisationId: actor.organisationId, ...values })
    .onConflictDoUpdate({ target: retentionSettings.organisationId, set: values });
  await recordAudit(tx, actor, {
    type: "privacy.retentionPeriodsChanged",
    subjectType: "organisation",
    subjectId: actor.organisationId,
    before: { periods: before },
    after: { periods: after },
  });
}
