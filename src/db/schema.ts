import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { CaseStatus } from "../domain/cases/api.js";
import type { CertificateContent, CertificateKind } from "../domain/certificates/certificate.js";
import type { RaterKind } from "../domain/competences/anonymity.js";
import type { ConsensusRule } from "../domain/competences/consensus.js";
import type { Extension, Framework } from "../domain/competences/framework.js";
import type { PathItem } from "../domain/competences/path.js";
import type { DiscussionSubject } from "../domain/discussions/rules.js";
import type { GuideEligibilityRecord } from "../domain/eligibility/model.js";
import type { EventKind } from "../domain/events/api.js";
import type { PlaceStatus } from "../domain/events/places.js";
import type { Audience } from "../domain/events/policy.js";
import type { RequirementProfile } from "../domain/evidence/profile.js";
import type { ModuleDocument } from "../domain/modules/module.js";
import type { AssignmentStatus, ProgressState } from "../domain/modules/progress.js";
import type { AccessKind } from "../domain/privacy/access.js";
import type { CoreTask } from "../domain/qualifications/parse.js";
import type { Intensity, ParticipantRole } from "../domain/regimes/schema.js";
import type { StoredRegime } from "../domain/regimes/upgrade.js";
import type { Role } from "../domain/roles.js";
import type {
  ConsentRecord,
  EvaluationMoment,
  FeedbackContent,
  GoalRationale,
  GoalSnapshot,
  MeetingMode,
  MeetingStatus,
  Observation,
  SelfAssessmentContent,
} from "../domain/trajectories/model.js";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const networks = pgTable("networks", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  version: integer("version").notNull().default(1),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  /** When a framework version is agreed: every member, or a quorum (decision 0018). */
  consensusRule: jsonb("consensus_rule").$type<ConsensusRule>().notNull().default({ kind: "all" }),
  /** How many months a trainer certificate holds; null: until a later one replaces it. */
  certificateValidityMonths: integer("certificate_validity_months"),
});

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  networkId: uuid("network_id"),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  primaryColor: text("primary_color").notNull(),
  logo: bytea("logo"),
  logoMime: text("logo_mime"),
  logoUpdatedAt: ts("logo_updated_at"),
  version: integer("version").notNull().default(1),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    locale: text("locale").$type<"nl" | "en">().notNull().default("nl"),
    lastOrganisationId: uuid("last_organisation_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (table) => [uniqueIndex("users_email_key").on(sql`lower(${table.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    roles: text("roles").array().$type<Role[]>().notNull().default(sql`'{}'`),
    status: text("status").$type<"invited" | "active" | "deactivated">().notNull().default("active"),
    jobTitle: text("job_title"),
    academicExperienceYears: integer("academic_experience_years"),
    dreyfusLevel: smallint("dreyfus_level"),
    /** The membership of this person's manager in the same organisation. */
    managerId: uuid("manager_id"),
    /** This organisation's own name for the member; while invited, the name the admin typed. */
    displayName: text("display_name"),
    /** When the person accepted the invitation; null for a membership that never joined. */
    joinedAt: ts("joined_at"),
    /** When the person was erased from the organisation: the membership is then a pseudonym's. */
    erasedAt: ts("erased_at"),
    /** The Dutch day the membership was deactivated; null while it lasts. What is kept after it counts from here. */
    endedOn: date("ended_on", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.organisationId, table.userId)],
);

export const registrations = pgTable("registrations", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  membershipId: uuid("membership_id").notNull(),
  register: text("register").notNull(),
  registrationType: text("registration_type").notNull(),
  number: text("number").notNull(),
  validUntil: date("valid_until", { mode: "string" }),
  reregistrationDate: date("reregistration_date", { mode: "string" }),
  /** The key of the requirement profile this registration's period is measured against. */
  requirementProfile: text("requirement_profile"),
  version: integer("version").notNull().default(1),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  userId: uuid("user_id").notNull(),
  organisationId: uuid("organisation_id").notNull(),
  csrfToken: text("csrf_token").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  expiresAt: ts("expires_at").notNull(),
});

export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: ts("window_started_at").notNull().defaultNow(),
  lockedUntil: ts("locked_until"),
});

