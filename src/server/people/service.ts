import { and, arrayContains, asc, count, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/connection.js";
import { invitations, memberships, registrations, users } from "../../db/schema.js";
import { diff } from "../../domain/audit.js";
import { dutchToday } from "../../domain/dutch-time.js";
import type { PersonDetail, PersonList, PersonSummary, RegistrationResponse } from "../../domain/people/api.js";
import {
  canDeactivate,
  canDropOwnAdminRole,
  canEditPerson,
  canManagePeople,
  canReactivate,
  isSelf,
  personAbilities,
} from "../../domain/people/policy.js";
import type { CreatePersonInput, RegistrationInput, UpdatePersonInput } from "../../domain/people/schemas.js";
import { registrationTypeProblem } from "../../domain/people/schemas.js";
import { storedTypeName, typeIdOf } from "../../domain/registrations/types.js";
import type { Actor, Role } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { findProfile } from "../evidence/profiles.js";
import { conflict, forbidden, HttpProblem, invalid, notFound } from "../http/problem.js";
import { isUniqueViolation } from "../http/unique.js";
import { accountIdFor, insertInvitation, insertInvitedMembership, membershipOf } from "../invitations/invite-member.js";
import { type InvitationMail, queueInvitationMail } from "../invitations/service.js";
import { logRead } from "../privacy/access-log.js";
import { updateVersioned } from "../tenancy.js";
import { memberName } from "./member-name.js";
import type { ListQuery } from "./schemas.js";

const personColumns = {
  id: memberships.id,
  userId: memberships.userId,
  name: memberName,
  displayName: memberships.displayName,
  email: users.email,
  roles: memberships.roles,
  status: memberships.status,
  endedOn: memberships.endedOn,
  jobTitle: memberships.jobTitle,
  academicExperienceYears: memberships.academicExperienceYears,
  dreyfusLevel: memberships.dreyfusLevel,
  managerId: memberships.managerId,
  version: memberships.version,
  // Nothing about the account is told before the person accepts: an invited member has none here.
  hasPassword: sql<boolean>`${memberships.status} <> 'invited' and ${users.passwordHash} is not null`,
  erased: sql<boolean>`${memberships.erasedAt} is not null`,
  joinedAt: memberships.joinedAt,
  createdAt: memberships.createdAt,
  updatedAt: memberships.updatedAt,
};

type PersonRow = {
  id: string;
  userId: string;
  name: string;
  displayName: string | null;
  email: string;
  roles: Role[];
  status: "invited" | "active" | "deactivated";
  endedOn: string | null;
  jobTitle: string | null;
  academicExperienceYears: number | null;
  dreyfusLevel: number | null;
  managerId: string | null;
  version: number;
  hasPassword: boolean;
  erased: boolean;
  joinedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

function toSummary(actor: Actor, row: PersonRow): PersonSummary {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    displayName: row.displayName,
    email: row.email,
    roles: row.roles,
    status: row.status,
    endedOn: row.endedOn,
    jobTitle: row.jobTitle,
    academicExperienceYears: row.academicExperienceYears,
    dreyfusLevel: row.dreyfusLevel,
    managerId: row.managerId,
    version: row.version,
    hasPassword: row.hasPassword,
    erased: row.erased,
    abilities: personAbilities(actor, row),
  };
}

/** What the audit log keeps of a person: the fields an admin can change, never a password. */
function auditSnapshot(
  row: Pick<
    PersonRow,
    "displayName" | "roles" | "status" | "jobTitle" | "academicExperienceYears" | "dreyfusLevel" | "managerId"
  >,
) {
  return {
    displayName: row.displayName,
    roles: row.roles,
    status: row.status,
    jobTitle: row.jobTitle,
    academicExperienceYears: row.academicExperienceYears,
    dreyfusLevel: row.dreyfusLevel,
    managerId: row.managerId,
  };
}

/** Escapes LIKE wildcards so a search for "50%" finds exactly that. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listPeople(tx: Tx, actor: Actor, query: ListQuery): Promise<PersonList> {
  if (!canManagePeople(actor)) throw forbidden();
  const conditions = [eq(memberships.organisationId, actor.organisationId)];
  if (query.search) {
    const pattern = likePattern(query.search);
    // The name as this organisation shows it: searching the account's own name would tell it.
    const match = or(ilike(memberName, pattern), ilike(users.email, pattern));
    if (match) conditions.push(match);
  }
  if (query.role) conditions.push(arrayContains(memberships.roles, [query.role]));
  if (query.status) conditions.push(eq(memberships.status, query.status));
  const where = and(...conditions);

  const [totalRow] = await tx
    .select({ total: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(where);
  const rows = await tx
    .select(personColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(where)
    .orderBy(asc(sql`lower(${memberName})`), asc(memberships.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map((row) => toSummary(actor, row)),
    total: Number(totalRow?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadPersonRow(tx: Tx, actor: Actor, personId: string): Promise<PersonRow> {
  const [row] = await tx
    .select(personColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, personId), eq(memberships.organisationId, actor.organisationId)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

function toRegistration(row: typeof registrations.$inferSelect): RegistrationResponse {
  return {
    id: row.id,
    register: row.register as RegistrationResponse["register"],
    registrationType: row.registrationType,
    typeId: typeIdOf(row.register, row.registrationType),
    number: row.number,
    validUntil: row.validUntil,
    reregistrationDate: row.reregistrationDate,
    requirementProfile: row.requirementProfile,
    version: row.version,
  };
}

export async function getPerson(tx: Tx, actor: Actor, personId: string): Promise<PersonDetail> {
  if (!canManagePeople(actor)) throw forbidden();
  const row = await loadPersonRow(tx, actor, personId);
  await logRead(tx, actor, "person", [row.userId], row.id);
  const manager = row.managerId ? await managerOf(tx, actor, row.managerId) : null;
  const regs = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.organisationId, actor.organisationId), eq(registrations.membershipId, personId)))
    .orderBy(asc(registrations.register), asc(registrations.createdAt), asc(registrations.id));
  return {
    ...toSummary(actor, row),
    managerName: manager?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    registrations: regs.map(toRegistration),
  };
}

async function managerOf(tx: Tx, actor: Actor, membershipId: string) {
  const [manager] = await tx
    .select({ id: memberships.id, name: memberName, status: memberships.status, managerId: memberships.managerId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, actor.organisationId)))
    .limit(1);
  return manager ?? null;
}

/**
 * A manager must be another active member of the organisation, and the chain of managers above
 * them must not come back to the person (no one manages their own manager, at any distance).
 */
async function checkManager(tx: Tx, actor: Actor, personId: string, managerId: string) {
  if (managerId === personId) throw invalid({ managerId: "field.managerSelf" });
  const manager = await managerOf(tx, actor, managerId);
  if (manager?.status !== "active") throw invalid({ managerId: "field.managerUnknown" });
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`
    with recursive chain(id, depth) as (
      select manager_id, 1 from memberships where id = ${managerId} and organisation_id = ${actor.organisationId}
      union all
      select m.manager_id, chain.depth + 1 from chain
        join memberships m on m.id = chain.id and m.organisation_id = ${actor.organisationId}
        where chain.depth < 100
    )
    select id from chain where id = ${personId} limit 1`,
  );
  if (rows.length > 0) throw invalid({ managerId: "field.managerCycle" });
}

