import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import {
  cases,
  discussionPosts,
  discussionReports,
  eventEvaluations,
  eventRegistrations,
  eventSessions,
  events,
  eventTrainers,
  frameworkVotes,
  intervisionMembers,
  memberships,
  moduleAssignments,
  moduleProgress,
  organisations,
  registrations,
  supervisedTrainings,
  trainerCertificates,
  trainerProfiles,
  trainerRequests,
  trajectoryParticipants,
  users,
} from "../../db/schema.js";
import { dutchToday } from "../../domain/dutch-time.js";
import {
  EXPORT_FORMAT,
  type ExportRequest,
  exportSections,
  type PersonalExport,
  type SectionSource,
} from "../../domain/privacy/export.js";
import { canProduceExport } from "../../domain/privacy/policy.js";
import type { Text } from "../../domain/privacy/registry.js";
import type { Locale } from "../../domain/regimes/schema.js";
import type { Actor } from "../../domain/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { ownCertificates } from "../certificates/issue.js";
import { listDeclarations } from "../declarations/get-declarations.js";
import { attendedEvents } from "../events/attended.js";
import { evidenceOf } from "../evidence/ledger.js";
import { forbidden, HttpProblem, invalid, notFound } from "../http/problem.js";
import { getGroup } from "../intervision/groups.js";
import { getLearningPath } from "../learning-paths/get-learning-path.js";
import { listNotifications } from "../notifications/service.js";
import { listFriendRequests } from "../scans/friends.js";
import { getScanResults } from "../scans/results.js";
import { listScans } from "../scans/service.js";
import { getReport } from "../trajectories/final-report.js";
import { getTrajectory } from "../trajectories/get-trajectory.js";
import { showMeeting } from "../trajectories/show-meeting.js";
import { logRead, ownAccessLog } from "./access-log.js";
import { ownErasureRequests } from "./erasure.js";

/**
 * A read the person's role does not allow answers nothing, as the page would: the export holds
 * what Koers shows them, no more.
 */
async function shown<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof HttpProblem && (error.status === 403 || error.status === 404)) return null;
    throw error;
  }
}

/** What a page shows beside the data: the regime's rules and the buttons; not the person's data. */
function withoutFrame<T extends object>(view: T) {
  const { regime: _regime, abilities: _abilities, due: _due, ...data } = view as T & Record<string, unknown>;
  return data;
}

const SYSTEM_ONLY: Text = {
  nl: "Alleen voor de werking van Koers; Koers toont dit aan niemand.",
  en: "Only for Koers to work; Koers shows it to nobody.",
};
const ADMINS_ONLY: Text = {
  nl: "Koers toont dit alleen aan beheerders. Vraag de beheerder van de organisatie wat erin over jou staat.",
  en: "Koers shows this to admins only. Ask the organisation's admin what it holds about you.",
};
const CONTENT: Text = {
  nl: "Inhoud van de organisatie of het netwerk; jouw naam staat erbij als wie het maakte of wijzigde, op de pagina's zelf.",
  en: "Content of the organisation or the network; your name is with it as who made or changed it, on the pages themselves.",
};

const within = (table: string): SectionSource => ({ within: table });
const records = (rows: readonly unknown[] | null | undefined): SectionSource => ({ records: [...(rows ?? [])] });

/** Every notification, page by page, as the notification list shows them. */
async function allNotifications(tx: Tx, person: Actor) {
  const items: unknown[] = [];
  for (let page = 1; ; page++) {
    const list = await listNotifications(tx, person, page, 100);
    items.push(...list.items);
    if (items.length >= list.total || list.items.length === 0) return items;
  }
}

