import { existsSync, readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { intervisionMembers, users } from "../../src/db/schema.js";
import { SESSION_COOKIE } from "../../src/server/auth/session.js";
import { createTestApp, type TestClient } from "../support/app.js";
import { changedTables, databaseFingerprint, fillPath, tenantFixtures } from "../support/fixtures.js";
import { fillFixtures, type Operation, operationsOf, validRequest } from "../support/fuzz.js";
import { resetTokenFor } from "../support/mailbox.js";
import { demoFramework } from "../support/scans.js";

/**
 * Security as a whole: headers on every kind of answer, the CSRF token on every state-changing
 * route, who may call which route (the role matrix), and sessions. Routes are read from the app,
 * so a new one is swept for CSRF without a change here, and the role matrix fails until it says
 * who may call the new route.
 *
 * Covered elsewhere and not repeated: the session cookie's flags and that sign-in gives a new
 * value, and the account lockout after failed sign-ins (auth.test.ts); logos typed by their bytes
 * whatever their name or declared type, and refused over the limit (organisations.test.ts);
 * another organisation's ids answered with 404 on every route (cross-tenant.test.ts).
 */

// ---------------------------------------------------------------------------------------------
// Who may call which route

/** The people of Zorggroep De Linde the role matrix signs in as; the fixture trajectory is theirs. */
const PEOPLE = {
  admin: "beheer@delinde.example",
  /** Guide of the fixture trajectory; also network coordinator. */
  guide: "sanne.visser@netwerk.example",
  /** Trainee of the fixture trajectory. */
  trainee: "daan.bakker@delinde.example",
  /** Client (commissioner) of the fixture trajectory. */
  client: "fatima.yilmaz@delinde.example",
  /** Training officer; also trainer. In no trajectory. */
  training_officer: "joost.smit@delinde.example",
  /** In no trajectory. */
  trainer: "eva.mulder@delinde.example",
  /** In no trajectory. */
  school_contact: "peter.jansen@rocwest.example",
} as const;
type Person = keyof typeof PEOPLE;
const EVERYONE = Object.keys(PEOPLE) as Person[];

type Access = "public" | "signed-in" | readonly Person[];
const ADMIN: readonly Person[] = ["admin"];
const STARTERS: readonly Person[] = ["admin", "client", "training_officer"];
/** The participants of the fixture trajectory, and the admin, who sees every trajectory. */
const IN_TRAJECTORY: readonly Person[] = ["admin", "guide", "trainee", "client"];
/** The plan and the planning: the guide's, and the admin's, who manages. */
const WRITERS: readonly Person[] = ["admin", "guide"];
/** Goals and the report are the guide's to write; the admin manages, the regime names the writers. */
const GUIDE: readonly Person[] = ["guide"];
/** Modules: who follows them, and who writes them. */
const FOLLOWERS: readonly Person[] = ["admin", "guide", "trainee", "client", "training_officer", "trainer"];
const AUTHORS: readonly Person[] = ["training_officer", "trainer"];

/**
 * Who gets through each route: "public" (without signing in too), "signed-in" (every member),
 * or the people listed. Everyone else is refused: 401 signed out (404 on routes with an id),
 * 403 or 404 signed in. Checked against the running app with a valid request for each route,
 * on a running trajectory with a draft report and shared feedback (tests/support/fixtures.ts).
 * A new route needs a line here; the failure message suggests one from what the app answers.
 */
const ROLE_MATRIX: Record<string, Access> = {
  "GET /api/v1/events": "signed-in",
  // Everyone reads the events they were checked in at: their own record, for their learning path.
  "GET /api/v1/events/attended": "signed-in",
  "GET /api/v1/events/candidates": ["admin", "training_officer"],
  "GET /api/v1/events/counts": ["admin", "training_officer"],
  "GET /api/v1/events/network-counts": ["admin", "guide", "training_officer"],
  "POST /api/v1/events": ["admin", "training_officer"],
  // The fixture event is for werkbegeleiders and trainers.
  "GET /api/v1/events/:eventId": ["admin", "guide", "training_officer", "trainer"],
  "PUT /api/v1/events/:eventId": ["admin", "training_officer"],
  "POST /api/v1/events/:eventId/cancel": ["admin", "training_officer"],
  "POST /api/v1/events/:eventId/registrations": ["guide", "training_officer", "trainer"],
  "POST /api/v1/events/:eventId/registrations/cancel": ["admin", "guide", "training_officer", "trainer"],
  // Nobody gives the fixture event: its check-in and evaluations are the organisers'.
  "GET /api/v1/events/:eventId/check-in": ["admin", "training_officer"],
  "POST /api/v1/events/:eventId/check-in": ["admin", "training_officer"],
  // Nobody came to it yet: nobody evaluates it.
  "POST /api/v1/events/:eventId/evaluation": [],
  "GET /api/v1/events/:eventId/evaluations": ["admin", "training_officer"],
  // Trainers: the pool is read by organisers, the coordinator (the guide) and trainers; only the
  // coordinator certifies; organisers ask and answer. The fixture request is De Wilgen's for Eva,
  // so De Linde answers it and cannot withdraw it. The fixture person (the trainee) is no trainer:
  // nobody keeps a profile or a supervised training for them (who may: tests/api/trainers.test.ts).
  "GET /api/v1/trainers": ["admin", "guide", "training_officer", "trainer"],
  "PUT /api/v1/trainers/:personId/profile": [],
  "POST /api/v1/trainer-certificates": ["guide"],
  "POST /api/v1/trainer-requests": ["admin", "training_officer"],
  "POST /api/v1/trainer-requests/:trainerRequestId/answer": ["admin", "training_officer"],
  "POST /api/v1/trainer-requests/:trainerRequestId/withdraw": [],
  "POST /api/v1/trainers/:personId/supervised-trainings": [],
  // The fixture training is Eva's under Joost's supervision: he alone signs it off.
  "POST /api/v1/supervised-trainings/:supervisedTrainingId/sign-off": ["training_officer"],
  "GET /api/v1/auth/session": "public",
  "POST /api/v1/auth/login": "public",
  "POST /api/v1/auth/logout": "public",
  "POST /api/v1/auth/organisation": "signed-in",
  "PUT /api/v1/auth/locale": "signed-in",
  "PUT /api/v1/auth/profile": "signed-in",
  "POST /api/v1/auth/password/forgot": "public",
  "POST /api/v1/auth/password/reset": "public",
  "GET /api/v1/organisation/branding": ADMIN,
  "PUT /api/v1/organisation/branding": ADMIN,
  "GET /api/v1/network": ["admin", "guide", "training_officer"],
  "PUT /api/v1/network": ["guide"],
  // The fixture framework is De Linde's own: its admin and praktijkopleider edit it.
  "GET /api/v1/frameworks": ["admin", "guide", "training_officer", "trainer"],
  // An organisation's own framework by default: its admin and praktijkopleider begin one.
  "POST /api/v1/frameworks": ["admin", "training_officer"],
  "GET /api/v1/frameworks/:frameworkId": ["admin", "guide", "training_officer", "trainer"],
  "POST /api/v1/frameworks/:frameworkId/versions": ["admin", "training_officer"],
  "GET /api/v1/frameworks/:frameworkId/versions/:versionId": ["admin", "guide", "training_officer", "trainer"],
  "PUT /api/v1/frameworks/:frameworkId/versions/:versionId": ["admin", "training_officer"],
  // A learning path is its werkbegeleider's own: nobody else reads or changes it.
  "GET /api/v1/learning-path": GUIDE,
  "POST /api/v1/learning-path": GUIDE,
  "PUT /api/v1/learning-path": GUIDE,
  "POST /api/v1/learning-path/accept-proposal": GUIDE,
  // A certificate is its holder's: the fixture's is Daan's. A module's is for whoever follows it
  // (here 409: not completed yet).
  "POST /api/v1/learning-path/certificate": GUIDE,
  "POST /api/v1/modules/:moduleId/certificate": FOLLOWERS,
  "GET /api/v1/certificates": "signed-in",
  "GET /api/v1/certificates/:certificateId/pdf": ["trainee"],
  // Cases: the fixture is Sanne's draft, her own until she sends it for review (the examples
  // change it with a stale version: a 409 gets through without changing it).
  "GET /api/v1/cases": FOLLOWERS,
  "POST /api/v1/cases": ["guide", "training_officer", "trainer"],
  "GET /api/v1/cases/:caseId": GUIDE,
  "PUT /api/v1/cases/:caseId": GUIDE,
  "POST /api/v1/cases/:caseId/submit": GUIDE,
  "POST /api/v1/cases/:caseId/review": [],
  "POST /api/v1/cases/:caseId/withdraw": GUIDE,
  // Discussions: the fixture case is a draft (no thread); the fixture module's thread has a post
  // of Sanne's. Removing it first, the trainers then meet a removed post (409) and everyone else
  // who reads the thread may still report it.
  "GET /api/v1/cases/:caseId/discussion": [],
  "POST /api/v1/cases/:caseId/discussion": [],
  "POST /api/v1/cases/:caseId/discussion/read": [],
  "GET /api/v1/modules/:moduleId/discussion": FOLLOWERS,
  "POST /api/v1/modules/:moduleId/discussion": FOLLOWERS,
  "POST /api/v1/modules/:moduleId/discussion/read": FOLLOWERS,
  "PUT /api/v1/posts/:postId": GUIDE,
  "POST /api/v1/posts/:postId/remove": GUIDE,
  "POST /api/v1/posts/:postId/hide": ["training_officer", "trainer"],
  "POST /api/v1/posts/:postId/report": ["admin", "trainee", "client", "training_officer", "trainer"],
  // The consensus round is about a network's framework; the fixture framework is De Linde's own,
  // which has no round: every one of these answers 404 to everyone (the network round's who-may
  // is tested in tests/api/consensus.test.ts).
  "GET /api/v1/frameworks/:frameworkId/versions/:versionId/consensus": [],
  "POST /api/v1/frameworks/:frameworkId/versions/:versionId/voting": [],
  "POST /api/v1/frameworks/:frameworkId/versions/:versionId/votes": [],
  "POST /api/v1/frameworks/:frameworkId/versions/:versionId/publish": [],
  "POST /api/v1/frameworks/:frameworkId/versions/:versionId/withdraw": [],
  "GET /api/v1/frameworks/:frameworkId/versions/:versionId/export.json": [
    "admin",
    "guide",
    "training_officer",
    "trainer",
  ],
  "GET /api/v1/frameworks/:frameworkId/versions/:versionId/export.csv": [
    "admin",
    "guide",
    "training_officer",
    "trainer",
  ],
  "GET /api/v1/frameworks/:frameworkId/compare": ["admin", "guide", "training_officer", "trainer"],
  // Additions are made to a network's framework only: on De Linde's own fixture framework every
  // one answers 404 (who may is tested in tests/api/framework-extensions.test.ts).
  "GET /api/v1/frameworks/:frameworkId/extensions": [],
  "PUT /api/v1/frameworks/:frameworkId/extensions": [],
  // Modules: everyone who works in the organisation follows them (not a school's contact);
  // trainers and praktijkopleiders write them; a draft is for its authors only.
  "GET /api/v1/modules": FOLLOWERS,
  "POST /api/v1/modules": AUTHORS,
  "GET /api/v1/modules/:moduleId": FOLLOWERS,
  "POST /api/v1/modules/:moduleId/versions": AUTHORS,
  "GET /api/v1/modules/:moduleId/versions/:moduleVersionId": AUTHORS,
  "PUT /api/v1/modules/:moduleId/versions/:moduleVersionId": AUTHORS,
  "POST /api/v1/modules/:moduleId/versions/:moduleVersionId/publish": AUTHORS,
  "POST /api/v1/modules/:moduleId/progress": FOLLOWERS,
  "PUT /api/v1/modules/:moduleId/progress/blocks": FOLLOWERS,
  "POST /api/v1/modules/:moduleId/progress/quizzes": FOLLOWERS,
  "POST /api/v1/modules/:moduleId/progress/assignments": FOLLOWERS,
  // Sanne's assignment: the praktijkopleider and her team leader sign it off; the photo is hers too.
  "GET /api/v1/assignments": ["client", "training_officer"],
  "POST /api/v1/assignments/:assignmentId/review": ["client", "training_officer"],
  "GET /api/v1/assignments/:assignmentId/evidence": ["guide", "client", "training_officer"],
  "POST /api/v1/organisation/logo": ADMIN,
  "DELETE /api/v1/organisation/logo": ADMIN,
  "GET /api/v1/me/organisations/:organisationId/logo": "signed-in",
  "GET /api/v1/people": ADMIN,
  "POST /api/v1/people": ADMIN,
  "GET /api/v1/people/:personId": ADMIN,
  "PUT /api/v1/people/:personId": ADMIN,
  "POST /api/v1/people/:personId/deactivate": ADMIN,
  "POST /api/v1/people/:personId/reactivate": ADMIN,
  "POST /api/v1/people/:personId/registrations": ADMIN,
  "PUT /api/v1/people/:personId/registrations/:registrationId": ADMIN,
  "DELETE /api/v1/people/:personId/registrations/:registrationId": ADMIN,
  "POST /api/v1/people/import/check": ADMIN,
  "POST /api/v1/people/import": ADMIN,
  "GET /api/v1/invitations": ADMIN,
  "POST /api/v1/invitations": ADMIN,
  "POST /api/v1/invitations/:invitationId/revoke": ADMIN,
  "POST /api/v1/invitations/:invitationId/resend": ADMIN,
  // A self-scan is its werkbegeleider's own; others read its result elsewhere (404 here).
  "GET /api/v1/scans": GUIDE,
  "POST /api/v1/scans": GUIDE,
  "GET /api/v1/scans/:scanId": GUIDE,
  "PUT /api/v1/scans/:scanId": GUIDE,
  "POST /api/v1/scans/:scanId/finish": GUIDE,
  "POST /api/v1/scans/:scanId/friends": GUIDE,
  "DELETE /api/v1/scans/:scanId/friends/:friendId": GUIDE,
  // A scan's result: its owner, the praktijkopleider, and her team leader (the client is Sanne's
  // manager in the demo). Comparing the fixture scan with itself gets them through to a 422.
  "GET /api/v1/scans/:scanId/results": ["guide", "client", "training_officer"],
  "GET /api/v1/scans/compare": ["guide", "client", "training_officer"],
  "GET /api/v1/scan-overview": ["client", "training_officer"],
  // A friend's request is the asked person's alone: the fixture asks the training officer.
  "GET /api/v1/friend-requests": "signed-in",
  "GET /api/v1/friend-requests/:friendId": ["training_officer"],
  "PUT /api/v1/friend-requests/:friendId": ["training_officer"],
  "POST /api/v1/friend-requests/:friendId/decline": ["training_officer"],
  // Someone without an account, by the token in their mail.
  "GET /api/v1/friend-links": "public",
  "POST /api/v1/friend-links/answer": "public",
  "POST /api/v1/friend-links/decline": "public",
  "GET /api/v1/invitations/accept": "public",
  "POST /api/v1/invitations/accept": "public",
  "GET /api/v1/outbox": ADMIN,
  "GET /api/v1/outbox/:messageId": ADMIN,
  "GET /api/v1/audit-events": ADMIN,
  "GET /api/v1/audit-events/actors": ADMIN,
  // Qualifications: every member reads them to pick goals from; the praktijkopleider and the admin keep them.
  "GET /api/v1/qualifications": "signed-in",
  "POST /api/v1/qualifications": ["admin", "training_officer"],
  "PUT /api/v1/qualifications/:qualificationId": ["admin", "training_officer"],
  "DELETE /api/v1/qualifications/:qualificationId": ["admin", "training_officer"],
  "GET /api/v1/regimes": STARTERS,
  "POST /api/v1/regimes": ADMIN,
  "GET /api/v1/regimes/:regimeId": STARTERS,
  "PUT /api/v1/regimes/:regimeId": ADMIN,
  "GET /api/v1/requirement-profiles": ["admin", "training_officer"],
  "POST /api/v1/requirement-profiles": ADMIN,
  "GET /api/v1/requirement-profiles/:profileId": ["admin", "training_officer"],
  "PUT /api/v1/requirement-profiles/:profileId": ADMIN,
  // Everyone's own ledger; someone else's for the admin and the training officer.
  "GET /api/v1/evidence": "signed-in",
  "GET /api/v1/evidence.csv": "signed-in",
  "GET /api/v1/evidence.pdf": "signed-in",
  "GET /api/v1/people/:personId/evidence": ["admin", "training_officer"],
  "GET /api/v1/people/:personId/evidence.csv": ["admin", "training_officer"],
  "GET /api/v1/people/:personId/evidence.pdf": ["admin", "training_officer"],
  "GET /api/v1/trajectories": "signed-in",
  "POST /api/v1/trajectories": STARTERS,
  // Guides too: they add a co-guide of their team to a running trajectory.
  "GET /api/v1/trajectories/candidates": [...STARTERS, "guide"],
  "GET /api/v1/trajectories/guide-eligibility": STARTERS,
  "GET /api/v1/trajectories/:trajectoryId": IN_TRAJECTORY,
  "PUT /api/v1/trajectories/:trajectoryId/plan": WRITERS,
  "POST /api/v1/trajectories/:trajectoryId/consents": ["trainee"],
  "POST /api/v1/trajectories/:trajectoryId/goals": GUIDE,
  // The opdrachtgever approves the goals, not the admin in their place.
  "POST /api/v1/trajectories/:trajectoryId/goals/approve": ["client"],
  "PUT /api/v1/goals/:goalId": GUIDE,
  "DELETE /api/v1/goals/:goalId": GUIDE,
  // Which participant may take which step is the regime's rule, answered as a 422 with the
  // blockers named (trajectories.test.ts); the route itself is for everyone in the trajectory.
  "POST /api/v1/trajectories/:trajectoryId/transitions": IN_TRAJECTORY,
  // The fixture's teacher trajectory has no part it can do without: the route answers 422 at the
  // field for its guide, opdrachtgever and the admin who keeps the plan, which is the route at
  // work (bpv.test.ts adds and removes).
  "POST /api/v1/trajectories/:trajectoryId/participants": ["admin", "guide", "client"],
  "POST /api/v1/trajectories/:trajectoryId/participants/remove": ["admin", "guide", "client"],
  // Hours worked are recorded only where the regime counts them (BPV): the fixture's teacher
  // trajectory does not, so nobody gets through here (bpv.test.ts records and removes).
  "POST /api/v1/trajectories/:trajectoryId/work-hours": [],
  "POST /api/v1/trajectories/:trajectoryId/work-hours/remove": [],
  "POST /api/v1/trajectories/:trajectoryId/meetings": WRITERS,
  "POST /api/v1/trajectories/:trajectoryId/meetings/schedule": WRITERS,
  "GET /api/v1/meetings/:meetingId": IN_TRAJECTORY,
  "PUT /api/v1/meetings/:meetingId": WRITERS,
  "PUT /api/v1/meetings/:meetingId/feedback": ["guide"],
  "POST /api/v1/meetings/:meetingId/feedback/share": ["guide"],
  "POST /api/v1/feedback/:feedbackId/seen": ["trainee"],
  "PUT /api/v1/meetings/:meetingId/self-assessment": ["trainee"],
  // The fixture's meetings have no part for anyone; the BPV-docent's part is in bpv.test.ts.
  "PUT /api/v1/meetings/:meetingId/part": [],
  // Numbers without names, for who answers for them.
  "GET /api/v1/trajectories/retention": ["admin", "training_officer"],
  // The network page's people: admins, praktijkopleiders and the coordinator (the guide here).
  "GET /api/v1/trajectories/network-retention": ["admin", "guide", "training_officer"],
  // A draft report is for its writer; the trainee, the client and the admin read it once it is final.
  "GET /api/v1/trajectories/:trajectoryId/report": GUIDE,
  "PUT /api/v1/trajectories/:trajectoryId/report": GUIDE,
  "POST /api/v1/trajectories/:trajectoryId/report/finalise": GUIDE,
  "GET /api/v1/trajectories/:trajectoryId/report.pdf": GUIDE,
  // Whoever reads the meetings: in the teacher trajectory every participant and the admin.
  "GET /api/v1/trajectories/:trajectoryId/progress.pdf": IN_TRAJECTORY,
  "GET /api/v1/processing-register.pdf": ADMIN,
  // Everyone reads who viewed their own data; the admin searches everyone's.
  "GET /api/v1/access-log/mine": "signed-in",
  "GET /api/v1/access-log": ADMIN,
  // Everyone downloads their own export; the admin produces a person's on their request.
  "GET /api/v1/me/export": "signed-in",
  "POST /api/v1/people/:personId/export": ADMIN,
  // Everyone asks to be erased; the admin reviews and applies it.
  "GET /api/v1/me/erasure": "signed-in",
  "POST /api/v1/me/erasure": "signed-in",
  "GET /api/v1/people/:personId/erasure": ADMIN,
  "POST /api/v1/people/:personId/erasure": ADMIN,
  // The retention job's dry run and its switch.
  "GET /api/v1/retention": ADMIN,
  "GET /api/v1/retention/periods": ADMIN,
  "PUT /api/v1/retention": ADMIN,
  "PUT /api/v1/retention/periods": ADMIN,
  "GET /api/v1/trajectories/:trajectoryId/billing.pdf": ["admin", "guide", "client"],
  "GET /api/v1/trajectories/:trajectoryId/billing.csv": ["admin", "guide", "client"],
  "GET /api/v1/due": "signed-in",
  "GET /api/v1/calendar": "signed-in",
  "GET /api/v1/calendar/address": "signed-in",
  "POST /api/v1/calendar/renew": "signed-in",
  // Declarations: read by everyone in the trajectory; signed by those holding a slot's role (the
  // admin as such never signs; a wrong password is the route at work, a 422 at the field).
  "GET /api/v1/trajectories/:trajectoryId/declarations": IN_TRAJECTORY,
  "GET /api/v1/declarations/:declarationId": IN_TRAJECTORY,
  "PUT /api/v1/declarations/:declarationId/deviation": IN_TRAJECTORY,
  "POST /api/v1/declarations/:declarationId/sign": ["guide", "trainee", "client"],
  "POST /api/v1/declarations/:declarationId/new-version": IN_TRAJECTORY,
  "GET /api/v1/declarations/:declarationId/pdf": IN_TRAJECTORY,
  "POST /api/v1/trajectories/:trajectoryId/documents": IN_TRAJECTORY,
  "GET /api/v1/trajectories/:trajectoryId/documents/:documentId": IN_TRAJECTORY,
  "POST /api/v1/verify": "public",
  // Everyone's own notifications; the fixture notification is the trainee's alone.
  "GET /api/v1/notifications": "signed-in",
  "POST /api/v1/notifications/:notificationId/read": ["trainee"],
  "POST /api/v1/notifications/read-all": "signed-in",
  // Intervisie: groups are made and staffed by the admin and the training officer, who see every
  // group; what happens inside is its members' (the trainee is the fixture group's member, below).
  "GET /api/v1/intervision/groups": "signed-in",
  "GET /api/v1/intervision/candidates": ["admin", "training_officer"],
  "POST /api/v1/intervision/groups": ["admin", "training_officer"],
  "GET /api/v1/intervision/groups/:groupId": ["admin", "trainee", "training_officer"],
  "PUT /api/v1/intervision/groups/:groupId": ["admin", "training_officer"],
  "POST /api/v1/intervision/groups/:groupId/archive": ["admin", "training_officer"],
  "POST /api/v1/intervision/groups/:groupId/members": ["admin", "training_officer"],
  "POST /api/v1/intervision/groups/:groupId/members/remove": ["admin", "training_officer"],
  "POST /api/v1/intervision/groups/:groupId/meetings": ["trainee"],
  "GET /api/v1/intervision/meetings/:groupMeetingId": ["admin", "trainee", "training_officer"],
  "PUT /api/v1/intervision/meetings/:groupMeetingId": ["trainee"],
  "POST /api/v1/intervision/meetings/:groupMeetingId/held": ["trainee"],
  "POST /api/v1/intervision/meetings/:groupMeetingId/attendance/confirm": ["trainee"],
  "PUT /api/v1/intervision/meetings/:groupMeetingId/notes": ["trainee"],
};

/** Bodies the generated valid request cannot make (a whole regime document), as the admin reads them. */
/** Valid query strings where a query parameter names an id that is no fixture of its own. */
const QUERIES: Record<string, (ids: Record<string, string>) => string> = {
  "GET /api/v1/frameworks/:frameworkId/compare": (ids) => `?from=${ids.versionId}&to=${ids.versionId}`,
  "GET /api/v1/scans/compare": (ids) => `?from=${ids.scanId}&to=${ids.scanId}`,
  "GET /api/v1/access-log": (ids) => `?personId=${ids.personId}&from=2026-01-01&to=2026-12-31`,
};

/** The session of the fixture event, for registering oneself. */
const fixtureSession = async (admin: TestClient, ids: Record<string, string>) => ({
  sessionId: (await admin.get(`/api/v1/events/${ids.eventId}`)).json().sessions[0].id,
});

const EXAMPLES: Record<string, (admin: TestClient, ids: Record<string, string>) => Promise<unknown>> = {
  "POST /api/v1/people/:personId/export": async () => ({ requestedOn: "2026-11-30", format: "json" }),
  // A request day in the future: the admin gets through to the field error, and the fixture
  // person is not erased under the routes that come after.
  "POST /api/v1/people/:personId/erasure": async () => ({ requestedOn: "2199-01-01" }),
  "PUT /api/v1/retention": async () => ({ enabled: false }),
  "PUT /api/v1/retention/periods": async () => ({ periods: {} }),
  // Registering oneself: the event's audience (werkbegeleiders and trainers) gets through.
  "POST /api/v1/events/:eventId/registrations": fixtureSession,
  "POST /api/v1/events/:eventId/registrations/cancel": fixtureSession,
  // Blocks of the fixture module: the guide follows it; anyone else who may follow modules gets
  // through to a 409 (not started).
  "PUT /api/v1/modules/:moduleId/progress/blocks": async () => ({ block: "intro", action: "visit" }),
  "POST /api/v1/modules/:moduleId/progress/quizzes": async () => ({ block: "toets", answers: {} }),
  // The guide's own path, made from the fixture scan (her own) when she has none yet.
  "POST /api/v1/learning-path": async (_admin, ids) => ({ frameworkId: await scanFramework(), scanId: ids.scanId }),
  "PUT /api/v1/learning-path": async () => {
    const path = await guidePath();
    return {
      frameworkId: path.framework.id,
      items: path.path.items.map((i: { competence: string; status: string }) => ({
        competence: i.competence,
        status: i.status,
      })),
      version: path.path.version,
    };
  },
  // No newer scan: the guide gets through to a 422 at the field; everyone else is refused first.
  "PUT /api/v1/cases/:caseId": async () => ({
    title: "Een casus",
    situation: "Een situatie.",
    question: "Een vraag?",
    whatHappened: "",
    setting: "vvt",
    frameworkId: await scanFramework(),
    competences: ["feedback"],
    version: 999,
  }),
  "POST /api/v1/cases/:caseId/submit": async () => ({ version: 999 }),
  "POST /api/v1/cases/:caseId/withdraw": async () => ({ reason: "Noemt een cliënt", version: 999 }),
  "POST /api/v1/cases/:caseId/discussion": async () => ({ body: "Een bericht" }),
  "POST /api/v1/modules/:moduleId/discussion": async () => ({ body: "Een bericht" }),
  "PUT /api/v1/posts/:postId": async () => ({ body: "Anders", version: 999 }),
  "POST /api/v1/posts/:postId/hide": async () => ({ reason: "Gaat over een cliënt" }),
  "POST /api/v1/posts/:postId/report": async () => ({ reason: "Klopt niet" }),
  "POST /api/v1/cases/:caseId/review": async () => ({ decision: "approve", version: 999 }),
  "POST /api/v1/learning-path/certificate": async () => ({ frameworkId: await scanFramework() }),
  "POST /api/v1/learning-path/accept-proposal": async (_admin, ids) => {
    const path = await guidePath();
    return { frameworkId: path.framework.id, scanId: ids.scanId, version: path.path.version };
  },
  // Each member confirms their own line: the trainee's own id, which only the trainee may send.
  "POST /api/v1/intervision/meetings/:groupMeetingId/attendance/confirm": async () => ({ userId: await traineeId() }),
  "PUT /api/v1/requirement-profiles/:profileId": async (admin, ids) => {
    const profile = (await admin.get(`/api/v1/requirement-profiles/${ids.profileId}`)).json();
    return { version: profile.version, document: profile.document };
  },
  "PUT /api/v1/frameworks/:frameworkId/versions/:versionId": async (admin, ids) => {
    const version = (await admin.get(`/api/v1/frameworks/${ids.frameworkId}/versions/${ids.versionId}`)).json();
    return { version: version.version, document: version.document };
  },
  "PUT /api/v1/regimes/:regimeId": async (admin, ids) => {
    const regime = (await admin.get(`/api/v1/regimes/${ids.regimeId}`)).json();
    return { version: regime.version, document: regime.document };
  },
  // Moving a meeting: what the admin may do too. Recording what happened is the guide's alone
  // (tests/api/trajectories.test.ts).
  "PUT /api/v1/meetings/:meetingId": async (admin, ids) => {
    const meeting = (await admin.get(`/api/v1/meetings/${ids.meetingId}`)).json();
    const keep = ["version", "startsAt", "preparationMinutes", "travelMinutes", "unannounced", "status", "notes"];
    return {
      ...Object.fromEntries(keep.map((key) => [key, meeting[key]])),
      durationMinutes: meeting.durationMinutes + 5,
      location: "Lokaal 12",
      confidential: meeting.confidential,
      observation: meeting.observation,
    };
  },
};

const t = await createTestApp({ LOGIN_LIMIT_PER_ADDRESS: "100000", LOGIN_LIMIT_PER_ACCOUNT: "100000" });
afterAll(() => t.close());
const operations = operationsOf((await t.app.inject({ url: "/api/openapi.json" })).json());
let ids = await tenantFixtures(t);
// The trainee is a member of the fixture intervisie group; nobody else signing in here is.
async function traineeId() {
  const [trainee] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, PEOPLE.trainee));
  return trainee?.id ?? "";
}
await t.database.db
  .insert(intervisionMembers)
  .values({ organisationId: t.orgs.linde, groupId: ids.groupId as string, userId: await traineeId() })
  .onConflictDoNothing();
