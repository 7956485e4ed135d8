/**
 * The youth-care part of an organisation's benchmark data: registrations in a register (SKJ,
 * NVO, NIP, BIG) measured against requirement profiles, the declarations of SKJ werkbegeleiding
 * with their signatures and the motivated requests for a guide, and intervisie groups with their
 * members, meetings and attendance. The shapes follow what the use cases write (the guide's
 * eligibility from `judgeGuide`, a declaration's frozen content from `declarationContent`
 * with its SHA-256 from `contentHash`), so the server reads these rows as its own: a signed
 * declaration whose trajectory did not change since shows as unchanged.
 */
import { createHash } from "node:crypto";
import { type DeclarationContent, declarationContent } from "../../src/domain/declarations/content.js";
import { contentHash } from "../../src/domain/declarations/hash.js";
import type { GuideEligibilityRecord } from "../../src/domain/eligibility/model.js";
import { type GuideFacts, type HeldRegistration, judgeGuide } from "../../src/domain/eligibility/rules.js";
import { BUILTIN_PROFILES } from "../../src/domain/evidence/builtin-profiles.js";
import { type RequirementProfile, requirementProfileSchema } from "../../src/domain/evidence/profile.js";
import { METHOD_KEYS } from "../../src/domain/intervision/methods.js";
import type { DeclarationSpec, ParticipantRole, Regime } from "../../src/domain/regimes/schema.js";
import type { EvaluationMoment } from "../../src/domain/trajectories/model.js";
import type { Random } from "./random.js";
import * as text from "./texts.js";

type Row = Record<string, unknown>;

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Someone of the organisation: their account, their membership and the name they go by. */
export interface Member {
  userId: string;
  membershipId: string;
  name: string;
}

/** The tables this part fills, as in OrganisationRows. */
export interface YouthCareRows {
  registrations: Row[];
  requirement_profiles: Row[];
  trajectory_documents: Row[];
  declarations: Row[];
  declaration_signatures: Row[];
  intervision_groups: Row[];
  intervision_members: Row[];
  intervision_meetings: Row[];
  intervision_attendance: Row[];
}

/** What every part needs: the stream, the rows, the organisation and the clock. */
export interface Builder {
  random: Random;
  rows: YouthCareRows;
  organisationId: string;
  today: Date;
  /** The instant `offsetDays` from today's midnight (UTC), at `hour`. */
  at(offsetDays: number, hour?: number): Date;
}

export const isoDay = (today: Date, offset: number) =>
  new Date(today.getTime() + offset * DAY).toISOString().slice(0, 10);

const digits = (random: Random, count: number) =>
  Array.from({ length: count }, () => String(random.int(0, 9))).join("");

/** The registrations SKJ werkbegeleiding accepts from a guide, with how their numbers look. */
const GUIDE_REGISTRATIONS = [
  { register: "NVO", type: "Orthopedagoog-Generalist", number: (r: Random) => `NVO-${digits(r, 6)}` },
  { register: "SKJ", type: "Postmaster-orthopedagoog", number: (r: Random) => `110${digits(r, 6)}` },
  { register: "NIP", type: "Kinder- en Jeugdpsycholoog", number: (r: Random) => `NIP-${digits(r, 5)}` },
  { register: "SKJ", type: "Kinder- en jeugdpsycholoog", number: (r: Random) => `110${digits(r, 6)}` },
  { register: "BIG", type: "Gezondheidszorgpsycholoog", number: (r: Random) => digits(r, 11) },
] as const;

const UNDER = "skj_master_under_3648";
const OVER = "skj_master_over_3648";

/**
 * The organisation's own requirement profile: the built-in SKJ master profile copied by the admin
 * (`copyProfile`, key `<based on>_1`) and then given a higher training minimum (`updateProfile`,
 * version 2). Answers its key, which some registrations follow.
 */
export function addProfileCopy(b: Builder): string {
  const source = BUILTIN_PROFILES.find((p) => p.key === UNDER);
  if (!source) throw new Error(`built-in profile ${UNDER} missing`);
  const key = `${UNDER}_1`;
  const name = "SKJ master, eigen norm scholing";
  const document: RequirementProfile = requirementProfileSchema.parse({
    ...source,
    key,
    name: { nl: name, en: name },
    requirements: source.requirements.map((r) => (r.key === "training" ? { ...r, minimum: 50 } : r)),
  });
  const created = b.at(-b.random.int(400, 900), 10);
  b.rows.requirement_profiles.push({
    id: b.random.uuid(),
    organisation_id: b.organisationId,
    key,
    based_on: UNDER,
    document,
    version: 2,
    created_at: created,
    updated_at: new Date(created.getTime() + b.random.int(1, 30) * DAY),
  });
  return key;
}