export const passwordResets = pgTable("password_resets", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id").notNull(),
  expiresAt: ts("expires_at").notNull(),
  usedAt: ts("used_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const invitations = pgTable("invitations", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  roles: text("roles").array().$type<Role[]>().notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  invitedBy: uuid("invited_by"),
  expiresAt: ts("expires_at").notNull(),
  acceptedAt: ts("accepted_at"),
  revokedAt: ts("revoked_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const outbox = pgTable("outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  bodyText: text("body_text").notNull(),
  sensitive: boolean("sensitive").notNull().default(false),
  createdAt: ts("created_at").notNull().defaultNow(),
  sentAt: ts("sent_at"),
  /** Delivery (docs/decisions/0012): attempts made, the last failure's kind and SMTP code, the lease. */
  attempts: integer("attempts").notNull().default(0),
  lastAttemptAt: ts("last_attempt_at"),
  lastError: text("last_error"),
  lastErrorCode: smallint("last_error_code"),
  nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
  lockedUntil: ts("locked_until"),
});

/** A person's own account mail (password resets): no organisation reads it. */
export const accountMail = pgTable("account_mail", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id"),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  bodyText: text("body_text").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  sentAt: ts("sent_at"),
  /** Delivery (docs/decisions/0012): attempts made, the last failure's kind and SMTP code, the lease. */
  attempts: integer("attempts").notNull().default(0),
  lastAttemptAt: ts("last_attempt_at"),
  lastError: text("last_error"),
  lastErrorCode: smallint("last_error_code"),
  nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
  lockedUntil: ts("locked_until"),
});

export const auditEvents = pgTable("audit_events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  organisationId: uuid("organisation_id").notNull(),
  actorUserId: uuid("actor_user_id"),
  type: text("type").notNull(),
  subjectType: text("subject_type").notNull(),
  subjectId: text("subject_id").notNull(),
  before: jsonb("before"),
  after: jsonb("after"),
  // The request's address and browser; null where no request made the change.
  ip: text("ip"),
  userAgent: text("user_agent"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const regimes = pgTable(
  "regimes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    key: text("key").notNull(),
    basedOn: text("based_on").notNull(),
    // As stored: read it through upgradeRegime, which gives older documents the sections they lack.
    document: jsonb("document").$type<StoredRegime>().notNull(),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.organisationId, table.key)],
);

