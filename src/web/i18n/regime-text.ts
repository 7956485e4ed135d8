import { useTranslation } from "react-i18next";
import { type Locale, type Localized, localized } from "../../domain/regimes/schema";

/** The regime language for the UI language: regimes are written in Dutch and English. */
export const localeOf = (language: string | undefined): Locale => (language?.startsWith("en") ? "en" : "nl");

/** A regime's texts ({nl, en}) in one language; the fallback where there is none (a key the regime does not know). */
export const regimeTextIn =
  (locale: Locale) =>
  (value: Localized | undefined | null, fallback = ""): string =>
    value ? localized(value, locale) : fallback;

export type RegimeText = ReturnType<typeof regimeTextIn>;

/** Picks a regime's text ({nl, en}) in the language the person reads Koers in. */
export function useRegimeText() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return { locale, text: regimeTextIn(locale) };
}