interface RegistrationInput {
  register: string;
  type: string;
  number: string;
  validUntil: string | null;
  reregistrationDate: string | null;
  profile: string | null;
}

function addRegistration(b: Builder, member: Member, input: RegistrationInput) {
  const created = b.at(-b.random.int(30, 1000), 10);
  b.rows.registrations.push({
    id: b.random.uuid(),
    organisation_id: b.organisationId,
    membership_id: member.membershipId,
    register: input.register,
    registration_type: input.type,
    number: input.number,
    valid_until: input.validUntil,
    reregistration_date: input.reregistrationDate,
    requirement_profile: input.profile,
    version: 1,
    created_at: created,
    updated_at: created,
  });
}

/**
 * A behavioural scientist who may guide SKJ werkbegeleiding: registered in one of the registers
 * the regime lists (valid for years to come; an SKJ one measured against the profile for the
 * experienced), or else experienced enough to guide with a motivated request. Answers what the
 * guide rule is judged on.
 */
export function qualifyGuide(
  b: Builder,
  guide: Member,
  experience: { academicExperienceYears: number; dreyfusLevel: number },
  registration: (typeof GUIDE_REGISTRATIONS)[number] | null,
): Omit<GuideFacts, "isManager" | "isWerkbegeleider" | "isCommissioner"> {
  const registrations: HeldRegistration[] = [];
  if (registration) {
    const until = isoDay(b.today, b.random.int(120, 1800));
    addRegistration(b, guide, {
      register: registration.register,
      type: registration.type,
      number: registration.number(b.random),
      validUntil: until,
      reregistrationDate: until,
      profile: registration.register === "SKJ" ? OVER : null,
    });
    registrations.push({ register: registration.register, registrationType: registration.type, validUntil: until });
  }
  return { registrations, ...experience };
}

/** A guide's registration: the first for the busiest guide, otherwise any the regime accepts. */
export const guideRegistration = (random: Random, first: boolean) =>
  first ? GUIDE_REGISTRATIONS[0] : random.pick(GUIDE_REGISTRATIONS);

/**
 * A master professional in SKJ werkbegeleiding for re-registration: registered in SKJ, with the
 * re-registration on `reregistrationDay` (days from today), measured against a master profile:
 * mostly the one for less experience, some the organisation's own copy.
 */
export function registerProfessional(b: Builder, professional: Member, reregistrationDay: number, ownProfile: string) {
  const date = isoDay(b.today, reregistrationDay);
  addRegistration(b, professional, {
    register: "SKJ",
    type: b.random.pick(["Orthopedagoog (master)", "Psycholoog (master)"]),
    number: `110${digits(b.random, 6)}`,
    validUntil: date,
    reregistrationDate: date,
    profile: b.random.weighted([
      [UNDER, 75],
      [OVER, 10],
      [ownProfile, 15],
    ]),
  });
  return date;
}

/** How the guide rule judged the guide on the start date, as `createTrajectory` keeps it. */
export function eligibilityOf(
  regime: Regime,
  guide: Member,
  facts: Omit<GuideFacts, "isManager" | "isWerkbegeleider" | "isCommissioner">,
  startsOn: string,
): GuideEligibilityRecord | null {
  if (!regime.guideRule) return null;
  const judgement = judgeGuide(
    regime.guideRule,
    { ...facts, isManager: false, isWerkbegeleider: false, isCommissioner: false },
    startsOn,
  );
  if (judgement.verdict === "notEligible")
    throw new Error(`bench data: guide ${guide.name} is not eligible on ${startsOn}`);
  return { ...judgement, guideUserId: guide.userId, judgedOn: startsOn };
}

/** A small PDF, as a motivated request for a guide is uploaded: its bytes differ per trajectory. */
function motivationPdf(guide: string, professional: string): Buffer {
  const line = `Gemotiveerd verzoek: ${guide} als werkbegeleider van ${professional}.`.replace(/[()\\]/g, "");
  const stream = `BT /F1 11 Tf 50 780 Td (${line}) Tj ET`;
  return Buffer.from(
    [
      "%PDF-1.4",
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj",
      `4 0 obj << /Length ${stream.length} >> stream`,
      stream,
      "endstream endobj",
      "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj",
      "trailer << /Root 1 0 R >>",
      "%%EOF",
    ].join("\n"),
    "latin1",
  );
}

