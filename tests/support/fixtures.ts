import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { queryRows } from "../../src/db/connection.js";
import {
  cases,
  certificates,
  competenceScans,
  declarations,
  discussionPosts,
  eventSessions,
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
  moduleProgress,
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
  users,
} from "../../src/db/schema.js";
import { DEMO_FRAMEWORK } from "../../src/domain/competences/demo-framework.js";
import { BUILTIN_PROFILES } from "../../src/domain/evidence/builtin-profiles.js";
import type { RequirementProfile } from "../../src/domain/evidence/profile.js";
import { contentHash } from "../../src/server/content-hash.js";
import { TENANT_PARAMS } from "../../src/server/plugins/tenant-params.js";
import type { TestApp } from "./app.js";
import { createTrajectory, expectStatus } from "./factories.js";
import { everyBlockModule, photo } from "./modules.js";
import { createFinishedScan, demoFramework, userIdOf } from "./scans.js";

/** A member of De Linde that tests may edit, deactivate and strip of registrations; no one signs in as them. */
export const FIXTURE_PERSON_EMAIL = "vaste.testpersoon@delinde.example";

type Finder = (t: TestApp) => Promise<string>;

async function fixturePerson(t: TestApp) {
  const db = t.database.db;
  const [found] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, FIXTURE_PERSON_EMAIL), eq(memberships.organisationId, t.orgs.linde)));
  if (found) return found.id;
  const [user] = await db.insert(users).values({ email: FIXTURE_PERSON_EMAIL, name: "Vaste Testpersoon" }).returning();
  const [membership] = await db
    .insert(memberships)
    .values({ organisationId: t.orgs.linde, userId: user?.id ?? "", roles: ["trainee"] })
    .returning();
  return membership?.id ?? "";
}

/** A trajectory of De Linde (client Fatima, trainee Daan, guide Sanne) with a goal and a meeting with shared feedback. */
const FIXTURE_TRAJECTORY = "Traject Daan Bakker";

/** De Linde's teacher trajectory of Daan (the demo's trajectories there are BPV ones, of others). */
async function fixtureTrajectory(t: TestApp) {
  const [found] = await t.database.db
    .select({ id: trajectories.id })
    .from(trajectories)
    .where(and(eq(trajectories.organisationId, t.orgs.linde), eq(trajectories.title, FIXTURE_TRAJECTORY)))
    .limit(1);
  if (found) return found.id;
  const made = await createTrajectory(t, {
    title: FIXTURE_TRAJECTORY,
    goals: ["Instructie op drie niveaus"],
    meetings: [{ type: "feedback_conversation", feedback: { summary: "Goed gesprek" } }],
  });
  return made.id;
}

/** The first row of the fixture trajectory in a trajectory table, or one made by `make` for it. */
const firstOf =
  (table: typeof goals | typeof meetings | typeof feedbackRecords, make: (t: TestApp) => Promise<string>): Finder =>
  async (t) => {
    const trajectoryId = await fixtureTrajectory(t);
    const [found] = await t.database.db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.organisationId, t.orgs.linde), eq(table.trajectoryId, trajectoryId)))
      .limit(1);
    return found?.id ?? make(t);
  };

async function insertMeeting(t: TestApp) {
  const [made] = await t.database.db
    .insert(meetings)
    .values({
      organisationId: t.orgs.linde,
      trajectoryId: await fixtureTrajectory(t),
      type: "feedback_conversation",
      startsAt: new Date(Date.now() + 86_400_000),
      durationMinutes: 60,
    })
    .returning();
  return made?.id ?? "";
}

/**
 * How to find (or make) a resource of Zorggroep De Linde for each kind of path parameter.
 * Looked up afresh every time, so a test that deleted or revoked one gets a usable one next.
 * A new kind of path parameter (see TENANT_PARAMS) needs a line here.
 */
