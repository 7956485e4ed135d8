import type { GuideEligibilityRecord } from "../eligibility/model.js";
import type { DeclarationSpec, Intensity, Locale, Localized, ParticipantRole, Regime } from "../regimes/schema.js";
import type { EvaluationMoment } from "../trajectories/model.js";

/**
 * What a declaration says, generated from the trajectory's data. Plain JSON, in one language,
 * deterministic: the same facts give the same content, so the SHA-256 of the content frozen at the
 * first signature can be compared with the content generated now.
 */

/** The trajectory's data a declaration's content is made from, as loaded by the server. */
export interface DeclarationFacts {
  regime: Pick<Regime, "name" | "participants" | "planFields" | "meetingTypes">;
  trajectory: { title: string; startsOn: string; endsOn: string };
  participants: readonly { name: string; role: ParticipantRole }[];
  plan: Record<string, string>;
  evaluationMoments: readonly EvaluationMoment[];
  intensity: Intensity | null;
  guideEligibility: GuideEligibilityRecord | null;
  /** The SHA-256 of the latest uploaded motivation, if any. */
  motivationSha256: string | null;
  meetings: readonly { status: string; durationMinutes: number }[];
  /** The deviation explanation written on this version of the declaration. */
  deviation: string | null;
  reregistrationDate: string | null;
}

export interface DeclarationContent {
  locale: Locale;
  key: string;
  form: string | null;
  title: string;
  statement: string;
  trajectory: { title: string; regime: string; startsOn: string; endsOn: string; reregistrationDate: string | null };
  signers: { key: string; label: string }[];
  parties?: { role: ParticipantRole; roleLabel: string; name: string }[];
  guideEligibility?: {
    verdict: GuideEligibilityRecord["verdict"] | null;
    verdictLabel: string;
    rule: string | null;
    reasons: string[];
    judgedOn: string | null;
    motivationUploaded: boolean;
    motivationSha256: string | null;
  };
  plan?: {
    fields: { key: string; label: string; value: string }[];
    evaluationMoments: { date: string; label: string }[];
    intensity: { meetingType: string; phases: { everyWeeks: number; times: number }[] } | null;
  };
  meetings?: { held: number };
  hours?: { faceToFaceMinutes: number };
  deviation?: { text: string | null };
}

const VERDICTS = {
  nl: {
    eligible: "Voldoet aan de eisen",
    eligibleWithMotivation: "Voldoet met een gemotiveerd verzoek",
    notEligible: "Voldoet niet aan de eisen",
    unknown: "Niet beoordeeld",
  },
  en: {
    eligible: "Meets the requirements",
    eligibleWithMotivation: "Meets them with a motivated request",
    notEligible: "Does not meet the requirements",
    unknown: "Not judged",
  },
} as const;

const text = (value: Localized, locale: Locale) => value[locale];

/** The content of the declaration `spec` for a trajectory with these facts, in `locale` (Dutch unless asked). */
export function declarationContent(
  spec: DeclarationSpec,
  facts: DeclarationFacts,
  locale: Locale = "nl",
): DeclarationContent {
  const includes = new Set(spec.includes);
  const { regime } = facts;
  const content: DeclarationContent = {
    locale,
    key: spec.key,
    form: spec.form,
    title: text(spec.title, locale),
    statement: text(spec.statement, locale),
    trajectory: {
      title: facts.trajectory.title,
      regime: text(regime.name, locale),
      startsOn: facts.trajectory.startsOn,
      endsOn: facts.trajectory.endsOn,
      reregistrationDate: facts.reregistrationDate,
    },
    signers: spec.signers.map((s) => ({ key: s.key, label: text(s.label, locale) })),
  };
  if (includes.has("participants")) {
    const order = regime.participants.map((p) => p.role);
    content.parties = [...facts.participants]
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.name.localeCompare(b.name, "nl"))
      .map((p) => ({
        role: p.role,
        roleLabel: text(
          regime.participants.find((r) => r.role === p.role)?.label ?? { nl: p.role, en: p.role },
          locale,
        ),
        name: p.name,
      }));
  }
  if (includes.has("guideEligibility")) {
    const judged = facts.guideEligibility;
    content.guideEligibility = {
      verdict: judged?.verdict ?? null,
      verdictLabel: VERDICTS[locale][judged?.verdict ?? "unknown"],
      rule: judged ? text(judged.rule, locale) : null,
      reasons: judged?.reasons.map((r) => text(r, locale)) ?? [],
      judgedOn: judged?.judgedOn ?? null,
      motivationUploaded: facts.motivationSha256 !== null,
      motivationSha256: facts.motivationSha256,
    };
  }
  if (includes.has("plan")) {
    const typeLabel = (key: string) => {
      const type = regime.meetingTypes.find((t) => t.key === key);
      return type ? text(type.label, locale) : key;
    };
    content.plan = {
      fields: regime.planFields.map((field) => {
        const raw = facts.plan[field.key]?.trim() ?? "";
        const option = field.kind === "choice" ? field.options?.find((o) => o.value === raw) : undefined;
        return { key: field.key, label: text(field.label, locale), value: option ? text(option.label, locale) : raw };
      }),
      evaluationMoments: [...facts.evaluationMoments]
        .sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label))
        .map((m) => ({ date: m.date, label: m.label })),
      intensity: facts.intensity
        ? {
            meetingType: typeLabel(facts.intensity.meetingType),
            phases: facts.intensity.phases.map((p) => ({ everyWeeks: p.everyWeeks, times: p.times })),
          }
        : null,
    };
  }
  const held = facts.meetings.filter((m) => m.status === "held");
  if (includes.has("meetings")) content.meetings = { held: held.length };
  if (includes.has("hours")) content.hours = { faceToFaceMinutes: held.reduce((sum, m) => sum + m.durationMinutes, 0) };
  if (includes.has("deviation")) content.deviation = { text: facts.deviation?.trim() || null };
  return content;
}
