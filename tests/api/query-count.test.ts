import { and, desc, eq, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  accessLog,
  auditEvents,
  cases,
  competenceScans,
  discussionPosts,
  eventAttendance,
  eventEvaluations,
  eventRegistrations,
  eventSessions,
  events,
  feedbackRecords,
  frameworks,
  frameworkVersions,
  frameworkVotes,
  intervisionAttendance,
  intervisionMeetings,
  intervisionMembers,
  meetings,
  memberships,
  moduleAssignments,
  moduleProgress,
  modules,
  moduleVersions,
  notifications,
  organisations,
  registrations,
  scanFriends,
  supervisedTrainings,
  trainerCertificates,
  trainerRequests,
  trajectories,
  users,
} from "../../src/db/schema.js";
import type { LearningPathView } from "../../src/domain/competences/path-api.js";
import type { MeetingDetail } from "../../src/domain/trajectories/api.js";
import { DEMO_PASSWORD } from "../../src/server/demo/seed.js";
import { DUE_PART_TABLES, keptDueParts } from "../../src/server/trajectories/load-due.js";
import { createTestApp, type TestClient } from "../support/app.js";
import { fillPath, tenantFixtures } from "../support/fixtures.js";
import { everyBlockModule } from "../support/modules.js";
import { createFinishedScan, demoFramework, userIdOf } from "../support/scans.js";

/**
 * No read may issue a statement per row (N+1). Each read below is measured on the demo data,
 * then again after a lot more data of every kind; the number of SQL statements must not grow.
 * A new read endpoint is one line in READS, a new kind of data one function in GROWTH; a GET
 * route in neither READS nor NOT_MEASURED fails the first test.
 */

/** The reads measured, as who (`:name` path parameters are real ids of De Linde). */
const READS: Array<[path: string, as?: Person]> = [
  ["/api/v1/auth/session"],
  ["/api/v1/organisation/branding"],
  ["/api/v1/network"],
  ["/api/v1/frameworks"],
  ["/api/v1/frameworks/:frameworkId"],
  ["/api/v1/frameworks/:frameworkId/versions/:versionId"],
  ["/api/v1/scans", "guide"],
  ["/api/v1/scans/:scanId", "guide"],
  ["/api/v1/scans/:scanId/results", "guide"],
  ["/api/v1/scans/:scanId/results", "training_officer"],
  ["/api/v1/scans/compare?from=:earlierScanId&to=:scanId", "guide"],
  ["/api/v1/scan-overview", "training_officer"],
  ["/api/v1/friend-requests", "training_officer"],
  ["/api/v1/friend-requests/:friendId", "training_officer"],
  ["/api/v1/learning-path", "guide"],
  ["/api/v1/modules", "guide"],
  ["/api/v1/modules", "training_officer"],
  ["/api/v1/modules/:moduleId", "guide"],
  ["/api/v1/modules/:moduleId/versions/:moduleVersionId", "training_officer"],
  ["/api/v1/assignments", "training_officer"],
  ["/api/v1/assignments/:assignmentId/evidence", "training_officer"],
  ["/api/v1/certificates", "trainee"],
  ["/api/v1/cases", "guide"],
  ["/api/v1/cases/:caseId", "guide"],
  ["/api/v1/modules/:moduleId/discussion", "guide"],
  ["/api/v1/certificates/:certificateId/pdf", "trainee"],
  // The consensus round on the network's published version (the fixture framework is De Linde's own).
  ["/api/v1/frameworks/:networkFrameworkId/versions/:networkVersionId/consensus"],
  ["/api/v1/frameworks/:frameworkId/versions/:versionId/export.json"],
  ["/api/v1/frameworks/:frameworkId/versions/:versionId/export.csv"],
  ["/api/v1/frameworks/:frameworkId/compare?from=:versionId&to=:versionId"],
  ["/api/v1/frameworks/:networkFrameworkId/extensions"],
  ["/api/v1/me/organisations/:organisationId/logo"],
  ["/api/v1/people?pageSize=100"],
  ["/api/v1/people/:personId"],
  ["/api/v1/invitations"],
  ["/api/v1/outbox"],
  ["/api/v1/outbox/:messageId"],
  ["/api/v1/audit-events"],
  ["/api/v1/audit-events/actors"],
  ["/api/v1/regimes"],
  ["/api/v1/regimes/:regimeId"],
  ["/api/v1/requirement-profiles"],
  ["/api/v1/requirement-profiles/:profileId"],
  ["/api/v1/evidence", "trainee"],
  ["/api/v1/people/:personId/evidence"],
  ["/api/v1/evidence.csv", "trainee"],
  ["/api/v1/trajectories"],
  ["/api/v1/trajectories", "guide"],
  ["/api/v1/trajectories/candidates"],
  ["/api/v1/trajectories/retention", "training_officer"],
  ["/api/v1/trajectories/network-retention", "training_officer"],
  ["/api/v1/trajectories/guide-eligibility?regimeKey=supervisie&traineeId=:daan&guideId=:sanne&startsOn=2026-09-01"],
  [
    "/api/v1/trajectories/guide-eligibility?regimeKey=skj_werkbegeleiding&traineeId=:daan&guideId=:sanne&startsOn=2026-09-01",
  ],
  ["/api/v1/trajectories/:trajectoryId"],
  ["/api/v1/trajectories/:trajectoryId", "trainee"],
  ["/api/v1/meetings/:meetingId"],
  // The draft report is its writer's: the guide's.
  ["/api/v1/trajectories/:trajectoryId/report", "guide"],
  ["/api/v1/trajectories/:trajectoryId/report.pdf", "guide"],
  ["/api/v1/trajectories/:trajectoryId/progress.pdf", "guide"],
  ["/api/v1/processing-register.pdf"],
  ["/api/v1/access-log/mine", "trainee"],
  ["/api/v1/retention"],
  ["/api/v1/retention/periods"],
  ["/api/v1/me/erasure", "trainee"],
  ["/api/v1/people/:personId/erasure"],
  ["/api/v1/access-log"],
  ["/api/v1/access-log?personId=:personId"],
  ["/api/v1/trajectories/:trajectoryId/billing.pdf"],
  ["/api/v1/trajectories/:trajectoryId/billing.csv"],
  ["/api/v1/due", "guide"],
  ["/api/v1/calendar", "guide"],
  ["/api/v1/calendar/address", "guide"],
  ["/api/v1/trajectories/:trajectoryId/declarations"],
  ["/api/v1/declarations/:declarationId"],
  ["/api/v1/declarations/:declarationId", "trainee"],
  ["/api/v1/declarations/:declarationId/pdf"],
  ["/api/v1/trajectories/:trajectoryId/documents/:documentId"],
  ["/api/v1/notifications", "trainee"],
  ["/api/v1/intervision/groups"],
  ["/api/v1/intervision/candidates"],
  ["/api/v1/intervision/groups/:groupId"],
  ["/api/v1/intervision/meetings/:groupMeetingId"],
  ["/calendar/:calendarFeed"],
  ["/api/v1/events", "guide"],
  ["/api/v1/events", "training_officer"],
  ["/api/v1/events/attended", "guide"],
  ["/api/v1/qualifications", "guide"],
  ["/api/v1/events/candidates"],
  ["/api/v1/events/counts?from=2000-01-01&to=2199-12-31"],
  ["/api/v1/events/network-counts?from=2000-01-01&to=2199-12-31"],
  ["/api/v1/events/:eventId"],
  ["/api/v1/events/:eventId", "guide"],
  ["/api/v1/events/:eventId/check-in"],
  ["/api/v1/events/:eventId/evaluations"],
  ["/api/v1/trainers"],
  ["/api/v1/trainers", "guide"],
];

