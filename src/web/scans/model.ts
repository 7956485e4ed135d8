import type { Localized } from "../../domain/regimes/schema";

/** A text of the framework in the reader's language. */
export const local = (text: Localized | null | undefined, language: string) =>
  text ? (language.startsWith("en") ? text.en : text.nl) : "";

/** A level as people read it: one decimal at most, in the reader's notation; a dash when there is none. */
export const formatLevel = (value: number | null, language: string) =>
  value === null
    ? "—"
    : new Intl.NumberFormat(language.startsWith("en") ? "en-GB" : "nl-NL", { maximumFractionDigits: 1 }).format(value);