const FINDERS: Record<string, Finder> = {
  organisationId: async (t) => t.orgs.linde,
  personId: fixturePerson,
  registrationId: async (t) => {
    const membershipId = await fixturePerson(t);
    const [found] = await t.database.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(eq(registrations.membershipId, membershipId))
      .limit(1);
    if (found) return found.id;
    const [made] = await t.database.db
      .insert(registrations)
      .values({
        organisationId: t.orgs.linde,
        membershipId,
        register: "SKJ",
        registrationType: "Jeugdprofessional",
        number: "110000001",
      })
      .returning();
    return made?.id ?? "";
  },
  invitationId: async (t) => {
    const open = and(
      eq(invitations.organisationId, t.orgs.linde),
      isNull(invitations.acceptedAt),
      isNull(invitations.revokedAt),
      gt(invitations.expiresAt, sql`now()`),
    );
    const [found] = await t.database.db.select({ id: invitations.id }).from(invitations).where(open).limit(1);
    if (found) return found.id;
    const [made] = await t.database.db
      .insert(invitations)
      .values({
        organisationId: t.orgs.linde,
        email: `uitgenodigd.${randomBytes(4).toString("hex")}@delinde.example`,
        name: "Uitgenodigde Collega",
        roles: ["trainee"],
        tokenHash: createHash("sha256").update(randomBytes(16)).digest("hex"),
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      })
      .returning();
    return made?.id ?? "";
  },
  trajectoryId: fixtureTrajectory,
  goalId: firstOf(goals, async (t) => {
    const [made] = await t.database.db
      .insert(goals)
      .values({ organisationId: t.orgs.linde, trajectoryId: await fixtureTrajectory(t), position: 99, title: "Doel" })
      .returning();
    return made?.id ?? "";
  }),
  meetingId: firstOf(meetings, insertMeeting),
  feedbackId: firstOf(feedbackRecords, async (t) => {
    const [made] = await t.database.db
      .insert(feedbackRecords)
      .values({
        organisationId: t.orgs.linde,
        trajectoryId: await fixtureTrajectory(t),
        meetingId: await insertMeeting(t),
        number: 1,
        content: { summary: "Goed gesprek", goals: [], agreements: [] },
      })
      .returning();
    return made?.id ?? "";
  }),
  regimeId: async (t) => {
    const [found] = await t.database.db
      .select({ id: regimes.id })
      .from(regimes)
      .where(eq(regimes.organisationId, t.orgs.linde))
      .limit(1);
    if (found) return found.id;
    const admin = await t.login("beheer@delinde.example");
    const made = expectStatus<{ id: string }>(
      await admin.post("/api/v1/regimes", { basedOn: "coaching", name: "Coaching De Linde" }),
      201,
    );
    return made.id;
  },
  messageId: async (t) => {
    const [found] = await t.database.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(eq(outbox.organisationId, t.orgs.linde))
      .limit(1);
    if (found) return found.id;
    const [made] = await t.database.db
      .insert(outbox)
      .values({ organisationId: t.orgs.linde, toAddress: FIXTURE_PERSON_EMAIL, subject: "Welkom", bodyText: "Hallo" })
      .returning();
    return made?.id ?? "";
  },
};

/** The first row of De Linde in `table`, or one made by `make`. */
const firstInLinde =
  (
    table:
      | typeof declarations
      | typeof trajectoryDocuments
      | typeof intervisionGroups
      | typeof intervisionMeetings
      | typeof requirementProfiles
      | typeof certificates
      | typeof qualifications,
    make: (t: TestApp) => Promise<string>,
  ): Finder =>
  async (t) => {
    const [found] = await t.database.db
      .select({ id: table.id })
      .from(table)
      .where(eq(table.organisationId, t.orgs.linde))
      .limit(1);
    return found?.id ?? make(t);
  };

/** A certificate of Daan's at De Linde, as issuing stores it. */
export const fixtureCertificate = (t: TestApp) =>
  firstInLinde(certificates, async (t) => {
    const content = {
      kind: "module" as const,
      holder: "Daan de Vries",
      organisation: "De Linde",
      title: { nl: "Een module", en: "Een module" },
      version: 1,
      completedOn: "2026-11-02",
      minutes: 30,
      competences: [],
    };
    const [made] = await t.database.db
      .insert(certificates)
      .values({
        organisationId: t.orgs.linde,
        userId: await daanUserId(t),
        kind: "module",
        subjectId: (await fixtureModule(t)).moduleId,
        content,
        contentSha256: contentHash(content),
      })
      .returning();
    return made?.id ?? "";
  })(t);

