/**
 * A case is about a situation, not a client (issue 13): before a case goes to review, the editor
 * warns where its text looks like it holds what identifies a person. These are warnings, not a
 * verdict: the author looks again, and a reviewer reads what the author confirmed.
 */

export const PRIVACY_KINDS = ["bsn", "birthDate", "phone", "email", "nameList"] as const;
export type PrivacyKind = (typeof PRIVACY_KINDS)[number];

export interface PrivacyWarning {
  kind: PrivacyKind;
  /** The text that looks like it, as written. */
  match: string;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Dutch numbers: 06 or a 0 and an area code, or +31 / 0031; digits with spaces, dashes or dots.
const PHONE = /(?<![\p{N}])(?:(?:\+|00)31[\s.-]?(?:\(0\))?[\s.-]?|0)[1-9](?:[\s.-]?\d){8}(?![\p{N}])/gu;
const NINE_DIGITS = /(?<![\p{N}])\d(?:[\s.]?\d){7,8}(?![\p{N}])/gu;
const MONTHS =
  "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";
const DATE = new RegExp(
  `(?<![\\p{N}])(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)?\\d{2}|\\d{1,2}\\s+(?:${MONTHS})\\.?\\s+(?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2})(?![\\p{N}])`,
  "giu",
);
// A title or salutation before a capitalised name: "mevrouw Jansen", "dhr. De Vries".
const SALUTATION =
  /\b(?:[Mm]evrouw|[Mm]evr\.?|[Mm]eneer|[Mm]ijnheer|[Dd]hr\.?|[Mm]w\.?|[Dd]e heer)\s+\p{Lu}[\p{L}'-]+/gu;
const NAME =
  "\\p{Lu}\\p{Ll}[\\p{L}'-]*(?:\\s+(?:(?:van|de|der|den|ter|ten|het|la|le)\\s+)*\\p{Lu}\\p{Ll}[\\p{L}'-]*){0,3}";
const NAME_LIST = new RegExp(`${NAME}(?:(?:\\s*[,;]\\s*|\\s+(?:en|and|&)\\s+)${NAME}){2,}`, "gu");
const CAPITALISED = /^\p{Lu}[\p{L}'-]+(?:\s+(?:van|de|der|den|ter|ten|el|al)?\s*\p{Lu}[\p{L}'-]+)*$/u;

/** The Dutch eleven test of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11. */
export function isBsn(digits: string): boolean {
  const d = digits.replace(/\D/g, "").padStart(9, "0");
  if (d.length !== 9 || /^0+$/.test(d)) return false;
  const sum = [...d].reduce((total, c, i) => total + Number(c) * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0;
}

/**
 * A list of names: three or more capitalised names in a row, separated by commas or on their own
 * lines ("Anna, Piet en Kees de Boer"), or a name after a title of address.
 */
function nameLists(text: string): string[] {
  const found = [...text.matchAll(SALUTATION), ...text.matchAll(NAME_LIST)].map((m) => m[0]);
  const lines = text.split(/\n/).map((l) => l.trim().replace(/^[-•*]\s*/u, ""));
  let column: string[] = [];
  for (const line of [...lines, ""]) {
    if (line && CAPITALISED.test(line) && line.split(/\s+/).length <= 4) column.push(line);
    else {
      if (column.length >= 3) found.push(column.join(", "));
      column = [];
    }
  }
  return found;
}

/** What in a case's text looks like it identifies a person, in the order found; each once. */
export function privacyWarnings(text: string): PrivacyWarning[] {
  const warnings: PrivacyWarning[] = [];
  const add = (kind: PrivacyKind, match: string) => {
    const clean = match.trim();
    if (!warnings.some((w) => w.kind === kind && w.match === clean)) warnings.push({ kind, match: clean });
  };
  const emails = [...text.matchAll(EMAIL)].map((m) => m[0]);
  for (const email of emails) add("email", email);
  const withoutEmails = emails.reduce((rest, email) => rest.replace(email, " "), text);
  const phones = [...withoutEmails.matchAll(PHONE)].map((m) => m[0]);
  for (const phone of phones) add("phone", phone);
  for (const m of withoutEmails.matchAll(NINE_DIGITS))
    if (!phones.some((p) => p.includes(m[0])) && isBsn(m[0])) add("bsn", m[0]);
  // A full date (day, month and year) may well be a date of birth: a case needs no exact dates.
  for (const m of withoutEmails.matchAll(DATE)) add("birthDate", m[0]);
  for (const list of nameLists(withoutEmails)) add("nameList", list);
  return warnings;
}
