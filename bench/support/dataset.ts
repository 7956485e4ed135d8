/**
 * Benchmark data for one organisation, as plain rows: people, trajectories on the built-in
 * regimes, goals, meetings, feedback with per-goal ratings, self-assessments and final reports;
 * and in youth care (`youth-care.ts`) registrations with requirement profiles, SKJ werkbegeleiding
 * with its declarations and signatures, and intervisie groups.
 * Pure: the same seed, organisation number and day give the same rows.
 *
 * The shapes follow what the use cases write (create-trajectory, meetings, feedback, signing,
 * intervisie), so the server reads this data through its ordinary code paths.
 */
import { createHash } from "node:crypto";
import type { GuideFacts } from "../../src/domain/eligibility/rules.js";
import type { Regime } from "../../src/domain/regimes/schema.js";
import { upgradeRegime } from "../../src/domain/regimes/upgrade.js";
import type { Role } from "../../src/domain/roles.js";
import type {
  ConsentRecord,
  EvaluationMoment,
  FeedbackContent,
  GoalSnapshot,
  MeetingMode,
  MeetingStatus,
  Observation,
  SelfAssessmentContent,
} from "../../src/domain/trajectories/model.js";
import { addCompetences, type CompetenceRows } from "./competences.js";
import { type Random, Skewed } from "./random.js";
import * as text from "./texts.js";
import {
  addDeclarations,
  addIntervision,
  addProfileCopy,
  type Builder,
  type Candidate,
  type DeclaredTrajectory,
  eligibilityOf,
  guideRegistration,
  isoDay,
  type Member,
  qualifyGuide,
  registerProfessional,
  type YouthCareRows,
} from "./youth-care.js";

export const BENCH_PASSWORD = "Koers-bench-2026";

/** The sign-ins every bench organisation has, by its number (1, 2, ...). */
export const benchLogins = (organisation: number) => {
  const domain = `bench-${String(organisation).padStart(3, "0")}.example`;
  return {
    admin: `admin@${domain}`,
    guide: `guide@${domain}`,
    trainee: `trainee@${domain}`,
    /** A registered professional in SKJ werkbegeleiding with the busiest guide, in an intervisie group. */
    professional: `professional@${domain}`,
    /** The training officer (praktijkopleider): makes the intervisie groups, reads everyone's ledger. */
    officer: `officer@${domain}`,
  };
};

/** How much one organisation holds. Scale 1 is 50 organisations of these sizes. */
export interface OrganisationSize {
  guides: number;
  trajectories: number;
  commissioners: number;
}

/** A built-in regime as it is stored: its document and the hash trajectories point at. */
export interface StoredRegime {
  hash: string;
  document: Regime;
}

export interface DatasetContext {
  /** Midnight (UTC) of the day the data is "now" for: meetings before it are held, after it planned. */
  today: Date;
  regimes: { teacher: StoredRegime; assessment: StoredRegime; coaching: StoredRegime; youthCare: StoredRegime };
  passwordHash: string;
}

type Row = Record<string, unknown>;

