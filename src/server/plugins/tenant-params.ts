import { and, eq, or, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../../db/connection.js";
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
import type { AuthContext } from "../auth/session.js";
import { notFound } from "../http/problem.js";

type Owns = (db: Db, auth: AuthContext, id: string) => Promise<boolean>;

const inOrganisation =
  (
    table:
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
      | typeof qualifications,
  ): Owns =>
  async (db, auth, id) => {
    const rows = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, id), eq(table.organisationId, auth.actor.organisationId)))
      .limit(1);
    return rows.length === 1;
  };

/** Content owned by the organisation or by the network it is a member of (decision 0019). */
const ownedOrShared =
  (table: typeof frameworks | typeof frameworkVersions | typeof modules | typeof moduleVersions): Owns =>
  async (db, auth, id) => {
    const network = db
      .select({ id: organisations.networkId })
      .from(organisations)
      .where(eq(organisations.id, auth.actor.organisationId));
    const rows = await db
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          eq(table.id, id),
          or(eq(table.ownerOrganisationId, auth.actor.organisationId), sql`${table.ownerNetworkId} = (${network})`),
        ),
      )
      .limit(1);
    return rows.length === 1;
  };

/**
 * Every path parameter of the API names a tenant resource, and this table says how to check
 * that it belongs to the requester. A route with a parameter missing here does not start, so
 * no route can skip the check. It runs before validation: another organisation's id is a 404
 * whatever the body holds.
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
  trainerRequestId: async (db, auth, id) => {
    const org = auth.actor.organisationId;
    const rows = await db
      .select({ id: trainerRequests.id })
      .from(trainerRequests)
      .where(
        and(
          eq(trainerRequests.id, id),
          or(eq(trainerRequests.organisationId, org), eq(trainerRequests.fromOrganisationId, org)),
        ),
      )
      .limit(1);
    return rows.length === 1;
  },
  // A case of the organisation (whether its reader may see it is the service's question), or an
  // approved case of its network.
  caseId: async (db, auth, id) => {
    const network = db
      .select({ id: organisations.networkId })
      .from(organisations)
      .where(eq(organisations.id, auth.actor.organisationId));
    const rows = await db
      .select({ id: cases.id })
      .from(cases)
      .where(
        and(
          eq(cases.id, id),
          or(
            eq(cases.organisationId, auth.actor.organisationId),
            and(eq(cases.status, "approved"), sql`${cases.ownerNetworkId} = (${network})`),
          ),
        ),
      )
      .limit(1);
    return rows.length === 1;
  },
  // A post of the organisation, or of a thread its network reads (which thread the reader reads is the service's question).
  postId: async (db, auth, id) => {
    const network = db
      .select({ id: organisations.networkId })
      .from(organisations)
      .where(eq(organisations.id, auth.actor.organisationId));
    const rows = await db
      .select({ id: discussionPosts.id })
      .from(discussionPosts)
      .where(
        and(
          eq(discussionPosts.id, id),
          or(
            eq(discussionPosts.organisationId, auth.actor.organisationId),
            sql`${discussionPosts.networkId} = (${network})`,
          ),
        ),
      )
      .limit(1);
    return rows.length === 1;
  },
  // A certificate is its holder's only: the service reads the actor's own rows.
  certificateId: inOrganisation(certificates),
  // Only the person a notification is for may touch it.
  notificationId: async (db, auth, id) => {
    const rows = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.id, id),
          eq(notifications.organisationId, auth.actor.organisationId),
          eq(notifications.userId, auth.user.id),
        ),
      )
      .limit(1);
    return rows.length === 1;
  },
  // A person may see the organisations they are an active member of (the switcher shows their logos).
  organisationId: async (db, auth, id) => {
    const rows = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(eq(memberships.organisationId, id), eq(memberships.userId, auth.user.id), eq(memberships.status, "active")),
      )
      .limit(1);
    return rows.length === 1;
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function paramNames(url: string): string[] {
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
}

export function registerTenantParams(app: FastifyInstance, db: Db) {
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
    const check = async (request: FastifyRequest) => {
      const params = request.params as Record<string, string>;
      for (const name of names) {
        const value = params[name] ?? "";
        const owns = TENANT_PARAMS[name] as Owns;
        if (!request.auth || !UUID.test(value) || !(await owns(db, request.auth, value))) throw notFound();
      }
    };
    const existing = route.preValidation;
    route.preValidation = existing ? [check, ...(Array.isArray(existing) ? existing : [existing])] : [check];
  });
}
