import { useTranslation } from "react-i18next";
import { type Locale, type Localized, localized, type Regime } from "../../domain/regimes/schema";
import { meetingType } from "../../domain/trajectories/evaluate";

/** The regime language for the UI language: regimes are written in Dutch and English. */
export const localeOf = (language: string | undefined): Locale => (language?.startsWith("en") ? "en" : "nl");

/**
 * A regime's texts in one language: any of its texts ({nl, en}), with a fallback where there is
 * none, and the names of its meeting types and statuses, where a key it does not know stands as it is.
 */
export function regimeTextIn(locale: Locale) {
  const text = (value: Localized | undefined | null, fallback = ""): string =>
    value ? localized(value, locale) : fallback;
  return {
    text,
    meetingTypeLabel: (regime: Regime, key: string) => text(meetingType(regime, key)?.label, key),
    statusLabel: (regime: Regime, key: string) => text(regime.statuses.find((s) => s.key === key)?.label, key),
  };
}

export type RegimeText = ReturnType<typeof regimeTextIn>["text"];

/** A regime's texts in the language the person reads Koers in. */
export function useRegimeText() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return { locale, ...regimeTextIn(locale) };
}