/** A draft case of Sanne's at De Linde, for De Linde only, on the network's framework. */
export async function fixtureCase(t: TestApp) {
  const [found] = await t.database.db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.organisationId, t.orgs.linde), eq(cases.status, "draft"), isNotNull(cases.ownerOrganisationId)))
    .limit(1);
  if (found) return found.id;
  const [made] = await t.database.db
    .insert(cases)
    .values({
      organisationId: t.orgs.linde,
      ownerOrganisationId: t.orgs.linde,
      authorId: await userIdOf(t, "sanne.visser@netwerk.example"),
      title: "Een casus in voorbereiding",
      situation: "Een student twijfelt aan zijn keuze.",
      question: "Wat vraag je eerst?",
      frameworkId: (await demoFramework(t)).framework.id,
      competences: ["feedback"],
      setting: "vvt",
    })
    .returning();
  return made?.id ?? "";
}

/** A post of Sanne's in the discussion on De Linde's own fixture module. */
export async function fixturePost(t: TestApp) {
  const { moduleId } = await fixtureModule(t);
  const [found] = await t.database.db
    .select({ id: discussionPosts.id })
    .from(discussionPosts)
    .where(
      and(
        eq(discussionPosts.subjectId, moduleId),
        eq(discussionPosts.organisationId, t.orgs.linde),
        eq(discussionPosts.authorId, await userIdOf(t, "sanne.visser@netwerk.example")),
      ),
    )
    .orderBy(discussionPosts.createdAt)
    .limit(1);
  if (found) return found.id;
  const [made] = await t.database.db
    .insert(discussionPosts)
    .values({
      organisationId: t.orgs.linde,
      subjectKind: "module",
      subjectId: moduleId,
      authorId: await userIdOf(t, "sanne.visser@netwerk.example"),
      authorName: "Sanne Visser",
      body: "Wie heeft dit al geprobeerd?",
    })
    .returning();
  return made?.id ?? "";
}

async function daanUserId(t: TestApp) {
  const [daan] = await t.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "daan.bakker@delinde.example"));
  return daan?.id ?? "";
}

const FIXTURE_EVENT = "Training feedback geven (vaste test)";

/** A coming training of De Linde for werkbegeleiders and trainers, with one session (made once). */
export async function fixtureEvent(t: TestApp) {
  const [found] = await t.database.db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.organisationId, t.orgs.linde), eq(events.title, FIXTURE_EVENT)));
  if (found) return found.id;
  const start = Date.now() + 14 * 86_400_000;
  const [made] = await t.database.db
    .insert(events)
    .values({
      organisationId: t.orgs.linde,
      kind: "training",
      audience: "both",
      title: FIXTURE_EVENT,
      startsAt: new Date(start),
      endsAt: new Date(start + 3 * 3_600_000),
      place: "Leslokaal De Linde",
      registrationDeadline: new Date(start - 86_400_000),
    })
    .returning();
  await t.database.db.insert(eventSessions).values({
    organisationId: t.orgs.linde,
    eventId: made?.id ?? "",
    round: 1,
    position: 1,
    title: "Feedback",
    capacity: 12,
  });
  return made?.id ?? "";
}

const FIXTURE_SUPERVISED = "Feedback geven (vaste training onder supervisie)";

/** A training Eva gave under Joost's supervision, not yet signed off (made once). */
export async function fixtureSupervisedTraining(t: TestApp) {
  const [found] = await t.database.db
    .select({ id: supervisedTrainings.id })
    .from(supervisedTrainings)
    .where(
      and(eq(supervisedTrainings.organisationId, t.orgs.linde), eq(supervisedTrainings.title, FIXTURE_SUPERVISED)),
    );
  if (found) return found.id;
  const eva = await userIdOf(t, "eva.mulder@delinde.example");
  const [made] = await t.database.db
    .insert(supervisedTrainings)
    .values({
      organisationId: t.orgs.linde,
      userId: eva,
      givenOn: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
      title: FIXTURE_SUPERVISED,
      supervisorId: await userIdOf(t, "joost.smit@delinde.example"),
      createdBy: eva,
    })
    .returning();
  return made?.id ?? "";
}

const FIXTURE_TRAINER_REQUEST = "Feedback geven (vast testverzoek)";

/**
 * An open request of De Wilgen for Eva, trainer of De Linde (made once): De Linde answers it;
 * Rivierenland, a member of the same network, has no part in it.
 */