/** The person's trajectories, each as its page shows it, with its meetings, declarations and report. */
async function trajectoriesOf(tx: Tx, person: Actor, locale: Locale) {
  const taking = await tx
    .selectDistinct({ id: trajectoryParticipants.trajectoryId })
    .from(trajectoryParticipants)
    .where(
      and(
        eq(trajectoryParticipants.organisationId, person.organisationId),
        eq(trajectoryParticipants.userId, person.userId),
      ),
    )
    .orderBy(asc(trajectoryParticipants.trajectoryId));
  const result: unknown[] = [];
  for (const { id } of taking) {
    const detail = await shown(() => getTrajectory(tx, person, id, locale));
    if (!detail) continue;
    const meetings: unknown[] = [];
    for (const summary of detail.meetings ?? []) {
      const meeting = await shown(() => showMeeting(tx, person, summary.id));
      if (meeting) meetings.push(withoutFrame(meeting));
    }
    const declarations = await shown(() => listDeclarations(tx, person, id, locale));
    const report = detail.report ? await shown(() => getReport(tx, person, id, locale)) : null;
    result.push({ ...withoutFrame(detail), meetings, declarations: declarations?.items ?? [], report });
  }
  return result;
}

/** The person's evidence ledger, one per registration, as "Mijn bewijs" shows it. */
async function ledgersOf(tx: Tx, person: Actor, locale: Locale) {
  const own = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(eq(registrations.organisationId, person.organisationId), eq(registrations.membershipId, person.membershipId)),
    )
    .orderBy(asc(registrations.id));
  const ledgers: unknown[] = [];
  for (const { id } of own) {
    const view = await shown(() => evidenceOf(tx, person, person.membershipId, id, locale));
    if (!view) continue;
    // The requirement profile is the register's rules, not the person's data.
    const { profile: _profile, ...ledger } = view.ledger ?? { profile: null };
    ledgers.push({ registration: view.registrations.find((r) => r.id === id), ledger: view.ledger ? ledger : null });
  }
  return ledgers;
}

async function scansOf(tx: Tx, person: Actor) {
  const list = await shown(() => listScans(tx, person));
  if (!list) return [];
  const scans: unknown[] = [];
  for (const scan of [...(list.open ? [list.open] : []), ...list.history]) {
    const results = scan.status === "finished" ? await shown(() => getScanResults(tx, person, scan.id)) : null;
    scans.push({ ...scan, results });
  }
  return scans;
}

/** The intervision groups the person is or was a member of (not every group an admin sees), as their page shows them. */
async function intervisionOf(tx: Tx, person: Actor) {
  const joined = await tx
    .selectDistinct({ id: intervisionMembers.groupId })
    .from(intervisionMembers)
    .where(
      and(eq(intervisionMembers.organisationId, person.organisationId), eq(intervisionMembers.userId, person.userId)),
    )
    .orderBy(asc(intervisionMembers.groupId));
  const groups: unknown[] = [];
  for (const { id } of joined) {
    const group = await shown(() => getGroup(tx, person, id));
    if (group) groups.push(group);
  }
  return groups;
}

