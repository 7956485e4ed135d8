import { and, asc, count, desc, eq, exists, ilike, inArray, min, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { meetings, memberships, trajectories, trajectoryParticipants, users } from "../../db/schema.js";
import type { ParticipantRole } from "../../domain/regimes/schema.js";
import { type Actor, hasRole } from "../../domain/roles.js";
import { type DueItemView, TRAJECTORY_PAGE_SIZE, type TrajectorySummary } from "../../domain/trajectories/api.js";
import { canSeeMeeting, canStartTrajectory, PARTICIPANT_ORG_ROLES } from "../../domain/trajectories/policy.js";
import { forbidden } from "../http/problem.js";
import { memberName } from "../people/member-name.js";
import { regimeVersionsByHash } from "../regimes/service.js";
import { hasUnsignedDatedDeclaration } from "./declaration-due-facts.js";
import { groupBy } from "./group-by.js";
import { type KeptDueParts, loadDueSources } from "./load-due.js";
import { loadParticipants, viewerOf } from "./load-trajectory.js";
import { dueFor } from "./present-trajectory.js";

interface ListFilter {
  status?: string;
  search?: string;
  page: number;
}

/** A search finds a trajectory by its title or by the name someone taking part goes by in the organisation. */
function matches(search: string, org: string) {
  const pattern = `%${search.replace(/[\\%_]/g, "\\$&")}%`;
  return or(
    ilike(trajectories.title, pattern),
    sql`exists (select 1 from ${trajectoryParticipants} join ${users} on ${users.id} = ${trajectoryParticipants.userId}
                join ${memberships} on ${memberships.userId} = ${users.id} and ${memberships.organisationId} = ${org}
                where ${trajectoryParticipants.trajectoryId} = ${trajectories.id}
                  and ${trajectoryParticipants.organisationId} = ${org} and ${memberName} ilike ${pattern})`,
  );
}

/**
 * The trajectories this person may see: all of the organisation's for the admin, otherwise
 * those they take part in. A fixed number of queries, however many trajectories there are.
 */
export async function listTrajectories(
  tx: Tx,
  actor: Actor,
  filter: ListFilter,
): Promise<{ items: TrajectorySummary[]; total: number; page: number; pageSize: number }> {
  const org = actor.organisationId;
  const mine = exists(
    tx
      .select({ one: sql`1` })
      .from(trajectoryParticipants)
      .where(
        and(
          eq(trajectoryParticipants.trajectoryId, trajectories.id),
          eq(trajectoryParticipants.organisationId, org),
          eq(trajectoryParticipants.userId, actor.userId),
        ),
      ),
  );
  const where = and(
    eq(trajectories.organisationId, org),
    hasRole(actor, "admin") ? undefined : mine,
    filter.status ? eq(trajectories.status, filter.status) : undefined,
    filter.search ? matches(filter.search, org) : undefined,
  );
  const [counted] = await tx.select({ total: count() }).from(trajectories).where(where);
  const total = counted?.total ?? 0;
  const page = { page: filter.page, pageSize: TRAJECTORY_PAGE_SIZE, total };
  const rows = await tx
    .select({
      id: trajectories.id,
      title: trajectories.title,
      status: trajectories.status,
      regimeHash: trajectories.regimeHash,
      regimeKey: trajectories.regimeKey,
      startsOn: trajectories.startsOn,
      endsOn: trajectories.endsOn,
      closed: trajectories.closed,
    })
    .from(trajectories)
    .where(where)
    .orderBy(desc(trajectories.startsOn), asc(trajectories.title), asc(trajectories.id))
    .limit(TRAJECTORY_PAGE_SIZE)
    .offset((filter.page - 1) * TRAJECTORY_PAGE_SIZE);
  if (!rows.length) return { ...page, items: [] };
  const ids = rows.map((r) => r.id);
  const regimeOf = await regimeVersionsByHash(
    tx,
    actor,
    rows.map((r) => r.regimeHash),
  );
  const participantsOf = groupBy(await loadParticipants(tx, org, ids), (p) => p.trajectoryId);
  const upcoming = await tx
    .select({ trajectoryId: meetings.trajectoryId, unannounced: meetings.unannounced, at: min(meetings.startsAt) })
    .from(meetings)
    .where(
      and(
        eq(meetings.organisationId, org),
        oneOf(meetings.trajectoryId, ids),
        eq(meetings.status, "planned"),
        sql`${meetings.startsAt} >= now()`,
      ),
    )
    .groupBy(meetings.trajectoryId, meetings.unannounced);
  const upcomingOf = groupBy(upcoming, (u) => u.trajectoryId);

  const items = rows.map((row) => {
    const regime = regimeOf.get(row.regimeHash);
    const own = participantsOf.get(row.id) ?? [];
    const viewer = viewerOf(actor, own);
    // A finished trajectory has no next meeting, whatever was still planned when it closed.
    const next = row.closed
      ? undefined
      : (upcomingOf.get(row.id) ?? [])
          .filter((u) =>
            canSeeMeeting(
              viewer,
              { participants: regime?.participants ?? [], admin: regime?.admin ?? { sees: [], does: [] } },
              {
                unannounced: u.unannounced,
                status: "planned",
              },
            ),
          )
          .map((u) => u.at)
          .filter((at): at is Date => at !== null)
          .sort((a, b) => a.getTime() - b.getTime())[0];
    const status = regime?.statuses.find((s) => s.key === row.status);
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      statusLabel: status?.label ?? { nl: row.status, en: row.status },
      regimeName: regime?.name ?? { nl: row.regimeKey, en: row.regimeKey },
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      trainee: own.find((p) => p.role === "trainee")?.name ?? null,
      guides: own.filter((p) => p.role === "guide").map((p) => p.name),
      viewerRoles: viewer.participantRoles,
      nextMeetingAt: next ? new Date(next).toISOString() : null,
    };
  });
  return { ...page, items };
}