/** GET routes not measured, with the reason. */
const NOT_MEASURED: Record<string, string> = {
  "/api/v1/me/export":
    "the person's own pages read one by one (each trajectory, meeting, scan and group they have), each measured on its own route; its size is the person's by design",
  "/api/v1/cases/:caseId/discussion":
    "the same reads as /api/v1/modules/:moduleId/discussion, on an approved case (the fixture case is a draft)",
  "/api/v1/evidence.pdf": "the same reads as /api/v1/evidence.csv, rendered as a PDF",
  "/api/v1/people/:personId/evidence.csv": "the same reads as /api/v1/people/:personId/evidence",
  "/api/v1/people/:personId/evidence.pdf": "the same reads as /api/v1/people/:personId/evidence",
  "/api/v1/frameworks/:frameworkId/extensions":
    "measured on the network's framework (READS names its id :networkFrameworkId)",
  "/api/v1/frameworks/:frameworkId/versions/:versionId/consensus":
    "measured on the network's version (READS names its ids :networkFrameworkId and :networkVersionId)",
  "/api/v1/invitations/accept": "looks up one invitation by its token; there is nothing to repeat per row",
  "/api/v1/friend-links":
    "looks up one critical friend by its token; the same reads as /api/v1/friend-requests/:friendId",
};

const PEOPLE = {
  admin: "beheer@delinde.example",
  guide: "sanne.visser@netwerk.example",
  trainee: "daan.bakker@delinde.example",
  client: "fatima.yilmaz@delinde.example",
  training_officer: "joost.smit@delinde.example",
} as const;
type Person = keyof typeof PEOPLE;