/** The trajectory as its declarations see it. */
export interface DeclaredTrajectory {
  id: string;
  regime: Regime;
  title: string;
  status: string;
  /** Days from today. */
  start: number;
  end: number;
  closedOn: number | null;
  createdAt: Date;
  plan: Record<string, string>;
  evaluationMoments: EvaluationMoment[];
  intensity: Regime["defaultIntensity"];
  guideEligibility: GuideEligibilityRecord | null;
  participants: { member: Member; role: ParticipantRole }[];
  meetings: { status: string; durationMinutes: number; startsAt: Date }[];
  reregistrationDate: string | null;
}

/**
 * The declarations of a trajectory whose regime asks for them, as its people would have left
 * them: version 1 of each made when the trajectory was made; the start declaration signed by the
 * professional and then the guide (or the employer) once the guidance began, a few of them only
 * partly or not at all, and a few signed again as version 2 after the plan changed; the end
 * declaration signed once the last session was held, for a completed trajectory.
 */
export function addDeclarations(b: Builder, t: DeclaredTrajectory) {
  const { random, rows, organisationId } = b;
  const specs = t.regime.declarations ?? [];
  if (!specs.length) return;
  const now = b.today.getTime();
  const started = !["draft", "agreed"].includes(t.status);
  const trainee = t.participants.find((p) => p.role === "trainee")?.member;
  if (!trainee) throw new Error(`trajectory ${t.id} has no trainee`);

  // The motivated request comes before the start declaration can be signed.
  let motivationSha256: string | null = null;
  if (t.guideEligibility?.verdict === "eligibleWithMotivation" && (started || random.chance(0.5))) {
    const guide = t.participants.find((p) => p.role === "guide")?.member ?? trainee;
    const uploader = random.chance(0.6)
      ? guide
      : (t.participants.find((p) => p.role === "commissioner")?.member ?? guide);
    const content = motivationPdf(guide.name, trainee.name);
    motivationSha256 = createHash("sha256").update(content).digest("hex");
    rows.trajectory_documents.push({
      id: random.uuid(),
      organisation_id: organisationId,
      trajectory_id: t.id,
      kind: "motivation",
      file_name: "Gemotiveerd verzoek werkbegeleider.pdf",
      mime: "application/pdf",
      content,
      sha256: motivationSha256,
      uploaded_by: uploader.userId,
      created_at: new Date(Math.min(b.at(t.start - random.int(1, 10), 11).getTime(), now - HOUR)),
    });
  }

  const contentOf = (spec: DeclarationSpec, deviation: string | null, plan = t.plan): DeclarationContent =>
    declarationContent(spec, {
      regime: t.regime,
      trajectory: { title: t.title, startsOn: isoDay(b.today, t.start), endsOn: isoDay(b.today, t.end) },
      participants: t.participants.map((p) => ({ name: p.member.name, role: p.role })),
      plan,
      evaluationMoments: t.evaluationMoments,
      intensity: t.intensity,
      guideEligibility: t.guideEligibility,
      motivationSha256,
      meetings: t.meetings,
      deviation,
      reregistrationDate: t.reregistrationDate,
    });
  // The second signer: the guide mostly, the employer where there is one and it signs.
  const slotHolder = (spec: DeclarationSpec, key: string) => {
    const roles = spec.signers.find((s) => s.key === key)?.roles ?? [];
    const holders = t.participants.filter((p) => roles.includes(p.role));
    const employer = holders.find((p) => p.role === "commissioner");
    return (employer && random.chance(0.25) ? employer : holders.find((p) => p.role !== "commissioner"))?.member;
  };
  const version = (
    spec: DeclarationSpec,
    number: number,
    createdAt: Date,
    signing: { at: Date; slots: string[] } | null,
    options: { deviation?: string | null; plan?: Record<string, string>; status?: string } = {},
  ) => {
    const id = random.uuid();
    const deviation = options.deviation ?? null;
    const signatures: Row[] = [];
    let content: DeclarationContent | null = null;
    let sha: string | null = null;
    let last = createdAt;
    if (signing?.slots.length) {
      content = contentOf(spec, deviation, options.plan);
      sha = contentHash(content);
      let signedAt = signing.at;
      for (const slot of signing.slots) {
        const signer = slotHolder(spec, slot);
        if (!signer) throw new Error(`trajectory ${t.id}: nobody holds slot ${slot} of ${spec.key}`);
        signedAt = new Date(Math.min(signedAt.getTime(), now - HOUR));
        signatures.push({
          id: random.uuid(),
          organisation_id: organisationId,
          declaration_id: id,
          signer_key: slot,
          user_id: signer.userId,
          signer_name: signer.name,
          content_sha256: sha,
          signed_at: signedAt,
          ip: `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
          user_agent: random.pick(text.USER_AGENTS),
        });
        last = signedAt;
        signedAt = new Date(signedAt.getTime() + random.int(1, 96) * HOUR);
      }
    }
    const fullySigned = spec.signers.every((s) => signing?.slots.includes(s.key));
    rows.declarations.push({
      id,
      organisation_id: organisationId,
      trajectory_id: t.id,
      kind: spec.key,
      number,
      status: options.status ?? (fullySigned ? "signed" : "open"),
      deviation,
      content,
      content_sha256: sha,
      frozen_at: signatures[0]?.signed_at ?? null,
      // Writing the deviation is a versioned change; signing is not.
      version: deviation ? 2 : 1,
      created_at: createdAt,
      updated_at: last,
    });
    rows.declaration_signatures.push(...signatures);
  };

  const lastHeld = t.meetings
    .filter((m) => m.status === "held")
    .reduce((latest, m) => Math.max(latest, m.startsAt.getTime()), 0);
  for (const spec of specs) {
    // The professional signs first, as the slots are listed.
    const slots = spec.signers.map((s) => s.key);
    if (spec.moment === "start") {
      if (!started) {
        version(spec, 1, t.createdAt, null);
        continue;
      }
      const signedOn = b.at(t.start + random.int(0, 10), random.int(9, 16));
      const draw = random.next();
      if (draw < 0.05 && (t.closedOn ?? 0) > t.start + 100) {
        // Signed, then the plan changed: a second version, signed again by most.
        version(
          spec,
          1,
          t.createdAt,
          { at: signedOn, slots },
          {
            plan: { ...t.plan, intensiteit: text.SKJ_EARLIER_INTENSITY },
          },
        );
        const changedOn = b.at(t.start + random.int(30, 90), 11);
        version(
          spec,
          2,
          changedOn,
          random.chance(0.7) ? { at: new Date(changedOn.getTime() + random.int(1, 14) * DAY), slots: slots } : null,
        );
      } else if (draw < 0.89) version(spec, 1, t.createdAt, { at: signedOn, slots: slots });
      else if (draw < 0.95) version(spec, 1, t.createdAt, { at: signedOn, slots: slots.slice(0, 1) });
      else version(spec, 1, t.createdAt, null);
      continue;
    }
    // The end declaration (form B): signed after the last session.
    const afterLast = (day: number) => new Date(Math.max(lastHeld + 2 * HOUR, b.at(day, random.int(9, 16)).getTime()));
    if (t.status === "completed")
      version(
        spec,
        1,
        t.createdAt,
        { at: afterLast(t.end - random.int(2, 6)), slots: slots },
        {
          deviation: random.chance(0.25) ? random.pick(text.SKJ_DEVIATIONS) : null,
        },
      );
    else if (t.status === "reporting")
      version(
        spec,
        1,
        t.createdAt,
        random.chance(0.4) ? { at: afterLast(-random.int(1, 5)), slots: slots.slice(0, 1) } : null,
        { deviation: random.chance(0.2) ? random.pick(text.SKJ_DEVIATIONS) : null },
      );
    else
      version(spec, 1, t.createdAt, null, {
        deviation: t.status === "aborted" && random.chance(0.3) ? random.pick(text.SKJ_DEVIATIONS) : null,
      });
  }
}

/** Someone who may join an intervisie group, and how likely they take part in one. */
export interface Candidate {
  member: Member;
  chance: number;
}

/**
 * Intervisie groups of four to eight colleagues, made by the training officer: each meets every
 * few weeks from when it was made, with a case bringer in turn; a held meeting has its
 * attendance list, most present members confirmed their line. A few members joined later or
 * left, a few groups are archived; a group still going has its next meeting planned. `first`
 * is in a group that has met for a while.
 */
export function addIntervision(b: Builder, candidates: readonly Candidate[], first: Member | null, officer: Member) {
  const { random, rows, organisationId } = b;
  const now = b.today.getTime();
  const others = candidates.filter((c) => c.member !== first && random.chance(c.chance)).map((c) => c.member);
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [others[i], others[j]] = [others[j] as Member, others[i] as Member];
  }
  const taking = first ? [first, ...others] : others;
  taking.splice(random.int(0, Math.min(3, taking.length)), 0, officer);

  let groupNumber = 0;
  for (let from = 0; from < taking.length; ) {
    const size = Math.min(random.int(4, 8), taking.length - from);
    const people = taking.slice(from, from + size);
    from += size;
    if (people.length < 3) break;
    groupNumber++;
    const groupId = random.uuid();
    const createdDay = groupNumber === 1 ? -random.int(300, 700) : -random.int(60, 900);
    const created = b.at(createdDay, 10);
    const archived = groupNumber > 1 && random.chance(0.08);
    const lastDay = archived ? Math.min(createdDay + random.int(120, 400), -30) : 0;
    const rhythmWeeks = random.pick([4, 6, 6, 8]);
    const minutes = random.pick([60, 90, 90, 120]);
    const method = random.pick(METHOD_KEYS);
    rows.intervision_groups.push({
      id: groupId,
      organisation_id: organisationId,
      name: `${random.pick(text.INTERVISION_GROUP_NAMES)} ${groupNumber}`,
      description: random.chance(0.7) ? random.pick(text.INTERVISION_DESCRIPTIONS) : null,
      rhythm_weeks: rhythmWeeks,
      meeting_minutes: minutes,
      method,
      archived,
      version: archived ? 2 : 1,
      created_by: officer.userId,
      created_at: created,
      updated_at: archived ? b.at(lastDay + 1, 10) : created,
    });
    const members = people.map((member) => {
      const later = random.chance(0.15) && createdDay < -90;
      const joined = later ? b.at(random.int(createdDay + 30, -60), 11) : created;
      const joinedDay = Math.round((joined.getTime() - now) / DAY);
      const left =
        !archived && random.chance(0.08) && joinedDay < -120 ? b.at(random.int(joinedDay + 60, -7), 12) : null;
      rows.intervision_members.push({
        id: random.uuid(),
        organisation_id: organisationId,
        group_id: groupId,
        user_id: member.userId,
        joined_at: joined,
        left_at: left,
      });
      return { member, joined, left };
    });

    const lastCase = new Map<string, number>();
    for (let day = createdDay + 14; day <= lastDay + (archived ? 0 : rhythmWeeks * 7); day += rhythmWeeks * 7) {
      const ahead = day > 0;
      const startsAt = b.at(day, random.pick([8.5, 9.5, 13.5]));
      const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
      const present = members.filter(
        (m) => m.joined.getTime() <= startsAt.getTime() && (!m.left || m.left.getTime() > startsAt.getTime()),
      );
      if (!present.length) continue;
      // Whoever brought a case least recently, the earliest to join first, then by name.
      const caseBringer = [...present].sort(
        (x, y) =>
          (lastCase.get(x.member.userId) ?? -1) - (lastCase.get(y.member.userId) ?? -1) ||
          x.joined.getTime() - y.joined.getTime() ||
          x.member.name.localeCompare(y.member.name, "nl"),
      )[0];
      let status: "planned" | "held" | "cancelled" = "planned";
      if (!ahead) status = day > -14 && random.chance(0.3) ? "planned" : random.chance(0.05) ? "cancelled" : "held";
      if (caseBringer && status !== "cancelled") lastCase.set(caseBringer.member.userId, startsAt.getTime());
      const held = status === "held";
      const notes = held && random.chance(0.7) ? random.pick(text.INTERVISION_NOTES) : null;
      const meetingId = random.uuid();
      const madeAt = new Date(Math.min(startsAt.getTime() - random.int(14, 42) * DAY, now - HOUR));
      rows.intervision_meetings.push({
        id: meetingId,
        organisation_id: organisationId,
        group_id: groupId,
        starts_at: startsAt,
        ends_at: endsAt,
        method,
        case_bringer_id: caseBringer?.member.userId ?? null,
        status,
        notes,
        // Recording it held and saving the notes are versioned changes.
        version: held ? (notes ? 3 : 2) : 1,
        created_by: (present[0] ?? members[0])?.member.userId ?? officer.userId,
        created_at: madeAt,
        updated_at: held ? new Date(Math.min(endsAt.getTime() + random.int(1, 48) * HOUR, now - HOUR)) : madeAt,
      });
      if (!held) continue;
      for (const m of present) {
        const isPresent = random.chance(0.85);
        const confirmedAt = endsAt.getTime() + random.int(2, 120) * HOUR;
        rows.intervision_attendance.push({
          organisation_id: organisationId,
          meeting_id: meetingId,
          user_id: m.member.userId,
          present: isPresent,
          confirmed_at: isPresent && random.chance(0.9) && confirmedAt < now ? new Date(confirmedAt) : null,
        });
      }
    }
  }
}