/** Rows of the person's own that no page lists apart: each with what it belongs to. */
async function ownRows(tx: Tx, person: Actor) {
  const org = person.organisationId;
  const me = person.userId;
  const [account] = await tx
    .select({ name: users.name, email: users.email, locale: users.locale, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, me));
  const [membership] = await tx
    .select({
      displayName: memberships.displayName,
      roles: memberships.roles,
      status: memberships.status,
      jobTitle: memberships.jobTitle,
      academicExperienceYears: memberships.academicExperienceYears,
      dreyfusLevel: memberships.dreyfusLevel,
      joinedAt: memberships.joinedAt,
    })
    .from(memberships)
    .where(and(eq(memberships.id, person.membershipId), eq(memberships.organisationId, org)));
  const progress = await tx
    .select({
      moduleId: moduleProgress.moduleId,
      moduleVersionId: moduleProgress.moduleVersionId,
      state: moduleProgress.state,
      startedAt: moduleProgress.startedAt,
      completedAt: moduleProgress.completedAt,
    })
    .from(moduleProgress)
    .where(and(eq(moduleProgress.organisationId, org), eq(moduleProgress.userId, me)))
    .orderBy(asc(moduleProgress.startedAt));
  const assignments = await tx
    .select({
      id: moduleAssignments.id,
      blockKey: moduleAssignments.blockKey,
      description: moduleAssignments.description,
      evidenceMime: moduleAssignments.evidenceMime,
      status: moduleAssignments.status,
      reason: moduleAssignments.reason,
    })
    .from(moduleAssignments)
    .where(and(eq(moduleAssignments.organisationId, org), eq(moduleAssignments.userId, me)))
    .orderBy(asc(moduleAssignments.id));
  const ownCases = await tx
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      situation: cases.situation,
      question: cases.question,
      whatHappened: cases.whatHappened,
      setting: cases.setting,
      competences: cases.competences,
      reviewReason: cases.reviewReason,
      createdAt: cases.createdAt,
    })
    .from(cases)
    .where(and(eq(cases.organisationId, org), eq(cases.authorId, me)))
    .orderBy(asc(cases.createdAt));
  const posts = await tx
    .select({
      id: discussionPosts.id,
      subjectKind: discussionPosts.subjectKind,
      subjectId: discussionPosts.subjectId,
      body: discussionPosts.body,
      hiddenAt: discussionPosts.hiddenAt,
      hiddenReason: discussionPosts.hiddenReason,
      removedAt: discussionPosts.removedAt,
      createdAt: discussionPosts.createdAt,
      editedAt: discussionPosts.editedAt,
    })
    .from(discussionPosts)
    .where(and(eq(discussionPosts.organisationId, org), eq(discussionPosts.authorId, me)))
    .orderBy(asc(discussionPosts.createdAt));
  const reports = await tx
    .select({
      postId: discussionReports.postId,
      reason: discussionReports.reason,
      createdAt: discussionReports.createdAt,
    })
    .from(discussionReports)
    .where(and(eq(discussionReports.organisationId, org), eq(discussionReports.reporterId, me)))
    .orderBy(asc(discussionReports.createdAt));
  const votes = await tx
    .select({
      versionId: frameworkVotes.versionId,
      round: frameworkVotes.round,
      kind: frameworkVotes.kind,
      itemKey: frameworkVotes.itemKey,
      body: frameworkVotes.body,
    })
    .from(frameworkVotes)
    .where(and(eq(frameworkVotes.organisationId, org), eq(frameworkVotes.userId, me)))
    .orderBy(asc(frameworkVotes.round), asc(frameworkVotes.id));
  const places = await tx
    .select({
      event: events.title,
      session: eventSessions.title,
      startsAt: events.startsAt,
      status: eventRegistrations.status,
      registeredAt: eventRegistrations.registeredAt,
      promotedAt: eventRegistrations.promotedAt,
      cancelledAt: eventRegistrations.cancelledAt,
    })
    .from(eventRegistrations)
    .innerJoin(events, and(eq(events.id, eventRegistrations.eventId), eq(events.organisationId, org)))
    .innerJoin(
      eventSessions,
      and(eq(eventSessions.id, eventRegistrations.sessionId), eq(eventSessions.organisationId, org)),
    )
    .where(and(eq(eventRegistrations.organisationId, org), eq(eventRegistrations.userId, me)))
    .orderBy(asc(events.startsAt), asc(eventRegistrations.round));
  const training = await tx
    .select({ event: events.title, startsAt: events.startsAt })
    .from(eventTrainers)
    .innerJoin(events, and(eq(events.id, eventTrainers.eventId), eq(events.organisationId, org)))
    .where(and(eq(eventTrainers.organisationId, org), eq(eventTrainers.userId, me)))
    .orderBy(asc(events.startsAt));
  const evaluations = await tx
    .select({
      event: events.title,
      overall: eventEvaluations.overall,
      usefulness: eventEvaluations.usefulness,
      takeAway: eventEvaluations.takeAway,
      suggestion: eventEvaluations.suggestion,
      submittedAt: eventEvaluations.submittedAt,
    })
    .from(eventEvaluations)
    .innerJoin(events, and(eq(events.id, eventEvaluations.eventId), eq(events.organisationId, org)))
    .where(and(eq(eventEvaluations.organisationId, org), eq(eventEvaluations.userId, me)))
    .orderBy(asc(eventEvaluations.submittedAt));
  const profile = await tx
    .select({
      topics: trainerProfiles.topics,
      weekdays: trainerProfiles.weekdays,
      availability: trainerProfiles.availability,
      updatedAt: trainerProfiles.updatedAt,
    })
    .from(trainerProfiles)
    .where(and(eq(trainerProfiles.organisationId, org), eq(trainerProfiles.userId, me)));
  const certifications = await tx
    .select({ certifiedOn: trainerCertificates.certifiedOn, validUntil: trainerCertificates.validUntil })
    .from(trainerCertificates)
    .where(and(eq(trainerCertificates.organisationId, org), eq(trainerCertificates.userId, me)))
    .orderBy(asc(trainerCertificates.certifiedOn));
  const requests = await tx
    .select({
      topic: trainerRequests.topic,
      wantedOn: trainerRequests.wantedOn,
      message: trainerRequests.message,
      status: trainerRequests.status,
      answer: trainerRequests.answer,
    })
    .from(trainerRequests)
    .where(and(eq(trainerRequests.organisationId, org), eq(trainerRequests.trainerId, me)))
    .orderBy(asc(trainerRequests.wantedOn));
  const supervised = await tx
    .select({
      givenOn: supervisedTrainings.givenOn,
      title: supervisedTrainings.title,
      feedback: supervisedTrainings.feedback,
    })
    .from(supervisedTrainings)
    .where(and(eq(supervisedTrainings.organisationId, org), eq(supervisedTrainings.userId, me)))
    .orderBy(asc(supervisedTrainings.givenOn));
  return {
    account,
    membership,
    progress,
    assignments,
    ownCases,
    posts: posts.map(({ body, hiddenAt, removedAt, hiddenReason, ...post }) => ({
      ...post,
      // As the discussion shows it: a hidden or removed post has no text, a hidden one its reason.
      state: removedAt ? "removed" : hiddenAt ? "hidden" : "visible",
      body: removedAt || hiddenAt ? "" : body,
      hiddenReason: hiddenAt && !removedAt ? hiddenReason : null,
    })),
    reports,
    votes,
    places,
    training,
    evaluations,
    profile,
    certifications,
    requests,
    supervised,
  };
}