let statements = 0;
/** Transaction control as node-postgres logs it (PGlite does not log it): counted apart for changes. */
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback)\b/i;
let transactionControl = 0;
let transactions = 0;
const t = await createTestApp(
  {},
  {
    onQuery: (query) => {
      statements++;
      if (!TRANSACTION_CONTROL.test(query)) return;
      transactionControl++;
      if (/^\s*begin\b/i.test(query)) transactions++;
    },
  },
);
afterAll(() => t.close());
const ids = await tenantFixtures(t);
const as: Record<Person, TestClient> = {
  admin: await t.login(PEOPLE.admin),
  guide: await t.login(PEOPLE.guide),
  trainee: await t.login(PEOPLE.trainee),
  client: await t.login(PEOPLE.client),
  training_officer: await t.login(PEOPLE.training_officer),
};
await as.guide.post("/api/v1/auth/organisation", { organisationId: t.orgs.linde });
// The guide's calendar feed (outside /api/v1: calendar apps fetch it with the secret in the address).
ids.calendarFeed = ((await as.guide.post("/api/v1/calendar/renew", {})).json().url as string).split("/").pop() ?? "";
// The trainee and guide of the fixture trajectory as person ids, for the guide eligibility question.
const people = (await as.admin.get("/api/v1/trajectories/candidates")).json() as Record<
  string,
  { id: string; name: string }[]
>;
ids.daan = people.trainees?.find((p) => p.name === "Daan Bakker")?.id ?? "";
ids.sanne = people.guides?.find((p) => p.name === "Sanne Visser")?.id ?? "";

// The network's framework and its published version, for the consensus round.
{
  const [version] = await t.database.db
    .select()
    .from(frameworkVersions)
    .where(and(isNotNull(frameworkVersions.ownerNetworkId), eq(frameworkVersions.status, "published")));
  ids.networkFrameworkId = version?.frameworkId ?? "";
  ids.networkVersionId = version?.id ?? "";
}

const ok = async (response: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
  const r = await response;
  if (r.statusCode >= 300) throw new Error(`growing the data failed: ${r.statusCode} ${r.body}`);
  return r.json() as { id: string; version: number };
};

// An earlier finished scan of the guide (one of the demo's), to compare with the fixture scan.
{
  const [earlier] = await t.database.db
    .select({ id: competenceScans.id })
    .from(competenceScans)
    .where(
      and(
        eq(competenceScans.organisationId, t.orgs.linde),
        eq(competenceScans.userId, await userIdOf(t, PEOPLE.guide)),
        eq(competenceScans.status, "finished"),
        ne(competenceScans.id, ids.scanId as string),
      ),
    )
    .orderBy(desc(competenceScans.finishedAt))
    .limit(1);
  ids.earlierScanId = earlier?.id ?? "";
}

