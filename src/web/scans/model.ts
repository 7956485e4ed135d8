import type { Localized } from "../../domain/regimes/schema";

/** A text of the framework in the reader's language. */
export const local = (text: Localized | null | undefined, language: string) =>
  text ? (language.startsWith("en") ? text.en : text.nl) : "";
