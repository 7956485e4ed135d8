import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  cases,
  certificates,
  competenceScans,
  declarations,
  discussionPosts,
  events,
  feedbackRecords,
  frameworks,
  frameworkVersions,
  goals,
  intervisionGroups,
  intervisionMeetings,
  invitations,
  meetings,
  memberships,
  moduleAssignments,
  modules,
  moduleVersions,
  notifications,
  organisations,
  outbox,
  qualifications,
  regimes,
  registrations,
  requirementProfiles,
  scanFriends,
  supervisedTrainings,
  trainerRequests,
  trajectories,
  trajectoryDocuments,
} from "../../db/schema.js";
import { notFound } from "../http/problem.js";

/** Who asks: the organisation and person of the session, as SQL the check compares with. */
export interface Asker {
  organisationId: PgColumn | SQL;
  userId: PgColumn | SQL;
}

/** A condition that holds when the thing with this id belongs to the asker. */
type Owns = (asker: Asker, id: string) => SQL;

type OrganisationTable =
  | typeof memberships
  | typeof registrations
  | typeof invitations
  | typeof outbox
  | typeof certificates
  | typeof regimes
  | typeof trajectories
  | typeof goals
  | typeof meetings
  | typeof feedbackRecords
  | typeof declarations
  | typeof trajectoryDocuments
  | typeof intervisionGroups
  | typeof intervisionMeetings
  | typeof requirementProfiles
  | typeof competenceScans
  | typeof scanFriends
  | typeof moduleAssignments
  | typeof events
  | typeof supervisedTrainings
  | typeof qualifications;

const inOrganisation =
  (table: OrganisationTable): Owns =>
  (asker, id) =>
    sql`exists (select 1 from ${table} where ${table.id} = ${id} and ${table.organisationId} = ${asker.organisationId})`;

/** The network the asker's organisation is a member of, if any. */
const networkOf = (asker: Asker) =>
  sql`(select ${organisations.networkId} from ${organisations} where ${organisations.id} = ${asker.organisationId})`;

/** Content owned by the organisation or by the network it is a member of (decision 0019). */
const ownedOrShared =
  (table: typeof frameworks | typeof frameworkVersions | typeof modules | typeof moduleVersions): Owns =>
  (asker, id) =>
    sql`exists (select 1 from ${table} where ${table.id} = ${id} and (${table.ownerOrganisationId} = ${asker.organisationId} or ${table.ownerNetworkId} = ${networkOf(asker)}))`;

/**
 * Every path parameter of the API names a tenant resource, and this table says how to check
 * that it belongs to the requester. A route with a parameter missing here does not start, so
 * no route can skip the check. The check is part of the statement that reads the session (one
 * round trip), and is enforced before validation: another organisation's id is a 404 whatever
 * the body holds.
 */