const emailTaken = () => invalid({ email: "field.emailTaken" });

/**
 * Adds a person to the actor's organisation as an invited member and opens their invitation:
 * they get access only once they accept it (a new person chooses a password, someone with an
 * account signs in with theirs). Nothing of an existing account is read or changed, and the
 * answer is the same whether the address had an account or not. The invitation mail goes out
 * once this commits.
 */
export async function createPerson(tx: Tx, actor: Actor, input: CreatePersonInput, mail: InvitationMail) {
  if (!canManagePeople(actor)) throw forbidden();
  const userId = await accountIdFor(tx, input.email, input.name);
  if (await membershipOf(tx, actor, userId)) throw emailTaken();
  const membershipId = await insertInvitedMembership(tx, actor, userId, input).catch((error: unknown) => {
    // Two admins adding the same address at once: the unique key decides, the loser gets the field error.
    throw isUniqueViolation(error) ? emailTaken() : error;
  });
  const invitation = await insertInvitation(tx, actor, input);
  const person = await getPerson(tx, actor, membershipId);
  await recordAudit(tx, actor, {
    type: "person.created",
    subjectType: "person",
    subjectId: person.id,
    after: { email: person.email, ...auditSnapshot(person) },
  });
  await queueInvitationMail(tx, actor, mail, invitation.row, invitation.token);
  return person;
}

