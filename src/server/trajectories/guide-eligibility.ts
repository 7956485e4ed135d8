import { and, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { memberships, registrations, trajectories, trajectoryParticipants, users } from "../../db/schema.js";
import {
  ELIGIBILITY_VERDICTS,
  type GuideEligibility,
  type GuideEligibilityRecord,
} from "../../domain/eligibility/model.js";
import { type GuideFacts, judgeGuide } from "../../domain/eligibility/rules.js";
import type { GuideRule, Locale } from "../../domain/regimes/schema.js";
import { type Actor, hasRole } from "../../domain/roles.js";
import type { GuideEligibilityAnswer, GuideEligibilityQuery } from "../../domain/trajectories/api.js";
import { canStartTrajectory } from "../../domain/trajectories/policy.js";
import { forbidden, invalid } from "../http/problem.js";
import { memberName } from "../people/member-name.js";
import { findRegime, regimeVersionsByHash } from "../regimes/service.js";

/** The people concerned, as person ids (memberships) of the actor's organisation. */
export interface EligibilitySubject {
  guideIds: readonly string[];
  traineeId: string;
  commissionerIds: readonly string[];
  /** Leaves this trajectory out when looking for the trainee's werkbegeleiders (on a later change). */
  trajectoryId?: string;
}

export interface JudgedGuide {
  guideId: string;
  guideUserId: string;
  name: string;
  judgement: GuideEligibility;
}

/**
 * What is known of each proposed guide: their registrations, experience and level, and whether
 * they are the trainee's manager, werkbegeleider (in an open werkbegeleiding trajectory) or the
 * employer of this trajectory. Four queries, whatever the number of guides.
 */
async function gatherFacts(tx: Tx, actor: Actor, subject: EligibilitySubject) {
  const org = actor.organisationId;
  const ids = [...new Set([...subject.guideIds, subject.traineeId])];
  const people = await tx
    .select({
      id: memberships.id,
      userId: memberships.userId,
      roles: memberships.roles,
      status: memberships.status,
      name: memberName,
      academicExperienceYears: memberships.academicExperienceYears,
      dreyfusLevel: memberships.dreyfusLevel,
      managerId: memberships.managerId,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, org), oneOf(memberships.id, ids)));
  const trainee = people.find((p) => p.id === subject.traineeId);
  // Only active members with the guide role are judged: nobody else's registrations are told.
  const guides = subject.guideIds.map((id) =>
    people.find((p) => p.id === id && p.status === "active" && p.roles.includes("guide")),
  );
  const known = guides.filter((g): g is NonNullable<typeof g> => Boolean(g));
  if (!known.length) return { trainee, guides, facts: new Map<string, GuideFacts>() };

  const held = await tx
    .select({
      membershipId: registrations.membershipId,
      register: registrations.register,
      registrationType: registrations.registrationType,
      validUntil: registrations.validUntil,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.organisationId, org),
        oneOf(
          registrations.membershipId,
          known.map((g) => g.id),
        ),
      ),
    );

  // Open trajectories in which a proposed guide guides this trainee; werkbegeleiding ones count.
  const werkbegeleiders = new Set<string>();
  if (trainee) {
    const traineeIn = tx
      .select({ id: trajectoryParticipants.trajectoryId })
      .from(trajectoryParticipants)
      .where(
        and(
          eq(trajectoryParticipants.organisationId, org),
          eq(trajectoryParticipants.userId, trainee.userId),
          eq(trajectoryParticipants.role, "trainee"),
        ),
      );
    const guiding = await tx
      .select({ userId: trajectoryParticipants.userId, regimeHash: trajectories.regimeHash })
      .from(trajectoryParticipants)
      .innerJoin(trajectories, eq(trajectories.id, trajectoryParticipants.trajectoryId))
      .where(
        and(
          eq(trajectoryParticipants.organisationId, org),
          eq(trajectories.organisationId, org),
          eq(trajectories.closed, false),
          eq(trajectoryParticipants.role, "guide"),
          oneOf(
            trajectoryParticipants.userId,
            known.map((g) => g.userId),
          ),
          inArray(trajectoryParticipants.trajectoryId, traineeIn),
          ...(subject.trajectoryId ? [ne(trajectories.id, subject.trajectoryId)] : []),
        ),
      );
    const regimes = await regimeVersionsByHash(
      tx,
      actor,
      guiding.map((g) => g.regimeHash),
    );
    for (const g of guiding)
      if (regimes.get(g.regimeHash)?.evidence?.category === "werkbegeleiding") werkbegeleiders.add(g.userId);
  }

  const facts = new Map<string, GuideFacts>();
  for (const guide of known)
    facts.set(guide.id, {
      registrations: held.filter((h) => h.membershipId === guide.id),
      academicExperienceYears: guide.academicExperienceYears,
      dreyfusLevel: guide.dreyfusLevel,
      isManager: trainee?.managerId === guide.id,
      isWerkbegeleider: werkbegeleiders.has(guide.userId),
      isCommissioner: subject.commissionerIds.includes(guide.id),
    });
  return { trainee, guides, facts };
}