/** More data of every kind; one function per kind. Each must make lists longer and details fuller. */
const GROWTH: Array<() => Promise<void>> = [
  // Thirty posts and replies in the fixture module's discussion, by three people.
  async function thirtyPostsOnTheModule() {
    const [post] = await t.database.db
      .select()
      .from(discussionPosts)
      .where(eq(discussionPosts.id, ids.postId as string));
    if (!post) throw new Error("no fixture post");
    const people = await t.database.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.email, [PEOPLE.guide, PEOPLE.training_officer, PEOPLE.trainee]));
    await t.database.db.insert(discussionPosts).values(
      Array.from({ length: 30 }, (_, i) => ({
        organisationId: post.organisationId,
        subjectKind: post.subjectKind,
        subjectId: post.subjectId,
        parentId: i % 3 ? post.id : null,
        authorId: people[i % people.length]?.id ?? "",
        authorName: people[i % people.length]?.name ?? "",
        body: `Bericht ${i}`,
      })),
    );
  },
  // Forty more BPV students of De Linde, with outcomes, for the retention figures.
  async function fortyBpvStudents() {
    const demo = await t.database.db
      .select()
      .from(trajectories)
      .where(and(eq(trajectories.organisationId, t.orgs.linde), eq(trajectories.regimeKey, "bpv")));
    if (demo.length === 0) throw new Error("no demo BPV trajectories");
    await t.database.db.insert(trajectories).values(
      Array.from({ length: 40 }, (_, i) => {
        const { id: _id, ...row } = demo[i % demo.length] as (typeof demo)[number];
        return { ...row, title: `BPV ${i}` };
      }),
    );
  },
  // Twenty approved cases of De Linde's people, for the network and for De Linde, some with two competences.
  async function twentyApprovedCases() {
    const people = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.email, [PEOPLE.guide, PEOPLE.training_officer, PEOPLE.client]));
    const [network] = await t.database.db
      .select({ id: organisations.networkId })
      .from(organisations)
      .where(eq(organisations.id, t.orgs.linde));
    const frameworkId = (await demoFramework(t)).framework.id;
    await t.database.db.insert(cases).values(
      Array.from({ length: 20 }, (_, i) => ({
        organisationId: t.orgs.linde,
        ownerNetworkId: i % 2 ? (network?.id ?? null) : null,
        ownerOrganisationId: i % 2 ? null : t.orgs.linde,
        authorId: people[i % people.length]?.id ?? "",
        status: "approved" as const,
        title: `Casus ${i}`,
        situation: "Een situatie uit de praktijk.",
        question: "Wat doe je?",
        setting: "vvt",
        frameworkId,
        competences: i % 3 ? ["feedback"] : ["feedback", "samenwerken"],
        reviewedBy: people[(i + 1) % people.length]?.id ?? null,
      })),
    );
  },
  // The demo's path of the guide stays; ten more scans make its progress and proposal fuller.
  async function tenScansOfTheGuideWithFriends() {
    const made = [];
    for (let i = 0; i < 10; i++)
      made.push(
        await createFinishedScan(t, {
          email: PEOPLE.guide,
          self: 1 + (i % 3),
          friends: [
            { kind: "colleague", rating: 2 },
            { kind: "colleague", rating: 3 },
            { kind: "student", rating: 1 },
          ],
          finishedAt: new Date(Date.now() - (i + 2) * 30 * 86_400_000),
        }),
      );
    expect(made).toHaveLength(10);
  },
  async function thirtyVotesAndCommentsOnTheNetworkVersion() {
    const [version] = await t.database.db
      .select()
      .from(frameworkVersions)
      .where(eq(frameworkVersions.id, ids.networkVersionId as string));
    const members = await t.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.networkId, version?.ownerNetworkId ?? ""));
    const [author] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, PEOPLE.admin));
    await t.database.db.insert(frameworkVotes).values(
      Array.from({ length: 30 }, (_, i) => ({
        versionId: ids.networkVersionId as string,
        networkId: version?.ownerNetworkId ?? "",
        organisationId: members[i % members.length]?.id ?? "",
        userId: author?.id ?? "",
        round: Math.max(1, version?.round ?? 1) - (i % 2),
        kind: (["approve", "reject", "comment"] as const)[i % 3] ?? "comment",
        itemKey: null,
        body: i % 3 ? `Opmerking ${i}` : null,
      })),
    );
  },
  async function tenModulesFollowedWithAssignments() {
    const [framework] = await t.database.db.select().from(frameworks).where(isNull(frameworks.ownerOrganisationId));
    const sanne = await userIdOf(t, PEOPLE.guide);
    for (let i = 0; i < 10; i++) {
      const document = everyBlockModule(framework?.id ?? "", `Extra module ${i}`);
      const [module] = await t.database.db.insert(modules).values({ ownerOrganisationId: t.orgs.linde }).returning();
      const [version] = await t.database.db
        .insert(moduleVersions)
        .values({
          moduleId: module?.id ?? "",
          ownerOrganisationId: t.orgs.linde,
          number: 1,
          status: "published",
          document,
          hash: `extra-${i}`,
          publishedAt: new Date(),
        })
        .returning();
      const [progress] = await t.database.db
        .insert(moduleProgress)
        .values({
          organisationId: t.orgs.linde,
          userId: sanne,
          moduleId: module?.id ?? "",
          moduleVersionId: version?.id ?? "",
          state: { seen: ["intro"], reflections: {}, quizzes: {}, attended: [], last: "intro" },
        })
        .returning();
      await t.database.db.insert(moduleAssignments).values({
        organisationId: t.orgs.linde,
        progressId: progress?.id ?? "",
        userId: sanne,
        blockKey: "opdracht",
        description: `Opdracht ${i}`,
      });
    }
  },
  async function fiftyPeopleWithRegistrations() {
    const rows = Array.from({ length: 50 }, (_, i) => ({
      name: `Extra Persoon ${i}`,
      email: `extra.${i}@delinde.example`,
      roles: i % 2 ? ["trainee"] : ["guide"],
      registration: { register: "SKJ", registrationType: "Jeugdprofessional", number: `9000${i}` },
    }));
    await ok(as.admin.post("/api/v1/people/import", { rows }));
  },
  async function twentyRegistrationsOfOnePerson() {
    await t.database.db.insert(registrations).values(
      Array.from({ length: 20 }, (_, i) => ({
        organisationId: t.orgs.linde,
        membershipId: ids.personId as string,
        register: "NIP",
        registrationType: "Psycholoog",
        number: `NIP-${i}`,
      })),
    );
  },
  async function fiftyInvitationsAndTheirMail() {
    for (let i = 0; i < 50; i++)
      await ok(
        as.admin.post("/api/v1/invitations", {
          email: `genodigd.${i}@delinde.example`,
          name: `Genodigde ${i}`,
          roles: ["trainee"],
        }),
      );
  },
  async function auditEventsOfTwentyActors() {
    const made = await t.database.db
      .insert(users)
      .values(Array.from({ length: 20 }, (_, i) => ({ email: `actor.${i}@delinde.example`, name: `Actor ${i}` })))
      .returning();
    await t.database.db.insert(auditEvents).values(
      made.map((user) => ({
        organisationId: t.orgs.linde,
        actorUserId: user.id,
        type: "person.updated",
        subjectType: "person",
        subjectId: ids.personId as string,
      })),
    );
  },
  async function fiveMoreOrganisationsOfTheAdmin() {
    const [admin] = await t.database.db.select().from(users).where(eqEmail(PEOPLE.admin));
    const made = await t.database.db
      .insert(organisations)
      .values(
        Array.from({ length: 5 }, (_, i) => ({ slug: `extra-${i}`, name: `Extra ${i}`, primaryColor: "#123456" })),
      )
      .returning();
    await t.database.db
      .insert(memberships)
      .values(made.map((o) => ({ organisationId: o.id, userId: admin?.id as string, roles: ["admin" as const] })));
  },
  async function fiveRegimes() {
    for (let i = 0; i < 5; i++)
      await ok(as.admin.post("/api/v1/regimes", { basedOn: "coaching", name: `Coaching ${i}` }));
  },
  async function tenTrajectoriesWithGoalsAndMeetings() {
    const candidates = (await as.client.get("/api/v1/trajectories/candidates")).json() as {
      trainees: { id: string; name: string }[];
      guides: { id: string; name: string }[];
    };
    const today = new Date().toISOString().slice(0, 10);
    for (let i = 0; i < 10; i++) {
      const trajectory = await ok(
        as.client.post("/api/v1/trajectories", {
          regimeKey: "werkbegeleiding_leerkracht",
          title: `Extra traject ${i}`,
          traineeId: candidates.trainees.find((p) => p.name === "Daan Bakker")?.id,
          guideIds: [candidates.guides.find((p) => p.name === "Sanne Visser")?.id],
          startsOn: today,
          endsOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
        }),
      );
      await addGoalsAndMeetings(trajectory.id, 3);
    }
  },
  async function moreGoalsHeldMeetingsAndFeedbackInOneTrajectory() {
    await addGoalsAndMeetings(ids.trajectoryId as string, 8);
    await t.database.db
      .update(meetings)
      .set({ status: "held", heldAt: new Date() })
      .where(eq(meetings.trajectoryId, ids.trajectoryId as string));
    const [meeting] = await t.database.db
      .select()
      .from(feedbackRecords)
      .where(eqId(ids.feedbackId as string));
    await t.database.db.insert(feedbackRecords).values(
      Array.from({ length: 5 }, (_, i) => ({
        organisationId: t.orgs.linde,
        trajectoryId: ids.trajectoryId as string,
        meetingId: ids.meetingId as string,
        number: 10 + i,
        content: meeting?.content ?? { summary: "", goals: [], agreements: [] },
        correctionReason: "Aanvulling",
        sharedAt: new Date(),
      })),
    );
  },
  async function tenFinishedScansWithFriendsAndRequestsToTheTrainingOfficer() {
    for (let i = 0; i < 10; i++) {
      const scan = await createFinishedScan(t, {
        email: PEOPLE.guide,
        self: 2 + (i % 2),
        friends: [
          { kind: "colleague", rating: 3 },
          { kind: "colleague", rating: 2 },
          { kind: "student", rating: 4 },
          { kind: "team_leader", rating: 3, email: PEOPLE.client },
        ],
        finishedAt: new Date(Date.UTC(2025, i, 1)),
      });
      await t.database.db.insert(scanFriends).values({
        organisationId: t.orgs.linde,
        scanId: scan.id,
        kind: "praktijkopleider",
        userId: (await userIdOf(t, PEOPLE.training_officer)) as string,
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      });
    }
    // More people to ask as friends.
    const extra = await t.database.db
      .insert(users)
      .values(Array.from({ length: 10 }, (_, i) => ({ email: `vriend.${i}@delinde.example`, name: `Vriend ${i}` })))
      .returning();
    await t.database.db
      .insert(memberships)
      .values(extra.map((u) => ({ organisationId: t.orgs.linde, userId: u.id, roles: ["trainee" as const] })));
    await t.database.db.insert(scanFriends).values(
      extra.map((u) => ({
        organisationId: t.orgs.linde,
        scanId: ids.scanId as string,
        kind: "colleague" as const,
        userId: u.id,
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      })),
    );
  },
  async function tenMoreWerkbegeleidersEachWithAScanAndFriends() {
    const guides = await t.database.db
      .insert(users)
      .values(
        Array.from({ length: 10 }, (_, i) => ({
          email: `werkbegeleider.${i}@delinde.example`,
          name: `Werkbegeleider ${i}`,
        })),
      )
      .returning();
    await t.database.db
      .insert(memberships)
      .values(guides.map((u) => ({ organisationId: t.orgs.linde, userId: u.id, roles: ["guide" as const] })));
    for (const guide of guides)
      await createFinishedScan(t, {
        email: guide.email,
        self: 3,
        friends: [
          { kind: "colleague", rating: 2 },
          { kind: "colleague", rating: 4 },
        ],
      });
  },
  async function thirtyNotificationsOfTheTrainee() {
    const [trainee] = await t.database.db.select().from(users).where(eqEmail(PEOPLE.trainee));
    await t.database.db.insert(notifications).values(
      Array.from({ length: 30 }, (_, i) => ({
        organisationId: t.orgs.linde,
        userId: trainee?.id as string,
        kind: "reminder.evaluation",
        params: { trajectory: `Traject ${i}`, date: "2027-01-01", label: "Evaluatie", days: 7 },
        link: "/trajecten",
      })),
    );
  },
  async function anIntervisieGroupOfEightWithTenHeldMeetings() {
    const extra = await t.database.db
      .insert(users)
      .values(
        Array.from({ length: 8 }, (_, i) => ({ email: `intervisie.${i}@delinde.example`, name: `Intervisie ${i}` })),
      )
      .returning();
    await t.database.db
      .insert(memberships)
      .values(extra.map((u) => ({ organisationId: t.orgs.linde, userId: u.id, roles: ["trainee" as const] })));
    await t.database.db
      .insert(intervisionMembers)
      .values(extra.map((u) => ({ organisationId: t.orgs.linde, groupId: ids.groupId as string, userId: u.id })));
    const held = await t.database.db
      .insert(intervisionMeetings)
      .values(
        Array.from({ length: 10 }, (_, i) => ({
          organisationId: t.orgs.linde,
          groupId: ids.groupId as string,
          startsAt: new Date(Date.UTC(2026, 0, 5 + 7 * i, 12)),
          endsAt: new Date(Date.UTC(2026, 0, 5 + 7 * i, 13, 30)),
          method: "incident",
          status: "held" as const,
          caseBringerId: extra[i % extra.length]?.id ?? null,
        })),
      )
      .returning();
    await t.database.db.insert(intervisionAttendance).values(
      [...held, { id: ids.groupMeetingId as string }].flatMap((m) =>
        extra.map((u) => ({
          organisationId: t.orgs.linde,
          meetingId: m.id,
          userId: u.id,
          present: true,
          confirmedAt: new Date(),
        })),
      ),
    );
  },
  // Ten more events with two sessions each, and thirty people registered for, waiting for, at and
  // evaluating the fixture event.
  async function eventsAndThirtyParticipants() {
    const db = t.database.db;
    const more = await db
      .insert(events)
      .values(
        Array.from({ length: 10 }, (_, i) => ({
          organisationId: t.orgs.linde,
          kind: "training" as const,
          audience: "both" as const,
          title: `Training ${i}`,
          startsAt: new Date(Date.UTC(2030, 0, 5 + i, 12)),
          endsAt: new Date(Date.UTC(2030, 0, 5 + i, 15)),
          place: "Zaal",
          registrationDeadline: new Date(Date.UTC(2030, 0, 1)),
        })),
      )
      .returning({ id: events.id });
    await db.insert(eventSessions).values(
      more.flatMap((e) =>
        [1, 2].map((round) => ({
          organisationId: t.orgs.linde,
          eventId: e.id,
          round,
          position: 1,
          title: `Ronde ${round}`,
          capacity: 10,
        })),
      ),
    );
    const [session] = await db
      .select()
      .from(eventSessions)
      .where(eq(eventSessions.eventId, ids.eventId as string));
    const people = await db
      .insert(users)
      .values(Array.from({ length: 30 }, (_, i) => ({ email: `deelnemer.${i}@groei.example`, name: `Deelnemer ${i}` })))
      .returning({ id: users.id });
    await db
      .insert(memberships)
      .values(people.map((p) => ({ organisationId: t.orgs.linde, userId: p.id, roles: ["guide" as const] })));
    await db.insert(eventRegistrations).values(
      people.map((p, i) => ({
        organisationId: t.orgs.linde,
        eventId: ids.eventId as string,
        sessionId: session?.id ?? "",
        round: 1,
        userId: p.id,
        status: i < 12 ? ("registered" as const) : ("waiting" as const),
        registeredBy: p.id,
      })),
    );
    await db.insert(eventAttendance).values(
      people.slice(0, 10).map((p) => ({
        organisationId: t.orgs.linde,
        eventId: ids.eventId as string,
        userId: p.id,
        checkedInBy: p.id,
      })),
    );
    await db.insert(eventEvaluations).values(
      people.slice(0, 8).map((p, i) => ({
        organisationId: t.orgs.linde,
        eventId: ids.eventId as string,
        userId: p.id,
        overall: 1 + (i % 5),
        usefulness: 5 - (i % 5),
        takeAway: `Antwoord ${i}`,
      })),
    );
  },
  // Earlier certificates of De Linde's trainers, and twelve requests to and from De Linde.
  async function certificatesAndTrainerRequests() {
    const [linde] = await t.database.db
      .select({ networkId: organisations.networkId })
      .from(organisations)
      .where(eq(organisations.id, t.orgs.linde));
    const networkId = linde?.networkId ?? "";
    const trainers = [await userIdOf(t, "eva.mulder@delinde.example"), await userIdOf(t, PEOPLE.training_officer)];
    const coordinator = await userIdOf(t, PEOPLE.guide);
    await t.database.db.insert(trainerCertificates).values(
      Array.from({ length: 6 }, (_, i) => ({
        networkId,
        organisationId: t.orgs.linde,
        userId: trainers[i % 2] ?? "",
        certifiedOn: `201${i}-03-01`,
        validUntil: `201${i + 3}-03-01`,
        certifiedBy: coordinator,
      })),
    );
    const karin = await userIdOf(t, "karin.deboer@rivierenland.example");
    await t.database.db.insert(trainerRequests).values(
      Array.from({ length: 12 }, (_, i) => ({
        networkId,
        fromOrganisationId: i % 2 ? t.orgs.wilgen : t.orgs.linde,
        organisationId: i % 2 ? t.orgs.linde : t.orgs.rivier,
        trainerId: i % 2 ? (trainers[0] ?? "") : karin,
        topic: `Onderwerp ${i}`,
        wantedOn: "2199-01-01",
        requestedBy: coordinator,
      })),
    );
    await t.database.db.insert(supervisedTrainings).values(
      Array.from({ length: 10 }, (_, i) => ({
        organisationId: t.orgs.linde,
        userId: trainers[0] ?? "",
        givenOn: `2020-01-${String(i + 10)}`,
        title: `Training ${i}`,
        supervisorId: trainers[1] ?? "",
        signedOffAt: i % 2 ? new Date() : null,
        createdBy: trainers[0] ?? "",
      })),
    );
  },
  // Three hundred reads in De Linde's access log, of four people by three readers.
  async function threeHundredReadsInTheAccessLog() {
    const readers = [PEOPLE.admin, PEOPLE.guide, PEOPLE.training_officer];
    const read = [PEOPLE.trainee, PEOPLE.client, PEOPLE.guide, PEOPLE.training_officer];
    const viewers = await Promise.all(readers.map((email) => userIdOf(t, email)));
    const subjects = await Promise.all(read.map((email) => userIdOf(t, email)));
    await t.database.db.insert(accessLog).values(
      Array.from({ length: 300 }, (_, i) => ({
        organisationId: t.orgs.linde,
        subjectUserId: subjects[i % subjects.length] ?? "",
        viewerUserId: viewers[i % viewers.length] ?? "",
        kind: "trajectory" as const,
        at: new Date(Date.now() - i * 60_000),
      })),
    );
  },
];