export const regimeVersions = pgTable("regime_versions", {
  organisationId: uuid("organisation_id").notNull(),
  hash: text("hash").notNull(),
  // As stored: read it through upgradeRegime, which gives older documents the sections they lack.
  document: jsonb("document").$type<StoredRegime>().notNull(),
  /** The keys of its dated declarations (due after the start, by the end or before re-registration), from the document. */
  datedDeclarations: jsonb("dated_declarations")
    .$type<string[]>()
    .notNull()
    .generatedAlwaysAs(
      sql`jsonb_path_query_array(document, '$.declarations[*] ? (@.dueBy != null || @.dueDaysAfterStart != null).key')`,
    ),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const trajectories = pgTable("trajectories", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  regimeHash: text("regime_hash").notNull(),
  regimeKey: text("regime_key").notNull(),
  title: text("title").notNull(),
  status: text("status").notNull(),
  closed: boolean("closed").notNull().default(false),
  startsOn: date("starts_on").notNull(),
  endsOn: date("ends_on").notNull(),
  plan: jsonb("plan").$type<Record<string, string>>().notNull().default({}),
  consents: jsonb("consents").$type<Record<string, ConsentRecord>>().notNull().default({}),
  intensity: jsonb("intensity").$type<Intensity | null>(),
  evaluationMoments: jsonb("evaluation_moments").$type<EvaluationMoment[]>().notNull().default([]),
  escalatedFromId: uuid("escalated_from_id"),
  statusReason: text("status_reason"),
  /** The reason chosen from the regime's list (why a student stopped), and the day the status took effect. */
  statusReasonCode: text("status_reason_code"),
  statusOn: date("status_on"),
  guideEligibility: jsonb("guide_eligibility").$type<GuideEligibilityRecord | null>(),
  version: integer("version").notNull().default(1),
  /**
   * Changes with every change to the parts the to-do list is worked out from (kept by triggers,
   * migration 0044): what a process keeps of them is good while this is what it was.
   */
  revision: bigint("revision", { mode: "number" }).notNull().default(0),
  createdBy: uuid("created_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const trajectoryParticipants = pgTable(
  "trajectory_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    trajectoryId: uuid("trajectory_id").notNull(),
    userId: uuid("user_id").notNull(),
    role: text("role").$type<ParticipantRole>().notNull(),
  },
  (table) => [unique().on(table.trajectoryId, table.userId, table.role)],
);

export const goals = pgTable("goals", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  trajectoryId: uuid("trajectory_id").notNull(),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  rationale: text("rationale").$type<GoalRationale | null>(),
  successCriteria: text("success_criteria"),
  originGoalId: uuid("origin_goal_id"),
  version: integer("version").notNull().default(1),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const goalListVersions = pgTable(
  "goal_list_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    trajectoryId: uuid("trajectory_id").notNull(),
    number: integer("number").notNull(),
    goals: jsonb("goals").$type<GoalSnapshot[]>().notNull(),
    approvedBy: uuid("approved_by").notNull(),
    approvedAt: ts("approved_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.trajectoryId, table.number)],
);

export const meetings = pgTable("meetings", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  trajectoryId: uuid("trajectory_id").notNull(),
  type: text("type").notNull(),
  startsAt: ts("starts_at").notNull(),
  durationMinutes: integer("duration_minutes").notNull(),
  preparationMinutes: integer("preparation_minutes").notNull().default(0),
  travelMinutes: integer("travel_minutes").notNull().default(0),
  unannounced: boolean("unannounced").notNull().default(false),
  status: text("status").$type<MeetingStatus>().notNull().default("planned"),
  heldAt: ts("held_at"),
  location: text("location"),
  notes: text("notes"),
  confidential: boolean("confidential").notNull().default(false),
  observation: jsonb("observation").$type<Observation | null>(),
  /** How it took place, where the regime's evidence cares: in person, by video or by phone. */
  mode: text("mode").$type<MeetingMode | null>(),
  /** The group size it counts for (supervisie), recorded when it is held, never recomputed. */
  groupSize: integer("group_size"),
  version: integer("version").notNull().default(1),
  createdBy: uuid("created_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** A participant's own part of a meeting's report, such as the BPV-docent's in a three-way conversation. */
export const meetingParts = pgTable(
  "meeting_parts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    trajectoryId: uuid("trajectory_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    role: text("role").$type<ParticipantRole>().notNull(),
    writtenBy: uuid("written_by").notNull(),
    text: text("text").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.meetingId, table.writtenBy)],
);

/** A qualification's core tasks and work processes, as the organisation keeps them, to pick goals from. */
export const qualifications = pgTable("qualifications", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  name: text("name").notNull(),
  code: text("code"),
  tasks: jsonb("tasks").$type<CoreTask[]>().notNull(),
  version: integer("version").notNull().default(1),
  updatedBy: uuid("updated_by").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** Hours a student worked on the placement in a period, as the workplace records them. */
export const workHours = pgTable("work_hours", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  trajectoryId: uuid("trajectory_id").notNull(),
  workedFrom: date("worked_from", { mode: "string" }).notNull(),
  workedTo: date("worked_to", { mode: "string" }).notNull(),
  minutes: integer("minutes").notNull(),
  note: text("note"),
  recordedBy: uuid("recorded_by").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/** A read of a person's data by someone else: who, when, what (decision 0036). Append-only. */
export const accessLog = pgTable("access_log", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  subjectUserId: uuid("subject_user_id").notNull(),
  viewerUserId: uuid("viewer_user_id"),
  kind: text("kind").$type<AccessKind>().notNull(),
  recordId: uuid("record_id"),
  at: ts("at").notNull().defaultNow(),
});

/** Whether the nightly retention job acts for the organisation: once its admin saw the dry run (decision 0038). */
export const retentionSettings = pgTable("retention_settings", {
  organisationId: uuid("organisation_id").primaryKey(),
  enabledAt: ts("enabled_at"),
  enabledBy: uuid("enabled_by"),
  /** The organisation's own months per kind of data (by table), within the registry's range. */
  periods: jsonb("periods").$type<Record<string, number>>().notNull().default({}),
  periodsBy: uuid("periods_by"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/**
 * A person's request to be erased from the organisation, and once applied what erasure did: per
 * table, how many records were deleted, anonymised or kept, and until when the kept evidence may
 * be audited (decision 0039).
 */
export const erasureRequests = pgTable(
  "erasure_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    requestedOn: date("requested_on", { mode: "string" }).notNull(),
    requestedBy: uuid("requested_by"),
    note: text("note"),
    appliedAt: ts("applied_at"),
    appliedBy: uuid("applied_by"),
    /** Per kind, what erasure did to how many records: the lines the review showed. */
    outcome: jsonb("outcome").$type<{ table: string; action: "delete" | "anonymise" | "keep"; count: number }[]>(),
    keptUntil: date("kept_until", { mode: "string" }),
    /** Who the person was, while evidence about them is kept for a register's audit; cleared after. */
    sealed: jsonb("sealed").$type<{
      name: string;
      email: string;
      registrations: { register: string; number: string }[];
    }>(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  // One open request per membership: asking again while one is open changes nothing.
  (table) => [uniqueIndex("erasure_requests_open_idx").on(table.membershipId).where(sql`applied_at IS NULL`)],
);

/** One run of the retention job for one organisation, with how many records it removed per table. */
export const retentionRuns = pgTable("retention_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  ranAt: ts("ran_at").notNull().defaultNow(),
  day: date("day", { mode: "string" }).notNull(),
  removed: jsonb("removed").$type<Record<string, number>>().notNull(),
});

export const feedbackRecords = pgTable(
  "feedback_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    trajectoryId: uuid("trajectory_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    number: integer("number").notNull(),
    content: jsonb("content").$type<FeedbackContent>().notNull(),
    correctionReason: text("correction_reason"),
    sharedAt: ts("shared_at"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.meetingId, table.number)],
);

export const feedbackSeen = pgTable("feedback_seen", {
  feedbackRecordId: uuid("feedback_record_id").notNull(),
  organisationId: uuid("organisation_id").notNull(),
  userId: uuid("user_id").notNull(),
  seenAt: ts("seen_at").notNull().defaultNow(),
});

export const selfAssessments = pgTable(
  "self_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    trajectoryId: uuid("trajectory_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    userId: uuid("user_id").notNull(),
    content: jsonb("content").$type<SelfAssessmentContent>().notNull(),
    version: integer("version").notNull().default(1),
    submittedAt: ts("submitted_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.meetingId, table.userId)],
);

export const finalReports = pgTable("final_reports", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  trajectoryId: uuid("trajectory_id").notNull().unique(),
  sections: jsonb("sections").$type<Record<string, string>>().notNull(),
  status: text("status").$type<"draft" | "final">().notNull().default("draft"),
  finalisedAt: ts("finalised_at"),
  finalisedBy: uuid("finalised_by"),
  contentSha256: text("content_sha256"),
  version: integer("version").notNull().default(1),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.organisationId, table.userId)],
);

export const requirementProfiles = pgTable(
  "requirement_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    key: text("key").notNull(),
    basedOn: text("based_on").notNull(),
    document: jsonb("document").$type<RequirementProfile>().notNull(),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.organisationId, table.key)],
);

export const trajectoryDocuments = pgTable("trajectory_documents", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  trajectoryId: uuid("trajectory_id").notNull(),
  kind: text("kind").$type<"motivation">().notNull(),
  fileName: text("file_name").notNull(),
  mime: text("mime").notNull(),
  content: bytea("content").notNull(),
  sha256: text("sha256").notNull(),
  uploadedBy: uuid("uploaded_by").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const declarations = pgTable(
  "declarations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    trajectoryId: uuid("trajectory_id").notNull(),
    /** The key of the declaration in the trajectory's regime. */
    kind: text("kind").notNull(),
    number: integer("number").notNull(),
    status: text("status").$type<"open" | "signed" | "superseded">().notNull().default("open"),
    deviation: text("deviation"),
    content: jsonb("content").$type<Record<string, unknown> | null>(),
    contentSha256: text("content_sha256"),
    frozenAt: ts("frozen_at"),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.trajectoryId, table.kind, table.number)],
);

export const declarationSignatures = pgTable(
  "declaration_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    declarationId: uuid("declaration_id").notNull(),
    signerKey: text("signer_key").notNull(),
    userId: uuid("user_id").notNull(),
    /** The signer's name as it was at signing, shown on documents and the verification page. */
    signerName: text("signer_name").notNull(),
    contentSha256: text("content_sha256").notNull(),
    signedAt: ts("signed_at").notNull().defaultNow(),
    ip: text("ip").notNull(),
    userAgent: text("user_agent"),
  },
  (table) => [unique().on(table.declarationId, table.signerKey)],
);

export const declarationFiles = pgTable("declaration_files", {
  sha256: text("sha256").primaryKey(),
  organisationId: uuid("organisation_id").notNull(),
  declarationId: uuid("declaration_id").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/** A document's bytes made once when it became final (signed, finalised), per view; never changed. */
export const archivedDocuments = pgTable(
  "archived_documents",
  {
    organisationId: uuid("organisation_id").notNull(),
    kind: text("kind").$type<"declaration" | "final_report" | "certificate">().notNull(),
    subjectId: uuid("subject_id").notNull(),
    viewSha256: text("view_sha256").notNull(),
    content: bytea("content").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.subjectId, table.viewSha256] })],
);

export const notifications = pgTable("notifications", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  userId: uuid("user_id").notNull(),
  kind: text("kind").notNull(),
  params: jsonb("params").$type<Record<string, string | number | null>>().notNull().default({}),
  link: text("link"),
  createdAt: ts("created_at").notNull().defaultNow(),
  readAt: ts("read_at"),
});