export async function fixtureTrainerRequest(t: TestApp) {
  const [found] = await t.database.db
    .select({ id: trainerRequests.id })
    .from(trainerRequests)
    .where(and(eq(trainerRequests.organisationId, t.orgs.linde), eq(trainerRequests.topic, FIXTURE_TRAINER_REQUEST)));
  if (found) return found.id;
  const [linde] = await t.database.db
    .select({ networkId: organisations.networkId })
    .from(organisations)
    .where(eq(organisations.id, t.orgs.linde));
  const [made] = await t.database.db
    .insert(trainerRequests)
    .values({
      networkId: linde?.networkId ?? "",
      fromOrganisationId: t.orgs.wilgen,
      organisationId: t.orgs.linde,
      trainerId: await userIdOf(t, "eva.mulder@delinde.example"),
      topic: FIXTURE_TRAINER_REQUEST,
      wantedOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      requestedBy: await userIdOf(t, "ingrid.bos@dewilgen.example"),
    })
    .returning();
  return made?.id ?? "";
}

async function insertGroup(t: TestApp) {
  const [made] = await t.database.db
    .insert(intervisionGroups)
    .values({
      organisationId: t.orgs.linde,
      name: "Intervisie De Linde",
      rhythmWeeks: 6,
      meetingMinutes: 90,
      method: "incident",
    })
    .returning();
  return made?.id ?? "";
}

/**
 * The open start declaration of an SKJ trajectory of De Linde (client Fatima, trainee Daan, guide
 * Sanne): a declaration its regime knows, so its routes can be walked.
 */
async function fixtureDeclaration(t: TestApp) {
  const [found] = await t.database.db
    .select({ id: declarations.id })
    .from(declarations)
    .innerJoin(trajectories, eq(trajectories.id, declarations.trajectoryId))
    .where(
      and(
        eq(declarations.organisationId, t.orgs.linde),
        eq(trajectories.regimeKey, "skj_werkbegeleiding"),
        eq(declarations.kind, "start"),
        eq(declarations.status, "open"),
      ),
    )
    .limit(1);
  if (found) return found.id;
  const client = await t.login("fatima.yilmaz@delinde.example");
  const made = await createTrajectory(t, {
    by: client,
    regime: "skj_werkbegeleiding",
    title: "Werkbegeleiding SKJ Daan Bakker",
  });
  const listed = expectStatus<{ items: { id: string; key: string }[] }>(await client.get(`${made.url}/declarations`));
  return listed.items.find((d) => d.key === "start")?.id ?? "";
}

Object.assign(FINDERS, {
  declarationId: fixtureDeclaration,
  documentId: firstInLinde(trajectoryDocuments, async (t) => {
    const [made] = await t.database.db
      .insert(trajectoryDocuments)
      .values({
        organisationId: t.orgs.linde,
        trajectoryId: await fixtureTrajectory(t),
        kind: "motivation",
        fileName: "motivatie.pdf",
        mime: "application/pdf",
        content: Buffer.from("%PDF-1.4"),
        sha256: createHash("sha256").update("%PDF-1.4").digest("hex"),
        uploadedBy: await daanUserId(t),
      })
      .returning();
    return made?.id ?? "";
  }),
  groupId: firstInLinde(intervisionGroups, insertGroup),
  eventId: fixtureEvent,
  trainerRequestId: fixtureTrainerRequest,
  supervisedTrainingId: fixtureSupervisedTraining,
  qualificationId: firstInLinde(qualifications, async (t) => {
    const [made] = await t.database.db
      .insert(qualifications)
      .values({
        organisationId: t.orgs.linde,
        name: "Kwalificatie voor de tests",
        tasks: [{ code: "B1-K1", title: "Kerntaak", workProcesses: [{ code: "B1-K1-W1", title: "Werkproces" }] }],
        updatedBy: await daanUserId(t),
      })
      .returning();
    return made?.id ?? "";
  }),
  groupMeetingId: firstInLinde(intervisionMeetings, async (t) => {
    const start = Date.now() + 86_400_000;
    const [made] = await t.database.db
      .insert(intervisionMeetings)
      .values({
        organisationId: t.orgs.linde,
        groupId: await firstInLinde(intervisionGroups, insertGroup)(t),
        startsAt: new Date(start),
        endsAt: new Date(start + 5_400_000),
        method: "incident",
      })
      .returning();
    return made?.id ?? "";
  }),
  profileId: firstInLinde(requirementProfiles, async (t) => {
    const [made] = await t.database.db
      .insert(requirementProfiles)
      .values({
        organisationId: t.orgs.linde,
        key: "linde_profiel",
        basedOn: "skj_master_under_3648",
        document: BUILTIN_PROFILES[0] as RequirementProfile,
      })
      .returning();
    return made?.id ?? "";
  }),
  // De Linde's own framework (the network's is readable by every member, so it cannot stand for
  // "another organisation's id"), with a published version 1.
  frameworkId: async (t: TestApp) => (await fixtureFramework(t)).frameworkId,
  versionId: async (t: TestApp) => (await fixtureFramework(t)).versionId,
  // A finished scan of Sanne at De Linde, with Joost asked as a critical friend who has not answered.
  scanId: async (t: TestApp) => (await fixtureScan(t)).scanId,
  friendId: async (t: TestApp) => (await fixtureScan(t)).friendId,
  // De Linde's own module: a published version 1 that Sanne follows, with an assignment of hers
  // waiting for sign-off, and a draft version 2.
  moduleId: async (t: TestApp) => (await fixtureModule(t)).moduleId,
  moduleVersionId: async (t: TestApp) => (await fixtureModule(t)).moduleVersionId,
  assignmentId: async (t: TestApp) => (await fixtureModule(t)).assignmentId,
  certificateId: (t: TestApp) => fixtureCertificate(t),
  caseId: (t: TestApp) => fixtureCase(t),
  postId: (t: TestApp) => fixturePost(t),
  notificationId: async (t: TestApp) => {
    const userId = await daanUserId(t);
    const [found] = await t.database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.organisationId, t.orgs.linde), eq(notifications.userId, userId)))
      .limit(1);
    if (found) return found.id;
    const [made] = await t.database.db
      .insert(notifications)
      .values({ organisationId: t.orgs.linde, userId, kind: "signatureWaiting", params: {}, link: "/" })
      .returning();
    return made?.id ?? "";
  },
} satisfies Record<string, Finder>);