async function addGoalsAndMeetings(trajectoryId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await ok(
      as.guide.post(`/api/v1/trajectories/${trajectoryId}/goals`, {
        title: `Doel ${i}`,
        rationale: "wish",
        successCriteria: "Zichtbaar",
      }),
    );
    await ok(
      as.guide.post(`/api/v1/trajectories/${trajectoryId}/meetings`, {
        type: "feedback_conversation",
        startsAt: new Date(Date.now() + (i + 2) * 86_400_000).toISOString(),
      }),
    );
  }
}

const eqEmail = (email: string) => eq(users.email, email);
const eqId = (id: string) => eq(feedbackRecords.id, id);

/** Statements one request costs, at its most: nothing kept from an earlier read (decision 0045). */
async function measure(path: string, who: Person = "admin") {
  const url = fillPath(path, ids);
  keptDueParts(t.database.db).clear();
  const before = statements;
  const response = await as[who].get(url);
  const count = statements - before;
  if (response.statusCode !== 200) throw new Error(`GET ${url} as ${who}: ${response.statusCode} ${response.body}`);
  return count;
}

describe("statements per read do not grow with the data (no N+1)", () => {
  it("measures every GET route, or says why not", () => {
    const routes = t.app.apiRoutes
      .filter((r) => (Array.isArray(r.method) ? r.method : [r.method]).includes("GET"))
      .map((r) => r.url);
    const measured = new Set(READS.map(([path]) => path.split("?")[0]));
    const missing = routes.filter((url) => !measured.has(url) && !(url in NOT_MEASURED));
    expect(
      missing,
      "add these to READS in tests/api/query-count.test.ts (or to NOT_MEASURED, with the reason)",
    ).toEqual([]);
  });

  it("issues as many statements for each read after adding a lot more data as before", async () => {
    const before: number[] = [];
    for (const [path, who] of READS) {
      await measure(path, who); // the first call may warm a cache (a calendar feed, a draft report)
      before.push(await measure(path, who));
    }
    for (const grow of GROWTH) await grow();
    const grew: string[] = [];
    for (const [index, [path, who]] of READS.entries()) {
      const after = await measure(path, who);
      const was = before[index] as number;
      if (after > was) grew.push(`GET ${path}${who ? ` as ${who}` : ""}: ${was} → ${after} statements`);
    }
    expect(grew).toEqual([]);
    expect(Math.min(...before)).toBeGreaterThan(0);
  }, 120_000); // it measures every read twice and adds a lot of data in between
});