/**
 * Everything Koers shows `person` of their own data in their organisation, one section per entry
 * of the registry of personal data. Every section is read as `person` through the use case its
 * page uses, in one transaction, so the export is one consistent moment and shows no more than
 * the pages do.
 */
export async function personalExport(tx: Tx, person: Actor, locale: Locale, now = new Date()): Promise<PersonalExport> {
  const [organisation] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, person.organisationId));
  if (!organisation) throw notFound();
  const own = await ownRows(tx, person);
  if (!own.account || !own.membership) throw notFound();
  const accessLog = await ownAccessLog(tx, person, { all: true });
  const learningPath = await shown(() => getLearningPath(tx, person, {}));
  const certificates = await shown(() => ownCertificates(tx, person));
  const attended = await shown(() => attendedEvents(tx, person));
  const friendRequests = await shown(() => listFriendRequests(tx, person));
  const sources: Record<string, SectionSource> = {
    users: records([own.account]),
    memberships: records([own.membership]),
    registrations: records(await ledgersOf(tx, person, locale)),
    login_throttle: { notShown: SYSTEM_ONLY },
    sessions: { notShown: SYSTEM_ONLY },
    password_resets: { notShown: SYSTEM_ONLY },
    invitations: { notShown: ADMINS_ONLY },
    account_mail: { notShown: SYSTEM_ONLY },
    outbox: { notShown: ADMINS_ONLY },
    audit_events: { notShown: ADMINS_ONLY },
    access_log: records(accessLog.items),
    retention_settings: { notShown: ADMINS_ONLY },
    erasure_requests: records(await ownErasureRequests(tx, person)),
    calendar_feeds: { notShown: SYSTEM_ONLY },
    notifications: records(await allNotifications(tx, person)),
    trajectories: records(await trajectoriesOf(tx, person, locale)),
    trajectory_participants: within("trajectories"),
    goal_list_versions: within("trajectories"),
    meetings: within("trajectories"),
    feedback_records: within("trajectories"),
    meeting_parts: within("trajectories"),
    qualifications: { notShown: CONTENT },
    work_hours: within("trajectories"),
    feedback_seen: within("trajectories"),
    self_assessments: within("trajectories"),
    final_reports: within("trajectories"),
    trajectory_documents: within("trajectories"),
    declaration_signatures: within("trajectories"),
    declarations: within("trajectories"),
    declaration_files: { notShown: SYSTEM_ONLY },
    archived_documents: within("trajectories"),
    intervision_groups: within("intervision_members"),
    intervision_members: records(await intervisionOf(tx, person)),
    intervision_meetings: within("intervision_members"),
    intervision_attendance: within("intervision_members"),
    competence_scans: records(await scansOf(tx, person)),
    scan_friends: records(friendRequests?.items),
    framework_votes: records(own.votes),
    framework_versions: { notShown: CONTENT },
    framework_extensions: { notShown: CONTENT },
    learning_paths: records(learningPath ? [learningPath] : []),
    module_versions: { notShown: CONTENT },
    module_progress: records(own.progress),
    module_assignments: records(own.assignments),
    certificates: records(certificates?.certificates),
    cases: records(own.ownCases),
    discussion_posts: records(own.posts),
    discussion_reports: records(own.reports),
    events: { notShown: CONTENT },
    event_trainers: records(own.training),
    event_registrations: records(own.places),
    event_attendance: records(attended?.items),
    event_evaluations: records(own.evaluations),
    trainer_profiles: records(own.profile),
    trainer_certificates: records(own.certifications),
    trainer_requests: records(own.requests),
    supervised_trainings: records(own.supervised),
  };
  return {
    format: EXPORT_FORMAT,
    madeAt: now.toISOString(),
    organisation,
    person: { id: person.membershipId, name: own.membership.displayName ?? own.account.name, email: own.account.email },
    sections: exportSections(sources, locale),
  };
}