/** Judges every proposed guide by the rule; unknown people are left out (the caller refuses them). */
export async function judgeGuides(
  tx: Tx,
  actor: Actor,
  rule: GuideRule,
  subject: EligibilitySubject,
  startsOn: string,
): Promise<JudgedGuide[]> {
  const { guides, facts } = await gatherFacts(tx, actor, subject);
  return guides.flatMap((guide) => {
    const known = guide && facts.get(guide.id);
    if (!guide || !known) return [];
    return [
      { guideId: guide.id, guideUserId: guide.userId, name: guide.name, judgement: judgeGuide(rule, known, startsOn) },
    ];
  });
}

const rank = (judged: JudgedGuide) => ELIGIBILITY_VERDICTS.indexOf(judged.judgement.verdict);

/**
 * Refuses a guide the rule does not allow, at the guide field and in the requester's language;
 * otherwise answers the judgement to keep with the trajectory: the one that asks the most (a
 * motivated request) when there are several guides.
 */
export function eligibilityToKeep(
  judged: JudgedGuide[],
  startsOn: string,
  locale: Locale,
): GuideEligibilityRecord | null {
  const refused = judged.find((j) => j.judgement.verdict === "notEligible");
  if (refused)
    throw invalid({
      guideIds: {
        key: "field.guideNotEligible",
        values: {
          name: refused.name,
          rule: refused.judgement.rule[locale],
          reasons: refused.judgement.reasons.map((r) => r[locale]).join(" "),
        },
      },
    });
  const kept = [...judged].sort((a, b) => rank(b) - rank(a))[0];
  return kept ? { ...kept.judgement, guideUserId: kept.guideUserId, judgedOn: startsOn } : null;
}

/** The start page's question: how would these guides be judged for this trainee, regime and date? */
export async function guideEligibilityFor(
  tx: Tx,
  actor: Actor,
  query: GuideEligibilityQuery,
): Promise<GuideEligibilityAnswer> {
  if (!canStartTrajectory(actor.roles)) throw forbidden();
  const regime = await findRegime(tx, actor, query.regimeKey);
  if (!regime) throw invalid({ regimeKey: "field.unknownRegime" });
  if (!regime.guideRule) return { rule: null, items: [] };
  const guideIds = [...new Set(Array.isArray(query.guideId) ? query.guideId : [query.guideId])];
  const commissionerIds = query.commissionerId
    ? [query.commissionerId]
    : hasRole(actor, "client")
      ? [actor.membershipId]
      : [];
  const judged = await judgeGuides(
    tx,
    actor,
    regime.guideRule,
    { guideIds, traineeId: query.traineeId, commissionerIds },
    query.startsOn,
  );
  return {
    rule: regime.guideRule.kind,
    items: judged.map(({ guideId, name, judgement }) => ({ guideId, name, judgement })),
  };
}