/** De Linde's own framework with its published version 1 (made once). */
export async function fixtureFramework(t: TestApp) {
  const db = t.database.db;
  const [found] = await db
    .select({ frameworkId: frameworks.id, versionId: frameworkVersions.id })
    .from(frameworks)
    .innerJoin(frameworkVersions, eq(frameworkVersions.frameworkId, frameworks.id))
    .where(and(eq(frameworks.ownerOrganisationId, t.orgs.linde), eq(frameworkVersions.number, 1)))
    .limit(1);
  if (found) return found;
  const [framework] = await db
    .insert(frameworks)
    .values({ ownerOrganisationId: t.orgs.linde, key: "eigen-kader-linde" })
    .returning();
  const [version] = await db
    .insert(frameworkVersions)
    .values({
      frameworkId: framework?.id ?? "",
      ownerOrganisationId: t.orgs.linde,
      number: 1,
      status: "published",
      document: DEMO_FRAMEWORK,
      hash: contentHash(DEMO_FRAMEWORK),
      publishedAt: new Date(),
    })
    .returning();
  return { frameworkId: framework?.id ?? "", versionId: version?.id ?? "" };
}

/** De Linde's own module, followed by Sanne (made once; see FINDERS). */
export async function fixtureModule(t: TestApp) {
  const db = t.database.db;
  const [found] = await db
    .select({ moduleId: modules.id, moduleVersionId: moduleVersions.id, assignmentId: moduleAssignments.id })
    .from(modules)
    .innerJoin(moduleVersions, and(eq(moduleVersions.moduleId, modules.id), eq(moduleVersions.status, "draft")))
    .innerJoin(moduleProgress, eq(moduleProgress.moduleId, modules.id))
    .innerJoin(moduleAssignments, eq(moduleAssignments.progressId, moduleProgress.id))
    .where(eq(modules.ownerOrganisationId, t.orgs.linde))
    .limit(1);
  if (found) return found;
  const document = everyBlockModule((await demoFramework(t)).framework.id, "Vaste testmodule");
  const [module] = await db.insert(modules).values({ ownerOrganisationId: t.orgs.linde }).returning();
  const moduleId = module?.id ?? "";
  const [published, draft] = await db
    .insert(moduleVersions)
    .values([
      {
        moduleId,
        ownerOrganisationId: t.orgs.linde,
        number: 1,
        status: "published" as const,
        document,
        hash: contentHash(document),
        publishedAt: new Date(),
      },
      { moduleId, ownerOrganisationId: t.orgs.linde, number: 2, document },
    ])
    .returning();
  const userId = await userIdOf(t, "sanne.visser@netwerk.example");
  const [progress] = await db
    .insert(moduleProgress)
    .values({
      organisationId: t.orgs.linde,
      userId,
      moduleId,
      moduleVersionId: published?.id ?? "",
      state: { seen: [], reflections: {}, quizzes: {}, attended: [], last: null },
    })
    .returning();
  const [assignment] = await db
    .insert(moduleAssignments)
    .values({
      organisationId: t.orgs.linde,
      progressId: progress?.id ?? "",
      userId,
      blockKey: "opdracht",
      description: "Feedback gegeven na de ochtendzorg.",
      evidence: await photo(),
      evidenceMime: "image/jpeg",
    })
    .returning();
  return { moduleId, moduleVersionId: draft?.id ?? "", assignmentId: assignment?.id ?? "" };
}

