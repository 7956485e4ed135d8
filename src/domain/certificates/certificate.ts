import type { PathItem } from "../competences/path.js";

/**
 * A completion certificate (decision 0027): what it says is frozen when it is issued, named by
 * the SHA-256 of that content, and shows nothing personal beyond the holder's name. The public
 * verification page recognises it by that hash or by the hash of a PDF Koers made of it.
 */

export const CERTIFICATE_KINDS = ["module", "learning_line"] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export interface Localized {
  nl: string;
  en: string;
}

/** A competence the certificate names: at the level a module serves, or completed through a module. */
export interface CertifiedCompetence {
  key: string;
  name: Localized;
  /** The level of the framework's scale a module is tagged with; null for a learning line's item. */
  level: number | null;
  /** The module the learner completed it through, when one did. */
  module: string | null;
}

export interface CertificateContent {
  kind: CertificateKind;
  /** The holder's name in the organisation, as it was at issue. */
  holder: string;
  organisation: string;
  /** The module's title, or the framework's name for a whole learning line. */
  title: Localized;
  /** The module's version the learner completed; null for a learning line. */
  version: number | null;
  /** The Dutch calendar day the module or the line was completed. */
  completedOn: string;
  /** The module's estimated time; for a line the sum of its modules' (null when none served it). */
  minutes: number | null;
  competences: CertifiedCompetence[];
}

/** The same text in both languages: a module is written in one. */
export const both = (text: string): Localized => ({ nl: text, en: text });

/**
 * Whether a learning path is complete: something on it is done, and everything on it is done or
 * closed (a later scan shows no gap any more). A postponed item keeps the line open.
 */
export const learningLineComplete = (items: readonly Pick<PathItem, "status" | "closed">[]): boolean =>
  items.some((item) => item.status === "done") && items.every((item) => item.status === "done" || item.closed);

/**
 * What a learning line's certificate lists: the items done, in the owner's order, each with the
 * module it was completed through.
 */
export function learningLineCompetences(
  items: readonly Pick<PathItem, "competence" | "status" | "module">[],
  names: ReadonlyMap<string, Localized>,
  moduleTitles: ReadonlyMap<string, string>,
): CertifiedCompetence[] {
  return items
    .filter((item) => item.status === "done")
    .map((item) => ({
      key: item.competence,
      name: names.get(item.competence) ?? both(item.competence),
      level: null,
      module: item.module ? (moduleTitles.get(item.module) ?? null) : null,
    }));
}

/**
 * Whether a certificate issued before says what one issued now would: the same line with the
 * same competences through the same modules. Then it is handed out again, not issued twice.
 */
export const sameAchievement = (a: CertificateContent, b: CertificateContent): boolean =>
  a.kind === b.kind &&
  a.version === b.version &&
  a.title.nl === b.title.nl &&
  a.competences.length === b.competences.length &&
  a.competences.every(
    (c, i) =>
      c.key === b.competences[i]?.key && c.module === b.competences[i]?.module && c.level === b.competences[i]?.level,
  );
