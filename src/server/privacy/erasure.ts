import { and, desc, eq, is, isNull, type SQL, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { type Db, queryRows, type Tx } from "../../db/connection.js";
import * as schema from "../../db/schema.js";
import { erasureRequests, memberships, registrations, users } from "../../db/schema.js";
import { dutchToday } from "../../domain/dutch-time.js";
import {
  type ErasureApply,
  type ErasureAsk,
  type ErasureDone,
  type ErasureReview,
  erasureLines,
  type Found,
  keptUntil,
  type OwnErasure,
  pseudonym,
} from "../../domain/privacy/erasure.js";
import { canErase } from "../../domain/privacy/policy.js";
import { PERSONAL_DATA, type PersonalData, REGISTER_AUDIT_MONTHS } from "../../domain/privacy/registry.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { conflict, forbidden, HttpProblem, invalid, notFound } from "../http/problem.js";
import { membersWithRole, notify } from "../notifications/notify.js";
import { memberName } from "../people/member-name.js";

/**
 * Erasure per organisation (decision 0039). The person's membership is handed to a pseudonymous
 * account of its own, made for it, and every record of the organisation that pointed at the
 * person points at that account instead: each page, list, export and search names the pseudonym,
 * and every count and hour stays where it was. Records the registry says to delete go; what a
 * register may still audit is kept, and who the person was is sealed in the request until then.
 */

type Executor = Tx | Db;

/** The columns of every table, by SQL name, from the schema: which hold an account id, and whether the table belongs to an organisation. */
const COLUMNS = new Map(
  Object.values(schema as Record<string, unknown>)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const config = getTableConfig(table);
      return [config.name, new Map(config.columns.map((column) => [column.name, column.columnType]))] as const;
    }),
);

/**
 * Kinds erasure handles by hand, not by the account columns alone: the account and membership
 * themselves, the records that name the person by address or membership, and what Koers keeps
 * only to work (throttles are counted by hashed address and expire within a month).
 */
const BY_HAND = new Set(["users", "memberships", "registrations", "login_throttle", "password_resets", "account_mail"]);

/** Whom erasure is about: the membership, its account, and how the organisation names and reaches them. */
interface Person {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  erasedAt: Date | null;
}

/** One kind of record with its columns that hold an account id, as subject or as someone else. */
interface Kind {
  entry: PersonalData;
  subject: string[];
  others: string[];
}

const isAccountColumn = (table: string, column: string) =>
  column !== "id" && column !== "membership_id" && COLUMNS.get(table)?.get(column) === "PgUUID";

/**
 * Content a network owns rather than an organisation (framework and module versions): its author
 * is handed to the pseudonym only when the account itself goes (`dropAccountIfLast`).
 */
const NETWORK_OWNED = new Set(["framework_versions", "module_versions"]);

const KINDS: Kind[] = PERSONAL_DATA.filter((entry) => {
  if (BY_HAND.has(entry.table) || NETWORK_OWNED.has(entry.table)) return false;
  // A new kind without an organisation needs its own rule here, not silence.
  if (!COLUMNS.get(entry.table)?.has("organisation_id"))
    throw new Error(`erasure has no rule for ${entry.table}: it names a person but belongs to no organisation`);
  return true;
}).map((entry) => ({
  entry,
  subject: entry.subject.filter((column) => isAccountColumn(entry.table, column)),
  others: (entry.others ?? []).filter((column) => isAccountColumn(entry.table, column)),
}));

const any = (columns: readonly string[], userId: string) =>
  columns.length
    ? sql.join(
        columns.map((column) => sql`${sql.identifier(column)} = ${userId}`),
        sql` or `,
      )
    : sql`false`;

/**
 * Records of a kind that are the person's own by more than an account column: an invitation or a
 * mail to their address, and every critical friend's answer on their own self-scan.
 */
function alsoTheirs(table: string, organisationId: string, person: Person): SQL | null {
  switch (table) {
    case "invitations":
      return sql`lower(email) = lower(${person.email})`;
    case "outbox":
      return sql`lower(to_address) = lower(${person.email})`;
    case "scan_friends":
      return sql`(lower(email) = lower(${person.email}) or scan_id in (select id from competence_scans where organisation_id = ${organisationId} and user_id = ${person.userId}))`;
    default:
      return null;
  }
}

