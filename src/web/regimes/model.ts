import { useQuery } from "@tanstack/react-query";
import { builtinRegime } from "../../domain/regimes/builtin";
import type { Localized, Regime } from "../../domain/regimes/schema";
import { type RegimeView, updateRegimeSchema } from "../../domain/trajectories/api";
import { api } from "../api";
import { schemaResolver } from "../forms";

export type { RegimeView };

export const regimeKeys = {
  list: ["regimes"] as const,
  regime: (id: string) => ["regimes", id] as const,
};

export function useRegimeList() {
  return useQuery({
    queryKey: regimeKeys.list,
    queryFn: () => api<{ items: RegimeView[]; canManage: boolean }>("/regimes"),
  });
}

export function useRegime(id: string) {
  return useQuery({
    queryKey: regimeKeys.regime(id),
    queryFn: () => api<RegimeView>(`/regimes/${encodeURIComponent(id)}`),
  });
}

/**
 * A code name for a new item made from its Dutch words, as the regime's keys must be: lower
 * case letters, digits and underscores, starting with a letter, and not taken yet.
 */
export function keyFrom(words: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let stem = words
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  if (!/^[a-z]/.test(stem)) stem = `item${stem ? `_${stem}` : ""}`.slice(0, 40);
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}_${n}`)) return `${stem}_${n}`;
}

/** Form state of a regime: the document itself, with number fields that may be empty while typing. */
export interface RegimeFormValues extends Record<string, unknown> {
  document: Regime;
}

type Typed = number | string | null;
const nullable = (value: Typed) => (value === "" || value === null ? null : Number(value));
/** A required number left empty goes as null, so the server names the field. */
const required = (value: Typed) => (value === "" || value === null ? (null as unknown as number) : Number(value));

/** The PUT body: the whole document, with the numbers the form edits as numbers and "empty" as no maximum. */
export function regimeBody(view: Pick<RegimeView, "version">, values: RegimeFormValues) {
  const document = values.document;
  return {
    version: view.version,
    document: {
      ...document,
      goals: { ...document.goals, max: nullable(document.goals.max) },
      meetingTypes: document.meetingTypes.map((type) => ({
        ...type,
        min: required(type.min),
        max: nullable(type.max),
        defaultMinutes: required(type.defaultMinutes),
      })),
      guideRule:
        document.guideRule?.kind === "registeredOrExperienced"
          ? { ...document.guideRule, minAcademicYears: required(document.guideRule.minAcademicYears) }
          : (document.guideRule ?? null),
    },
  };
}

/**
 * The observation items a copy has from the regime it is based on ("form.item"): these stay;
 * items an admin added may be removed again. Without a known base, the items it has now stay.
 */
export function standardItemKeys(view: Pick<RegimeView, "basedOn" | "document">): Set<string> {
  const base = (view.basedOn ? builtinRegime(view.basedOn) : undefined) ?? view.document;
  return new Set(base.observationForms.flatMap((form) => form.items.map((item) => `${form.key}.${item.key}`)));
}

const REGIME_MESSAGES = {
  "field.maxBelowMin": "edit.maxBelowMin",
  "field.adminActionUnseen": "edit.adminActionUnseen",
} as const;
type RegimeMessage = (typeof REGIME_MESSAGES)[keyof typeof REGIME_MESSAGES];

/** The page's words for a rule of the regime's schema that has words of its own here. */
export const regimeMessageKey = (issue: { message: string }): RegimeMessage | undefined =>
  REGIME_MESSAGES[issue.message as keyof typeof REGIME_MESSAGES];

/** The form checked by the domain's regime schema, as the request it sends. */
export const regimeResolver = (message: Parameters<typeof schemaResolver>[1]) =>
  schemaResolver(updateRegimeSchema.omit({ version: true }), message, (values: RegimeFormValues) => ({
    document: regimeBody({ version: 0 }, values).document,
  }));

/**
 * What the page can say before the server does with words of its own, as message keys by field:
 * a meeting type whose maximum lies below its minimum; an admin action on a part the admin no
 * longer sees. The rules are the domain schema's.
 */
export function regimeChecks(document: Regime): Record<string, RegimeMessage> {
  const found = regimeResolver((issue) => regimeMessageKey(issue) ?? "")({ document });
  return Object.fromEntries(Object.entries(found).filter(([, key]) => key)) as Record<string, RegimeMessage>;
}

export const emptyLocalized = (): Localized => ({ nl: "", en: "" });