export const TENANT_PARAMS: Record<string, Owns> = {
  personId: inOrganisation(memberships),
  registrationId: inOrganisation(registrations),
  invitationId: inOrganisation(invitations),
  messageId: inOrganisation(outbox),
  regimeId: inOrganisation(regimes),
  // Whether the person may see it within the organisation is the service's question (404 too).
  trajectoryId: inOrganisation(trajectories),
  goalId: inOrganisation(goals),
  meetingId: inOrganisation(meetings),
  feedbackId: inOrganisation(feedbackRecords),
  declarationId: inOrganisation(declarations),
  documentId: inOrganisation(trajectoryDocuments),
  groupId: inOrganisation(intervisionGroups),
  groupMeetingId: inOrganisation(intervisionMeetings),
  profileId: inOrganisation(requirementProfiles),
  // Who may read a scan within the organisation (its owner, praktijkopleider, team leader) is the service's question.
  scanId: inOrganisation(competenceScans),
  friendId: inOrganisation(scanFriends),
  frameworkId: ownedOrShared(frameworks),
  versionId: ownedOrShared(frameworkVersions),
  moduleId: ownedOrShared(modules),
  moduleVersionId: ownedOrShared(moduleVersions),
  // Who may see a submission within the organisation (its learner, their reviewers) is the service's question.
  assignmentId: inOrganisation(moduleAssignments),
  // Whether the person may see the event (its audience, a trainer, a participant) is the service's question.
  eventId: inOrganisation(events),
  // Whether the actor supervises it is the service's question.
  supervisedTrainingId: inOrganisation(supervisedTrainings),
  qualificationId: inOrganisation(qualifications),
  // A request between two members is the asking organisation's and the trainer organisation's.
  trainerRequestId: (asker, id) =>
    sql`exists (select 1 from ${trainerRequests} where ${trainerRequests.id} = ${id} and (${trainerRequests.organisationId} = ${asker.organisationId} or ${trainerRequests.fromOrganisationId} = ${asker.organisationId}))`,
  // A case of the organisation (whether its reader may see it is the service's question), or an
  // approved case of its network.
  caseId: (asker, id) =>
    sql`exists (select 1 from ${cases} where ${cases.id} = ${id} and (${cases.organisationId} = ${asker.organisationId} or (${cases.status} = 'approved' and ${cases.ownerNetworkId} = ${networkOf(asker)})))`,
  // A post of the organisation, or of a thread its network reads (which thread the reader reads is the service's question).
  postId: (asker, id) =>
    sql`exists (select 1 from ${discussionPosts} where ${discussionPosts.id} = ${id} and (${discussionPosts.organisationId} = ${asker.organisationId} or ${discussionPosts.networkId} = ${networkOf(asker)}))`,
  // A certificate is its holder's only: the service reads the actor's own rows.
  certificateId: inOrganisation(certificates),
  // Only the person a notification is for may touch it.
  notificationId: (asker, id) =>
    sql`exists (select 1 from ${notifications} where ${notifications.id} = ${id} and ${notifications.organisationId} = ${asker.organisationId} and ${notifications.userId} = ${asker.userId})`,
  // A person may see the organisations they are an active member of (the switcher shows their logos).
  organisationId: (asker, id) =>
    sql`exists (select 1 from ${memberships} where ${memberships.organisationId} = ${id} and ${memberships.userId} = ${asker.userId} and ${memberships.status} = 'active')`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function paramNames(url: string): string[] {
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route's tenant parameters, in path order (set when the route is added). */
    tenantParams?: readonly string[];
  }
}

/**
 * The condition that every tenant parameter in this request's path names something of the
 * asker's, for the statement that reads the session; true when the path has none, false when a
 * value is not an id at all.
 */
export function ownershipOf(request: FastifyRequest): ((asker: Asker) => SQL) | undefined {
  const names = request.routeOptions.config.tenantParams;
  if (!names?.length) return undefined;
  const params = request.params as Record<string, string>;
  const values = names.map((name) => params[name] ?? "");
  if (!values.every((value) => UUID.test(value))) return () => sql`false`;
  return (asker) =>
    sql.join(
      names.map((name, i) => (TENANT_PARAMS[name] as Owns)(asker, values[i] as string)),
      sql` and `,
    );
}

/**
 * Refuses, before validation, a request whose path names something that is not the asker's:
 * 404, as if it did not exist. A route with a parameter missing from TENANT_PARAMS does not start.
 */
export function registerTenantParams(app: FastifyInstance) {
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/v1/")) return;
    const names = paramNames(route.url);
    const unknown = names.filter((name) => !(name in TENANT_PARAMS));
    if (unknown.length) {
      throw new Error(
        `Route ${route.method} ${route.url} has parameters without a tenancy check: ${unknown.join(", ")}`,
      );
    }
    if (!names.length) return;
    route.config = { ...route.config, tenantParams: names };
    const check = async (request: FastifyRequest) => {
      if (!request.auth || !request.ownsPath) throw notFound();
    };
    const existing = route.preValidation;
    route.preValidation = existing ? [check, ...(Array.isArray(existing) ? existing : [existing])] : [check];
  });
}