export const remindersSent = pgTable("reminders_sent", {
  organisationId: uuid("organisation_id").notNull(),
  key: text("key").notNull(),
  sentAt: ts("sent_at").notNull().defaultNow(),
});

export const intervisionGroups = pgTable("intervision_groups", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  name: text("name").notNull(),
  description: text("description"),
  rhythmWeeks: integer("rhythm_weeks").notNull(),
  meetingMinutes: integer("meeting_minutes").notNull(),
  method: text("method").notNull(),
  archived: boolean("archived").notNull().default(false),
  version: integer("version").notNull().default(1),
  createdBy: uuid("created_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const intervisionMembers = pgTable(
  "intervision_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    groupId: uuid("group_id").notNull(),
    userId: uuid("user_id").notNull(),
    joinedAt: ts("joined_at").notNull().defaultNow(),
    leftAt: ts("left_at"),
  },
  (table) => [unique().on(table.groupId, table.userId)],
);

export const intervisionMeetings = pgTable("intervision_meetings", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  groupId: uuid("group_id").notNull(),
  startsAt: ts("starts_at").notNull(),
  endsAt: ts("ends_at").notNull(),
  method: text("method").notNull(),
  caseBringerId: uuid("case_bringer_id"),
  status: text("status").$type<"planned" | "held" | "cancelled">().notNull().default("planned"),
  notes: text("notes"),
  version: integer("version").notNull().default(1),
  createdBy: uuid("created_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const intervisionAttendance = pgTable("intervision_attendance", {
  organisationId: uuid("organisation_id").notNull(),
  meetingId: uuid("meeting_id").notNull(),
  userId: uuid("user_id").notNull(),
  present: boolean("present").notNull(),
  confirmedAt: ts("confirmed_at"),
});

