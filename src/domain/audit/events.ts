import { z } from "zod";
import type { AuditEventType, AuditSubjectType } from "../audit.js";

/**
 * One schema per kind of audit event: its subject and the shape of what it keeps before and
 * after. A call site passing another shape does not typecheck, and the recorder parses every
 * event before it is written. Payloads are strict: a field not named here is refused, so what
 * the admin reads in the log is what is listed here. How to add a kind: decision 0015.
 */
function kind<T extends AuditEventType, S extends AuditSubjectType, P extends z.ZodRawShape = Record<never, never>>(
  type: T,
  subjectType: S,
  payload: P = {} as P,
) {
  return z.strictObject({
    type: z.literal(type),
    subjectType: z.literal(subjectType),
    subjectId: z.string().min(1),
    ...payload,
  });
}

type Changes<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<z.ZodNullable<S[K]>> };

/** Both sides of a `diff`: any of the fields, each possibly emptied. */
function changesOf<S extends z.ZodRawShape>(shape: S) {
  const loose = Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, (schema as z.ZodType).nullable().optional()]),
  ) as unknown as Changes<S>;
  const side = z.strictObject(loose);
  return { before: side, after: side };
}

/** What `auditFor` keeps where the regime hides the content from the admin: the names of what changed. */
const hidden = z.strictObject({ changed: z.array(z.string()), trajectoryId: z.string().optional() });
const orHidden = <S extends z.ZodType>(schema: S) => z.union([schema, hidden]).optional();

const text = z.string();
const maybeText = z.string().nullable();
const count = z.number().int();
/** A line of placement hours: its period and minutes, never its note. */
const workHoursLine = z.strictObject({ id: text, from: text, to: text, minutes: count });
const maybeCount = z.number().nullable();
const names = z.array(z.string());

const personFields = {
  displayName: maybeText,
  roles: names,
  status: text,
  jobTitle: maybeText,
  academicExperienceYears: maybeCount,
  dreyfusLevel: maybeCount,
  managerId: maybeText,
};
const registrationFields = {
  personId: text,
  register: text,
  registrationType: maybeText,
  number: text,
  validUntil: maybeText,
  reregistrationDate: maybeText,
  requirementProfile: maybeText,
};
const invitationFacts = { email: text };
const copied = z.strictObject({ key: text, basedOn: text, name: text });
const account = z.strictObject({ name: text, email: text.optional() });
const logo = z.strictObject({ mime: text, size: maybeCount }).nullable();
const status = z.strictObject({ status: text });
const goalFields = { trajectoryId: text, title: text, rationale: maybeText, successCriteria: maybeText };
const meetingFields = {
  startsAt: text,
  durationMinutes: count,
  preparationMinutes: maybeCount,
  travelMinutes: maybeCount,
  unannounced: z.boolean(),
  status: text,
  location: maybeText,
  mode: maybeText,
  groupSize: maybeCount,
  confidential: z.boolean(),
  notesChanged: z.boolean(),
  observationChanged: z.boolean(),
};
const groupFields = { name: text, description: maybeText, rhythmWeeks: count, meetingMinutes: count, method: text };
const groupMeetingFields = {
  startsAt: maybeText,
  endsAt: maybeText,
  method: maybeText,
  status: text,
  caseBringer: maybeText,
};