export async function updatePerson(
  tx: Tx,
  actor: Actor,
  personId: string,
  input: UpdatePersonInput,
): Promise<PersonDetail> {
  if (!canManagePeople(actor)) throw forbidden();
  const before = await loadPersonRow(tx, actor, personId);
  if (!canEditPerson(actor, before)) throw conflict();
  if (!canDropOwnAdminRole(actor, before, input.roles)) throw invalid({ roles: "field.cannotRemoveOwnAdmin" });
  // Until they accept, the organisation knows an invited member only by the name it typed.
  const displayName = input.displayName === undefined ? before.displayName : input.displayName;
  if (displayName === null && before.status === "invited") throw invalid({ displayName: "field.required" });
  if (input.managerId && input.managerId !== before.managerId) await checkManager(tx, actor, personId, input.managerId);
  await updateVersioned(
    tx,
    memberships,
    { id: personId, organisationId: actor.organisationId, expectedVersion: input.version },
    {
      roles: input.roles,
      jobTitle: input.jobTitle || null,
      academicExperienceYears: input.academicExperienceYears ?? null,
      dreyfusLevel: input.dreyfusLevel ?? null,
      displayName,
      ...(input.managerId === undefined ? {} : { managerId: input.managerId }),
    },
  );
  // The account (its name, e-mail, password) is the person's own: nothing here changes it.
  const after = await getPerson(tx, actor, personId);
  const changes = diff(auditSnapshot(before), auditSnapshot(after));
  if (Object.keys(changes.after).length > 0) {
    await recordAudit(tx, actor, { type: "person.updated", subjectType: "person", subjectId: personId, ...changes });
  }
  return after;
}

export async function setPersonStatus(
  tx: Tx,
  actor: Actor,
  personId: string,
  expectedVersion: number,
  to: "active" | "deactivated",
): Promise<PersonDetail> {
  if (!canManagePeople(actor)) throw forbidden();
  const before = await loadPersonRow(tx, actor, personId);
  if (to === "deactivated") {
    if (isSelf(actor, before)) throw new HttpProblem(422, "field.cannotDeactivateSelf");
    // Already deactivated: someone else got there first, which is what a conflict means.
    if (!canDeactivate(actor, before)) throw conflict();
  } else if (!canReactivate(actor, before)) {
    throw conflict();
  }
  // Someone who never accepted their invitation comes back invited, never active.
  const status = to === "active" && !before.joinedAt ? "invited" : to;
  await updateVersioned(
    tx,
    memberships,
    { id: personId, organisationId: actor.organisationId, expectedVersion },
    { status, endedOn: to === "deactivated" ? dutchToday() : null },
  );
  if (to === "deactivated") {
    // A link still on its way must not bring them back in.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.organisationId, actor.organisationId),
          eq(invitations.email, before.email.toLowerCase()),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
  }
  const after = await getPerson(tx, actor, personId);
  await recordAudit(tx, actor, {
    type: to === "deactivated" ? "person.deactivated" : "person.reactivated",
    subjectType: "person",
    subjectId: personId,
    before: { status: before.status },
    after: { status: after.status },
  });
  return after;
}

