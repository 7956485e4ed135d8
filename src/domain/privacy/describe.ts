import { type Erasure, PERSONAL_DATA, type PersonalData, type Retention, type Text } from "./registry.js";
import { retentionOf } from "./retention.js";

/**
 * The words for a registry entry's retention and erasure, in Dutch and English: one wording for
 * the processing register's page and its PDF, so the privacy officer reads the same in both.
 */

const months = (n: number): Text => ({
  nl: `${n} ${n === 1 ? "maand" : "maanden"}`,
  en: `${n} ${n === 1 ? "month" : "months"}`,
});

export function describeRetention(retention: Retention): Text {
  switch (retention.kind) {
    case "withMembership":
      return {
        nl: "Zolang het account of lidmaatschap bestaat",
        en: "As long as the account or membership exists",
      };
    case "period":
      return months(retention.months);
    case "afterGuidance": {
      const m = months(retention.months);
      const after =
        retention.from === "membership"
          ? {
              nl: `${m.nl} nadat de persoon de organisatie verliet`,
              en: `${m.en} after the person left the organisation`,
            }
          : { nl: `${m.nl} na het einde van de begeleiding`, en: `${m.en} after the guidance ended` };
      return retention.registerHold
        ? {
            nl: `${after.nl}, en zolang een register het bewijs nog mag controleren`,
            en: `${after.en}, and as long as a register may still audit the evidence`,
          }
        : after;
    }
    case "withParent":
      return retention.parent === "trajectories"
        ? {
            nl: "Zolang het traject waar het bij hoort: het gaat samen met het traject",
            en: "As long as the trajectory it belongs to: it goes together with the trajectory",
          }
        : {
            nl: "Zolang de intervisiegroep waar het bij hoort: het gaat samen met de groep",
            en: "As long as the intervision group it belongs to: it goes together with the group",
          };
    case "registerAudit":
      return {
        nl: "Tot de herregistratie waarvoor het bewijs dient voorbij is, plus de controletermijn van het register",
        en: "Until the re-registration the evidence serves has passed, plus the register's audit period",
      };
  }
}

/**
 * An entry's retention as the organisation has it (its own months where it chose them), in
 * words; a part of a trajectory or group says how long that is kept.
 */
export function describeRetentionOf(entry: PersonalData, periods: Readonly<Record<string, number>>): Text {
  const retention = retentionOf(entry, periods);
  const parent = retention.kind === "withParent" ? PERSONAL_DATA.find((e) => e.table === retention.parent) : undefined;
  if (!parent) return describeRetention(retention);
  const own = describeRetention(retention);
  const theirs = describeRetention(retentionOf(parent, periods));
  const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
  return { nl: `${own.nl} (${lower(theirs.nl)})`, en: `${own.en} (${lower(theirs.en)})` };
}

export const ERASURE_TEXT: Record<Erasure, Text> = {
  delete: { nl: "Wordt verwijderd", en: "Deleted" },
  anonymise: {
    nl: "Blijft zonder de persoon: naam en verwijzing gaan weg, tellingen en uren blijven kloppen",
    en: "Stays without the person: name and reference go, counts and hours stay true",
  },
  keep: {
    nl: "Blijft bewaard onder een wettelijke plicht, zonder naam op de pagina's; wie het was blijft verzegeld bewaard tot het register het bewijs niet meer mag controleren",
    en: "Kept under a legal duty, without the name on the pages; who it was stays sealed until the register may no longer audit the evidence",
  },
};