// The learning network (migration 0016; decisions 0018 and 0019).

export const frameworks = pgTable(
  "frameworks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerNetworkId: uuid("owner_network_id"),
    ownerOrganisationId: uuid("owner_organisation_id"),
    key: text("key").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("frameworks_network_key").on(table.ownerNetworkId, table.key),
    uniqueIndex("frameworks_organisation_key").on(table.ownerOrganisationId, table.key),
  ],
);

export type FrameworkVersionStatus = "draft" | "voting" | "published" | "withdrawn";

export const frameworkVersions = pgTable(
  "framework_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id").notNull(),
    ownerNetworkId: uuid("owner_network_id"),
    ownerOrganisationId: uuid("owner_organisation_id"),
    number: integer("number").notNull(),
    status: text("status").$type<FrameworkVersionStatus>().notNull().default("draft"),
    /** The consensus round: a change after a rejection starts the next one. */
    round: integer("round").notNull().default(0),
    document: jsonb("document").$type<Framework>().notNull(),
    /** The hash of the document, set when it is published; a trigger keeps it frozen from then on. */
    hash: text("hash"),
    changeNote: text("change_note"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    votingOpenedAt: ts("voting_opened_at"),
    publishedAt: ts("published_at"),
  },
  (table) => [
    unique().on(table.frameworkId, table.number),
    uniqueIndex("framework_versions_one_open").on(table.frameworkId).where(sql`status IN ('draft', 'voting')`),
  ],
);