/** A finished scan of Sanne at De Linde with an unanswered friend (made once). */
export async function fixtureScan(t: TestApp) {
  const db = t.database.db;
  const sanne = await userIdOf(t, "sanne.visser@netwerk.example");
  const [found] = await db
    .select({ scanId: competenceScans.id, friendId: scanFriends.id })
    .from(competenceScans)
    .innerJoin(scanFriends, eq(scanFriends.scanId, competenceScans.id))
    .where(
      and(
        eq(competenceScans.organisationId, t.orgs.linde),
        eq(competenceScans.userId, sanne),
        eq(scanFriends.userId, await userIdOf(t, "joost.smit@delinde.example")),
        eq(scanFriends.status, "invited"),
      ),
    )
    .limit(1);
  if (found) return found;
  const scan = await createFinishedScan(t, { email: "sanne.visser@netwerk.example", self: 2 });
  const [friend] = await db
    .insert(scanFriends)
    .values({
      organisationId: t.orgs.linde,
      scanId: scan.id,
      kind: "praktijkopleider",
      userId: await userIdOf(t, "joost.smit@delinde.example"),
      expiresAt: new Date(Date.now() + 14 * 86_400_000),
    })
    .returning();
  return { scanId: scan.id, friendId: friend?.id ?? "" };
}

/** Path parameters of the API that have no finder above: a test prints them so the gap is closed at once. */
export function paramsWithoutFixture(): string[] {
  return Object.keys(TENANT_PARAMS).filter((name) => !(name in FINDERS));
}

/** A real id of De Linde for every kind of path parameter. */
export async function tenantFixtures(t: TestApp): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [name, find] of Object.entries(FINDERS)) ids[name] = await find(t);
  return ids;
}

/** Fills `:name` path parameters from the fixtures. */
export function fillPath(route: string, ids: Record<string, string>): string {
  return route.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? `no-fixture-for-${name}`);
}

/**
 * Tables whose rows may change on a refused request, on purpose. Every other table must be
 * byte for byte the same after a request the API refused.
 */
const CHANGES_ON_REFUSAL: Record<string, string> = {
  login_throttle: "a refused sign-in is counted, that is how accounts get locked",
};

/** Row count and a hash of the rows of every table (new tables included without a change here). */
export async function databaseFingerprint(t: TestApp): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    t.database.db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const watched = tables.map((r) => r.name).filter((name) => !(name in CHANGES_ON_REFUSAL));
  const parts = watched.map(
    (name) =>
      sql`select ${name} as name, count(*)::text || ' rows ' || coalesce(md5(string_agg(r::text, E'\n' order by r::text)), '') as state from ${sql.identifier(name)} r`,
  );
  const rows = await queryRows<{ name: string; state: string }>(t.database.db, sql.join(parts, sql` union all `));
  return Object.fromEntries(rows.map((r) => [r.name, r.state]));
}

/** The tables that differ between two fingerprints, for a readable failure. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}

/**
 * The next transaction id: it moves only when some transaction wrote (or tried to), so an
 * unchanged value proves nothing was written, for the price of one tiny query. On a shared
 * PostgreSQL server other databases move it too; then compare fingerprints.
 */
export async function writeMark(t: TestApp): Promise<string> {
  const [row] = await queryRows<{ mark: string }>(
    t.database.db,
    sql`select pg_snapshot_xmax(pg_current_snapshot())::text as mark`,
  );
  return row?.mark ?? "";
}
