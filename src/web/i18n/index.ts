import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { TIME_ZONE } from "../../domain/time-zone";
import { resources } from "./resources";

export type Language = "nl" | "en";
export const LANGUAGES: Language[] = ["nl", "en"];

void i18next.use(initReactI18next).init({
  resources,
  lng: "nl",
  fallbackLng: "nl",
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const i18n = i18next;

/** Formats dates and numbers in the person's language; dates and times are Dutch ones. */
export const formatDate = (value: string | Date | null | undefined, lang: string) =>
  value
    ? new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", { dateStyle: "medium", timeZone: TIME_ZONE }).format(
        new Date(value),
      )
    : "—";
export const formatDateTime = (value: string | Date | null | undefined, lang: string) =>
  value
    ? new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: TIME_ZONE,
      }).format(new Date(value))
    : "—";
export const formatNumber = (value: number, lang: string) =>
  new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL").format(value);