export const frameworkVotes = pgTable("framework_votes", {
  id: uuid("id").primaryKey().defaultRandom(),
  versionId: uuid("version_id").notNull(),
  networkId: uuid("network_id").notNull(),
  /** The member organisation that spoke. */
  organisationId: uuid("organisation_id").notNull(),
  userId: uuid("user_id").notNull(),
  round: integer("round").notNull(),
  kind: text("kind").$type<"approve" | "reject" | "comment">().notNull(),
  /** The competence, skill or behaviour it is about; null for the version as a whole. */
  itemKey: text("item_key"),
  /** A rejection's reason, or the comment. */
  body: text("body"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const frameworkExtensions = pgTable(
  "framework_extensions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    frameworkId: uuid("framework_id").notNull(),
    extensions: jsonb("extensions").$type<Extension[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.organisationId, table.frameworkId)],
);

export const competenceScans = pgTable(
  "competence_scans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    frameworkVersionId: uuid("framework_version_id").notNull(),
    /** The organisation's extensions as they were when the scan began. */
    extensions: jsonb("extensions").$type<Extension[]>().notNull().default([]),
    variant: text("variant").notNull(),
    status: text("status").$type<"open" | "finished">().notNull().default("open"),
    /** Behaviour key → the werkbegeleider's own rating on the scale, or null. */
    ratings: jsonb("ratings").$type<Record<string, number | null>>().notNull().default({}),
    /** Competence key → an example the werkbegeleider gives. */
    examples: jsonb("examples").$type<Record<string, string>>().notNull().default({}),
    version: integer("version").notNull().default(1),
    startedAt: ts("started_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    finishedAt: ts("finished_at"),
  },
  (table) => [
    uniqueIndex("competence_scans_one_open").on(table.organisationId, table.userId).where(sql`status = 'open'`),
  ],
);

export const scanFriends = pgTable("scan_friends", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  scanId: uuid("scan_id").notNull(),
  kind: text("kind").$type<RaterKind>().notNull(),
  /** A member of the organisation, invited in-app; or else name and e-mail of someone without an account. */
  userId: uuid("user_id"),
  name: text("name"),
  email: text("email"),
  /** The hash of the link's single-use token (kept after use, so a reused link is told as such); null for members. */
  tokenHash: text("token_hash").unique(),
  expiresAt: ts("expires_at").notNull(),
  status: text("status").$type<"invited" | "answered" | "declined" | "withdrawn">().notNull().default("invited"),
  ratings: jsonb("ratings").$type<Record<string, number | null>>().notNull().default({}),
  invitedAt: ts("invited_at").notNull().defaultNow(),
  answeredAt: ts("answered_at"),
});

export const learningPaths = pgTable(
  "learning_paths",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    frameworkId: uuid("framework_id").notNull(),
    /** The scan the path was last proposed from. */
    scanId: uuid("scan_id"),
    /** In the owner's order. */
    items: jsonb("items").$type<PathItem[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.organisationId, table.userId, table.frameworkId)],
);