/**
 * People who can take each part in a trajectory: active members with the matching role. For who
 * starts trajectories, and for guides, who add a co-guide of their team to a running one.
 */
export async function listCandidates(tx: Tx, actor: Actor) {
  if (!canStartTrajectory(actor.roles) && !hasRole(actor, "guide")) throw forbidden();
  const rows = await tx
    .select({ id: memberships.id, name: memberName, roles: memberships.roles })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.status, "active")))
    .orderBy(asc(memberName));
  const taking = (part: ParticipantRole) =>
    rows
      .filter((r) => r.roles.some((role) => PARTICIPANT_ORG_ROLES[part].includes(role)))
      .map(({ id, name }) => ({ id, name }));
  return {
    me: actor.membershipId,
    trainees: taking("trainee"),
    guides: taking("guide"),
    commissioners: taking("commissioner"),
    schoolContacts: taking("school"),
    coGuides: taking("co_guide"),
  };
}

/** Everything due for this person across the open trajectories they take part in (and late declarations of closed ones). */
export async function listDue(tx: Tx, actor: Actor, keptParts: KeptDueParts, now = new Date()): Promise<DueItemView[]> {
  const theirs = tx
    .select({ id: trajectoryParticipants.trajectoryId })
    .from(trajectoryParticipants)
    .where(
      and(
        eq(trajectoryParticipants.organisationId, actor.organisationId),
        eq(trajectoryParticipants.userId, actor.userId),
      ),
    );
  const sources = await loadDueSources(
    tx,
    actor,
    {
      matching: and(
        inArray(trajectories.id, theirs),
        // A closed one only while a declaration the register needs is still unsigned.
        or(eq(trajectories.closed, false), hasUnsignedDatedDeclaration),
      ) as SQL,
      limit: 200,
    },
    keptParts,
  );
  return sources
    .flatMap((trajectory) => dueFor(trajectory, now))
    .sort((a, b) => (a.dueAt ?? "").localeCompare(b.dueAt ?? ""));
}