/** The rows of a kind in the organisation where the person is the subject, and where they are only someone else in it. */
function whereOf(kind: Kind, organisationId: string, person: Person) {
  const inOrganisation = sql`organisation_id = ${organisationId}`;
  const more = alsoTheirs(kind.entry.table, organisationId, person);
  const subject = more
    ? sql`(${any(kind.subject, person.userId)} or ${more})`
    : sql`(${any(kind.subject, person.userId)})`;
  return {
    subject: sql`${inOrganisation} and ${subject}`,
    other: sql`${inOrganisation} and (${any(kind.others, person.userId)}) and not ${subject}`,
  };
}

/** Whether a text holds the person's name or address, however written in capitals. */
const named = (text: SQL, person: Person) =>
  sql`(strpos(lower(${text}), lower(${person.name})) > 0 or strpos(lower(${text}), lower(${person.email})) > 0)`;

/** How many records of each kind name the person in the organisation: what the review shows and erasure does. */
async function findPerson(tx: Executor, organisationId: string, person: Person): Promise<Found[]> {
  const found: Found[] = [{ table: "memberships", asSubject: 1, asOther: 0 }];
  const [registered] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from registrations where organisation_id = ${organisationId} and membership_id = ${person.membershipId}`,
  );
  found.push({ table: "registrations", asSubject: registered?.n ?? 0, asOther: 0 });
  for (const kind of KINDS) {
    const where = whereOf(kind, organisationId, person);
    const table = sql.identifier(kind.entry.table);
    const [row] = await queryRows<{ subject: number; other: number }>(
      tx,
      sql`select count(*) filter (where ${where.subject})::int as subject, count(*) filter (where ${where.other})::int as other from ${table} where organisation_id = ${organisationId}`,
    );
    found.push({ table: kind.entry.table, asSubject: row?.subject ?? 0, asOther: row?.other ?? 0 });
  }
  return found;
}

async function personIn(tx: Executor, organisationId: string, membershipId: string): Promise<Person> {
  const [row] = await tx
    .select({
      membershipId: memberships.id,
      userId: memberships.userId,
      name: memberName,
      email: users.email,
      erasedAt: memberships.erasedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, organisationId)));
  if (!row) throw notFound();
  return row;
}

async function registrationsOf(tx: Executor, organisationId: string, membershipId: string) {
  return tx
    .select({ register: registrations.register, number: registrations.number, validUntil: registrations.validUntil })
    .from(registrations)
    .where(and(eq(registrations.organisationId, organisationId), eq(registrations.membershipId, membershipId)));
}

async function openRequest(tx: Executor, organisationId: string, membershipId: string) {
  const [row] = await tx
    .select({
      id: erasureRequests.id,
      requestedOn: erasureRequests.requestedOn,
      note: erasureRequests.note,
      requestedBy: erasureRequests.requestedBy,
      userId: memberships.userId,
    })
    .from(erasureRequests)
    .innerJoin(memberships, eq(memberships.id, erasureRequests.membershipId))
    .where(
      and(
        eq(erasureRequests.organisationId, organisationId),
        eq(erasureRequests.membershipId, membershipId),
        isNull(erasureRequests.appliedAt),
      ),
    )
    .orderBy(desc(erasureRequests.createdAt))
    .limit(1);
  if (!row) return null;
  return { id: row.id, requestedOn: row.requestedOn, note: row.note, bySelf: row.requestedBy === row.userId };
}

/** The person's own open request, if any. */
export async function ownErasure(tx: Tx, actor: Actor): Promise<OwnErasure> {
  return { request: await openRequest(tx, actor.organisationId, actor.membershipId) };
}

/** The person's own requests, for their export: when they asked, with what note. */
export async function ownErasureRequests(tx: Tx, actor: Actor) {
  return tx
    .select({ id: erasureRequests.id, requestedOn: erasureRequests.requestedOn, note: erasureRequests.note })
    .from(erasureRequests)
    .where(
      and(
        eq(erasureRequests.organisationId, actor.organisationId),
        eq(erasureRequests.membershipId, actor.membershipId),
      ),
    )
    .orderBy(desc(erasureRequests.createdAt));
}

/** The person asks to be erased from the organisation; asking again while one is open changes nothing. */
export async function askErasure(tx: Tx, actor: Actor, ask: ErasureAsk, now = new Date()): Promise<void> {
  if (await openRequest(tx, actor.organisationId, actor.membershipId)) return;
  const [made] = await tx
    .insert(erasureRequests)
    .values({
      organisationId: actor.organisationId,
      membershipId: actor.membershipId,
      requestedOn: dutchToday(now),
      requestedBy: actor.userId,
      note: ask.note || null,
    })
    // Two requests at once: the other one is the open request.
    .onConflictDoNothing()
    .returning({ id: erasureRequests.id });
  if (!made) return;
  await recordAudit(tx, actor, {
    type: "privacy.erasureRequested",
    subjectType: "person",
    subjectId: actor.membershipId,
    after: { requestId: made.id },
  });
  // The admins hear of it without the name: the link leads to the person, and after erasure to the pseudonym.
  await notify(
    tx,
    actor,
    await membersWithRole(tx, actor.organisationId, "admin"),
    "privacy.erasureRequested",
    {},
    `/mensen/${actor.membershipId}`,
  );
}

/** The admin's review: per kind what erasure would do to the records that name the person, and until when evidence is kept. */
export async function reviewErasure(tx: Tx, actor: Actor, personId: string, now = new Date()): Promise<ErasureReview> {
  if (!canErase(actor)) throw forbidden();
  const person = await personIn(tx, actor.organisationId, personId);
  if (person.erasedAt) throw notFound();
  return {
    person: { id: person.membershipId, name: person.name },
    request: await openRequest(tx, actor.organisationId, personId),
    lines: erasureLines(PERSONAL_DATA, await findPerson(tx, actor.organisationId, person)),
    keptUntil: keptUntilOf(await registrationsOf(tx, actor.organisationId, personId), dutchToday(now)),
  };
}

/** Until when the person's evidence for a register is kept: past their last re-registration date, by the audit months. */
function keptUntilOf(registered: Array<{ validUntil: string | null }>, today: string) {
  return keptUntil(
    registered.flatMap((r) => (r.validUntil ? [r.validUntil] : [])),
    today,
    REGISTER_AUDIT_MONTHS,
  );
}

/**
 * Applies the erasure the review showed, in one transaction on the owner connection (the audit
 * log lets this transaction, and only one that says so, point lines at the pseudonym). Every
 * statement names the organisation: the person's records in other organisations stay as they are.
 */
export async function applyErasure(
  db: Db,
  actor: Actor,
  personId: string,
  input: ErasureApply,
  now = new Date(),
): Promise<ErasureDone> {
  if (!canErase(actor)) throw forbidden();
  const today = dutchToday(now);
  if (input.requestedOn > today) throw invalid({ requestedOn: "field.dateInFuture" });
  const organisationId = actor.organisationId;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('koers.erasure', 'on', true)`);
    const person = await personIn(tx, organisationId, personId);
    if (person.userId === actor.userId) throw new HttpProblem(422, "field.cannotEraseSelf");
    if (person.erasedAt) throw conflict();
    const found = await findPerson(tx, organisationId, person);
    const lines = erasureLines(PERSONAL_DATA, found);
    const registered = await registrationsOf(tx, organisationId, personId);
    const until = keptUntilOf(registered, today);
    const name = pseudonym(personId);
    const [stand] = await tx
      .insert(users)
      .values({ email: `verwijderd-${personId}@koers.invalid`, name, passwordHash: null })
      .returning({ id: users.id });
    if (!stand) throw new Error("the pseudonymous account was not made");
    const pseudonymId = stand.id;

    // Deletions first, the way the registry lists them backwards: what hangs on a record goes before it.
    for (const kind of [...KINDS].reverse()) {
      if (kind.entry.erasure !== "delete") continue;
      await tx.execute(
        sql`delete from ${sql.identifier(kind.entry.table)} where ${whereOf(kind, organisationId, person).subject}`,
      );
    }
    for (const kind of KINDS) {
      for (const column of [...(kind.entry.erasure === "delete" ? [] : kind.subject), ...kind.others]) {
        await tx.execute(
          sql`update ${sql.identifier(kind.entry.table)} set ${sql.identifier(column)} = ${pseudonymId} where organisation_id = ${organisationId} and ${sql.identifier(column)} = ${person.userId}`,
        );
      }
    }
    // Names written out as text, where the record keeps them: the pseudonym instead.
    await tx.execute(
      sql`update declaration_signatures set signer_name = ${name} where organisation_id = ${organisationId} and user_id = ${pseudonymId}`,
    );
    await tx.execute(
      sql`update discussion_posts set author_name = ${name} where organisation_id = ${organisationId} and author_id = ${pseudonymId}`,
    );
    // A trajectory is named after its trainee by default: the pseudonym there too. Free text others
    // wrote (notes, reflections) is theirs and is not searched for the name (decision 0039).
    await tx.execute(
      sql`update trajectories set title = replace(title, ${person.name}, ${name}) where organisation_id = ${organisationId} and id in (select trajectory_id from trajectory_participants where organisation_id = ${organisationId} and user_id = ${pseudonymId})`,
    );
    // Others' notifications that named the person (who mentioned them, who handed something in).
    await tx.execute(
      sql`update notifications set params = (select jsonb_object_agg(key, case when value = to_jsonb(${person.name}::text) then to_jsonb(${name}::text) else value end) from jsonb_each(params)) where organisation_id = ${organisationId} and jsonb_typeof(params) = 'object' and params <> '{}'::jsonb and ${named(sql`params::text`, person)}`,
    );
    // What the audit log wrote about the person (their name, address, roles) goes; that it happened stays.
    await tx.execute(
      sql`update audit_events set before = null, after = null where organisation_id = ${organisationId} and (subject_id = ${personId} or ${named(sql`before::text`, person)} or ${named(sql`after::text`, person)})`,
    );
    await tx.execute(
      sql`update registrations set number = '—' where organisation_id = ${organisationId} and membership_id = ${personId}`,
    );
    await tx
      .update(memberships)
      .set({
        userId: pseudonymId,
        displayName: name,
        status: "deactivated",
        endedOn: sql`coalesce(${memberships.endedOn}, ${today})`,
        erasedAt: now,
        jobTitle: null,
        version: sql`${memberships.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(memberships.id, personId), eq(memberships.organisationId, organisationId)));

    const sealed = {
      name: person.name,
      email: person.email,
      registrations: registered.map((r) => ({ register: r.register, number: r.number })),
    };
    const open = await openRequest(tx, organisationId, personId);
    // The person's note was for the review; what is kept of them is the seal alone.
    const applied = { appliedAt: now, appliedBy: actor.userId, outcome: lines, keptUntil: until, sealed, note: null };
    if (open) await tx.update(erasureRequests).set(applied).where(eq(erasureRequests.id, open.id));
    else
      await tx.insert(erasureRequests).values({
        organisationId,
        membershipId: personId,
        requestedOn: input.requestedOn,
        requestedBy: actor.userId,
        ...applied,
      });
    await recordAudit(tx, actor, {
      type: "privacy.erased",
      subjectType: "person",
      subjectId: personId,
      after: { requestedOn: open?.requestedOn ?? input.requestedOn, keptUntil: until },
    });

    await dropAccountIfLast(tx, organisationId, person.userId, pseudonymId);
    return { pseudonym: name, lines, keptUntil: until };
  });
}

/**
 * The account goes with its last membership: its sessions, reset links and mail with it, and the
 * network content it made (no organisation's own) then names the pseudonym. With a membership
 * elsewhere, only this organisation's sessions go, and it is no longer the one the person lands in.
 */
async function dropAccountIfLast(tx: Executor, organisationId: string, userId: string, pseudonymId: string) {
  await tx.execute(sql`delete from sessions where user_id = ${userId} and organisation_id = ${organisationId}`);
  await tx.execute(
    sql`update users set last_organisation_id = null where id = ${userId} and last_organisation_id = ${organisationId}`,
  );
  const [left] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from memberships where user_id = ${userId}`,
  );
  if ((left?.n ?? 0) > 0) return false;
  for (const table of NETWORK_OWNED)
    await tx.execute(sql`update ${sql.identifier(table)} set created_by = ${pseudonymId} where created_by = ${userId}`);
  for (const table of ["sessions", "password_resets", "account_mail"])
    await tx.execute(sql`delete from ${sql.identifier(table)} where user_id = ${userId}`);
  await tx.execute(sql`delete from users where id = ${userId}`);
  return true;
}