export const modules = pgTable("modules", {
  id: uuid("id").primaryKey().defaultRandom(),
  ownerNetworkId: uuid("owner_network_id"),
  ownerOrganisationId: uuid("owner_organisation_id"),
  /** The module a local adaptation was copied from. */
  copiedFrom: uuid("copied_from"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const moduleVersions = pgTable(
  "module_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    moduleId: uuid("module_id").notNull(),
    ownerNetworkId: uuid("owner_network_id"),
    ownerOrganisationId: uuid("owner_organisation_id"),
    number: integer("number").notNull(),
    status: text("status").$type<"draft" | "published">().notNull().default("draft"),
    document: jsonb("document").$type<ModuleDocument>().notNull(),
    /** Set when published; a trigger keeps the version frozen from then on. */
    hash: text("hash"),
    changeNote: text("change_note"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    publishedAt: ts("published_at"),
  },
  (table) => [
    unique().on(table.moduleId, table.number),
    uniqueIndex("module_versions_one_draft").on(table.moduleId).where(sql`status = 'draft'`),
  ],
);

export const moduleProgress = pgTable(
  "module_progress",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    moduleId: uuid("module_id").notNull(),
    /** The version the learner started: they keep it. */
    moduleVersionId: uuid("module_version_id").notNull(),
    state: jsonb("state").$type<ProgressState>().notNull(),
    startedAt: ts("started_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    completedAt: ts("completed_at"),
  },
  (table) => [unique().on(table.organisationId, table.userId, table.moduleId)],
);

export const moduleAssignments = pgTable("module_assignments", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  progressId: uuid("progress_id").notNull(),
  userId: uuid("user_id").notNull(),
  blockKey: text("block_key").notNull(),
  description: text("description").notNull(),
  /** A photo as Koers re-encoded it. */
  evidence: bytea("evidence"),
  evidenceMime: text("evidence_mime"),
  status: text("status").$type<AssignmentStatus>().notNull().default("submitted"),
  reason: text("reason"),
  reviewedBy: uuid("reviewed_by"),
  reviewedAt: ts("reviewed_at"),
  version: integer("version").notNull().default(1),
  submittedAt: ts("submitted_at").notNull().defaultNow(),
});

export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").$type<CertificateKind>().notNull(),
    /** The module it certifies, or the framework of the learning line. */
    subjectId: uuid("subject_id").notNull(),
    content: jsonb("content").$type<CertificateContent>().notNull(),
    contentSha256: text("content_sha256").notNull(),
    issuedAt: ts("issued_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.organisationId, table.contentSha256)],
);

export const cases = pgTable("cases", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** The author's organisation: its trainers review the case. */
  organisationId: uuid("organisation_id").notNull(),
  ownerNetworkId: uuid("owner_network_id"),
  ownerOrganisationId: uuid("owner_organisation_id"),
  authorId: uuid("author_id").notNull(),
  status: text("status").$type<CaseStatus>().notNull().default("draft"),
  title: text("title").notNull(),
  situation: text("situation").notNull(),
  question: text("question").notNull(),
  whatHappened: text("what_happened").notNull().default(""),
  setting: text("setting").notNull(),
  frameworkId: uuid("framework_id").notNull(),
  competences: text("competences").array().notNull(),
  reviewReason: text("review_reason"),
  reviewedBy: uuid("reviewed_by"),
  reviewedAt: ts("reviewed_at"),
  version: integer("version").notNull().default(1),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const discussionPosts = pgTable("discussion_posts", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** The author's organisation. */
  organisationId: uuid("organisation_id").notNull(),
  /** Set when the subject is the network's: then every member reads the post. */
  networkId: uuid("network_id"),
  subjectKind: text("subject_kind").$type<DiscussionSubject>().notNull(),
  subjectId: uuid("subject_id").notNull(),
  parentId: uuid("parent_id"),
  authorId: uuid("author_id").notNull(),
  /** The author's name in their organisation when they posted. */
  authorName: text("author_name").notNull(),
  body: text("body").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  editedAt: ts("edited_at"),
  removedAt: ts("removed_at"),
  hiddenAt: ts("hidden_at"),
  hiddenBy: uuid("hidden_by"),
  hiddenReason: text("hidden_reason"),
  version: integer("version").notNull().default(1),
});

export const discussionReports = pgTable(
  "discussion_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    postId: uuid("post_id").notNull(),
    reporterId: uuid("reporter_id").notNull(),
    reason: text("reason").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (table) => [unique().on(table.postId, table.reporterId)],
);

// ---- learning festivals and trainings (migration 0027) ----

export const events = pgTable("events", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  kind: text("kind").$type<EventKind>().notNull(),
  audience: text("audience").$type<Audience>().notNull(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  startsAt: ts("starts_at").notNull(),
  endsAt: ts("ends_at").notNull(),
  place: text("place"),
  onlineUrl: text("online_url"),
  registrationDeadline: ts("registration_deadline").notNull(),
  status: text("status").$type<"planned" | "cancelled">().notNull().default("planned"),
  version: integer("version").notNull().default(1),
  createdBy: uuid("created_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const eventTrainers = pgTable(
  "event_trainers",
  {
    organisationId: uuid("organisation_id").notNull(),
    eventId: uuid("event_id").notNull(),
    userId: uuid("user_id").notNull(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.userId] })],
);

export const eventSessions = pgTable(
  "event_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    eventId: uuid("event_id").notNull(),
    round: integer("round").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    capacity: integer("capacity").notNull(),
  },
  (table) => [unique().on(table.eventId, table.round, table.position)],
);

/** One line per person per session; a person holds at most one open line per round. */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    eventId: uuid("event_id").notNull(),
    sessionId: uuid("session_id").notNull(),
    round: integer("round").notNull(),
    userId: uuid("user_id").notNull(),
    status: text("status").$type<PlaceStatus>().notNull(),
    registeredBy: uuid("registered_by").notNull(),
    /** clock_timestamp(): lines made in one transaction still have an order. */
    registeredAt: ts("registered_at").notNull().default(sql`clock_timestamp()`),
    promotedAt: ts("promoted_at"),
    cancelledAt: ts("cancelled_at"),
  },
  (table) => [
    uniqueIndex("event_registrations_one_per_round")
      .on(table.eventId, table.round, table.userId)
      .where(sql`status <> 'cancelled'`),
  ],
);