/**
 * Statements the trajectory detail costs, the session with its path check included (transaction
 * control not counted): the session, the settings, the trajectory with its participants, its parts
 * in one statement, the access log and the escalation links (docs/decisions/0043-statements.md).
 * Before the parts were read in one statement and the path check joined the session, it took 14;
 * before the participants came with the trajectory, 7.
 */
const DETAIL_STATEMENTS = 6;

describe("the trajectory detail", () => {
  it("reads the session, the trajectory and its parts in a fixed few statements", async () => {
    const path = `/api/v1/trajectories/${ids.trajectoryId}`;
    await as.guide.get(path); // the first read of a regime version keeps it for the process
    const before = statements - transactionControl;
    const response = await as.guide.get(path);
    expect(response.statusCode).toBe(200);
    expect(statements - transactionControl - before).toBeLessThanOrEqual(DETAIL_STATEMENTS);
  });
});

/** The parts of a trajectory the to-do list reads, one statement per table (`readDueParts`). */
const DUE_PART_STATEMENTS = DUE_PART_TABLES.length;

describe("the to-do list", () => {
  it("reads the parts again only of the trajectories changed since it kept them", async () => {
    const read = async () => {
      const before = statements;
      const response = await as.guide.get("/api/v1/due");
      expect(response.statusCode).toBe(200);
      return statements - before;
    };
    keptDueParts(t.database.db).clear();
    const nothingKept = await read();
    expect(await read()).toBe(nothingKept - DUE_PART_STATEMENTS);
    // A meeting planned in one of the guide's trajectories: that trajectory's parts are read again.
    await t.database.db.insert(meetings).values({
      organisationId: t.orgs.linde,
      trajectoryId: ids.trajectoryId as string,
      type: "feedback_conversation",
      startsAt: new Date(Date.now() + 86_400_000),
      durationMinutes: 60,
    });
    expect(await read()).toBe(nothingKept);
    expect(await read()).toBe(nothingKept - DUE_PART_STATEMENTS);
  });
});