export interface OrganisationRows extends YouthCareRows, CompetenceRows {
  organisations: Row[];
  users: Row[];
  memberships: Row[];
  regime_versions: Row[];
  trajectories: Row[];
  trajectory_participants: Row[];
  goals: Row[];
  goal_list_versions: Row[];
  meetings: Row[];
  feedback_records: Row[];
  feedback_seen: Row[];
  self_assessments: Row[];
  final_reports: Row[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const COLORS = ["#1c7ed6", "#237a35", "#7048e8", "#e8590c", "#0c8599", "#c2255c", "#5c940d"];

type Person = Member;

/** What the guide rule judges a guide on, for the guides who may guide SKJ werkbegeleiding. */
type Qualification = Omit<GuideFacts, "isManager" | "isWerkbegeleider" | "isCommissioner">;

interface Trajectory {
  id: string;
  regime: StoredRegime;
  status: string;
  start: number;
  end: number;
  /** Day (relative to today) the trajectory stopped: the end, or earlier when aborted or escalated. */
  closedOn: number | null;
  trainee: Person;
  guides: Person[];
  commissioner: Person | null;
  goals: GoalSnapshot[];
  escalatedFromId: string | null;
  /** SKJ werkbegeleiding: the professional's re-registration date and the guide's qualification. */
  youth?: { reregistrationDate: string; qualification: Qualification };
}

/** The statuses a trajectory on a regime ends up in, with how often. */
const STATUS_MIX: Record<string, readonly (readonly [string, number])[]> = {
  werkbegeleiding_leerkracht: [
    ["draft", 3],
    ["agreed", 3],
    ["running", 42],
    ["reporting", 5],
    ["completed", 39],
    ["aborted", 4],
    ["escalated", 4],
  ],
  coaching: [
    ["draft", 4],
    ["running", 46],
    ["completed", 45],
    ["aborted", 5],
  ],
  skj_werkbegeleiding: [
    ["draft", 4],
    ["agreed", 4],
    ["running", 50],
    ["reporting", 5],
    ["completed", 30],
    ["aborted", 7],
  ],
};

/** Which regime a new trajectory is on, with how often: a share of SKJ werkbegeleiding among them. */
const REGIME_MIX = [
  ["teacher", 48],
  ["coaching", 40],
  ["youthCare", 12],
] as const;

export function generateOrganisation(
  random: Random,
  number: number,
  size: OrganisationSize,
  context: DatasetContext,
): OrganisationRows {
  const { today, regimes, passwordHash } = context;
  const rows: OrganisationRows = {
    organisations: [],
    users: [],
    memberships: [],
    registrations: [],
    requirement_profiles: [],
    regime_versions: [],
    trajectories: [],
    trajectory_participants: [],
    goals: [],
    goal_list_versions: [],
    meetings: [],
    feedback_records: [],
    feedback_seen: [],
    self_assessments: [],
    final_reports: [],
    trajectory_documents: [],
    declarations: [],
    declaration_signatures: [],
    intervision_groups: [],
    intervision_members: [],
    intervision_meetings: [],
    intervision_attendance: [],
    frameworks: [],
    framework_versions: [],
    competence_scans: [],
    scan_friends: [],
    learning_paths: [],
  };
  const organisationId = random.uuid();
  const slug = `bench-${String(number).padStart(3, "0")}`;
  const logins = benchLogins(number);
  const now = today.getTime();
  const at = (offsetDays: number, hour = 0) => new Date(now + offsetDays * DAY + hour * HOUR);
  const created = at(-1200);
  const builder: Builder = { random, rows, organisationId, today, at };

  rows.organisations.push({
    id: organisationId,
    slug,
    name: `Bench-organisatie ${String(number).padStart(3, "0")}`,
    primary_color: random.pick(COLORS),
    created_at: created,
    updated_at: created,
  });
  for (const regime of Object.values(regimes))
    rows.regime_versions.push({ organisation_id: organisationId, hash: regime.hash, document: regime.document });

  const person = (
    email: string,
    roles: Role[],
    jobTitle: string | null,
    extra: { academicExperienceYears?: number; dreyfusLevel?: number; managerId?: string | null } = {},
  ): Person => {
    const userId = random.uuid();
    const name = `${random.pick(text.FIRST_NAMES)} ${random.pick(text.LAST_NAMES)}`;
    rows.users.push({
      id: userId,
      email,
      name,
      password_hash: passwordHash,
      locale: random.chance(0.9) ? "nl" : "en",
      last_organisation_id: organisationId,
      created_at: created,
      updated_at: created,
    });
    const membershipId = random.uuid();
    rows.memberships.push({
      id: membershipId,
      organisation_id: organisationId,
      user_id: userId,
      roles: roles,
      job_title: jobTitle,
      academic_experience_years: extra.academicExperienceYears ?? null,
      dreyfus_level: extra.dreyfusLevel ?? null,
      manager_id: extra.managerId ?? null,
      created_at: created,
      updated_at: created,
    });
    return { userId, name, membershipId };
  };
  const address = (kind: string, index: number) => `${kind}-${String(index).padStart(5, "0")}@${slug}.example`;

  person(logins.admin, ["admin"], "Applicatiebeheerder");
  const officer = person(logins.officer, ["training_officer", "trainer"], text.OFFICER_TITLE);
  const ownProfile = addProfileCopy(builder);
  // The first guide is the busiest: the skew gives rank 0 the most trajectories. About a third
  // of the guides are behavioural scientists who may guide SKJ werkbegeleiding, the first among
  // them: most registered, some experienced enough to guide with a motivated request.
  const qualified = new Map<Person, Qualification>();
  const guides = Array.from({ length: size.guides }, (_, i) => {
    const email = i === 0 ? logins.guide : address("guide", i);
    const roles: Role[] = random.chance(0.1) ? ["guide", "trainer"] : ["guide"];
    if (i > 0 && !random.chance(0.3)) return person(email, roles, random.pick(text.GUIDE_TITLES));
    const registered = i === 0 || random.chance(0.8);
    const experience = {
      academicExperienceYears: random.int(5, 25),
      dreyfusLevel: registered ? random.int(3, 5) : random.int(4, 5),
    };
    const guide = person(email, roles, random.pick(text.BEHAVIOURAL_SCIENTIST_TITLES), experience);
    qualified.set(
      guide,
      qualifyGuide(builder, guide, experience, registered ? guideRegistration(random, i === 0) : null),
    );
    return guide;
  });
  const behaviouralScientists = [...qualified.keys()];
  const commissioners = Array.from({ length: size.commissioners }, (_, i) =>
    person(address("client", i), ["client"], random.pick(text.CLIENT_TITLES)),
  );
  const trainees: Person[] = [];
  const newTrainee = () => {
    const trainee = person(address("trainee", trainees.length), ["trainee"], random.pick(text.TRAINEE_TITLES));
    trainees.push(trainee);
    return trainee;
  };
  // SKJ professionals take part in one werkbegeleiding each; their employer manages them.
  const professionals: Person[] = [];
  const newProfessional = (manager: Person | null) => {
    const professional = person(
      address("professional", professionals.length),
      ["trainee"],
      random.pick(text.PROFESSIONAL_TITLES),
      { academicExperienceYears: random.int(0, 3), dreyfusLevel: random.int(1, 3), managerId: manager?.membershipId },
    );
    professionals.push(professional);
    return professional;
  };
  const guideSkew = new Skewed(size.guides, 0.9);
  const scientistSkew = new Skewed(behaviouralScientists.length, 0.9);
  const commissionerSkew = new Skewed(size.commissioners, 0.5);

  const primaries: Trajectory[] = [];
  const followUps: Trajectory[] = [];
  while (primaries.length + followUps.length < size.trajectories) {
    const kind = random.weighted(REGIME_MIX);
    const regime = regimes[kind];
    const status = random.weighted(STATUS_MIX[regime.document.key] ?? []);
    if (kind === "youthCare") {
      const { start, end, closedOn } = period(random, status, [300, 540]);
      const guide = behaviouralScientists[scientistSkew.index(random)]!;
      const commissioner = random.chance(0.6) ? (commissioners[commissionerSkew.index(random)] ?? null) : null;
      const trainee = newProfessional(commissioner);
      // Werkbegeleiding early in the registration period: re-registration some years after the start.
      const reregistrationDate = registerProfessional(builder, trainee, start + random.int(1200, 1750), ownProfile);
      primaries.push({
        id: random.uuid(),
        regime,
        status,
        start,
        end,
        closedOn,
        trainee,
        guides: [guide],
        commissioner,
        goals: [],
        escalatedFromId: null,
        youth: { reregistrationDate, qualification: qualified.get(guide)! },
      });
      continue;
    }
    const teacher = kind === "teacher";
    const { start, end, closedOn } = period(random, status, [120, 300]);
    const guide = guides[guideSkew.index(random)]!;
    const second = teacher && random.chance(0.1) ? random.pick(guides) : null;
    const trajectory: Trajectory = {
      id: random.uuid(),
      regime,
      status,
      start,
      end,
      closedOn,
      trainee: trainees.length && random.chance(0.12) ? random.pick(trainees) : newTrainee(),
      guides: second && second !== guide ? [guide, second] : [guide],
      commissioner: teacher || random.chance(0.5) ? (commissioners[commissionerSkew.index(random)] ?? null) : null,
      goals: [],
      escalatedFromId: null,
    };
    primaries.push(trajectory);
    if (status === "escalated" && primaries.length + followUps.length < size.trajectories) {
      const begins = (closedOn ?? end) + random.int(7, 28);
      const ends = begins + random.int(150, 300);
      followUps.push({
        ...trajectory,
        id: random.uuid(),
        regime: regimes.assessment,
        status: ends < -7 ? (random.chance(0.1) ? "aborted" : "completed") : begins > 0 ? "draft" : "running",
        start: begins,
        end: ends,
        closedOn: ends < -7 ? ends : null,
        goals: [],
        escalatedFromId: trajectory.id,
      });
    }
  }

  // The known trainee sign-in belongs to someone the known guide is guiding right now; so does
  // the known professional's, in SKJ werkbegeleiding.
  const rename = (who: Person | undefined, email: string) => {
    const user = who && rows.users.find((u) => u.id === who.userId);
    if (user) user.email = email;
  };
  const busiest = (youth: boolean) =>
    primaries.find((t) => t.guides[0] === guides[0] && t.status === "running" && Boolean(t.youth) === youth) ??
    primaries.find((t) => Boolean(t.youth) === youth);
  rename(busiest(false)?.trainee, logins.trainee);
  const professional = busiest(true)?.trainee ?? null;
  rename(professional ?? undefined, logins.professional);

  // Follow-ups after their originals: they point back at them.
  for (const trajectory of [...primaries, ...followUps])
    addTrajectory(random, rows, organisationId, trajectory, at, today, primaries, builder);

  // Intervisie among the behavioural scientists and the professionals, made by the training officer.
  const candidates: Candidate[] = [
    ...behaviouralScientists.map((member) => ({ member, chance: 0.8 })),
    ...professionals.map((member) => ({ member, chance: 0.6 })),
  ];
  addIntervision(builder, candidates, professional, officer);

  // The guides scan themselves against the organisation's framework; some made a learning path.
  addCompetences({ ...builder, rows }, guides, guides[0]!, {
    colleagues: guides,
    officer,
    teamLeaders: commissioners,
    students: trainees,
  });
  return rows;
}

/** Start, end and closing day (days from today) for a trajectory that is now in `status`. */
function period(
  random: Random,
  status: string,
  [shortest, longest]: readonly [number, number],
): { start: number; end: number; closedOn: number | null } {
  const length = random.int(shortest, longest);
  switch (status) {
    case "draft": {
      const start = random.int(-14, 42);
      return { start, end: start + length, closedOn: null };
    }
    case "agreed": {
      const start = random.int(-28, 14);
      return { start, end: start + length, closedOn: null };
    }
    case "running": {
      const start = -random.int(14, 240);
      return { start, end: Math.max(start + length, random.int(14, 120)), closedOn: null };
    }
    case "reporting": {
      const end = random.int(-20, 40);
      return { start: end - length, end, closedOn: null };
    }
    default: {
      const end = -random.int(7, 900);
      const start = end - length;
      const stopped =
        status === "aborted"
          ? start + Math.round(length * (0.2 + random.next() * 0.5))
          : status === "escalated"
            ? start + Math.round(length * (0.5 + random.next() * 0.4))
            : end;
      return { start, end, closedOn: stopped };
    }
  }
}

interface PlannedMeeting {
  type: string;
  day: number;
  hour: number;
}

/** The meetings a trajectory's regime asks for, spread over its whole period. */
function schedule(random: Random, trajectory: Trajectory): PlannedMeeting[] {
  const { start, end } = trajectory;
  const document = trajectory.regime.document;
  const spread = (count: number, from: number, to: number) =>
    Array.from({ length: count }, (_, i) => Math.round(from + ((i + 0.5) * (to - from)) / count) + random.int(-2, 2));
  if (document.key === "skj_werkbegeleiding") {
    // Sessions in the rhythm of the plan's intensity (every two weeks, then four, then six),
    // evaluations along the way, now and then an observation at work.
    const sessions: PlannedMeeting[] = [];
    let day = start + random.int(3, 10);
    for (const phase of document.defaultIntensity?.phases ?? [])
      for (let i = 0; i < phase.times && day < end - 7; i++, day += phase.everyWeeks * 7)
        sessions.push({ type: "werkbegeleidingsgesprek", day: day + random.int(-2, 2), hour: random.int(8, 15) });
    for (const evaluation of [start + 90, Math.round((start + end) / 2), end - 10])
      if (evaluation > start && evaluation < end) sessions.push({ type: "evaluatie", day: evaluation, hour: 15 });
    for (let i = random.int(0, 2); i > 0; i--)
      sessions.push({ type: "observatie", day: random.int(start + 20, end - 20), hour: random.int(9, 14) });
    return sessions.sort((a, b) => a.day - b.day || a.hour - b.hour);
  }
  if (document.key === "coaching") {
    const sessions = spread(random.int(6, 15), start + 3, end - 7).map((day) => ({
      type: "coaching_session",
      day,
      hour: random.int(7, 15),
    }));
    if (random.chance(0.5)) sessions.push({ type: "evaluation", day: end - random.int(0, 6), hour: random.int(7, 15) });
    return sessions;
  }
  // The assessment regime asks for more visits than the teacher regime it continues.
  const pairs = document.key === "begeleiding_beoordeling" ? random.int(4, 8) : random.int(3, 5);
  const meetings: PlannedMeeting[] = [
    { type: "intake", day: start + random.int(0, 6), hour: 13 },
    { type: "diagnosis_visit", day: start + random.int(8, 16), hour: 8 },
  ];
  for (const day of spread(pairs, start + 21, end - 10)) {
    meetings.push({ type: "classroom_visit", day, hour: random.int(7, 10) });
    meetings.push({ type: "feedback_conversation", day, hour: 14 });
  }
  if (random.chance(0.4)) meetings.push({ type: "evaluation", day: Math.round((start + end) / 2) + 1, hour: 15 });
  return meetings.sort((a, b) => a.day - b.day || a.hour - b.hour);
}

function addTrajectory(
  random: Random,
  rows: OrganisationRows,
  organisationId: string,
  trajectory: Trajectory,
  at: (offsetDays: number, hour?: number) => Date,
  today: Date,
  primaries: readonly Trajectory[],
  builder: Builder,
) {
  const { regime, status, start, end, youth } = trajectory;
  const document = regime.document;
  const teacherLike = document.key !== "coaching" && !youth;
  const beyondIntake = !["draft", "agreed"].includes(status);
  const terminal = document.statuses.find((s) => s.key === status)?.terminal ?? false;
  const creator = trajectory.commissioner ?? trajectory.guides[0]!;
  const createdAt = at(start - random.int(3, 20), 10);
  const scope = { organisation_id: organisationId, trajectory_id: trajectory.id };
  const nowMs = today.getTime();

  // Goals: a follow-up continues its original's goals; others have 3 to 15, mostly 5 to 8 (SKJ 2 to 6).
  const original = trajectory.escalatedFromId ? primaries.find((t) => t.id === trajectory.escalatedFromId) : undefined;
  const goalCount =
    original?.goals.length ??
    (youth ? 2 + Math.floor(5 * random.next() ** 1.6) : 3 + Math.floor(12 * random.next() ** 1.6));
  for (let position = 1; position <= goalCount; position++) {
    const goal: GoalSnapshot = {
      id: random.uuid(),
      position,
      title: original?.goals[position - 1]?.title ?? random.pick(youth ? text.SKJ_GOAL_TITLES : text.GOAL_TITLES),
      rationale: teacherLike ? (random.chance(0.7) ? "necessity" : "wish") : null,
      successCriteria: teacherLike || random.chance(0.3) ? random.pick(text.SUCCESS_CRITERIA) : null,
      originGoalId: original?.goals[position - 1]?.id ?? null,
    };
    trajectory.goals.push(goal);
    rows.goals.push({
      id: goal.id,
      ...scope,
      position,
      title: goal.title,
      rationale: goal.rationale,
      success_criteria: goal.successCriteria,
      origin_goal_id: goal.originGoalId,
      created_at: at(start + random.int(10, 20), 11),
      updated_at: at(start + random.int(10, 20), 11),
    });
  }

  const plan: Record<string, string> = {};
  const consents: Record<string, ConsentRecord> = {};
  let evaluationMoments: EvaluationMoment[] = [];
  if (youth) {
    // The plan is complete when it is agreed (the guard asks for every intake field).
    if (status !== "draft") {
      for (const key of ["vorm", "inhoud", "intensiteit", "organisatievorm"] as const)
        plan[key] = random.pick(text.SKJ_PLAN_TEXTS[key]);
      evaluationMoments = [
        { date: isoDay(today, start + 90), label: "Eerste evaluatie" },
        { date: isoDay(today, Math.round((start + end) / 2)), label: "Tussenevaluatie" },
        { date: isoDay(today, end - 10), label: "Eindevaluatie" },
      ];
    } else if (random.chance(0.5)) plan.vorm = random.pick(text.SKJ_PLAN_TEXTS.vorm);
  } else if (teacherLike) {
    if (beyondIntake || status === "agreed") {
      for (const key of ["reason", "concerns_and_wishes", "working_agreements", "approach"] as const)
        plan[key] = random.pick(text.PLAN_TEXTS[key]);
      for (const consent of document.consents)
        consents[consent.key] = { given: true, at: at(start + random.int(1, 6), 16).toISOString() };
    } else if (random.chance(0.5)) {
      plan.reason = random.pick(text.PLAN_TEXTS.reason);
    }
  } else if (status !== "draft" || random.chance(0.5)) {
    plan.question = random.pick(text.PLAN_TEXTS.question);
    if (status !== "draft") plan.approach = random.pick(text.PLAN_TEXTS.approach);
  }
  if (teacherLike && beyondIntake)
    evaluationMoments = [
      { date: isoDay(today, Math.round((start + end) / 2)), label: "Tussenevaluatie met opdrachtgever" },
    ];

  // Judged when the guide was assigned, on the start date, where the regime has a guide rule.
  const upgraded = asRead(document);
  const guide = trajectory.guides[0]!;
  const guideEligibility = youth ? eligibilityOf(upgraded, guide, youth.qualification, isoDay(today, start)) : null;
  const title = youth
    ? `Werkbegeleiding ${trajectory.trainee.name}, herregistratie SKJ`
    : `${document.name.nl} ${trajectory.trainee.name}`;

  rows.trajectories.push({
    id: trajectory.id,
    organisation_id: organisationId,
    regime_hash: regime.hash,
    regime_key: document.key,
    title,
    status,
    closed: terminal,
    starts_on: isoDay(today, start),
    ends_on: isoDay(today, end),
    plan,
    consents,
    intensity: document.defaultIntensity,
    evaluation_moments: evaluationMoments,
    escalated_from_id: trajectory.escalatedFromId,
    status_reason:
      status === "aborted"
        ? random.pick(text.REASONS.aborted)
        : status === "escalated"
          ? random.pick(text.REASONS.escalated)
          : null,
    guide_eligibility: guideEligibility,
    version: 1 + (beyondIntake ? 3 : 1),
    created_by: creator.userId,
    created_at: createdAt,
    updated_at: at(Math.min(trajectory.closedOn ?? 0, 0), 9),
  });
  const participant = (user: Person, role: string) =>
    rows.trajectory_participants.push({ id: random.uuid(), ...scope, user_id: user.userId, role });
  participant(trajectory.trainee, "trainee");
  for (const guide of trajectory.guides) participant(guide, "guide");
  if (trajectory.commissioner) participant(trajectory.commissioner, "commissioner");

  // The goal list as the commissioner approved it, for trajectories that got past the intake.
  const approvedOn = start + random.int(18, 30);
  if (teacherLike && beyondIntake && (trajectory.closedOn ?? 0) > approvedOn && trajectory.commissioner)
    rows.goal_list_versions.push({
      id: random.uuid(),
      ...scope,
      number: 1,
      goals: trajectory.goals,
      approved_by: trajectory.commissioner.userId,
      approved_at: at(approvedOn, 12),
    });

  // Meetings: held in the past, planned ahead; a closed trajectory has none after it stopped.
  let meetings = schedule(random, trajectory);
  if (status === "draft")
    meetings = meetings.filter((m) => m.type === "intake" || m.type === "coaching_session").slice(0, 1);
  else if (status === "agreed")
    meetings = youth
      ? meetings.slice(0, 2)
      : meetings.filter((m) => m.type === "intake" || m.type === "diagnosis_visit");
  else if (status === "reporting") meetings = meetings.filter((m) => m.day < 0);
  if (trajectory.closedOn !== null) meetings = meetings.filter((m) => m.day <= (trajectory.closedOn ?? 0));

  const ratingScale = document.goals.ratingScale;
  const feedbackCount = meetings.filter((m) => document.meetingTypes.find((t) => t.key === m.type)?.feedback).length;
  let feedbackIndex = 0;
  const recorded: DeclaredTrajectory["meetings"] = [];
  for (const planned of meetings) {
    const type = document.meetingTypes.find((t) => t.key === planned.type);
    if (!type) throw new Error(`regime ${document.key} has no meeting type ${planned.type}`);
    const startsAt = at(planned.day, planned.hour + random.int(0, 3) / 4);
    const past = planned.day < 0;
    // Some meetings of the last week are not recorded yet.
    let meetingStatus: MeetingStatus = "planned";
    if (past && (terminal || planned.day < -7 || random.chance(0.5)))
      meetingStatus = random.chance(0.03) ? "cancelled" : "held";
    const held = meetingStatus === "held";
    const unannounced = type.mayBeUnannounced && random.chance(0.08);
    const form = document.observationForms.find((f) => f.key === type.observationForm);
    let observation: Observation | null = null;
    if (held && form) {
      observation = {};
      for (const item of form.items)
        observation[item.key] = {
          score: random.int(form.scale.min, form.scale.max),
          note: random.chance(0.25) ? random.pick(text.OBSERVATION_NOTES) : null,
        };
    }
    const meetingId = random.uuid();
    const createdBy = trajectory.guides[0]!.userId;
    const location = random.chance(0.8) ? random.pick(youth ? text.SKJ_LOCATIONS : text.LOCATIONS) : null;
    // Where the regime's evidence cares, a held session records how it took place.
    const mode: MeetingMode | null =
      held && upgraded.evidence
        ? location?.startsWith("Online")
          ? "video"
          : random.weighted([
              ["in_person", 85],
              ["video", 12],
              ["phone", 3],
            ] as const)
        : null;
    recorded.push({ status: meetingStatus, durationMinutes: type.defaultMinutes, startsAt });
    rows.meetings.push({
      id: meetingId,
      ...scope,
      type: type.key,
      starts_at: startsAt,
      duration_minutes: type.defaultMinutes,
      preparation_minutes: held ? random.pick([0, 10, 15, 30]) : 0,
      travel_minutes: held && type.observationForm ? random.pick([0, 15, 25, 40]) : 0,
      unannounced,
      status: meetingStatus,
      held_at: held ? new Date(startsAt.getTime() + type.defaultMinutes * 60_000) : null,
      location,
      notes: held && random.chance(0.6) ? random.pick(youth ? text.SKJ_NOTES : text.NOTES) : null,
      confidential: held && random.chance(0.1),
      observation,
      mode,
      group_size: null,
      version: held ? 2 : 1,
      created_by: createdBy,
      created_at: new Date(Math.min(startsAt.getTime() - 14 * DAY, nowMs)),
      updated_at: held ? startsAt : new Date(Math.min(startsAt.getTime() - 14 * DAY, nowMs)),
    });

    // Ratings per goal rise over the trajectory, with noise; a few goals go unrated.
    if (type.feedback) feedbackIndex++;
    const progress = feedbackCount ? feedbackIndex / feedbackCount : 0;
    const rating = (offset: number) => {
      if (!ratingScale || random.chance(0.08)) return null;
      const span = ratingScale.max - ratingScale.min;
      const value = ratingScale.min + span * (0.25 + 0.6 * progress) + offset + (random.next() - 0.5) * span * 0.3;
      return Math.max(ratingScale.min, Math.min(ratingScale.max, Math.round(value)));
    };

    if (held && type.selfAssessmentBefore && random.chance(0.85)) {
      const content: SelfAssessmentContent = {
        goals: trajectory.goals.map((goal) => ({
          goalId: goal.id,
          rating: rating(0.3),
          note: random.chance(0.15) ? random.pick(text.REFLECTIONS) : null,
        })),
      };
      const submitted = new Date(startsAt.getTime() - random.int(2, 48) * HOUR);
      rows.self_assessments.push({
        id: random.uuid(),
        ...scope,
        meeting_id: meetingId,
        user_id: trajectory.trainee.userId,
        content,
        version: 1,
        submitted_at: submitted,
        updated_at: submitted,
      });
    }

    if (held && type.feedback) {
      const corrected = random.chance(0.02);
      for (let number = 1; number <= (corrected ? 2 : 1); number++) {
        const content: FeedbackContent = {
          summary: random.chance(0.8) ? random.pick(text.SUMMARIES) : null,
          goals: trajectory.goals.map((goal) => ({
            goalId: goal.id,
            rating: rating(0),
            reflection: random.chance(0.3) ? random.pick(text.REFLECTIONS) : null,
            instructions: random.chance(0.45) ? random.pick(text.INSTRUCTIONS) : null,
          })),
          agreements: Array.from({ length: random.int(0, 2) }, () => ({
            text: random.pick(text.AGREEMENTS),
            dueOn: random.chance(0.6) ? isoDay(today, planned.day + 7 * random.int(1, 3)) : null,
          })),
        };
        const sharedAt = new Date(startsAt.getTime() + (random.int(2, 48) + (number - 1) * 72) * HOUR);
        const shared = sharedAt.getTime() < nowMs && (number === 1 || sharedAt.getTime() < nowMs - HOUR);
        const id = random.uuid();
        rows.feedback_records.push({
          id,
          ...scope,
          meeting_id: meetingId,
          number,
          content,
          correction_reason: number > 1 ? "Beoordeling van doel 2 aangepast na overleg." : null,
          shared_at: shared ? sharedAt : null,
          version: shared ? 2 : 1,
          created_by: createdBy,
          created_at: new Date(startsAt.getTime() + (number - 1) * 72 * HOUR + HOUR),
          updated_at: shared ? sharedAt : startsAt,
        });
        const seenAt = new Date(sharedAt.getTime() + random.int(1, 96) * HOUR);
        if (shared && seenAt.getTime() < nowMs && random.chance(0.8))
          rows.feedback_seen.push({
            feedback_record_id: id,
            organisation_id: organisationId,
            user_id: trajectory.trainee.userId,
            seen_at: seenAt,
          });
      }
    }
  }

  const writer = trajectory.guides[0]!.userId;
  if (status === "completed" || (status === "reporting" && random.chance(0.6))) {
    const sections = Object.fromEntries(
      document.report.sections.map((section) => [section.key, random.pick(text.REPORT_TEXTS)]),
    );
    const final = status === "completed";
    const finalisedAt = at(Math.min(trajectory.closedOn ?? 0, -1), 16);
    rows.final_reports.push({
      id: random.uuid(),
      ...scope,
      sections,
      status: final ? "final" : "draft",
      finalised_at: final ? finalisedAt : null,
      finalised_by: final ? writer : null,
      content_sha256: final ? createHash("sha256").update(JSON.stringify(sections)).digest("hex") : null,
      version: final ? 3 : 1,
      created_at: at(end - 20, 10),
      updated_at: final ? finalisedAt : at(-1, 10),
    });
  }

  if (youth)
    addDeclarations(builder, {
      id: trajectory.id,
      regime: upgraded,
      title,
      status,
      start,
      end,
      closedOn: trajectory.closedOn,
      createdAt,
      plan,
      evaluationMoments,
      intensity: document.defaultIntensity,
      guideEligibility,
      participants: [
        { member: trajectory.trainee, role: "trainee" },
        ...trajectory.guides.map((member) => ({ member, role: "guide" as const })),
        ...(trajectory.commissioner ? [{ member: trajectory.commissioner, role: "commissioner" as const }] : []),
      ],
      meetings: recorded,
      reregistrationDate: youth.reregistrationDate,
    });
}

/** Each built-in regime as the server reads it (`upgradeRegime`), made once. */
const upgradedRegimes = new Map<Regime, Regime>();
function asRead(document: Regime): Regime {
  let regime = upgradedRegimes.get(document);
  if (!regime) {
    regime = upgradeRegime(document);
    upgradedRegimes.set(document, regime);
  }
  return regime;
}
