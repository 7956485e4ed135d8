import { activeBehaviours, activeCompetences, type Framework } from "../../domain/competences/framework.js";
import type { FriendStatus, ScanFramework } from "../../domain/competences/scan-api.js";

/** The framework as one rates on it: the scale and the active competences, skills and behaviours. */
export function scanFramework(framework: Framework, versionNumber: number): ScanFramework {
  return {
    name: framework.name,
    versionNumber,
    scale: framework.scale.map((level) => ({
      value: level.value,
      name: level.name,
      description: level.description ?? null,
    })),
    competences: activeCompetences(framework).map((competence) => ({
      key: competence.key,
      name: competence.name,
      description: competence.description ?? null,
      skills: competence.skills
        .filter((skill) => !skill.retired)
        .map((skill) => ({
          key: skill.key,
          name: skill.name,
          behaviours: skill.behaviours.filter((b) => !b.retired).map((b) => ({ key: b.key, text: b.text })),
        }))
        .filter((skill) => skill.behaviours.length > 0),
    })),
  };
}

/** Every behaviour one rates in a scan on `framework`, in its order. */
export const behaviourKeys = (framework: Framework) =>
  activeCompetences(framework).flatMap((competence) => activeBehaviours(competence).map((b) => b.key));

export const variantOf = (framework: Framework, key: string) => {
  const variant = framework.variants.find((v) => v.key === key);
  return { key, name: variant?.name ?? { nl: key, en: key } };
};

/** A friend's status as people read it: an unanswered invitation past its date has expired. */
export function friendStatus(
  row: { status: "invited" | "answered" | "declined" | "withdrawn"; expiresAt: Date },
  now = new Date(),
): FriendStatus {
  return row.status === "invited" && row.expiresAt <= now ? "expired" : row.status;
}

/**
 * Checks ratings against the framework: each key a behaviour to rate, each value on its scale
 * (or null: left open). Field errors by path, e.g. `ratings.<behaviourKey>`.
 */
export function ratingErrors(framework: Framework, ratings: Record<string, number | null>) {
  const keys = new Set(behaviourKeys(framework));
  const scale = new Set(framework.scale.map((l) => l.value));
  const errors: Record<string, "field.notInFramework" | "field.notOnScale"> = {};
  for (const [key, value] of Object.entries(ratings)) {
    if (!keys.has(key)) errors[`ratings.${key}`] = "field.notInFramework";
    else if (value !== null && !scale.has(value)) errors[`ratings.${key}`] = "field.notOnScale";
  }
  return errors;
}