/**
 * Statements a change may cost, the request's session and path checks included (transaction
 * control not counted): one transaction
 * that loads what the change and its answer need once. Signing the first slot of a declaration
 * took 57 in three transactions (the trajectory loaded three times); recording a meeting took 25
 * (the trajectory loaded twice). Recording one now: the session, the settings, the trajectory with
 * its participants, its parts, the update and the audit event.
 */
const SIGN_STATEMENTS = 16;
const RECORD_MEETING_STATEMENTS = 6;
/** Saving a learning path: the path locked, its scan read once, written, and the path shown again. */
const SAVE_PATH_STATEMENTS = 13;

/**
 * Statements one change costs, whatever it answers with, without transaction control; and the
 * transactions it opened, where the driver shows them (node-postgres does, PGlite does not).
 */
async function measureChange(send: () => Promise<{ statusCode: number; body: string }>) {
  const before = { statements: statements - transactionControl, transactions };
  const response = await send();
  if (response.statusCode >= 300) throw new Error(`change refused: ${response.statusCode} ${response.body}`);
  return {
    statements: statements - transactionControl - before.statements,
    transactions: transactions - before.transactions,
  };
}

describe("a change loads what it needs once, in one transaction", () => {
  it("signs a declaration", async () => {
    const cost = await measureChange(() =>
      as.trainee.post(`/api/v1/declarations/${ids.declarationId}/sign`, { password: DEMO_PASSWORD }),
    );
    expect(cost.statements).toBeLessThanOrEqual(SIGN_STATEMENTS);
    expect(cost.transactions).toBeLessThanOrEqual(1);
  });

  it("saves a learning path", async () => {
    const path = (await as.guide.get("/api/v1/learning-path")).json() as LearningPathView;
    const items = (path.path?.items ?? []).map((i) => ({ competence: i.competence, status: "chosen", note: null }));
    const cost = await measureChange(() =>
      as.guide.put("/api/v1/learning-path", { frameworkId: path.framework?.id, items, version: path.path?.version }),
    );
    expect(cost.statements).toBeLessThanOrEqual(SAVE_PATH_STATEMENTS);
    expect(cost.transactions).toBeLessThanOrEqual(1);
  });

  it("records a meeting as held", async () => {
    const [started] = await t.database.db
      .insert(meetings)
      .values({
        organisationId: t.orgs.linde,
        trajectoryId: ids.trajectoryId as string,
        type: "feedback_conversation",
        startsAt: new Date(Date.now() - 60_000),
        durationMinutes: 60,
      })
      .returning();
    const meeting = (await as.guide.get(`/api/v1/meetings/${started?.id}`)).json() as MeetingDetail;
    const cost = await measureChange(() =>
      as.guide.put(`/api/v1/meetings/${meeting.id}`, {
        version: meeting.version,
        startsAt: meeting.startsAt,
        durationMinutes: meeting.durationMinutes,
        preparationMinutes: 15,
        travelMinutes: 0,
        unannounced: false,
        status: "held",
        location: meeting.location,
        notes: "Besproken: instructie op drie niveaus.",
        confidential: false,
        observation: null,
      }),
    );
    expect(cost.statements).toBeLessThanOrEqual(RECORD_MEETING_STATEMENTS);
    expect(cost.transactions).toBeLessThanOrEqual(1);
  });
});