export const eventAttendance = pgTable(
  "event_attendance",
  {
    organisationId: uuid("organisation_id").notNull(),
    eventId: uuid("event_id").notNull(),
    userId: uuid("user_id").notNull(),
    checkedInAt: ts("checked_in_at").notNull().defaultNow(),
    checkedInBy: uuid("checked_in_by").notNull(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.userId] })],
);

export const eventEvaluations = pgTable(
  "event_evaluations",
  {
    organisationId: uuid("organisation_id").notNull(),
    eventId: uuid("event_id").notNull(),
    userId: uuid("user_id").notNull(),
    overall: integer("overall").notNull(),
    usefulness: integer("usefulness").notNull(),
    takeAway: text("take_away").notNull().default(""),
    suggestion: text("suggestion").notNull().default(""),
    submittedAt: ts("submitted_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.userId] })],
);

export const trainerProfiles = pgTable(
  "trainer_profiles",
  {
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    topics: text("topics").array().notNull().default(sql`'{}'`),
    weekdays: integer("weekdays").array().notNull().default(sql`'{}'`),
    availability: text("availability").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.userId] })],
);

export const trainerCertificates = pgTable("trainer_certificates", {
  id: uuid("id").primaryKey().defaultRandom(),
  networkId: uuid("network_id").notNull(),
  organisationId: uuid("organisation_id").notNull(),
  userId: uuid("user_id").notNull(),
  certifiedOn: date("certified_on", { mode: "string" }).notNull(),
  validUntil: date("valid_until", { mode: "string" }),
  certifiedBy: uuid("certified_by").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const trainerRequests = pgTable("trainer_requests", {
  id: uuid("id").primaryKey().defaultRandom(),
  networkId: uuid("network_id").notNull(),
  fromOrganisationId: uuid("from_organisation_id").notNull(),
  organisationId: uuid("organisation_id").notNull(),
  trainerId: uuid("trainer_id").notNull(),
  topic: text("topic").notNull(),
  wantedOn: date("wanted_on", { mode: "string" }).notNull(),
  message: text("message").notNull().default(""),
  status: text("status").$type<"open" | "accepted" | "declined" | "withdrawn">().notNull().default("open"),
  requestedBy: uuid("requested_by").notNull(),
  answeredBy: uuid("answered_by"),
  answeredAt: ts("answered_at"),
  answer: text("answer").notNull().default(""),
  version: integer("version").notNull().default(1),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const supervisedTrainings = pgTable("supervised_trainings", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  userId: uuid("user_id").notNull(),
  givenOn: date("given_on", { mode: "string" }).notNull(),
  title: text("title").notNull(),
  supervisorId: uuid("supervisor_id").notNull(),
  signedOffAt: ts("signed_off_at"),
  feedback: text("feedback").notNull().default(""),
  createdBy: uuid("created_by").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});