const fixtureNames = new Set(Object.keys(ids));
/** The framework of the fixture scan: the demo network's. */
const scanFramework = async () => (await demoFramework(t)).framework.id;
/** The guide's learning path on it, made from the fixture scan when she has none yet. */
async function guidePath() {
  const guide = clientOf("guide");
  const frameworkId = await scanFramework();
  await guide.post("/api/v1/learning-path", { frameworkId, scanId: ids.scanId });
  return (await guide.get(`/api/v1/learning-path?framework=${frameworkId}`)).json();
}
const signedIn = new Map<Person, TestClient>();

async function signIn(person: Person) {
  const client = await t.login(PEOPLE[person]);
  if ((await client.refreshSession()).organisation?.id !== t.orgs.linde)
    await client.post("/api/v1/auth/organisation", { organisationId: t.orgs.linde });
  signedIn.set(person, client);
  return client;
}
for (const person of EVERYONE) await signIn(person);
const clientOf = (person: Person) => signedIn.get(person) as TestClient;

const routeIds = () =>
  t.app.apiRoutes.flatMap((r) =>
    (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== "HEAD").map((m) => `${m} ${r.url}`),
  );

/** Calls the operation with a valid request; what came back, and whether it was a refusal. */
async function call(client: TestClient, op: Operation) {
  const request = validRequest(op, 1, fixtureNames);
  const example = EXAMPLES[op.id];
  const payload = example
    ? JSON.stringify(await example(clientOf("admin"), ids))
    : typeof request.payload === "string"
      ? fillFixtures(request.payload, ids)
      : request.payload;
  const response = await client.request({
    method: op.method as "GET",
    url: QUERIES[op.id]
      ? `${fillFixtures(request.url.split("?")[0] ?? "", ids)}${QUERIES[op.id]?.(ids)}`
      : fillFixtures(request.url, ids),
    headers: request.headers,
    ...(payload === undefined ? {} : { payload: payload as never }),
  });
  const type = String(response.headers["content-type"] ?? "");
  const code = type.startsWith("application/problem+json") ? (response.json() as { code?: string }).code : undefined;
  // A route that succeeded may have used up a fixture (deleted a goal, revoked an invitation)
  // or ended the caller's session (sign-out): find fresh ones, sign in again.
  if (response.statusCode < 300 && op.method !== "GET") {
    ids = await tenantFixtures(t);
    for (const [person, c] of signedIn) if (c === client && !(await c.refreshSession()).user) await signIn(person);
  }
  // 401 refuses only as "sign in first"; a wrong password at sign-in is the route doing its work.
  const refused = response.statusCode === 403 || response.statusCode === 404 || code === "problem.unauthorized";
  return { status: response.statusCode, code, type, refused };
}