async function checkProfile(tx: Tx, actor: Actor, input: RegistrationInput) {
  const typeProblem = registrationTypeProblem(input);
  if (typeProblem) throw invalid(typeProblem);
  if (input.requirementProfile && !(await findProfile(tx, actor, input.requirementProfile)))
    throw invalid({ requirementProfile: "field.unknownProfile" });
}

function registrationValues(input: RegistrationInput) {
  return {
    register: input.register,
    // The schema made sure a listed id is on the list and "other" has a name.
    registrationType: storedTypeName(input.register, input.typeId, input.registrationType) ?? "",
    number: input.number,
    validUntil: input.validUntil ?? null,
    reregistrationDate: input.reregistrationDate ?? null,
    requirementProfile: input.requirementProfile ?? null,
  };
}

const registrationSnapshot = (row: typeof registrations.$inferSelect) => ({
  personId: row.membershipId,
  register: row.register,
  registrationType: row.registrationType,
  number: row.number,
  validUntil: row.validUntil,
  reregistrationDate: row.reregistrationDate,
  requirementProfile: row.requirementProfile,
});

async function loadRegistration(tx: Tx, actor: Actor, personId: string, registrationId: string) {
  const [row] = await tx
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.id, registrationId),
        eq(registrations.membershipId, personId),
        eq(registrations.organisationId, actor.organisationId),
      ),
    )
    .limit(1);
  if (!row) throw notFound();
  return row;
}

export async function addRegistration(tx: Tx, actor: Actor, personId: string, input: RegistrationInput) {
  if (!canManagePeople(actor)) throw forbidden();
  await loadPersonRow(tx, actor, personId);
  await checkProfile(tx, actor, input);
  const [row] = await tx
    .insert(registrations)
    .values({ organisationId: actor.organisationId, membershipId: personId, ...registrationValues(input) })
    .returning();
  if (!row) throw new Error("registration insert returned nothing");
  await recordAudit(tx, actor, {
    type: "registration.created",
    subjectType: "registration",
    subjectId: row.id,
    after: registrationSnapshot(row),
  });
  return toRegistration(row);
}

export async function updateRegistration(
  tx: Tx,
  actor: Actor,
  personId: string,
  registrationId: string,
  input: RegistrationInput & { version: number },
) {
  if (!canManagePeople(actor)) throw forbidden();
  const before = await loadRegistration(tx, actor, personId, registrationId);
  await checkProfile(tx, actor, input);
  const row = await updateVersioned(
    tx,
    registrations,
    { id: registrationId, organisationId: actor.organisationId, expectedVersion: input.version },
    registrationValues(input),
  );
  const changes = diff(registrationSnapshot(before), registrationSnapshot(row));
  if (Object.keys(changes.after).length > 0) {
    await recordAudit(tx, actor, {
      type: "registration.updated",
      subjectType: "registration",
      subjectId: registrationId,
      before: { personId, ...changes.before },
      after: { personId, ...changes.after },
    });
  }
  return toRegistration(row);
}

export async function deleteRegistration(
  tx: Tx,
  actor: Actor,
  personId: string,
  registrationId: string,
  version: number,
) {
  if (!canManagePeople(actor)) throw forbidden();
  const before = await loadRegistration(tx, actor, personId, registrationId);
  if (before.version !== version) throw conflict();
  const deleted = await tx
    .delete(registrations)
    .where(
      and(
        eq(registrations.id, registrationId),
        eq(registrations.organisationId, actor.organisationId),
        eq(registrations.version, version),
      ),
    )
    .returning({ id: registrations.id });
  if (deleted.length === 0) throw conflict();
  await recordAudit(tx, actor, {
    type: "registration.deleted",
    subjectType: "registration",
    subjectId: registrationId,
    before: registrationSnapshot(before),
  });
}