export const AUDIT_EVENT_SCHEMAS = [
  kind("person.created", "person", { after: z.strictObject({ email: text, ...personFields }) }),
  kind("person.updated", "person", changesOf(personFields)),
  kind("person.deactivated", "person", { before: status, after: status }),
  kind("person.reactivated", "person", { before: status, after: status }),
  kind("person.imported", "person", {
    after: z.strictObject({
      email: text,
      displayName: text,
      roles: names,
      status: z.literal("invited"),
      jobTitle: maybeText,
      academicExperienceYears: maybeCount,
      dreyfusLevel: maybeCount,
      registration: z.record(z.string(), z.unknown()).nullable(),
    }),
  }),
  kind("person.accountUpdated", "person", { before: account, after: account }),
  kind("registration.created", "registration", { after: z.strictObject(registrationFields) }),
  kind("registration.updated", "registration", changesOf(registrationFields)),
  kind("registration.deleted", "registration", { before: z.strictObject(registrationFields) }),
  kind("invitation.created", "invitation", {
    after: z.strictObject({ ...invitationFacts, name: text, roles: names }),
  }),
  kind("invitation.accepted", "invitation", {
    after: z.strictObject({ ...invitationFacts, roles: names, membershipId: text }),
  }),
  kind("invitation.revoked", "invitation", {
    before: z.strictObject({ ...invitationFacts, status: text }),
    after: z.strictObject({ ...invitationFacts, status: z.literal("revoked") }),
  }),
  kind("invitation.resent", "invitation", {
    before: z.strictObject({ ...invitationFacts, expiresAt: text }),
    after: z.strictObject({ ...invitationFacts, expiresAt: text }),
  }),
  kind("branding.updated", "organisation", changesOf({ name: text, primaryColor: maybeText })),
  kind("logo.updated", "organisation", { before: logo, after: logo }),
  kind("network.renamed", "network", changesOf({ name: text })),
  kind("network.certificateValidityChanged", "network", {
    before: z.strictObject({ months: count.nullable() }),
    after: z.strictObject({ months: count.nullable() }),
  }),
  // The rule in short: "all" or "quorum:<min>".
  kind("network.consensusRuleChanged", "network", {
    before: z.strictObject({ rule: text }),
    after: z.strictObject({ rule: text }),
  }),
  // A framework's versions: the subject is the framework; the number names the version.
  kind("framework.draftStarted", "framework", { after: z.strictObject({ number: count, from: count.nullable() }) }),
  kind("framework.versionSaved", "framework", {
    before: z.strictObject({ number: count, round: count }),
    // The keys of what was added, changed or retired: never the texts.
    after: z.strictObject({ number: count, round: count, added: names, changed: names, retired: names }),
  }),
  // An organisation's own additions to a network framework: the keys of its skills, never the texts.
  kind("framework.extended", "framework", {
    after: z.strictObject({ added: names, changed: names, removed: names }),
  }),
  // A self-scan and its critical friends: never a rating, never a friend's name or address.
  kind("scan.started", "scan", {
    after: z.strictObject({ frameworkId: text, versionNumber: count, variant: text }),
  }),
  kind("scan.finished", "scan", { after: z.strictObject({ rated: count }) }),
  kind("scanFriend.invited", "scan", {
    after: z.strictObject({ friendId: text, kind: text, by: z.enum(["app", "mail"]) }),
  }),
  kind("scanFriend.withdrawn", "scan", { after: z.strictObject({ friendId: text, kind: text }) }),
  kind("scanFriend.answered", "scan", { after: z.strictObject({ friendId: text, kind: text }) }),
  kind("scanFriend.declined", "scan", { after: z.strictObject({ friendId: text, kind: text }) }),
  // A werkbegeleider's learning path: competence keys only, never a note's text.
  kind("learningPath.created", "learningPath", { after: z.strictObject({ competences: names }) }),
  kind("learningPath.updated", "learningPath", {
    before: z.strictObject({ version: count }),
    after: z.strictObject({
      version: count,
      added: names,
      removed: names,
      moved: names,
      statusChanged: names,
      noteChanged: names,
    }),
  }),
  kind("learningPath.proposalAccepted", "learningPath", {
    before: z.strictObject({ version: count }),
    after: z.strictObject({ version: count, added: names, closed: names, reordered: names }),
  }),
  kind("framework.votingOpened", "framework", { after: z.strictObject({ number: count, round: count }) }),
  // A vote's kind and the item it is about; the reason or comment stays with the vote.
  kind("framework.voteCast", "framework", {
    after: z.strictObject({ number: count, round: count, kind: text, itemKey: text.nullable() }),
  }),
  kind("framework.published", "framework", { after: z.strictObject({ number: count, round: count, hash: text }) }),
  kind("framework.withdrawn", "framework", {
    before: z.strictObject({ number: count, status: text }),
    after: z.strictObject({ number: count, status: z.literal("withdrawn") }),
  }),
  // Modules: numbers and keys, never a learner's answer, reflection or description.
  kind("module.draftStarted", "module", {
    after: z.strictObject({ number: count, from: count.nullable(), copiedFrom: text.nullable() }),
  }),
  kind("module.versionSaved", "module", {
    before: z.strictObject({ number: count }),
    after: z.strictObject({ number: count, added: names, changed: names, removed: names }),
  }),
  kind("module.published", "module", { after: z.strictObject({ number: count, hash: text }) }),
  kind("module.completed", "module", { after: z.strictObject({ number: count, competences: names }) }),
  // Cases: what the privacy check found by kind, never the text.
  kind("case.created", "case"),
  kind("case.submitted", "case", { after: z.strictObject({ warnings: names }) }),
  kind("case.reviewed", "case", { after: z.strictObject({ decision: z.enum(["approve", "return"]) }) }),
  kind("case.withdrawn", "case"),
  kind("discussion.postHidden", "discussion", {
    after: z.strictObject({ subjectKind: z.enum(["case", "module"]), subjectId: text }),
  }),
  kind("certificate.issued", "certificate", {
    after: z.strictObject({ kind: text, subjectId: text, contentSha256: text }),
  }),
  kind("assignment.submitted", "module", {
    after: z.strictObject({ assignmentId: text, blockKey: text, evidence: z.boolean() }),
  }),
  kind("assignment.reviewed", "module", {
    after: z.strictObject({
      assignmentId: text,
      blockKey: text,
      learnerId: text,
      decision: z.enum(["sign_off", "return"]),
    }),
  }),
  kind("regime.copied", "regime", { after: copied }),
  kind("qualification.saved", "qualification", {
    after: z.strictObject({ name: text, coreTasks: count, workProcesses: count }),
  }),
  kind("qualification.deleted", "qualification", { before: z.strictObject({ name: text }) }),
  kind("regime.updated", "regime", {
    before: z.strictObject({ version: count }),
    after: z.strictObject({ version: count }),
  }),
  kind("requirementProfile.copied", "requirementProfile", { after: copied }),
  kind(
    "requirementProfile.updated",
    "requirementProfile",
    (() => {
      // The version, and of the figures only those that changed.
      const side = z.strictObject({
        version: count,
        name: text.optional(),
        periodYears: z.number().optional(),
        requirements: text.optional(),
        supervisieConversion: text.optional(),
      });
      return { before: side, after: side };
    })(),
  ),
  kind("trajectory.created", "trajectory", {
    after: z.strictObject({
      title: text,
      regime: text,
      startsOn: text.optional(),
      endsOn: text.optional(),
      guideEligibility: text.optional(),
      escalatedFrom: text.optional(),
    }),
  }),
  kind("trajectory.participantAdded", "trajectory", { after: z.strictObject({ role: text, personId: text }) }),
  kind("trajectory.participantRemoved", "trajectory", { before: z.strictObject({ role: text, personId: text }) }),
  kind("trajectory.workHoursRecorded", "trajectory", { after: workHoursLine }),
  kind("trajectory.workHoursRemoved", "trajectory", { before: workHoursLine }),
  // The plan's fields are the regime's own, so only their values are checked.
  kind("trajectory.planUpdated", "trajectory", {
    before: orHidden(z.record(z.string(), z.unknown())),
    after: orHidden(z.record(z.string(), z.unknown())),
  }),
  kind("trajectory.consentGiven", "trajectory", { after: z.strictObject({ consents: names }) }),
  kind("trajectory.statusChanged", "trajectory", {
    before: status,
    after: z.strictObject({
      status: text,
      transition: text,
      reason: text.optional(),
      reasonCode: text.optional(),
      on: text.optional(),
      override: z.literal(true).optional(),
      escalatedTo: text.optional(),
    }),
  }),
  kind("goal.created", "goal", {
    before: orHidden(z.strictObject(goalFields)),
    after: orHidden(z.strictObject(goalFields)),
  }),
  kind(
    "goal.updated",
    "goal",
    (() => {
      const side = orHidden(changesOf(goalFields).after);
      return { before: side, after: side };
    })(),
  ),
  kind("goal.deleted", "goal", {
    before: orHidden(z.strictObject({ trajectoryId: text, title: text })),
    after: orHidden(z.strictObject({ trajectoryId: text, title: text })),
  }),
  kind("goals.approved", "trajectory", {
    before: orHidden(z.strictObject({ number: count, goals: names })),
    after: orHidden(z.strictObject({ number: count, goals: names })),
  }),
  kind("meeting.planned", "meeting", {
    after: z.strictObject({ trajectoryId: text, type: text, startsAt: text, unannounced: z.boolean().optional() }),
  }),
  kind("meeting.updated", "meeting", changesOf(meetingFields)),
  kind("feedback.saved", "feedback", {
    after: z.strictObject({ meetingId: text.optional(), number: count, correctionOf: text.optional() }),
  }),
  kind("feedback.shared", "feedback", {
    after: z.strictObject({ meetingId: text, number: count, sharedAt: text.optional() }),
  }),
  kind("feedback.seen", "feedback", { after: z.strictObject({ seen: z.literal(true) }) }),
  kind("selfAssessment.submitted", "meeting", { after: z.strictObject({ goals: count }) }),
  // The part's text stays out of the log: the admin may not read a meeting's notes in every regime.
  kind("meeting.partWritten", "meeting", { after: z.strictObject({ role: text }) }),
  kind("report.updated", "report", { after: z.strictObject({ sections: names }) }),
  kind("report.finalised", "report", { after: z.strictObject({ contentSha256: text }) }),
  kind("declaration.signed", "declaration", {
    after: z.strictObject({ kind: text, number: count, slot: text, contentSha256: text, status: text }),
  }),
  kind("declaration.versionStarted", "declaration", {
    before: z.strictObject({ number: count, status: text }),
    after: z.strictObject({ kind: text, number: count }),
  }),
  kind("declaration.deviationUpdated", "declaration", {
    before: z.strictObject({ deviation: maybeText }),
    after: z.strictObject({ deviation: maybeText }),
  }),
  kind("motivation.uploaded", "trajectory", {
    after: z.strictObject({ fileName: text, sha256: text, size: count }),
  }),
  kind("calendar.renewed", "calendar"),
  kind("privacy.retentionEnabled", "organisation"),
  kind("privacy.retentionDisabled", "organisation"),
  kind("privacy.retentionPeriodsChanged", "organisation", {
    before: z.strictObject({ periods: z.record(z.string(), count) }),
    after: z.strictObject({ periods: z.record(z.string(), count) }),
  }),
  kind("privacy.exportProduced", "person", {
    after: z.strictObject({ requestedOn: text, format: z.enum(["json", "pdf"]) }),
  }),
  kind("privacy.erasureRequested", "person", { after: z.strictObject({ requestId: text }) }),
  kind("privacy.erased", "person", { after: z.strictObject({ requestedOn: text, keptUntil: text }) }),
  kind("intervisionGroup.created", "intervisionGroup", {
    after: z.strictObject({ name: text, rhythmWeeks: count, meetingMinutes: count, method: text, member: text }),
  }),
  kind("intervisionGroup.updated", "intervisionGroup", changesOf(groupFields)),
  kind("intervisionGroup.archived", "intervisionGroup"),
  kind("intervisionGroup.memberAdded", "intervisionGroup", { after: z.strictObject({ member: text.optional() }) }),
  kind("intervisionGroup.memberRemoved", "intervisionGroup", { before: z.strictObject({ member: text }) }),
  kind("intervisionMeeting.planned", "intervisionMeeting", {
    after: z.strictObject({ startsAt: maybeText, endsAt: maybeText, method: maybeText, caseBringer: maybeText }),
  }),
  kind("intervisionMeeting.updated", "intervisionMeeting", changesOf(groupMeetingFields)),
  kind("intervisionMeeting.held", "intervisionMeeting", {
    after: z.strictObject({ status: z.literal("held"), present: text }),
  }),
  kind("intervisionMeeting.attendanceConfirmed", "intervisionMeeting", {
    after: z.strictObject({ member: maybeText }),
  }),
  // The notes stay out of the log, which the admin reads: only that they were saved.
  kind("intervisionMeeting.notesSaved", "intervisionMeeting"),
  kind("event.created", "event", {
    after: z.strictObject({ title: text, kind: text, startsAt: text, member: text }),
  }),
  kind(
    "event.updated",
    "event",
    changesOf({
      title: text,
      kind: text,
      audience: text,
      startsAt: text,
      endsAt: text,
      place: maybeText,
      onlineUrl: maybeText,
      registrationDeadline: text,
      session: text,
      member: text,
    }),
  ),
  kind("event.cancelled", "event"),
  // A place, a line on the waiting list, or one given up: whose, in which session, which it was.
  kind("event.registered", "event", { after: z.strictObject({ member: text, session: text, status: text }) }),
  kind("event.registrationCancelled", "event", {
    before: z.strictObject({ member: text, session: text, status: text }),
  }),
  kind("event.promoted", "event", { after: z.strictObject({ member: text, session: text }) }),
  kind("event.attendance", "event", { after: z.strictObject({ member: text, present: z.boolean() }) }),
  kind("trainer.profileUpdated", "person", changesOf({ topics: names, weekdays: z.array(count), availability: text })),
  // A coordinator certifies a trainer of any member: the trainer's name and organisation.
  kind("trainer.certified", "person", {
    after: z.strictObject({ member: text, organisation: text, certifiedOn: text, validUntil: maybeText }),
  }),
  kind("trainer.requested", "trainerRequest", {
    after: z.strictObject({ member: text, organisation: text, topic: text, wantedOn: text }),
  }),
  kind("trainer.requestAnswered", "trainerRequest", {
    after: z.strictObject({ member: text, organisation: text, status: text }),
  }),
  kind("trainer.requestWithdrawn", "trainerRequest", {
    after: z.strictObject({ member: text, organisation: text, status: text }),
  }),
  // The train-the-trainer path: which training, when, under whom; the supervisor's feedback stays out.
  kind("trainer.supervisedTrainingRecorded", "person", {
    after: z.strictObject({ member: text, title: text, givenOn: text, supervisor: text }),
  }),
  kind("trainer.supervisedTrainingSignedOff", "person", {
    after: z.strictObject({ member: text, title: text, givenOn: text }),
  }),
] as const;

export const auditEventSchema = z.discriminatedUnion("type", AUDIT_EVENT_SCHEMAS);

/** An audit event as a call site writes it. */
export type AuditEvent = z.input<typeof auditEventSchema>;

// Every kind in AUDIT_EVENT_TYPES has a schema (and the other way round), or this does not compile.
type Missing = Exclude<AuditEventType, AuditEvent["type"]>;
const everyKind: [Missing] extends [never] ? true : Missing = true;
void everyKind;

/** The event as checked, for writing; throws on a shape its kind does not allow. */
export const parseAuditEvent = (event: AuditEvent) => auditEventSchema.parse(event);