const allowed = (access: Access, person: Person | "anonymous") =>
  access === "public" ||
  (person !== "anonymous" && (access === "signed-in" || (access as readonly Person[]).includes(person)));

/** What the app answers now, as a line for the matrix. */
async function suggestLine(op: Operation) {
  const through: Person[] = [];
  for (const person of EVERYONE) if (!(await call(clientOf(person), op)).refused) through.push(person);
  const anonymous = !(await call(await t.anonymous(), op)).refused;
  const access = anonymous ? '"public"' : through.length === EVERYONE.length ? '"signed-in"' : JSON.stringify(through);
  return `  "${op.id}": ${access},`;
}

describe("who may call which route (the role matrix)", () => {
  it("has a line for every route of the app, and none for routes that are gone", async () => {
    const routes = routeIds();
    const missing = routes.filter((id) => !(id in ROLE_MATRIX));
    const stale = Object.keys(ROLE_MATRIX).filter((id) => !routes.includes(id));
    const lines: string[] = [];
    for (const id of missing) {
      const op = operations.find((o) => o.id === id);
      lines.push(op ? await suggestLine(op) : `  "${id}": ??? (not in the API document)`);
    }
    const message =
      "Routes without a line in ROLE_MATRIX (tests/api/security.test.ts). Decide who may call each; " +
      `the app answers now as if:\n${lines.join("\n")}\n`;
    expect(missing, message).toEqual([]);
    expect(stale, "lines in ROLE_MATRIX for routes that no longer exist").toEqual([]);
    expect(Object.keys(EXAMPLES).filter((id) => !routes.includes(id))).toEqual([]);
  });

  for (const op of operations) {
    const access = ROLE_MATRIX[op.id];
    const who = access === undefined ? "" : typeof access === "string" ? access : access.join(", ");
    it.skipIf(access === undefined)(`${op.id}: ${who}`, async () => {
      const matrix = access as Access;
      const wrong: string[] = [];
      // The refused go first: what the allowed do may change what the others get.
      const order = [...EVERYONE, "anonymous" as const].sort(
        (a, b) => Number(allowed(matrix, a)) - Number(allowed(matrix, b)),
      );
      for (const person of order) {
        const client = person === "anonymous" ? await t.anonymous() : clientOf(person);
        const got = await call(client, op);
        const answer = `${got.status}${got.code ? ` ${got.code}` : ""}`;
        if (got.status >= 500) wrong.push(`${person}: ${answer}`);
        else if (allowed(matrix, person) && got.refused) wrong.push(`${person} should get through, got ${answer}`);
        else if (!allowed(matrix, person)) {
          const expected = person === "anonymous" ? [401, 404] : [403, 404];
          if (!got.refused || !expected.includes(got.status))
            wrong.push(`${person} should be refused (${expected}), got ${answer}`);
          else if (!got.type.startsWith("application/problem+json")) wrong.push(`${person}: refusal as ${got.type}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// CSRF

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Sends as the client would, but with exactly the CSRF header given (or none). */
function withToken(client: TestClient, method: string, url: string, token?: string) {
  return t.app.inject({
    method: method as "POST",
    url,
    cookies: client.cookies,
    remoteAddress: client.address,
    headers: token === undefined ? {} : { "x-csrf-token": token },
    payload: {},
  });
}

describe("CSRF", () => {
  it("refuses every state-changing route without the session's token, and changes nothing", async () => {
    const admin = await t.login(PEOPLE.admin);
    const outsider = await t.login("beheer@rivierenland.example");
    const anonymous = await t.anonymous();
    const mutating = t.app.apiRoutes.flatMap((r) =>
      (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => !SAFE.has(m)).map((m) => ({ m, url: r.url })),
    );
    expect(mutating.length).toBeGreaterThan(30);
    ids = await tenantFixtures(t);
    const before = await databaseFingerprint(t);
    const attempts: Array<[string, TestClient, string | undefined]> = [
      ["signed in, no token", admin, undefined],
      ["signed in, empty token", admin, ""],
      ["signed in, another session's token", admin, outsider.csrfToken],
      ["signed in, the token before sign-in", admin, anonymous.csrfToken],
      ["signed out, no token", anonymous, undefined],
      ["signed out, a signed-in session's token", anonymous, admin.csrfToken],
    ];
    const passed: string[] = [];
    for (const { m, url } of mutating) {
      for (const [what, client, token] of attempts) {
        const response = await withToken(client, m, fillPath(url, ids), token);
        const code = response.statusCode === 403 ? response.json().code : undefined;
        if (code !== "problem.csrf") passed.push(`${m} ${url} (${what}): ${response.statusCode}`);
      }
    }
    expect(passed).toEqual([]);
    expect(changedTables(before, await databaseFingerprint(t))).toEqual([]);
    // The same requests with the token get past the check: the sweep above did test something.
    const withIt = await withToken(admin, "PUT", "/api/v1/auth/locale", admin.csrfToken);
    expect(withIt.statusCode).toBe(422);
  });
});

// ---------------------------------------------------------------------------------------------
// Headers

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

function expectSecurityHeaders(response: LightMyRequestResponse, what: string) {
  const csp = directives(String(response.headers["content-security-policy"] ?? ""));
  expect(csp.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(csp.get("default-src"), what).toEqual(["'self'"]);
  expect(csp.get("object-src"), what).toEqual(["'none'"]);
  expect(csp.get("base-uri"), what).toEqual(["'self'"]);
  expect(csp.get("form-action"), what).toEqual(["'self'"]);
  const scripts = csp.get("script-src") ?? [];
  expect(scripts, what).toContain("'self'");
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"])
    expect(scripts, `${what}: script-src ${unsafe}`).not.toContain(unsafe);
  expect(response.headers["x-content-type-options"], what).toBe("nosniff");
  expect(response.headers["referrer-policy"], what).toBe("same-origin");
  expect(response.headers["x-frame-options"], what).toBe("SAMEORIGIN");
  expect(response.headers["x-powered-by"], what).toBeUndefined();
}

describe("security headers", () => {
  it("are on pages, JSON, problems, images and documents alike", async () => {
    const admin = await t.login(PEOPLE.admin);
    const trainee = clientOf("trainee");
    const answers: Array<[string, LightMyRequestResponse]> = [
      ["the start page", await t.app.inject({ url: "/" })],
      ["a page of the app", await t.app.inject({ url: "/mensen" })],
      ["JSON", await admin.get("/api/v1/auth/session")],
      ["a 403 problem", await trainee.get("/api/v1/people")],
      ["a 404 problem", await admin.get("/api/v1/bestaat-niet")],
      ["a 422 problem", await admin.put("/api/v1/auth/locale", { locale: "fr" })],
      ["a logo", await admin.get(`/api/v1/me/organisations/${t.orgs.linde}/logo`)],
      ["the API document", await t.app.inject({ url: "/api/openapi.json" })],
      ["a CSV download", await admin.get(`/api/v1/trajectories/${ids.trajectoryId}/billing.csv`)],
      ["the health check", await t.app.inject({ url: "/healthz" })],
    ];
    for (const [what, response] of answers) expectSecurityHeaders(response, what);
    // `npm test` builds the web app first; then the pages are its HTML.
    if (existsSync(new URL("../../dist/web/index.html", import.meta.url))) {
      expect(answers[0]?.[1].headers["content-type"]).toContain("text/html");
      expect(answers[1]?.[1].headers["content-type"]).toContain("text/html");
    }
    // Over plain HTTP nothing pins the browser to HTTPS (a local install must stay reachable).
    expect(answers[2]?.[1].headers["strict-transport-security"]).toBeUndefined();
  });

  it("behind an https address: HSTS, Secure cookies and upgraded requests", async () => {
    const secure = await createTestApp({ PUBLIC_URL: "https://koers.example" });
    try {
      const response = await secure.app.inject({ url: "/api/v1/auth/session" });
      expect(response.headers["strict-transport-security"]).toMatch(/max-age=\d{8}/);
      expect(directives(String(response.headers["content-security-policy"])).has("upgrade-insecure-requests")).toBe(
        true,
      );
      expect(response.cookies.find((c) => c.name === "koers_csrf")?.secure).toBe(true);
      const client = await secure.anonymous();
      const login = await client.post("/api/v1/auth/login", { email: PEOPLE.admin, password: "Koers-demo-2026" });
      expect(login.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Sessions and sign-in

const sessionOf = async (cookie: string) =>
  (await t.app.inject({ url: "/api/v1/auth/session", cookies: { [SESSION_COOKIE]: cookie } })).json().user;

describe("sessions", () => {
  it("gives a new session id at sign-in and ends the old one; a planted id is never adopted", async () => {
    const client = await t.anonymous();
    client.cookies[SESSION_COOKIE] = "planted-by-someone-else";
    await client.post("/api/v1/auth/login", { email: PEOPLE.trainer, password: "Koers-demo-2026" });
    const first = client.cookies[SESSION_COOKIE] as string;
    expect(first).not.toBe("planted-by-someone-else");
    expect(await sessionOf("planted-by-someone-else")).toBeNull();
    expect((await sessionOf(first)).email).toBe(PEOPLE.trainer);

    await client.refreshSession();
    await client.post("/api/v1/auth/login", { email: PEOPLE.trainer, password: "Koers-demo-2026" });
    const second = client.cookies[SESSION_COOKIE] as string;
    expect(second).not.toBe(first);
    expect(await sessionOf(first)).toBeNull();
    expect((await sessionOf(second)).email).toBe(PEOPLE.trainer);
  });

  it("ends the session on the server at sign-out: the old cookie, replayed, is no session", async () => {
    const client = await t.login(PEOPLE.trainer);
    const cookie = client.cookies[SESSION_COOKIE] as string;
    await client.post("/api/v1/auth/logout");
    expect(await sessionOf(cookie)).toBeNull();
  });

  it("ends every session of a person whose password is reset", async () => {
    const eva = await t.login(PEOPLE.trainer);
    const cookie = eva.cookies[SESSION_COOKIE] as string;
    const anonymous = await t.anonymous();
    expect((await anonymous.post("/api/v1/auth/password/forgot", { email: PEOPLE.trainer })).statusCode).toBe(202);
    const token = await resetTokenFor(t, PEOPLE.trainer);
    const reset = await anonymous.post("/api/v1/auth/password/reset", { token, password: "Evas-nieuwe-wachtwoord" });
    expect(reset.statusCode).toBe(204);
    expect(await sessionOf(cookie)).toBeNull();
    await t.login(PEOPLE.trainer, "Evas-nieuwe-wachtwoord");
  });
});

describe("sign-in limits", () => {
  it("locks an address out after too many attempts a minute, whoever it tries; other addresses go on", async () => {
    const limited = await createTestApp({ LOGIN_LIMIT_PER_ADDRESS: "3" });
    try {
      const attacker = await limited.anonymous();
      for (const email of ["a@delinde.example", "b@delinde.example", "c@delinde.example"]) {
        const failed = await attacker.post("/api/v1/auth/login", { email, password: "raden-raden" });
        expect(failed.statusCode).toBe(401);
      }
      const blocked = await attacker.post("/api/v1/auth/login", { email: PEOPLE.admin, password: "Koers-demo-2026" });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers["content-type"]).toContain("application/problem+json");
      expect(blocked.json().code).toBe("problem.rateLimited");
      await limited.login(PEOPLE.admin);

      // X-Forwarded-For from a client that is no proxy is ignored: a new address in it per
      // attempt does not buy new attempts.
      const spoofer = await limited.anonymous();
      const spoofed = [];
      for (let i = 0; i < 4; i++)
        spoofed.push(
          await spoofer.request({
            method: "POST",
            url: "/api/v1/auth/login",
            headers: { "x-forwarded-for": `203.0.113.${i}` },
            payload: { email: "d@delinde.example", password: "raden-raden" } as never,
          }),
        );
      expect(spoofed.map((r) => r.statusCode)).toEqual([401, 401, 401, 429]);

      // Through a trusted proxy (on the same machine by default) each client has its own count.
      const viaProxy = async (client: string) => {
        const through = { remoteAddress: "127.0.0.1", headers: { "x-forwarded-for": client } };
        const session = await limited.app.inject({ url: "/api/v1/auth/session", ...through });
        const csrf = session.cookies.find((c) => c.name === "koers_csrf")?.value ?? "";
        return limited.app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          ...through,
          cookies: { koers_csrf: csrf },
          headers: { ...through.headers, "x-csrf-token": session.json().csrfToken },
          payload: { email: "e@delinde.example", password: "raden-raden" },
        });
      };
      for (let i = 0; i < 3; i++) expect((await viaProxy("198.51.100.1")).statusCode).toBe(401);
      expect((await viaProxy("198.51.100.1")).statusCode).toBe(429);
      expect((await viaProxy("198.51.100.2")).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it("locks an account whatever the case of its address, and an unknown address alike", async () => {
    // This file's app lifts the account limit for the role matrix: this one keeps the default.
    const strict = await createTestApp();
    try {
      const client = await strict.anonymous();
      const attempt = (email: string, password = "raden-raden") =>
        client.post("/api/v1/auth/login", { email, password });
      for (const email of ["Eva.Mulder@delinde.example", "EVA.MULDER@DELINDE.EXAMPLE", "eva.mulder@DeLinde.example"])
        expect((await attempt(email)).statusCode).toBe(401);
      await attempt(PEOPLE.trainer);
      await attempt(PEOPLE.trainer);
      const locked = await attempt(PEOPLE.trainer, "Koers-demo-2026");
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe("auth.locked");

      // Locked the same way, so the answer does not tell which addresses have an account.
      for (let i = 0; i < 5; i++) await attempt("niemand@delinde.example");
      const unknown = await attempt("niemand@delinde.example");
      expect(unknown.statusCode).toBe(429);
      expect(unknown.json()).toEqual(locked.json());
    } finally {
      await strict.close();
    }
  });
});

describe("uploads are judged by their bytes", () => {
  it("takes a PNG named logo.txt and declared text/plain as a PNG", async () => {
    const admin = await t.login(PEOPLE.admin);
    const { version } = (await admin.get("/api/v1/organisation/branding")).json();
    const png = readFileSync(new URL("../../src/server/demo/linde.png", import.meta.url));
    const form = new FormData();
    form.append("logo", new Blob([png], { type: "text/plain" }), "logo.txt");
    const response = await admin.request({
      method: "POST",
      url: `/api/v1/organisation/logo?version=${version}`,
      payload: form as never,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().logoMime).toBe("image/png");
    const served = await admin.get(response.json().logoUrl);
    expect(served.headers["content-type"]).toBe("image/png");
    // Stored as Koers encoded it again after decoding: the same picture, not the same bytes.
    expect(served.rawPayload.subarray(0, 8)).toEqual(png.subarray(0, 8));
    const [mine, theirs] = await Promise.all([sharp(served.rawPayload).raw().toBuffer(), sharp(png).raw().toBuffer()]);
    expect(Buffer.compare(mine, theirs)).toBe(0);
  });
});