/** The person's own export: what they see of their data, read as themselves. */
export const ownExport = (tx: Tx, actor: Actor, locale: Locale) => personalExport(tx, actor, locale);

/**
 * The admin produces a person's export on the person's request, to hand it to them: it holds
 * what the person would see, read as the person. The request and its fulfilment go into the
 * audit log, and the access log tells the person who produced it.
 */
export async function exportForPerson(
  tx: Tx,
  admin: Actor,
  membershipId: string,
  request: ExportRequest,
  locale: Locale,
): Promise<PersonalExport> {
  if (!canProduceExport(admin)) throw forbidden();
  if (request.requestedOn > dutchToday()) throw invalid({ requestedOn: "field.dateInFuture" });
  const [member] = await tx
    .select({ id: memberships.id, userId: memberships.userId, roles: memberships.roles, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, admin.organisationId)));
  if (!member || member.status === "invited") throw notFound();
  const person: Actor = {
    userId: member.userId,
    organisationId: admin.organisationId,
    membershipId: member.id,
    roles: member.roles,
    readBy: admin.userId,
  };
  const made = await personalExport(tx, person, locale);
  await recordAudit(tx, admin, {
    type: "privacy.exportProduced",
    subjectType: "person",
    subjectId: member.id,
    after: { requestedOn: request.requestedOn, format: request.format },
  });
  await logRead(tx, admin, "export", [member.userId], member.id);
  return made;
}
